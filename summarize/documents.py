"""Reading input files into documents: decoding, Unicode normalisation and paragraphs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from summarize.clean import clean_text
from summarize.errors import InputError

SUFFIXES = (".txt", ".md")

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_MD_HEADING = re.compile(r"^#{1,6}\s+")


@dataclass(frozen=True)
class Document:
    """One input text.

    Attributes:
        id: Stable id, the file name without its suffix (or the key given in memory).
        text: The decoded, NFC-normalised text.
        paragraphs: Non-empty paragraphs in order.
        source_path: Where it was read from, if from a file.
        encoding: The encoding it was decoded with, if from a file.
        cleaning: What cleaning changed (``{"bidi_controls": 3, …}``).
    """

    id: str
    text: str
    paragraphs: tuple[str, ...]
    source_path: str | None = None
    encoding: str | None = None
    cleaning: dict[str, int] = field(default_factory=dict)


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
#: How sure the detector must be that a legacy decoding is in one of its code page's languages.
LEGACY_CONFIDENCE = 0.5
#: Letters a legacy decoding needs before the detector's word is trusted.
LEGACY_MIN_LETTERS = 20

#: Legacy code pages tried when a file is not UTF-8, with the languages each one is for.
LEGACY: dict[str, frozenset[str]] = {
    "cp1256": frozenset({"ar", "fa", "ur"}),
    "cp1254": frozenset({"tr", "az"}),
    "cp1252": frozenset({"de", "it", "fr", "es", "pt", "nl", "en", "da", "sv", "nb", "nn", "fi",
                         "is", "ca", "eu", "gl", "ga", "cy", "af", "id", "ms", "sq", "sw", "la",
                         "tl", "et"}),
}


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode file bytes, returning the text and the encoding used.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read directly. Other bytes are
    tried as the legacy code pages cp1256 (Arabic), cp1254 (Turkish) and cp1252 (Western); the
    one whose text the language detector reads as one of that code page's languages, most
    confidently, wins (cp1252 and cp1254 differ in six letters only, so Turkish read as cp1252
    still looks Turkish, and that means cp1254).

    Raises:
        InputError: the bytes are binary or fit no candidate; nothing is replaced silently.
    """
    for bom, codec, recorded in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, name), recorded
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes and no UTF-16 BOM)")
    try:
        return _not_binary(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text, encoding = _guess_legacy(data)
    if text is None:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {utf8_error.start}: "
            f"{data[utf8_error.start:utf8_error.start + 4]!r}) and not recognisably cp1256, "
            "cp1254 or cp1252 text either; convert it to UTF-8")
    return _not_binary(text, name), encoding


def _not_binary(text: str, name: str) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(2, len(text) // 100):
        raise InputError(f"{name}: looks like a binary file ({controls} control characters)")
    return text


def _guess_legacy(data: bytes) -> tuple[str | None, str]:
    from summarize.errors import LanguageError
    from summarize.languages import detect_language

    best: tuple[float, str | None, str] = (LEGACY_CONFIDENCE, None, "")
    for encoding, languages in LEGACY.items():
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if sum(ch.isalpha() for ch in text) < LEGACY_MIN_LETTERS:
            continue
        try:
            found = detect_language(text)
        except LanguageError:
            continue
        score = found.confidence if found.language in languages else 0.0
        if score >= best[0] and (best[1] is None or score > best[0]):
            best = (score, text, encoding)
    return best[1], best[2]


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding} (byte {exc.start}: {data[exc.start:exc.start + 4]!r})"
        ) from None


def document_from_text(doc_id: str, text: str, *, source_path: str | None = None,
                       encoding: str | None = None) -> Document:
    """Build a document from text already in memory (NFC-normalised, then cleaned)."""
    text, cleaning = clean_text(normalise(text))
    return Document(id=doc_id, text=text, paragraphs=tuple(split_paragraphs(text)),
                    source_path=source_path, encoding=encoding, cleaning=cleaning)


def read_document(path: str | Path, doc_id: str | None = None) -> Document:
    """Read one file into a document whose id is ``doc_id`` or the file's stem.

    Raises:
        InputError: the file is missing, unreadable or cannot be decoded.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text, encoding = decode_bytes(data, str(path))
    return document_from_text(doc_id or path.stem, text, source_path=str(path), encoding=encoding)


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into the input files, sorted within each folder.

    Folders contribute their ``.txt`` and ``.md`` files (recursively). Files are taken as given,
    whatever their suffix. A missing path is returned as is, so that reading it reports it.
    """
    paths: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            paths.extend(sorted(p for p in path.rglob("*")
                                if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            paths.append(path)
    return paths


def unique_ids(paths: Sequence[Path]) -> list[str]:
    """Document ids from file stems; a clash gets the parent folder name prefixed."""
    stems = [p.stem for p in paths]
    ids: list[str] = []
    seen: set[str] = set()
    for path, stem in zip(paths, stems, strict=True):
        candidate = stem if stems.count(stem) == 1 else f"{path.parent.name}-{stem}"
        base, n = candidate, 2
        while candidate in seen:
            candidate = f"{base}-{n}"
            n += 1
        seen.add(candidate)
        ids.append(candidate)
    return ids
