"""Clauses and the measure words near a number: what ``figures`` and ``parts`` read a
figure's measure from.

A sentence is cut into clauses at punctuation and linking words (:func:`clauses`). A
number's measure words are the vocabulary's words and phrases of its clause whose value kind
fits (funding is money: "raised its rate to 46%" is no funding), by their distance in words
from the number (:func:`measure_words`), leaving out a scope ("including debt") and the base of
a ratio ("3 percent of exports").
"""

from __future__ import annotations

import re

from summarize.digest.measures import COUNT, UNIT, Measure, vocabulary
from summarize.digest.text import SIGN, stem
from summarize.digest.units import counted_noun
from summarize.nummention import NumberMention

#: How far (in characters) around its number a clause is read for measure words.
CLAUSE_WINDOW = 400
#: How far (in words) a measure word may be from its number.
WINDOW = 8
#: How far (in characters) the tests of a number's own words look before and after it.
LOOK = 200


_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
CLAUSE = re.compile(r"[;:\[\]–—\"“”]|,(?=\s)|\s(?:and|but)\s+that\s|\s(?:but|while|whereas|which|"
                    r"who|after|before|"
                    r"when|although|though|because)\s|\sand\s(?=(?:[^\W\d_]+\s+){0,4}"
                    r"(?:" + SIGN + r"?\d|(?:two|three|four|five|six|seven|eight|nine|ten)\b))",
                    re.IGNORECASE)


def clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans of a sentence (split at punctuation and linking words)."""
    cuts = [0]
    for match in CLAUSE.finditer(text):
        cuts += [match.start(), match.end()]
    cuts.append(len(text))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return [(s, e) for s, e in spans if text[s:e].strip()] or [(0, len(text))]


def spans_start(spans: list[tuple[int, int]], mention: NumberMention) -> int:
    """Where the clause of a number starts."""
    return clause_of(spans, mention.start)[0]


def clause_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    """The clause (of :func:`clauses`) that holds ``position``."""
    return next(((s, e) for s, e in spans if s <= position < e), (0, 0))


def fits(measure: Measure, kind: str) -> bool:
    """Whether a measure takes values of ``kind`` (money, percent, count, unit)."""
    return kind in measure.values or (kind == COUNT and UNIT in measure.values and
                                      measure.name in {"magnitude"})


def _words(text: str, start: int, end: int) -> list[tuple[int, str]]:
    return [(m.start() + start, m.group(0)) for m in _TOKEN.finditer(text[start:end])]


def measure_words(text: str, clause: tuple[int, int], mention: NumberMention,
                kind: str) -> list[tuple[int, Measure]]:
    """Measure words and phrases of a clause that fit the value kind, by distance in words
    (a run of capitalized words counts as one), nearest first; ties go to words before."""
    start, end = clause
    # Only words near the figure can name its measure: a clause of a huge unpunctuated sentence
    # is read in a window around it, so the time stays linear in the sentence's length.
    start, end = max(start, mention.start - CLAUSE_WINDOW), min(end, mention.end + CLAUSE_WINDOW)
    words = [(s, w) for s, w in _words(text, start, end)]
    compact: list[tuple[int, str]] = []
    for s, w in words:
        if compact and w[:1].isupper() and compact[-1][1][:1].isupper() and s > start:
            continue
        compact.append((s, w))
    before = [i for i, (s, _) in enumerate(compact) if s < mention.start]
    pivot = (before[-1] + 1) if before else 0

    def distance(offset: int) -> float:
        index = next((i for i, (s, _) in enumerate(compact) if s >= offset), len(compact))
        return index - pivot if index >= pivot else pivot - index - 0.5

    found: list[tuple[float, Measure]] = []
    covered: list[tuple[int, int]] = []
    noun, noun_end = (None, 0) if mention.currency or mention.kind == "percent" else (
        counted_noun(text, mention.end))
    counted_at = noun_end - len(noun) if noun else -1
    for pattern, measure in vocabulary().phrases:
        for match in pattern.finditer(text, start, end):
            if any(s <= match.start() < e for s, e in covered):
                continue
            covered.append((match.start(), match.end()))
            if fits(measure, kind) and not aside(text, match.start(), measure):
                found.append((distance(match.start()), measure))
    for offset, word in compact:
        if any(s <= offset < e for s, e in covered):
            continue
        named = vocabulary().counted(word) if offset == counted_at else vocabulary().words.get(
            stem(word.lower()), ())  # "31 container ships" counts ships: no "shipped"
        for measure in named:
            if fits(measure, kind) and not aside(text, offset, measure):
                found.append((distance(offset), measure))
                break
    found.sort(key=lambda pair: pair[0])
    return [(int(d + 0.5), m) for d, m in found]


_ASIDE_BEFORE = re.compile(r"\b(?:including|excluding|plus|net\s+of)\s+$",
                           re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"(?:%|\bper\s?cent|\bpercent)\s+of\s+(?:the\s+)?(?:\w+['’]s\s+)?$",
                           re.IGNORECASE)


def aside(text: str, offset: int, measure: Measure) -> bool:
    """A measure word that does not name what the figure measures: a scope ("for €2.4 billion
    including debt") or the base of a ratio ("103 percent of GDP", "3 percent of exports")."""
    before = text[max(0, offset - 30):offset]
    if _ASIDE_BEFORE.search(before):
        return True
    return measure.kind == "place" and bool(_RATIO_BEFORE.search(before))
