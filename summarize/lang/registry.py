"""The registry of language profiles: one module per language with facts of its own, and a
generic profile built from the tables for every other language."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache, lru_cache
from types import MappingProxyType

from summarize.lang.base import LanguageProfile
from summarize.lang.tables import (
    CODE_PAGE_ORDER,
    CODE_PAGES,
    DETECTED,
    NLLB_CODES,
    OPUS_MT_SOURCES,
    opus_mt_model,
)

#: A language module is named by its ISO 639-1 code (or a three-letter ISO 639-3 code).
_MODULE_NAME = re.compile(r"[a-z]{2,3}")


def base_code(code: str) -> str:
    """The language part of a tag, lower case: ``"ar-EG"`` → ``"ar"``, ``" DE "`` → ``"de"``."""
    return re.split(r"[-_]", code.strip().lower())[0]


@cache
def _module_profiles() -> Mapping[str, LanguageProfile]:
    from summarize import lang

    found: dict[str, LanguageProfile] = {}
    for info in sorted(pkgutil.iter_modules(lang.__path__), key=lambda m: m.name):
        if not _MODULE_NAME.fullmatch(info.name):
            continue
        module = importlib.import_module(f"{lang.__name__}.{info.name}")
        facts = getattr(module, "PROFILE", None)
        if not isinstance(facts, LanguageProfile) or facts.code != info.name:
            raise TypeError(f"summarize.lang.{info.name} must define PROFILE, a "
                            f"LanguageProfile with code {info.name!r}")
        found[info.name] = facts
    return MappingProxyType(found)


def module_codes() -> tuple[str, ...]:
    """The languages with a module of their own, in alphabetical order."""
    return tuple(_module_profiles())


@lru_cache(maxsize=256)
def _profile(code: str) -> LanguageProfile:
    facts = _module_profiles().get(code) or LanguageProfile(code)
    return replace(facts, nllb=NLLB_CODES.get(code),
                   opus_mt=opus_mt_model(code) if code in OPUS_MT_SOURCES else None,
                   detector=code if code in DETECTED else None,
                   code_page=facts.code_page or CODE_PAGES.get(code))


def profile(code: str) -> LanguageProfile:
    """The profile of a language.

    Every code has one: a language without a module of its own gets a generic profile (its
    NLLB-200 code and opus-mt pair from the tables, CLDR locale data, no number words), and a
    code nobody knows gets an empty one, with no NLLB code.

    Args:
        code: An ISO 639-1 code, any case; a tag such as ``ar-EG`` is reduced to ``ar``.

    Returns:
        The language's profile.
    """
    return _profile(base_code(code))


def module_profiles() -> tuple[LanguageProfile, ...]:
    """The profiles of the languages with a module, in alphabetical order of their codes."""
    return tuple(profile(code) for code in module_codes())


def supported_codes() -> tuple[str, ...]:
    """The languages NLLB-200 translates (and lingua detects), sorted."""
    return tuple(sorted(NLLB_CODES))


@cache
def legacy_code_pages() -> Mapping[str, frozenset[str]]:
    """Legacy code page → the languages whose files may come in it, in the order they are
    tried (:data:`~summarize.lang.tables.CODE_PAGE_ORDER`, then the others by name)."""
    languages: dict[str, set[str]] = {}
    for code in sorted({*module_codes(), *NLLB_CODES, *CODE_PAGES}):
        page = profile(code).code_page
        if page is not None:
            languages.setdefault(page, set()).add(code)
    order = [*(p for p in CODE_PAGE_ORDER if p in languages),
             *sorted(set(languages) - set(CODE_PAGE_ORDER))]
    return MappingProxyType({page: frozenset(languages[page]) for page in order})
