"""When a claim holds: the figure's clause and time, and for an event's figure when the event
happened and when it was reported. Used by ``summarize.digest.claims``.

* **Time**: the nearest time expression of the figure's clause, else one before it in the
  sentence, else the next clause's when it has no figure ("after its Series B in 2023"), else
  the document's date; "since November" counts up to the document's date; an earlier value
  ("up from …") is some time before the figure it accompanies; a time followed by "when"
  dates the clause after it ("since March, when a missile attack killed 21").
* **Occasion** (event figures): when it happened ("killed 67 civilians on Sunday") and when it
  was reported ("the UN said on Monday", else the document's date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from summarize.digest.candidates import clauses
from summarize.digest.entities import Name, event_class
from summarize.digest.figures import Figure
from summarize.digest.timeexpr import TimeMention, future_tense, on_day, resolve
from summarize.records import SentenceRecord, TimeRef


@dataclass(frozen=True)
class ParsedSentence:
    """A sentence read for claims: its figures, names, attributions and times."""

    record: SentenceRecord
    text: str
    figures: list[Figure]
    names: list[Name]
    attributions: list[tuple[int, int]]
    times: list[TimeMention]
    flags: tuple[str, ...]


#: Times that name a period a rate is measured over (a month, a quarter, a year), not a day.
_PERIOD = re.compile(r"January|February|March|April|May|June|July|August|September|October|"
                     r"November|December|quarter|\bQ[1-4]\b|\b(?:19|20)\d\d\b|\byear\b")


def clause_window(sentence: ParsedSentence, figure: Figure) -> str:
    """The text around a figure: its clause (with the sentence's opening when the figure is
    its first, and a following "after …" or "in …" clause without figures of its own)."""
    start, end = figure.clause
    if sentence.figures and sentence.figures[0] is figure:
        start = 0
    spans = clauses(sentence.text)
    following = next(((s, e) for s, e in spans if s >= end), None)
    if following and re.match(r"\s*(?:after|before|following|in|during)\b",
                              sentence.text[following[0]:following[1]], re.IGNORECASE) and not any(
            following[0] <= f.start < following[1] for f in sentence.figures):
        end = following[1]
    return sentence.text[start:end]



#: A report that dates the new figure, not the earlier one after it ("to 7.2% from a
#: preliminary 7.4% in its audited annual report on Friday": Friday is the report's).
_IN_REPORT = re.compile(r"\bin\s+(?:its|their|the|a|an)\s+(?:[a-z-]+\s+){0,3}(?:report|statement|"
                        r"filing|release|bulletin|update)\s+$", re.IGNORECASE)


#: A time inside an earlier value's phrase ("up from the nine announced on Tuesday"): the
#: earlier value's, never another figure's.
_CITED_TIME = re.compile(r"\b(?:up|down)\s+from\s+(?:the|its|their|an?)\s+[^,;]{0,60}$",
                         re.IGNORECASE)


def figure_time(sentence: ParsedSentence, figure: Figure, day: date | None,
          previous_time: TimeRef | None) -> tuple[TimeRef, bool]:
    """When a figure holds, and whether it counts up to then ("since November")."""
    text, (start, end) = sentence.text, figure.clause
    window = clause_window(sentence, figure)
    for s, e in sentence.attributions:  # "said on Wednesday" is past, whatever the figure
        window = window.replace(text[s:e], " ")
    future = future_tense(window)
    usable = [t for t in sentence.times if not t.comparative and not (
        not figure.earlier and _CITED_TIME.search(text[max(0, t.start - 80):t.start])) and not (
        figure.kind == "event" and edition(text, t)) and not (
        figure.kind == "entity" and _dates_another(text, t)) and (figure.earlier or not re.search(
        r"\b(?:from|than|since)\s+(?:just\s+|only\s+)?$", text[:t.start], re.IGNORECASE))]
    own = [t for t in usable if start <= t.start < end
           and not (figure.earlier and t.start < figure.start)
           and not (figure.earlier and _IN_REPORT.search(text[max(0, t.start - 60):t.start]))]
    periods = [t for t in own if _PERIOD.search(t.text)]
    if figure.kind == "place" and periods:  # "May inflation … revised on Monday": May
        own = periods
    spans = clauses(text)
    following = next(((s, e) for s, e in spans if s >= end), None)
    temporal = following is not None and (re.match(
        r"\s*(?:after|before|following|in|during)\b", text[following[0]:following[1]],
        re.IGNORECASE) or re.search(r"\b(?:when|after|before)\s*$", text[:following[0]],
                                    re.IGNORECASE))
    joined = figure.kind == "event" and following is not None and bool(re.fullmatch(
        r"\s*and\s*", text[end:following[0]])) and not future_tense(
        text[following[0]:following[1]])
    nxt = [t for t in usable if following and following[0] <= t.start < following[1] and (
        temporal and not re.search(r"\d", text[following[0]:following[1]].replace(t.text, ""))
        or joined and not own and t.end <= (sentence.attributions[0][0] if sentence.attributions
                                            else len(text)))]
    asides = [(s, e) for s, e in spans if (re.match(
        r"\s*(?:which|who|founded|born|established|created|set\s+up|launched|built|[a-z]+ed\b)",
        text[s:e]) or re.search(r"\b(?:which|who)\s*$", text[:s])) and len(text[s:e].split()) <= 6]
    before = [t for t in usable if t.end <= start
              and not any(s <= t.start < e for s, e in asides)]
    said = [t for t in usable if any(s <= t.start < e for s, e in sentence.attributions)]
    groups = [own, nxt, [] if figure.earlier else before, [] if figure.earlier else said]
    if figure.kind == "event" and not figure.earlier:
        groups.insert(0, said)  # a toll holds when it is reported ("said on Wednesday")
    when = when_time(sentence, figure, day)
    if when is not None:  # "since March, when a missile attack killed 21": March
        return when, False
    chosen = None
    for group in groups:
        if group:
            chosen = min(group, key=lambda t: abs(t.start - figure.start))
            break
    if chosen is not None and (chosen.since or re.search(
            r"\bsince\b(?:\W+\w+){0,4}\W*$", text[:chosen.start], re.IGNORECASE)):
        return on_day(day, chosen.text), True  # "since it was founded in 2019": up to now
    if chosen is not None and not figure.earlier and _TO_DATE.fullmatch(chosen.text) and said:
        # "the cocaine found this week was worth €2 billion, the union said on Tuesday": a
        # figure over a period still running holds as of the day it was said
        day_said = resolve(min(said, key=lambda t: abs(t.start - figure.start)).text, day)
        if day_said.known and day_said.granularity == "day":
            return replace(day_said, basis="reported"), False
    if chosen is not None:
        reported = any(s <= chosen.start < e for s, e in sentence.attributions)
        possessive = bool(re.match(r"['’]s\b", text[chosen.end:chosen.end + 2]))
        found = resolve(chosen.text, day, future=future and not reported and not possessive)
        if reported and figure.kind != "event" and found.known:
            found = replace(found, basis="reported")  # "it said on Tuesday": as of Tuesday
        return found, False
    if figure.earlier and previous_time is not None:
        if previous_time.start is not None:
            last = date.fromisoformat(previous_time.start) - timedelta(days=1)
            return TimeRef(text=None, start=None, end=last.isoformat(), granularity=None,
                           basis="before", relative=previous_time.relative), False
        return TimeRef(text=None, start=None, end=None, granularity=None, basis="before",
                       relative=True), False
    return on_day(day), False


def when_time(sentence: ParsedSentence, figure: Figure, day: date | None) -> TimeRef | None:
    """The time a figure's clause is introduced by, as "…, when": "the worst since 2020, when
    some 200,000 hectares were infested" is 2020 (even after "since", which only compares)."""
    text, start = sentence.text, figure.clause[0]
    chosen = next((t for t in sentence.times if re.fullmatch(
        r"\s*,?\s*(?:when|as)\s*", text[t.end:start], re.IGNORECASE)), None)
    last = next((t for t in reversed(sentence.times) if t.end <= figure.start), None)
    if chosen is None and last is not None and re.fullmatch(
            r"\s*,\s*when\s[^;:.,]*", text[last.end:figure.start], re.IGNORECASE):
        chosen = last  # "since 2019, when a tram and a bus collided … and 11 people were hurt"
    if chosen is None:
        return None
    return resolve(re.sub(r"^since\s+", "", chosen.text, flags=re.IGNORECASE), day)


_TOLL = re.compile(r"\b(?:toll|tolls|number|figure|count|total|tally)\b|\b(?:rose|risen|rises|"
                   r"climbed|reached|stood|stands|increased|jumped)\b", re.IGNORECASE)


def occasion(sentence: ParsedSentence, figure: Figure, day: date | None
              ) -> tuple[TimeRef | None, TimeRef]:
    """For a figure about an event, ``(when it happened, when it was reported)``.

    The event's time is a time of the figure's clause, or of the sentence before it, that is
    not its attribution's ("killed 67 civilians on Sunday", "in Sunday's shelling"), unless the
    clause is about the count itself ("the toll rose to 91 on Thursday": a report). The report
    time is the attribution's ("the UN said on Monday"), else the document's date.
    """
    text, (start, end) = sentence.text, figure.clause
    in_said = [t for t in sentence.times
               if any(s <= t.start < e for s, e in sentence.attributions)]
    said = min(in_said, key=lambda t: abs(t.start - figure.start)) if in_said else None
    reported = resolve(said.text, day) if said is not None else on_day(day)
    if _TOLL.search(text[start:end]) or figure.earlier:
        return None, reported
    own = [t for t in sentence.times if t not in in_said and not t.comparative and not t.since
           and t.end <= end and not edition(text, t) and not _TO_DATE.match(t.text)
           and not _CITED_TIME.search(text[max(0, t.start - 80):t.start])]
    spans = clauses(text)
    following = next(((s, e) for s, e in spans if s >= end), None)
    if not own and following and re.fullmatch(r"\s*and\s*", text[end:following[0]]):
        # "killed three people and left 48,000 homes without power on Sunday"
        own = [t for t in sentence.times if t not in in_said and not t.comparative
               and following[0] <= t.start < following[1] and not _TO_DATE.match(t.text)]
    if not own:
        return None, reported
    chosen = min(own, key=lambda t: abs(t.start - figure.start))
    happened = resolve(chosen.text, day)
    return (happened if happened.known else None), reported


def edition(text: str, time: TimeMention) -> bool:
    """A time that names an event's edition, not when a figure holds ("this year's
    championships", "last season's final")."""
    return bool(re.match(r"['’]s\b", text[time.end:time.end + 2])) and bool(
        re.match(r"(?:this|last|next)\s+(?:year|season)$", time.text, re.IGNORECASE))


#: Periods that run up to the report ("this year", "so far this month"): a count over them is
#: a running total, not the count of an event on some day.
_TO_DATE = re.compile(r"(?:so\s+far\s+)?this\s+(?:year|month|week|season)$", re.IGNORECASE)


def _dates_another(text: str, time: TimeMention) -> bool:
    """A possessive time that dates another noun than an election or a race ("the fine imposed
    over Sunday's pitch invasion"; "won 54.3% in Sunday's runoff" dates the figure)."""
    after = re.match(r"['’]s\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)", text[time.end:time.end + 40])
    return after is not None and event_class(after.group(1)) not in {"election", "race"}
