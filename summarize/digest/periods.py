"""When two claims hold at the same time: periods, reports and their lag. Pure; used by
``summarize.digest.verdicts``.

* A figure dated only by its document, or by when someone said it, holds **as of** then: it
  may have been true for the :data:`REPORT_LAG` days before.
* For an **event's** figures (:func:`same_occasion`): the days it happened, when both
  sentences say (else some days before each report), must overlap, and the reports must be
  of the same time (a figure in Monday's paper on Sunday's shelling is Sunday's report);
  a running total reported without a date a day or two after a dated one is the same count
  when it has not risen (totals do not fall).
"""

from __future__ import annotations

from datetime import date, timedelta

from summarize.records import Claim, TimeRef

#: Measures of an event that are settled once it is over (a tournament's crowd, a quake's
#: magnitude), unlike running counts (tolls, the displaced, homes without power): reports a
#: day or two apart give the same figure, not an update.
FINAL_MEASURES = frozenset({"spectators", "finishers", "participants", "magnitude", "depth",
                            "wind speed"})
#: Counts that only grow while an event goes on (tolls, cases): a lower figure reported
#: later is not an update.
RUNNING_TOTALS = frozenset({"deaths", "injured", "cases", "hospitalized", "vaccinated",
                            "arrested", "area burned", "damage"})


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


def same_occasion(a: Claim, b: Claim) -> bool | None:
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
        return times_overlap(as_of(ra), as_of(rb))
    same = times_overlap(ra, rb)
    if same is False and a.measure in RUNNING_TOTALS and "document" in (ra.basis, rb.basis):
        return _not_risen(a, ra, b, rb)
    return same


def _not_risen(a: Claim, ra: TimeRef, b: Claim, rb: TimeRef) -> bool:
    """A running total reported in a paper a day or two after a dated report, without a date
    of its own: the same count if it has not risen (a total does not fall: 1,340 cases after
    the WHO's 1,410 disagree), a later one if it has. A later report with its own date ("the
    ministry said on Thursday") is a later count, whatever its value, and so is a paper's
    undated total :data:`REPORT_LAG` days after another paper's undated one."""
    if not (ra.start and rb.start):
        return False
    (first, first_report), (later, later_report) = sorted(((a, ra), (b, rb)),
                                                          key=lambda pair: pair[1].start or "")
    if later_report.basis != "document":
        return False  # "the toll reached 11, the ministry said on Thursday": dated, so later
    gap = days_apart(ra.start, rb.start) or 0
    if first_report.basis == "document" and gap >= REPORT_LAG:
        return False  # two papers' undated totals two days apart: one count only at the edge
        # of the days a paper's figure may be old, which nothing in them says
    return gap <= REPORT_LAG and later.value <= first.value


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two ISO dates, or None when either is unknown."""
    if not a or not b:
        return None
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def as_of(time: TimeRef) -> TimeRef:
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


def granularity(time: TimeRef) -> str:
    return "day" if time.start is not None and time.start == time.end else (
        time.granularity or "")


