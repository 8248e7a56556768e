"""The library in a few obvious calls. Each returns the same typed results the CLI writes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from summarize.digest import make_summarizer
from summarize.digest.base import Summarizer
from summarize.digest.extractive import ExtractiveSummarizer
from summarize.documents import Document, document_from_text
from summarize.errors import TranslationError
from summarize.inputs import InputSet, Skipped, collect_inputs
from summarize.options import (
    ClusterOptions,
    DigestOptions,
    FetchOptions,
    InputOptions,
    TranslationOptions,
    options_dict,
)
from summarize.pipeline import DocumentCallback, Stages, run_pipeline
from summarize.records import DigestLine, DocumentResult, RunResult
from summarize.timing import ProgressFactory
from summarize.translate.routing import ModelRouter, TranslatorSource


def run(inputs: Iterable[str | Path] | Mapping[str, str] | InputSet, *,
        translation: TranslationOptions | None = None, digest: DigestOptions | None = None,
        router: TranslatorSource | None = None, summarizer: Summarizer | None = None,
        stages: Stages | None = None, progress: ProgressFactory | None = None,
        cluster: ClusterOptions | None = None, fetch: FetchOptions | None = None,
        reading: InputOptions | None = None,
        on_document: DocumentCallback | None = None) -> RunResult:
    """Translate, digest and brief files, folders, web pages or in-memory texts.

    Args:
        inputs: Paths (files, folders, ``-`` for standard input; text, web pages, PDF, Word,
            feeds, JSON Lines), ``http(s)://`` addresses of pages or feeds, the
            :class:`~summarize.inputs.InputSet` they expand to, or a mapping of document id
            to text.
        translation: Translation options; defaults pick opus-mt or NLLB-200 per language.
        digest: Digest and brief options.
        router: Translators to use; by default models are loaded from ``translation``.
        summarizer: The digest writer; by default the one ``digest.summarizer`` names.
        stages: Which stages run (all by default).
        progress: Optional progress-bar factory such as ``tqdm.tqdm``.
        cluster: Where translation and digests run: this process (default), or Ray with
            ``ClusterOptions(engine_cluster="ray")``, which gives the same result.
        fetch: How web pages are fetched (timeout, size limit, retries …); pages are kept
            in the ``pages/`` folder of ``translation.cache``.
        reading: How inputs are read (``input_format``, a ``urls`` file).
        on_document: Called with each document as soon as it is finished.

    Returns:
        The run result; pass it to :func:`summarize.write_outputs` to write files.

    Raises:
        InputError: an input path does not exist (before anything is read).
        ModelUnavailableError: a needed model cannot be found; raised before any translation.
        ClusterError: Ray is not installed, cannot be reached, or its job failed.
    """
    translation = translation or TranslationOptions()
    digest = digest or DigestOptions()
    reading = reading or InputOptions()
    skipped: list[Skipped] = []
    feeds: list[dict[str, Any]] = []
    if isinstance(inputs, Mapping):
        documents: list[Document] = [document_from_text(k, v) for k, v in inputs.items()]
        failures: list[DocumentResult] = []
    else:
        from summarize.reading import read_all

        found = inputs if isinstance(inputs, InputSet) else collect(inputs, reading)
        skipped = found.skipped
        read = read_all(found, fetch=fetch, cache=translation.cache)
        documents, failures, feeds = read.documents, read.failures, read.feeds
    from summarize.cluster import open_runner

    with open_runner(cluster, translation) as runner:
        result = run_pipeline(documents, router=router or ModelRouter(translation),
                              summarizer=summarizer or make_summarizer(digest, translation),
                              translation=translation, digest=digest, stages=stages,
                              failures=failures, progress=progress, runner=runner,
                              on_document=on_document)
    result.skipped = [{"path": s.path, "reason": s.reason} for s in skipped]
    result.feeds = feeds
    result.settings.update(options_dict(fetch or FetchOptions(), reading))
    return result


def collect(inputs: Iterable[str | Path], reading: InputOptions | None = None, *,
            exclude: Sequence[str | Path] = ()) -> InputSet:
    """The sources of a run: :func:`summarize.inputs.collect_inputs` with the addresses of
    ``reading.urls`` added and ``reading.input_format`` applied.

    Raises:
        InputError: an input does not exist, or the ``urls`` file cannot be read or holds a
            line that is not an address; nothing has been read then.
    """
    from summarize.inputs import read_url_list

    reading = reading or InputOptions()
    urls = read_url_list(reading.urls) if reading.urls else []
    return collect_inputs(inputs, exclude=exclude, urls=urls,
                          input_format=reading.input_format)


def translate_texts(texts: Sequence[str], *, source_lang: str | None = None,
                    translation: TranslationOptions | None = None,
                    router: TranslatorSource | None = None) -> list[str]:
    """Translate strings to English, one output per input (paragraphs kept).

    Each string is treated as a short document: its language is detected unless
    ``source_lang`` is given, and it is split into sentences and translated in batches.
    """
    options = translation or TranslationOptions()
    if source_lang is not None:
        from dataclasses import replace

        options = replace(options, source_lang=source_lang)
    # Blank strings translate to blank strings; everything else goes through the pipeline.
    inputs = {f"text{i:06d}": text for i, text in enumerate(texts) if text.strip()}
    by_id = {}
    if inputs:
        result = run(inputs, translation=options, router=router, stages=Stages(digest=False))
        by_id = {doc.id: doc for doc in result.documents}
    english: list[str] = []
    for i in range(len(texts)):
        doc = by_id.get(f"text{i:06d}")
        if doc is None:
            english.append("")
            continue
        if not doc.ok:
            raise TranslationError(f"text {i}: {doc.error}")
        english.append("\n\n".join(doc.paragraphs_english()))
    return english


def digest_text(text: str, *, sentences: int = 4, doc_id: str = "text",
                summarizer: Summarizer | None = None) -> list[DigestLine]:
    """Digest English text; each line cites the ids (``<doc_id>:<para>:<sent>``) it rests on."""
    document = document_from_text(doc_id, text)
    from summarize.pipeline import segment_document

    records = segment_document(document, "en")
    for record in records:
        record.english = record.source
    return (summarizer or ExtractiveSummarizer()).digest(records, sentences)
