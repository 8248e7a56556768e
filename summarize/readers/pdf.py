"""PDF files with a text layer (press releases, reports), with pypdf.

Lines are taken in the order the PDF draws them (the reading order of single-column
documents) with their position on the page. Paragraphs are rebuilt from lines: a larger gap
than the usual line spacing, a change of font size or a jump back up the page starts a new one;
lines in a larger font than the body are headings. A word hyphenated at a line end is joined
again ("Inves-" + "titionen" → "Investitionen"); a hyphen before a capital is kept
("Nord-" + "Ostsee" → "Nord-Ostsee"). A paragraph that runs over a page break is joined too.

Running headers and footers (a line at the top or bottom of at least half the pages, digits
aside) and page numbers are kept once each, marked boilerplate with the pages they were on, so
they are translated but stay out of digests. A PDF without any text (a scan) fails with "no text
layer (scanned PDF); OCR is not supported"; pages without text in a PDF that has some are
counted in the document's ``cleaning`` record (``pdf_pages_without_text``).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Any

from summarize.errors import InputError
from summarize.readers import Block, Extracted

SCANNED = "no text layer (scanned PDF); OCR is not supported"
#: The share of the page height at its top and bottom where running headers and footers sit.
MARGIN_SHARE = 0.15
#: Lines of each margin examined as header or footer candidates.
MARGIN_LINES = 2
#: A gap between lines this many times the usual line spacing starts a new paragraph.
PARAGRAPH_GAP = 1.3
#: Lines this many times the body's font size are headings.
HEADING_SIZE = 1.15

_DIGITS = re.compile(r"[0-9\u0660-\u0669]+")
_PAGE_NUMBER = re.compile(
    r"[\W_]*(?:(?:page|seite|sayfa|pagina|página|pag\.|s\.|p\.|صفحة|الصفحة)\s*)?"
    r"[0-9\u0660-\u0669]+(?:\s*(?:/|of|von|di|de|من|\|)\s*[0-9\u0660-\u0669]+)?[\W_]*",
    re.IGNORECASE)
_SENTENCE_END = tuple(".!?:;\"»”’)")
_JUNK_TITLE = re.compile(r"^(?:microsoft\s+\w+\s+-|untitled)|\.(?:docx?|pdf|odt|indd)$",
                         re.IGNORECASE)


@dataclass
class _Line:
    text: str
    y: float
    size: float


def _lines(page: Any) -> list[_Line]:
    """The page's text lines in drawing order, each with its height on the page and font size."""
    lines: list[_Line] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if not text:
            return
        y = float(tm[4]) * float(cm[1]) + float(tm[5]) * float(cm[3]) + float(cm[5])
        scale = abs(float(tm[3]) * float(cm[3])) or 1.0
        height = float(size) * scale
        for n, piece in enumerate(text.split("\n")):
            if n == 0 and lines and abs(lines[-1].y - y) < max(height, 1.0) * 0.5:
                lines[-1].text += piece
            elif piece.strip() or n == 0:
                lines.append(_Line(piece, y, height))

    page.extract_text(visitor_text=visit)
    for line in lines:
        line.text = " ".join(line.text.split())
    return [line for line in lines if line.text]


def _pages_label(pages: list[int]) -> str:
    if len(pages) == 1:
        return f"page {pages[0]}"
    if pages == list(range(pages[0], pages[-1] + 1)):
        return f"pages {pages[0]}–{pages[-1]}"
    return "pages " + ", ".join(map(str, pages))


def _margins(pages: list[list[_Line]], heights: list[float]) -> dict[int, dict[int, str]]:
    """For each page, the indices of its header, footer and page-number lines → their kind."""
    candidates: list[list[tuple[int, str, str]]] = []  # (line index, where, normalized text)
    for lines, height in zip(pages, heights, strict=True):
        order = sorted(range(len(lines)), key=lambda i: -lines[i].y)
        found = [(i, "header", _DIGITS.sub("#", lines[i].text.casefold()))
                 for i in order[:MARGIN_LINES] if lines[i].y > height * (1 - MARGIN_SHARE)]
        found += [(i, "footer", _DIGITS.sub("#", lines[i].text.casefold()))
                  for i in order[::-1][:MARGIN_LINES] if lines[i].y < height * MARGIN_SHARE
                  and i not in {j for j, _, _ in found}]
        candidates.append(found)
    counts: dict[tuple[str, str], int] = {}
    for found in candidates:
        for key in {(where, norm) for _, where, norm in found}:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, (len(pages) + 1) // 2)
    kinds: dict[int, dict[int, str]] = {}
    for p, found in enumerate(candidates):
        for i, where, norm in found:
            if _PAGE_NUMBER.fullmatch(pages[p][i].text):
                kinds.setdefault(p, {})[i] = "page number"
            elif counts[(where, norm)] >= needed:
                kinds.setdefault(p, {})[i] = f"running {where}"
    return kinds


def _join(text: str, line: str) -> str:
    """Append a line to a paragraph, undoing a hyphenation at the line end."""
    if text.endswith("\u00ad"):
        return text[:-1] + line
    if len(text) > 1 and text[-1] in "-‐" and text[-2].isalpha() and line[:1].isalpha():
        return (text[:-1] if line[0].islower() else text) + line
    return f"{text} {line}"


def _paragraphs(pages: list[list[_Line]]) -> list[Block]:
    """Body lines of all pages → paragraphs and headings."""
    sizes = [line.size for lines in pages for line in lines]
    body_size = statistics.median(sizes) if sizes else 0.0
    gaps = [a.y - b.y for lines in pages for a, b in zip(lines, lines[1:], strict=False)
            if 0 < a.y - b.y < 3 * max(a.size, 1.0) and abs(a.size - b.size) < 0.5]
    spacing = statistics.median(gaps) if gaps else body_size * 1.2
    blocks: list[tuple[str, bool]] = []
    for lines in pages:
        previous: _Line | None = None
        for line in lines:
            heading = line.size > body_size * HEADING_SIZE
            if previous is None:
                continued = (bool(blocks) and not blocks[-1][1] and not heading
                             and not blocks[-1][0].endswith(_SENTENCE_END))
            else:
                gap = previous.y - line.y
                continued = (0 < gap <= spacing * PARAGRAPH_GAP
                             and abs(previous.size - line.size) < 0.5)
            if continued and blocks:
                blocks[-1] = (_join(blocks[-1][0], line.text), blocks[-1][1])
            else:
                blocks.append((line.text, heading))
            previous = line
    return [Block(text, heading=heading) for text, heading in blocks]


def _open(data: bytes, name: str) -> Any:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("encrypted PDF: a password is needed", name)
        _ = len(reader.pages)
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"not a readable PDF ({type(exc).__name__}: {exc})", name) from exc
    return reader


def _has_images(page: Any) -> bool:
    try:
        return bool(page.images)
    except Exception:  # a malformed image still means the page is a picture
        return True


def read_pdf(data: bytes, name: str, **_: object) -> Extracted:
    """Read a PDF's text layer into paragraphs, with headers, footers and page numbers marked.

    Raises:
        InputError: not a readable PDF, encrypted, or without a text layer (a scan).
    """
    reader = _open(data, name)
    try:
        pages = [_lines(page) for page in reader.pages]
    except Exception as exc:  # pypdf failing on one odd content stream fails this file only
        raise InputError(f"cannot read the PDF's text ({type(exc).__name__}: {exc})",
                         name) from exc
    if not any(pages):
        images = any(_has_images(page) for page in reader.pages)
        raise InputError(SCANNED if images else "the PDF holds no text", name)
    heights = [float(page.mediabox.height) for page in reader.pages]
    kinds = _margins(pages, heights)
    marked: dict[tuple[str, str], list[int]] = {}
    body: list[list[_Line]] = []
    for p, lines in enumerate(pages):
        page_kinds = kinds.get(p, {})
        for i, kind in page_kinds.items():
            marked.setdefault((kind, lines[i].text), []).append(p + 1)
        body.append([line for i, line in enumerate(lines) if i not in page_kinds])
    headers = [Block(text, boilerplate=f"{kind} ({_pages_label(pages_of)})")
               for (kind, text), pages_of in marked.items() if kind == "running header"]
    footers = [Block(text, boilerplate=f"{kind} ({_pages_label(pages_of)})")
               for (kind, text), pages_of in marked.items() if kind != "running header"]
    metadata: dict[str, str] = {}
    info = reader.metadata or {}
    for key, field in (("title", "/Title"), ("author", "/Author")):
        value = " ".join(str(info.get(field) or "").split())
        if value and not _JUNK_TITLE.search(value):
            metadata[key] = value
    language = reader.trailer["/Root"].get("/Lang")
    if language:
        metadata["language"] = str(language)
    missing = sum(1 for lines in pages if not lines)
    return Extracted(tuple(headers + _paragraphs(body) + footers), metadata,
                     cleaning={"pdf_pages_without_text": missing} if missing else {})

