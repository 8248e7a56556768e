"""Reading input files into documents: decoding, Unicode normalisation and paragraphs."""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from summarize.clean import clean_text
from summarize.errors import InputError, LanguageError
from summarize.inputs import UNSUPPORTED_FORMATS, Source
from summarize.lang import legacy_code_pages
from summarize.languages import detect_language

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_MD_HEADING = re.compile(r"^#{1,6}\s+")


@dataclass(frozen=True)
class Document:
    """One input text.

    Attributes:
        id: Stable id, the file name without its suffix (or the key given in memory).
        text: The decoded text, NFC-normalised and cleaned (see :func:`clean_text`).
        paragraphs: Non-empty paragraphs in order.
        source_path: Where it was read from, if from a file.
        encoding: The encoding it was decoded with, if from a file.
        cleaning: What cleaning changed, non-zero counts only (``{"bidi_controls": 3, …}``).
    """

    id: str
    text: str
    paragraphs: tuple[str, ...]
    source_path: str | None = None
    encoding: str | None = None
    cleaning: dict[str, int] = field(default_factory=dict, hash=False)


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


def normalise(text: str) -> str:
    """NFC-normalise text."""
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

    The text is NFC-normalised, then cleaned (invisible controls removed, HTML entities decoded,
    odd spaces made plain; the counts go to ``Document.cleaning``), then split into paragraphs.

    Args:
        doc_id: The document's id.
        text: The decoded text.
        source_path: Where it was read from, if from a file.
        encoding: The encoding it was decoded with, if from a file.

    Returns:
        The document.
    """
    text, cleaning = clean_text(normalise(text))
    if cleaning:  # removing a zero-width character can leave an accent to compose
        text = normalise(text)
    return Document(id=doc_id, text=text, paragraphs=tuple(split_paragraphs(text)),
                    source_path=source_path, encoding=encoding, cleaning=cleaning)


def read_document(path: str | Path, doc_id: str | None = None) -> Document:
    """Read one file into a document whose id is ``doc_id`` or the file's stem.

    Raises:
        InputError: the file is missing, unreadable, of a format summarize cannot read, or
            cannot be decoded.
    """
    path = Path(path)
    unsupported = UNSUPPORTED_FORMATS.get(path.suffix.lower())
    if unsupported:
        raise InputError(unsupported, str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", str(path)) from exc
    text, encoding = decode_bytes(data, str(path))
    return document_from_text(doc_id or path.stem, text, source_path=str(path), encoding=encoding)


def read_source(source: Source, stdin: BinaryIO | None = None) -> Document:
    """Read one input of a run: a file, or standard input (``source.path`` is None).

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
