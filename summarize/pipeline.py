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
from summarize.languages import detect_language, validate_code
from summarize.options import DigestOptions, TranslationOptions, options_dict
from summarize.records import DocumentResult, Flag, RunResult, SentenceRecord
from summarize.segment import chunk_to_budget, is_heading, split_sentences
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
class _Timer:
    timings: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start
            self.timings[name] = round(self.timings.get(name, 0.0) + elapsed, 4)


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
                 progress: ProgressFactory | None = None) -> RunResult:
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

    Raises:
        ModelUnavailableError: a needed model cannot be found (before any translation).
    """
    stages = stages or Stages()
    timer = _Timer()
    results = [DocumentResult(id=d.id, source_path=d.source_path, encoding=d.encoding)
               for d in documents]
    with timer.stage("detect"):
        for document, result in zip(documents, results, strict=True):
            _detect(document, result, translation.source_lang, stages)
    live = [(d, r) for d, r in zip(documents, results, strict=True) if r.ok]
    with timer.stage("segment"):
        for document, result in live:
            result.sentences = segment_document(document, result.language or "en")
    if stages.translate:
        with timer.stage("load"):
            router.preflight({r.language for _, r in live if r.language})
        with timer.stage("translate"):
            _translate([r for _, r in live], router, translation, progress)
    else:
        for _, result in live:
            for sentence in result.sentences:
                sentence.english = sentence.source
    brief = []
    if stages.digest:
        with timer.stage("digest"):
            for _, result in live:
                if result.ok:
                    result.digest = summariser.digest(result.sentences, digest.digest_sentences)
        with timer.stage("brief"):
            brief = build_brief([r for _, r in live], digest.brief_items)
    ordered = sorted([*results, *failures], key=lambda r: r.id)
    models = _model_signatures(ordered)
    settings = options_dict(translation, digest)
    settings["stages"] = [name for name, on in (("translate", stages.translate),
                                                ("digest", stages.digest)) if on]
    settings["summariser"] = summariser.signature() if stages.digest else None
    return RunResult(version=__version__, settings=settings, documents=ordered, brief=brief,
                     models=models, timings=timer.timings)


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


def segment_document(document: Document, language: str) -> list[SentenceRecord]:
    """Sentence records with ids ``<doc>:<paragraph>:<sentence>`` (1-based)."""
    records: list[SentenceRecord] = []
    for p, paragraph in enumerate(document.paragraphs, start=1):
        sentences = split_sentences(paragraph, language)
        heading = is_heading(paragraph, sentences)
        for s, sentence in enumerate(sentences, start=1):
            records.append(SentenceRecord(id=f"{document.id}:{p}:{s}", paragraph=p,
                                          source=sentence, heading=heading))
    return records


@dataclass
class _Segment:
    record: SentenceRecord
    pieces: list[str]


def _translate(results: Sequence[DocumentResult], router: TranslatorSource,
               options: TranslationOptions, progress: ProgressFactory | None) -> None:
    groups: dict[tuple[int, str], tuple[Translator, list[DocumentResult]]] = {}
    for result in results:
        language = result.language or "en"
        translator = router.translator_for(language)
        result.translator = translator.signature()
        groups.setdefault((id(translator), language), (translator, []))[1].append(result)
    planned = {key: _plan(translator, key[1], docs, options)
               for key, (translator, docs) in groups.items()}
    total = sum(len({p for seg in segs for p in seg.pieces}) for segs in planned.values())
    bar = progress(total=total, desc="translating") if progress else None
    try:
        for key, (translator, docs) in groups.items():
            segments = planned[key]
            unique = list(dict.fromkeys(piece for seg in segments for piece in seg.pieces))
            try:
                english = translator.translate(unique, key[1], batch_size=options.batch_size,
                                               progress=bar.update if bar else None)
            except Exception as exc:  # one language failing must not lose the others
                for result in docs:
                    result.error = f"translation failed: {type(exc).__name__}: {exc}"
                continue
            by_source = dict(zip(unique, english, strict=True))
            for segment in segments:
                segment.record.english = " ".join(by_source[p] for p in segment.pieces).strip()
    finally:
        if bar is not None:
            bar.close()


def _plan(translator: Translator, language: str, docs: Sequence[DocumentResult],
          options: TranslationOptions) -> list[_Segment]:
    limits = [x for x in (translator.max_input_tokens, options.max_input_tokens) if x]
    budget = min(limits) if limits else None
    segments: list[_Segment] = []
    for result in docs:
        for record in result.sentences:
            pieces = [record.source]
            if budget is not None:
                pieces = chunk_to_budget(record.source,
                                         lambda t: translator.count_tokens(t, language), budget)
            if len(pieces) > 1:
                record.flags.append(Flag(
                    "split", f"longer than the model's input limit of {budget} tokens: "
                             f"translated in {len(pieces)} pieces", severity=0))
            segments.append(_Segment(record, pieces))
    return segments


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
