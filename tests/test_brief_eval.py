"""The labelled brief set (``data/brief_eval``) drives these: every split's verdict figures
against floors with a margin, no invented disagreement in any story, and digest coverage
against the lead. ``benchmarks/brief_eval.py`` prints the full report; ``docs/brief.md`` has
the figures, which half was tuned on, and which runs were clean held-out runs."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

import summarize
from summarize.pipeline import Stages
from summarize.records import Flag, SentenceRecord
from tests.brief_eval_set import (
    DATA,
    Scores,
    _within_sentence,
    article_path,
    carried,
    check,
    load_labels,
    score,
)

LABELS = load_labels()
LABELS_ROOT = DATA.parent
STORIES = sorted(LABELS.stories)
#: (split, verdict) → (precision floor, recall floor). Regression floors, each a margin below
#: the figures measured on 2026-12-01 (docs/brief.md). Precision of "disagreement" is 1.0
#: everywhere: no invented disagreement, as on both clean held-out runs. The recall goal of
#: the issue (0.9) is met on the tuning and first held-out halves, which were both used for
#: development, and not on the second held-out set (0.56 after development, 0.22 clean).
FLOORS = {
    ("tune", "disagreement"): (1.0, 0.9), ("tune", "same_fact"): (0.95, 0.85),
    ("tune", "update"): (0.95, 0.8),
    ("heldout", "disagreement"): (1.0, 0.8), ("heldout", "same_fact"): (0.95, 0.75),
    ("heldout", "update"): (0.95, 0.75),
    ("heldout2", "disagreement"): (1.0, 0.4), ("heldout2", "same_fact"): (0.95, 0.6),
    ("heldout2", "update"): (0.9, 0.6),
}


@cache
def record() -> dict[str, Any]:
    """One run over every labelled article, as run.json holds it."""
    result = summarize.run([article_path(d) for d in LABELS.docs()],
                           stages=Stages(translate=False))
    return json.loads(json.dumps(result.to_dict()))


@cache
def scores(split: str) -> Scores:
    return score(record(), LABELS, LABELS.docs(split))


def test_the_labels_are_consistent_and_every_related_pair_is_labelled() -> None:
    assert check(LABELS) == []
    assert len(LABELS.articles) >= 40
    assert len({s["domain"] for s in LABELS.stories.values()}) >= 6
    assert {s["split"] for s in LABELS.stories.values()} == {
        "tune", "heldout", "heldout2", "heldout3", "heldout4"}


@pytest.mark.parametrize(("split", "kind"), sorted(FLOORS))
def test_verdicts_meet_their_floors(split: str, kind: str) -> None:
    found = scores(split)
    precision, recall = FLOORS[(split, kind)]
    assert (found.precision(kind) or 1.0) >= precision, found.invented
    assert (found.recall(kind) or 0.0) >= recall, found.missed


@pytest.mark.parametrize("story", STORIES)
def test_no_story_has_an_invented_disagreement(story: str) -> None:
    docs = set(LABELS.stories[story]["articles"])
    found = score(record(), LABELS, docs)
    assert found.confusion[("unrelated", "disagreement")] == 0, found.invented
    assert not any(guess == "disagreement" for _, _, _, guess in found.missed), found.missed


@pytest.mark.parametrize("split", ["tune", "heldout", "heldout2"])
def test_digests_carry_about_as_many_key_facts_as_the_lead(split: str) -> None:
    from summarize.digest.extractive import ExtractiveSummarizer, eligible

    docs = set(LABELS.docs(split))
    for k in (3, 4):
        ours = lead = 0
        for doc in record()["documents"]:
            if doc["id"] not in docs:
                continue
            sentences = [SentenceRecord(s["id"], s["paragraph"], s["source"], s["english"],
                                        [Flag(**f) for f in s["flags"]], s["heading"])
                         for s in doc["sentences"]]
            facts = LABELS.articles[doc["id"]]["key_facts"]
            lines = ExtractiveSummarizer().digest(sentences, k)
            ours += carried([line.text for line in lines], facts)
            lead += carried([s.english for s in sentences if eligible(s)][:k], facts)
        # Not ahead everywhere: on the first held-out half the lead carries 3 facts more.
        assert ours >= lead - 4, (split, k, ours, lead)


#: The sets written blind by other engineers (each scored once clean, then read to find general
#: fixes, so development sets now; docs/brief.md): labelled figures the claim reader must
#: still read (a margin below the figures of 2026-12-02, durations included). None may get an
#: invented disagreement.
BLIND_SETS = {"brief_eval_blind": 162, "brief_eval_blind2": 172, "brief_eval_blind3": 240,
              "brief_eval_blind4": 240, "brief_eval_blind5": 218, "brief_eval_blind6": 242,
              "brief_eval_blind7": 255, "brief_eval_blind8": 172, "brief_eval_blind9": 200,
              "brief_eval_blind10": 170, "brief_eval_blind11": 225, "brief_eval_blind12": 190,
              "brief_eval_blind13": 208, "brief_eval_blind14": 192, "brief_eval_blind15": 202,
              "brief_eval_blind16": 210, "brief_eval_blind17": 210,
              "brief_eval_blind18": 215, "brief_eval_blind19": 235, "brief_eval_blind20": 215,
              "brief_eval_blind21": 185, "brief_eval_blind22": 210, "brief_eval_blind24": 220,
              "brief_eval_blind25": 225, "brief_eval_blind26": 265}


@cache
def _blind_record(name: str) -> dict[str, Any]:
    """One run over a blind set's articles, as run.json holds it."""
    folder = LABELS_ROOT / name
    docs = load_labels(folder / "labels.jsonl").docs()
    result = summarize.run([folder / "articles" / f"{d}.md" for d in docs],
                           stages=Stages(translate=False))
    return json.loads(json.dumps(result.to_dict()))


def _scored(name: str) -> Scores:
    labels = load_labels(LABELS_ROOT / name / "labels.jsonl")
    return score(_blind_record(name), labels, labels.docs())


@pytest.mark.parametrize("name", sorted(BLIND_SETS))
def test_blind_sets_get_no_invented_disagreement(name: str) -> None:
    found = _scored(name)
    assert found.precision("disagreement") in (None, 1.0), found.invented
    assert found.matched >= BLIND_SETS[name], found.matched


@pytest.mark.parametrize("name", sorted(BLIND_SETS))
def test_a_verdict_of_different_times_names_times_that_differ(name: str) -> None:
    """"Different times: 2026-02-10 / 2026-02-10" told an analyst nothing, and looked false:
    an event's figures of one day may differ in when they happened or were reported, and the
    reason then says which (before: it showed the two equal days; blind18)."""
    for verdict in _blind_record(name)["brief"]["verdicts"]:
        times = verdict["reason"].removeprefix("different times: ").split(" / ")
        assert len(times) != 2 or times[0] != times[1], verdict


def test_a_label_context_that_runs_over_a_sentence_end_is_matched_in_its_own_sentence() -> None:
    # Before: "contacts. Another 20 suspected cases are awaiting" matched no sentence, so a
    # right disagreement on blind25 was counted as one on unlabeled figures.
    assert _within_sentence("contacts. Another 20 suspected cases are awaiting",
                            "20 suspected cases") == "Another 20 suspected cases are awaiting"
    assert _within_sentence("killed 23 people, nine of them", "23 people") == (
        "killed 23 people, nine of them")
