"""Around a number: its unit, the noun it counts, its bound ("at least", "about"), how it is
written, and a conversion stated beside it. Used by ``summarize.digest.figures``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from summarize.digest.durations import duration_unit
from summarize.digest.measures import (
    DEGREE_SCALES,
    EVENTS,
    PEOPLE,
    TIME_UNITS,
    UNITS,
    vocabulary,
)
from summarize.digest.text import SIGN, STOPWORDS
from summarize.numbers import NumberMention
from summarize.numcontext import SIGNS, dollar_prefix

BOUNDS = [
    ("min", re.compile(r"(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|(?<!no\s)(?<!not\s)"
                       r"more\s+than|well\s+over|well\s+above|over|"
                       r"above|upwards\s+of|in\s+excess\s+of|exceeding|a\s+minimum\s+of|"
                       r"pass(?:es|ed)?|surpass(?:es|ed)?|tops?|topped|exceed(?:s|ed)?)"
                       r"\s*" + SIGN + r"?$", re.IGNORECASE)),
    ("max", re.compile(r"(?:(?<!revised\s)(?<!rose\s)(?<!moved\s)(?<!went\s)(?<!climbed\s)"
                       r"up\s+to|less\s+than|fewer\s+than|well\s+under|well\s+below|under|below|"
                       r"at\s+most|"
                       r"(?:no|not)\s+more\s+than)\s*" + SIGN + r"?$", re.IGNORECASE)),
    ("approx", re.compile(r"(?:about|around|some|roughly|approximately|an\s+estimated|nearly|"
                          r"almost|closer?\s+to|just\s+under|just\s+over|circa|~)\s*" + SIGN
                          + r"?$", re.IGNORECASE)),
]
def unit_after(text: str, end: int) -> tuple[str | None, str | None, int]:
    """A physical unit right after a number: (unit, implied measure, end offset)."""
    glued = re.match(r"(?:\s*-\s*|\s*)(°\s?[CF]\b|[CF]\b(?!['’])|km/h|kph|mph|MWh|GWh|TWh|MW|GW|kW|"
                     r"mm|cm|km|kg|ha)\b", text[end:end + 12])
    if glued and (glued.group(1)[0] != "F" or "°" in glued.group(1)):
        word = glued.group(1).replace(" ", "").lower()
        if word in {"c", "f"} and glued.group(0)[:1].isspace():
            word = ""  # "40 C" with a space is rarely a temperature in news copy
        if word:
            unit, measure = UNITS.get(word, (glued.group(1), None))
            return unit, measure, end + glued.end()
    double = re.match(r"(?:\s*-\s*|\s+)([a-z]+[\s-]hours|(?:cubic|square|sq|US)\s+[a-z]+)\b",
                      text[end:end + 40], re.IGNORECASE)
    if double and double.group(1).lower() in UNITS:
        unit, measure = UNITS[double.group(1).lower()]
        return _per_time(text, unit, measure, end + double.end())
    spelled = re.match(r"(?:\s*-\s*|\s+)([A-Za-z/]+)(?:\s+(celsius|centigrade|fahrenheit))?",
                       text[end:end + 40], re.IGNORECASE)
    if spelled and spelled.group(1).lower() in UNITS:
        unit, measure = UNITS[spelled.group(1).lower()]
        if spelled.group(2):
            unit = DEGREE_SCALES[spelled.group(2).lower()]
        return _per_time(text, unit, measure, end + spelled.end())
    return None, None, end


#: Units that a time after them makes a rate ("15 cubic metres per second", "1,100 tonnes a
#: day"): a flow is never compared with an amount.
_RATE_UNITS = frozenset({"l", "hl", "gal", "US gal", "m3", "ft3", "t", "kg", "barrels"})
_PER_TIME = re.compile(r"\s+(?:per|a|an|each)\s+(second|minute|hour|day|week|month|year)\b"
                       r"(?!\s+(?:earlier|ago|before|later|after|on|from|previously)\b)",
                       re.IGNORECASE)  # "97,000 tonnes a year earlier" is no rate


def _per_time(text: str, unit: str, measure: str | None, end: int
              ) -> tuple[str, str | None, int]:
    """A unit with the time it is per, if one follows ("m3/s")."""
    per = _PER_TIME.match(text, end) if unit in _RATE_UNITS else None
    if per is None:
        return unit, measure, end
    return f"{unit}/{duration_unit(per.group(1))}", measure, per.end()


#: The number of a whole after a part of it ("four of its six entrances", "300 of the bank's
#: 340 ATMs"): the part counts what the whole does.
TOTAL_NUMBER = (r"(?:\d[\d.,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
                r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)"
                r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)")  # not "two-thirds"


#: Words glued to a number that say how big, not what it counts ("a 5,000-strong crowd",
#: "a 10-fold rise").
_COMPOUND_ADJECTIVES = frozenset("""strong odd fold plus long wide high deep tall thick
metre meter mile kilometre kilometer foot feet inch tonne ton""".split())
#: Words of a toll that describe the noun after them ("52 dead turtles" are a toll of
#: turtles, not turtles): the toll stays the measure.
_TOLL_ADJECTIVES = frozenset("""dead injured wounded missing displaced sick infected homeless
stranded trapped evacuated hurt killed""".split())
#: Heads that count occasions of what the word before them names ("54 rescue missions" are
#: rescues, "12 search operations" searches), unlike "seven flight attendants".
_OCCASIONS = frozenset("""missions operations trips calls attempts incidents events runs
sorties flights rounds sessions""".split())


def counted_noun(text: str, end: int) -> tuple[str | None, int]:
    """The noun a number counts: within three words after it (adjectives and names skipped)."""
    compound = re.match(r"-([a-z]{3,})\b(?!-)", text[end:end + 40])
    if compound and compound.group(1) not in _COMPOUND_ADJECTIVES and (
            compound.group(1) not in TIME_UNITS and not vocabulary().counted(compound.group(1))):
        # "a 40-bed treatment centre", "a 300-seat hall": the number counts what it is glued
        # to, a description of the noun after it, never a toll of the event nearby
        return compound.group(1), end + compound.end()
    position = end
    for step in range(3):
        match = re.match(r"[\s-]+(?:of\s+(?:the\s+|its\s+|their\s+)?)?(?:" + TOTAL_NUMBER +
                         r"\s+)?([^\W\d_]+(?:-[^\W\d_]+)*)(['’]s\b)?", text[position:])
        if match is None:
            return None, end
        word, position = match.group(1), position + match.end()
        low = word.lower()
        if match.group(2):
            continue  # "seven of the arena's vaults": the possessor is no counted noun
        if low in EVENTS and not vocabulary().counted(low):
            continue  # "2,310 measles cases", "cholera deaths": the event names the count
        if low in PEOPLE or vocabulary().counted(low):
            head = re.match(r"\s+([a-z]+s)\b", text[position:])
            if head and (head.group(1) in PEOPLE or vocabulary().counted(head.group(1)) or (
                    not low.endswith("s") and head.group(1) not in STOPWORDS
                    and head.group(1) not in _OCCASIONS and low not in _TOLL_ADJECTIVES)):
                # "12 police officers"; "seven flight attendants" count attendants, not flights
                return head.group(1), position + head.end()
            return low, position
        if low in TIME_UNITS and step == 0:
            return low, position
        if low in TIME_UNITS or low in STOPWORDS:
            return None, end
        if low.endswith("s") and len(low) > 3 and (not word[:1].isupper()
                                                   or re.fullmatch(r"[A-Z]{2,}s", word)):
            return low, position  # "barges", "ATMs"
    return None, end


def bound_of(before: str) -> str:
    tail = before[-30:]
    for name, pattern in BOUNDS:
        if pattern.search(tail):
            return name
    return "exact"


def bound_start(text: str, start: int) -> int:
    for _, pattern in BOUNDS:
        match = pattern.search(text[max(0, start - 30):start])
        if match:
            return max(0, start - 30) + match.start()
    return start


#: Currency words the number reader already knows, or that are also common words after a
#: number ("200 pounds" is a weight, "South Korea won 3"): never read here.
_READ_ELSEWHERE = frozenset({"euro", "euros", "dollar", "dollars", "pound", "pounds", "lira",
                             "liras", "franc", "francs", "yen", "sterling", "won", "mark",
                             "marks", "unit", "units"})


@cache
def currency_names() -> tuple[Mapping[str, str], Mapping[str, str]]:
    """English names of the currencies in use (CLDR, through Babel): full name → ISO 4217 code
    ("polish zlotys" → PLN, "sudanese pounds" → SDG), and last word → code when only one
    currency in use is called so ("zlotys" → PLN, "forints" → HUF), else the word itself
    ("pesos", "shillings": which country's is not said, so no code is invented)."""
    from babel.numbers import get_currency_name

    full: dict[str, str] = {}
    words: dict[str, set[str]] = {}
    for code in sorted(currency_codes()):
        for count in (1, 5):
            name = get_currency_name(code, count=count, locale="en").lower()
            if not re.fullmatch(r"[a-z]+(?: [a-z]+){0,3}", name):
                continue
            for written in (name, *(_iberian_plurals(name) if count == 1 else ())):
                full[written] = code
                words.setdefault(written.split()[-1], set()).add(code)
    single = {word: (next(iter(found)) if len(found) == 1 else word)
              for word, found in words.items() if word not in _READ_ELSEWHERE}
    return MappingProxyType(full), MappingProxyType(single)


def _iberian_plurals(name: str) -> tuple[str, ...]:
    """Spanish and Portuguese plurals that English news also writes for a currency's singular
    name: "quetzales", "soles", "colones" beside CLDR's "quetzals"; "reais" for reals."""
    head, _, last = name.rpartition(" ")
    found = []
    if last[-1:] not in "aeiouys":
        found.append(last + "es")
    if last.endswith("al"):
        found.append(last[:-2] + "ais")
    return tuple(f"{head} {word}".strip() for word in found)


@cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes of the currencies in use (CLDR, through Babel): "ISK", "NOK", "INR"."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    return frozenset(code for territory in Locale.parse("en").territories
                     for code in get_territory_currencies(str(territory), tender=True))


#: Customary abbreviations of currencies written before a number, which are not ISO codes
#: ("KSh 250 million" is Kenyan shillings).
CURRENCY_ABBREVIATIONS = {"KSh": "KES", "Ksh": "KES", "USh": "UGX", "TSh": "TZS", "Rp": "IDR",
                          "RM": "MYR", "Tk": "BDT", "Rs": "Rs"}
#: "Rs" is the rupee of India, Pakistan, Sri Lanka and Nepal alike, so it keeps its own sign as
#: its code: compared only with another "Rs", never guessed.


#: A word of two or three letters right before a number: a currency code or abbreviation.
_CODE_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,3})\.?\s?$")


def code_before(text: str, start: int) -> str | None:
    """An ISO currency code the number parser does not know, or a customary abbreviation,
    written right before a number ("ISK 398 billion", "KSh 250 million")."""
    match = _CODE_BEFORE.search(text[max(0, start - 6):start])
    if match is None:
        return None
    written = match.group(1)
    if written in CURRENCY_ABBREVIATIONS:
        return CURRENCY_ABBREVIATIONS[written]
    return written if re.fullmatch(r"[A-Z]{3}", written) and written in currency_codes() else None


def code_start(text: str, start: int) -> int:
    """Where the code or abbreviation that :func:`code_before` read begins."""
    match = _CODE_BEFORE.search(text[max(0, start - 6):start])
    return max(0, start - 6) + match.start() if match else start


#: What follows a bare "won" that is the currency, not the verb: a rate ("11,150 won an hour")
#: or a conversion in parentheses ("11,150 won (about $8.10)").
_WON_RATE = re.compile(r"\s*\(|\s+(?:an?|per|each)\s+(?:hour|day|week|month|year|head|person|"
                       r"kilogram|kg|litre|liter|share|unit)\b")
#: What may follow the currency but not the verb, whose object comes next ("3,000 won places"):
#: the end of a clause or a word that cannot open an object.
_WON_THEN = re.compile(r"\s*(?:[.,;:)—–]|$)|\s+(?:in|to|for|and|or|from|was|were|is|are|last|"
                       r"next|this|on|at|by|with|than|into|more|less|higher|lower|"
                       r"previously|earlier)\b")


def korean_won(text: str, end: int, value: float) -> int | None:
    """The end of a bare "won" after a number when it is the currency: "2.4 trillion won",
    "10,800 won, while", "11,150 won an hour"; not "3,000 won places at university" nor "in
    2019 won the election", where it is the verb."""
    match = re.match(r"\s+won\b", text[end:end + 8])
    if match is None:
        return None
    after, written = text[end + match.end():], text[max(0, end - 12):end]
    if re.search(r"(?<![\d.,])(?:1[89]|20)\d\d$", written):
        return None  # a year
    scaled = re.search(r"\b(?:thousand|million|billion|trillion|mn|bn|tn)$", written,
                       re.IGNORECASE)
    if scaled or _WON_RATE.match(after) or value >= 1000 and _WON_THEN.match(after):
        return end + match.end()
    return None


def written_currency(text: str, end: int, value: float = 0.0) -> tuple[str, int] | None:
    """A currency written out right after a number ("8.2 billion zlotys", "18,000 Sudanese
    pounds", "2.4 trillion won"): ``(code, end offset)``; the code is the word itself when
    several countries' currencies share it ("pesos")."""
    won = korean_won(text, end, value)
    if won is not None:
        return "KRW", won
    full, single = currency_names()
    code = re.match(r"\s?([A-Z]{3})\b", text[end:end + 5])
    if code and code.group(1) in currency_codes():  # "40 million SEK"
        return code.group(1), end + code.end()
    words = list(re.finditer(r"\s+([A-Za-z]+)", text[end:end + 60]))
    run: list[re.Match[str]] = []
    for match in words[:4]:
        if run and match.start() != run[-1].end():
            break
        run.append(match)
    for size in range(len(run), 0, -1):
        name = " ".join(m.group(1).lower() for m in run[:size])
        if name in full and name not in _READ_ELSEWHERE:
            return full[name], end + run[size - 1].end()
    if run and run[0].group(1).lower() in single:
        return single[run[0].group(1).lower()], end + run[0].end()
    return None


def shown_figure(text: str, start: int, end: int, mention: NumberMention) -> str:
    while start > 0 and text[start - 1] in SIGNS:
        start -= 1
    start -= len(dollar_prefix(text, start) or "")  # "A$1.4 billion", "US$3 million"
    tail = re.match(r"\s*(?:%|per\s?cent|percent|euros?|dollars?|pounds?|lira|francs?|yen)\b|\s*%",
                    text[end:], re.IGNORECASE)
    if tail and end == mention.end:
        end += tail.end()
    return text[start:end].strip(" ,;")


def stated_conversions(text: str, mention: NumberMention, rest: list[NumberMention]
                 ) -> tuple[tuple[tuple[float, str], ...], int]:
    """The same amount in another currency, in parentheses right after it."""
    if not rest or not mention.currency:
        return (), 0
    nxt = rest[0]
    gap = text[mention.end:nxt.start]
    if nxt.currency and nxt.currency != mention.currency and re.fullmatch(
            r"\s*(?:[A-Za-z]+\s*)?\(\s*(?:about|around|some|roughly|or)?\s*" + SIGN + r"?", gap):
        close = text.find(")", nxt.end)
        return ((nxt.value, nxt.currency),), (close + 1 if close >= 0 else nxt.end)
    return (), 0
