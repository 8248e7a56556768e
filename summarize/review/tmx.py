"""The translation memory as TMX 1.4, the exchange format of translation tools.

:func:`export_tmx` writes every entry as one ``<tu>`` (``srclang``, ``creationdate``,
``changedate``, ``creationid`` = the reviewer, a ``<prop type="x-origin">``) holding two
``<tuv xml:lang="…"><seg>…</seg></tuv>``: the source, then the English. :func:`import_tmx`
reads such files, and those of other tools: language tags such as ``tr-TR`` become ``tr``,
inline codes (``<bpt>``, ``<ph>`` …) are left out of the text and ``<hi>`` kept, whitespace
runs become one space (as in an edit), and every non-English variant of a unit is paired with
its English one. A file that is not
well-formed TMX fails with its name and the reason; nothing is imported from it then.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from summarize._version import __version__
from summarize.errors import InputError
from summarize.translate.memory import (
    ORIGINS,
    MemoryEntry,
    TranslationMemory,
    normalize_source,
    now_iso,
)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Inline elements whose content is native code, not text.
CODES = frozenset({"bpt", "ept", "it", "ph", "ut"})
#: Characters XML 1.0 cannot carry at all, escaped or not.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _tmx_date(iso: str) -> str:
    """``2026-01-31T09:30:00Z`` → TMX's ``20260131T093000Z``."""
    return iso.replace("-", "").replace(":", "")


def _iso_date(tmx: str | None) -> str:
    """TMX's ``20260131T093000Z`` → ``2026-01-31T09:30:00Z`` ("" when missing or unreadable)."""
    if not tmx:
        return ""
    try:
        parsed = datetime.strptime(tmx, "%Y%m%dT%H%M%SZ")
    except ValueError:
        return ""
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")


def render_tmx(entries: list[MemoryEntry]) -> str:
    """The TMX 1.4 document of the entries (ElementTree escapes text and attributes).

    Raises:
        OutputError: an entry holds a character XML cannot carry (a control character).
    """
    from summarize.errors import OutputError

    for entry in entries:
        for text in (entry.source, entry.english, entry.reviewer or ""):
            bad = NOT_XML.search(text)
            if bad:
                raise OutputError(f"the memory's entry for {entry.source[:60]!r} holds "
                                  f"U+{ord(bad.group()):04X}, which XML cannot carry; "
                                  "nothing was written")
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {
        "creationtool": "summarize", "creationtoolversion": __version__,
        "segtype": "sentence", "o-tmf": "summarize", "adminlang": "en",
        "srclang": "*all*", "datatype": "plaintext", "creationdate": _tmx_date(now_iso())})
    body = ET.SubElement(root, "body")
    for entry in entries:
        attributes = {"srclang": entry.language}
        if entry.created:
            attributes["creationdate"] = _tmx_date(entry.created)
        if entry.updated:
            attributes["changedate"] = _tmx_date(entry.updated)
        if entry.reviewer:
            attributes["creationid"] = entry.reviewer
        unit = ET.SubElement(body, "tu", attributes)
        ET.SubElement(unit, "prop", type="x-origin").text = entry.origin
        for language, text in ((entry.language, entry.source), ("en", entry.english)):
            variant = ET.SubElement(unit, "tuv", {XML_LANG: language})
            ET.SubElement(variant, "seg").text = text
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def export_tmx(memory: TranslationMemory, path: str | Path) -> int:
    """Write every entry of the memory to ``path`` as TMX 1.4; returns how many.

    Raises:
        OutputError: the file cannot be written.
    """
    from summarize.errors import OutputError
    from summarize.outdir import write_atomic

    entries = memory.entries()
    try:
        write_atomic(Path(path), render_tmx(entries))
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return len(entries)


def _seg_text(element: ET.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag not in CODES and child.tag != "sub":
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _language(tag: str | None) -> str:
    return (tag or "").split("-")[0].split("_")[0].strip().lower()


@dataclass(frozen=True)
class TmxRead:
    """What a TMX file holds for summarize.

    Attributes:
        entries: Source → English pairs.
        skipped: Translation units without an English variant, or without another one.
    """

    entries: list[MemoryEntry]
    skipped: int


def read_tmx(path: str | Path) -> TmxRead:
    """The source → English pairs of a TMX file.

    Raises:
        InputError: the file cannot be read, is not well-formed XML, declares entities, or
            is not TMX (the message names the file).
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from exc
    if b"<!ENTITY" in data:
        raise InputError("declares XML entities, which summarize does not expand", name)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"not a well-formed TMX file: {exc}", name) from exc
    body = root.find("body")
    if root.tag != "tmx" or root.find("header") is None or body is None:
        raise InputError(f"not a TMX file (a <tmx> with a <header> and a <body>; found "
                         f"<{root.tag}>)", name)
    header = root.find("header")
    default = _language(header.get("srclang") if header is not None else None)
    entries: list[MemoryEntry] = []
    skipped = 0
    for unit in body.iter("tu"):
        variants = [(_language(v.get(XML_LANG) or v.get("lang")), v.find("seg"))
                    for v in unit.findall("tuv")]
        texts = [(lang, normalize_source(_seg_text(seg))) for lang, seg in variants
                 if lang and seg is not None]
        english = next((text for lang, text in texts if lang == "en"), None)
        source_lang = _language(unit.get("srclang")) or default
        sources = [(lang, text) for lang, text in texts if lang != "en"
                   and (source_lang in ("", "*all*", "en") or lang == source_lang)]
        if english is None or not english.strip() or not sources:
            skipped += 1
            continue
        props = {p.get("type"): (p.text or "") for p in unit.findall("prop")}
        origin = props.get("x-origin", "imported")
        for lang, text in sources:
            if not text.strip():
                skipped += 1
                continue
            entries.append(MemoryEntry(
                lang, text, english, origin if origin in ORIGINS else "imported",
                unit.get("creationid") or unit.get("changeid") or None,
                _iso_date(unit.get("creationdate")), _iso_date(unit.get("changedate"))))
    return TmxRead(entries, skipped)


def import_tmx(memory: TranslationMemory, path: str | Path) -> tuple[int, int, int]:
    """Read a TMX file into the memory (an entry already there and newer is kept).

    Returns:
        How many pairs the file held, how many changed the memory, how many units were
        skipped (no English variant, or no other one).

    Raises:
        InputError: the file cannot be read or is not TMX; nothing was imported.
    """
    read = read_tmx(path)
    written = memory.put_many(read.entries, newer_only=True)
    return len(read.entries), written, read.skipped
