"""Changes as figures: "its shares closed 3.8% lower", "rents rose 14%", "…, up 26% from a
year earlier".

A change is a difference, so the claim reader used to skip it unless its measure was a rate of
change (inflation, growth). But news compares changes across sources as often as levels (two
outlets giving one day's share move, two firms counting one year's rise in sales), so a
relative change (a percentage) becomes a figure of its own, measuring the **change in** what
moved, signed by its direction (a fall is negative, so "rose 2%" and "fell 2%" disagree):

* the subject noun of its verb: the last word of the noun phrase before the verb, cut at its
  first preposition ("Rents for apartments rose 14%" and "apartment rents climbed 11%" are both
  ``change in rents``; "Foreign arrivals in Thailand fell 5.1%" is ``change in arrivals``);
* shares and stocks: ``share price change``, told apart by when it was read (``at close``:
  "closed 3.8% lower", "ended up 2%"; ``intraday``: "in morning trading"), since a morning's
  move and the day's close are two figures;
* a change right after a figure (", up 26% from a year earlier") is the change in that figure's
  measure;
* a **departure from normal**: "rainfall … was 38% below normal", "45% short of normal",
  "catches … about 35% above the advice" → ``rainfall against normal`` (signed: below is
  negative), ``catches against advice``; normal, the average and the long-term average are one
  reference (:func:`read_departure`).

Only percentages are read this way: a change in points or units ("by 350 basis points", "three
more bodies") stays a difference, not a figure. What cannot be named is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarize.digest.measures import PERCENT, Measure
from summarize.digest.text import STOPWORDS
from summarize.nummention import NumberMention

UP = frozenset("""rose rise rises risen rising climbed climbs climb jumped jumps jump gained gains
gain surged surges soared soars increased increases grew grows grown advanced advances rallied
up higher""".split())
DOWN = frozenset("""fell fall falls fallen falling dropped drops drop declined declines decline
lost loses slipped slips slid plunged plunges tumbled tumbles decreased decreases shrank shrinks
eased eases sank sinks down lower""".split())
_APPROX = r"(?:about|around|some|nearly|almost|roughly|more\s+than|less\s+than|a\s+further)"
#: "rents rose 14%", "fell by about 5.1%", "closed up 3.9 per cent".
_VERB = re.compile(rf"\b([a-z]+)\s+(?:(up|down)\s+)?(?:by\s+)?(?:{_APPROX}\s+)?$", re.IGNORECASE)
#: "closed 3.8% lower", "close 4.5% lower", "ended the day 2% higher".
_AFTER = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)?\s*(higher|lower|up|down)\b",
                    re.IGNORECASE)
_SETTLING = frozenset("""closed close closing ended end ending finished finish traded trading
opened open were was stood stand""".split())
_CLOSE = re.compile(r"\b(?:closed|close|closing|ended|finished|settled)\b", re.IGNORECASE)
_INTRADAY = re.compile(r"\bin\s+(?:early|morning|midday|afternoon|late|intraday)\s+trad(?:e|ing)\b"
                       r"|\bat\s+one\s+point\b|\bintraday\b", re.IGNORECASE)
_SHARES = re.compile(r"\b(?:shares?|stocks?|share\s+price|stock\s+price)\b", re.IGNORECASE)
_PREPOSITIONS = frozenset("""for of in at on from with to by across among over under into
through within near around outside inside""".split())
_NOT_HEADS = frozenset("""its their his her our the a an this that these those it they which
who also then still""".split()) | STOPWORDS


@cache
def changed(name: str) -> Measure:
    """The measure of a change (a percentage about an entity)."""
    return Measure(name, "entity", frozenset({PERCENT}), ())


@dataclass(frozen=True)
class Change:
    """A relative change read as a figure."""

    measure: str
    sign: int
    end: int
    """Offset after its direction word ("closed 3.8% lower"), else after the number."""


def read_change(text: str, clause: tuple[int, int], mention: NumberMention,
                previous: str | None, previous_end: int | None) -> Change | None:
    """The change a percentage gives, or None when it is no change or what moved is unnamed.

    Args:
        text: The sentence.
        clause: Offsets of the number's clause.
        mention: The number (a percentage).
        previous: The measure of the figure before it in the sentence, if any.
        previous_end: Where that figure ends.

    Example:
        >>> from summarize.numbers import english_mentions
        >>> text = "Its shares closed 3.8% lower in Oslo on Tuesday."
        >>> m, = english_mentions(text)
        >>> read_change(text, (0, len(text)), m, None, None).measure
        'share price change at close'
    """
    if mention.kind != "percent":
        return None
    before = text[max(clause[0], mention.start - 60):mention.start]
    after = _AFTER.match(text, mention.end)
    verb = _VERB.search(before)
    word = verb.group(1).lower() if verb else ""
    direction = (verb.group(2) or "").lower() if verb else ""
    sign = 0
    if word in UP or direction == "up":
        sign = 1
    elif word in DOWN or direction == "down":
        sign = -1
    elif after and word in _SETTLING:
        sign = 1 if after.group(1).lower() in {"higher", "up"} else -1
    if sign == 0:
        return None
    end = after.end() if after and word in _SETTLING else mention.end
    head_text = text[clause[0]:mention.start - len(verb.group(0)) if verb else mention.start]
    if verb and word in {"up", "down"} and previous is not None and previous_end is not None:
        gap = text[previous_end:mention.start - len(verb.group(0))]
        if len(gap) < 80 and re.fullmatch(r"[^,;%]*,\s*", gap):  # "…, up 26% from a year"
            return Change(f"change in {previous}", sign, end)
    if _SHARES.search(text[max(clause[0], mention.start - 60):mention.start]):
        window = text[clause[0]:clause[1]]
        when = " at close" if _CLOSE.search(window) else (
            " intraday" if _INTRADAY.search(window) else "")
        return Change(f"share price change{when}", sign, end)
    head = _head_noun(head_text)
    if head is None:
        return None
    return Change(f"change in {head}", sign, end)


#: A percentage above or below a reference: "38% below normal", "45% short of normal", "65%
#: below average", "about 35% above the advice", "14% below its advice".
_DEPARTURE = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)?\s*(above|below|under|over|short\s+of)\s+"
                        r"(?:the\s+|its\s+|their\s+)?(?:long-term\s+|long\s+term\s+|seasonal\s+|"
                        r"usual\s+)?(normal|average|norm|advice|recommendation)\b", re.IGNORECASE)
#: What each reference is called in a measure's name.
_REFERENCES = {"normal": "normal", "average": "normal", "norm": "normal", "advice": "advice",
               "recommendation": "advice"}


def read_departure(text: str, clause: tuple[int, int], mention: NumberMention,
                   previous: str | None = None, previous_end: int | None = None
                   ) -> Change | None:
    """A percentage above or below normal (or a recommendation) as a signed change of what its
    clause's subject names, or of the figure right before it ("could reach 260,000 tonnes,
    about 35% above the advice"), or None.

    Example:
        >>> from summarize.numbers import english_mentions
        >>> text = "Rainfall in the valley was 38% below normal, the office said."
        >>> m, = english_mentions(text)
        >>> change = read_departure(text, (0, len(text)), m)
        >>> change.measure, change.sign
        ('rainfall against normal', -1)
    """
    if mention.kind != "percent":
        return None
    found = _DEPARTURE.match(text, mention.end)
    if found is None:
        return None
    head_text = re.sub(r"\s+(?:(?:has|have|had)\s+been|was|were|is|are|stood|ran|running|"
                       r"came\s+in|remained|stayed)\s+(?:at\s+)?(?:about\s+|nearly\s+|some\s+|"
                       r"roughly\s+|almost\s+|around\s+|more\s+than\s+)?$", "",
                       text[clause[0]:mention.start])
    head = _head_noun(head_text, opening_names=True, window=12)
    if head in _REFERENCES:
        return None  # "the advice for 2027 is 14% below its advice for this year": a change
    if head is None and previous is not None and previous_end is not None and re.fullmatch(
            r",\s*(?:about\s+|nearly\s+|some\s+|roughly\s+|almost\s+|more\s+than\s+)?",
            text[previous_end:mention.start]):
        head = previous
    if head is None:
        return None
    sign = 1 if found.group(1).lower() in {"above", "over"} else -1
    return Change(f"{head} against {_REFERENCES[found.group(2).lower()]}", sign, found.end())


def _head_noun(phrase: str, *, opening_names: bool = False, window: int = 6) -> str | None:
    """The head of the noun phrase that ends a stretch of text, cut at its first preposition:
    "Rents for apartments" → ``rents``; "apartment rents" → ``rents``."""
    phrase = re.split(r"[,;:()]|\s(?:and|but|while|as|after|when|which|that)\s", phrase)[-1]
    words: list[str] = re.findall(r"[A-Za-z][A-Za-z'’-]*", phrase)[-window:]
    while words and words[0].lower() in _NOT_HEADS:
        words = words[1:]
    cut = next((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS), len(words))
    placed = cut < len(words)  # "Traffic into central Auckland": a noun a place follows
    words = words[:cut]
    if not words:
        return None
    last = words[-1]
    low = last.lower()
    if low in _NOT_HEADS or len(low) < 3:
        return None
    if last[:1].isupper():
        # A capitalized word is a name ("Kestrel rose 4%": not what moved), unless it opens
        # the sentence as a plural noun ("Rents rose 14%") or before a place ("Traffic into
        # central Auckland fell 14%").
        opening = len(words) == 1 and phrase.lstrip(" \"“'‘(").startswith(last)
        return low if opening and (low.endswith("s") or opening_names or placed) and not (
            last.isupper()) else None
    return low
