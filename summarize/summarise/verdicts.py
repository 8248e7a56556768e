"""Verdicts between claims of different documents: same fact, disagreement, update, or not
comparable. Pure: two :class:`~summarize.records.Claim` records in, a verdict (or None) out.

Claims are compared only when they measure the same thing (same measure and, for counts of
people, the same class: deaths of children are not deaths of people) about the same subject
(:func:`related`). Then, in this order:

1. **update**, when the events differ: one is a total to date (``cumulative``) or a previous
   round and the other not, their series or places differ, or one is a forecast, a target or
   in talks and the other happened (unless the values agree: the forecast came true);
2. **update**, when both times are known and do not overlap (the death toll of Monday and of
   Wednesday; the valuation of 2023 and of now), unless the values agree and neither time is
   written in the sentence (the same figure reported on two days);
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

When in doubt the rules say less: an invented disagreement is worse than a missed one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from summarize.numbers import NumberMention, same_figure
from summarize.records import Claim, TimeRef, Verdict
from summarize.summarise.entities import same_subject
from summarize.summarise.events import (
    EventSetting,
    countries,
    events_apart,
    other_named_event,
    same_event,
)
from summarize.summarise.measures import CONVERSIONS, INCIDENT, PEOPLE
from summarize.summarise.qualifiers import HARD_QUALIFIERS

#: An approximate figure ("about 20,000") covers values within this fraction of it.
APPROX = 0.05
PROSPECTIVE = frozenset({"target", "in talks", "expected"})
#: Statuses of what has not happened yet: a plan against an outcome is an update ("will employ
#: 600 people" at a new plant, "has 850 employees").
UNSETTLED = PROSPECTIVE | {"planned"}
#: Measures of an event that are settled once it is over (a tournament's crowd, a quake's
#: magnitude), unlike running counts (tolls, the displaced, homes without power): reports a
#: day or two apart give the same figure, not an update.
FINAL_MEASURES = frozenset({"spectators", "finishers", "participants", "magnitude", "depth",
                            "wind speed"})
#: Counts that only grow while an event goes on (tolls, cases): a lower figure reported
#: later is not an update.
RUNNING_TOTALS = frozenset({"deaths", "injured", "cases", "hospitalized", "vaccinated",
                            "arrested", "area burned", "damage"})
#: Rates over a period, whose value depends on the period's length (a quarter's growth is
#: not a year's).
PERIOD_RATES = frozenset({"growth"})


def _names_match(a: str, b: str) -> bool:
    return same_subject(a.split(), b.split())


def _anchors_match(a: Sequence[str], b: Sequence[str]) -> bool:
    if not a or not b:
        return not a and not b
    return any(_names_match(x, y) for x in a for y in b)


def related(a: Claim, b: Claim, mentioned: Mapping[str, EventSetting] | None = None) -> bool:
    """Whether two claims give figures for the same measure of the same subject.

    Args:
        a: One claim.
        b: A claim of another document.
        mentioned: What each document mentions and is about, by document id: two events
            that share only a broad anchor are told apart by them (``entities.events_apart``).
    """
    if a.measure != b.measure or a.subject_kind != b.subject_kind:
        return False
    if _people(a) != _people(b) and None not in (_people(a), _people(b)):
        return False  # deaths of children, of soldiers, of people: a bare count may be any
    if a.subject_kind == "event":  # the same kind of event, in a place both name
        places_a = [" ".join(_key(q[3:])) for q in a.qualifiers if q.startswith("in:")]
        places_b = [" ".join(_key(q[3:])) for q in b.qualifiers if q.startswith("in:")]
        anchors_a, anchors_b = [*a.anchors, *places_a], [*b.anchors, *places_b]
        known = mentioned or {}
        if INCIDENT in (a.subject, b.subject) and not _anchors_match(
                [x for x in anchors_a if x not in countries()],
                [x for x in anchors_b if x not in countries()]):
            return False  # an event of no known kind is one only through a specific name
        return same_event(a.subject, b.subject) and _anchors_match(anchors_a, anchors_b) and not (
            events_apart(anchors_a, anchors_b, known.get(a.document), known.get(b.document)))
    if not a.subject_key or not b.subject_key:
        return False
    if a.measure in DEAL_MEASURES:
        return _same_deal(a, b)
    if same_subject(a.subject_key, b.subject_key):
        return True
    # The same thing told from either side: each subject is among the other's participants.
    return (any(same_subject(a.subject_key, _key(p)) for p in b.participants)
            and any(same_subject(b.subject_key, _key(p)) for p in a.participants))


def _same_deal(a: Claim, b: Claim) -> bool:
    """Deals are told from either side ("Bayern signed Okafor from Lyon", "Lyon sold Okafor to
    Bayern"): the same deal shares two parties, or one side names no other party and its
    subject is a party of the other. One buyer's deal for another player is another deal."""
    parties_a = [a.subject_key, *(_key(p) for p in a.participants)]
    parties_b = [b.subject_key, *(_key(p) for p in b.participants)]
    shared = [p for p in parties_a if any(same_subject(p, q) for q in parties_b)]
    if len(shared) >= 2:
        return True
    if not a.participants and any(same_subject(a.subject_key, q) for q in parties_b):
        return True
    return not b.participants and any(same_subject(b.subject_key, p) for p in parties_a)


def _key(name: str) -> tuple[str, ...]:
    from summarize.summarise.entities import subject_key

    return subject_key(name)


#: Classes of people (or homes) a count can be of; a count with none is of people at large.
CLASSES = frozenset({"children", "civilians", "soldiers", "fighters", "patients", "migrants",
                     "participants", "homes", "customers", "police", "protesters", "rescuers"})
#: Measures whose counts are of one class whatever the noun: power is cut to homes,
#: businesses or customers alike; the hospitalised, the cases and the vaccinated are patients.
CLASS_FREE = frozenset({"power outages"})
PATIENT_MEASURES = frozenset({"hospitalized", "cases", "vaccinated", "vaccine doses"})
#: Measures of a deal, told from either side ("Halden will pay 38 euros a share", "the offer
#: of 38 euros per Brio share").
DEAL_MEASURES = frozenset({"deal value", "price per share", "premium"})


def _people(claim: Claim) -> str | None:
    """The class of people (or homes) counted: its unit's, ``people`` when the figure names
    people at large ("42 people"), None when it names none ("the toll rose to nine")."""
    if claim.measure in CLASS_FREE or (claim.measure in PATIENT_MEASURES
                                       and claim.unit == "patients"):
        return None
    if claim.unit in CLASSES:
        return claim.unit
    last = claim.figure.split()[-1].lower() if claim.figure.split() else ""
    return "people" if PEOPLE.get(last) == "people" and claim.unit is None else None


def _period(time: TimeRef) -> tuple[date, date] | None:
    if not time.known:
        return None
    start = date.fromisoformat(time.start) if time.start else date.min
    end = date.fromisoformat(time.end) if time.end else date.max
    return start, end


def times_overlap(a: TimeRef, b: TimeRef) -> bool | None:
    """Whether two periods overlap; None when either is unknown."""
    pa, pb = _period(a), _period(b)
    if pa is None or pb is None:
        if a.text and b.text and a.text.lower() == b.text.lower() and not a.known:
            return None  # the same relative words ("last season"), undated: still unknown
        return None
    return pa[0] <= pb[1] and pb[0] <= pa[1]


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


def _hard(claim: Claim) -> frozenset[str]:
    if claim.subject_kind == "event":  # a toll "so far" or "since Monday" is just a toll
        return frozenset(q for q in claim.qualifiers if q in HARD_QUALIFIERS - {"cumulative"})
    return frozenset(q for q in claim.qualifiers if q in HARD_QUALIFIERS)


def _series(claim: Claim) -> str | None:
    return next((q for q in claim.qualifiers if q.startswith("series ")), None)


def _places(claim: Claim) -> frozenset[str]:
    return frozenset(" ".join(_key(q[3:])) for q in claim.qualifiers if q.startswith("in:"))


def _soft(claim: Claim) -> frozenset[str]:
    return frozenset(q for q in claim.qualifiers
                     if not q.startswith(("in:", "series ", "by:", "window:", "group:"))
                     and q not in HARD_QUALIFIERS and q not in {"new", "target"})


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
    if a.document == b.document or not related(a, b, mentioned):
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
    if a.measure in PERIOD_RATES and agree is not True and _granularity(a.time) != (
            _granularity(b.time)):
        return None  # growth in a quarter and over a year are two measures
    if _tagged(a, "window:") != _tagged(b, "window:") or (
            _tagged(a, "group:") != _tagged(b, "group:")):
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
    if _soft(a) != _soft(b) and agree is not True:
        return Verdict("update", ids, "different events: " + _describe(a) + " / "
                       + _describe(b))
    overlap = _same_occasion(a, b) if a.subject_kind == "event" else times_overlap(
        _as_of(a.time), _as_of(b.time))
    written = a.time.basis == "explicit" and b.time.basis == "explicit"
    # A toll "this month" and one on the 13th overlap but are not the same time; a deal "at
    # the start of the month" and the same deal on the 1st are.
    coarse = overlap is True and a.subject_kind != "entity" and (
        _granularity(a.time) != _granularity(b.time)) and "before" not in (
        a.time.basis, b.time.basis)
    if overlap is False and not (agree is True and not written):
        return Verdict("update", ids, f"different times: {_when(a.time)} / {_when(b.time)}")
    if agree is not True and "document" in (a.subject_basis, b.subject_basis) and (
            a.subject_kind == "entity"):
        return None  # nothing in the sentence ties the figure to its subject: say less
    if _people(a) != _people(b) and "people" not in (_people(a), _people(b)) and (
            agree is not True):
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
    if places_a != places_b:
        return Verdict("not_comparable", ids, "one figure is for a narrower place: "
                       + ", ".join(sorted(places_a | places_b)))
    return Verdict("disagreement", ids, "same subject, measure, event and time; the values "
                                        "differ")


#: A figure reported by a document dated this many days after the event it dates is taken to
#: have been reported then ("killed 67 on Sunday" in Monday's paper; the UN "said on Monday").
REPORT_LAG = 2


def _report_period(claim: Claim) -> TimeRef | None:
    """When an event's figure was reported: its attribution's time, or by its document's date
    (then from the event's day, when that is at most :data:`REPORT_LAG` days before)."""
    reported, happened = claim.reported, claim.happened
    if reported is None or reported.basis != "document" or happened is None:
        return reported
    if not (happened.start and happened.start == happened.end and reported.start):
        return reported
    lag = date.fromisoformat(reported.start) - date.fromisoformat(happened.start)
    if 0 < lag.days <= REPORT_LAG:
        return TimeRef(text=reported.text, start=happened.start, end=reported.end,
                       granularity="day", basis="document", relative=reported.relative)
    return reported


def _same_occasion(a: Claim, b: Claim) -> bool | None:
    """Whether two figures of an event hold at the same time: the events happened on the
    same days, when both sentences say, and they were reported at the same time (a figure
    "killed 67 on Sunday" in Monday's paper and the UN's "48 killed in Sunday's shelling",
    said on Monday, are one toll of one day; the toll "rose to 91" on Thursday is later)."""
    if a.reported is None or b.reported is None:
        return times_overlap(a.time, b.time)
    ra, rb = _report_period(a), _report_period(b)
    if ra is None or rb is None:
        return times_overlap(a.time, b.time)
    # When it happened: as the sentence says, else some days before it was reported.
    if times_overlap(a.happened or _lagged(ra), b.happened or _lagged(rb)) is False:
        return False  # "in 2023, floods in the same region killed 17"
    if a.measure in FINAL_MEASURES:  # the crowd of a tournament, reported a day apart
        return times_overlap(_as_of(ra), _as_of(rb))
    same = times_overlap(ra, rb)
    if same is False and a.measure in RUNNING_TOTALS and "document" in (ra.basis, rb.basis):
        return _not_risen(a, ra, b, rb)
    return same


def _not_risen(a: Claim, ra: TimeRef, b: Claim, rb: TimeRef) -> bool:
    """A running total reported in a paper a day or two after a dated report, without a date
    of its own: the same count if it has not risen (a total does not fall: 1,340 cases after
    the WHO's 1,410 disagree), a later one if it has."""
    if not (ra.start and rb.start):
        return False
    first, later = (a, b) if ra.start <= rb.start else (b, a)
    gap = abs((date.fromisoformat(rb.start) - date.fromisoformat(ra.start)).days)
    return gap <= REPORT_LAG and later.value <= first.value


def _as_of(time: TimeRef) -> TimeRef:
    """A figure dated only by its document, or by when someone said it, holds as of then: it
    may have been true for the :data:`REPORT_LAG` days before (a transfer announced on
    Thursday and reported in Friday's paper without a date is the same transfer)."""
    return _lagged(time) if time.basis in {"document", "reported"} else time


def _lagged(report: TimeRef) -> TimeRef:
    """The days a report may speak of: up to :data:`REPORT_LAG` days before it."""
    if not report.start:
        return report
    start = date.fromisoformat(report.start) - timedelta(days=REPORT_LAG)
    return TimeRef(text=report.text, start=start.isoformat(), end=report.end,
                   granularity=report.granularity, basis=report.basis, relative=report.relative)


def _granularity(time: TimeRef) -> str:
    return "day" if time.start is not None and time.start == time.end else (
        time.granularity or "")


def _describe(claim: Claim) -> str:
    parts = [q for q in claim.qualifiers if not q.startswith("in:")] or ["as reported"]
    return ", ".join(parts)


def _when(time: TimeRef) -> str:
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
    for claim in claims:
        by_measure.setdefault(claim.measure, []).append(claim)
    for group in by_measure.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                verdict = compare(a, b, mentioned)
                if verdict is not None:
                    found.append(verdict)
    order = {c.id: i for i, c in enumerate(claims)}
    found.sort(key=lambda v: (order[v.claims[0]], order[v.claims[1]]))
    return found
