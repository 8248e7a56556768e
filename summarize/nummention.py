"""The record of one number found in a text (``summarize.numparse``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["plain", "percent", "year", "currency", "time", "ordinal"]


@dataclass(frozen=True)
class NumberMention:
    """A number found in a text.

    Attributes:
        value: The value after scale words (``1,2 milyar`` → 1.2e9).
        kind: plain, percent, year, currency, time (``9:30`` → 9.30) or ordinal (``11th``).
        raw: The text it was read from.
        start: Start offset in the text.
        end: End offset in the text.
        currency: ISO 4217 code when a currency is attached.
        decimals: Decimal places written (used to accept rounding).
        optional: It may confirm a number but is never reported (English number words,
            ordinals, Roman numerals, decades, ambiguous source words, count words).
        scale: The multiplier of a scale word (1 when there is none).
    """

    value: float
    kind: Kind
    raw: str
    start: int
    end: int
    currency: str | None = None
    decimals: int = 0
    optional: bool = False
    scale: float = 1.0
