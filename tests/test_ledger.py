"""The entity ledger and one spelling per entity, end to end; the FLORES figures of the audit."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

import summarize
from summarize.cli import main
from summarize.ledger import build_ledger, english_form
from summarize.namescan import source_names
from summarize.options import DigestOptions, TranslationOptions
from summarize.records import DocumentResult, RunResult, SentenceRecord
from summarize.report import render_report

ROOT = Path(__file__).parents[1]


def _benchmark() -> ModuleType:
    """``benchmarks/name_audit_flores.py``, loaded from its file (benchmarks are scripts)."""
    spec = importlib.util.spec_from_file_location(
        "name_audit_flores", ROOT / "benchmarks" / "name_audit_flores.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module

ENGLISH = TranslationOptions(source_lang="en")
TEXTS = {
    "a": "President Erdogan met the chief of Mistral AI in Ankara on Monday.\n\n"
         "Erdogan said the deal was worth 2 billion euros.",
    "b": "On Tuesday, Erdoğan visited Paris to meet investors.\n\n"
         "Then Erdoğan also spoke with Mistral AI about a new data centre in Turkey.",
    "c": "Analysts said Erdoğan wants more investment in data centres.",
}


def test_english_form_of_a_source_name() -> None:
    name = source_names("Şirket Mistral, Ankara'da bir ofis açtı.", "tr")[1]
    assert english_form(name, "Mistral opened an office in Ankara's centre.") == "Ankara"
    germany = source_names("Toplantı Almanya'da yapıldı.", "tr")[0]
    assert english_form(germany, "The meeting was held in Germany.") == "Germany"


def test_ledger_merges_spellings_and_counts_documents() -> None:
    docs = [DocumentResult("t", None, language="tr", sentences=[
        SentenceRecord("t:1:1", 1, "Bakan Erdoğan'ı kabul etti.", "The minister received Erdogan."),
        SentenceRecord("t:1:2", 1, "Erdoğan, Ankara'ya döndü.", "Erdoğan returned to Ankara.")])]
    ledger = {e.entity: e for e in build_ledger(docs)}
    assert set(ledger["Erdoğan"].english_forms) == {"Erdogan", "Erdoğan"}
    assert ledger["Erdoğan"].source_forms == ["Erdoğan"]
    assert ledger["Ankara"].documents == ["t"]


def test_a_name_in_dateline_capitals_is_spelled_as_in_the_text() -> None:
    # Before: "LAGOS" won the tie against "Lagos" (capitals sort first) and titled the story.
    docs = [DocumentResult("n", None, language="en", sentences=[
        SentenceRecord("n:1:1", 1, "LAGOS — A building fell.", "LAGOS — A building fell."),
        SentenceRecord("n:2:1", 2, "Rescuers in Lagos worked all night.",
                       "Rescuers in Lagos worked all night.")])]
    names = {e.entity for e in build_ledger(docs)}
    assert "Lagos" in names and "LAGOS" not in names


def test_capitals_only_break_a_tie_the_most_frequent_form_wins() -> None:
    # Before: any all-capitals form lost to its lower-case twin, so "Nato" (once) beat "NATO"
    # (twice), against the rule that the most frequent English form is the entity's spelling.
    docs = [DocumentResult("n", None, language="en", sentences=[
        SentenceRecord(f"n:{i}:1", i, text, text) for i, text in enumerate(
            ["The ministers of NATO met.", "Officials of NATO said more.",
             "Then Nato officials left."], 1)])]
    names = {e.entity for e in build_ledger(docs)}
    assert "NATO" in names and "Nato" not in names


def test_one_spelling_per_entity_in_digests_with_every_respelling_recorded() -> None:
    result = summarize.run(TEXTS, translation=ENGLISH, digest=DigestOptions(digest_sentences=2))
    entity = next(e for e in result.entities if e.entity == "Erdoğan")
    assert entity.english_forms == {"Erdoğan": 3, "Erdogan": 2}
    assert entity.documents == ["a", "b", "c"] and entity.basis == "most frequent"
    digest_a = " ".join(line.text for line in result.documents[0].digest)
    assert "Erdogan" not in digest_a and "Erdoğan" in digest_a
    assert entity.respelled and all(r.original == "Erdogan" for r in entity.respelled)
    flagged = [f for line in result.documents[0].digest for f in line.flags]
    assert any(f.code == "respelled" and f.severity == 0 for f in flagged)
    # The translation itself keeps the form it had.
    assert "Erdogan" in result.documents[0].sentences[0].english
    # run.json carries the ledger and reads back into the same records.
    again = RunResult.from_dict(json.loads(json.dumps(result.to_dict())))
    assert again.entities == result.entities


def test_the_glossary_spelling_wins() -> None:
    options = TranslationOptions(source_lang="en", glossary={"Erdogan": "Erdogan"})
    result = summarize.run(TEXTS, translation=options, digest=DigestOptions(digest_sentences=2))
    entity = next(e for e in result.entities if e.entity == "Erdogan")
    assert entity.basis == "glossary"
    assert all("Erdoğan" not in line.text for d in result.documents for line in d.digest)


def test_review_page_lists_the_ledger_escaped() -> None:
    result = summarize.run({"a": "Mistral <AI> met Erdoğan in Ankara.\n\nErdoğan smiled."},
                           translation=ENGLISH)
    page = render_report(result.to_dict())
    assert '<section id="names">' in page and 'href="#names"' in page
    assert "<bdi>Erdoğan</bdi>" in page and "<AI>" not in page


def test_cli_run_writes_the_ledger_and_name_flags(tmp_path: Path,
                                                  seed_model_args: list[str]) -> None:
    out = tmp_path / "out"
    code = main(["run", str(ROOT / "seeds" / "000_10d260935c3fa862.txt"), "--quiet",
                 "--out", str(out), "--no-cache", *seed_model_args])
    assert code == 0
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert "entities" in record
    codes = {f["code"] for d in record["documents"] for s in d["sentences"] for f in s["flags"]}
    assert codes & {"name_lost", "name_changed"}  # the tiny model keeps no names
    assert '<section id="names">' in (out / "report.html").read_text(encoding="utf-8")


#: Held-out figures of benchmarks/name_audit_flores.py (docs/names.md), with a margin:
#: (pair, system) → (least recall, most false-flag rate).
HELD_OUT = {("tr", "opusmt"): (0.45, 0.06), ("tr", "nllb"): (0.55, 0.045),
            ("ar", "opusmt"): (0.18, 0.03), ("ar", "nllb"): (0.18, 0.03)}


@pytest.mark.parametrize(("lang", "system"), sorted(HELD_OUT))
def test_flores_held_out_figures(lang: str, system: str) -> None:
    bench = _benchmark()
    counts, _ = bench.evaluate(bench.default_flores(), lang, system, bench.HALVES["held-out"])
    least_recall, most_false = HELD_OUT[(lang, system)]
    assert counts.recall >= least_recall
    assert counts.false_rate <= most_false


@pytest.mark.parametrize("system", ["opusmt", "nllb"])
def test_the_second_annotation_covers_only_the_held_out_half(system: str) -> None:
    """The blind second labels (data/flores/second/) are of held-out lines only, in the first
    labels' format, and the benchmark scores the audit against both and their union."""
    bench = _benchmark()
    folder = bench.default_flores()
    second = bench.second_labels(folder, system)
    assert second and all(line % 2 == 1 for line in second)
    assert all(r["kind"] in {"lost", "changed"} and r["name"] for rs in second.values()
               for r in rs)
    table = bench.second_opinion(folder)
    name = bench.SYSTEMS[system]
    rows = [row for row in table.splitlines() if row.startswith(f"| {name} | ")]
    assert [row.split(" | ")[1] for row in rows[:3]] == ["first", "second (blind)", "union"]


def test_a_rebuilt_run_keeps_one_spelling_per_entity() -> None:
    """Rebuilding after review makes the digests again: they are respelled again too."""
    result = summarize.run(TEXTS, translation=ENGLISH, digest=DigestOptions(digest_sentences=2))
    rebuilt = summarize.rebuild(result)
    digest_a = " ".join(line.text for line in rebuilt.documents[0].digest)
    assert "Erdogan" not in digest_a and "Erdoğan" in digest_a
    assert [e.entity for e in rebuilt.entities] == [e.entity for e in result.entities]
