"""The read stage: every input of a run into documents, or into failures that name why.

Files are read by their format (:mod:`summarize.readers`); web addresses are fetched (a few at
a time, through the page cache: :mod:`summarize.fetching`); a feed, given as a file or an
address, expands into the pages of its items, which are fetched in turn; a JSON Lines input
expands into one document per line. Whatever fails (a page that cannot be fetched, a PDF
without text, a bad JSON line) fails alone; the others are read.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from summarize.documents import Document, document_from_text, read_bytes
from summarize.errors import FetchError, InputError
from summarize.fetching import Fetcher, Page
from summarize.inputs import InputSet, Source, collect_inputs, unsupported_reason, url_ids
from summarize.options import FetchOptions
from summarize.readers import format_of_suffix
from summarize.records import DocumentResult


@dataclass
class Reading:
    """What the read stage gives the pipeline.

    Attributes:
        documents: Documents read, in input order (feed items after their inputs).
        failures: Inputs that could not be read, as failed results.
        feeds: Each feed that was expanded: ``{"source", "title", "items", "without_link",
            "fetch"}`` (``items``: the ids of its documents, read or failed).
        fetched: Pages fetched from the network (the rest came from the page cache).
    """

    documents: list[Document] = field(default_factory=list)
    failures: list[DocumentResult] = field(default_factory=list)
    feeds: list[dict[str, Any]] = field(default_factory=list)
    fetched: int = 0


class _Reader:
    """Reads the sources of one run; holds the fetcher and the ids taken so far."""

    def __init__(self, found: InputSet, fetch: FetchOptions, cache: str | Path | None,
                 fetcher: Fetcher | None, stdin: BinaryIO | None) -> None:
        self.found = found
        self.options = fetch
        self.cache = cache
        self._fetcher = fetcher
        self.stdin = stdin
        self.taken = {s.id for s in found.sources}
        self.result = Reading()
        self.seen_urls: set[str] = {s.url for s in found.sources if s.url}

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from summarize.pagecache import PageCache, pages_folder

            self._fetcher = Fetcher(self.options, PageCache(pages_folder(self.cache)))
        return self._fetcher

    def fail(self, source: Source, reason: str, fetch: dict[str, Any] | None = None) -> None:
        self.result.failures.append(DocumentResult(id=source.id, source_path=source.label,
                                                   error=reason, fetch=fetch,
                                                   metadata=dict(source.metadata)))

    def run(self) -> Reading:
        urls = [s.url for s in self.found.sources if s.url]
        pages = dict(zip(urls, self.fetcher.fetch_many(urls), strict=True)) if urls else {}
        feeds: list[tuple[dict[str, Any], list[Source]]] = []
        for source in self.found.sources:
            expanded = self.read(source, pages.get(source.url) if source.url else None)
            if expanded is not None:
                feeds.append(expanded)
        for record, items in feeds:  # items last: their ids must not take the inputs' ids
            named = url_ids([i.url or "" for i in items], self.taken)
            items = [Source(n, None, url=i.url, metadata=i.metadata)
                     for n, i in zip(named, items, strict=True)]
            record["items"] = [i.id for i in items]
            fetched = self.fetcher.fetch_many([i.url or "" for i in items])
            for item, page in zip(items, fetched, strict=True):
                if isinstance(page, Page) and page.format == "feed":
                    self.fail(item, "a feed item that is itself a feed is not followed",
                              page.record())
                else:
                    self.read(item, page)
        self.result.fetched = self._fetcher.fetched if self._fetcher is not None else 0
        return self.result

    def read(self, source: Source, page: Page | FetchError | None,
             ) -> tuple[dict[str, Any], list[Source]] | None:
        """Read one source into documents or a failure; a feed returns its record and the
        items to read."""
        if isinstance(page, FetchError):
            self.fail(source, page.reason, {"requested_url": source.url, "final_url": None,
                                            "status": page.status})
            return None
        try:
            if page is not None:
                data, fmt = page.body, page.format or "html"
            elif source.path is None:
                stream = self.stdin if self.stdin is not None else sys.stdin.buffer
                data, fmt = stream.read(), source.fmt or "text"
            else:
                fmt = source.fmt or format_of_suffix(source.path.suffix) or ""
                if not fmt:
                    raise InputError(unsupported_reason(source.path.suffix), str(source.path))
                data = source.path.read_bytes()
        except InputError as exc:
            self.fail(source, exc.reason)
            return None
        except OSError as exc:
            self.fail(source, f"cannot read ({exc.strerror or exc})")
            return None
        fetch = page.record() if page is not None else None
        try:
            if fmt == "feed":
                return self._feed(source, data, page)
            if fmt == "jsonl":
                self._jsonl(source, data)
                return None
            self.result.documents.append(read_bytes(
                data, source.label, source.id, fmt, url=page.final_url if page else None,
                charset=page.charset if page else None, fetch=fetch,
                metadata=dict(source.metadata)))
        except InputError as exc:
            self.fail(source, exc.reason, fetch)
        return None

    def _feed(self, source: Source, data: bytes,
              page: Page | None) -> tuple[dict[str, Any], list[Source]]:
        from summarize.readers.feed import read_feed

        feed = read_feed(data, source.label, url=page.final_url if page else None)
        record: dict[str, Any] = {"source": source.label, "title": feed.title, "items": [],
                                  "without_link": feed.without_link,
                                  "fetch": page.record() if page else None}
        self.result.feeds.append(record)
        items = [Source("", None, url=i.url, metadata=i.metadata) for i in feed.items
                 if i.url not in self.seen_urls]
        self.seen_urls.update(i.url for i in items if i.url)
        return record, items

    def _jsonl(self, source: Source, data: bytes) -> None:
        from summarize.readers.jsonl import read_jsonl

        lines = read_jsonl(data, source.label)
        self.taken.discard(source.id)  # the file itself is no document: its lines are
        for line in lines:
            doc_id = line.id or f"{source.id}-line{line.number}"
            error = line.error
            if error is None and doc_id in self.taken:
                error = f"line {line.number}: id {doc_id!r} is already used by another input"
            if error is not None:
                if doc_id in self.taken:
                    doc_id = f"{source.id}-line{line.number}"
                self.taken.add(doc_id)
                self.result.failures.append(DocumentResult(id=doc_id, source_path=source.label,
                                                           error=error))
                continue
            self.taken.add(doc_id)
            document = document_from_text(doc_id, line.text or "",
                                          source_path=f"{source.label}:{line.number}",
                                          encoding="utf-8")
            from dataclasses import replace

            self.result.documents.append(replace(
                document, metadata={**line.metadata, **document.metadata},
                language=line.language))


def read_all(inputs: Iterable[str | Path] | InputSet, *, fetch: FetchOptions | None = None,
             cache: str | Path | None = None, fetcher: Fetcher | None = None,
             stdin: BinaryIO | None = None) -> Reading:
    """Read every input of a run (see the module docstring).

    Args:
        inputs: Paths, addresses and ``-``, or the :class:`~summarize.inputs.InputSet` they
            expand to.
        fetch: How pages are fetched (defaults otherwise).
        cache: The cache folder (``--cache``); pages are kept in its ``pages/`` folder.
        fetcher: A fetcher to use instead of one built from ``fetch`` and ``cache``.
        stdin: Standard input's stream (``sys.stdin.buffer`` by default).

    Raises:
        InputError: an input path does not exist (see
            :func:`summarize.inputs.collect_inputs`); nothing is read then.
    """
    found = inputs if isinstance(inputs, InputSet) else collect_inputs(inputs)
    reading = _Reader(found, fetch or FetchOptions(), cache, fetcher, stdin)
    try:
        return reading.run()
    finally:
        if fetcher is None and reading._fetcher is not None:
            reading._fetcher.close()
