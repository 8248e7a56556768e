"""Wiring the stages: read → detect → segment → translate → digest → brief.

The pipeline receives its backends (a translator source and a summarizer); it builds none from
flags, parses no arguments and prints nothing. Progress is reported through an optional factory
of progress bars (tqdm's constructor fits).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from summarize._version import __version__
from summarize.brief import build_brief
from summarize.digest.base import Summarizer
from summarize.documents import Document
from summarize.errors import LanguageError, SummarizeError
from summarize.inputs import InputSet
from summarize.languages import NLLB_CODES, detect_between, detect_language, validate_code
from summarize.ledger import respell
from summarize.options import (
    ClusterOptions,
    DigestOptions,
    FetchOptions,
    TranslationOptions,
    options_dict,
)
from summarize.records import (
    Brief,
    DocumentResult,
    Flag,
    RunResult,
    SentenceRecord,
    SyndicationGroup,
)
from summarize.segment import is_heading, split_sentences
from summarize.syndication import find_syndication
from summarize.timing import ProgressFactory, StageTimer
from summarize.translate.runner import BatchRunner, LocalBatchRunner, describe_error
from summarize.translate.stage import translate_documents
from summarize.view import risk_records

if TYPE_CHECKING:
    from summarize.glossary import Glossary
    from summarize.translate.routing import TranslatorSource


@dataclass
class Stages:
    """Which stages run: ``summarize translate`` skips the digest, ``digest`` the translation."""

    translate: bool = True
    digest: bool = True


class StageRunner(Protocol):
    """Runs the two heavy stages, translation and digests, over segmented documents.

    :class:`LocalRunner` runs them in this process; ``summarize.cluster.RayRunner`` on Ray.
    The translation driver (``summarize.translate.stage``) plans, caches and checks either
    way; a runner only executes the planned batches (:attr:`batches`).
    """

    @property
    def batches(self) -> BatchRunner:
        """What executes planned translation batches."""

    def digest(self, results: Sequence[DocumentResult], summarizer: Summarizer,
               sentences: int, done: DocumentCallback | None = None) -> dict[str, Any]:
        """Give every document its digest (or mark it failed), calling ``done`` with each as
        it finishes; return the summarizer's signature as it ran (device, settings: known
        once its model loaded)."""

    def settings(self) -> dict[str, Any]:
        """What run.json records about where the stages ran."""


class LocalRunner:
    """Runs translation batches and digests in this process (the default)."""

    def __init__(self) -> None:
        self.batches: BatchRunner = LocalBatchRunner()

    def digest(self, results: Sequence[DocumentResult], summarizer: Summarizer,
               sentences: int, done: DocumentCallback | None = None) -> dict[str, Any]:
        """Digest each document in turn; one that fails fails alone."""
        for result in results:
            try:
                result.digest = summarizer.digest(result.sentences, sentences)
            except Exception as exc:  # one document fails, not the run
                result.error = f"digest failed: {describe_error(exc)}"
            if done is not None:
                done(result)
        return summarizer.signature()

    def settings(self) -> dict[str, Any]:
        """``engine_cluster: local`` and the other cluster options at their defaults."""
        return options_dict(ClusterOptions())


def read_inputs(inputs: Iterable[str | Path] | InputSet, *, fetch: FetchOptions | None = None,
                cache: str | Path | None = None,
                ) -> tuple[list[Document], list[DocumentResult]]:
    """Read files, folders, web addresses and ``-`` (standard input); what cannot be read
    becomes a failed result, the rest documents (see :func:`summarize.reading.read_all`,
    which also says which feeds were expanded).

    Raises:
        InputError: an input does not exist (see :func:`summarize.inputs.collect_inputs`).
    """
    from summarize.reading import read_all

    reading = read_all(inputs, fetch=fetch, cache=cache)
    return reading.documents, reading.failures


def run_pipeline(documents: Sequence[Document], *, router: TranslatorSource,
                 summarizer: Summarizer, translation: TranslationOptions,
                 digest: DigestOptions, stages: Stages | None = None,
                 failures: Sequence[DocumentResult] = (),
                 progress: ProgressFactory | None = None,
                 runner: StageRunner | None = None,
                 on_document: DocumentCallback | None = None) -> RunResult:
    """Run the stages over documents already read.

    Args:
        documents: The documents to process.
        router: Gives the translator for each source language.
        summarizer: Writes the per-document digests.
        translation: Translation options (source language override, batch size, budget).
        digest: Digest and brief options.
        stages: Which stages run (all by default).
        failures: Inputs that already failed to read; they are kept in the result.
        progress: Optional progress-bar factory.
        runner: Where translation and digests run; this process by default.
        on_document: Called with each document as soon as it is finished (failed, or
            translated and digested), before the brief is made.

    Raises:
        ModelUnavailableError: a needed model cannot be found (before any translation).
    """
    stages = stages or Stages()
    runner = runner or LocalRunner()
    timer = StageTimer()
    glossary = _glossary(translation)  # read once: the retries, term checks and the ledger
    results = [DocumentResult(id=d.id, source_path=d.source_path, encoding=d.encoding,
                              cleaning=dict(d.cleaning), metadata=dict(d.metadata),
                              fetch=d.fetch)
               for d in documents]
    done = _Finished(on_document)
    done.failed(failures)
    with timer.stage("detect"):
        for document, result in zip(documents, results, strict=True):
            _detect(document, result, translation.source_lang or document.language, stages)
    done.failed(results)
    live = [(d, r) for d, r in zip(documents, results, strict=True) if r.ok]
    with timer.stage("resolve"):  # a missing model fails now, before any real work
        if stages.translate:
            for _, result in live:  # a language no model covers fails its document alone
                reason = router.unsupported(result.language or "en")
                if reason:
                    result.error = reason
            live = [(d, r) for d, r in live if r.ok]
            done.failed(results)
            router.preflight({r.language for _, r in live if r.language})
        if stages.digest:
            summarizer.preflight()
    available = _Availability(router) if stages.translate else None
    with timer.stage("segment"):
        for document, result in live:
            result.sentences = segment_document(
                document, result.language or "en",
                detect_mixed=translation.source_lang is None and available is not None,
                can_translate=available)
    if stages.translate:
        translate_documents([r for _, r in live], router, translation, runner.batches,
                            progress=progress, timer=timer, glossary=glossary)
        for _, result in live:
            result.translator = router.translator_for(result.language or "en").signature()
            audit_document_names(result)
        done.failed(results)
        live = [(d, r) for d, r in live if r.ok]
    else:
        for _, result in live:
            for sentence in result.sentences:
                sentence.english = sentence.source
    if not stages.digest:
        done.failed([r for _, r in live], every=True)
    derived = derive([r for _, r in live], summarizer=summarizer, digest=digest,
                     digests=stages.digest, runner=runner, timer=timer, done=done)
    ordered = sorted([*results, *failures], key=lambda r: r.id)
    models = _model_signatures(ordered)
    settings = {**options_dict(translation, digest), **runner.settings()}
    settings["stages"] = [name for name, on in (("translate", stages.translate),
                                                ("digest", stages.digest)) if on]
    settings["summarizer_signature"] = derived.summarizer
    run = RunResult(version=__version__, settings=settings, documents=ordered,
                    brief=derived.brief, models=models, timings=timer.timings,
                    risks=risk_records(ordered), syndication=derived.syndication)
    with timer.stage("ledger"):
        run = respell(run, glossary)
    return run


@dataclass
class Derived:
    """What a run derives from the English of its documents (see :func:`derive`)."""

    syndication: list[SyndicationGroup]
    brief: Brief
    summarizer: dict[str, Any] | None
    """The summarizer's signature as it ran; None when no digests were made."""


def derive(results: Sequence[DocumentResult], *, summarizer: Summarizer,
           digest: DigestOptions, digests: bool = True, runner: StageRunner | None = None,
           timer: StageTimer | None = None, done: DocumentCallback | None = None,
           leave_out: Collection[str] = frozenset()) -> Derived:
    """Syndication, digests and the brief of translated documents: the stages after
    translation, which a run and ``summarize.rebuild`` (after a reviewer corrected the
    English) both go through.

    Args:
        results: The translated documents (failed ones are left alone); each gets its digest.
        summarizer: Writes the digests.
        digest: Sentences per digest and the brief's size.
        digests: Make digests and the brief (False: syndication only).
        runner: Where digests run; this process by default.
        timer: Records ``syndication``, ``digest`` and ``brief`` timings.
        done: Called with each document once its digest is made.
        leave_out: Sentence ids never quoted in a digest (digest lines a reviewer rejected).
    """
    runner = runner or LocalRunner()
    timer = timer or StageTimer()
    live = [r for r in results if r.ok]
    with timer.stage("syndication"):
        syndication = find_syndication(live)
    if not digests:
        return Derived(syndication, Brief(), None)
    with timer.stage("digest"):
        views = live
        if leave_out:  # each document digested from its sentences less the rejected ones
            views = [replace(r, sentences=[s for s in r.sentences if s.id not in leave_out])
                     for r in live]
        signature = runner.digest(views, summarizer, digest.digest_sentences,
                                  done=None if leave_out else done)
        for result, view in zip(live, views, strict=True):
            if view is not result:
                result.digest, result.error = view.digest, view.error
                if done is not None:
                    done(result)
    with timer.stage("brief"):
        brief = build_brief([r for r in results if r.ok], digest.brief_items, syndication)
    return Derived(syndication, brief, signature)


def audit_document_names(result: DocumentResult) -> None:
    """Add name flags (``name_lost``, ``name_changed``) to a translated document's
    sentences, with the document's source text as the audit's context and the words its
    translations render as names as its memory (an Arabic name rendered "Ma" in one sentence
    and "what" in another is lost there). A person's translation (from the translation
    memory) is theirs and is not audited, like every other machine check."""
    from summarize.checks import name_flags
    from summarize.names import document_memory

    if not result.ok or (result.language or "en") == "en":
        return
    context = " ".join(s.source for s in result.sentences)
    memory = document_memory([(s.source, s.english) for s in result.sentences],
                             result.language or "en")
    for sentence in result.sentences:
        language = sentence.language or result.language or "en"
        if sentence.english.strip() and language != "en" and sentence.origin != "human":
            sentence.flags.extend(name_flags(sentence.source, sentence.english, language,
                                             context, memory if language == result.language
                                             else frozenset()))


def _glossary(translation: TranslationOptions) -> Glossary | None:
    if translation.glossary is None:
        return None
    from summarize.glossary import Glossary

    return Glossary.load(translation.glossary)


DocumentCallback = Callable[[DocumentResult], None]


class _Finished:
    """Hands each document to a callback once, as soon as it is finished."""

    def __init__(self, callback: DocumentCallback | None) -> None:
        self._callback = callback
        self._given: set[int] = set()

    def failed(self, results: Iterable[DocumentResult], *, every: bool = False) -> None:
        """Hand over the failed ones (all of them with ``every``) not handed over yet."""
        for result in results:
            if every or not result.ok:
                self(result)

    def __call__(self, result: DocumentResult) -> None:
        if self._callback is not None and id(result) not in self._given:
            self._given.add(id(result))
            self._callback(result)


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
        how = "given as" if override else "detected"
        result.error = (f"not English ({how} {result.language}); digest takes English text: "
                        "use `summarize run` to translate it first")


#: A paragraph is routed to another language's model only when the detector is this sure of
#: it, both over all languages and against the document's language alone (with the
#: paragraph's capitalized words left out, so that names cannot decide), and the paragraph has
#: at least ``MIXED_MIN_WORDS`` words that are not capitalized.
MIXED_CONFIDENCE = 0.9
MIXED_MIN_WORDS = 5


class _Availability:
    """Whether a language's model is available, asked once per language (for routing)."""

    def __init__(self, router: TranslatorSource) -> None:
        self._router = router
        self._known: dict[str, bool] = {}

    def __call__(self, language: str) -> bool:
        if language not in self._known:
            try:
                self._known[language] = self._router.unsupported(language) is None
                if self._known[language]:
                    self._router.preflight([language])
            except SummarizeError:
                self._known[language] = False
        return self._known[language]


def segment_document(document: Document, language: str, *, detect_mixed: bool = True,
                     can_translate: Callable[[str], bool] | None = None,
                     ) -> list[SentenceRecord]:
    """Sentence records with ids ``<doc>:<paragraph>:<sentence>`` (1-based).

    Repeated paragraphs and site boilerplate are flagged (kept in the translation, left out of
    digests); with ``detect_mixed``, paragraphs clearly in another language than the document
    get their own language when ``can_translate`` says its model is available (English always
    is); otherwise they stay in the document's language, flagged.
    """
    from summarize.boilerplate import boilerplate_reason, duplicate_paragraphs

    duplicates = duplicate_paragraphs(document.paragraphs)
    records: list[SentenceRecord] = []
    for p, paragraph in enumerate(document.paragraphs, start=1):
        flags: list[Flag] = []
        own = None
        if detect_mixed:
            other = paragraph_language(paragraph, language)
            if other == "en" or (other and can_translate is not None and can_translate(other)):
                own = other
                flags.append(Flag("mixed_language", f"paragraph is in {other}, the document "
                                                    f"in {language}; translated as {other}", 0))
            elif other:
                flags.append(Flag("mixed_language", f"paragraph looks like {other}, the "
                                  f"document is in {language}, but no {other} model is "
                                  f"available; translated as {language}", 1))
        sentences = split_sentences(paragraph, own or language)
        heading = p - 1 in document.headings or is_heading(paragraph, sentences)
        if p - 1 in duplicates:
            flags.append(Flag("duplicate", f"repeats paragraph {duplicates[p - 1] + 1}", 0))
        reason = document.boilerplate.get(p - 1) or boilerplate_reason(paragraph, language)
        if reason:
            flags.append(Flag("boilerplate", reason, 0))
        for s, sentence in enumerate(sentences, start=1):
            records.append(SentenceRecord(id=f"{document.id}:{p}:{s}", paragraph=p,
                                          source=sentence, heading=heading, language=own,
                                          flags=list(flags)))
    return records


def paragraph_language(paragraph: str, language: str) -> str | None:
    """The paragraph's language when it clearly differs from the document's, else None.

    Clearly: at least :data:`MIXED_MIN_WORDS` words that are not capitalized, the detector at
    least :data:`MIXED_CONFIDENCE` sure over all languages, and as sure against the
    document's language on the paragraph without its capitalized words (so that a German
    sentence quoting Spanish names stays German).
    """
    common = [w for w in paragraph.split() if w[:1].isalpha() and not w[:1].isupper()]
    if len(common) < MIXED_MIN_WORDS:
        return None
    try:
        found = detect_language(paragraph)
    except LanguageError:
        return None
    if found.language == language or found.confidence < MIXED_CONFIDENCE:
        return None
    if found.language != "en" and found.language not in NLLB_CODES:
        return None
    versus = detect_between(" ".join(common), (language, found.language))
    if versus is None or versus.language != found.language or versus.confidence < MIXED_CONFIDENCE:
        return None
    return found.language


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
