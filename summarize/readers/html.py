"""Web pages: the article's main text and its metadata, with trafilatura.

trafilatura finds the article in a news page and drops navigation, advertisements, comments,
related-article lists and cookie banners; its metadata extraction (with htmldate for the
publication date, JSON-LD ``datePublished`` first) gives the title, author, date, site name and
canonical URL. Headings, paragraphs, list items and table rows are kept as blocks in page
order; the headline (the page's title) leads the document when the extracted text does not
start with it. The page's ``lang`` attribute is recorded as the declared language.
"""

from __future__ import annotations

import codecs
import re
from typing import Any
from urllib.parse import urlsplit

from summarize.errors import InputError
from summarize.readers import Block, Extracted

#: An article needs at least one paragraph this long (in words, or in characters for scripts
#: written without spaces); a page without one is an index, a paywall or an empty shell.
MIN_ARTICLE_WORDS = 10
MIN_ARTICLE_CHARS = 80

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_SPACE = re.compile(r"\s+")


def decode_html(data: bytes, name: str, charset: str | None = None) -> tuple[str, str]:
    """Decode a page: the server's charset, a byte-order mark, the page's ``<meta charset>``,
    else as any text file (:func:`summarize.documents.decode_bytes`).

    Returns:
        The text and the encoding used.

    Raises:
        InputError: no encoding fits; nothing is replaced silently.
    """
    from summarize.documents import decode_bytes

    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data, name)
    found = _META_CHARSET.search(data[:4096])
    for declared in (charset, found.group(1).decode("ascii") if found else None):
        if not declared:
            continue
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            continue
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue  # a wrong declaration: let the bytes speak
    return decode_bytes(data, name)


def _text(element: Any) -> str:
    """An element's text with its inline children (``<hi>``, ``<ref>``), a line break as a
    space, whitespace collapsed."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.tag == "lb":
            parts.append(" ")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return _SPACE.sub(" ", "".join(parts)).strip()


def _blocks(body: Any) -> list[Block]:
    """Blocks from trafilatura's XML body, in order."""
    blocks: list[Block] = []
    for element in body:
        tag = element.tag
        if tag == "list":
            blocks += [Block(text) for item in element.iter("item") if (text := _text(item))]
        elif tag == "table":
            for row in element.iter("row"):
                cells = list(dict.fromkeys(t for cell in row.iter("cell") if (t := _text(cell))))
                if cells:
                    blocks.append(Block(" | ".join(cells)))
        elif tag == "graphic":
            continue
        else:
            text = _text(element)
            if text:
                blocks.append(Block(text, heading=tag == "head"))
    return blocks


def _long_enough(text: str) -> bool:
    return len(text.split()) >= MIN_ARTICLE_WORDS or (" " not in text
                                                      and len(text) >= MIN_ARTICLE_CHARS)


def _same(a: str, b: str) -> bool:
    return _SPACE.sub(" ", a).strip().casefold() == _SPACE.sub(" ", b).strip().casefold()


def read_html(data: bytes, name: str, *, url: str | None = None,
              charset: str | None = None) -> Extracted:
    """Extract the article and its metadata from a web page.

    Args:
        data: The page's bytes.
        name: The file or URL, for messages.
        url: The page's address (a fetched page's final URL), to resolve relative links and
            as the URL when the page names no canonical one.
        charset: The charset the server declared, if any.

    Returns:
        The article's blocks (headline first) and its metadata.

    Raises:
        InputError: the page cannot be decoded or parsed, or holds no article text.
    """
    import trafilatura
    from trafilatura.utils import load_html

    text, encoding = decode_html(data, name, charset)
    if not text.strip():
        raise InputError("the page is empty", name)
    tree = load_html(text)
    if tree is None:
        raise InputError("not an HTML page that can be parsed", name)
    declared = (tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
                or "").strip()
    try:
        found = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False)  # its date settings prefer the original publication date
    except Exception as exc:  # trafilatura or lxml failing on odd markup fails this page only
        raise InputError(f"cannot extract the article ({type(exc).__name__}: {exc})",
                         name) from exc
    page = None if isinstance(found, dict) else found  # a dict only with as_dict=True
    blocks = _blocks(page.body) if page is not None and page.body is not None else []
    if page is None or not any(_long_enough(b.text) for b in blocks if not b.heading):
        raise InputError(
            "no article text found in the page (no paragraph of at least "
            f"{MIN_ARTICLE_WORDS} words): it may be an index page, a paywall or a page that "
            "needs JavaScript", name)
    outlet = page.sitename
    if outlet and outlet.casefold() in {str(page.hostname or "").casefold(),
                                        urlsplit(page.url or url or "").netloc.casefold()}:
        outlet = None  # trafilatura's fallback to the host name: not the outlet's name
    metadata = {key: _SPACE.sub(" ", str(value)).strip() for key, value in (
        ("title", page.title), ("author", page.author), ("date", page.date),
        ("outlet", outlet), ("url", page.url or url)) if value}
    if declared and _LANG.match(declared):
        metadata["language"] = declared
    title = metadata.get("title")
    if title and not _same(blocks[0].text, title):
        blocks.insert(0, Block(title, heading=True))
    return Extracted(tuple(blocks), metadata, encoding)
