"""What stands around a number: scale words after it, a percent or a currency.

Shared by the readers of digits (``summarize.numparse``) and of number words
(``summarize.numspell``).
"""

from __future__ import annotations

import re

from summarize.nummention import Kind
from summarize.numvocab import Vocabulary, marks, vocabulary
from summarize.numwords import CURRENCY_SIGNS, DOLLAR_PREFIXES, LOWER_CODES, MONEY_SCALES

__all__ = ["currency_before", "dollar_prefix", "scale_after", "scale_word", "unit_after"]

#: Every one-character currency sign the parser knows (``numwords.CURRENCY_SIGNS``).
SIGNS = "".join(sorted(sign for sign in CURRENCY_SIGNS if len(sign) == 1))
_TOKEN = re.compile(rf"[\s\u00a0]*([{re.escape(SIGNS)}]|[^\W\d_]+)\.?")
_SIGN_BEFORE = re.compile(rf"(?:[{re.escape(SIGNS)}]|(?<![^\W\d_])[A-Za-z]{{2,3}})$")


def scale_word(word: str, vocab: Vocabulary) -> float | None:
    """The multiplier of a scale word (``milyar``, ``Mrd.``, ``milyarlık``), or None."""
    word = word.lower().rstrip(".").replace("ـ", "")
    if word in vocab.scales:
        return vocab.scales[word]
    if vocab.suffixed_scale is None or word in vocab.words.not_numbers:
        return None
    match = vocab.suffixed_scale.fullmatch(word)
    return None if match is None else vocab.scales[match.group(1)]


def scale_after(text: str, end: int, lang: str, money: bool, below: float = 1.0
                ) -> tuple[float, int]:
    """The scale words right after ``end`` (multiplier, new end), or ``(1, end)``.

    Args:
        text: The text.
        end: Where the number ends.
        lang: Its language.
        money: Whether a currency sign stands before the number (``$30m``).
        below: The value of the number: a scale word must exceed it (``zwei`` takes
            ``Millionen``; ``zwei Millionen`` takes no ``Tausend`` after it).
    """
    vocab = vocabulary(lang)
    total, position = 1.0, end
    for _ in range(2):  # "two hundred thousand", "1,2 milyar"
        glued = re.match(r"[^\W\d_]+", text[position:position + 20])
        if glued and money and position == end and glued.group(0).lower() in MONEY_SCALES:
            return MONEY_SCALES[glued.group(0).lower()], position + glued.end()
        match = re.match(r"[ \t\u00a0\u202f]*-?[ \u00a0]*([^\W\d_]+)(\.(?!\d))?",
                         text[position:position + 30])
        scale = scale_word(match.group(1), vocab) if match else None
        if match is None or scale is None or scale <= total or scale <= below:
            break
        # "Mrd." takes its dot, "million." does not.
        dot = match.group(2) and match.group(1).lower() in vocab.abbreviated_scales
        total, position = total * scale, position + match.end(1) + (1 if dot else 0)
    return total, position


def currency_before(text: str, start: int) -> str | None:
    """The ISO code of a currency sign or code written right before ``start`` (``€``,
    ``CHF``, ``usd``), or None."""
    base = max(0, start - 12)
    sign = _SIGN_BEFORE.search(text[base:start].rstrip())
    if sign is None:
        return None
    found = sign.group(0)
    letters = dollar_prefix(text, base + sign.start())
    if letters:  # "A$1.4 billion", "R$2.1 billion": not US dollars
        return DOLLAR_PREFIXES.get(letters.upper(), f"{letters}$")
    return CURRENCY_SIGNS.get(found) or LOWER_CODES.get(found)


def dollar_prefix(text: str, sign_at: int) -> str | None:
    """The letters glued before the "$" at ``sign_at`` ("A" in "A$1.4 billion"), or None."""
    if text[sign_at:sign_at + 1] != "$":
        return None
    prefix = re.search(r"(?<![^\W\d_])[A-Za-z]{1,3}$", text[max(0, sign_at - 4):sign_at])
    return prefix.group(0) if prefix else None


def unit_after(text: str, start: int, end: int,
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
