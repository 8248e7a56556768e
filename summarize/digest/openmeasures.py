"""Open measures: what a figure measures when the vocabulary has no word for it.

The vocabulary (``summarize.digest.measures``) names the measures news reports most often.
A figure it does not know ("produced 118,000 tonnes of copper", "About 9,000 dockworkers
walked off", "a dividend of 15 cents") would otherwise be no claim at all. Its measure is then
read from the words that hold the number, and only from those (so it is always *named near*
the figure):

* the **noun it counts**, when that is a specific noun and not a generic one ("9,000
  dockworkers", "40 container ships"; not "214 people", "five times"): the measure is the
  noun, after the word that governs the number if there is one ("cut the cull quota to
  150,000 animals": ``cull quota animals``, not the census's "4.1 million animals");
* else the **word that governs it**: a verb right before it ("produced 121,000 tonnes",
  "offered 4.5%"), or a noun before "of", "at", "to" or a verb of standing ("a crop of 3.5
  million tonnes", "harvest to 2.8 million tonnes", "output was 115,000 tonnes"), with what
  its unit is of, when the sentence says ("tonnes of copper"): ``produced copper``.

Two figures have the same open measure only when these words are the same (stems compared):
"produced 118,000 tonnes of copper" and "imported 5 million tonnes of wheat" never meet, and
neither do "produced copper" and a bare "produced". Synonyms ("dockers", "dockworkers") are
not merged: a missed comparison costs less than an invented one. An open measure's subject
is looked for like a named entity's (the clause's name, else the article's main entity).
"""

from __future__ import annotations

import re
from functools import cache

from summarize.digest.changes import DOWN, UP
from summarize.digest.measures import COUNT, PEOPLE, TIME_UNITS, Measure
from summarize.digest.text import SIGN, STOPWORDS

#: Counted nouns too general to be a measure by themselves ("214 people", "five times").
GENERIC_NOUNS = frozenset("""people persons person times units items things others ones
members cases percent points parts pieces places ways steps kinds types sorts lots sets
levels rounds categories groups areas sites days figures numbers amounts""".split())
#: Counted nouns that are units or money written out ("15 cents", "31,000 ounces", "10 billion
#: dirhams"): what the figure measures is said by the words before it. Most come from CLDR
#: (:func:`unit_nouns`).
UNIT_NOUNS = frozenset("""cents pence crore lakh""".split())


@cache
def unit_nouns() -> frozenset[str]:
    """Every English unit and currency word of CLDR (through Babel), singular and plural:
    "tonnes", "metres", "ounces", "dirhams", "rupees", "yen"."""
    from babel import Locale
    from babel.numbers import get_currency_name
    from babel.units import format_unit

    found = set(UNIT_NOUNS)
    for locale in ("en", "en_GB"):
        for key in Locale.parse(locale)._data["unit_patterns"]:
            for count in (1, 5):
                try:
                    found.add(format_unit(count, key, length="long", locale=locale).split()[-1])
                except (KeyError, ValueError, AttributeError):
                    continue  # a unit without a long pattern for this count
    for code in Locale.parse("en").currencies:
        for count in (1, 5):
            found.add(get_currency_name(str(code), count=count, locale="en").split()[-1])
    return frozenset(w.lower() for w in found if re.fullmatch(r"[A-Za-z-]+", w)) - {"account"}


#: Collective nouns whose members a number counts ("a convoy of 42 trucks", "a group of nine
#: skiers"): the measure is the members, not the group.
COLLECTIVE_HEADS = frozenset("""convoy convoys fleet fleets group groups team teams party
column columns flotilla batch batches caravan squad contingent delegation cohort""".split())
#: Verbs of counting: they say who counted, not what ("Port data counted 19 skipped calls",
#: "Frontex said it had recorded 2,400 arrivals"); who counted is a source, not the subject.
COUNTING_VERBS = frozenset("""counted recorded registered logged tallied tracked detected
observed measured counts tallies counting tallying""".split())
#: Words before a number that say nothing of what it measures.
GENERIC_HEADS = frozenset("""total estimated record another further nearly only just around
roughly some least most almost approximately than more less over under up down about per
each every cost costs costing worth figure number amount value level sum rate share
likely reportedly already still even since following including excluding plus ago
earlier later previous last first next latest current recent same lower higher close closer
nearer near count tally""".split())
#: Bound words before a number ("about", "at least", "closer to"), as a pattern.
BOUND_WORDS = (r"(?:about|around|some|nearly|almost|roughly|approximately|an\s+estimated|"
               r"close\s+to|closer\s+to|just\s+over|just\s+under|well\s+over|"
               r"more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|only|just|"
               r"a\s+record|a\s+total\s+of|as\s+many\s+as|as\s+much\s+as|as\s+long\s+as|"
               r"another|a\s+further)")
_CURRENCY = r"(?:" + SIGN + r"|[A-Z]{1,3}\$|US\$|C\$|A\$|[A-Z]{3}\s)?"
#: A time between a noun and the word that joins it to its number ("the fund's return for the
#: year at 7.1%", "its return for 2025 to 7.2%", "the equity share at the end of December at
#: 72%", "the cleanup budget this year at about 250 million pesos").
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December)")
_TIME_BETWEEN = (r"(?:(?:for|in|at\s+the\s+end\s+of|by\s+the\s+end\s+of)\s+(?:the\s+)?"
                 r"(?:year|month|quarter|week|season|(?:19|20)\d\d|" + _MONTHS + r")"
                 r"(?:\s+(?:19|20)\d\d)?\s+|(?:this|last|next)\s+(?:year|month|quarter|week|"
                 r"season)\s+)?")
#: A noun before the number, joined by a preposition, a verb of standing or of moving to a
#: level ("assets stood at ISK 412 billion", "donations were unchanged at NZ$1.1 million",
#: "the average remittance fell to $415", "the season ticket will rise to £5,661").
_NOUN_BEFORE = re.compile(
    r"(?:\b([a-z][a-z-]+)\s+)?\b(?!(?:was|were|is|are|remained|remains|stayed|stays)\b)"
    r"([a-z][a-z-]+)\s+" + _TIME_BETWEEN +
    r"(?:(?:was|were|is|are|remained|stayed)\s+)?"
    r"(?:(?:unchanged|steady|stable|flat)\s+)?"
    r"(?:(?:(?:will|would|could|may|might|is\s+set\s+to|is\s+expected\s+to)\s+)?"
    r"(?:rose|rise|rises|fell|fall|falls|climbed|climb|dropped|drop|jumped|jump|grew|grow|"
    r"increased|increase|declined|decline|slipped|sank|soared|surged|edged\s+up|edged\s+down|"
    r"risen|fallen)\s+to|"
    r"of|at|to|was|were|is|are|remained|remains|stayed|stays|stood\s+at|"
    r"(?:will|would|could|may|might)\s+be|"
    rf"reached|totall?ed|hit)\s+(?:{BOUND_WORDS}\s+)?{_CURRENCY}$")
#: Irregular past forms that govern a number as regular ones do ("held about 150 tonnes",
#: "built 40 homes"); those that say nothing ("took", "made") are in the empty verbs.
IRREGULAR_PAST = frozenset("""held built spent paid lost won bought caught drew drawn sold sent
fed sank flew ran led kept left met struck shot stole fought hid dug froze bore""".split())
#: A verb right before the number ("produced 121,000 tonnes", "has offered 4.5%").
_VERB_BEFORE = re.compile(rf"\b([a-z]+(?:ed|ing|s)|{'|'.join(sorted(IRREGULAR_PAST))})\s+"
                          rf"(?:{BOUND_WORDS}\s+)?{_CURRENCY}$")
#: A verb in its base form after "to" or a modal ("expects to produce about 1.38 million
#: tonnes", "can make 2.4 million tonnes", "plans to borrow roughly 165 billion lei").
_BASE_VERB_BEFORE = re.compile(rf"\b(?:to|will|would|can|could|may|might|should|must|cannot|"
                               rf"'ll)\s+(?:also\s+|still\s+|now\s+|only\s+)?([a-z]{{3,}})\s+"
                               rf"(?:{BOUND_WORDS}\s+)?{_CURRENCY}$")
#: A passive verb right after the counted noun ("162 train services were cancelled").
_PASSIVE_AFTER = re.compile(r"\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+"
                            r"(?:[a-z]+ly\s+)?([a-z]+ed|bought|sold)\b")
#: What the unit is of ("tonnes of copper", "ounces of gold").
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?([a-z][a-z-]+)\b")
#: Verbs that tell nothing of the measure ("is", "has", "said"): never a head.
_EMPTY_VERBS = frozenset("""has was is does includes including says said means leaves
leaving making makes made gives giving takes taking took gets getting got puts put
adds added brings bringing remains remained stands stood totals totaled totalled
reaches reached hits hit comes came goes went seems seemed appears appeared needs needed
compared comparing compares against versus climbing jumping dropping increasing decreasing
gaining declining growing cut cuts cutting raised raises raising lowered lowers revised revises
revising estimated estimates expected expects forecast forecasts showed shows
indicated indicates revealed reveals suggested suggests found finds listed lists cited cites
quoted quotes noted notes reported reports included""".split()) | (
    (UP | DOWN) - IRREGULAR_PAST)  # verbs of change, as ``changes`` reads them: "risen to"


#: Base forms that say nothing of the measure ("to be", "will reach", "could cost").
_BASE_EMPTY = frozenset("""be have get reach hit top exceed total cost rise fall climb drop
increase decrease grow cut raise lower revise estimate expect forecast show include add bring
take give put see keep stay remain stand become""".split())


def _content(word: str) -> bool:
    return (len(word) > 2 and word not in STOPWORDS and word not in GENERIC_HEADS
            and word not in TIME_UNITS and word not in _EMPTY_VERBS)


@cache
def named_measure(name: str, kind: str) -> Measure:
    """An open measure of ``name`` for values of ``kind`` (one object per name: claims compare
    measures by name)."""
    return Measure(name, "entity", frozenset({kind}), ())


def open_measure(text: str, start: int, end: int, noun: str | None,
                 kind: str) -> Measure | None:
    """The open measure of a figure the vocabulary does not name, or None.

    Args:
        text: The sentence.
        start: Offset of the number (its currency sign included).
        end: Offset after its unit or counted noun.
        noun: The noun it counts (``summarize.digest.units.counted_noun``), if any.
        kind: Its value kind (money, percent, count, unit).

    Example:
        >>> open_measure("Kestrel produced 118,000 tonnes of copper.", 17, 31, None,
        ...              "unit").name
        'produced copper'
        >>> open_measure("About 9,000 dockworkers walked off.", 6, 23, "dockworkers",
        ...              "count").name
        'dockworkers'
        >>> open_measure("Some 214 people were on board.", 5, 15, "people", "count") is None
        True
    """
    low = (noun or "").lower()
    counted = kind == COUNT and noun is not None and low not in unit_nouns()
    if counted and low in TIME_UNITS:
        return None
    specific = counted and low not in GENERIC_NOUNS and low not in PEOPLE and _content(low)
    head = _head(text[max(0, start - 60):start])
    if head in COLLECTIVE_HEADS:  # "a convoy of 42 trucks" counts trucks, like "36 trucks"
        head = None
    if head in COUNTING_VERBS:  # "counted 19 skipped calls": skipped calls
        if not specific:
            return None  # "LTO counted 17": who counted, but not what
        between = re.match(r"\S*\s+([a-z]+ed)\s+", text[start:end])
        head = between.group(1) if between and _content(between.group(1)) else None
    if specific and head is None:  # "eleven beaches were closed" is "closed nine beaches"
        passive = _PASSIVE_AFTER.match(text, end)
        head = passive.group(1).lower() if passive and _content(passive.group(1).lower()) else None
    if specific:  # "9,000 dockworkers"; "cut the cull quota to 150,000 animals"
        return named_measure(f"{head} {low}" if head else low, kind)
    if head is None:
        return None
    of = _OF_AFTER.match(text, end)
    what = of.group(1).lower() if of and _content(of.group(1).lower()) else None
    return named_measure(f"{head} {what}" if what else head, kind)


def governing_word(text: str, start: int) -> str | None:
    """The word that governs the number at ``start``, if any (see :func:`open_measure`):
    "cracks" in "hairline cracks of 0.3 mm"."""
    head = _head(text[max(0, start - 60):start], base_verbs=False)
    return head.split()[-1] if head else None


def _head(before: str, *, base_verbs: bool = True) -> str | None:
    """The word that governs a number, from the text before it: a verb ("produced"), or a
    noun before "of", "at", "to" or a verb of standing, with a noun modifying it ("wheat crop
    at", "cull quota is")."""
    base = _BASE_VERB_BEFORE.search(before) if base_verbs else None
    if base and _content(base.group(1)) and base.group(1) not in _BASE_EMPTY:
        return base.group(1)  # "can make 2.4 million tonnes", "to borrow 165 billion lei"
    verb = _VERB_BEFORE.search(before)
    if verb and _content(verb.group(1)) and not (
            verb.group(1).endswith("s") and verb.group(1) in unit_nouns()):
        return verb.group(1)  # but "13.5 knots about 250 metres north": "knots" is no verb
    noun_before = _NOUN_BEFORE.search(before)
    if noun_before is None or not _content(noun_before.group(2)):
        return None
    head, modifier = noun_before.group(2), noun_before.group(1)
    if modifier and _content(modifier) and not modifier.endswith(("ed", "ing")):
        return f"{modifier} {head}"  # "wheat crop at 2.4 million tonnes"
    return head
