"""Wiring the stages: read → detect → segment → translate → digest → brief.

The pipeline receives its backends (a translator source and a summariser); it builds none from
flags, parses no arguments and prints nothing. Progress is reported through an optional factory
of progress bars (tqdm's constructor fits).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from summarize._version import __version__
from summarize.brief import build_brief
from summarize.documents import Document, expand_inputs, read_document, unique_ids
from summarize.errors import LanguageError, SummarizeError
from summarize.languages import NLLB_CODES, detect_language, validate_code
from summarize.options import ClusterOptions, DigestOptions, TranslationOptions, options_dict
from summarize.records import Brief, DocumentResult, Flag, RunResult, SentenceRecord
from summarize.segment import is_heading, split_sentences
from summarize.summarise.base import Summariser
from summarize.translate.base import Translator
from summarize.translate.routing import TranslatorSource


class ProgressBar(Protocol):
    """What the pipeline needs of a progress bar (tqdm provides it)."""

    def update(self, n: int = 1) -> Any:
        """Advance by ``n``."""

    def close(self) -> Any:
        """Finish the bar."""


ProgressFactory = Callable[..., ProgressBar]
"""Called as ``factory(total=..., desc=...)``."""


@dataclass
class Stages:
    """Which stages run: ``summarize translate`` skips the digest, ``digest`` the translation."""

    translate: bool = True
    digest: bool = True


@dataclass
class StageTimer:
    """Wall time per stage name (seconds, summed over repeated entries)."""

    timings: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the ``with`` block under ``name``."""
        start = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start
            self.timings[name] = round(self.timings.get(name, 0.0) + elapsed, 4)


class StageRunner(Protocol):
    """Runs the two heavy stages, translation and digests, over segmented documents.

    :class:`LocalRunner` runs them in this process; ``summarize.cluster.RayRunner`` on Ray.
    Everything else (reading, detection, segmentation, the brief) stays in the pipeline.
    """

    def translate(self, results: Sequence[DocumentResult], router: TranslatorSource,
                  options: TranslationOptions, progress: ProgressFactory | None,
                  timer: StageTimer) -> None:
        """Give every sentence its English and flags (or mark documents failed)."""

    def digest(self, results: Sequence[DocumentResult], summariser: Summariser,
               sentences: int) -> dict[str, Any]:
        """Give every document its digest (or mark it failed); return the summariser's
        signature as it ran (device, settings: known once its model loaded)."""

    def settings(self) -> dict[str, Any]:
        """What run.json records about where the stages ran."""


class LocalRunner:
    """Runs translation and digests in this process (the default)."""

    def translate(self, results: Sequence[DocumentResult], router: TranslatorSource,
                  options: TranslationOptions, progress: ProgressFactory | None,
                  timer: StageTimer) -> None:
        """Translate in batches across documents, then check and retry."""
        _translate(results, router, options, progress, timer)

    def digest(self, results: Sequence[DocumentResult], summariser: Summariser,
               sentences: int) -> dict[str, Any]:
        """Digest each document in turn."""
        for result in results:
            result.digest = summariser.digest(result.sentences, sentences)
        return summariser.signature()

    def settings(self) -> dict[str, Any]:
        """``engine_cluster: local`` and the other cluster options at their defaults."""
        return options_dict(ClusterOptions())


def read_inputs(inputs: Iterable[str | Path]) -> tuple[list[Document], list[DocumentResult]]:
    """Read files and folders; unreadable files become failed results, the rest documents."""
    paths = expand_inputs(inputs)
    documents: list[Document] = []
    failures: list[DocumentResult] = []
    for path, doc_id in zip(paths, unique_ids(paths), strict=True):
        try:
            documents.append(read_document(path, doc_id))
        except SummarizeError as exc:
            failures.append(DocumentResult(id=doc_id, source_path=str(path), error=str(exc)))
    return documents, failures


def run_pipeline(documents: Sequence[Document], *, router: TranslatorSource,
                 summariser: Summariser, translation: TranslationOptions,
                 digest: DigestOptions, stages: Stages | None = None,
                 failures: Sequence[DocumentResult] = (),
                 progress: ProgressFactory | None = None,
                 runner: StageRunner | None = None) -> RunResult:
    """Run the stages over documents already read.

    Args:
        documents: The documents to process.
        router: Gives the translator for each source language.
        summariser: Writes the per-document digests.
        translation: Translation options (source language override, batch size, budget).
        digest: Digest and brief options.
        stages: Which stages run (all by default).
        failures: Inputs that already failed to read; they are kept in the result.
        progress: Optional progress-bar factory.
        runner: Where translation and digests run; this process by default.

    Raises:
        ModelUnavailableError: a needed model cannot be found (before any translation).
    """
    stages = stages or Stages()
    runner = runner or LocalRunner()
    timer = StageTimer()
    results = [DocumentResult(id=d.id, source_path=d.source_path, encoding=d.encoding,
                              cleaning=dict(d.cleaning), metadata=dict(d.metadata))
               for d in documents]
    with timer.stage("detect"):
        for document, result in zip(documents, results, strict=True):
            _detect(document, result, translation.source_lang, stages)
    live = [(d, r) for d, r in zip(documents, results, strict=True) if r.ok]
    with timer.stage("resolve"):  # a missing model fails now, before any real work
        if stages.translate:
            router.preflight({r.language for _, r in live if r.language})
        if stages.digest:
            summariser.preflight()
    with timer.stage("segment"):
        for document, result in live:
            result.sentences = segment_document(document, result.language or "en",
                                                detect_mixed=translation.source_lang is None)
    if stages.translate:
        with timer.stage("resolve"):  # languages of mixed-language paragraphs
            router.preflight({s.language or r.language or "en"
                              for _, r in live for s in r.sentences})
        runner.translate([r for _, r in live], router, translation, progress, timer)
    else:
        for _, result in live:
            for sentence in result.sentences:
                sentence.english = sentence.source
    brief = Brief()
    summariser_signature = None
    if stages.digest:
        with timer.stage("digest"):
            summariser_signature = runner.digest([r for _, r in live if r.ok], summariser,
                                                 digest.digest_sentences)
        with timer.stage("brief"):
            brief = build_brief([r for _, r in live], digest.brief_items)
    ordered = sorted([*results, *failures], key=lambda r: r.id)
    models = _model_signatures(ordered)
    settings = {**options_dict(translation, digest), **runner.settings()}
    settings["stages"] = [name for name, on in (("translate", stages.translate),
                                                ("digest", stages.digest)) if on]
    settings["summariser"] = summariser_signature
    return RunResult(version=__version__, settings=settings, documents=ordered, brief=brief,
                     models=models, timings=timer.timings, risks=risk_queue(ordered))


def risk_queue(results: Sequence[DocumentResult], limit: int = 50) -> list[dict[str, Any]]:
    """The riskiest sentences of the run, riskiest first, with their flag codes."""
    flagged = [s for r in results for s in r.riskiest()]
    flagged.sort(key=lambda s: -s.risk)
    return [{"id": s.id, "risk": s.risk, "flags": [f.code for f in s.flags if f.severity]}
            for s in flagged[:limit]]


def _detect(document: Document, result: DocumentResult, override: str | None,
            stages: Stages) -> None:
    if not document.paragraphs:
        result.error = "the document is empty (no text after decoding)"
        return
    try:
        if override:
            result.language, result.language_confidence = validate_code(override), None
        else:
            found = detect_language(document.text)
            result.language, result.language_confidence = found.language, found.confidence
    except LanguageError as exc:
        result.error = str(exc)
        return
    if not stages.translate and result.language != "en":
        result.error = (f"not English (detected {result.language}); digest takes English text: "
                        "use `summarize run` to translate it first")


#: A paragraph is routed to another language's model only when the detector is this sure
#: and the paragraph has at least ``MIXED_MIN_WORDS`` words.
MIXED_CONFIDENCE = 0.9
MIXED_MIN_WORDS = 5


def segment_document(document: Document, language: str, *,
                     detect_mixed: bool = True) -> list[SentenceRecord]:
    """Sentence records with ids ``<doc>:<paragraph>:<sentence>`` (1-based).

    Repeated paragraphs and site boilerplate are flagged (kept in the translation, left out of
    digests); with ``detect_mixed``, paragraphs clearly in another language than the document
    (one summarize can translate) get their own language.
    """
    from summarize.boilerplate import boilerplate_reason, duplicate_paragraphs

    duplicates = duplicate_paragraphs(document.paragraphs)
    records: list[SentenceRecord] = []
    for p, paragraph in enumerate(document.paragraphs, start=1):
        own = _paragraph_language(paragraph, language) if detect_mixed else None
        sentences = split_sentences(paragraph, own or language)
        heading = is_heading(paragraph, sentences)
        flags: list[Flag] = []
        if p - 1 in duplicates:
            flags.append(Flag("duplicate", f"repeats paragraph {duplicates[p - 1] + 1}", 0))
        reason = boilerplate_reason(paragraph, language)
        if reason:
            flags.append(Flag("boilerplate", reason, 0))
        if own:
            flags.append(Flag("mixed_language", f"paragraph is in {own}, the document in "
                                                f"{language}; translated as {own}", 0))
        for s, sentence in enumerate(sentences, start=1):
            records.append(SentenceRecord(id=f"{document.id}:{p}:{s}", paragraph=p,
                                          source=sentence, heading=heading, language=own,
                                          flags=list(flags)))
    return records


def _paragraph_language(paragraph: str, language: str) -> str | None:
    """The paragraph's language when it clearly differs from the document's, else None."""
    if len(paragraph.split()) < MIXED_MIN_WORDS:
        return None
    try:
        found = detect_language(paragraph)
    except LanguageError:
        return None
    translatable = found.language == "en" or found.language in NLLB_CODES
    if found.language != language and found.confidence >= MIXED_CONFIDENCE and translatable:
        return found.language
    return None


def translation_groups(results: Sequence[DocumentResult], router: TranslatorSource,
                       ) -> list[tuple[Translator, str, list[SentenceRecord]]]:
    """The sentences to translate, by (translator, language); English ones pass through.

    Also gives each document the signature of its translator as known before loading.
    """
    by_key: dict[tuple[int, str], tuple[Translator, list[SentenceRecord]]] = {}
    for result in results:
        result.translator = router.translator_for(result.language or "en").signature()
        for record in result.sentences:
            language = record.language or result.language or "en"
            if language == "en":
                record.english = record.source
                continue
            translator = router.translator_for(language)
            by_key.setdefault((id(translator), language), (translator, []))[1].append(record)
    return [(t, lang, records) for (_, lang), (t, records) in by_key.items()]


def _translate(results: Sequence[DocumentResult], router: TranslatorSource,
               options: TranslationOptions, progress: ProgressFactory | None,
               timer: StageTimer) -> None:
    from summarize.translate import stage
    from summarize.translate.cache import TranslationCache, default_cache_dir

    planned = translation_groups(results, router)
    cache = None if options.no_cache else TranslationCache(options.cache or default_cache_dir())
    try:
        groups = [stage.make_group(t, lang, records, cache) for t, lang, records in planned]
        with timer.stage("load"):  # every model with uncached work, before translating any
            _load([g.translator for g in groups if g.todo], progress)
        budgets = [stage.budget_for(g.translator, options.max_input_tokens) if g.todo else None
                   for g in groups]
        total = sum(len(g.todo) for g in groups)
        bar = progress(total=total, desc="translating") if progress and total else None
        for group, budget in zip(groups, budgets, strict=True):
            with timer.stage("translate"):
                stage.translate_group(group, budget=budget, batch_size=options.batch_size,
                                      cache=cache, progress=bar.update if bar else None,
                                      batch_tokens=options.batch_tokens)
            with timer.stage("check"):
                stage.check_and_retry(group, budget=budget, batch_size=options.batch_size,
                                      cache=cache, retry_flagged=options.retry,
                                      batch_tokens=options.batch_tokens)
        if bar is not None:
            bar.close()
    finally:
        if cache is not None:
            cache.close()
    for result in results:  # the loaded model's signature, now that it is known
        result.translator = router.translator_for(result.language or "en").signature()


def _load(translators: Sequence[Translator], progress: ProgressFactory | None) -> None:
    unique = list({id(t): t for t in translators}.values())
    bar = progress(total=len(unique), desc="loading models") if progress and unique else None
    for translator in unique:
        translator.load()
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()


def _model_signatures(results: Sequence[DocumentResult]) -> list[dict[str, Any]]:
    models: dict[str, dict[str, Any]] = {}
    for result in results:
        if result.translator is None:
            continue
        key = repr(sorted(result.translator.items()))
        entry = models.setdefault(key, {**result.translator, "languages": []})
        if result.language and result.language not in entry["languages"]:
            entry["languages"].append(result.language)
    return list(models.values())
