"""Reading input files into documents: decoding, Unicode normalization and paragraphs.

Plain text is decoded and split here; other formats (web pages, PDF, Word) are read by the
readers of :mod:`summarize.readers` into blocks, which :func:`document_from_blocks` turns into
a document with the same cleaning.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from summarize.clean import clean_text
from summarize.errors import InputError, LanguageError
from summarize.frontmatter import split_front_matter
from summarize.inputs import Source, unsupported_reason
from summarize.lang import legacy_code_pages
from summarize.languages import detect_language
from summarize.readers import CONTAINERS, Extracted, format_of_suffix, reader

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_MD_HEADING = re.compile(r"^#{1,6}\s+")


@dataclass(frozen=True)
class Document:
    """One input text.

    Attributes:
        id: Stable id, the file name without its suffix (or the key given in memory).
        text: The decoded text, NFC-normalized and cleaned (see :func:`clean_text`).
        paragraphs: Non-empty paragraphs in order.
        source_path: Where it was read from, if from a file.
        encoding: The encoding it was decoded with, if from a file.
        cleaning: What cleaning changed, non-zero counts only (``{"bidi_controls": 3, …}``).
        metadata: What the input says about itself: keys among ``title``, ``author``,
            ``date`` (ISO 8601), ``outlet``, ``url`` (canonical) and ``language`` (declared);
            for text files their front matter (``summarize.frontmatter``), the text being
            what follows it.
        boilerplate: Paragraphs its reader marked boilerplate (0-based index → reason: a
            PDF's running header, a Word footer); flagged like site boilerplate.
        headings: Paragraphs its reader knows are headings (0-based indices).
        language: A language given with the input itself (JSON Lines ``lang``), trusted
            instead of detection; ``--source-lang`` still overrides it.
        fetch: For a page fetched from a URL, how it was fetched (``requested_url``,
            ``final_url``, ``status``, ``fetched_at``, ``sha256``, ``redirects``).
    """

    id: str
    text: str
    paragraphs: tuple[str, ...]
    source_path: str | None = None
    encoding: str | None = None
    cleaning: dict[str, int] = field(default_factory=dict, hash=False)
    metadata: dict[str, str] = field(default_factory=dict, hash=False)
    boilerplate: dict[int, str] = field(default_factory=dict, hash=False)
    headings: frozenset[int] = frozenset()
    language: str | None = None
    fetch: dict[str, Any] | None = field(default=None, hash=False)


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraphs.

    A text with blank lines is split on blank lines, and the lines inside one block are joined
    (hard-wrapped prose). A text without blank lines has one paragraph per line, as news pages
    copied from the web often do.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _BLANK_LINE.search(text):
        blocks = [" ".join(line.strip() for line in block.split("\n") if line.strip())
                  for block in _BLANK_LINE.split(text)]
    else:
        blocks = [line.strip() for line in text.split("\n")]
    return [_MD_HEADING.sub("", block) for block in blocks if block.strip()]


def normalize(text: str) -> str:
    """NFC-normalize text."""
    return unicodedata.normalize("NFC", text)


#: Byte-order marks → (codec that strips it, name recorded). UTF-32 first: its LE mark starts
#: with UTF-16's.
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
         (b"\xff\xfe\x00\x00", "utf-32", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32", "utf-32-be"),
         (b"\xff\xfe", "utf-16", "utf-16-le"), (b"\xfe\xff", "utf-16", "utf-16-be"))

#: Code pages for Latin script: a decoding through one of them whose letters are mostly
#: non-ASCII is another script misread (Arabic read as cp1252 gives "ÇáÔÑßÉ").
LATIN_CODE_PAGES = frozenset({"cp1252", "cp1254"})
LATIN_MAX_NON_ASCII = 0.5
#: cp1256 has a few accented Latin letters too (for French); Cyrillic or Greek bytes read as
#: cp1256 mix them with Arabic letters ("îىïàيèے"), real Arabic text hardly ever does.
ARABIC_MAX_LATIN = 0.2
#: How sure the detector must be that a decoding is in one of the code page's languages.
LEGACY_CONFIDENCE = 0.5
#: Letters a legacy decoding needs before the detector's word is trusted.
LEGACY_MIN_LETTERS = 20
#: Characters of a legacy decoding shown to the detector (the language shows long before).
DETECT_SAMPLE = 5000
#: Control characters (other than tab, newlines, form feed) above this share mean binary.
MAX_CONTROL_SHARE = 0.01


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode file bytes, returning the text and the encoding used.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read directly. Other bytes are
    decoded strictly as each legacy code page of the profiles (cp1256 Arabic, cp1254 Turkish,
    cp1252 Western European) and the language detector decides: a decoding whose detected
    language is one of its code page's languages votes for it with the detector's confidence,
    and the most confident vote wins (at least :data:`LEGACY_CONFIDENCE`). Because cp1252 and
    cp1254 differ only in the six letters ğĞıİşŞ ↔ ðÐýÝþÞ, Turkish read as cp1252 still looks
    Turkish, and so votes for cp1254 (and German read as cp1254 for cp1252). Decodings with
    too few letters to judge, or that look like another script misread (mostly accented
    letters through a Latin code page, Latin letters mixed into Arabic through cp1256), cannot
    win.

    Args:
        data: The file's bytes.
        name: The file name, for error messages.

    Returns:
        The decoded text and the encoding's name (``utf-8``, ``utf-8-sig``, ``utf-16-le``,
        ``utf-16-be``, ``utf-32-le``, ``utf-32-be``, ``cp1256``, ``cp1254`` or ``cp1252``).

    Raises:
        InputError: the bytes look binary (NUL bytes without a UTF-16/32 BOM, or many control
            characters), or no encoding fits them; nothing is ever replaced silently.
    """
    for bom, codec, recorded in _BOMS:
        if data.startswith(bom):
            return _not_binary(_strict(data, codec, name), name), recorded
    if b"\x00" in data:
        raise InputError("looks like a binary file (NUL bytes and no UTF-16/32 byte-order "
                         "mark; UTF-16 without a BOM is not supported)", name)
    try:
        return _not_binary(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text, encoding, reasons = _guess_legacy(data)
    if text is None:
        raise InputError(
            f"not valid UTF-8 (byte {utf8_error.start}: "
            f"{data[utf8_error.start:utf8_error.start + 4]!r}) and no legacy code page fits "
            f"({'; '.join(reasons)}); convert it to UTF-8", name)
    return _not_binary(text, name), encoding


def _not_binary(text: str, name: str) -> str:
    controls = sum(1 for ch in text
                   if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or 0x7F <= ord(ch) <= 0x9F)
    if controls > max(2, len(text) * MAX_CONTROL_SHARE):
        raise InputError(f"looks like a binary file ({controls} control characters in "
                         f"{len(text)})", name)
    return text


def _guess_legacy(data: bytes) -> tuple[str | None, str, list[str]]:
    """The best legacy decoding and its code page, or None and why each code page failed."""
    legacy = legacy_code_pages()
    decoded: dict[str, str] = {}
    reasons: list[str] = []
    for encoding in legacy:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            reasons.append(f"{encoding}: byte {data[exc.start]:#04x} at {exc.start} is undefined")
            continue
        why = _implausible(text, encoding)
        if why:
            reasons.append(f"{encoding}: {why}")
        else:
            decoded[encoding] = text
    votes = dict.fromkeys(decoded, 0.0)
    for encoding, text in decoded.items():
        try:
            found = detect_language(text[:DETECT_SAMPLE])
        except LanguageError:
            reasons.append(f"{encoding}: no words the language detector knows")
            continue
        home = next((cp for cp, languages in legacy.items() if found.language in languages), None)
        # A decoding votes for its own code page, and the two Latin ones for each other (they
        # differ in six letters); Arabic-script decodings of Latin text mangle every accent.
        if home in votes and (home == encoding or {home, encoding} <= LATIN_CODE_PAGES):
            votes[home] = max(votes[home], found.confidence)
        if home != encoding:
            reasons.append(f"{encoding}: reads as {found.language!r}, not a {encoding} language")
    best = max(votes, key=lambda cp: votes[cp], default=None)
    if best is None or votes[best] < LEGACY_CONFIDENCE:
        return None, "", reasons
    return decoded[best], best, reasons


def _implausible(text: str, encoding: str) -> str | None:
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < LEGACY_MIN_LETTERS:
        return f"too few letters ({len(letters)}) to tell the language"
    if encoding in LATIN_CODE_PAGES:
        share = sum(1 for ch in letters if not ch.isascii()) / len(letters)
        if share > LATIN_MAX_NON_ASCII:
            return f"{share:.0%} of its letters are accented: another script misread"
    elif encoding == "cp1256":
        foreign = [ch for ch in letters if not ch.isascii()]
        latin = sum(1 for ch in foreign if not "\u0600" <= ch <= "\u06ff")
        if foreign and latin / len(foreign) > ARABIC_MAX_LATIN:
            return (f"{latin / len(foreign):.0%} of its non-ASCII letters are Latin ones mixed "
                    "with Arabic: another script misread")
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid {encoding} (byte {exc.start}: {data[exc.start:exc.start + 4]!r})", name
        ) from exc


def document_from_text(doc_id: str, text: str, *, source_path: str | None = None,
                       encoding: str | None = None) -> Document:
    """Build a document from text already in memory.

    A front matter block (``---`` YAML at the top) becomes ``Document.metadata`` and the text
    is what follows it. The text is NFC-normalized, then cleaned (invisible controls removed,
    HTML entities decoded, odd spaces made plain; the counts go to ``Document.cleaning``), then
    split into paragraphs.

    Args:
        doc_id: The document's id.
        text: The decoded text.
        source_path: Where it was read from, if from a file.
        encoding: The encoding it was decoded with, if from a file.

    Returns:
        The document.
    """
    metadata, text = split_front_matter(normalize(text))
    text, cleaning = clean_text(text)
    if cleaning:  # removing a zero-width character can leave an accent to compose
        text = normalize(text)
    return Document(id=doc_id, text=text, paragraphs=tuple(split_paragraphs(text)),
                    source_path=source_path, encoding=encoding, cleaning=cleaning,
                    metadata=metadata)


def document_from_blocks(doc_id: str, extracted: Extracted, *, source_path: str | None = None,
                         fetch: dict[str, Any] | None = None,
                         metadata: dict[str, str] | None = None) -> Document:
    """Build a document from what a reader found (see :mod:`summarize.readers`).

    Each block is cleaned like a text file (NFC, invisible controls out, entities decoded,
    counts in ``cleaning``) and becomes one paragraph; blocks left empty are dropped. Headings
    and boilerplate reasons keep their paragraphs.

    Args:
        doc_id: The document's id.
        extracted: The reader's blocks, metadata and encoding.
        source_path: Where it was read from (a file or the URL asked for).
        fetch: How a fetched page was fetched.
        metadata: Metadata known from elsewhere (a feed item's), used where the reader
            found none.
    """
    cleaning: dict[str, int] = dict(extracted.cleaning)
    paragraphs: list[str] = []
    boilerplate: dict[int, str] = {}
    headings: set[int] = set()
    for block in extracted.blocks:
        text, counts = clean_text(normalize(block.text))
        for key, count in counts.items():
            cleaning[key] = cleaning.get(key, 0) + count
        text = " ".join(normalize(text).split())
        if not text:
            continue
        if block.heading:
            headings.add(len(paragraphs))
        if block.boilerplate:
            boilerplate[len(paragraphs)] = block.boilerplate
        paragraphs.append(text)
    merged = {**(metadata or {}), **extracted.metadata}
    return Document(id=doc_id, text="\n\n".join(paragraphs), paragraphs=tuple(paragraphs),
                    source_path=source_path, encoding=extracted.encoding, cleaning=cleaning,
                    metadata=merged, boilerplate=boilerplate, headings=frozenset(headings),
                    fetch=fetch)


def read_bytes(data: bytes, name: str, doc_id: str, fmt: str, *, url: str | None = None,
               charset: str | None = None, fetch: dict[str, Any] | None = None,
               metadata: dict[str, str] | None = None) -> Document:
    """Read one document's bytes in a known format (``text``, ``html``, ``pdf``, ``docx``).

    Args:
        data: The bytes.
        name: The file or URL, for messages and as the document's ``source_path``.
        doc_id: The document's id.
        fmt: The format (see :data:`summarize.readers.SUFFIXES`).
        url: A fetched page's final URL (links and the canonical URL of HTML).
        charset: The charset a server declared.
        fetch: How a fetched page was fetched.
        metadata: Metadata known from elsewhere (a feed item's), filling gaps.

    Raises:
        InputError: the bytes cannot be read as that format.
    """
    if fmt == "text":
        text, encoding = decode_bytes(data, name)
        document = document_from_text(doc_id, text, source_path=name, encoding=encoding)
        if metadata or fetch:
            from dataclasses import replace

            document = replace(document, metadata={**(metadata or {}), **document.metadata},
                               fetch=fetch)
        return document
    if fmt in CONTAINERS:
        raise InputError(f"a {fmt} input holds several documents: read it with "
                         "summarize.pipeline.read_inputs", name)
    extracted = reader(fmt)(data, name, url=url, charset=charset)
    return document_from_blocks(doc_id, extracted, source_path=name, fetch=fetch,
                                metadata=metadata)


def read_document(path: str | Path, doc_id: str | None = None) -> Document:
    """Read one file into a document whose id is ``doc_id`` or the file's stem.

    Text files (``.txt``, ``.md``) are decoded and split into paragraphs; web pages, PDF and
    Word files go through their readers (:mod:`summarize.readers`).

    Raises:
        InputError: the file is missing, unreadable, of a format summarize cannot read, or
            cannot be decoded or extracted.
    """
    path = Path(path)
    fmt = format_of_suffix(path.suffix)
    if fmt is None:
        raise InputError(unsupported_reason(path.suffix), str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", str(path)) from exc
    return read_bytes(data, str(path), doc_id or path.stem, fmt)


def read_source(source: Source, stdin: BinaryIO | None = None) -> Document:
    """Read one input of a run from a file or standard input (``source.path`` is None).

    Web addresses are fetched by :func:`summarize.reading.read_inputs`, not here.

    Raises:
        InputError: it cannot be read or decoded.
    """
    if source.path is not None:
        return read_document(source.path, source.id)
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", source.label) from exc
    text, encoding = decode_bytes(data, source.label)
    return document_from_text(source.id, text, source_path=source.label, encoding=encoding)
