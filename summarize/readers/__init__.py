"""The formats summarize reads, in one registry: adding a format is one module and one line.

A reader turns a file's bytes into :class:`Extracted`: text blocks in reading order (each a
paragraph, a heading, or boilerplate with the reason, kept but left out of digests) and the
document's metadata. Readers are found by name and imported on first use, so ``import
summarize`` imports none of trafilatura, pypdf or python-docx.

Plain text (``.txt``, ``.md``) is not in the registry: it is decoded and split into paragraphs
by :mod:`summarize.documents` itself. Feeds and JSON Lines are *containers* (one input, many
documents) and are expanded by :mod:`summarize.reading`; they are registered here so that
inputs are recognized by one table.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

#: Metadata keys a reader may set (values are strings; ``date`` is an ISO 8601 date).
METADATA_KEYS = ("title", "author", "date", "outlet", "url", "language")


@dataclass(frozen=True)
class Block:
    """One block of text in reading order.

    Attributes:
        text: The text (whitespace inside it is collapsed by the document builder).
        heading: A headline or subheading.
        boilerplate: Why it is boilerplate (``"running header (pages 1–4)"``), or None for
            article text. Boilerplate is kept in the translation and left out of digests.
    """

    text: str
    heading: bool = False
    boilerplate: str | None = None


@dataclass(frozen=True)
class Extracted:
    """What a reader found in a file.

    Attributes:
        blocks: The text blocks in reading order.
        metadata: Keys among :data:`METADATA_KEYS`, string values.
        encoding: The text encoding, when the format has one (HTML).
        cleaning: Counts of what the reader left out or changed (``pdf_pages_without_text``),
            added to the document's ``cleaning`` record.
    """

    blocks: tuple[Block, ...]
    metadata: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None
    cleaning: Mapping[str, int] = field(default_factory=dict)


#: A reader: the file's bytes, its name (for messages) and, for a web page, its URL and the
#: charset its server declared; returns what it found or raises ``InputError``.
Reader = Callable[..., Extracted]

#: Format name → ``module:function`` of its reader (imported on first use).
READERS: dict[str, str] = {
    "html": "summarize.readers.html:read_html",
    "pdf": "summarize.readers.pdf:read_pdf",
    "docx": "summarize.readers.docx:read_docx",
}
#: Containers, expanded by :mod:`summarize.reading` into several inputs: a feed into its items'
#: pages (``summarize.readers.feed``), JSON Lines into one document a line
#: (``summarize.readers.jsonl``).
CONTAINERS = frozenset({"feed", "jsonl"})
#: File suffix → format. ``.txt`` and ``.md`` are ``text``.
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf", ".docx": "docx",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".jsonl": "jsonl",
}
#: HTTP content type → format; any other content type is refused when fetching.
CONTENT_TYPES: dict[str, str] = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed", "application/feed+xml": "feed",
}
#: Suffixes that are only read when their content says so (``.xml`` may be anything):
#: in a folder they are read when :func:`sniff` recognizes them, else listed as skipped.
SNIFFED = frozenset({".xml"})


def format_of_suffix(suffix: str) -> str | None:
    """The format a file suffix stands for (``".pdf"`` → ``"pdf"``), or None."""
    return SUFFIXES.get(suffix.lower())


def format_of_content_type(content_type: str | None) -> str | None:
    """The format of an HTTP ``Content-Type`` (parameters ignored), or None."""
    if not content_type:
        return None
    return CONTENT_TYPES.get(content_type.split(";", 1)[0].strip().lower())


def sniff(data: bytes) -> str | None:
    """Guess a format from the first bytes: ``pdf``, ``feed``, ``html`` or None."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith(b"pk\x03\x04"):
        return None
    for marker in (b"<rss", b"<feed", b"<rdf:rdf"):
        if marker in head:
            return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "html"
    return None


def reader(name: str) -> Reader:
    """The reader function of a format, imported on first use.

    Raises:
        KeyError: no such format.
    """
    module, _, function = READERS[name].partition(":")
    found: Reader = getattr(importlib.import_module(module), function)
    return found
