"""Site boilerplate and repeated paragraphs: kept in translations, kept out of digests.

Boilerplate is recognised by one table, :data:`PATTERNS`, of ``(language, pattern, reason)``.
Every pattern must match the *whole* paragraph (after whitespace is collapsed and bullets,
arrows and outer brackets are stripped), and its free-text parts are bounded, so a news
sentence that merely mentions a page, a photo or a disclaimer is not caught: "Seite 6" is a
page reference, "Die Zeitung berichtete auf Seite 6 über den Gipfel." is not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

#: Paragraphs longer than this (in characters) are never boilerplate.
MAX_BOILERPLATE_CHARS = 600

_END = r"[\s.:!?…»›→>]*"  # trailing punctuation or arrows after a link text
_TITLE = r"(?:\s*(?:[:：»›→>|–—-]|\.\.\.|…)\s*.{0,160})?"  # an optional ": Linked title"
_ANY = "*"
#: Words of a share/print toolbar; a paragraph made only of them is one.
_SHARE = (r"(?:share|tweet|print|e-?mail|facebook|twitter|x|whatsapp|linkedin|telegram|teilen|"
          r"drucken|condividi|stampa|paylaş|yazdır|شارك|طباعة)")
_RESERVED = (r"(?:all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tüm\s+hakları\s+saklıdır|"
             r"tutti\s+i\s+diritti\s+riservati|riproduzione\s+riservata|جميع\s+الحقوق\s+محفوظة)")


def _table(rows: Sequence[tuple[str, str, str]]) -> list[tuple[str, re.Pattern[str], str]]:
    return [(lang, re.compile(pattern, re.IGNORECASE), reason) for lang, pattern, reason in rows]


#: ``(language or "*", whole-paragraph pattern, reason)``; a pattern applies to documents in its
#: language, ``"*"`` ones to all. Matched with ``re.fullmatch``, ignoring case.
PATTERNS: list[tuple[str, re.Pattern[str], str]] = _table([
    # Page references: "Bericht Seite 6", "Sayfa 3", "continua a pagina 12", "الصفحة 5".
    (_ANY, r"(?:[^\W\d_]+\s+){0,2}(?:seiten?|sayfa|pagin[ae]|pages?|página|الصفحة|صفحة)\s*"
           r"\d+(?:\s*[-–/]\s*\d+)?(?:\s+(?:von|of|di|de|من)\s+\d+)?" + _END, "page reference"),
    (_ANY, r"(?:s|p|pp|pag|sf|ص)\.\s*\d+(?:\s*[-–]\s*\d+)?" + _END, "page reference"),
    # Links to the original article.
    ("en", r"(?:see|view|read|show)\s+(?:the\s+)?original(?:\s+(?:article|post|story|version|"
           r"text))?" + _END, "link to the original"),
    ("ar", r"(?:شاهد|اعرض|عرض|اقرأ|إقرأ|انظر\s+إلى|راجع)\s+(?:النسخة|النص|المقال|الخبر|المصدر)"
           r"\s+(?:الأصلية|الأصلي)" + _END, "link to the original"),
    ("tr", r"(?:(?:ori[jg]inali(?:ni)?|ori[jg]inal\s+(?:haberi|metni|makaleyi|yazıyı))\s+"
           r"görüntüle|haberin\s+ori[jg]inali|ori[jg]inal\s+haber)" + _END, "link to the original"),
    ("de", r"(?:(?:zum|zur)\s+(?:original(?:artikel|beitrag|quelle)?|quelle)|original\s+"
           r"(?:anzeigen|ansehen))" + _END, "link to the original"),
    ("it", r"(?:vedi|leggi|visualizza)\s+(?:l['’]\s*)?(?:originale|articolo\s+originale)" + _END,
     "link to the original"),
    # Copyright lines: "© 2024 Reuters", "Copyright 2024 …", "… Alle Rechte vorbehalten."
    (_ANY, r"(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*\d{4}).{0,160}", "copyright line"),
    (_ANY, rf"(?:.{{0,120}}?[\s.,;:|–—-])?{_RESERVED}{_END}|{_RESERVED}\s*[.,;:|–—-].{{0,120}}",
     "copyright line"),
    # "Read more" links, alone or followed by the linked title.
    ("en", r"(?:read\s+(?:more|also)|also\s+read|related(?:\s+(?:articles?|stories|news))?|"
           r"more\s+on\s+this(?:\s+topic)?|continue\s+reading)" + _TITLE + _END, "read-more link"),
    ("de", r"(?:lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|weiterlesen|mehr\s+lesen|"
           r"auch\s+interessant|das\s+könnte\s+sie\s+auch\s+interessieren)" + _TITLE + _END,
     "read-more link"),
    ("it", r"(?:leggi\s+(?:anche|di\s+più)|continua\s+a\s+leggere|potrebbe\s+interessarti|"
           r"articoli\s+correlati|approfondisci)" + _TITLE + _END, "read-more link"),
    ("tr", r"(?:devamını\s+oku|haberin\s+devamı|ilgili\s+haber(?:ler)?|ayrıca\s+(?:bakınız|"
           r"okuyun)|bunlar\s+da\s+ilginizi\s+çekebilir)" + _TITLE + _END, "read-more link"),
    ("ar", r"(?:[اإ]قرأ\s+(?:أيض[اًا]+|ايض[اًا]+|المزيد)|(?:مواضيع|أخبار)\s+ذات\s+صلة)" + _TITLE
           + _END, "read-more link"),
    # Share, print, subscribe and follow lines.
    (_ANY, rf"(?:(?:(?:artikel|beitrag|haberi|articolo|article)\s+)?{_SHARE}(?:\s+(?:this|on|via|"
           r"auf|su|article|artikel|articolo|haberi|المقال|الخبر|على))?[\s|·•,/]*){1,8}",
     "share or subscribe line"),
    ("en", r"(?:subscribe\s+(?:to|now)|sign\s+up\s+for\s+(?:our\s+)?newsletter|follow\s+us\s+on)"
           r"\b.{0,60}", "share or subscribe line"),
    ("de", r"(?:(?:jetzt\s+)?(?:newsletter\s+)?abonnieren|abonnieren\s+sie|folgen\s+sie\s+uns)"
           r"\b.{0,60}", "share or subscribe line"),
    ("it", r"(?:iscriviti\s+(?:alla|al)\s+(?:nostra\s+|nostro\s+)?(?:newsletter|canale)|"
           r"seguici\s+su)\b.{0,60}", "share or subscribe line"),
    ("tr", r"(?:abone\s+ol(?:un)?|bizi\s+takip\s+edin|bültenimize\s+abone\s+olun)\b.{0,60}",
     "share or subscribe line"),
    ("ar", r"(?:اشترك(?:وا)?\s+(?:في|ب)|تابعونا\s+على)\s*.{0,60}", "share or subscribe line"),
    # Photo credits and captions: "Foto: dpa", "Fotoğraf: AA", "صورة: رويترز", "Photo by …".
    (_ANY, r"(?:fotos?|fotoğraf|fotografi[ae]?|photos?|bild(?:er)?|images?|immagine|görsel|"
           r"الصورة|صورة)(?:\s+credit)?\s*[:/©]\s*.{1,100}", "photo credit"),
    ("en", r"(?:photo(?:graph)?|image)\s+(?:by|courtesy\s+of)\s+.{1,80}", "photo credit"),
    # Advertising markers.
    (_ANY, r"(?:anzeige|werbung|advertisement|sponsored(?:\s+content)?|reklam|sponsorlu\s+içerik|"
           r"pubblicità|إعلان)" + _END, "advertisement"),
    # Disclaimers: the whole paragraph starts like one.
    ("ar", r"قد\s+تحتوي\s+هذه\s+الصفحة\s+على\s+محتوى\s+من\s+جهات\s+خارجية.*", "site disclaimer"),
    ("ar", r"(?:يرجى\s+)?(?:انظر|راجع|اطلع\s+على)\s+(?:إلى\s+)?إخلاء\s+المسؤولية(?:\s+للحصول\s+"
           r"على\s+(?:التفاصيل|المزيد(?:\s+من\s+التفاصيل)?))?" + _END, "site disclaimer"),
    ("ar", r"إخلاء\s+(?:ال)?مسؤولية\s*[:：].*", "site disclaimer"),
    ("en", r"(?:disclaimer\s*[:：]|this\s+(?:page|article|content)\s+may\s+contain\s+"
           r"third[-\s]party\s+content|the\s+views\s+(?:and\s+opinions\s+)?expressed\s+.{0,120}"
           r"\s+do\s+not\s+necessarily\s+reflect).*", "site disclaimer"),
    ("en", r"(?:see|read)\s+(?:our|the)\s+(?:full\s+)?disclaimer(?:\s+for\s+(?:details|more))?"
           + _END, "site disclaimer"),
    ("de", r"(?:haftungsausschluss\s*[:：]|diese\s+seite\s+kann\s+inhalte\s+(?:von\s+)?dritte"
           r"r?).*", "site disclaimer"),
    ("it", r"(?:(?:esclusione\s+di\s+responsabilità|avvertenza)\s*[:：]|questa\s+pagina\s+"
           r"(?:può|potrebbe)\s+contenere\s+contenuti\s+di\s+terze\s+parti).*", "site disclaimer"),
    ("tr", r"(?:(?:sorumluluk\s+reddi|yasal\s+uyarı)\s*[:：]|bu\s+sayfa,?\s+üçüncü\s+taraf).*",
     "site disclaimer"),
])

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
    for pattern_lang, pattern, reason in PATTERNS:
        if pattern_lang in (_ANY, lang) and pattern.fullmatch(text):
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

    Paragraphs are compared after Unicode compatibility normalisation, removal of accents and
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
