"""Reading input files into documents: decoding, Unicode normalisation and paragraphs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

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
    """

    id: str
    text: str
    paragraphs: tuple[str, ...]
    source_path: str | None = None
    encoding: str | None = None


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


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode file bytes, returning the text and the encoding used.

    Raises:
        InputError: the bytes are binary or not valid UTF-8; nothing is ever replaced silently.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes)")
    return _strict(data, "utf-8", name), "utf-8"


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding} (byte {exc.start}: {data[exc.start:exc.start + 4]!r})"
        ) from None


def document_from_text(doc_id: str, text: str, *, source_path: str | None = None,
                       encoding: str | None = None) -> Document:
    """Build a document from text already in memory."""
    text = normalise(text)
    return Document(id=doc_id, text=text, paragraphs=tuple(split_paragraphs(text)),
                    source_path=source_path, encoding=encoding)


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
