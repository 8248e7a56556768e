"""What an English sentence claims: its names, its figures and whether it is attributed.

Used by the faithfulness check (every name and figure of a generated sentence must be found in
the source sentences it rests on) and by the brief (figures for the same measure that differ
between articles are listed side by side, not blended).

Names are found by capitalisation, the signal English gives reliably: a capitalised word that
is not the first of its sentence is a name; a sentence-initial word counts only when it is not
a stopword and, if a context text is given, does not occur there in lower case ("Investors
said …" is not a name when the article speaks of "investors"). Figures are the numbers of
``summarize.numparse`` with the *measure* they quantify: the word of :data:`MEASURES` right
after the number, else the nearest one in the same clause (``valued at $6 billion`` →
valuation, ``700 employees`` → staff). A number with no measure word near it is not a figure
here: "8,000 robots sold" and "2,000 robots deployed" are not two figures for one thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from summarize.numbers import NumberMention, english_mentions, same_figure
from summarize.summarise.text import STOPWORDS, stem

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

#: Capitalised words that do not name anything by themselves: they never make two sentences
#: "about the same subject", though a summary that adds them is still checked.
GENERIC_NAMES = frozenset("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday ai eu us uk un ceo mr mrs ms dr
""".split())

#: Words that say what a figure measures, by stem → measure name.
MEASURES: dict[str, str] = {
    **dict.fromkeys(["valuat", "valu", "worth"], "valuation"),
    **dict.fromkeys(["rais", "fund", "round", "financ", "fundrais"], "funding"),
    **dict.fromkeys(["invest", "investor"], "investment"),
    **dict.fromkeys(["revenu", "sale", "turnov", "incom", "earn"], "revenue"),
    **dict.fromkeys(["employ", "employe", "staff", "worker", "headcount", "engin", "research"],
                    "staff"),
    **dict.fromkeys(["user", "download", "subscrib", "custom", "client"], "users"),
    **dict.fromkeys(["megawatt", "mw", "gigawatt", "gw", "capac"], "capacity"),
    **dict.fromkeys(["gpu", "chip", "processor", "acceler"], "chips"),
    **dict.fromkeys(["paramet"], "parameters"),
    **dict.fromkeys(["stake", "sharehold"], "stake"),
    **dict.fromkeys(["price", "cost"], "price"),
}
MEASURE_LABELS = {"staff": "number of staff", "users": "number of users",
                  "chips": "number of chips", "parameters": "number of parameters",
                  "funding": "funding raised"}
#: How far (in words) a measure word may be from its number.
MEASURE_WINDOW = 6

#: A clause boundary between a number and a word: punctuation or a coordinating word.
_CLAUSE = re.compile(r"[,;:()\[\]–—]|\b(?:and|but|while|whereas|which|after|before)\b",
                     re.IGNORECASE)

_UNIT_WORDS = frozenset("""
euro euros dollar dollars pound pounds lira liras yen percent per cent thousand thousands
million millions billion billions trillion trillions bn mn tn m k
""".split())

#: Hedges and attribution: the source does not assert the claim itself.
_HEDGE = re.compile(
    r"\b(?:according\s+to\b[^,.;:]*|reportedly|allegedly|purportedly|unconfirmed|"
    r"(?:is|are|was|were|be|been)\s+(?:said|reported|believed|thought|understood|rumou?red|"
    r"expected|estimated|alleged)\s+to|(?:sources?|insiders?|people)\s+(?:familiar|close)\b"
    r"[^,.;:]*|rumou?rs?|rumou?red|(?:said|says|say|told|claimed|claims|stated|estimated|"
    r"estimates|reported|reports)\b)",
    re.IGNORECASE)
#: Modal hedges, lower case only: "in May 2024" is a month, not a hedge.
_MODAL = re.compile(r"\b(?:may|might|could)\b")


@dataclass(frozen=True)
class Figure:
    """A number and the measure it quantifies.

    Attributes:
        measure: A name from :data:`MEASURES` (``valuation``), or the stem of the word after
            the number (``employe``).
        mention: The number as ``summarize.numparse`` read it.
        shown: The figure as written, currency sign or word included (``$6 billion``).
    """

    measure: str
    mention: NumberMention
    shown: str

    @property
    def label(self) -> str:
        """How to name the measure to a reader (``valuation``, ``number of staff``)."""
        return MEASURE_LABELS.get(self.measure, self.measure)

    def agrees(self, other: Figure) -> bool:
        """Whether two figures give the same value (rounding allowed, currencies equal)."""
        return same_figure(self.mention, other.mention) and (
            self.mention.currency == other.mention.currency)


def tokens(text: str) -> list[tuple[int, str]]:
    """Word tokens with their start offsets."""
    return [(m.start(), m.group()) for m in _TOKEN.finditer(text)]


def _bare(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("’s")


@lru_cache(maxsize=16)
def _lower_words(context: str) -> frozenset[str]:
    """The lower-case words of a context (one article is asked about for each sentence)."""
    return frozenset(w for _, w in tokens(context) if w[:1].islower())


_INITIAL = re.compile(r"(?:^|[.!?…:;]\s+)[\"“«(\[‘'\s]*$")


def names(text: str, context: str = "") -> set[str]:
    """The lower-cased name words of ``text`` (``Mistral AI's`` → ``{"mistral", "ai"}``).

    Args:
        text: An English sentence or passage.
        context: Text whose lower-case words rule out sentence-initial common words.
    """
    lower_context = _lower_words(context)
    found: set[str] = set()
    for start, word in tokens(text):
        if not word[:1].isupper():
            continue
        bare = _bare(word)
        if bare in STOPWORDS and not word.isupper():  # "The", "It"; but "US" stays
            continue
        if bare in lower_context and _INITIAL.search(text[:start]):
            continue
        found.add(bare)
    return found


def subject_names(text: str, context: str = "") -> set[str]:
    """Names that can tie two sentences to the same subject (no months, days, acronyms like AI).

    Args:
        text: An English sentence.
        context: Its article, whose lower-case words rule out sentence-initial common words.
    """
    return {n for n in names(text, context) if n not in GENERIC_NAMES and len(n) > 2}


def _shown(text: str, mention: NumberMention) -> str:
    start, end = mention.start, mention.end
    while start > 0 and text[start - 1] in "€$£₺¥":
        start -= 1
    tail = re.match(r"\s*(?:%|per\s?cent|percent|euros?|dollars?|pounds?|lira)\b|\s*%"
                    r"|\s*(?:MW|GW|kW|TWh|GWh|MWh)\b", text[end:], re.IGNORECASE)
    if tail:
        end += tail.end()
    return text[start:end].strip()


def figures(text: str) -> list[Figure]:
    """The figures of an English sentence (years, times and ordinals are not figures)."""
    words = tokens(text)
    found: list[Figure] = []
    for mention in english_mentions(text):
        if mention.optional or mention.kind in {"year", "time", "ordinal"}:
            continue
        measure = _measure(text, words, mention)
        if measure is not None:
            found.append(Figure(measure, mention, _shown(text, mention)))
    return found


def _measure(text: str, words: list[tuple[int, str]], mention: NumberMention) -> str | None:
    """The measure a number quantifies: the word right after it when that is a measure word,
    else the nearest measure word of its clause (None when there is none)."""
    before = [(s, w) for s, w in words if s < mention.start][-MEASURE_WINDOW:]
    after = [(s, w) for s, w in words if s >= mention.end][:MEASURE_WINDOW]
    rest = [w for _, w in after]
    while rest and rest[0].lower() in _UNIT_WORDS:
        rest.pop(0)
    if rest and stem(rest[0].lower()) in MEASURES:
        return MEASURES[stem(rest[0].lower())]
    clause_before = [w for s, w in before if not _CLAUSE.search(text[s:mention.start])]
    clause_after = [w for s, w in after if not _CLAUSE.search(text[mention.end:s])]
    nearest = sorted([*enumerate(reversed(clause_before)), *enumerate(clause_after)],
                     key=lambda p: p[0])
    for _, word in nearest:
        measure = MEASURES.get(stem(word.lower()))
        if measure is not None:
            return measure
    return None


def hedge(text: str) -> str | None:
    """The attribution or hedge of a sentence (``according to Reuters``, ``reportedly``,
    ``said``, ``may``), or None when it states its claim as fact."""
    matches = [m for m in (_HEDGE.search(text), _MODAL.search(text)) if m is not None]
    if not matches:
        return None
    first = min(matches, key=lambda m: m.start())
    return " ".join(first.group().split())


def unsupported_numbers(text: str, evidence: Iterable[str]) -> list[NumberMention]:
    """The firm numbers of ``text`` that no evidence text contains (value, rounding allowed)."""
    pool = [m for e in evidence for m in english_mentions(e)]
    return [m for m in english_mentions(text)
            if not m.optional and not any(same_figure(m, p) for p in pool)]
