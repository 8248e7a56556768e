"""The translation driver: retries with safer decoding actually run, the better attempt wins,
failed batches fail their documents only; on the tiny real engines and on plain backends."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import summarize
from summarize.translate.base import Generation, Translator
from summarize.translate.decoding import Decoding
from summarize.translate.routing import ModelRouter

TURKISH = ["Fransız yapay zeka girişimi Mistral AI, İsveç'te yatırım yapacağını duyurdu.",
           "Şirket 2023'te Paris'te kuruldu ve hızla büyüdü.",
           "Tesisin 2027'de faaliyete geçmesi planlanıyor."]


class Recording(Translator):
    """Wraps a real translator and records every batch and decoding that reaches it."""

    def __init__(self, inner: Translator) -> None:
        self.inner = inner
        self.engine = inner.engine
        self.calls: list[tuple[list[str], Decoding | None]] = []

    def translate_batch(self, texts: Sequence[str], src_lang: str) -> list[str]:
        return self.inner.translate_batch(texts, src_lang)

    def generate_batch(self, texts: Sequence[str], src_lang: str,
                       decoding: Decoding | None = None) -> list[Generation]:
        self.calls.append((list(texts), decoding))
        return self.inner.generate_batch(texts, src_lang, decoding)

    def generate_batches(self, batches: Sequence[Sequence[str]], src_lang: str,
                         decoding: Decoding | None = None) -> Iterator[list[Generation]]:
        self.calls += [(list(b), decoding) for b in batches]
        return self.inner.generate_batches(batches, src_lang, decoding)

    def planner(self) -> Any:
        return self.inner.planner()

    def cache_signature(self) -> dict[str, Any]:
        return self.inner.cache_signature()

    def signature(self) -> dict[str, Any]:
        return self.inner.signature()

    def load(self) -> None:
        self.inner.load()


class RecordingRouter(ModelRouter):
    """The real router, with every translator it gives wrapped in :class:`Recording`."""

    def __init__(self, options: summarize.TranslationOptions) -> None:
        super().__init__(options)
        self.wrapped: dict[int, Recording] = {}

    def translator_for(self, language: str) -> Translator:
        inner = super().translator_for(language)
        if id(inner) not in self.wrapped:
            self.wrapped[id(inner)] = Recording(inner)
        return self.wrapped[id(inner)]


@pytest.mark.parametrize("engine", ["ctranslate2", "transformers"])
def test_safer_decoding_breaks_a_repetition_on_both_engines(engine: str, stuck_marian: Path,
                                                            tmp_path: Path) -> None:
    from summarize.checks import repetition_flag
    from summarize.translate.engines import Runtime, get_engine
    from summarize.translate.hub import resolve_model

    options = summarize.TranslationOptions(beams=2, engine=engine, cache=str(tmp_path),  # type: ignore[arg-type]
                                           compute_type="float32")
    translator = get_engine(engine).from_options(
        resolve_model(str(stuck_marian), purpose="test"), options, Runtime())
    plain = translator.generate_batch(TURKISH, "tr", Decoding(beams=2))
    safer = translator.generate_batch(TURKISH, "tr", Decoding(beams=2).safer())
    assert all(repetition_flag(g.text) for g in plain)  # "the the the the …"
    assert all(most_repeated_trigram(g.text) >= 10 for g in plain)
    assert all(most_repeated_trigram(g.text) <= 2 for g in safer)  # no trigram repeats


def most_repeated_trigram(text: str) -> int:
    from collections import Counter

    words = text.split()
    return max(Counter(zip(words, words[1:], words[2:], strict=False)).values(), default=0)


def test_flagged_sentences_are_retried_once_with_safer_decoding(
        mute_marian: Path, tmp_path: Path) -> None:
    options = summarize.TranslationOptions(model={"tr": str(mute_marian)}, beams=2,
                                           engine="transformers", cache=str(tmp_path))
    router = RecordingRouter(options)
    result = summarize.run({"t": "\n\n".join(TURKISH)}, translation=options, router=router,
                           stages=summarize.Stages(digest=False))
    (recording,) = router.wrapped.values()
    decodings = [decoding for _, decoding in recording.calls]
    assert Decoding(beams=2) in decodings
    assert Decoding(beams=4, no_repeat_ngram_size=3, repetition_penalty=1.2) in decodings
    sentences = result.documents[0].sentences
    assert all({f.code for f in s.flags} >= {"empty", "retried"} for s in sentences)
    first = sorted(t for texts, d in recording.calls if d == Decoding(beams=2) for t in texts)
    safer = sorted(t for texts, d in recording.calls if d != Decoding(beams=2) for t in texts)
    assert first == safer == sorted(TURKISH)  # each sentence once, then once more, safer
    # A rerun finds every sentence in the cache, retried ones included: nothing is generated.
    again = RecordingRouter(options)
    summarize.run({"t": "\n\n".join(TURKISH)}, translation=options, router=again,
                  stages=summarize.Stages(digest=False))
    assert [c for r in again.wrapped.values() for c in r.calls] == []


STUTTER = "the company the company the company the company in 2023"
FLUENT = "The company was founded in Paris in 2023 and grew quickly."


class Stutter(Translator):
    """A backend that stutters under plain decoding and answers ``retry`` under the safer
    recipe."""

    def __init__(self, retry: str) -> None:
        self.retry = retry

    def translate_batch(self, texts: Sequence[str], src_lang: str) -> list[str]:
        return [t.text for t in self.generate_batch(texts, src_lang)]

    def generate_batch(self, texts: Sequence[str], src_lang: str,
                       decoding: Decoding | None = None) -> list[Generation]:
        safer = decoding is not None and decoding.no_repeat_ngram_size > 0
        return [Generation(self.retry if safer else STUTTER) for _ in texts]


@pytest.mark.parametrize(("retry", "kept"), [(FLUENT, FLUENT), ("", STUTTER)])
def test_the_better_of_the_two_attempts_is_kept_and_marked_retried(retry: str,
                                                                   kept: str) -> None:
    router = summarize.StaticRouter({"tr": Stutter(retry)})
    result = summarize.run({"t": TURKISH[1]}, router=router,
                           translation=summarize.TranslationOptions(no_cache=True),
                           stages=summarize.Stages(digest=False))
    (sentence,) = result.documents[0].sentences
    codes = {f.code for f in sentence.flags}
    assert sentence.english == kept and "retried" in codes
    assert ("repetition" in codes) == (kept == STUTTER)


class Breaks(Translator):
    """A backend whose batches fail when they hold a text with the word "boom"."""

    def translate_batch(self, texts: Sequence[str], src_lang: str) -> list[str]:
        if any("boom" in t for t in texts):
            raise RuntimeError("the device fell over")
        return [f"English of: {t}" for t in texts]


def test_a_failing_batch_fails_only_the_documents_it_held() -> None:
    router = summarize.StaticRouter({"de": Breaks()})
    texts = {"good": "Das Unternehmen wächst seit Jahren deutlich und stellt viele Leute ein.",
             "bad": "Die Explosion machte boom und das Haus stand noch.",
             "english": "The company grew for years and hired many people in Paris."}
    result = summarize.run(texts, router=router, stages=summarize.Stages(digest=False),
                           translation=summarize.TranslationOptions(no_cache=True, batch_size=1,
                                                                    retry=False))
    by_id = {d.id: d for d in result.documents}
    assert by_id["bad"].error == "translation failed: RuntimeError: the device fell over"
    assert by_id["good"].ok and by_id["good"].sentences[0].english.startswith("English of:")
    assert by_id["english"].ok


def test_a_failed_piece_fails_its_sentence_while_its_other_pieces_finish() -> None:
    """A sentence cut into pieces whose second piece's batch fails: the first piece's batch
    still comes back (and must not crash the run), the document fails, the others are done."""
    router = summarize.StaticRouter({"de": Breaks()})
    long = ("Das Unternehmen wächst seit Jahren deutlich, stellt viele Leute ein, baut neue "
            "Werke und dann machte die alte Anlage boom und stand still")
    texts = {"split": long, "fine": "Das Unternehmen wächst seit Jahren deutlich weiter."}
    result = summarize.run(texts, router=router, stages=summarize.Stages(digest=False),
                           translation=summarize.TranslationOptions(
                               no_cache=True, batch_size=1, retry=False, max_input_tokens=8))
    by_id = {d.id: d for d in result.documents}
    assert by_id["split"].error == "translation failed: RuntimeError: the device fell over"
    assert by_id["fine"].ok


def test_outputs_at_the_position_limit_get_a_score_on_both_engines(
        tiny_models: dict[str, Path], tmp_path: Path) -> None:
    """The random model runs to the cap; an input of ~90 tokens makes the cap the model's 128
    positions, where scoring the output (which appends its end token) must still fit."""
    lines = (Path(__file__).parents[2] / "data" / "flores" / "tr-en.src.tr.txt").read_text(
        encoding="utf-8").splitlines()
    for engine in ("ctranslate2", "transformers"):
        options = summarize.TranslationOptions(
            model={"tr": str(tiny_models["marian"])}, beams=1, retry=False, engine=engine,  # type: ignore[arg-type]
            cache=str(tmp_path / engine), source_lang="tr")
        router = ModelRouter(options)
        texts = {f"l{i}": line for i, line in enumerate(lines[40:46])}
        result = summarize.run(texts, translation=options, router=router,
                               stages=summarize.Stages(digest=False))
        assert all(d.ok for d in result.documents), [d.error for d in result.documents]
        planner = router.translator_for("tr").planner()
        sentences = [s for d in result.documents for s in d.sentences]
        assert max(planner.count_tokens(s.source, "tr") for s in sentences) > 64
        assert all(s.score is not None and s.score < 0 for s in sentences)
