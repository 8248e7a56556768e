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
from summarize.lang.base import LanguageProfile

_CLAUSE_BREAK = re.compile(r"(?<=[,;:،؛)\]–—])\s+")


_TERMINAL = (".", "!", "?", "…", "؟", "。", ":", ";", '"', "”", "“", "»", "«", "’", ")")


def is_heading(paragraph: str, sentences: Sequence[str]) -> bool:
    """A one-sentence paragraph without closing punctuation reads as a headline."""
    return len(sentences) == 1 and not paragraph.rstrip().endswith(_TERMINAL)


def split_sentences(text: str, lang: str) -> list[str]:
    """Split a paragraph into sentences; joining them with spaces gives back the words.

    sentencex proposes the boundaries; each one, and each place after an abbreviation, an
    ellipsis or a list marker that it did not propose, is then decided by the language's
    profile (:func:`ends_sentence`): a title never ends a sentence, a scale abbreviation
    ends one unless a currency or a lower-case word follows, other abbreviations and legal
    forms (``Ltd.``, ``A.Ş.``) end one before a sentence opener (``The``, ``Die``, ``Bu``), an
    ellipsis before a capital, digits with a dot are ordinals in languages that write them
    so (``1. Lig``), and the items of a numbered or lettered list are sentences.
    """
    from sentencex import segment

    rules = profile(lang)
    pieces = [p.strip() for p in segment(lang, text) if p.strip()]
    spans = _locate(text, pieces)
    if spans is None:  # the splitter changed the text: keep its pieces as they are
        return _merge_pieces(pieces, rules)
    cuts = {end for _, end in spans[:-1]}
    candidates = sorted(cuts | _inner_candidates(text, rules))
    sentences: list[str] = []
    start = 0
    for cut in candidates:
        previous, following = text[start:cut].strip(), text[cut:].lstrip()
        if not previous or not following:
            continue
        decided = ends_sentence(previous, following, rules,
                                proposed=cut in cuts,
                                glued=not (text[cut - 1:cut].isspace()
                                           or text[cut:cut + 1].isspace()))
        if decided:
            sentences.append(previous)
            start = cut
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


#: A list marker: ``1.``, ``a.``, ``IV.``, ``⁃9.`` (with the word that follows).
_ENUMERATOR = re.compile(r"(?:(?<=\s)|^)(?:[⁃•]\s?)?(\d{1,3}|[a-z]|[IVXL]{1,5})\.(?=\s+\S)")
_ELLIPSIS = re.compile(r"(?:…|\.\.\.)(?=\s+\S)")
_ABBREVIATION = re.compile(r"(?<=\S)\.(?=\s+\S)")
_WORD = re.compile(r"[^\W\d_][^\s]*|\S+")
_ROMAN = {r: i for i, r in enumerate(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split(), 1)}


def _locate(text: str, pieces: Sequence[str]) -> list[tuple[int, int]] | None:
    """Where each piece is in ``text``, in order; None when one cannot be found."""
    spans: list[tuple[int, int]] = []
    position = 0
    for piece in pieces:
        found = text.find(piece, position)
        if found < 0:
            return None
        spans.append((found, found + len(piece)))
        position = found + len(piece)
    return spans


def _inner_candidates(text: str, rules: LanguageProfile) -> set[int]:
    """Places sentencex proposed no boundary at that the rules may end a sentence at: after
    an ellipsis or a word ending in a dot, and before the items of a list."""
    ends = {m.end() for m in _ELLIPSIS.finditer(text)}
    ends |= {m.end() for m in _ABBREVIATION.finditer(text)}
    items = _list_items(text)
    return ends | items


def _list_items(text: str) -> set[int]:
    """The starts of the second and later items of a numbered or lettered list whose first
    item starts the text (``1. … 2. …``, ``a. … b. …``)."""
    markers = list(_ENUMERATOR.finditer(text))
    if not markers or markers[0].start() > 2:
        return set()
    starts: set[int] = set()
    previous = markers[0].group(1)
    for marker in markers[1:]:
        if _successor(previous, marker.group(1)):
            before = text[:marker.start()].rstrip()
            if before and before[-1] not in ",;:(":
                starts.add(marker.start())
            previous = marker.group(1)
    return starts


def _successor(a: str, b: str) -> bool:
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    if a in _ROMAN and b in _ROMAN:
        return _ROMAN[b] == _ROMAN[a] + 1
    return len(a) == len(b) == 1 and a.isalpha() and ord(b) == ord(a) + 1


def ends_sentence(previous: str, following: str, rules: LanguageProfile, *,
                  proposed: bool = True, glued: bool = False) -> bool:
    """Whether a sentence ends between ``previous`` and ``following`` (see
    :func:`split_sentences`); ``proposed``: sentencex put a boundary there."""
    if glued:  # no space: inside a token ("3.Arroz", "1.234")
        return False
    last = previous.split()[-1] if previous.split() else ""
    bare = last.lower().lstrip("([«\"“'")
    first = _first_word(following)
    opener = first in rules.sentence_openers
    if _is_marker(previous):
        return False  # "1." of a list, "a." of a lettered list: its item follows
    if _ENUMERATOR.match(following) and _list_items(previous + " " + following):
        return True  # the next item of a list
    if bare in rules.titles or bare in _ALL_TITLES:
        return False
    if bare.rstrip(".") in rules.numbers.abbreviated_scales | _SCALE_ABBREVIATIONS:
        return not _continues_amount(following, rules)
    if bare in rules.abbreviations or bare in rules.company_suffixes:
        return opener
    if last.endswith(("…", "...")):
        return following[:1].isupper() or proposed and not following[:1].islower()
    if rules.dot_ordinals and re.fullmatch(r"\(?\d{1,3}\.", last):
        return opener or not first[:1].isalpha()
    if not proposed:
        return False
    letter = following[:1]
    return not (letter.islower() and letter.isalpha()
                and not previous.rstrip().endswith(("!", "?", "؟")))


#: Scale abbreviations of every language (they end a sentence only before a sentence).
_SCALE_ABBREVIATIONS = frozenset({"mill", "mio", "mrd", "mld", "mln", "bn", "mn", "tn", "bio",
                                  "tsd"})
#: Titles read in every language (quoted names keep them): Dr., Prof.
_ALL_TITLES = frozenset({"dr.", "prof."})


def _first_word(text: str) -> str:
    match = _WORD.match(text.lstrip("\"“„«‹(['‘"))
    if match is None:
        return ""
    return re.split(r"['’]", match.group(0), maxsplit=1)[0].rstrip(".,;:!?")


def _is_marker(previous: str) -> bool:
    return bool(re.fullmatch(r"(?:[⁃•]\s?)?(?:\d{1,3}|[a-zA-Z]|[IVXL]{1,5})\.", previous))


def _continues_amount(following: str, rules: LanguageProfile) -> bool:
    """Whether the text after a scale abbreviation goes on with the amount (``Euro``,
    ``di euro``, ``TL'ye``, ``$``) rather than starting a sentence."""
    from summarize.numwords import CURRENCY_SIGNS

    word = _first_word(following)
    if not word or word[:1].islower() or word[:1].isdigit() or following[:1] in "€$£¥₺":
        return True
    from summarize.numvocab import marks

    return word in CURRENCY_SIGNS or word.lower() in marks().currency_words


def _merge_pieces(pieces: Sequence[str], rules: LanguageProfile) -> list[str]:
    merged: list[str] = []
    for piece in pieces:
        if merged and not ends_sentence(merged[-1], piece, rules):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


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
