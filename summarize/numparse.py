"""Locale-aware number extraction for the number audit.

Digits are read in the conventions of the text's language: a decimal comma and thousands dot in
Turkish, German, Italian, French, Spanish… (``1,2`` = 1.2, ``1.234,5`` = 1234.5, ``1.300`` =
1300), a decimal dot elsewhere (``11.7``, ``1,234.5``). Arabic-Indic digits (``١٢٣``,
``۱۲۳``) and the Arabic separators ``٫`` and ``٬`` are read too. Scale words after a number
multiply it (``1,2 milyar`` = 1.2e9, ``500 Mill.`` = 5e8, ``مليار`` alone = 1e9), and
percentages, years and currencies are recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["plain", "percent", "year", "currency"]

COMMA_DECIMAL = frozenset(
    "tr de it fr es pt nl ru uk pl cs sk sl hr sr bs ro hu da nb nn sv fi et lt lv bg el "
    "id az ca eu gl is mk sq be kk".split())

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")

#: Scale words (lower-case; a trailing "." is allowed where shown) → multiplier.
SCALES: dict[str, float] = {
    **dict.fromkeys(["trillion", "trilyon", "billionen", "trilioni", "tn"], 1e12),
    **dict.fromkeys(["billion", "billions", "bn", "milyar", "milyarlık", "milliarde",
                     "milliarden", "mrd", "mrd.", "miliardo", "miliardi", "mld", "mld.",
                     "milliard", "milliards", "mil millones", "مليار", "مليارات", "ملیارد"],
                    1e9),
    **dict.fromkeys(["million", "millions", "mn", "m", "milyon", "milyonluk", "mio", "mio.",
                     "mill", "mill.", "millionen", "milione", "milioni", "mln", "mln.",
                     "millones", "مليون", "ملايين", "ميليون"], 1e6),
    **dict.fromkeys(["thousand", "thousands", "k", "bin", "tausend", "mila", "mille",
                     "ألف", "آلاف", "الف"], 1e3),
}

#: Number words that count as numbers (English and the seed languages, kept small: words
#: such as Turkish "bir" are also articles, so they only count before a scale word).
WORDS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "a": 1, "an": 1,
    "dozen": 12, "hundred": 100, "half": 0.5, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "nineties": 90,
    "bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "on": 10,
    "ein": 1, "eine": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "zehn": 10,
    "un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
    "dieci": 10, "واحد": 1, "اثنين": 2, "اثنان": 2, "ثلاثة": 3, "أربعة": 4, "خمسة": 5,
    "عشرة": 10,
}
#: Words that count without a scale word after them (unambiguous in running text).
STANDALONE_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine",
                              "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                              "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
                              "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                              "nineties", "dozen", "zwei", "drei", "due", "iki", "üç"})

PERCENT_WORDS = ("%", "percent", "per cent", "prozent", "per cento", "yüzde", "بالمئة",
                 "في المئة", "بالمائة", "في المائة", "pour cent", "por ciento", "٪")
CURRENCIES: dict[str, str] = {
    "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR", "يورو": "EUR", "avro": "EUR",
    "$": "USD", "dollar": "USD", "dollars": "USD", "dolar": "USD", "dollari": "USD",
    "dollaro": "USD", "usd": "USD", "دولار": "USD", "£": "GBP", "pound": "GBP",
    "pounds": "GBP", "sterlin": "GBP", "sterline": "GBP", "gbp": "GBP", "₺": "TRY",
    "lira": "TRY", "tl": "TRY", "franc": "CHF", "franken": "CHF",
}

#: Clock times: 9:30, 11.00'dan, 05:00 (hour, separator, minutes, then a break or a suffix).
_TIME = re.compile(r"(?<![A-Za-z0-9.,:])([01]?\d|2[0-3])[:.]([0-5]\d)(?!\d|[.,:]\d)"
                   r"\s*(?:'|(?=[^\w]|$)|[a-zçğıöşü]{1,4}\b)")
_DECADE = re.compile(r"(?<!\d)(1[89]\d0)s\b|(?<![\w])['’](\d0)s?\b")
# Digits may follow a letter of another script (Arabic prefixes: "بـ76", "و34", "عام2006")
# but not a Latin letter or digit ("A320").
_NUMBER = re.compile(r"(?<![A-Za-z0-9.,])"
                     r"(\d{1,3}(?:[.,\u202f\u00a0](?=\d{3}(?!\d))\d{3})+(?:[.,]\d+)?"
                     r"|\d+(?:[.,]\d+)?)(?![\d])")
_WORD_TOKEN = re.compile(r"[^\W\d_]+\.?", re.UNICODE)
_LEAD_WORD = re.compile(r"(?:^|(?<=\s))([^\W\d_]+)\s+$", re.UNICODE)


@dataclass(frozen=True)
class NumberMention:
    """A number found in a text.

    Attributes:
        value: The value after scale words (``1,2 milyar`` → 1.2e9).
        kind: plain, percent, year or currency.
        raw: The text it was read from.
        start: Start offset in the text.
        end: End offset in the text.
        currency: ISO code when a currency is attached.
        decimals: Decimal places written (used to accept rounding).
        optional: A number word (``two``, ``zwei``): it may match, it is never reported.
    """

    value: float
    kind: Kind
    raw: str
    start: int
    end: int
    currency: str | None = None
    decimals: int = 0
    optional: bool = False


def parse_number(raw: str, lang: str) -> tuple[float, int]:
    """Read one digit string in the conventions of ``lang``; return value and decimals."""
    text = raw.translate(_DIGITS).replace("\u202f", "").replace("\u00a0", "")
    comma_decimal = lang in COMMA_DECIMAL
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text:
        tail = text.rsplit(",", 1)[1]
        decimal = "," if comma_decimal or len(tail) != 3 or text.count(",") == 0 else ""
        if not comma_decimal and len(tail) == 3:
            decimal = ""
    elif "." in text:
        tail = text.rsplit(".", 1)[1]
        decimal = "" if comma_decimal and (len(tail) == 3 or text.count(".") > 1) else "."
    else:
        decimal = ""
    if decimal:
        whole, fraction = text.rsplit(decimal, 1)
        whole = whole.replace(",", "").replace(".", "")
        return float(f"{whole or '0'}.{fraction}"), len(fraction)
    return float(text.replace(",", "").replace(".", "")), 0


def _scale_after(text: str, end: int) -> tuple[float, int]:
    """The scale word right after ``end`` (multiplier, new end), or (1, end)."""
    following = text[end:end + 24]
    match = re.match(r"[\s\u00a0]*(-)?\s*([^\W\d_]+\.?(?:\s+millones)?)", following)
    if match:
        word = match.group(2).lower()
        for candidate in (word, word.rstrip(".")):
            if candidate in SCALES:
                return SCALES[candidate], end + match.end()
            stem = re.sub(r"(?:lık|lik|luk|lük|'?[dt][ae]|'?[dt]an|'?[dt]en)$", "", candidate)
            if stem in SCALES:
                return SCALES[stem], end + match.end()
    return 1.0, end


def _context(text: str, start: int, end: int) -> tuple[Kind | None, str | None]:
    before = text[max(0, start - 14):start].lower()
    after = text[end:end + 22].lower()
    if any(after.lstrip().startswith(w) for w in PERCENT_WORDS) or before.rstrip().endswith(
            ("%", "yüzde", "٪")):
        return "percent", None
    for symbol, code in CURRENCIES.items():
        if before.rstrip().endswith(symbol) or re.match(
                rf"\s*(?:[^\W\d_]+\.?\s+)?(?:di\s+|de\s+)?{re.escape(symbol)}(?!\w)", after):
            return "currency", code
    return None, None


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every number in ``text`` read in the conventions of ``lang`` (ISO 639-1)."""
    original = text
    text = text.translate(_DIGITS)  # same length: offsets still point into the original
    mentions: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    for match in _TIME.finditer(text):  # 9:30, 11.00'de: clock times, read as hour.minutes
        if ":" in match.group(0) or match.group(0).rstrip()[-1:] in "'’" or lang != "en":
            value = int(match.group(1)) + int(match.group(2)) / 100
            mentions.append(NumberMention(value, "plain", match.group(0).strip(), match.start(),
                                          match.end(), decimals=2, optional=True))
            taken.append((match.start(), match.end()))
    for match in _DECADE.finditer(text):  # 1970s, '70: decades are written many ways
        mentions.append(NumberMention(float(match.group(1) or match.group(2)), "year",
                                      match.group(0), match.start(), match.end(), optional=True))
        taken.append((match.start(), match.end()))
    for match in _NUMBER.finditer(text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        raw = match.group(1)
        try:
            value, decimals = parse_number(raw, lang)
        except ValueError:
            continue
        scale, scale_end = _scale_after(text, match.end())
        kind, currency = _context(text, match.start(), scale_end)
        if kind is None:
            is_year = scale == 1 and decimals == 0 and 1800 <= value <= 2100 and len(raw) == 4
            kind = "year" if is_year else "plain"
        mentions.append(NumberMention(value * scale, kind, original[match.start():scale_end],
                                      match.start(), scale_end, currency, decimals))
        taken.append((match.start(), scale_end))
    for match in _WORD_TOKEN.finditer(text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        word = match.group(0).lower().rstrip(".")
        scale, scale_end = _scale_after(text, match.end())
        if match.group(0).lower() in SCALES or word in SCALES:
            if any(a <= match.start() < b for a, b in taken):
                continue
            previous = _LEAD_WORD.search(text[:match.start()])
            if previous and previous.group(1).lower() in WORDS:
                continue  # counted with its number word
            kind, currency = _context(text, match.start(), match.end())
            value = SCALES.get(word, SCALES.get(match.group(0).lower(), 1.0))
            if word in {"m", "k", "mil", "bin", "on"}:
                continue  # too ambiguous alone
            mentions.append(NumberMention(value, kind or "plain", match.group(0),
                                          match.start(), match.end(), currency, optional=True))
            continue
        if word in WORDS and (scale > 1 or word in STANDALONE_WORDS):
            kind, currency = _context(text, match.start(), scale_end)
            mentions.append(NumberMention(WORDS[word] * scale, kind or "plain",
                                          original[match.start():scale_end], match.start(),
                                          scale_end, currency, optional=True))
            taken.append((match.start(), scale_end))
    return sorted(mentions, key=lambda m: m.start)
