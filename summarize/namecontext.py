"""What a document says about its words, for telling names from common words, and Turkish
morphology that marks a common noun (see :mod:`summarize.namescan`).

A word the document writes in lower case is a common word; one it capitalizes mid-sentence
on its own, or with a Turkish apostrophe ending (``Komen'in``), is a name. Pure functions of
the text, cached per text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from summarize.namematch import WORD, fold

_APOSTROPHE = re.compile(r"['’]")


@dataclass(frozen=True)
class Uses:
    """How a text uses words (folded): in lower case; capitalized mid-sentence (``upper``),
    and of those, on their own (``alone``: not right after another capitalized word, since
    ``Google Çeviri`` says nothing of ``Çeviri``); and on their own with an apostrophe
    ending (Turkish ``Komen'in``: a name)."""

    lower: frozenset[str]
    upper: Mapping[str, int]
    alone: Mapping[str, int]
    named: frozenset[str]


NO_USES = Uses(frozenset(), MappingProxyType({}), MappingProxyType({}), frozenset())


@lru_cache(maxsize=64)
def context_uses(context: str, titles: frozenset[str] = frozenset()) -> Uses:
    """How the context (the document, or one sentence) uses its words; a word after one of
    ``titles`` (folded: ``bakan``) is on its own (``Bakan Erdoğan'ı``)."""
    lower, named = set(), set()
    upper: dict[str, int] = {}
    alone: dict[str, int] = {}
    previous_capitalized, previous_end = False, 0
    for match in WORD.finditer(context):
        word = _APOSTROPHE.split(match.group())[0]
        after_name = previous_capitalized and context[previous_end:match.start()] == " "
        folded = fold(word)
        if word[:1].islower():
            lower.add(folded)
        elif not after_name and _APOSTROPHE.search(match.group()):
            named.add(folded)
        if word[:1].isupper() and not is_initial(context, match.start()):
            upper[folded] = upper.get(folded, 0) + 1
            if not after_name:
                alone[folded] = alone.get(folded, 0) + 1
        previous_capitalized = word[:1].isupper() and not _APOSTROPHE.search(
            match.group()) and folded not in titles
        previous_end = match.end()
    return Uses(frozenset(lower), MappingProxyType(upper), MappingProxyType(alone),
                 frozenset(named))


#: Abbreviations before a name that do not end a sentence.
_TITLE_DOTS = re.compile(r"(?:^|\s)(?:Dr|Prof|Doç|Mr|Mrs|Ms|St|Sr|Jr|Gen|Sen|Rep|Dott|Sig|Av|"
                         r"Hz|Op|Yrd|No|Nr|Nos)\.\s*$", re.IGNORECASE)


def is_initial(text: str, start: int) -> bool:
    """Whether a word starts a sentence, a line or a quotation."""
    head = text[max(0, start - _LOOK_BACK):start]  # bounded: linear time on a huge sentence
    if re.search(r"[\"“«‘(]\s*$", head):
        return True
    if _TITLE_DOTS.search(head):
        return False
    before = head.rstrip(" \t\"“”'‘«»(–—-")
    if not before and start > _LOOK_BACK:  # a long run of quotes and dashes: look further
        before = text[:start].rstrip(" \t\"“”'‘«»(–—-")
    return not before or before[-1] in ".!?:;\n"


#: How far back (in characters) :func:`is_initial` looks for what precedes a word.
_LOOK_BACK = 64


_FRONT, _ROUNDED = set("eiöü"), set("oöuü")
_VOWELS = set("aeıioöuü")
#: A possessive, the pronominal ``n`` and a case ending: ``Şehr-i-ne``, ``Şampiyonluğ-u-nda``.
_GLUED_CASE = re.compile(
    r"(?P<stem>\w{3,}?)(?P<s>s?)(?P<p>[ıiuü])n(?P<case>d[ae]n?|[ae]|[ıiuü]n?)$")


def turkish_lower(word: str) -> str:
    """Lower case with Turkish dotted and dotless i (``I`` → ``ı``, ``İ`` → ``i``)."""
    return word.replace("I", "ı").replace("İ", "i").lower()


def glued_case(word: str) -> bool:
    """Whether a Turkish word ends in a possessive and a case ending in vowel harmony with its
    stem, glued without an apostrophe (``Şehrine``, ``Direnişine``): a common noun, since a
    name takes its endings after an apostrophe. Not ``Valentina`` nor ``Sabine``."""
    match = _GLUED_CASE.fullmatch(turkish_lower(word))
    if match is None:
        return False
    stem, poss, case = match["stem"], match["p"], match["case"]
    vowels = [ch for ch in stem if ch in _VOWELS]
    if not vowels or len(stem) < 4 or (stem[-1] in _VOWELS) != bool(match["s"]):
        return False
    last = vowels[-1]
    if (last in _FRONT) != (poss in _FRONT) or (last in _ROUNDED) != (poss in _ROUNDED):
        return False
    vowel = next(ch for ch in case if ch in _VOWELS)
    if vowel in "ae":
        return (vowel == "e") == (poss in _FRONT)
    return vowel == poss
