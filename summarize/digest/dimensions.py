"""Dimensions and quantities of things as figures: how long, tall, deep or wide a thing is,
and how much of a stuff there is.

A length or a weight says what it measures only through the words around it. Three forms say
it plainly, and each names its thing, so that two figures meet only when they are of the same
thing:

* a **dimension word** after the unit, the thing before the number: "the pit, which is about
  30 metres deep" → ``depth of pit``, "the fence stood only 3 metres high" → ``height of
  fence``; "long" names the thing's own size, as a compound does ("a crack 14 centimetres
  (5.5 inches) long" → ``crack``);
* a **compound** before the thing: "the 55-metre tower", "a 400-metre stretch of the
  highway", "the 325-km (202-mile) cable" → ``tower``, ``stretch``, ``cable``: the measure an
  open measure gives "the tunnel was 31 metres" or "measured the tunnel at 31 metres". A
  compound does not say which dimension it is (a tower's metres are its height, a cable's
  its length), so ``tower`` is compared with any dimension of a tower for figures of one
  time (:func:`same_thing`), never for a timeline;
* a **quantity of** a stuff, when no word governs the number: "along 40 km of coastline",
  "110 cm of new snow had fallen", "380 kilograms of elephant ivory" → ``coastline``,
  ``snow``, ``ivory`` (its head noun). A governing word comes first ("seized 5.2 tonnes of
  scales" is ``seized scales``: ``summarize.digest.openmeasures``).

Only units of length are dimensions, and only physical units are quantities: money, counts
and shares never are. Anything else stays unread.
"""

from __future__ import annotations

import re

from summarize.digest.changes import DOWN, UP
from summarize.digest.measures import UNIT, Measure
from summarize.digest.openmeasures import BOUND_WORDS, IRREGULAR_PAST, named_measure
from summarize.digest.text import STOPWORDS, singular

#: Unit codes of length (``summarize.digest.measures.UNITS``).
LENGTH_UNITS = frozenset({"m", "km", "cm", "mm", "miles", "ft", "inches", "yd"})
#: Unit codes of quantities of a stuff: lengths, weights, volumes, areas.
QUANTITY_UNITS = LENGTH_UNITS | frozenset({"t", "kg", "g", "ct", "barrels", "l", "hl", "gal",
                                           "US gal", "m3", "ft3", "ha", "acres", "km2", "m2",
                                           "sq mi"})
#: The dimension each word after a length names.
DIMENSION_WORDS = {"long": "length", "tall": "height", "high": "height", "deep": "depth",
                   "wide": "width", "across": "width", "thick": "thickness"}
#: A stated conversion in parentheses after a unit ("(5.5 inches)", "(170-foot)").
_CONVERSION = r"(?:\s*\([^()]{1,30}\))?"
_DIMENSION_AFTER = re.compile(_CONVERSION + r"\s+(long|tall|high|deep|wide|across|thick)\b"
                              r"(?!\s+(?:as|range|jump|jumps|tide|tides|street|school|speed))",
                              re.IGNORECASE)
#: Words between the thing and its number that say nothing of it ("the pit, which is about",
#: "the fairway is now", "a white shark about").
_BETWEEN = frozenset("""which that is was were are be been being stood stands stand measured
measures measuring now only still just probably reportedly already then""".split())
_WORD = re.compile(r"[A-Za-z][a-z-]*|[,()]")
#: Words that are never the thing measured.
_NOT_THINGS = frozenset("""it its this that these those them they he she we you one ones
some total whose which who whom where when while""".split())


def _content(word: str) -> bool:
    low = word.lower()
    return len(low) > 2 and low not in STOPWORDS and low not in _NOT_THINGS and (
        low not in _BETWEEN)


def _thing_before(text: str, start: int) -> str | None:
    """The thing a dimension is of: the noun before its number, skipping bound words, "which
    is", adverbs and one comma ("The tunnel, about 25 metres long" → tunnel)."""
    before = text[max(0, start - 80):start]
    before = re.sub(rf"(?:\b{BOUND_WORDS}\s*)+$", "", before, flags=re.IGNORECASE)
    words = _WORD.findall(before)
    commas = 0
    for word in reversed(words[-8:]):
        low = word.lower()
        if word == ",":
            commas += 1
            if commas > 1:
                return None
            continue
        if word in "()" or low in _BETWEEN or low.endswith("ly") or low in {"a", "an", "in"}:
            continue  # "in water 42 metres deep": the water
        if _content(word) and not word[:1].isupper() and not low.endswith("ed"):
            return singular(low)
        return None
    return None


def _noun_after(text: str, start: int) -> str | None:
    """The head of the noun phrase at ``start`` (at most two words, the second when it is a
    noun too): "steel tower carried" → tower, "stretch of the" → stretch, "cable entered" →
    cable, "dried ginger" → ginger."""
    words = re.match(r"\s*(?:the\s+)?([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?", text[start:start + 60])
    if words is None:
        return None
    first, second = words.group(1), words.group(2)
    if second and _content(second) and not second.endswith(("ed", "ly")) and (
            second not in _VERBS) and not (
            second.endswith("s") and len(second) <= 4) and (first.endswith("ed") or not (
                re.match(r"[a-z]+s$", second) and _content(first) and not first.endswith("s"))):
        # "steel tower", "new snow", "dried ginger", "polyethylene pellets"; but "cable
        # runs" ends at its verb
        if _content(first) or first in _ADJECTIVES or first.endswith("ed"):
            return singular(second)
    if not _content(first) or first.endswith("ed"):
        return None
    return singular(first)


#: Verbs that may follow a thing's name ("the 55-metre tower fell", "the cable broke").
_VERBS = IRREGULAR_PAST | UP | DOWN | frozenset("""fell broke came went stood stands lay lies
sank hit split gave gives took takes runs ran began begins has had was were is are will would
can could may might must should""".split())
#: Adjectives before a stuff that say nothing of what it is ("new snow", "fresh snow").
_ADJECTIVES = frozenset("""new fresh more extra further additional raw crude open""".split())


def dimension_measure(text: str, number_start: int, number_end: int, unit: str | None,
                      unit_end: int) -> Measure | None:
    """The dimension a length is of (see the module docstring), or None.

    Args:
        text: The sentence.
        number_start: Where the number starts (bound words excluded).
        number_end: Where the number ends.
        unit: Its unit code.
        unit_end: Where its unit ends.

    Example:
        >>> text = "Inspectors found a crack 14 centimetres (5.5 inches) long in a weld."
        >>> dimension_measure(text, 25, 27, "cm", 39).name
        'crack'
        >>> dimension_measure("The pit, which is about 30 metres deep, fell.", 24, 26, "m",
        ...                   33).name
        'depth of pit'
        >>> dimension_measure("The 55-metre tower fell.", 4, 6, "m", 12).name
        'tower'
    """
    if unit not in LENGTH_UNITS:
        return None
    between = text[number_end:unit_end]
    if between.lstrip().startswith("-"):  # "the 55-metre tower", "a 4.2-km tunnel"
        rest = re.match(_CONVERSION, text[unit_end:])
        thing = _noun_after(text, unit_end + (rest.end() if rest else 0))
        return named_measure(thing, UNIT) if thing else None
    word = _DIMENSION_AFTER.match(text, unit_end)
    if word is None:
        return None
    thing = _thing_before(text, number_start)
    if thing is None:
        return None
    dimension = DIMENSION_WORDS[word.group(1).lower()]
    return named_measure(thing if dimension == "length" else f"{dimension} of {thing}", UNIT)


def quantity_measure(text: str, unit: str | None, unit_end: int) -> Measure | None:
    """The stuff a physical quantity is of, when its unit is followed by "of" and a noun ("40
    km of coastline" → coastline), or None."""
    if unit not in QUANTITY_UNITS:
        return None
    of = re.match(_CONVERSION + r"\s+of\s+(?!the\s+(?:total|same|whole)\b)", text[unit_end:])
    if of is None:
        return None
    thing = _noun_after(text, unit_end + of.end())
    return named_measure(thing, UNIT) if thing else None


def same_thing(a: str, b: str) -> bool:
    """Whether two measures are of one thing's size, one by a dimension and the other by the
    thing alone ("height of tower" and "tower", as "the 55-metre tower" names it)."""
    for first, second in ((a, b), (b, a)):
        found = re.fullmatch(r"(?:height|depth|width|thickness) of (.+)", first)
        if found and found.group(1) == second:
            return True
    return False
