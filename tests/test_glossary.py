"""The glossary: files read with clear errors, inflection-tolerant matching, term_missing,
and a retry that keeps the hypothesis rendering the term (tiny real engines and a backend)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

import summarize
import summarize.cli
from summarize.errors import InputError
from summarize.glossary import Glossary, Term, rendered
from summarize.translate.base import Generation, Translator
from summarize.translate.decoding import Decoding

ROOT = Path(__file__).parents[1]


def test_tsv_and_csv_files_with_header_comments_and_languages(tmp_path: Path) -> None:
    tsv = tmp_path / "terms.tsv"
    tsv.write_text("source\tenglish\tlanguage\n# a comment\n\nyapay zeka\tartificial "
                   "intelligence\ttr\nMistral\tMistral\n", encoding="utf-8")
    assert Glossary.load(tsv).terms == [Term("yapay zeka", "artificial intelligence", "tr"),
                                        Term("Mistral", "Mistral", None)]
    csv = tmp_path / "terms.csv"
    csv.write_text('Rechenzentrum,data centre,de\n"Le Chat","Le Chat"\n', encoding="utf-8")
    assert [t.english for t in Glossary.load(csv).terms] == ["data centre", "Le Chat"]
    bad = tmp_path / "bad.tsv"
    bad.write_text("ok\tfine\nonly one column\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.tsv: glossary line 2: expected source term"):
        Glossary.load(bad)
    with pytest.raises(InputError, match="cannot read the glossary"):
        Glossary.load(tmp_path / "missing.tsv")


@pytest.mark.parametrize(("term", "language", "sentence", "found"), [
    ("yapay zeka", "tr", "Şirket, yapay zekâ altyapısına yatırım yapıyor.", True),
    ("Mistral", "tr", "Mistral'in yeni modeli Paris'te tanıtıldı.", True),
    ("veri merkezi", "tr", "İsveç'teki veri merkezleri büyüyor.", True),
    ("Rechenzentrum", "de", "Die neuen Rechenzentren stehen in Schweden.", True),
    ("centro dati", "it", "I nuovi centri dati sono in Svezia.", True),
    ("Rechenzentrum", "de", "Das Rechnen ist schwer.", False),
    ("yapay zeka", "tr", "Zeka oyunları ve yapay çiçekler.", False),
    ("yapay zeka", "de", "Die yapay zeka steht hier nur zum Test.", False),  # a tr term
])
def test_terms_are_found_through_inflection_and_accents(term: str, language: str,
                                                        sentence: str, found: bool) -> None:
    lang = "tr" if term in {"yapay zeka", "veri merkezi"} else language
    glossary = Glossary([Term(term, "x", lang if term == "yapay zeka" else None)])
    assert bool(glossary.found_in(sentence, language)) == found


@pytest.mark.parametrize(("required", "english", "ok"), [
    ("artificial intelligence", "Artificial Intelligence is growing.", True),
    ("data centre", "The new data centres are in Sweden.", True),
    ("Mistral", "Mistral's model", True),
    ("Mistral", "The Mistralian model", False),
    ("data centre", "The data center is in Sweden.", False),
])
def test_the_english_rendering_is_whole_words_ignoring_case(required: str, english: str,
                                                            ok: bool) -> None:
    assert rendered(required, english) == ok


class NBest(Translator):
    """A backend whose best hypothesis misses the term and whose second one has it."""

    def __init__(self) -> None:
        self.decodings: list[Decoding | None] = []

    def translate_batch(self, texts: Sequence[str], src_lang: str) -> list[str]:
        return [g.text for g in self.generate_batch(texts, src_lang)]

    def generate_batch(self, texts: Sequence[str], src_lang: str,
                       decoding: Decoding | None = None) -> list[Generation]:
        self.decodings.append(decoding)
        first = Generation("The start-up invests in AI in Sweden.", score=-0.2)
        second = Generation("The start-up invests in artificial intelligence in Sweden.",
                            score=-0.3)
        count = decoding.hypotheses if decoding else 1
        return [Generation(first.text, score=first.score,
                           alternatives=(second,) if count > 1 else ()) for _ in texts]


def test_a_missing_term_is_flagged_and_the_retry_keeps_the_hypothesis_that_has_it() -> None:
    backend = NBest()
    text = "Girişim, İsveç'te yapay zekâya yatırım yapıyor."
    options = summarize.TranslationOptions(no_cache=True, source_lang="tr",
                                           glossary={"yapay zeka": "artificial intelligence"})
    result = summarize.run({"t": text}, router=summarize.StaticRouter({"tr": backend}),
                           translation=options, stages=summarize.Stages(digest=False))
    (sentence,) = result.documents[0].sentences
    assert "artificial intelligence" in sentence.english
    assert {f.code for f in sentence.flags} >= {"retried"}
    assert "term_missing" not in {f.code for f in sentence.flags}
    assert [d.hypotheses if d else 1 for d in backend.decodings] == [1, 8]
    without = summarize.run({"t": text}, router=summarize.StaticRouter({"tr": NBest()}),
                            translation=summarize.TranslationOptions(no_cache=True,
                                                                     source_lang="tr"),
                            stages=summarize.Stages(digest=False))
    assert without.documents[0].sentences[0].english == "The start-up invests in AI in Sweden."


@pytest.mark.parametrize("engine", ["ctranslate2", "transformers"])
def test_both_engines_return_the_n_best_hypotheses(engine: str, tiny_models: dict[str, Path],
                                                   tmp_path: Path) -> None:
    from summarize.translate.engines import Runtime, get_engine
    from summarize.translate.hub import resolve_model

    options = summarize.TranslationOptions(beams=2, engine=engine,  # type: ignore[arg-type]
                                           cache=str(tmp_path), compute_type="float32")
    translator = get_engine(engine).from_options(
        resolve_model(str(tiny_models["marian"]), purpose="test"), options, Runtime())
    texts = ["Şirket 2023'te kuruldu.", "Tesis 2027'de açılacak."]
    plain = translator.generate_batch(texts, "tr", Decoding(beams=4))
    best = translator.generate_batch(texts, "tr", Decoding(beams=2).n_best(4))
    assert [g.alternatives for g in plain] == [(), ()]
    assert all(len(g.alternatives) == 3 for g in best)
    assert [g.text for g in best] == [g.text for g in plain]  # the first is the beam-4 best
    assert all(g.score is not None and a.score is not None for g in best
               for a in g.alternatives)


def test_a_term_missing_in_a_real_run_is_flagged_and_retried(tiny_models: dict[str, Path],
                                                             tmp_path: Path) -> None:
    glossary = tmp_path / "g.tsv"
    glossary.write_text("yatırım\tinvestment\ttr\n", encoding="utf-8")
    out = tmp_path / "out"
    code = summarize.cli.main([
        "translate", str(ROOT / "seeds" / "000_10d260935c3fa862.txt"), "--out", str(out),
        "--no-cache", "--quiet", "--beams", "1", "--model", f"tr={tiny_models['marian']}",
        "--glossary", str(glossary)])
    assert code == 0
    import json

    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    flagged = [s for d in record["documents"] for s in d["sentences"]
               if any(f["code"] == "term_missing" for f in s["flags"])]
    assert flagged and all("retried" in {f["code"] for f in s["flags"]} for s in flagged)
    assert all('"yatırım" must be rendered "investment"' in f["reason"] for s in flagged
               for f in s["flags"] if f["code"] == "term_missing")
    assert record["settings"]["glossary"] == str(glossary)


def test_a_bad_glossary_fails_before_any_work(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,c,d\n", encoding="utf-8")
    code = summarize.cli.main(["translate", str(ROOT / "seeds"), "--out", str(tmp_path / "o"),
                               "--glossary", str(bad)])
    assert code == 2
    assert "bad.csv: glossary line 1" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
