"""One home per language: a :class:`LanguageProfile` for each, found by its code.

``profile("tr")`` gives everything summarize knows about Turkish: detector and NLLB-200
codes, the opus-mt model, number words and how they combine, decimal and group separators,
sentence-splitting abbreviations, site boilerplate, the usual length ratio of its English
translations, its legacy code page and script direction. Languages with facts of their own have
a module here (``summarize/lang/tr.py``); every other language NLLB-200 covers gets a generic
profile from the tables in :mod:`summarize.lang.tables` and CLDR. Adding a language is one
module and a test: see ``docs/languages.md``.
"""

from summarize.lang.base import (
    BOILERPLATE_REASONS,
    LanguageProfile,
    NumberMarks,
    NumberWords,
    SitePhrase,
)
from summarize.lang.cldr import LocaleData
from summarize.lang.nameinfo import NameRules
from summarize.lang.registry import (
    base_code,
    legacy_code_pages,
    module_codes,
    module_profiles,
    profile,
    supported_codes,
)

__all__ = ["BOILERPLATE_REASONS", "LanguageProfile", "LocaleData", "NameRules", "NumberMarks",
           "NumberWords", "SitePhrase", "base_code", "legacy_code_pages", "module_codes",
           "module_profiles", "profile", "supported_codes"]
