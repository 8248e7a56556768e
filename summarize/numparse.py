"""Locale-aware number extraction for the number audit (``summarize.numbers``).

Digits are read in the conventions of the text's language:

- a decimal comma and a thousands dot or space where CLDR gives the language a decimal comma
  (Turkish, German, Italian, French, Spanish…: ``1,2`` = 1.2, ``1.234,5`` = 1234.5,
  ``1.300`` = 1300: a dot followed by exactly three digits is a thousands separator there,
  while ``3.5`` stays 3.5);
- a decimal dot elsewhere, English and Arabic included (``11.7``, ``1,234.5``, ``18,000``);
- Arabic-Indic and Persian digits (``١٢٣``, ``۱۲۳``), the Arabic decimal ``٫`` and thousands
  ``٬``, an Arabic comma between thousands (``783،562``), digits glued to Arabic prefixes
  (``بـ76``, ``عام2006``), vulgar fractions (``2½``).

Scale words after a number multiply it (``1,2 milyar`` = 1.2e9, ``500 Mill.`` = 5e8, a range
``2 oder 3 Mrd.`` = 2e9 and 3e9, ``$30m`` = 3e7 but ``30 m`` is thirty metres), and a half
after it adds one (``2 milioni e mezzo``). Percentages, years, currencies (with an ISO code),
clock times, decades and ordinals are told apart (``summarize.numcontext``).

Number words are read by ``summarize.numspell`` (text2num for German, Italian, English, Spanish
and French; a place-value grammar over vocabularies generated from num2words for Turkish and
Arabic): ``on dört`` = 14, ``ثلاثة عشر`` = 13, ``fünfundzwanzig``, ``tremila``,
``iki buçuk milyar``, ``twenty-five``, ``four dozen``, a bare ``مليار`` = 1e9.
Source-language cardinals from two up count like digits (*firm*), except words that are often
something else (Italian "sei" = you are); English number words, ordinals, Roman numerals,
decades and count words (``beide``, Arabic duals) are *optional*: they may confirm a number but
are never reported as missing or invented, since translations spell numbers freely ("both",
"a couple", "the first").
"""

from __future__ import annotations

import re
from dataclasses import replace

from summarize.lang import base_code
from summarize.numcontext import currency_before, scale_after, unit_after
from summarize.numhalves import add_half
from summarize.nummention import Kind, NumberMention
from summarize.numspell import FIRM_WORDS_FROM, word_numbers
from summarize.numvocab import comma_decimal, marks, vocabulary

__all__ = ["FIRM_WORDS_FROM", "Kind", "NumberMention", "base_language", "extract_numbers",
           "parse_number"]

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}

_MILITARY = re.compile(r"(?<![\w.,:])0\d[0-5]\d(?![\w.,])")
_DECADE = re.compile(r"(?<![\w.,])(?:(1[5-9]\d0|20[0-9]0)['’]?s\b|['’]?([1-9]0)['’]?s\b"
                     r"|['’]([1-9]0)(?![\d%]|[.,]\d|\s*%))")
_ROMAN = re.compile(r"(?<![\w'’-])([IVX]{1,7})(?![\w'’-])")
_ROMAN_FORM = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def base_language(lang: str) -> str:
    """``"ar-EG"`` → ``"ar"``; the ISO 639-1 part of a language tag, lower case."""
    return base_code(lang.strip() or "en")


def parse_number(raw: str, lang: str) -> tuple[float, int]:
    """Read one digit string in the conventions of ``lang``.

    Args:
        raw: Digits with separators, e.g. ``"1.234,5"``, ``"١٢٣"``, ``"18,000"``.
        lang: ISO 639-1 code of the text it comes from.

    Returns:
        The value and the number of decimal places written.

    Raises:
        ValueError: ``raw`` holds no digits.
    """
    text = re.sub(r"[\s\u00a0\u202f،]", "", raw.translate(_DIGITS))
    if not any(ch.isdigit() for ch in text):
        raise ValueError(f"no digits in {raw!r}")
    comma = comma_decimal(base_language(lang))
    groups_of_three = all(len(g) == 3 for g in re.split(r"[.,]", text)[1:])
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text:
        decimal = "" if text.count(",") > 1 or (groups_of_three and not comma) else ","
    elif "." in text:
        decimal = "" if text.count(".") > 1 or (groups_of_three and comma) else "."
    else:
        decimal = ""
    if decimal:
        whole, fraction = text.rsplit(decimal, 1)
        whole = re.sub(r"[.,]", "", whole) or "0"
        return float(f"{whole}.{fraction}"), len(fraction)
    return float(re.sub(r"[.,]", "", text)), 0


def _normalize(text: str) -> str:
    """Western digits and separators, keeping every offset (the result has the same length)."""
    text = text.translate(_DIGITS).replace("İ", "I")  # "İki".lower() would keep a dot
    text = re.sub(r"(?<=\d)،(?=\d{3}(?!\d))", ",", text)
    return re.sub(r"(?<=\d)[x×](?=\d)", "/", text)


def _prefix_ok(text: str, start: int) -> bool:
    """Digits glued to letters count only after a prefix (``بـ76``, ``و34``, ``عام2006``);
    a tatweel (``ـ``) always glues."""
    run = re.search(r"[^\W\d_]+$", text[max(0, start - 12):start])
    if run is None:
        return True
    letters = run.group(0)
    return letters.endswith("ـ") or letters in marks().digit_prefixes


def _digit_numbers(text: str, lang: str, taken: bytearray) -> list[NumberMention]:
    found: list[NumberMention] = []
    vocab = vocabulary(lang)
    for match in vocab.digits.finditer(text):
        start, raw = match.start(), match.group(1)
        if taken[start] or not _prefix_ok(text, start):
            continue
        try:
            value, decimals = parse_number(raw, lang)
        except ValueError:
            continue
        money = currency_before(text, start) is not None  # "$30m", "CHF 30m"
        end = match.end()
        if text[end:end + 1] in _FRACTIONS:  # "2½"
            value, decimals, end = value + _FRACTIONS[text[end]], max(decimals, 2), end + 1
        value, end, halved = add_half(text, end, value, 1.0, vocab)  # "2 buçuk milyar"
        scale, end = scale_after(text, end, lang, money)
        if scale > 1 and not halved:  # "2 milioni e mezzo"
            value, end, halved = add_half(text, end, value * scale, scale, vocab)
            value /= scale
        decimals = max(decimals, int(halved))
        kind, currency, unit_end = unit_after(text, start, end, lang)
        if re.match(r"(?:st|nd|rd|th)\b|[ªº]", text[end:end + 3]) and scale == 1:
            kind = kind or "ordinal"
        if kind is None and scale == 1 and decimals == 0 and len(raw) == 4:
            kind = "year" if 1800 <= value <= 2100 else None
        found.append(NumberMention(value * scale, kind or "plain", "", start, end, currency,
                                   decimals, scale=scale))
        taken[start:unit_end] = b"\1" * (unit_end - start)
    return found


def _other_numbers(text: str, taken: bytearray) -> list[NumberMention]:
    """Clock times (``9:30``, ``11.00'de``, ``0230``), decades and Roman numerals."""
    found: list[NumberMention] = []
    shared = marks()
    for match in shared.time.finditer(text):
        minutes = match.group(2) or match.group(3)
        found.append(NumberMention(int(match.group(1)) + int(minutes) / 100, "time",
                                   match.group(0), match.start(), match.end(), decimals=2))
    for match in _MILITARY.finditer(text):
        raw = match.group(0)
        found.append(NumberMention(int(raw[:2]) + int(raw[2:]) / 100, "time", raw,
                                   match.start(), match.end(), decimals=2))
    for match in _DECADE.finditer(text):
        decade = float(match.group(1) or match.group(2) or match.group(3))
        found.append(NumberMention(decade, "year", match.group(0), match.start(), match.end(),
                                   optional=True))
    for match in _ROMAN.finditer(text):
        numeral, before = match.group(1), text[max(0, match.start() - 14):match.start()]
        century = shared.century_after.match(text, match.end()) is not None  # "XV secolo"
        if not _ROMAN_FORM.fullmatch(numeral) or not (
                century and len(numeral) > 1 or re.search(r"[A-Za-z]{2,} $", before)) or (
                numeral == "I" and not before.endswith("War ")):
            continue
        values = [_ROMAN_VALUES[c] for c in numeral]
        value = sum(-v if i + 1 < len(values) and v < values[i + 1] else v
                    for i, v in enumerate(values))
        found.append(NumberMention(float(value), "ordinal", numeral, match.start(), match.end(),
                                   optional=not century))
    for read_decades in shared.decades:  # "سبعينيات القرن العشرين", the 1970s
        found += [NumberMention(float(year), "year", text[start:end], start, end, optional=True)
                  for start, end, year in read_decades(text)]
    for mention in found:
        taken[mention.start:mention.end] = b"\1" * (mention.end - mention.start)
    return found


def _join_ranges(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Spread a scale, a currency or a percent sign over ranges: ``2 oder 3 Mrd. Euro``."""
    joined = list(mentions)
    for i in range(len(joined) - 2, -1, -1):
        first, second = joined[i], joined[i + 1]
        between = text[first.end:second.start]
        if not marks().range.fullmatch(between) or first.kind in {"year", "time"}:
            continue
        if first.scale == 1 and second.scale > 1 and first.value < 1000:
            first = replace(first, value=first.value * second.scale, scale=second.scale)
        if first.kind in {"plain", "currency"} and second.kind in {"percent", "currency"}:
            first = replace(first, kind=second.kind, currency=first.currency or second.currency)
        if first.kind == "currency" and second.kind == "plain":
            second = replace(second, kind="currency", currency=first.currency)
        joined[i], joined[i + 1] = first, second
    return joined


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every number in ``text``, read in the conventions of ``lang``.

    Args:
        text: Any text; odd input (empty, only punctuation, 10,000 digits) is fine.
        lang: ISO 639-1 code (``tr``, ``de``, ``it``, ``ar``, ``en``…); a tag such as
            ``ar-EG`` is reduced to its language.

    Returns:
        The mentions in text order; offsets point into ``text``.
    """
    lang = base_language(lang)
    norm = _normalize(text)
    taken = bytearray(len(norm) + 1)
    mentions = _other_numbers(norm, taken)
    mentions += _digit_numbers(norm, lang, taken)
    mentions += word_numbers(norm, lang, taken)
    mentions = _join_ranges(norm, sorted(mentions, key=lambda m: m.start))
    return [replace(m, raw=text[m.start:m.end]) for m in mentions]
