"""Word files (``.docx``), with python-docx.

The body is read in order: paragraphs (``Title`` and ``Heading …`` styles are headings) and
tables (one block per row, its cells joined by `` | ``, a merged cell once). The headers and
footers of every section are kept once each, marked boilerplate, so they are translated but stay
out of digests. The title, author and language of the file's properties are its metadata.
"""

from __future__ import annotations

import io
from typing import Any

from summarize.errors import InputError
from summarize.readers import Block, Extracted

_HEADING_STYLES = ("title", "subtitle", "heading")


def _paragraph_block(paragraph: Any) -> Block | None:
    text = " ".join(paragraph.text.split())
    if not text:
        return None
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    return Block(text, heading=style.casefold().startswith(_HEADING_STYLES))


def _row_blocks(table: Any) -> list[Block]:
    blocks = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # a merged cell repeats its text
                cells.append(text)
        if cells:
            blocks.append(Block(" | ".join(cells)))
    return blocks


def _margin_blocks(sections: Any, part: str) -> list[Block]:
    seen: dict[str, None] = {}
    for section in sections:
        for name in (part, f"first_page_{part}", f"even_page_{part}"):
            margin = getattr(section, name)
            if margin is None or margin.is_linked_to_previous and name != part:
                continue
            for paragraph in margin.paragraphs:
                text = " ".join(paragraph.text.split())
                if text:
                    seen.setdefault(text, None)
            for table in margin.tables:
                for block in _row_blocks(table):
                    seen.setdefault(block.text, None)
    return [Block(text, boilerplate=f"page {part}") for text in seen]


def read_docx(data: bytes, name: str, **_: object) -> Extracted:
    """Read a Word file's paragraphs, headings and tables; headers and footers as boilerplate.

    Raises:
        InputError: not a readable ``.docx`` file.
    """
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # zip, XML and python-docx errors all mean: not a Word file
        raise InputError(f"not a readable .docx file ({type(exc).__name__}: {exc})",
                         name) from exc
    body: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            block = _paragraph_block(item)
            if block is not None:
                body.append(block)
        elif isinstance(item, Table):
            body += _row_blocks(item)
    headers = _margin_blocks(document.sections, "header")
    footers = _margin_blocks(document.sections, "footer")
    properties = document.core_properties
    metadata = {key: " ".join(str(value).split()) for key, value in (
        ("title", properties.title), ("author", properties.author),
        ("language", properties.language)) if value and str(value).strip()}
    return Extracted(tuple(headers + body + footers), metadata)
