"""The number audit: numbers lost, changed or added between a source sentence and its English.

Both sides are read by ``summarize.numparse``, each in its own conventions (``1,2 milyar`` in
Turkish, ``1.2 billion`` in English), and compared by value after scale words, so
``1,2 milyar euro`` matches ``1.2 billion euros`` and ``1,200 million euros``.

The algorithm, in four greedy passes over the two lists of mentions (text order):

1. **Exact matches**: equal values (relative tolerance 1e-9; ``2,9`` = ``2.9``, ``%11`` =
   ``11 percent``, ``2023'te`` = ``2023``; a clock time also matches itself 12 hours on, so
   ``21:30`` = ``9:30 pm``). Kinds must agree, except that a plain number agrees with any kind
   (MT moves "percent" and "euros" in and out of words), and attached currencies must agree
   (``1,2 milyar euro`` ≠ ``1.2 billion dollars``).
2. **Roundings**: one value is the other rounded to the precision it was written with, within
   10 %: ``1,43 milyar`` ↔ ``1.4 billion`` is accepted (precision lost, same figure), ``1,43`` ↔
   ``1.5`` is not, and neither is ``1,2`` ↔ ``12``. A half rounds up (``8,5`` ↔ ``9``, not
   ``8``: a dropped half is a changed number), and a number in words is as precise as its
   count in digits (``iki yüz elli`` is 250 exactly, ``on milyon`` 10 million to the million).
   Passes 1 and 2 pair *firm* mentions first (digits, and source-language number words from
   two up such as ``on iki`` = 12); *optional* mentions (English number words, ordinals,
   Roman numerals, decades, ambiguous words) are used only afterwards, to confirm what is left.
   Decades and dozens also match their count (``three decades`` = ``العقود الثلاثة``).
3. **Changed**: each source number left over is paired with the left-over English number of a
   compatible kind that is nearest in value, if it is within a factor of 1000 (so a wrong scale
   ``milyar`` → ``million`` or a wrong decimal ``1,2`` → ``12`` reads as *changed*).
4. **Lost / added**: other left-over firm source numbers are *lost*; other left-over English
   numbers written in digits are *added* (the model invented them), ordinals (``18th``)
   excepted. Small numbers are no exception: a source that states a number without a digit
   does so in a number word the parser reads (``on iki``, ``fünfzehn``), an ordinal
   (``الثامن عشر``) or a *count word* (``beide``, the Arabic dual ``ساعتين``, two hours), and
   all of these are source mentions that match the English number in passes 1–2 (count words
   and ordinals as optional ones). An English ``3`` with none of them in the source is
   reported, severity 1. (Before issue #16 whole numbers up to 31 were never reported.)

Optional mentions are never reported: English number words are too often idioms ("one of",
"both"), so a number that survives only as a word is accepted. Every decision is local and
greedy, so each issue can be explained by the two numbers it names.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from summarize.numparse import NumberMention, extract_numbers

__all__ = ["NumberIssue", "NumberMention", "audit_against_reference",
           "audit_numbers", "compare_numbers", "english_mentions", "extract_numbers",
           "same_figure"]

IssueKind = Literal["lost", "changed", "added"]

#: A left-over English number replaced a source number when within this factor of it.
CHANGED_WITHIN = 1000.0
#: Beyond this many candidate pairs (not a sentence) only exact matching is done.
_MAX_PAIRS = 250_000

_Test = Callable[[NumberMention, NumberMention], bool]


@dataclass(frozen=True)
class NumberIssue:
    """A number that did not survive translation.

    Attributes:
        kind: ``lost`` (source number missing), ``changed`` (replaced by another figure) or
            ``added`` (an English number with no source counterpart).
        source: The source mention (None when added).
        english: The English mention (None when lost).
        reason: What went wrong, for a reviewer.
    """

    kind: IssueKind
    source: NumberMention | None
    english: NumberMention | None
    reason: str


def _kinds_agree(a: NumberMention, b: NumberMention) -> bool:
    return a.kind == b.kind or "plain" in (a.kind, b.kind)


def _compatible(a: NumberMention, b: NumberMention) -> bool:
    return _kinds_agree(a, b) and (a.currency is None or b.currency is None
                                   or a.currency == b.currency)


def _equal(a: NumberMention, b: NumberMention) -> bool:
    if math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-9):
        return True
    for x, y in ((a, b), (b, a)):  # "three decades" (30) = "العقود الثلاثة" (3)
        if x.scale in {10.0, 12.0} and math.isclose(x.value / x.scale, y.value, rel_tol=1e-9):
            return True
    return "time" in (a.kind, b.kind) and math.isclose(abs(a.value - b.value), 12, abs_tol=1e-9)


def _significant(mention: NumberMention) -> int:
    """The significant digits a mention was written with: its digits (``1,43 milyar``: 3), or
    for a number in words those of its count before the scale word, as if in digits
    (``iki yüz elli``: 3, ``on milyon``: 2, ``sekiz buçuk``: 2)."""
    digits = sum(ch.isdigit() for ch in mention.raw)
    if digits:
        return digits
    count = f"{mention.value / (mention.scale or 1):.12g}"
    return max(1, len(count.split("e")[0].replace(".", "").lstrip("0")))


def _rounded(a: NumberMention, b: NumberMention) -> bool:
    """Whether one value is the other rounded to the precision it was written with."""
    if a.value <= 0 or b.value <= 0 or not math.isfinite(a.value * b.value):
        return False
    if not 0.9 < a.value / b.value < 1.1:
        return False
    coarse, fine = (a, b) if a.decimals <= b.decimals else (b, a)
    unit = 10.0 ** (math.floor(math.log10(coarse.value)) - _significant(coarse) + 1)
    gap = abs(fine.value - coarse.value)
    if math.isclose(gap, 0.5 * unit, rel_tol=1e-9):  # a half rounds up: 8.5 → 9, not 8
        return coarse.value > fine.value
    return gap < 0.5 * unit


def _match(source: list[NumberMention], english: list[NumberMention], test: _Test,
           source_optional: bool, english_optional: bool) -> None:
    """Remove greedily matched pairs from both lists (in place)."""
    for s in [m for m in source if m.optional == source_optional]:
        for e in sorted(english, key=lambda e: e.kind != s.kind):  # same kind first
            if e.optional == english_optional and _compatible(s, e) and test(s, e):
                source.remove(s)
                english.remove(e)
                break


def _match_by_value(source: list[NumberMention], english: list[NumberMention]) -> None:
    """Exact matching in linear time, for inputs too long to compare pair by pair."""
    pool: dict[str, list[NumberMention]] = {}
    for e in english:
        pool.setdefault(f"{e.value:.9g}", []).append(e)
    kept = []
    for s in source:
        group = pool.get(f"{s.value:.9g}", [])
        index = next((i for i, e in enumerate(group) if _compatible(s, e)), None)
        if index is None:
            kept.append(s)
        else:
            del group[index]
    source[:] = kept
    english[:] = sorted((e for group in pool.values() for e in group), key=lambda m: m.start)


def _describe(mention: NumberMention) -> str:
    value = mention.value
    shown = f"{value:.6g}".replace("e+0", "e").replace("e+", "e")
    return f'"{mention.raw.strip()}" ({shown})'


def _distance(a: NumberMention, b: NumberMention) -> float:
    if a.value <= 0 or b.value <= 0:
        return 0.0 if a.value == b.value else math.inf if max(a.value, b.value) > 10 else 1.0
    return abs(math.log10(a.value) - math.log10(b.value))


def _changed_reason(s: NumberMention, e: NumberMention) -> str:
    reason = f"source number {_describe(s)} became {_describe(e)} in English"
    if s.currency and e.currency and s.currency != e.currency:
        reason += f" (currency {s.currency} → {e.currency})"
    return reason


def _reportable(mention: NumberMention) -> bool:
    """Whether a left-over English number is reported as added: one in digits, not an
    ordinal. Small numbers are no exception: a source that says one without a digit does so
    in words the parser reads (``on iki``, ``zwölf``), in its count words (``beide``, the
    Arabic dual ``ساعتين``) or as an ordinal (``الثامن عشر``), which all match it first."""
    return not (mention.optional or mention.kind == "ordinal")


def compare_numbers(source: list[NumberMention],
                    english: list[NumberMention]) -> list[NumberIssue]:
    """Compare two lists of mentions (see the module docstring for the algorithm).

    Args:
        source: Mentions of the source sentence.
        english: Mentions of the English sentence.

    Returns:
        One issue per number lost, changed or added, in source then English order.
    """
    left, right = list(source), list(english)
    small = len(left) * len(right) <= _MAX_PAIRS
    if not small:
        _match_by_value(left, right)
    for optional in ((False, False), (False, True), (True, False)) if small else ():
        for test in (_equal, _rounded):
            _match(left, right, test, *optional)
    issues: list[NumberIssue] = []
    candidates = list(right)
    for s in (m for m in left if not m.optional):
        near = [e for e in candidates if _kinds_agree(s, e)
                and _distance(s, e) <= math.log10(CHANGED_WITHIN) + 1e-9] if small else []
        best = min(near, key=lambda e: (e.optional, _distance(s, e)), default=None)
        if best is not None:
            candidates.remove(best)
            issues.append(NumberIssue("changed", s, best, _changed_reason(s, best)))
        else:
            issues.append(NumberIssue("lost", s, None,
                                      f"source number {_describe(s)} not found in English"))
    issues += [NumberIssue("added", None, e,
                           f"English number {_describe(e)} has no counterpart in the source")
               for e in candidates if _reportable(e)]
    return issues


def audit_numbers(source: str, english: str, src_lang: str) -> list[NumberIssue]:
    """Compare the numbers of a source sentence and its English translation.

    Args:
        source: The source sentence.
        english: Its English translation.
        src_lang: ISO 639-1 code of the source (``tr``, ``de``, ``it``, ``ar``, ``en``…).

    Returns:
        One issue per number lost, changed or added; empty when the numbers agree.

    Example:
        >>> audit_numbers("1,2 milyar euro", "1,200 million euros", "tr")
        []
        >>> [issue.kind for issue in audit_numbers("1,2 milyar euro", "12 billion euros", "tr")]
        ['changed']
    """
    return compare_numbers(extract_numbers(source, src_lang), extract_numbers(english, "en"))


def _as_firm_number(mention: NumberMention) -> NumberMention:
    """An exact cardinal number word from two up counts like digits (English to English only).

    Vague words stay optional: bare scale words ("thousands", "a thousand"), "a couple", "both",
    "twice", "double".
    """
    vague = mention.value == mention.scale or mention.raw.lower().startswith(
        ("couple", "a couple", "both", "twice", "double"))
    word = mention.optional and mention.kind != "ordinal" and mention.value >= 2 and not vague
    return replace(mention, optional=False) if word and mention.raw[:1].isalpha() else mention


def same_figure(a: NumberMention, b: NumberMention) -> bool:
    """Whether two mentions give the same figure: equal, or one the rounding of the other, of
    agreeing kinds and currencies (``€1.7 billion`` = ``1.72 billion euros`` ≠ ``$1.7 billion``)."""
    return _compatible(a, b) and (_equal(a, b) or _rounded(a, b))


def english_mentions(text: str) -> list[NumberMention]:
    """The numbers of English text; cardinal number words from two up count like digits."""
    return [_as_firm_number(m) for m in extract_numbers(text, "en")]


def audit_against_reference(reference: str, english: str) -> list[NumberIssue]:
    """Compare the numbers of an English translation with those of a human reference.

    The ground truth of the FLORES validation: both sides are English, so no source-language
    parsing is involved, and cardinal number words from two up (``seventy``, ``four dozen``)
    count like digits, since English number words are read reliably.

    Args:
        reference: The human English reference.
        english: The machine translation of the same source sentence.

    Returns:
        The issues of ``english`` measured against ``reference`` (empty when they agree).
    """
    return compare_numbers(english_mentions(reference), english_mentions(english))
