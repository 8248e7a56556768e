"""Cleaning text before translation: invisible controls out, HTML entities decoded.

What is removed or changed is counted, so a document's record says what cleaning did. URLs,
e-mail addresses and numbers are left as they are: only complete HTML entities (with their
closing ``;``) are decoded, so ``?a=1&amp;b=2`` becomes ``?a=1&b=2`` while ``?x=1&copy=2`` or
``&notify=1`` stay untouched (``html.unescape`` alone would turn them into ``©=2`` and ``¬ify``).
"""

from __future__ import annotations

import html
import html.entities
import re

#: Bidirectional controls: LRM, RLM, embeddings, overrides, isolates and the Arabic letter mark.
BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
#: Zero-width and invisible formatting characters: zero-width space, non-joiner and joiner, word
#: joiner, a byte-order mark inside the text, soft hyphen.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Arabic tatweel (kashida), a purely typographic stretching of a letter.
TATWEEL = "\u0640"
#: Space separators other than the plain space (Unicode category Zs): no-break, Ogham, en/em
#: and other fixed-width spaces, narrow no-break, medium mathematical, ideographic.
ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
             "\u202f\u205f\u3000"
#: Line and paragraph separators that ``split_paragraphs`` would not see, with what replaces them.
LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n\n", "\u0085": "\n"}

#: A complete HTML entity: named, decimal or hexadecimal, always with its ``;``.
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_REMOVE = (("bidi_controls", re.compile(f"[{BIDI_CONTROLS}]")),
           ("zero_width", re.compile(f"[{ZERO_WIDTH}]")),
           ("tatweel", re.compile(TATWEEL)))
_SPACES = re.compile(f"[{ODD_SPACES}]")
_LINE_BREAKS = re.compile(f"[{''.join(LINE_BREAKS)}]")


def clean_text(text: str) -> tuple[str, dict[str, int]]:
    """Clean text and count what was changed.

    HTML entities are decoded first (``&amp;`` → ``&``, ``&#39;`` → ``'``, ``&nbsp;`` → a no-break
    space, then a plain space), then bidi controls, zero-width characters and Arabic tatweel are
    removed, odd spaces become plain spaces and Unicode line/paragraph separators become
    newlines. An entity that decodes to nothing useful (``&#0;``, unknown names) is kept as
    written.

    Args:
        text: The text to clean, already NFC-normalized.

    Returns:
        The cleaned text and the counts of changes, only the non-zero ones, under the keys
        ``html_entities``, ``bidi_controls``, ``zero_width``, ``tatweel``, ``odd_spaces`` and
        ``line_separators``.
    """
    counts: dict[str, int] = {}
    text, n = _decode_entities(text)
    _count(counts, "html_entities", n)
    for name, pattern in _REMOVE:
        text, n = pattern.subn("", text)
        _count(counts, name, n)
    text, n = _SPACES.subn(" ", text)
    _count(counts, "odd_spaces", n)
    text, n = _LINE_BREAKS.subn(lambda m: LINE_BREAKS[m.group()], text)
    _count(counts, "line_separators", n)
    return text, counts


def _decode_entities(text: str) -> tuple[str, int]:
    if "&" not in text:
        return text, 0
    decoded = 0

    def decode(match: re.Match[str]) -> str:
        nonlocal decoded
        entity = match.group()
        if not entity.startswith("&#"):  # a named entity: only a complete, known name
            # (html.unescape would read "&copyright;" as "©right;").
            named = html.entities.html5.get(entity[1:])
            if named is None:
                return entity
            decoded += 1
            return named
        value = html.unescape(entity)
        # Invalid code points come back as "" or U+FFFD: keep those as written.
        if value == entity or not value or (value == "\ufffd" and "fffd" not in entity.lower()
                                            and entity != "&#65533;"):
            return entity
        decoded += 1
        return value

    return _ENTITY.sub(decode, text), decoded


def _count(counts: dict[str, int], key: str, n: int) -> None:
    if n:
        counts[key] = n
