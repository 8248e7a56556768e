"""Site boilerplate and repeated paragraphs: kept in translations, kept out of digests.

Patterns match whole short paragraphs (disclaimers, "see the original" links, page references,
copyright and "read more" lines), so a news sentence that merely mentions a page or a
disclaimer is not caught.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

#: (language or "*", whole-paragraph pattern, reason). Patterns are matched case-insensitively
#: against the stripped paragraph.
PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    (lang, re.compile(pattern, re.IGNORECASE), reason)
    for lang, pattern, reason in [
        ("*", r"^(?:bericht\s+)?(?:seite|sayfa|pagina|page|p\.|s\.)\s*\d+\W*$",
         "page reference"),
        ("ar", r"^(?:انظر\s+)?(?:ال)?صفحة\s*\d+\W*$", "page reference"),
        ("*", r"^(?:see|view|read)\s+(?:the\s+)?original\W*$", "link to the original"),
        ("ar", r"^(?:شاهد|اقرأ|انظر)\s+(?:النسخة|النص|المقال)\s+الأصلي(?:ة)?\W*$",
         "link to the original"),
        ("tr", r"^(?:orijinali(?:ni)?\s+görüntüle|haberin\s+orijinali)\W*$",
         "link to the original"),
        ("de", r"^(?:zum\s+original(?:artikel)?|original\s+ansehen)\W*$",
         "link to the original"),
        ("it", r"^(?:vedi|leggi)\s+l['’]originale\W*$", "link to the original"),
        ("*", r"^(?:©|\(c\)|copyright)\s.{0,120}$", "copyright line"),
        ("*", r"^.{0,80}(?:all rights reserved|tüm hakları saklıdır|alle rechte vorbehalten|"
              r"riproduzione riservata|tutti i diritti riservati|جميع الحقوق محفوظة).{0,40}$",
         "copyright line"),
        ("*", r"^(?:read more|related|lesen sie auch|mehr zum thema|leggi anche|"
              r"devamını oku|ilgili haberler|اقرأ أيضا|اقرأ أيضاً)\b.{0,120}$", "read-more link"),
        ("*", r"^(?:foto|fotoğraf|photo|bild|صورة)\s*:.{0,100}$", "photo credit"),
        ("*", r"^(?:share|teilen|condividi|paylaş|شارك)(?:\s+(?:on|this|auf|su))?\b.{0,60}$",
         "share buttons"),
        ("ar", r"^قد\s+تحتوي\s+هذه\s+الصفحة\s+على\s+محتوى\s+من\s+جهات\s+خارجية.*$",
         "site disclaimer"),
        ("*", r"^.{0,200}(?:disclaimer|haftungsausschluss|sorumluluk reddi|"
              r"esclusione di responsabilità|إخلاء المسؤولية).{0,40}$", "site disclaimer"),
        ("*", r"^(?:this page may contain third[- ]party content|"
              r"the views expressed .{0,80} do not .{0,80})\b.*$", "site disclaimer"),
    ]
]

_PUNCT_OR_SPACE = re.compile(r"[\W_]+", re.UNICODE)


def boilerplate_reason(paragraph: str, lang: str) -> str | None:
    """Why ``paragraph`` is site boilerplate, or ``None`` when it is article text."""
    text = paragraph.strip()
    if not text or len(text) > 400:
        return None
    for pattern_lang, pattern, reason in PATTERNS:
        if pattern_lang in ("*", lang) and pattern.search(text):
            return reason
    return None


def _fingerprint(paragraph: str) -> str:
    folded = unicodedata.normalize("NFKC", paragraph).casefold()
    return _PUNCT_OR_SPACE.sub(" ", folded).strip()


def duplicate_paragraphs(paragraphs: Sequence[str]) -> dict[int, int]:
    """Map each paragraph that repeats an earlier one (0-based) to its first occurrence."""
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
