"""Cleaning text before translation: invisible controls out, HTML entities decoded.

What is removed or changed is counted, so a document's record says what cleaning did.
URLs, e-mail addresses and numbers are left as they are (only HTML entities inside them are
decoded, which is what the page meant).
"""

from __future__ import annotations

import html
import re

#: Bidirectional controls: marks, embeddings, overrides and isolates.
BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
#: Zero-width and invisible formatting characters (ZWNJ too: it only shapes Persian letters).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
TATWEEL = "\u0640"
#: Space characters other than the plain space (no-break, thin, ideographic …).
ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
             "\u202f\u205f\u3000"

_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_STRIP = {name: re.compile(f"[{chars}]") for name, chars in
          (("bidi_controls", BIDI_CONTROLS), ("zero_width", ZERO_WIDTH), ("tatweel", TATWEEL))}
_SPACES = re.compile(f"[{ODD_SPACES}]")


def clean_text(text: str) -> tuple[str, dict[str, int]]:
    """Return the cleaned text and how many of each thing were changed (only non-zero counts).

    HTML entities are decoded first (``&amp;`` → ``&``, ``&nbsp;`` → a space), then bidi
    controls, zero-width characters and Arabic tatweel are removed and odd spaces become plain
    spaces.
    """
    counts: dict[str, int] = {}
    entities = len(_ENTITY.findall(text))
    if entities:
        text = html.unescape(text)
        counts["html_entities"] = entities
    for name, pattern in _STRIP.items():
        text, n = pattern.subn("", text)
        if n:
            counts[name] = n
    text, n = _SPACES.subn(" ", text)
    if n:
        counts["odd_spaces"] = n
    return text, counts
