"""Sentence splitting and token-budget chunking.

Sentences come from sentencex (Wikimedia's splitter, with abbreviation lists and fallbacks for
about 300 languages), plus a merge for the abbreviations of news figures that it lacks
(German ``500 Mill. Euro``, Italian ``3 mld. di euro``), listed in each language's profile.
A sentence longer than a model's input limit is cut into pieces on clause boundaries, then on
words: nothing is ever truncated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from summarize.lang import profile

_LAST_TOKEN = re.compile(r"(\S+)\s*$")
_CLAUSE_BREAK = re.compile(r"(?<=[,;:،؛)\]–—])\s+")


_TERMINAL = (".", "!", "?", "…", "؟", "。", ":", ";", '"', "”", "“", "»", "«", "’", ")")


def is_heading(paragraph: str, sentences: Sequence[str]) -> bool:
    """A one-sentence paragraph without closing punctuation reads as a headline."""
    return len(sentences) == 1 and not paragraph.rstrip().endswith(_TERMINAL)


def split_sentences(text: str, lang: str) -> list[str]:
    """Split a paragraph into sentences; joining them with spaces gives back the words."""
    from sentencex import segment

    pieces = [p.strip() for p in segment(lang, text) if p.strip()]
    abbreviations = profile(lang).abbreviations
    merged: list[str] = []
    for piece in pieces:
        if merged and _continues(merged[-1], piece, abbreviations):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def _continues(previous: str, piece: str, abbreviations: frozenset[str]) -> bool:
    """Whether ``piece`` continues the sentence ``previous`` rather than starting one."""
    match = _LAST_TOKEN.search(previous)
    last = match.group(1).lower() if match else ""
    if last in abbreviations:
        return True
    first = piece[0]
    return first.islower() and first.isalpha() and not previous.rstrip().endswith(("!", "?"))


def chunk_to_budget(text: str, count_tokens: Callable[[str], int], budget: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``budget`` tokens each.

    Cuts fall on clause punctuation where possible, then between words, and only as a last
    resort inside a word (a 'word' longer than the budget, such as a long URL). Joining the
    pieces with single spaces gives back the text, modulo whitespace.
    """
    if budget < 1:
        raise ValueError("budget must be at least 1 token")
    if count_tokens(text) <= budget:
        return [text]
    for units in (_CLAUSE_BREAK.split(text), text.split()):
        if len(units) > 1:
            return _pack(units, count_tokens, budget)
    return _split_word(text, count_tokens, budget)


def _pack(units: Sequence[str], count_tokens: Callable[[str], int], budget: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for unit in units:
        candidate = f"{current} {unit}" if current else unit
        if count_tokens(candidate) <= budget:
            current = candidate
            continue
        if current:
            pieces.append(current)
        if count_tokens(unit) <= budget:
            current = unit
        else:
            pieces.extend(chunk_to_budget(unit, count_tokens, budget))
            current = ""
    if current:
        pieces.append(current)
    return pieces


def _split_word(word: str, count_tokens: Callable[[str], int], budget: int) -> list[str]:
    pieces: list[str] = []
    start = 0
    while start < len(word):
        lo, hi = start + 1, len(word)
        while lo < hi:  # longest prefix that fits, by bisection
            mid = (lo + hi + 1) // 2
            if count_tokens(word[start:mid]) <= budget:
                lo = mid
            else:
                hi = mid - 1
        pieces.append(word[start:lo])
        start = lo
    return pieces
