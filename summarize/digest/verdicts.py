"""Verdicts between claims of different documents: same fact, disagreement, update, or not
comparable. Pure: two :class:`~summarize.records.Claim` records in, a verdict (or None) out.

Claims are compared only when they measure the same thing (same measure and, for counts of
people, the same class: deaths of children are not deaths of people) about the same subject
(:func:`related`). Then, in this order:

1. **update**, when the events differ: one is a total to date (``cumulative``) or a previous
   round and the other not, their series or places differ, or one is a forecast, a target or
   in talks and the other happened (unless the values agree: the forecast came true);
2. **update**, when both times are known and do not overlap (the death toll of Monday and of
   Wednesday; the valuation of 2023 and of now; "by Tuesday afternoon" and "by Tuesday
   evening"), unless the values agree and neither time is written in the sentence (the same
   figure reported on two days);
3. **not comparable**, when the units differ (currencies without a stated conversion, km/h
   and mph);
4. **same fact**, when the values agree: equal, or one the rounding of the other
   (``summarize.numbers.same_figure``: "€1.7 billion" = "1,700 million euros"; "at least 57"
   = "57");
5. **not comparable**, when a bound contains the other figure ("more than 300" and 310,
   "between 86 and 96" and 89), when a date is unknown (an undated document: it could be an
   update), when one figure's sentence is flagged as likely mistranslated, or when one names
   a narrower place than the other;
6. **disagreement** otherwise: same subject, measure, event and time, values that differ.

A figure that only its article ties to its subject is linked only when the values agree or the
times differ, or when two such figures are of one day (:func:`_same_day_story`). Two open
measures of one counted thing ("tankers", "hired tankers") are compared as one for figures of
one time, never for a timeline (:func:`_counted_alike`).

When in doubt the rules say less: an invented disagreement is worse than a missed one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from summarize.digest.ages import age_of
from summarize.digest.comparisons import qualifier_note, season_label
from summarize.digest.dimensions import same_thing
from summarize.digest.entities import same_subject, subject_key
from summarize.digest.events import EventSetting, other_named_event
from summarize.digest.measures import CONVERSIONS, vocabulary
from summarize.digest.periods import (
    REPORT_LAG,
    as_of,
    days_apart,
    granularity,
    same_occasion,
    times_overlap,
)
from summarize.digest.qualifiers import HARD_QUALIFIERS
from summarize.digest.relation import CLASSES, another_event, people_class, related
from summarize.digest.text import stem
from summarize.numbers import NumberMention, same_figure
from summarize.records import Claim, TimeRef, Verdict

#: An approximate figure ("about 20,000") covers values within this fraction of it.
APPROX = 0.05
#: Two figures further apart than this factor are not called a disagreement (a stadium's
#: crowd and a television audience, a daily count and a yearly one): shown side by side.
DISAGREEMENT_RATIO = 10
PROSPECTIVE = frozenset({"target", "in talks", "expected"})
#: Statuses of what has not happened yet: a plan against an outcome is an update ("will employ
#: 600 people" at a new plant, "has 850 employees").
UNSETTLED = PROSPECTIVE | {"planned"}
#: Rates over a period, whose value depends on the period's length (a quarter's growth is
#: not a year's).
PERIOD_RATES = frozenset({"growth"})


def _interval(claim: Claim, value: float) -> tuple[float, float]:
    if claim.bound == "min":
        return value, math.inf
    if claim.bound == "max":
        return -math.inf, value
    if claim.bound == "range" and claim.upper is not None:
        return value, claim.upper
    if claim.bound == "approx":
        return value * (1 - APPROX), value * (1 + APPROX)
    return value, value


def _mention(claim: Claim, value: float) -> NumberMention:
    text = claim.figure
    digits = next((part for part in text.replace("€", " ").replace("$", " ").split()
                   if any(ch.isdigit() for ch in part)), text)
    decimals = len(digits.split(".")[1]) if "." in digits and digits.count(".") == 1 else 0
    return NumberMention(value, "plain", digits, 0, 0, None, decimals)


def _values(claim: Claim, unit: str | None) -> list[float]:
    """The claim's value in ``unit``: its own, a stated conversion, or an exact unit change."""
    found = []
    counts = CLASSES | {None}
    if claim.unit == unit or (claim.unit in counts and unit in counts):
        found.append(claim.value)  # a count of children and one of people are both counts
    found += [value for value, other in claim.conversions if other == unit]
    if claim.unit is not None and unit is not None:
        if (unit, claim.unit) in CONVERSIONS:
            found.append(claim.value * CONVERSIONS[(unit, claim.unit)])
        if (claim.unit, unit) in CONVERSIONS:
            found.append(claim.value / CONVERSIONS[(claim.unit, unit)])
    return found


def _agree(a: Claim, b: Claim) -> bool | None:
    """True when the figures agree, False when they cannot both hold, None when a bound of
    one contains the other (compatible, not the same); raises KeyError on other units."""
    pairs = [(x, y) for x in _values(a, a.unit) for y in _values(b, a.unit)]
    pairs += [(x, y) for x in _values(a, b.unit) for y in _values(b, b.unit)]
    if not pairs:
        raise KeyError("units")
    if any(same_figure(_mention(a, x), _mention(b, y)) or math.isclose(x, y, rel_tol=1e-9)
           for x, y in pairs):
        return True
    for x, y in pairs:
        la, ha = _interval(a, x)
        lb, hb = _interval(b, y)
        if la <= hb and lb <= ha:
            # "about 3,000" and 3,100 agree; "more than 300" and 310 are only compatible.
            rounded = {a.bound, b.bound} <= {"approx", "exact"} and "approx" in (a.bound,
                                                                                 b.bound)
            return True if rounded else None
    return False


#: Qualifiers of seasonal adjustment (``summarize.digest.qualifiers``).
SEASONAL = frozenset({"seasonally adjusted", "unadjusted"})


def compatible(a: Claim, b: Claim) -> bool:
    """Whether two claims' figures can both hold: they agree, or a bound of one contains the
    other ("pass 200" and 212); False when their units cannot be compared."""
    try:
        return _agree(a, b) is not False
    except KeyError:
        return False


def _hard(claim: Claim) -> frozenset[str]:
    if claim.subject_kind == "event":  # a toll "so far" or "since Monday" is just a toll
        return frozenset(q for q in claim.qualifiers if q in HARD_QUALIFIERS - {"cumulative"})
    return frozenset(q for q in claim.qualifiers if q in HARD_QUALIFIERS)


def _series(claim: Claim) -> str | None:
    return next((q for q in claim.qualifiers if q.startswith("series ")), None)


def _places(claim: Claim) -> frozenset[str]:
    return frozenset(" ".join(subject_key(q[3:])) for q in claim.qualifiers if q.startswith("in:"))


def _soft(claim: Claim) -> frozenset[str]:
    return frozenset(q for q in claim.qualifiers
                     if not q.startswith(("in:", "series ", "by:", "window:", "group:", "part:",
                                          "scope:"))
                     and q not in HARD_QUALIFIERS and q not in {"new", "target", "definite"})


def _tagged(claim: Claim, prefix: str) -> frozenset[str]:
    return frozenset(q for q in claim.qualifiers if q.startswith(prefix))


def _same_forecaster(a: Claim, b: Claim) -> bool:
    """Whether two forecasts (or plans, targets) are one forecaster's."""
    by_a, by_b = _tagged(a, "by:"), _tagged(b, "by:")
    return bool(by_a and by_b) and any(
        same_subject(x[3:].split(), y[3:].split()) for x in by_a for y in by_b)


def compare(a: Claim, b: Claim, mentioned: Mapping[str, EventSetting] | None = None
            ) -> Verdict | None:
    """The verdict between two claims of different documents, or None when unrelated
    (``mentioned``: see :func:`related`)."""
    verdict = _compare(a, b, mentioned)
    if verdict is not None and verdict.kind == "update" and _apart(a, b):
        return None  # 2,140 arrivals in four days and 46,843 in a year: no timeline
    return verdict


def _in_one_unit(a: Claim, b: Claim) -> tuple[float, float]:
    """The two values in ``a``'s unit where one converts ("about 40 minutes" and "an hour and
    a half" are 40 and 90), else as written."""
    return next(((x, y) for x in _values(a, a.unit) for y in _values(b, a.unit)),
                (a.value, b.value))


def _apart(a: Claim, b: Claim) -> bool:
    """Whether two figures of one unit are too far apart to be one measure at two times:
    more than :data:`DISAGREEMENT_RATIO`-fold, unless one is a running total."""
    converts = (a.unit, b.unit) in CONVERSIONS or (b.unit, a.unit) in CONVERSIONS
    if (a.unit != b.unit and not converts) or "cumulative" in (*a.qualifiers, *b.qualifiers):
        return False
    low, high = sorted(abs(v) for v in _in_one_unit(a, b))
    return high > DISAGREEMENT_RATIO * low


def _compare(a: Claim, b: Claim, mentioned: Mapping[str, EventSetting] | None
             ) -> Verdict | None:
    if a.document == b.document:
        return None
    if not related(a, b, mentioned):
        if another_event(a, b, mentioned) and same_occasion(a, b) is False:
            return Verdict("update", (a.id, b.id), "another event of the same kind: "
                           + ", ".join(a.anchors) + " / " + ", ".join(b.anchors))
        return None
    ids = (a.id, b.id)
    units_differ = False
    agree: bool | None
    try:
        agree = _agree(a, b)
    except KeyError:
        units_differ, agree = True, False
    if agree is not True and "guess" in (a.subject_basis, b.subject_basis):
        return None  # the subject is a guess: only agreeing figures are linked
    if a.measure in PERIOD_RATES and agree is not True and granularity(a.time) != (
            granularity(b.time)):
        return None  # growth in a quarter and over a year are two measures
    if a.subject_kind == "place" and agree is not True and _year_against_shorter(a, b):
        return None  # "inflation will average 3.8% next year" is no update of May's 4.1%
    if any(_tagged(a, tag) != _tagged(b, tag) for tag in ("window:", "group:", "part:",
                                                         "scope:")):
        return None  # a count over the past day is not the total; youth unemployment is not
    if (a.status in PROSPECTIVE and b.status in PROSPECTIVE and agree is not True
            and not _same_forecaster(a, b)):
        return None  # two forecasters' forecasts (or two polls) differ: not a dispute
    if a.subject_kind == "event" and other_named_event(a.anchors, b.anchors):
        return Verdict("update", ids, "different events: " + ", ".join(a.anchors) + " / "
                       + ", ".join(b.anchors))
    if _hard(a) != _hard(b):
        return Verdict("update", ids, "different events: " + _describe(a) + " / "
                       + _describe(b))
    series_a, series_b = _series(a), _series(b)
    if series_a and series_b and series_a != series_b:
        return Verdict("update", ids, f"different rounds: {series_a} / {series_b}")
    places_a, places_b = _places(a), _places(b)
    if places_a and places_b and not places_a & places_b:
        return Verdict("update", ids, "different places: " + ", ".join(sorted(places_a))
                       + " / " + ", ".join(sorted(places_b)))
    prospective = (a.status in UNSETTLED) != (b.status in UNSETTLED) or (
        a.status in PROSPECTIVE) != (b.status in PROSPECTIVE) or (
        a.status == "target") != (b.status == "target")
    if prospective and agree is not True:
        return Verdict("update", ids, f"{a.status} / {b.status}")
    adjusted = {q for q in (*a.qualifiers, *b.qualifiers) if q in SEASONAL}
    if adjusted and set(a.qualifiers) & SEASONAL != set(b.qualifiers) & SEASONAL and (
            agree is not True):
        return Verdict("not_comparable", ids, "seasonally adjusted against unadjusted (or "
                       "unstated): not one measure")
    if _soft(a) != _soft(b) and agree is not True:
        what = "a revision" if "revised" in _soft(a) ^ _soft(b) else "different events"
        return Verdict("update", ids, f"{what}: {_describe(a)} / {_describe(b)}")
    overlap = same_occasion(a, b) if a.subject_kind == "event" else times_overlap(
        as_of(a.time), as_of(b.time))
    written = a.time.basis == "explicit" and b.time.basis == "explicit"
    # A toll "this month" and one on the 13th overlap but are not the same time; a deal "at
    # the start of the month" and the same deal on the 1st are.
    if a.subject_kind == "event":  # a running total "this year" is as of its report
        coarse = overlap is True and a.happened is not None and b.happened is not None and (
            granularity(a.happened) != granularity(b.happened))
    else:
        coarse = overlap is True and a.subject_kind == "place" and (
            granularity(a.time) != granularity(b.time)) and "before" not in (
            a.time.basis, b.time.basis)
    if overlap is True and len({(x.happened or x.time).granularity == "season"
                                for x in (a, b)}) == 2:
        coarse = True  # "last spring", whose months the hemisphere decides, against a day
    parts = _part_of_day(a.time), _part_of_day(b.time)
    if None not in parts and parts[0] != parts[1] and a.time.start == b.time.start and (
            agree is not True):  # "by Tuesday afternoon" and "by Tuesday evening"
        return Verdict("update", ids, f"different times of one day: {a.time.text} / "
                       f"{b.time.text}")
    if overlap is False and not (agree is True and not written):
        return Verdict("update", ids, _different_times(a, b))
    if agree is not True and "document" in (a.subject_basis, b.subject_basis) and (
            a.subject_kind == "entity") and not _same_day_story(a, b):
        return None  # nothing in the sentence ties the figure to its subject: say less
    classes = {people_class(a), people_class(b)}
    if len(classes) > 1 and "people" not in classes and agree is not True:
        return None  # "seven children" and "nine" deaths may both be right
    if units_differ:
        return Verdict("not_comparable", ids, f"different units: {a.unit or 'count'} / "
                       f"{b.unit or 'count'}, no conversion stated")
    if agree is True:
        return Verdict("same_fact", ids, "the figures agree")
    if agree is None:
        return Verdict("not_comparable", ids, "a bound or range that contains the other "
                                              "figure")
    if overlap is None:
        return Verdict("not_comparable", ids, "a date is unknown (no publication date): "
                                              "this may be an update")
    if coarse:
        return Verdict("not_comparable", ids, f"times of different precision "
                       f"({_when(a.time)} / {_when(b.time)}): this may be an update")
    if a.flags or b.flags:
        codes = ", ".join(sorted(set(a.flags) | set(b.flags)))
        return Verdict("not_comparable", ids, f"a sentence is flagged ({codes}): check the "
                                              "translation first")
    # A place the other article is about is no narrower than its figure ("Eleven patients are
    # in intensive care in Thessaloniki hospitals" against an outbreak article about
    # Thessaloniki, "flights cancelled at Baghdad International" against the airport's own)
    narrower_a = places_a - set(b.anchors)
    narrower_b = places_b - set(a.anchors)
    if narrower_a != narrower_b:
        as_written = {" ".join(subject_key(q[3:])): q[3:] for c in (a, b) for q in c.qualifiers
                   if q.startswith("in:")}  # the place as written, not its key
        return Verdict("not_comparable", ids, "one figure is for a narrower place: "
                       + ", ".join(sorted(as_written.get(k, k) for k in narrower_a | narrower_b)))
    if not (a.measure_near and b.measure_near):
        return Verdict("not_comparable", ids, "what a figure measures is inferred from words "
                                              "farther away: check both sentences")
    day_a, day_b = _report_day(a), _report_day(b)
    if _same_source(a, b) and day_a and day_b and day_a != day_b:
        named = f"{a.source}: " if a.source and b.source else ""
        return Verdict("update", ids, f"the same source on another day ({named}"
                       f"{a.attribution} / {b.attribution}): a revision, not two sources that "
                       "disagree")
    apart = days_apart(day_a, day_b)
    if apart is not None and apart >= REPORT_LAG and a.subject_kind != "event" and (
            age_of(a.measure) is None):  # an age holds for a year
        # A figure dated only by its report may be REPORT_LAG days old: two reports that far
        # apart are one time only at the edge of that window, which nothing in them says
        return Verdict("not_comparable", ids, f"reported {apart} days apart with no date of "
                       "their own: this may be an update")
    low, high = sorted(abs(v) for v in _in_one_unit(a, b))
    if high > DISAGREEMENT_RATIO * low:
        return Verdict("not_comparable", ids, f"the figures differ more than "
                       f"{DISAGREEMENT_RATIO}-fold: probably not one measure")
    return Verdict("disagreement", ids, "same subject, measure, event and time; the values "
                                        "differ")


_SOURCE_END = re.compile(r"\s+(?:said|says|say|told|reported|reports|estimated|estimates|added|"
                         r"confirmed|announced|put|puts|measured|showed|shows|stated|wrote|"
                         r"believes|expects|forecast|forecasts)\b.*$", re.IGNORECASE)


def source_key(attribution: str | None) -> tuple[str, frozenset[str]] | None:
    """Who says a figure: the head word of the source and the words before it. "the ministry
    estimated" → (``ministry``, {}); "the Ministry of Tourism and Sports said on Wednesday" →
    (``ministry``, {}); "the interior ministry said" → (``ministry``, {``interior``})."""
    if not attribution:
        return None
    phrase = re.sub(r"^\W*(?:according\s+to\s+)?", "", attribution, flags=re.IGNORECASE)
    phrase = _SOURCE_END.sub("", phrase)
    phrase = re.split(r"\s+of\s+|,", phrase, maxsplit=1)[0]
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", phrase)]
    words = [w for w in words if w not in {"the", "a", "an", "its", "their"}]
    return (words[-1], frozenset(words[:-1])) if words else None


#: Words before a counted noun that make it a part of a workforce or fleet ("450 permanent
#: staff" are not all the 1,100 people a site employs).
_KIND_OF_COUNT = frozenset("""permanent temporary seasonal casual full-time part-time direct
indirect contract local foreign new additional extra more""".split())


_MORE_THAN = re.compile(r"\bmore\s+than\b")


def _same_day_story(a: Claim, b: Claim) -> bool:
    """Whether two figures that only their articles tie to the subject may still disagree:
    both subjects from the articles (a sentence's own name, as in "small firms lost C$1.1
    billion" beside Canada Post's own loss, takes it out), both reports of one day with no
    date of their own (dated by their documents or by their sources' "said on Tuesday"), what
    each measures named next to it, no word that makes one count a part of the other, neither
    a range more than twofold wide (a spread of many values, "$45,000 to $160,000" for guided
    climbs, against a permit's $15,000), and neither a set the article names as known ("The
    10 franchises spent", qualifier ``definite``)."""
    if not {a.subject_basis, b.subject_basis} <= {"document", "pronoun"}:
        return False
    if not ({a.time.basis, b.time.basis} <= {"document", "reported"} and (
            a.time.start == b.time.start)):
        return False
    kinds = [{w for w in re.findall(r"[a-z-]+", _MORE_THAN.sub("", c.figure.lower()))
              if w in _KIND_OF_COUNT} for c in (a, b)]  # "more staff", not "more than 60 km"
    spread = any(c.bound == "range" and c.upper is not None and c.value > 0 and (
        c.upper > 2 * c.value) for c in (a, b))
    definite = "definite" in a.qualifiers or "definite" in b.qualifiers  # "The 10 franchises
    # spent …" is the whole league; "four franchises had bid for him" some of it
    return a.measure_near and b.measure_near and kinds[0] == kinds[1] and not spread and (
        not definite)


#: Parts of the day a time may name, by the part they are ("noon" is midday).
_PARTS_OF_DAY = {"morning": "morning", "midday": "midday", "noon": "midday",
                 "afternoon": "afternoon", "evening": "evening", "night": "night",
                 "tonight": "night", "overnight": "night"}


def _part_of_day(time: TimeRef) -> str | None:
    """The part of the day a time names ("by Tuesday evening": evening), or None."""
    found = re.search(r"\b(" + "|".join(_PARTS_OF_DAY) + r")\b", time.text or "", re.IGNORECASE)
    return _PARTS_OF_DAY[found.group(1).lower()] if found else None


def _counted_alike(a: str, b: str) -> bool:
    """Whether two open measures count one thing: one of them by the bare noun and the other
    with the word that governs it ("tankers" and "hired tankers", "suspects" and "arrested
    suspects"), or by one word in two forms ("weighed" and "weighing", "covers" and
    "covered"). One measure for figures of one time, though not for a timeline, where
    "trains" and "cancelled trains" would read as one count that changed."""
    names = vocabulary().by_name
    if a == b or a in names or b in names:
        return False
    short, long = sorted((a, b), key=len)
    if " " not in short and short.endswith("s") and long.endswith(" " + short):
        return True
    words_a, words_b = a.split(), b.split()
    return len(words_a) == len(words_b) and [stem(w) for w in words_a] == [
        stem(w) for w in words_b]


def _report_day(claim: Claim) -> str | None:
    """The day a figure was reported, when that is all that dates it (its source's "said on
    Friday", or its document's date); None when its sentence dates the figure itself."""
    if claim.reported is not None:
        return claim.reported.start
    return claim.time.start if claim.time.basis in {"document", "reported"} else None


def _same_source(a: Claim, b: Claim) -> bool:
    """Whether both figures are given by one source: the same head word, and no two different
    words before it ("the ministry" and "the Ministry of Tourism" are one; "the interior
    ministry" and "the health ministry" are two)."""
    if a.source and b.source:  # both named: "Its forecasters" are the department's
        return same_subject(subject_key(a.source), subject_key(b.source))
    key_a, key_b = source_key(a.attribution), source_key(b.attribution)
    if key_a is None or key_b is None or key_a[0] != key_b[0]:
        return False
    return not (key_a[1] and key_b[1]) or key_a[1] == key_b[1]


def _revised(a: Claim, b: Claim, earlier: Mapping[tuple[str, str], Sequence[Claim]]
             ) -> Verdict | None:
    """An update, when one figure's own sentence says it replaced the other's ("cut the
    quota to 150,000 animals from 200,000" against another article's 200,000): the article
    explains the difference as a change, so it is no disagreement."""
    for x, y in ((a, b), (b, a)):
        for before in earlier.get((x.sentence, x.measure), ()):
            if before.id != x.id and before.unit == y.unit and _agrees(before, y):
                return Verdict("update", (a.id, b.id), f"revised: {x.figure} replaced "
                               f"{before.figure}, the figure of the other report")
    return None


def _agrees(a: Claim, b: Claim) -> bool:
    try:
        return _agree(a, b) is True
    except KeyError:
        return False


def _year_against_shorter(a: Claim, b: Claim) -> bool:
    """A forecast for a whole year against a reading for a month or a quarter."""
    for x, y in ((a, b), (b, a)):
        if x.status in PROSPECTIVE and granularity(x.time) == "year" and granularity(
                y.time) in {"month", "quarter"}:
            return True
    return False


def _describe(claim: Claim) -> str:
    """A claim's qualifiers as a reason shows them: in words, without the internal key of who
    holds a forecast (``by:…``)."""
    parts = [note for q in claim.qualifiers if not q.startswith("in:")
             if (note := qualifier_note(q)) is not None] or ["as reported"]
    return ", ".join(parts)


def _different_times(a: Claim, b: Claim) -> str:
    """Why two figures hold at different times, in the times that differ: an event's figures
    of one day may differ in when they happened or when they were reported."""
    if _when(a.time) != _when(b.time):
        return f"different times: {_when(a.time)} / {_when(b.time)}"
    for label, x, y in (("happened", a.happened, b.happened), ("reported", a.reported,
                                                               b.reported)):
        if x is not None and y is not None and _when(x) != _when(y):
            return f"different times: {label} {_when(x)} / {_when(y)}"
    return f"different times: {_when(a.time)}, one of them an earlier report or another occasion"


def _when(time: TimeRef) -> str:
    season = season_label(time)
    if season:
        return season
    if time.start and time.end and time.start == time.end:
        return time.start
    if time.start and time.end:
        return f"{time.start}–{time.end}"
    if time.end:
        return f"before {time.end}"
    return time.text or "unknown"


def verdicts(claims: Sequence[Claim], mentioned: Mapping[str, EventSetting] | None = None
             ) -> list[Verdict]:
    """Every verdict between claims of different documents, in claim order (``mentioned``:
    see :func:`related`)."""
    found: list[Verdict] = []
    by_measure: dict[str, list[Claim]] = {}
    earlier: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        by_measure.setdefault(claim.measure, []).append(claim)
        if claim.time.basis == "before":  # "cut the quota to 150,000 from 200,000"
            earlier.setdefault((claim.sentence, claim.measure), []).append(claim)
    for group in by_measure.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                verdict = compare(a, b, mentioned)
                if verdict is not None and verdict.kind == "disagreement":
                    verdict = _revised(a, b, earlier) or verdict
                if verdict is not None:
                    found.append(verdict)
    order = {c.id: i for i, c in enumerate(claims)}
    for measure, group in by_measure.items():  # "tankers" and "hired tankers" on one day
        for other in (m for m in by_measure if m > measure and (
                _counted_alike(measure, m) or same_thing(measure, m))):
            for a in group:
                for b in by_measure[other]:
                    verdict = compare(a, replace(b, measure=a.measure), mentioned)
                    if verdict is None or verdict.kind not in {"disagreement", "same_fact"} or (
                            times_overlap(as_of(a.time), as_of(b.time)) is not True):
                        continue  # one time only: last year's count is no restatement
                    if verdict.kind == "disagreement" and _revised(a, b, earlier) is not None:
                        continue
                    pair = tuple(sorted((a.id, b.id), key=order.__getitem__))
                    found.append(Verdict(verdict.kind, (pair[0], pair[1]), f"{verdict.reason} "
                                         f"(counted as {a.measure!r} and {b.measure!r})"))
    found.sort(key=lambda v: (order[v.claims[0]], order[v.claims[1]]))
    return found
