"""The vocabulary of the number parser (``summarize.numparse``), assembled from the language
profiles (``summarize.lang``).

Two parts: the :class:`Vocabulary` of the text's own language (its number and scale words, and
English scale words, which sources quote in every language), and the :class:`Marks` read in the
text of every language (percent and currency words, range words, century and clock-time
words, glued digit prefixes, decade expressions), the union of every language module's, in
alphabetical order of the modules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType

from summarize.lang import NumberWords, module_profiles, profile
from summarize.lang.base import DecadeReader
from summarize.numwords import PERCENT_SIGNS

#: The language whose scale words are read in every language.
SCALES_EVERYWHERE = "en"


@dataclass(frozen=True)
class Vocabulary:
    """What the parser reads in the text of one language.

    Attributes:
        code: The language's ISO 639-1 code.
        words: The language's number words and how they combine.
        scales: Scale word → multiplier, English ones included.
        abbreviated_scales: Scale words whose dot belongs to them (``Mrd.``).
        bare_small_scales: Scale words under a hundred that make a number alone (``dozens``).
        comma_decimal: Whether the decimal separator is a comma (CLDR).
        digits: A run of digits with separators (a plain space groups digits too where the
            decimal separator is a comma: ``1 500,5``).
        lexicon: The grammar's words: the language's cardinals, ordinals and scale words.
        heads: The lexicon's words by their first letter, longest first (to split glued
            words).
        endings: Endings after a number word, longest first (``üncü``, ``den``, ``mal``).
        suffixed_scale: A scale word with an ending (``milyarlık``), when the language has them.
        couple_of: The linking word after a couple word (``of``).
        half_after: A phrase that adds a half, right after a position (``and a half``).
        half_suffix: A number word glued to a half ending (``zweieinhalb``), or None.
        century_before: The text before an ordinal that makes it a century.
        count_pattern: Words that stand for two (Arabic duals), or None.
    """

    code: str
    words: NumberWords
    scales: Mapping[str, float]
    abbreviated_scales: frozenset[str]
    bare_small_scales: frozenset[str]
    comma_decimal: bool
    digits: re.Pattern[str]
    lexicon: Mapping[str, float]
    heads: Mapping[str, tuple[str, ...]]
    endings: tuple[str, ...]
    suffixed_scale: re.Pattern[str] | None
    couple_of: re.Pattern[str] | None
    half_after: re.Pattern[str] | None
    half_suffix: re.Pattern[str] | None
    century_before: re.Pattern[str] | None
    count_pattern: re.Pattern[str] | None


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first; one that never matches if none."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) or "(?!)"


def _ordered(words: Iterable[str]) -> str:
    """A regex alternation of literal words in their given order."""
    return "|".join(re.escape(w) for w in words)


def _phrase(words: str) -> str:
    return r"\s+".join(re.escape(word) for word in words.split())


def comma_decimal(lang: str) -> bool:
    """Whether ``lang`` (an ISO 639-1 code) writes a decimal comma, according to CLDR."""
    return profile(lang).decimal == ","


@lru_cache(maxsize=64)
def vocabulary(lang: str) -> Vocabulary:
    """The vocabulary of one language (an ISO 639-1 code, lower case)."""
    words = profile(lang).numbers
    english = profile(SCALES_EVERYWHERE).numbers
    comma = comma_decimal(lang)
    space = "[ \u00a0\u202f]" if comma else "[\u00a0\u202f]"
    digits = re.compile(rf"(?<![\d.,])(\d{{1,3}}(?:(?:[.,]|{space})\d{{3}}(?![\d]))+"
                        r"(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)")
    endings = tuple(sorted({*words.ordinal_suffixes, *words.word_suffixes}, key=len,
                           reverse=True))
    suffixed_scale = re.compile(rf"({_ordered(words.scales)})({_ordered(words.scale_suffixes)})"
                                ) if words.scale_suffixes and words.scales else None
    halves = "|".join(_phrase(p) for p in sorted(words.half_after, key=len, reverse=True))
    lexicon = {**words.ordinals, **words.cardinals, **words.scales}
    return Vocabulary(
        code=lang,
        words=words,
        scales=MappingProxyType({**english.scales, **words.scales}),
        abbreviated_scales=english.abbreviated_scales | words.abbreviated_scales,
        bare_small_scales=english.bare_small_scales | words.bare_small_scales,
        comma_decimal=comma,
        digits=digits,
        lexicon=MappingProxyType(lexicon),
        heads=MappingProxyType({first: tuple(sorted((w for w in lexicon if w[:1] == first),
                                                    key=len, reverse=True))
                                for first in {w[:1] for w in lexicon}}),
        endings=endings,
        suffixed_scale=suffixed_scale,
        couple_of=re.compile(rf"\s+{_phrase(words.couple_linker)}(?=\s)")
        if words.couple_linker else None,
        half_after=re.compile(rf"[ \t\u00a0-]*(?:{halves})(?![^\W\d_])", re.IGNORECASE)
        if halves else None,
        half_suffix=re.compile(rf"(.+?)({_alternatives(words.half_suffixes)})")
        if words.half_suffixes else None,
        century_before=re.compile(words.century_before) if words.century_before else None,
        count_pattern=re.compile(words.count_pattern) if words.count_pattern else None,
    )


@dataclass(frozen=True)
class Marks:
    """What the parser reads in the text of every language.

    Attributes:
        percent_after: Percent signs and words after a number, tried in order.
        percent_before: Percent signs and words before a number.
        currency_words: Currency word → ISO 4217 code.
        linking_words: Words between a number and its currency (``of``, ``di``).
        digit_prefixes: Letters that may be glued to digits (``عام2006``).
        range: What may stand between the two ends of a range (``-``, ``bis``, ``أو``).
        century_after: A century word after a Roman numeral (``XV secolo``).
        time: A clock time (``9:30``, ``11.00'de``, ``15.30 Uhr``).
        decades: Readers of decades written in words.
    """

    percent_after: tuple[str, ...]
    percent_before: tuple[str, ...]
    currency_words: Mapping[str, str]
    linking_words: frozenset[str]
    digit_prefixes: frozenset[str]
    range: re.Pattern[str]
    century_after: re.Pattern[str]
    time: re.Pattern[str]
    decades: tuple[DecadeReader, ...]


def _union(groups: list[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(word for group in groups for word in group))


@cache
def marks() -> Marks:
    """The marks of every language module, together (see the module docstring)."""
    every = [p.marks for p in module_profiles()]
    currency: dict[str, str] = {}
    for m in every:
        currency.update(m.currency_words)
    time = [*(["['’]"] if any(m.apostrophe_endings for m in every) else []),
            rf"(?:{_alternatives(_union([m.time_words for m in every]))})\b"]
    ranges = _alternatives(_union([m.range_words for m in every]))
    centuries = _alternatives(_union([m.century_words for m in every]))
    return Marks(
        percent_after=_union([PERCENT_SIGNS, *(m.percent_after for m in every)]),
        percent_before=_union([PERCENT_SIGNS, *(m.percent_before for m in every)]),
        currency_words=MappingProxyType(currency),
        linking_words=frozenset(w for m in every for w in m.linking_words),
        digit_prefixes=frozenset(w for m in every for w in m.digit_prefixes),
        range=re.compile(rf"\s*(?:[-–—/~]|{ranges})\s*", re.IGNORECASE),
        century_after=re.compile(rf"\s*(?:{centuries})", re.IGNORECASE),
        time=re.compile(r"(?<![\w.,:])([01]?\d|2[0-3])(?::([0-5]\d)(?![\d:])"
                        rf"|\.([0-5]\d)(?=\s*(?:{'|'.join(time)})))", re.IGNORECASE),
        decades=tuple(m.decades for m in every if m.decades is not None),
    )
