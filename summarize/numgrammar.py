"""Place-value grammar of number words: which adjacent number words make one number.

The number-word reader (``summarize.numspell``) turns each number word into its value
(``iki`` → 2, ``yüz`` → 100, ``ثلاثمائة`` → 300, ``milyon`` → 1e6, the dual ``ألفين`` → 2000)
and hands a run of them to :func:`split_numbers`, which groups them into numbers the way
every language of the profiles writes them:

- a *group* below a thousand is built from at most one hundreds word, one tens word and one
  unit word, in that order (``iki yüz elli üç`` = 253); a hundred after a lone unit multiplies
  it (``beş yüz``, ``ثلاث مئة``); with ``units_before_tens`` the unit may come before its ten
  (Arabic ``خمسة وعشرون`` = 25, ``ثلاثة عشر`` = 13);
- a scale word (a thousand, a million…) multiplies the group before it, or stands for one of
  itself (``bin`` = 1000, ``مليون``); a dual scale word alone is two of it (``مليونان`` =
  2e6), after a number the same form is the accusative singular (``عشرين مليونا`` = 20
  million); scales must fall (``iki milyon üç yüz bin`` = 2,300,000);
- a word that cannot continue the number starts a new one (``iki üç`` is 2 and 3,
  ``beş on`` is 5 and 10, ``bin milyon`` is 1000 and 1e6).

The rules hold for the generated vocabularies of Turkish and Arabic: every number from 0 to
1,000,000 and the scales that num2words writes is read back exactly
(``summarize.lang.lexicons``), and for any language whose profile lists plain cardinals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Word", "is_scale", "split_numbers"]


@dataclass(frozen=True)
class Word:
    """One number word as the grammar sees it.

    Attributes:
        value: Its value (``"yüz"`` → 100, ``"ألفين"`` → 2000).
        ordinal: Whether it is an ordinal (``üçüncü``, ``الخامس``).
    """

    value: float
    ordinal: bool = False


def is_scale(value: float) -> bool:
    """Whether a value is a scale word's: a thousand or a power of it (1e3, 1e6, 1e9…)."""
    if value < 1000:
        return False
    exponent = math.log10(value) / 3
    return abs(exponent - round(exponent)) < 1e-9


def _dual_scale(value: float) -> bool:
    return value >= 2000 and is_scale(value / 2)


@dataclass
class _Number:
    """The number being read: completed scale groups, the open group, places taken."""

    units_before_tens: bool
    total: float = 0.0
    group: float = 0.0
    hundreds: bool = False
    tens: bool = False
    units: bool = False
    last_scale: float = math.inf
    words: int = 0
    closed: bool = False

    @property
    def value(self) -> float:
        return self.total + self.group

    def take(self, word: Word) -> bool:
        """Add a word if it continues the number; False if it starts a new one."""
        value = float(word.value)
        if self.closed:
            return False
        if value == 0:
            if self.words:
                return False
            self.closed = True
        elif is_scale(value) or _dual_scale(value):
            scale = value / 2 if _dual_scale(value) else value
            if scale >= self.last_scale:
                return False
            # After a number, a dual scale word is its accusative singular: عشرين مليونا.
            count = self.group or (2.0 if _dual_scale(value) else 1.0)
            self.total += count * scale
            self.group, self.last_scale = 0.0, scale
            self.hundreds = self.tens = self.units = False
        elif value >= 100:
            if value == 100 and self.units and not (self.tens or self.hundreds):
                self.group *= 100  # "beş yüz", "ثلاث مئة"
                self.units = False
            elif self.hundreds or self.tens or self.units or value % 100 or value >= 1000:
                return False
            else:
                self.group += value
            self.hundreds = True
        elif value >= 10 and value % 10 == 0:
            if self.tens or (self.units and not self.units_before_tens):
                return False
            self.group += value
            self.tens = True
        elif 1 <= value <= 9 and value.is_integer():
            if self.units or (self.tens and self.units_before_tens):
                return False
            self.group += value
            self.units = True
        else:
            if self.words:  # any other value (11, 1.5) is a number of its own
                return False
            self.group += value
            self.closed = True
        self.words += 1
        return True


def split_numbers(words: list[Word], units_before_tens: bool = False
                  ) -> list[tuple[int, int, float]]:
    """Group a run of adjacent number words into numbers.

    Args:
        words: The words, in text order.
        units_before_tens: Whether a unit may come before its ten (Arabic).

    Returns:
        ``(first, end, value)`` per number: ``words[first:end]`` make ``value``.

    Example:
        >>> split_numbers([Word(2), Word(100), Word(50), Word(1000), Word(3)])
        [(0, 5, 250003.0)]
        >>> split_numbers([Word(5), Word(10)])
        [(0, 1, 5.0), (1, 2, 10.0)]
    """
    numbers: list[tuple[int, int, float]] = []
    first = 0
    while first < len(words):
        number = _Number(units_before_tens)
        end = first
        while end < len(words) and number.take(words[end]):
            end += 1
        end = max(end, first + 1)
        numbers.append((first, end, number.value if number.words else words[first].value))
        first = end
    return numbers
