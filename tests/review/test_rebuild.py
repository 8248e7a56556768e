"""Rebuilding from corrected English: the same code as a run, reviews applied, files rewritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import summarize
from summarize.records import RunResult
from summarize.review.apply import reviewed_run
from summarize.review.items import collect_items, fact_item_id
from summarize.review.store import ItemState

ENGLISH = Path(__file__).parents[1] / "fixtures" / "english"
CORRECTED = ("Arcadia Robotics, the French maker of warehouse robots, said on Monday it had "
             "raised $450 million in a funding round led by Bpifrance.")


@pytest.fixture(scope="module")
def english_run() -> RunResult:
    """A digest-only run of two English articles (no model anywhere)."""
    return summarize.run([ENGLISH / "arcadia_lemonde.txt", ENGLISH / "arcadia_reuters.txt"],
                         stages=summarize.Stages(translate=False))


def state(item: str, status: str, text: str | None = None, source: str | None = None,
          kind: str = "sentence") -> ItemState:
    return ItemState(item, kind, status, text, source, "en", 1, "Ada", "2026-01-02T03:04:05Z")


def test_rebuilding_an_unchanged_run_gives_what_the_run_gave(english_run: RunResult) -> None:
    before = json.dumps(english_run.to_dict(), sort_keys=True)
    again = summarize.rebuild(english_run)
    assert json.dumps(english_run.to_dict(), sort_keys=True) == before  # not changed
    assert [d.digest for d in again.documents] == [d.digest for d in english_run.documents]
    assert again.brief == english_run.brief and again.risks == english_run.risks
    assert again.syndication == english_run.syndication
    assert {"rebuild_digest", "rebuild_brief"} <= set(again.timings)


def test_reviews_flow_into_sentences_digests_brief_and_every_file(
        english_run: RunResult, tmp_path: Path) -> None:
    docs = {d.id: d for d in english_run.documents}
    reuters = docs["arcadia_reuters"]
    (quoted,) = reuters.digest[0].evidence
    target = next(s for s in reuters.sentences if s.id == quoted)
    approved = next(s for s in docs["arcadia_lemonde"].sentences if not s.heading)
    dropped_line = docs["arcadia_lemonde"].digest[-1]
    items = collect_items(english_run)
    fact = next(i for i in items.values() if i.kind == "fact"
                and not {target.id, approved.id} & set(i.evidence))
    states = {
        f"sentence:{target.id}": state(f"sentence:{target.id}", "corrected", CORRECTED,
                                       target.source),
        f"sentence:{approved.id}": state(f"sentence:{approved.id}", "approved", approved.english,
                                         approved.source),
        "digest:" + "+".join(dropped_line.evidence): state(
            "digest:" + "+".join(dropped_line.evidence), "rejected", dropped_line.text,
            json.dumps(list(dropped_line.evidence)), kind="digest"),
        fact.id: state(fact.id, "rejected", fact.text, json.dumps(list(fact.evidence)),
                       kind="fact"),
    }
    new = reviewed_run(english_run, states)
    by_id = {s.id: s for d in new.documents for s in d.sentences}
    corrected = by_id[target.id]
    assert (corrected.english, corrected.origin, corrected.score) == (CORRECTED, "human", None)
    assert [(f.code, f.severity) for f in corrected.flags] == [("human", 0)]
    assert "corrected by a person (Ada, 2026-01-02)" in corrected.flags[0].reason
    assert by_id[approved.id].origin == "human" and by_id[approved.id].english == approved.english
    new_docs = {d.id: d for d in new.documents}
    assert any(CORRECTED in line.text for line in new_docs["arcadia_reuters"].digest)
    assert all(set(line.evidence).isdisjoint(dropped_line.evidence)
               for line in new_docs["arcadia_lemonde"].digest)
    assert all(fact_item_id(f.evidence) != fact.id for s in new.brief.stories for f in s.facts)
    kept = reviewed_run(english_run, {k: v for k, v in states.items() if k != fact.id})
    assert any(fact_item_id(f.evidence) == fact.id for s in kept.brief.stories for f in s.facts)
    assert new.settings["review"]["sentences"] == {"approved": 1, "corrected": 1,
                                                   "needs_retranslation": 0}
    assert english_run.documents[1].sentences[0].origin == "model"  # the input is untouched

    summarize.write_outputs(new, tmp_path / "out")
    record = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert RunResult.from_dict(record).documents[1].sentences == new.documents[1].sentences
    sentence = next(s for d in record["documents"] for s in d["sentences"] if s["id"] == target.id)
    assert sentence["origin"] == "human"
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert report.count('class="origin human"') == 2
    digest = (tmp_path / "out" / "digests" / "arcadia_reuters.md").read_text(encoding="utf-8")
    assert f"{CORRECTED} [{target.id}] _(human translation)_" in digest
    assert "## Translated or approved by a person" in (
        tmp_path / "out" / "translations" / "arcadia_reuters.en.md").read_text(encoding="utf-8")


def test_a_sentence_marked_for_retranslation_is_flagged_and_leads_the_risks(
        english_run: RunResult) -> None:
    sentence = english_run.documents[0].sentences[2]
    item = f"sentence:{sentence.id}"
    new = reviewed_run(english_run, {item: state(item, "needs_retranslation", sentence.english,
                                                 sentence.source)})
    again = reviewed_run(new, {item: state(item, "needs_retranslation", sentence.english,
                                           sentence.source)})  # a second rebuild: no repeat
    flags = [f for f in again.documents[0].sentences[2].flags if f.code == "needs_retranslation"]
    assert len(flags) == 1 and flags[0].severity == 2
    assert again.risks[0]["id"] == sentence.id and "needs_retranslation" in again.risks[0]["flags"]


def test_a_review_of_another_source_text_is_not_applied(english_run: RunResult) -> None:
    sentence = english_run.documents[0].sentences[2]
    item = f"sentence:{sentence.id}"
    new = reviewed_run(english_run, {item: state(item, "corrected", "Something else.",
                                                 "A source a later run no longer has.")})
    assert new.documents[0].sentences[2].english == sentence.english
    assert new.documents[0].sentences[2].origin == "model"
