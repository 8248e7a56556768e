"""Exonyms from CLDR: what a language calls countries, regions, major cities and languages, and
what English calls them (``Almanya`` → Germany, ``Moskova`` → Moscow, ``Köln`` → Cologne).

Read through Babel on first use, never at import: country and region names from
``Locale(lang).territories``, cities from CLDR's time-zone exemplar cities
(``babel.dates.get_timezone_location`` for every IANA zone), language names from
``Locale(lang).languages``. English forms add the country's demonym from the brief's table
(``Germany`` → ``German``) and common short forms (``UK``, ``US``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from summarize.namematch import fold
from summarize.translit import normalize_arabic

#: English short forms CLDR does not give as territory names.
ENGLISH_SHORT: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "united states": ("us", "u.s", "usa", "america", "american", "americans"),
    "united kingdom": ("uk", "britain", "british", "england", "english"),
    "england": ("english", "britain", "british", "uk", "united kingdom"),
    "britain": ("british", "uk", "united kingdom", "england", "english"),
    "european union": ("eu",), "united nations": ("un",),
    "netherlands": ("holland", "dutch"), "czechia": ("czech republic",),
    "turkiye": ("turkey", "turkish"), "world": ("earth", "global", "international"),
})


def source_key(text: str, language: str) -> str:
    """How a source-language name is keyed: folded, or normalized Arabic script."""
    return normalize_arabic(text) if language in ("ar", "fa", "ur") else fold(text)


def english_forms(name: str) -> set[str]:
    """The folded English forms of a place or language name: itself, its short forms and its
    demonyms (``Germany`` → germany, german); ``|`` separates alternatives (``BC|BCE``)."""
    from summarize.digest.measures import DEMONYMS

    if "|" in name:
        return {form for part in name.split("|") for form in english_forms(part)}
    key = fold(name)
    forms = {key, *ENGLISH_SHORT.get(key, ())}
    forms |= {demonym for demonym, country in DEMONYMS.items() if country == key}
    return forms


@cache
def exonyms(language: str) -> Mapping[str, frozenset[str]]:
    """Source form (keyed by :func:`source_key`) → its English forms (folded), for one
    language; empty when CLDR does not know the language or it is English."""
    from babel import Locale, UnknownLocaleError

    if language == "en":
        return MappingProxyType({})
    try:
        locale, english = Locale.parse(language), Locale("en")
    except (UnknownLocaleError, ValueError, TypeError):
        return MappingProxyType({})
    table: dict[str, set[str]] = {}

    def add(source: str | None, target: str | None) -> None:
        if not source or not target or any(ch.isdigit() for ch in source):
            return
        table.setdefault(source_key(source, language), set()).update(english_forms(target))

    for code, name in locale.territories.items():
        add(name, english.territories.get(code))
    for zone, city in _cities(language).items():
        add(city, _cities("en").get(zone))
    for key, forms in list(table.items()):  # "Birleşik Krallık" also as written in English
        forms.add(fold(key) if language not in ("ar", "fa", "ur") else key)
    return MappingProxyType({k: frozenset(v) for k, v in table.items()})


@cache
def language_names(language: str) -> frozenset[str]:
    """What ``language`` calls languages (keyed by :func:`source_key`; ``İngilizce``): words
    for languages and demonyms are not audited as names."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(language).languages.values()
    except (UnknownLocaleError, ValueError, TypeError):
        return frozenset()
    return frozenset(source_key(str(name), language) for name in names)


@cache
def _cities(language: str) -> Mapping[str, str]:
    """IANA zone → the CLDR exemplar city in ``language`` (``Europe/Moscow`` → Moskova)."""
    import zoneinfo

    from babel.dates import get_timezone_location

    cities = {}
    for zone in sorted(zoneinfo.available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/")):
            continue
        try:
            cities[zone] = str(get_timezone_location(zone, locale=language, return_city=True))
        except (LookupError, ValueError):
            continue
    return MappingProxyType(cities)
