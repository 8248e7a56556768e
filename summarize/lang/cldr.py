"""Locale data from CLDR, read through Babel on first use (Babel is never imported before)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal


@dataclass(frozen=True)
class LocaleData:
    """What CLDR says about a language.

    Attributes:
        name: English name (``Turkish``); the code itself when CLDR does not know it.
        decimal: Decimal separator of Latin digits (``,`` in Turkish).
        group: Digit-group separator of Latin digits (``.`` in Turkish).
        direction: Script direction, ``ltr`` or ``rtl``.
    """

    name: str
    decimal: str = "."
    group: str = ","
    direction: Literal["ltr", "rtl"] = "ltr"


def english_name(code: str) -> str:
    """The English name of an ISO 639 code from CLDR (``la`` → ``Latin``), else the code."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale("en").languages.get(code, code))
    except (UnknownLocaleError, ValueError):
        return code


@lru_cache(maxsize=256)
def locale_data(code: str) -> LocaleData:
    """The CLDR data of a language code; defaults (``.``, ``,``, ltr) when CLDR lacks it.

    Separators are those of Latin digits: the number parser turns Arabic-Indic and Persian
    digits and their own separators (``٫``, ``٬``) into Latin ones before reading them.
    """
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    name = english_name(code)
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return LocaleData(name)
    direction: Literal["ltr", "rtl"] = (
        "rtl" if locale.character_order == "right-to-left" else "ltr")
    return LocaleData(name, get_decimal_symbol(locale, numbering_system="latn"),
                      get_group_symbol(locale, numbering_system="latn"), direction)
