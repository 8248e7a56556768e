"""Locale-aware number extraction for the number audit (``summarize.numbers``).

Digits are read in the conventions of the text's language:

- a decimal comma and a thousands dot or space where CLDR gives the language a decimal comma
  (Turkish, German, Italian, French, Spanish…: ``1,2`` = 1.2, ``1.234,5`` = 1234.5,
  ``1.300`` = 1300: a dot followed by exactly three digits is a thousands separator there,
  while ``3.5`` stays 3.5);
- a decimal dot elsewhere, English and Arabic included (``11.7``, ``1,234.5``, ``18,000``);
- Arabic-Indic and Persian digits (``١٢٣``, ``۱۲۳``), the Arabic decimal ``٫`` and thousands
  ``٬``, an Arabic comma between thousands (``783،562``), digits glued to Arabic prefixes
  (``بـ76``, ``عام2006``).

Scale words after a number multiply it (``1,2 milyar`` = 1.2e9, ``500 Mill.`` = 5e8, a range
``2 oder 3 Mrd.`` = 2e9 and 3e9, ``$30m`` = 3e7 but ``30 m`` is thirty metres). Percentages,
years, currencies (with an ISO code), clock times, decades and ordinals are told apart.

Number words are read too (each language's in its profile, ``summarize.lang``, assembled by
``summarize.numvocab``): ``on dört`` = 14, ``ثلاثة عشر`` = 13, ``treinta y cinco``,
``twenty-five``, ``four dozen``, ``a billion``, a bare ``مليار`` = 1e9.
Source-language cardinals from two up count like digits (*firm*), except words that are often
something else (Italian "sei" = you are); English number words, ordinals, Roman numerals and
decades are *optional*: they may confirm a number but are never reported as missing or
invented, since translations spell numbers freely ("both", "a couple", "the first").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from summarize.lang import base_code
from summarize.numvocab import Vocabulary, comma_decimal, marks, vocabulary
from summarize.numwords import CURRENCY_SIGNS, LOWER_CODES, MONEY_SCALES

Kind = Literal["plain", "percent", "year", "currency", "time", "ordinal"]

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")

#: Source number words from this value up count like digits; smaller ones only confirm.
FIRM_WORDS_FROM = 2

_MILITARY = re.compile(r"(?<![\w.,:])0\d[0-5]\d(?![\w.,])")
_DECADE = re.compile(r"(?<![\w.,])(?:(1[5-9]\d0|20[0-9]0)['’]?s\b|['’]?([1-9]0)['’]?s\b"
                     r"|['’]([1-9]0)(?![\d%]|[.,]\d|\s*%))")
_ROMAN = re.compile(r"(?<![\w'’-])([IVX]{1,7})(?![\w'’-])")
_ROMAN_FORM = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"[\s\u00a0]*([€$£₺¥]|[^\W\d_]+)\.?")
_TENS = frozenset({20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0})


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
            ordinals, Roman numerals, decades, ambiguous source words).
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


def _normalise(text: str) -> str:
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


def _scale_word(word: str, vocab: Vocabulary) -> float | None:
    word = word.lower().rstrip(".").replace("ـ", "")
    if word in vocab.scales:
        return vocab.scales[word]
    if vocab.suffixed_scale is None or word in vocab.words.not_numbers:
        return None
    match = vocab.suffixed_scale.fullmatch(word)
    return None if match is None else vocab.scales[match.group(1)]


def _scale_after(text: str, end: int, lang: str, money: bool) -> tuple[float, int]:
    """The scale words right after ``end`` (multiplier, new end), or ``(1, end)``."""
    vocab = vocabulary(lang)
    total, position = 1.0, end
    for _ in range(2):  # "two hundred thousand", "1,2 milyar"
        glued = re.match(r"[^\W\d_]+", text[position:position + 20])
        if glued and money and position == end and glued.group(0).lower() in MONEY_SCALES:
            return MONEY_SCALES[glued.group(0).lower()], position + glued.end()
        match = re.match(r"[ \t\u00a0\u202f]*-?[ \u00a0]*([^\W\d_]+)(\.(?!\d))?",
                         text[position:position + 30])
        scale = _scale_word(match.group(1), vocab) if match else None
        if match is None or scale is None or scale <= total:
            break
        # "Mrd." takes its dot, "million." does not.
        dot = match.group(2) and match.group(1).lower() in vocab.abbreviated_scales
        total, position = total * scale, position + match.end(1) + (1 if dot else 0)
    return total, position


_SIGN_BEFORE = re.compile(r"(?:[€$£₺¥]|(?<![^\W\d_])[A-Za-z]{2,3})$")


def currency_before(text: str, start: int) -> str | None:
    """The ISO code of a currency sign or code written right before ``start`` (``€``,
    ``CHF``, ``usd``), or None."""
    sign = _SIGN_BEFORE.search(text[max(0, start - 12):start].rstrip())
    if sign is None:
        return None
    found = sign.group(0)
    return CURRENCY_SIGNS.get(found) or LOWER_CODES.get(found)


def _context(text: str, start: int, end: int,
             lang: str) -> tuple[Kind | None, str | None, int]:
    """Percent or currency of the number at ``start:end``, and where its unit word ends."""
    before = text[max(0, start - 12):start].rstrip()
    after = text[end:end + 40]
    stripped = after.lstrip().lower()
    shared = marks()
    for word in shared.percent_after:
        if stripped.startswith(word):
            return "percent", None, end + len(after) - len(stripped) + len(word)
    if before.lower().endswith(shared.percent_before):
        return "percent", None, end
    currency = currency_before(text, start)
    if currency is not None:
        return "currency", currency, end
    # The currency right after the number, after one word ("US dollars") or after "di".
    position, previous = 0, ""
    for _ in range(3):
        match = _TOKEN.match(after, position)
        if match is None:
            break
        token, position = match.group(1), match.end()
        code = CURRENCY_SIGNS.get(token) or shared.currency_words.get(token.lower())
        if code is None and vocabulary(lang).words.currency_endings:  # euroluk, دولارات
            code = next((c for w, c in shared.currency_words.items()
                         if len(w) >= 4 and token.lower().startswith(w)), None)
        if code is not None:
            return "currency", code, end + position
        if previous and previous not in shared.linking_words:
            break
        previous = token.lower()
    return None, None, end


def _digit_numbers(text: str, lang: str, taken: bytearray) -> list[NumberMention]:
    found: list[NumberMention] = []
    for match in vocabulary(lang).digits.finditer(text):
        start, raw = match.start(), match.group(1)
        if taken[start] or not _prefix_ok(text, start):
            continue
        try:
            value, decimals = parse_number(raw, lang)
        except ValueError:
            continue
        money = currency_before(text, start) is not None  # "$30m", "CHF 30m"
        scale, end = _scale_after(text, match.end(), lang, money)
        kind, currency, unit_end = _context(text, start, end, lang)
        if re.match(r"(?:st|nd|rd|th)\b|[ªº]", text[end:end + 3]) and scale == 1:
            kind = kind or "ordinal"
        if kind is None and scale == 1 and decimals == 0 and len(raw) == 4:
            kind = "year" if 1800 <= value <= 2100 else None
        found.append(NumberMention(value * scale, kind or "plain", "", start, end, currency,
                                   decimals, scale=scale))
        taken[start:unit_end] = b"\1" * (unit_end - start)
    return found


def _word_numbers(text: str, lang: str, taken: bytearray) -> list[NumberMention]:
    vocab = vocabulary(lang)
    words = vocab.words
    found: list[NumberMention] = []
    for match in _WORD.finditer(text):
        start, end, token = match.start(), match.end(), match.group(0).lower().replace("ـ", "")
        if taken[start]:
            continue
        value, kind = _word_value(token, vocab)
        unit = 1.0
        if token in words.couple_words:  # "a couple of"
            of = vocab.couple_of.match(text, end) if vocab.couple_of else None
            value, end = 2.0, of.end() if of else end
        elif value is None and (token in words.articles or token in words.half_words):
            article = vocab.article.match(text, end) if vocab.article else None
            if article is None or _scale_after(text, article.end(), lang, False)[0] == 1:
                continue  # only "a billion", "half a million"
            value, end = (0.5 if token in words.half_words else 1.0), article.end()
        elif value is None:  # a bare scale word: "مليار دولار", "Milliarden", "thousands"
            unit = _scale_word(token, vocab) or 0.0
            if unit < 100 and token not in vocab.bare_small_scales:
                continue
            value = 1.0
        else:
            value, kind, end = _compound(text, end, value, kind, vocab)
        scale, end = _scale_after(text, end, lang, False)
        half = vocab.and_a_half.match(text, end) if vocab.and_a_half else None
        if half is not None:
            value, end = value + 0.5, half.end()
        added, end = _smaller_after(text, end, unit * scale, lang) if words.additive else (
            0.0, end)
        context, currency, unit_end = _context(text, start, end, lang)
        firm = _firm(text, start, token, value * scale, kind, vocab) if unit == 1 else (
            token in words.firm_bare_scales)
        found.append(NumberMention(value * unit * scale + added, context or kind, "", start,
                                   end, currency, optional=not firm, scale=unit * scale))
        taken[start:unit_end] = b"\1" * (unit_end - start)
    return found


def _firm(text: str, start: int, token: str, value: float, kind: Kind,
          vocab: Vocabulary) -> bool:
    """Whether a source number word counts like digits (reported when missing)."""
    words = vocab.words
    stem = _word_stem(token, vocab)[0] or token
    if not words.firm or value < FIRM_WORDS_FROM or stem in words.ambiguous:
        return False
    before = text[max(0, start - 12):start]
    if vocab.century_before is not None and vocab.century_before.search(before):
        return True  # "القرن الخامس عشر", the fifteenth century: ordinals of centuries count
    vague = any(stem == last and text[max(0, start - len(head) - 1):start].lower() == f"{head} "
                for head, _, last in (p.rpartition(" ") for p in words.vague_phrases))
    return kind != "ordinal" and not vague  # "her iki": both


_NEXT_WORD = re.compile(r"[ \u00a0-]+([^\W\d_]+)")


def _smaller_after(text: str, end: int, scale: float, lang: str) -> tuple[float, int]:
    """A number in words right after a scale word of a thousand or more and smaller than it
    (``dos mil quinientos`` → 500), or ``(0, end)``."""
    vocab = vocabulary(lang)
    following = _NEXT_WORD.match(text, end) if scale >= 1000 else None
    value, kind = _word_value(following.group(1).lower(), vocab) if following else (None, "")
    if following is None or value is None or kind != "plain":
        return 0.0, end
    value, _, after = _compound(text, following.end(), value, "plain", vocab)
    multiplier, after = _scale_after(text, after, lang, False)
    return (value * multiplier, after) if value * multiplier < scale else (0.0, end)


def _compound(text: str, end: int, value: float, kind: Kind,
              vocab: Vocabulary) -> tuple[float, Kind, int]:
    """Join number words into one number (see :func:`_tens_and_units`); in an additive language
    a round hundred also takes a smaller number after it (``ciento veinte``)."""
    value, kind, end = _tens_and_units(text, end, value, kind, vocab)
    following = _NEXT_WORD.match(text, end) if (
        vocab.words.additive and value >= 100 and value % 100 == 0) else None
    if following is not None:
        part, part_kind = _word_value(following.group(1).lower(), vocab)
        if part is not None and part_kind == "plain" and 1 <= part < 100:
            part, _, part_end = _tens_and_units(text, following.end(), part, part_kind, vocab)
            return value + part, kind, part_end
    return value, kind, end


def _tens_and_units(text: str, end: int, value: float, kind: Kind,
                    vocab: Vocabulary) -> tuple[float, Kind, int]:
    """Join ``twenty-five``, ``on dört`` (14), ``treinta y cinco``, ``ثلاثة عشر`` (13),
    ``خمسة وعشرون`` (25)."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return value, kind, end
    token, words = following.group(1).lower(), vocab.words
    if value in words.tens_then_units:
        unit_word: re.Match[str] | None = following
        if words.units_connector:
            unit_word = _NEXT_WORD.match(text, following.end()) if (
                token == words.units_connector) else None
        if unit_word is not None:
            unit, unit_kind = _word_value(unit_word.group(1).lower(), vocab)
            if unit is not None and 1 <= unit <= 9:
                return value + unit, unit_kind, unit_word.end()
    if (words.units_then_ten or words.units_and_tens) and 1 <= value <= 9:
        if token in words.units_then_ten:
            return value + 10, kind, following.end()
        glue = words.units_and_tens
        tens = words.cardinals.get(token[len(glue):], 0.0) if (
            glue and token.startswith(glue)) else 0.0
        if tens in _TENS:
            return value + tens, kind, following.end()
    return value, kind, end


def _word_value(token: str, vocab: Vocabulary) -> tuple[float | None, Kind]:
    words = vocab.words
    stem, kind = _word_stem(token, vocab)
    if stem:
        return words.cardinals[stem], kind
    ordinal = next((token[len(p):] for p in ("", *words.glued_prefixes)
                    if token.startswith(p) and token[len(p):] in words.ordinals), "")
    return (words.ordinals[ordinal], "ordinal") if ordinal else (None, kind)


def _word_stem(token: str, vocab: Vocabulary) -> tuple[str, Kind]:
    """The number word inside ``token`` (``"والخمسين"`` → ``"خمسين"``) or ``""``."""
    words = vocab.words
    if token in words.cardinals:
        return token, "plain"
    if token in words.not_numbers:
        return "", "plain"
    for prefix in words.glued_prefixes:
        if token.startswith(prefix) and token[len(prefix):] in words.cardinals:
            return token[len(prefix):], "plain"
    match = vocab.suffixed_word.fullmatch(token) if vocab.suffixed_word else None
    if match is not None:
        return match.group(1), "ordinal" if match.group(2) in words.ordinal_suffixes else "plain"
    return "", "plain"


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
        if not _ROMAN_FORM.fullmatch(numeral) or not re.search(r"[A-Za-z]{2,} $", before) or (
                numeral == "I" and not before.endswith("War ")):
            continue
        values = [_ROMAN_VALUES[c] for c in numeral]
        value = sum(-v if i + 1 < len(values) and v < values[i + 1] else v
                    for i, v in enumerate(values))
        century = shared.century_after.match(text, match.end()) is not None  # "XV secolo"
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
    norm = _normalise(text)
    taken = bytearray(len(norm) + 1)
    mentions = _other_numbers(norm, taken)
    mentions += _digit_numbers(norm, lang, taken)
    mentions += _word_numbers(norm, lang, taken)
    mentions = _join_ranges(norm, sorted(mentions, key=lambda m: m.start))
    return [replace(m, raw=text[m.start:m.end]) for m in mentions]
