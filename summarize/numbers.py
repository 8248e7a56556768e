"""The number audit: numbers lost, changed or added between a source sentence and its English.

Numbers are read on both sides (``summarize.numparse``), each side in its own conventions, and
compared by value after scale words, so ``1,2 milyar euro`` matches ``1.2 billion euros`` and
``1,200 million euros``. Matching is greedy, exact values first, then values that are a
rounding of each other (``1,43`` ↔ ``1.4``: precision lost, not a wrong figure). What is left:

- a source number that a left-over English number of the same kind replaced → ``changed``;
- any other left-over source number → ``lost``;
- a left-over English number → ``added`` (the model invented it).

Number words (``two``, ``zwei``, a bare ``مليار``), clock times and decades may satisfy a match
but are never reported themselves: they are too often articles, idioms or written differently,
and English whole numbers up to 31 are not reported as added, since sources often spell them
out. Percentages and plain numbers match each
other, since translations move the percent sign into words and back.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from summarize.numparse import NumberMention, extract_numbers

IssueKind = Literal["lost", "changed", "added"]

#: English whole numbers up to this are not reported as added: sources often spell them out
#: ("zwei", "on", "عشرة", duals such as "ساعتين" = two hours, "sedicenne" = 16-year-old).
SMALL_WORDS_UP_TO = 31


@dataclass(frozen=True)
class NumberIssue:
    """A number that did not survive translation, with a reason a person can read."""

    kind: IssueKind
    source: NumberMention | None
    english: NumberMention | None
    reason: str


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _rounding(a: NumberMention, b: NumberMention) -> bool:
    """Whether one value is the other rounded to the precision it was written with."""
    if a.value == 0 or b.value == 0:
        return False
    ratio = a.value / b.value
    if not 0.9 < ratio < 1.1:
        return False
    coarse = a if a.decimals <= b.decimals else b
    fine = b if coarse is a else a
    # Scale both to the coarse one's unit (e.g. billions) and compare to its written precision.
    unit = 10 ** (math.floor(math.log10(abs(coarse.value))) - len(_digits(coarse)) + 1)
    return bool(abs(fine.value - coarse.value) <= 0.5 * unit + 1e-9 * abs(coarse.value))


def _digits(mention: NumberMention) -> str:
    return "".join(ch for ch in mention.raw if ch.isdigit()) or "1"


def _kind_compatible(a: NumberMention, b: NumberMention) -> bool:
    return not ({a.kind, b.kind} == {"year", "percent"})


def _match(source: list[NumberMention], english: list[NumberMention],
           test: object) -> None:
    for s in list(source):
        for e in english:
            if _kind_compatible(s, e) and test(s, e):  # type: ignore[operator]
                source.remove(s)
                english.remove(e)
                break


def _describe(mention: NumberMention) -> str:
    value = mention.value
    shown = f"{value:.6g}" if abs(value) < 1e6 else f"{value:.4g}"
    return f'"{mention.raw.strip()}" ({shown})'


def audit_numbers(source: str, english: str, src_lang: str) -> list[NumberIssue]:
    """Compare the numbers of a source sentence and its English translation.

    Args:
        source: The source sentence.
        english: Its translation.
        src_lang: ISO 639-1 code of the source.

    Returns:
        One issue per number lost, changed or added; empty when the numbers agree.
    """
    left = extract_numbers(source, src_lang)
    right = extract_numbers(english, "en")
    _match(left, right, lambda s, e: _same(s.value, e.value))
    _match(left, right, _rounding)
    issues: list[NumberIssue] = []
    required_left = [m for m in left if not m.optional]
    required_right = [m for m in right if not m.optional]
    for s in required_left:
        partner = next((e for e in required_right
                        if e.kind == s.kind or {e.kind, s.kind} <= {"plain", "currency"}), None)
        if partner is not None:
            required_right.remove(partner)
            issues.append(NumberIssue("changed", s, partner,
                                      f"source number {_describe(s)} became {_describe(partner)}"))
        else:
            issues.append(NumberIssue("lost", s, None,
                                      f"source number {_describe(s)} is not in the English"))
    for e in required_right:
        if e.kind == "plain" and e.decimals == 0 and e.value <= SMALL_WORDS_UP_TO:
            continue  # likely a number word or ordinal in the source ("هدفين", "sedicenne")
        issues.append(NumberIssue("added", None, e,
                                  f"English number {_describe(e)} is not in the source"))
    return issues
