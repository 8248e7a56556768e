"""Site boilerplate and repeated paragraphs: kept in translations, kept out of digests.

Boilerplate is recognized by whole-paragraph patterns: those of the document's language (in its
profile, ``summarize.lang``) and those below for every language (:data:`ALL_LANGUAGES`).
Every pattern must match the *whole* paragraph (after whitespace is collapsed and bullets,
arrows and outer brackets are stripped), and its free-text parts are bounded, so a news
sentence that merely mentions a page, a photo or a disclaimer is not caught: "Seite 6" is a
page reference, "Die Zeitung berichtete auf Seite 6 über den Gipfel." is not. Reasons are tried
in the order of :data:`~summarize.lang.BOILERPLATE_REASONS`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from summarize.lang import BOILERPLATE_REASONS, module_profiles, profile
from summarize.lang.base import LINK_END, BoilerplateReason

#: Paragraphs longer than this (in characters) are never boilerplate.
MAX_BOILERPLATE_CHARS = 600

_ANY = "*"
#: Words of a share/print toolbar; a paragraph made only of them is one.
_SHARE = (r"(?:share|tweet|print|e-?mail|facebook|twitter|x|whatsapp|linkedin|telegram|teilen|"
          r"drucken|condividi|stampa|paylaş|yazdır|شارك|طباعة)")
_RESERVED = (r"(?:all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tüm\s+hakları\s+saklıdır|"
             r"tutti\s+i\s+diritti\s+riservati|riproduzione\s+riservata|جميع\s+الحقوق\s+محفوظة)")

#: ``(reason, whole-paragraph pattern)`` for documents in every language, with words of several.
ALL_LANGUAGES: tuple[tuple[BoilerplateReason, str], ...] = (
    # Page references: "Bericht Seite 6", "Sayfa 3", "continua a pagina 12", "الصفحة 5".
    ("page reference", r"(?:[^\W\d_]+\s+){0,2}(?:seiten?|sayfa|pagin[ae]|pages?|página|الصفحة|"
                       r"صفحة)\s*\d+(?:\s*[-–/]\s*\d+)?(?:\s+(?:von|of|di|de|من)\s+\d+)?"
                       + LINK_END),
    ("page reference", r"(?:s|p|pp|pag|sf|ص)\.\s*\d+(?:\s*[-–]\s*\d+)?" + LINK_END),
    # Copyright lines: "© 2024 Reuters", "Copyright 2024 …", "… Alle Rechte vorbehalten."
    ("copyright line", r"(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*\d{4}).{0,160}"),
    ("copyright line", rf"(?:.{{0,120}}?[\s.,;:|–—-])?{_RESERVED}{LINK_END}|{_RESERVED}\s*"
                       r"[.,;:|–—-].{0,120}"),
    # Share, print, subscribe and follow lines.
    ("share or subscribe line",
     rf"(?:(?:(?:artikel|beitrag|haberi|articolo|article)\s+)?{_SHARE}(?:\s+(?:this|on|via|"
     r"auf|su|article|artikel|articolo|haberi|المقال|الخبر|على))?[\s|·•,/]*){1,8}"),
    # Photo credits and captions: "Foto: dpa", "Fotoğraf: AA", "صورة: رويترز".
    ("photo credit", r"(?:fotos?|fotoğraf|fotografi[ae]?|photos?|bild(?:er)?|images?|immagine|"
                     r"görsel|الصورة|صورة)(?:\s+credit)?\s*[:/©]\s*.{1,100}"),
    # Advertising markers.
    ("advertisement", r"(?:anzeige|werbung|advertisement|sponsored(?:\s+content)?|reklam|"
                      r"sponsorlu\s+içerik|pubblicità|إعلان)" + LINK_END),
)


def _compiled(lang: str, rows: Sequence[tuple[BoilerplateReason, str]]
              ) -> list[tuple[str, re.Pattern[str], BoilerplateReason]]:
    return [(lang, re.compile(pattern, re.IGNORECASE), reason) for reason, pattern in rows]


def _in_order(rows: list[tuple[str, re.Pattern[str], BoilerplateReason]]
              ) -> list[tuple[str, re.Pattern[str], BoilerplateReason]]:
    """Rows by reason (stable: those for all languages first within a reason)."""
    return sorted(rows, key=lambda row: BOILERPLATE_REASONS.index(row[2]))


@lru_cache(maxsize=64)
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str], BoilerplateReason]]:
    own = profile(lang).boilerplate
    return _in_order(_compiled(_ANY, ALL_LANGUAGES)
                     + _compiled(lang, [(p.reason, p.pattern) for p in own]))


def all_patterns() -> list[tuple[str, re.Pattern[str], str]]:
    """Every pattern as ``(language or "*", compiled pattern, reason)``, in the order tried.

    A pattern applies to documents in its language, ``"*"`` ones to all; matched with
    ``re.fullmatch``, ignoring case.
    """
    rows = _compiled(_ANY, ALL_LANGUAGES)
    for found in module_profiles():
        rows += _compiled(found.code, [(p.reason, p.pattern) for p in found.boilerplate])
    return list(_in_order(rows))


def __getattr__(name: str) -> list[tuple[str, re.Pattern[str], str]]:
    if name == "PATTERNS":  # built on first use, from the language profiles
        return all_patterns()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_DECORATION = " \t•·*|>»›→▶►#–—-"
_BRACKETS = {"(": ")", "[": "]", "{": "}"}


def boilerplate_reason(paragraph: str, lang: str) -> str | None:
    """Why a paragraph is site boilerplate, or ``None`` when it is article text.

    Args:
        paragraph: One paragraph of a document.
        lang: The document's ISO 639-1 language; patterns for it and for all languages apply.

    Returns:
        A short reason ("page reference", "site disclaimer", …) or ``None``.
    """
    text = _for_matching(paragraph)
    if not text or len(text) > MAX_BOILERPLATE_CHARS:
        return None
    for _, pattern, reason in _patterns(lang):
        if pattern.fullmatch(text):
            return reason
    return None


def _for_matching(paragraph: str) -> str:
    text = " ".join(paragraph.split()).strip(_DECORATION)
    if len(text) > 1 and _BRACKETS.get(text[0]) == text[-1]:
        text = text[1:-1].strip(_DECORATION)
    return text


_NOT_WORD = re.compile(r"[\W_]+")


def _fingerprint(paragraph: str) -> str:
    """Paragraph text for comparison: compatibility forms, no accents or harakat, case folded,
    digits as ASCII, punctuation and whitespace as single spaces."""
    decomposed = unicodedata.normalize("NFKD", paragraph)
    chars = [str(unicodedata.decimal(ch)) if ch.isdecimal() else ch
             for ch in decomposed if not unicodedata.combining(ch)]
    return _NOT_WORD.sub(" ", "".join(chars).casefold()).strip()


def duplicate_paragraphs(paragraphs: Sequence[str]) -> dict[int, int]:
    """Find paragraphs that repeat an earlier one.

    Paragraphs are compared after Unicode compatibility normalization, removal of accents and
    Arabic harakat, case folding, and collapsing punctuation and whitespace, so a body pasted
    twice is found even if its quotes, spacing or capitals changed. Paragraphs with no letters
    or digits are never duplicates.

    Args:
        paragraphs: A document's paragraphs, in order.

    Returns:
        For each repeating paragraph, its 0-based index mapped to the index of its first
        occurrence.
    """
    first: dict[str, int] = {}
    duplicates: dict[int, int] = {}
    for index, paragraph in enumerate(paragraphs):
        key = _fingerprint(paragraph)
        if not key:
            continue
        if key in first:
            duplicates[index] = first[key]
        else:
            first[key] = index
    return duplicates
