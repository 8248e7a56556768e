"""Figures of an English sentence: each number with its measure, unit, bound and role.

Numbers come from ``summarize.numbers`` (values after scale words, currencies attached). A
number is a *figure* when something says what it measures, looked for in this order:

1. the noun it counts, when the vocabulary knows it ("18,000 Blackwell GPUs" → chips,
   "4,126 cases" → cases);
2. when it counts people ("38 people", "wounded 57"), the nearest verb of the clause that
   says what happened to them ("killed" → deaths, "employs" → staff, "evacuated" → displaced);
3. the measure its unit implies ("40 MW" → capacity, "46.2C" → temperature, "183 km/h" →
   wind speed);
4. the nearest measure word of its clause, within :data:`WINDOW` words ("valued at $6
   billion", "turnout was 64.4 percent"), whose value kind fits (funding is money, so
   "raised its rate to 46%" is not funding);
5. the measure named at the start of its clause when the number follows "to", "at", "was" …
   ("The number of people killed in the earthquake … has risen to 112");
6. failing all of these, an *open measure* read from the words that hold the number
   (``summarize.digest.openmeasures``: "produced 118,000 tonnes of copper", "9,000
   dockworkers").

A duration is a figure only when its own words say what lasted ("the outage lasted nine
hours", "a six-day shutdown", "were inside the building for four minutes":
``summarize.digest.durations``). A size or a quantity of a thing names the thing ("a crack
14 centimetres long", "the 55-metre tower", "40 km of coastline":
``summarize.digest.dimensions``). An age is a figure of whose age it is ("Okafor, 24," →
``age of Okafor``; "a 19-year-old packer" → ``age of packer``: ``summarize.digest.ages``),
never a count, and the votes on a motion are votes for and against it ("by 38 votes to
11": ``summarize.digest.votes``). Numbers that are not figures of a measure are skipped:
years, dates ("March 3"), clock times and other durations ("2:02:16", "after 18 months"),
model names ("GPT-4"), totals ("89 *of the 230* seats"), differences ("142,000 more than",
"three more bodies") and changes in points or units ("by 350 basis points"). A relative
change ("shares closed 3.8% lower", "rents rose 14%") is a signed figure of the change in what
moved (``summarize.digest.changes``); a rate of change keeps its measure (inflation, growth).
A part of a set counts what the whole does ("38 of the 60 boreholes", "four of its six
entrances"), and a part of a group of people is a figure of what befell that part, read from
its own words ("six of them seriously", "Eight of the injured were in critical condition";
``people_part``). Animals a toll counts are tolls of animals ("killed about 200 head of
livestock": ``animal deaths``), never of people.
"From N" after a figure ("to 2.3 percent from 2.6 percent", "up from the 9,800 it reported on
Monday") is an earlier value of the same measure, and a value cited against it ("not the 47
counted by the canton") is that figure's measure, time and scope. A figure followed by
another currency in parentheses ("€1.7 billion ($2 billion)") carries it as a stated
conversion.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from summarize.digest.ages import AGED, glued_age, named_age
from summarize.digest.candidates import (
    LOOK,
    WINDOW,
    clause_of,
    clauses,
    fits,
    measure_words,
    spans_start,
)
from summarize.digest.changes import Change, changed, read_change, read_departure
from summarize.digest.countof import counted_thing
from summarize.digest.dimensions import (
    LENGTH_UNITS,
    QUANTITY_UNITS,
    dimension_measure,
    quantity_measure,
)
from summarize.digest.durations import TIME_WORD, duration_measure, duration_unit, what_lasted
from summarize.digest.idioms import bare_rate, refine
from summarize.digest.measures import (
    COUNT,
    DURATION_CONVERSIONS,
    IMPLIED_ONLY_WITH,
    MONEY,
    PEOPLE,
    PERCENT,
    TIME_UNITS,
    UNIT,
    Measure,
    vocabulary,
)
from summarize.digest.openmeasures import (
    BOUND_WORDS,
    governing_word,
    named_measure,
    open_measure,
)
from summarize.digest.parts import TOLLS, part_of_things, people_part
from summarize.digest.shares import (
    is_fraction,
    is_level,
    is_share,
    share_measure,
    with_fractions,
)
from summarize.digest.text import SIGN, stem
from summarize.digest.units import (
    TOTAL_NUMBER,
    bound_of,
    bound_start,
    code_before,
    code_start,
    counted_noun,
    shown_figure,
    stated_conversions,
    unit_after,
    written_currency,
)
from summarize.digest.votes import motion_votes
from summarize.numbers import NumberMention, english_mentions

#: A measure named this close to its figure (in words), by the noun it counts, its unit or an
#: idiom is *named near* it; only such figures may be called a disagreement (verdicts).
NEAR = 6
#: Measures that count any goods, whatever the noun ("sold 9,000 robots").
ANY_GOODS = frozenset({"units sold"})
#: Verbs of doing something to people (sanctions, dismissals): a count right after one is of
#: the people it was done to ("banned 22 fans", "charged 58 people"), not of the fans or the
#: people at large, and is no measure of the vocabulary.
ACTING_VERBS = frozenset("""banned barred charged fined sentenced jailed convicted expelled
deported evicted fired dismissed suspended sacked disqualified punished questioned summoned
sued indicted prosecuted warned honoured honored trained""".split())
#: Animals a toll may count ("drowned 1,200 sheep", "200 head of livestock"): their deaths
#: are ``animal deaths``, and no other toll of people counts them.
_ANIMAL = (r"(?:livestock|cattle|cows?|calves|oxen|bulls|buffalo(?:e?s)?|sheep|lambs|goats|pigs|"
           r"hogs|horses|donkeys|mules|camels|yaks|llamas|alpacas|reindeer|poultry|chickens|hens|"
           r"ducks|geese|birds|animals|dogs|cats|fish|head|turtles|tortoises|whales|dolphins|"
           r"seals|sea\s+lions|penguins|elephants|rhinos|lions|deer|wolves|bears|bees|"
           r"salmon|sharks|ridleys)")
ANIMALS = re.compile(r"\s+(?:head\s+of\s+)?(?:[a-z-]+\s+)?" + _ANIMAL + r"\b", re.IGNORECASE)
#: The toll of animals that each toll of people becomes when it counts animals.
ANIMAL_TOLLS = {"deaths": "animal deaths", "injured": "animals injured",
                "seriously injured": "animals injured", "critically injured": "animals injured",
                "missing": "animals missing", "rescued": "animals rescued",
                "displaced": "animals displaced"}
#: A clause that names the animals its toll counts before the number ("its count of sheep
#: killed above the valley to 58", "the sheep toll rose to 58").
_ANIMAL_TOLL_BEFORE = re.compile(r"\b" + _ANIMAL + r"\s+(?:[a-z]+\s+)?(?:killed|dead|deaths|"
                                 r"toll|died|drowned|lost)\b", re.IGNORECASE)
#: A verb of a toll right before a count ("killed 14 workers", "injured at least 40 staff").
_TOLL_VERB_BEFORE = re.compile(r"\b(?:killed|killing|kills|injured|injuring|injures|wounded|"
                               r"wounding|hurt|hurting|evacuated|rescued|trapped|left)\s+"
                               r"(?:(?:about|around|some|nearly|almost|more\s+than|at\s+least|"
                               r"over|another|a\s+further)\s+)?$", re.IGNORECASE)
#: Measures of a unit of their own: a length or a weight is never one of them.
_OTHER_UNITS = frozenset({"temperature", "wind speed", "speed"})
#: Voters who may vote, not votes cast ("the region's 7.1 million registered voters").
_REGISTERED = re.compile(r"\s+(?:[\w-]+\s+)?(?:registered|eligible)\s+voters\b", re.IGNORECASE)
#: Losing one's job after a count of staff ("2,500 staff will lose their jobs"): job cuts.
_JOBS_LOST = re.compile(r"\s+(?:[\w-]+\s+){1,3}?(?:(?:will|would|could|may|might|are\s+to|"
                        r"have|had|has)\s+)?(?:lose|lost|losing)\s+(?:their|its|his|her)\s+jobs?\b",
                        re.IGNORECASE)
#: Measures whose figures are rates of change ("prices rose 2.3%" is inflation).
RATES_OF_CHANGE = frozenset({"inflation", "core inflation", "growth"})

_MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|"
                    r"November|December|\b(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)",
                    re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"(?:\bby|\bup|\bdown|\brose|\brises|\bfell|\bfalls|\bgrew|\bgrows|\bincreased|\bdecreased|"
    r"\bdropped|\bdeclined|\bjumped|\bclimbed|\bsurged|\bslumped|\bplunged|\bsoared|\bgained|"
    r"\bshed|\bslid|\beased|\bslipped|\badvanced|\bsank)"
    r"(?:\s+(?:about|around|some|nearly|almost|roughly|more\s+than|less\s+than|a\s+further))?"
    r"\s*" + SIGN + r"?$", re.IGNORECASE)
_EARLIER = re.compile(r"(?:\bup|\bdown)?\s*\bfrom\s*(?:(?:an?|the|its|their)\s+(?:[a-z-]+\s+){0,2}?"
                      r"(?:estimate|forecast|figure|reading|projection|level|count|tally)\s+of\s*|"
                      r"(?:an?|the|its|their)\s+(?:preliminary|provisional|earlier|previous|initial|"
                      r"original|first)\s+)?" + SIGN + r"?$", re.IGNORECASE)  # "from a preliminary
# 7.4%"
#: An earlier value given as what it was ("down from the 9,800 it reported on Monday", "up
#: from the roughly 1,150 it gave"): the article's earlier count, compared at its own time.
_EARLIER_THE = re.compile(r"(?:\bup|\bdown)?\s*\bfrom\s+(?:the|its|their)\s+"
                          rf"(?:{BOUND_WORDS}\s+)?" + SIGN + r"?$", re.IGNORECASE)
#: Another value cited against the figure: "not the 47 counted by the canton", "against the
#: nine reported by the ministry", "rather than the 32 metres it announced", "well below the
#: 3.1 trillion won given by the federation", "revising customs' first count of 8.2 tonnes".
_CITED_BEFORE = re.compile(r"(?:\bnot|\bagainst|\brather\s+than|\bbelow|\babove|\b(?:more|less|"
                           r"higher|lower|fewer)\s+than|\brevising\s+(?:[\w'’]+\s+){0,3}?(?:count|"
                           r"estimate|figure|tally|forecast)\s+of)\s+(?:the\s+|its\s+|their\s+)?"
                           rf"(?:{BOUND_WORDS}\s+)?" + SIGN + r"?$", re.IGNORECASE)
_CITED_AFTER = re.compile(r"\s*(?:[^\W\d_][\w'’-]*\s+){0,5}?(?:had\s+|has\s+|first\s+|initially\s+|"
                          r"originally\s+|earlier\s+|previously\s+)*(?:counted|given|gave|"
                          r"reported|quoted|cited|announced|forecast|estimated|put|recorded|"
                          r"confirmed|published|released|issued|claimed|stated|offered)\b",
                          re.IGNORECASE)


def cited(text: str, mention: NumberMention, end: int) -> str | None:
    """Whether the number at ``mention`` is a value cited beside the figure before it:
    ``earlier`` ("up from the 112 it had counted"), ``other`` ("not the 47 counted by the
    canton", a value of another source or report), or None."""
    before = text[max(0, mention.start - LOOK):mention.start]
    if _EARLIER_THE.search(before):
        return "earlier"
    if _CITED_BEFORE.search(before) and re.search(r"\b(?:the|its|their|of)\s+(?:\S+\s+){0,2}\S*$",
                                                  before, re.IGNORECASE) and (
            _CITED_AFTER.match(text[end:end + LOOK])):
        return "other"
    return None


_LEVEL_VERB = re.compile(r"(?:\bto|\bat|\bwas|\bwere|\bis|\bare|\breached|\bhit|\bstood|"
                         r"\btotall?ed|\bof)\s*" + SIGN + r"?$", re.IGNORECASE)
_DIFFERENCE_AFTER = re.compile(r"^\s*(?:%|percent|per\s+cent)?\s*(?:[a-z]+\s+)?"
                               r"(?:more|fewer|less|higher|lower|ahead|behind|short)\b",
                               re.IGNORECASE)
_POINTS_AFTER = re.compile(r"^\s*(?:basis\s+points?|percentage\s+points?|points?|bps)\b",
                           re.IGNORECASE)
_TOTAL_BEFORE = re.compile(r"\b" + TOTAL_NUMBER + r"\s*(?:[a-z]+\s+)?(?:of|out\s+of)\s+"
                           r"(?:the\s+|its\s+|their\s+)?(?:[^\W\d_]+['’]s\s+)?$", re.IGNORECASE)
_RANGE_BETWEEN = re.compile(r"\s*(?:-|–|to|and)\s*" + SIGN + r"?$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A number of a sentence and what it measures.

    Attributes:
        measure: The measure (see ``summarize.digest.measures``).
        kind: The measure's subject kind: ``entity``, ``event`` or ``place``.
        mention: The number as ``summarize.numparse`` read it.
        shown: As written, sign, scale and unit included ("$6 billion", "46.2C").
        unit: Currency code, ``%``, physical unit or people class; None for a bare count.
        bound: ``exact``, ``approx``, ``min``, ``max`` or ``range``.
        upper: Upper end of a range.
        conversions: The same figure in other currencies, as the sentence states them.
        earlier: It is an earlier value ("up from €1.2 billion").
        clause: Offsets of its clause in the sentence.
        start: Offset of the figure (bound words included).
        end: Offset after it (unit included).
        bare: Its measure rests on a bare "rate" that refers back to the article's rate
            (``summarize.digest.idioms.bare_rate``).
    """

    measure: str
    kind: str
    mention: NumberMention
    shown: str
    unit: str | None
    bound: str
    upper: float | None
    conversions: tuple[tuple[float, str], ...]
    earlier: bool
    clause: tuple[int, int]
    start: int
    end: int
    bare: bool = False
    near: bool = True
    """Its measure is named near it (:data:`NEAR`), not inferred from farther words."""


def _value_kind(mention: NumberMention, unit: str | None) -> str:
    if mention.currency:
        return MONEY
    if mention.kind == "percent":
        return PERCENT
    if unit is not None and unit not in PEOPLE.values():
        return UNIT
    return COUNT


def _skip(text: str, mention: NumberMention) -> bool:
    """Numbers that are not figures: dates, clock times, ages, model names, totals."""
    # Every test below reads a few words around the number: a bounded window keeps a huge
    # sentence linear.
    before = text[max(0, mention.start - LOOK):mention.start]
    after = text[mention.end:mention.end + LOOK]
    if mention.kind in {"year", "time", "ordinal"}:
        return True
    if mention.optional and not (mention.raw.lower() == "one" and re.match(
            r"\s+(?!of\b|another\b|by\b|in\b|on\b|day\b|time\b)[a-z]", after)) and not (
                _TIME_IN_RAW.search(mention.raw)):  # "an hour and a half" may be a duration
        return True  # "one person died" is a figure; "one of", "one day" are not
    if re.search(rf"{_MONTH.pattern}\s*$", before) or re.match(rf"\s*(?:of\s+)?{_MONTH.pattern}",
                                                                after):
        return not mention.currency and mention.kind != "percent"
    if before.endswith(":") or after.startswith(":"):
        return True  # 2:02:16
    if re.search(r"[A-Z][\w’']*,\s*$", before) and re.match(r"\s*,", after) and mention.value < 120:
        return True  # "Okafor, 24, has signed"
    if re.search(r"[A-Za-z]-$", before) or (re.search(r"\b[A-Z][A-Za-z]+\s$", before) and
                                            not mention.currency and mention.value < 100 and
                                            re.match(r"\s*(?:[.,;]|and\b|$)", after)):
        return True  # GPT-4, GPT 3.5
    if _TOTAL_BEFORE.search(before[-40:]) or re.search(r"\b(?:one|1)\s+in\s+$", before,
                                                       re.IGNORECASE):
        return True  # "one in five pharmacies" is a share, not five pharmacies
    if re.search(r"\bthe\s+$", before) and mention.value < 100 and not mention.currency and not (
            _TIME_COMPOUND.match(after) or _LENGTH_COMPOUND.match(after)) and not cited(
                text, mention, mention.end):
        return True  # "the four seats elected abroad": a description, not a claim; but "the
        # six-day shutdown" says how long it lasted
    if _PARTITIVE.match(after) and mention.kind != "percent" and not part_of_things(
            text, mention.end) and people_part(text, mention) is None or re.search(
                r"\bof\s+(?:which|whom|them|those)\s+$", before):
        return True  # "Two of the injured were children", "of which 37": a subset; but "41%
        # of the workers" is a share (``summarize.digest.shares``), and "six of them
        # seriously" a toll of its own (``people_part``)
    if _AGE_BEFORE.search(before[-30:]) and mention.value < 120 and not mention.currency and (
            mention.kind != "percent"):
        return True  # "people under 25", "children aged five": an age, not a count
    if re.search(r"\bafter\s*$", before) and _CHANGE_TO_LEVEL.search(before[-90:]) or (
            _MOVED_FROM.search(before[-160:])):
        return True  # "has risen to seven after two injured people died", "raising the
        # toll from nine after tests confirmed two deaths": the increment
    return False


def _written_money(text: str, mention: NumberMention, last: NumberMention, unit: str | None,
                   unit_end: int) -> tuple[str, int, bool] | None:
    """A currency the number reader left: an ISO code before the number ("ISK 398 billion")
    or a currency written out after it ("8.2 billion zlotys"), as ``(code, end offset,
    written before)``."""
    if last.currency or mention.currency or "percent" in (mention.kind, last.kind):
        return None
    before = code_before(text, mention.start)
    if before:
        return before, unit_end, True
    after = None if unit else written_currency(text, last.end, last.value)
    return (after[0], after[1], False) if after else None


#: A subset of a group named elsewhere ("two of the injured"); "89 of the 230 seats", where
#: a number follows, is a count out of a total and stays.
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|these|them|whom|which|its|their)\b(?!\s+[\d€$£])",
                        re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|ages?|people|persons|children|adults|those|men|women|"
                         r"anyone|girls|boys)\s+(?:under|over|above|below|between|of|from)?"
                         r"\s*$", re.IGNORECASE)
_CHANGE_TO_LEVEL = re.compile(r"\b(?:rose|risen|rises|climbed|increased|jumped|grew|reached|"
                              r"fell|dropped)\s+to\s+\S+[^.;:]*$", re.IGNORECASE)
#: A count moved to a new level from an old one ("raising the official toll from nine"): a
#: count in an "after" clause that follows is what moved it, not a level.
_MOVED_FROM = re.compile(r"\b(?:rais|lift|bring|brought|push|tak|took|increas)[a-z]*\s+(?:the\s+|"
                         r"its\s+|their\s+)?(?:[a-z]+\s+){0,2}?(?:toll|total|tally|count|number)"
                         r"\s+(?:of\s+[a-z]+\s+)?(?:to\s+\S+\s+)?from\s+\S+\s+after\b[^.;:]*$",
                         re.IGNORECASE)


_CONTRAST = re.compile(r"\b(?:while|whereas|but|against|versus|vs|compared\s+with|"
                       r"put\s+it|put\s+the\s+figure)\b", re.IGNORECASE)


def _ranges(text: str, mentions: list[NumberMention]) -> dict[int, int]:
    """Index of a range's first number → index of its second ("between 86 and 96")."""
    found: dict[int, int] = {}
    for i in range(len(mentions) - 1):
        first, second = mentions[i], mentions[i + 1]
        gap = text[first.end:second.start]
        between = re.search(r"between\s*" + SIGN + r"?$",
                            text[max(0, first.start - 12):first.start], re.IGNORECASE)
        to = re.fullmatch(r"\s*to\s*" + SIGN + r"?", gap) and re.search(
            r"from\s*" + SIGN + r"?$", text[:first.start]) is None
        if re.fullmatch(r"\s*(?:-|–|or)\s*" + SIGN + r"?", gap) or (
                between and re.fullmatch(r"\s*and\s*" + SIGN + r"?", gap)) or to:
            if i not in found.values():
                found[i] = i + 1
    return found


#: A percentage right after a name and a verb of standing ("the CDU was on 31.5 percent",
#: "the AfD got 17.6%", "the Free Democrats, at 4.5 percent", "the SPD 28.1 percent").
_NAMED_SHARE = re.compile(r"\b[A-Z][\w’'+-]*,?\s+(?:(?:was|is|were|are|came|finished|ended|"
                          r"stood|fell|rose|dropped|climbed|slipped|jumped|first|second|third|"
                          r"fourth|fifth|last|up|down|back|on|with|at|to|got|gets|took|takes|"
                          r"won|wins|received|polled|scored|had|has)\s+){0,4}$")


def read_figures(text: str, share_of: str | None = None) -> list[Figure]:
    """The figures of an English sentence, in text order (see the module docstring).

    A sentence is read once however often it is asked for (the digest and the brief both read
    it): the reading depends on the text alone, so it is kept for the most recent sentences.

    Args:
        text: The sentence.
        share_of: The measure of a bare percentage right after a name in this article, if
            any (an election report's "the CDU was on 31.5 percent" is a vote share).
    """
    return list(_read_figures(text, share_of))


@lru_cache(maxsize=4096)
def _read_figures(text: str, share_of: str | None) -> tuple[Figure, ...]:
    every = _with_single_units(text, with_fractions(text, english_mentions(text)))
    votes = motion_votes(text, every)
    mentions = [m for m in every if not _skip(text, m) and m.start not in votes]
    spans = clauses(text)
    ranges = _ranges(text, mentions)
    taken: set[int] = set()
    figures: list[Figure] = []
    seen: dict[str, Measure] = {}  # the measures of this sentence's figures, by name
    for i, mention in enumerate(mentions):
        if i in taken:
            continue
        last = mentions[ranges[i]] if i in ranges else mention
        if i in ranges:
            taken.add(ranges[i])
        before = text[max(0, mention.start - LOOK):mention.start]
        after = text[last.end:last.end + LOOK]
        departure = read_departure(text, clause_of(spans, mention.start), mention, *(
            (figures[-1].measure, figures[-1].end) if figures else (None, None)))
        if departure is not None:  # "rainfall was 38% below normal": how far from normal
            figures.append(_signed_figure(text, spans, mention, before, departure))
            seen[departure.measure] = changed(departure.measure)
            continue
        if (_DIFFERENCE_AFTER.match(after) and not _TIME_BEHIND.match(after)) or (
                _POINTS_AFTER.match(after)):
            moved = _change_figure(text, spans, mention, before, figures)
            if moved is not None:  # "closed 3.8% lower": a change of its own
                figures.append(moved)
                seen[moved.measure] = changed(moved.measure)
            continue
        aged = AGED.match(text, last.end)
        if aged is not None:  # "a 19-year-old packer": an age, never a count of anything
            figures.append(_age_figure(text, spans, mention, aged))
            continue
        unit, implied, unit_end = unit_after(text, last.end)
        if implied in IMPLIED_ONLY_WITH and not IMPLIED_ONLY_WITH[implied][0].search(text):
            implied = IMPLIED_ONLY_WITH[implied][1]  # 1,800 hectares of vines: no fire
        money = last.currency or mention.currency
        written = _written_money(text, mention, last, unit, unit_end)
        before_code = None
        if written is not None:  # "8.2 billion zlotys", "ISK 398 billion"
            money, unit_end, ahead = written
            before_code = money if ahead else None
            mention, last = replace(mention, currency=money), replace(last, currency=money)
        noun, noun_end = (None, unit_end) if money or "percent" in (mention.kind, last.kind) else (
            counted_noun(text, unit_end))
        if _SINGLE_UNIT.fullmatch(last.raw):
            noun, noun_end = None, unit_end  # "an hour before crews arrived": no crews counted
        if noun in TIME_UNITS or (noun is None and _TIME_IN_RAW.search(last.raw)):
            # "lasted nine hours", "an hour and a half": a duration, a figure only when its
            # own words say what lasted
            lasted = _duration_figure(text, spans, mentions, i, last, before, noun, noun_end)
            if lasted is not None:
                figure, used = lasted
                taken |= used
                figures.append(figure)
            continue
        people = PEOPLE.get(noun or "")
        if noun is None:
            counted = re.search(r"\bnumber\s+of\s+([a-z]+)", text[spans_start(spans, mention):
                                                                  mention.start])
            if counted and counted.group(1) in PEOPLE:
                people = PEOPLE[counted.group(1)]
        if unit is None:
            unit = last.currency or mention.currency or (
                "%" if "percent" in (mention.kind, last.kind) else people)
        kind = _value_kind(last if last.currency else mention, unit)
        if unit == "people":
            unit = None  # counting people is the default count
        clause = clause_of(spans, mention.start)
        part = people_part(text, mention) if kind == COUNT else None
        if part is not None:
            noun, noun_end = None, unit_end  # "of the injured" names the whole, not the part
        measure = part or _measure(text, clause, mention, kind, noun, people, implied, unit)
        dimension = None if part else dimension_measure(text, mention.start, last.end, unit,
                                                        unit_end)
        if dimension is not None:  # "a crack 14 centimetres long", "the 55-metre tower"
            measure = dimension
        refined = None if part or dimension else refine(
            text, clause, mention.start, max(unit_end, last.end),
            measure.name if measure else None, kind == MONEY, kind == PERCENT)
        idiom = refined is not None and (measure is None or refined != measure.name)
        if refined is not None and idiom:
            measure = vocabulary().by_name[refined]
        named = _counted_before(text, mention, last, i in ranges) if (
            measure is None and kind == COUNT and noun is None and part is None) else None
        if named is not None:  # "raised the number of inmates who escaped to 16"
            measure = named
        near = idiom or part is not None or dimension is not None or named is not None or (
            measure is not None and _named_near(text, clause, mention, kind, measure, noun,
                                                implied))
        previous = figures[-1] if figures else None
        restated = cited(text, mention, max(unit_end, last.end)) if previous is not None and (
            previous.unit == unit) else None
        earlier = (bool(_EARLIER.search(before[-50:])) or restated == "earlier") and (
            previous is not None) and noun is None and previous.unit == unit
        if (measure is None and share_of is not None and kind == PERCENT and not earlier
                and _NAMED_SHARE.search(text[clause[0]:mention.start])):
            measure, near = vocabulary().by_name[share_of], False  # named by the article
        if measure is None and previous is not None and (earlier or restated or _CONTRAST.search(
                text[previous.end:mention.start])) and previous.unit == unit and not (
                    is_share(previous.measure)):  # a share is read only from its own words
            measure = seen[previous.measure]
        if measure is not None and unit is not None and unit in LENGTH_UNITS | QUANTITY_UNITS and (
                measure.name in _OTHER_UNITS):
            measure = None  # "the maximum draft … to 44.5 feet" is no temperature
        if measure is None:
            # "41% of buyers were first-time buyers": a share, when no verb before it says
            # more ("lost 2.9% of their ice"); but what is at 17.8% of its capacity is a level
            share = share_measure(text, clause[0], mention.start, last.end) if (
                kind == PERCENT) else None
            measure = share if share is not None and is_level(share.name) else open_measure(
                text, mention.start, noun_end if noun else max(unit_end, last.end), noun,
                kind) or (quantity_measure(text, unit, unit_end) if kind == UNIT else None) or (
                share)
            near = measure is not None
        change = bool(_CHANGE_BEFORE.search(before[-30:])) and not earlier
        if change and (measure is None or measure.name not in RATES_OF_CHANGE) and not (
                _LEVEL_VERB.search(before[-6:])):
            moved = _change_figure(text, spans, mention, before, figures)
            if moved is not None:  # "rents rose 14%": the change in rents
                figures.append(moved)
                seen[moved.measure] = changed(moved.measure)
            continue
        if measure is not None and measure.name in TOLLS and (ANIMALS.match(
                text, last.end) or _ANIMAL_TOLL_BEFORE.search(text, clause[0], mention.start)):
            # "killed 300 cattle": no deaths of people; a toll of animals of its own
            toll = ANIMAL_TOLLS.get(measure.name)
            measure = vocabulary().by_name[toll] if toll else None
        if measure is None:
            continue
        seen[measure.name] = measure
        written_at = code_start(text, mention.start) if before_code else mention.start
        bound = "range" if i in ranges else bound_of(text[max(0, written_at - LOOK):written_at])
        if bound == "exact" and is_fraction(mention):
            bound = "approx"  # "a third of the reefs" is a round share
        upper = last.value if i in ranges else None
        conversions, conversion_end = stated_conversions(text, last, mentions[i + 1:])
        if conversions:
            taken.add(i + 1)
        start = bound_start(text, written_at) if bound not in {"exact", "range"} else (
            written_at)
        if bound == "range":
            between = re.search(r"between\s*" + SIGN + r"?$", text[:start], re.IGNORECASE)
            start = between.start() if between else start
        end = max(unit_end, last.end)
        if noun is not None and kind == COUNT and noun_end - end <= 40 and not (
                text[end:noun_end].count(",")):
            end = noun_end
        if mention.optional and measure.name not in TOLLS:
            continue  # "one person died" is a toll; "one home game" is not a figure
        shown = shown_figure(text, start, end, last)
        if restated == "other" and previous is not None and measure.name == previous.measure:
            clause = previous.clause  # "not the 47 counted by the canton": that figure's time
            # and scope, whatever its own clause says
        figures.append(Figure(measure.name, measure.kind, mention, shown, unit, bound, upper,
                              conversions, earlier, clause, start, max(end, conversion_end),
                              bare_rate(text, clause, measure.name), near))
    extra = [_named_age(text, spans, m) for m in every if m.kind == "plain"] + [
        _count_figure(text, spans, m, votes[m.start]) for m in every if m.start in votes]
    if any(extra):  # "Tomás Ibarra, 28, whose team said": the age of Tomás Ibarra
        figures = sorted([*figures, *(f for f in extra if f is not None)],
                         key=lambda f: f.mention.start)
    return tuple(figures)


def _counted_before(text: str, mention: NumberMention, last: NumberMention,
                    ranged: bool) -> Measure | None:
    """The measure of a count whose sentence names what it counts before it ("the number of
    inmates who escaped to 16"): the measure of "16 inmates who escaped" (``countof``)."""
    thing = None if ranged else counted_thing(text, mention.start)
    if thing is None:
        return None
    read = _read_figures(f"{last.raw} {thing}.", None)
    if not read or read[0].mention.start != 0 or read[0].earlier:
        return None
    return vocabulary().by_name.get(read[0].measure) or Measure(
        read[0].measure, read[0].kind, frozenset({COUNT}), ())


def _count_figure(text: str, spans: list[tuple[int, int]], mention: NumberMention,
                  name: str) -> Figure:
    """A count of ``name`` read by a rule of its own (votes of a motion). Its subject is what
    its sentence names, as any count's: a vote, once cast, is one count however many days
    later it is reported (not an event's toll, which grows)."""
    measure = named_measure(name, COUNT)
    return Figure(measure.name, measure.kind, mention, mention.raw, None, bound_of(
        text[max(0, mention.start - LOOK):mention.start]), None, (), False,
        clause_of(spans, mention.start), mention.start, mention.end, False, True)


#: One unit of time written with its article ("at least a week", "well over an hour", "have
#: a month to"): a duration of one, a figure only when its words say what lasted.
_SINGLE_UNIT = re.compile(rf"\b(?:an?|one)\s+(?:{TIME_WORD.replace('s?', '')})\b(?![-'’])",
                          re.IGNORECASE)


def _with_single_units(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """``mentions`` with each single unit of time the number reader leaves ("a week") as a
    mention of one; one it read ("one day") stays as it is."""
    starts = [n.start for n in mentions]  # the reader's mentions are in text order
    found = []
    for m in _SINGLE_UNIT.finditer(text):
        k = bisect.bisect_left(starts, m.end())  # the mentions starting before this one ends
        if k == 0 or mentions[k - 1].end <= m.start():  # (one lookup: linear in the text)
            found.append(NumberMention(value=1.0, kind="plain", raw=m.group(0), start=m.start(),
                                       end=m.end(), currency=None, decimals=0, optional=True,
                                       scale=1.0))
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _age_figure(text: str, spans: list[tuple[int, int]], mention: NumberMention,
                aged: re.Match[str]) -> Figure:
    """An age glued to its number as a figure of its own (``ages.glued_age``)."""
    name, end = glued_age(text, mention, aged)
    measure = named_measure(name, UNIT)
    return Figure(measure.name, measure.kind, mention, text[mention.start:end].strip(), "yr",
                  bound_of(text[max(0, mention.start - LOOK):mention.start]), None, (), False,
                  clause_of(spans, mention.start), mention.start, end, False, True)


def _named_age(text: str, spans: list[tuple[int, int]], mention: NumberMention
               ) -> Figure | None:
    """An age in commas after a name as a figure of that person (``ages.named_age``)."""
    person = named_age(text, mention)
    if person is None:
        return None
    measure = named_measure(f"age of {person}", UNIT)
    return Figure(measure.name, measure.kind, mention, mention.raw, "yr", "exact", None, (),
                  False, clause_of(spans, mention.start), mention.start, mention.end, False,
                  True)


#: "18 months behind the plan" is a delay, not a difference of 18.
_TIME_BEHIND = re.compile(rf"\s*{TIME_WORD}\s+(?:behind|ahead|short)\b", re.IGNORECASE)
_TIME_COMPOUND = re.compile(rf"-{TIME_WORD}\b", re.IGNORECASE)
#: A length glued to its number ("the 55-metre tower"): a dimension, not a description.
_LENGTH_COMPOUND = re.compile(r"\s*-\s*(?:km|kilomet(?:re|er)|met(?:re|er)|cm|centimet(?:re|er)|"
                              r"mile|foot|inch)\b", re.IGNORECASE)
_TIME_IN_RAW = re.compile(rf"\b{TIME_WORD}\b", re.IGNORECASE)


def _duration_figure(text: str, spans: list[tuple[int, int]], mentions: list[NumberMention],
                     i: int, last: NumberMention, before: str, noun: str | None,
                     noun_end: int) -> tuple[Figure, set[int]] | None:
    """A duration whose own words say what lasted (``summarize.digest.durations``), with the
    mentions it used ("two hours and 20 minutes" is one duration), or None."""
    mention = mentions[i]
    word = noun if noun is not None else _TIME_IN_RAW.findall(last.raw)[-1]
    unit = duration_unit(word)
    if unit is None or mention.currency or mention.kind == "percent":
        return None
    ranged = last is not mention
    bound = "range" if ranged else bound_of(before)
    start = bound_start(text, mention.start) if bound not in {"exact", "range"} else (
        mention.start)
    end = noun_end if noun is not None else last.end
    used: set[int] = set()
    value, upper = mention.value, last.value if ranged else None
    later = next((j for j in range(i + 1, len(mentions)) if mentions[j].start >= end), None)
    if later is not None and not ranged and re.fullmatch(r"\s*(?:,\s*)?and\s+",
                                                         text[end:mentions[later].start]):
        smaller, smaller_end = counted_noun(text, mentions[later].end)
        small = duration_unit(smaller or "")
        factor = DURATION_CONVERSIONS.get((small or "", unit)) if small else None
        if factor is not None:  # "two hours and 20 minutes": 140 minutes
            value, unit, end = value * factor + mentions[later].value, small or unit, smaller_end
            used.add(later)
    lasted = what_lasted(text, start, end)
    if lasted is None:
        return None
    measure = duration_measure(lasted)
    if value != mention.value:
        mention = replace(mention, value=value, decimals=0)
    shown = text[start:end].strip(" ,;")
    clause = clause_of(spans, mention.start)
    return Figure(measure.name, measure.kind, mention, shown, unit, bound, upper, (), False,
                  clause, start, end), used


def _change_figure(text: str, spans: list[tuple[int, int]], mention: NumberMention,
                   before: str, figures: list[Figure]) -> Figure | None:
    """A relative change as a figure of its own, signed by its direction
    (``summarize.digest.changes``), or None."""
    previous = figures[-1] if figures else None
    clause = clause_of(spans, mention.start)
    moved = read_change(text, clause, mention, previous.measure if previous else None,
                        previous.end if previous else None)
    return None if moved is None else _signed_figure(text, spans, mention, before, moved)


def _signed_figure(text: str, spans: list[tuple[int, int]], mention: NumberMention,
                   before: str, moved: Change) -> Figure:
    """The figure of a signed change (a fall, or a shortfall from normal, is negative)."""
    sign = "up" if moved.sign > 0 else "down"
    return Figure(moved.measure, "entity", replace(mention, value=moved.sign * mention.value),
                  f"{sign} {mention.raw}%", "%", bound_of(before), None, (), False,
                  clause_of(spans, mention.start), mention.start, moved.end, False, True)


def _named_near(text: str, clause: tuple[int, int], mention: NumberMention, kind: str,
                measure: Measure, noun: str | None, implied: str | None) -> bool:
    """Whether the figure's own words name its measure: the noun it counts, its unit, a
    measure word within :data:`NEAR` words ("a crowd of 25,572", "killed 31 people"), or the
    subject of the verb that gives it ("Attendance at this year's championships reached
    515,000"); not a word farther along its clause ("beating Lyon 3-1 … in front of a crowd
    of 25,572")."""
    if implied == measure.name or (noun and any(
            m.name == measure.name for m in vocabulary().counted(noun))):
        return True
    if any(d <= NEAR and m.name == measure.name
           for d, m in measure_words(text, clause, mention, kind)):
        return True
    if not _LEVEL_VERB.search(text[max(0, mention.start - 14):mention.start]):
        return False
    opening = measure_words(text, (clause[0], mention.start), mention, kind)
    return bool(opening) and opening[0][1].name == measure.name and opening[0][0] <= WINDOW


#: Units whose implied measure is only one of their common uses (millimetres of rain and of a
#: crack, hectares burned and farmed, km/h and knots of wind and of a train or a ship): the
#: implied measure holds only when no other word governs the figure.
SHARED_UNITS = frozenset({"mm", "ha", "acres", "km/h", "mph", "knots"})


_CANCELLED = re.compile(r"\b(?:cancel\w*|scrap\w*|axed|grounded)\b", re.IGNORECASE)
_DIVERTED = re.compile(r"\bdivert\w*|\bdiversions?\b", re.IGNORECASE)


def _flights(text: str, clause: tuple[int, int], measure: Measure) -> Measure | None:
    """A count of flights is of flights cancelled only when its clause says so: "31 flights
    had been diverted" are flights diverted, and "disrupted 140 flights" is neither (the open
    measure reads it)."""
    if measure.name != "flights cancelled" or _CANCELLED.search(text[clause[0]:clause[1]]):
        return measure
    if _DIVERTED.search(text[clause[0]:clause[1]]):
        return vocabulary().by_name["flights diverted"]
    return None


_SOLD = re.compile(r"\b(?:sold|sells?|selling|sales|deliver\w*|shipp?\w*|orders?|ordered)\b",
                   re.IGNORECASE)


def _counted_measure(text: str, clause: tuple[int, int], measure: Measure,
                     noun: str) -> Measure | None:
    """The measure a counted noun implies, where its clause allows it: flights (``_flights``),
    and bare "units" are units sold only in a clause of selling or delivering ("1,600 units of
    blood a day" is no sale: the open measure reads it)."""
    if measure.name == "units sold" and noun in {"unit", "units"} and not _SOLD.search(
            text[clause[0]:clause[1]]):
        return None
    if measure.name == "vaccine doses":  # doses bought are not doses given
        for pattern, name in _DOSES:
            if pattern.search(text[clause[0]:clause[1]]):
                return _event_measure(name)
    return _flights(text, clause, measure)


#: Doses bought, not given ("the ministry has bought 2.5 million doses" against "applied about
#: 380,000 doses"); doses received are the stock that is given, and stay doses.
_DOSES = ((re.compile(r"\b(?:bought|buy|buys|buying|purchased|purchases?|ordered|orders?|"
                      r"procured)\b", re.IGNORECASE), "vaccine doses bought"),)


@cache
def _event_measure(name: str) -> Measure:
    """A count about an event that the vocabulary names no word for (one object per name)."""
    return Measure(name, "event", frozenset({COUNT}), ())


def _measure(text: str, clause: tuple[int, int], mention: NumberMention, kind: str,
             noun: str | None, people: str | None, implied: str | None,
             unit: str | None = None) -> Measure | None:
    table = vocabulary()
    governing = re.search(r"\b([a-z]+ed)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|another\s+|"
                          r"a\s+further\s+|more\s+than\s+|at\s+least\s+)?$",
                          text[max(0, mention.start - LOOK):mention.start])
    if noun and governing and governing.group(1) in ACTING_VERBS:
        return None  # "banned 22 fans": what was done to them is no measure of ours
    if noun == "voters" and _REGISTERED.match(text, mention.end):
        return table.by_name["registered voters"]  # "7.1 million registered voters"
    if noun and _JOBS_LOST.match(text, mention.end) and any(
            m.name == "staff" for m in table.counted(noun)):
        return table.by_name["job cuts"]  # "About 2,500 staff will lose their jobs"
    if noun and not people:
        toll = _TOLL_VERB_BEFORE.search(text[max(0, mention.start - 40):mention.start])
        if toll and any(m.name == "staff" for m in table.counted(noun)):
            # "the blast killed 14 workers": a toll of workers, not a workforce of 14
            tolls = [m for d, m in measure_words(text, clause, mention, kind)
                     if d <= 2 and m.name in TOLLS]
            if tolls:
                return tolls[0]
        for measure in table.counted(noun):
            if fits(measure, kind):
                return _counted_measure(text, clause, measure, noun)
    candidates = measure_words(text, clause, mention, kind)
    near = [m for d, m in candidates if d <= WINDOW]
    if (noun and not people and not noun.endswith("ss") and noun not in TIME_UNITS
            and not table.counted(noun)):
        # It counts something the vocabulary does not know ("34 league games"): only measures
        # of any goods may apply ("sold 9,000 robots").
        near = [m for m in near if m.name in ANY_GOODS]
        return near[0] if near else None
    if _LEVEL_VERB.search(text[max(0, mention.start - 14):mention.start]):
        opening = measure_words(text, (clause[0], mention.start), mention, kind)
        if opening and opening[0][0] <= WINDOW:
            return opening[0][1]
    if people and near:  # "715,000 customers had lost electricity": the verb says what
        own = table.counted(noun or "")
        return next((m for m in near if m not in own), near[0])
    if implied is not None and implied in table.by_name:
        head = governing_word(text, mention.start) if unit in SHARED_UNITS else None
        if head is None or stem(head) in table.words:
            return table.by_name[implied]
        return None  # "hairline cracks of 0.3 mm" are no rainfall: the open measure reads it
    if near:
        return near[0]
    if _LEVEL_VERB.search(text[max(0, mention.start - 12):mention.start]):
        subjects = [m for _, m in sorted(measure_words(text, (0, mention.start), mention, kind),
                                         key=lambda pair: -pair[0])]
        if subjects:
            return subjects[0]
    if people and not near:  # "31 people, including civilians, were killed": past an aside
        following = re.match(r"[^.;:]*", text[clause[1]:])
        if following is not None and re.match(r"\s*,?\s*(?:including|among\s+them|mostly)\b",
                                              text[clause[1]:]):
            tail = (clause[1], clause[1] + following.end())
            ahead = [m for d, m in measure_words(text, tail, mention, kind) if d <= WINDOW]
            if ahead:
                return ahead[0]
    if people == "participants":
        return table.by_name["participants"]
    return None


