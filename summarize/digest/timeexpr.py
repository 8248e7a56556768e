"""Time expressions of English sentences, resolved against the document's date.

:func:`find_times` finds the expressions a figure can be dated by: absolute dates ("March 3,
2025", "in June 2024", "in 2023", "the second quarter of 2024", "the six months ended June 30,
2025"), and relative ones ("on Tuesday", "in September", "last December", "six months ago",
"last week", "this month", "earlier this month", "the first week of July", "next year", "the
three months to September", "the first half of the year"). :func:`resolve` turns one into a
period (first and last day) against the document's date: weekdays, quarters and the few forms
dateparser does not read ("last December", "the first week of July", "earlier this month") by
the rules below, everything else by `dateparser <https://dateparser.readthedocs.io>`_ (offline,
imported on first use). News conventions: a weekday is the latest such day on or before the
document's date ("on Tuesday" in a Tuesday article is that day); a month without a year is the
latest such month on or before it, or the next one when the sentence speaks of the future.
Without a document date only expressions that carry a year are resolved; the others keep their
text and are marked relative.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from summarize.digest.text import dateline_end
from summarize.records import TimeRef

_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December)\b|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\b\.?)")
_YEAR = r"(?:19|20)\d{2}"
_NUMBER_WORD = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"a\s+few|several)")
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_LEAD = r"(?:(?:on|in|since|by|until|from|during|as\s+of|before|after)\s+)?"

_PATTERNS = [
    rf"(?:between|from)\s+{_MONTH}\s+(?:and|to|until)\s+{_MONTH}(?:\s+{_YEAR})?",
    rf"(?:in|over|during)\s+{_MONTH}\s+and\s+{_MONTH}(?:\s+{_YEAR})?",  # "in March and April"
    rf"(?:between|from)\s+{_WEEKDAY}\s+(?:and|to|until|through)\s+{_WEEKDAY}",
    rf"{_LEAD}(?:the\s+)?(?:first|second|third|fourth|last)\s+week\s+of\s+{_MONTH}(?:\s+{_YEAR})?",
    rf"{_LEAD}(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
    rf"(?:\s+of\s+(?:{_YEAR}|this\s+year|last\s+year))?",
    rf"{_LEAD}Q[1-4](?:\s+{_YEAR})?",
    rf"{_LEAD}(?:the\s+)?(?:three|six|nine|twelve|3|6|9|12)\s+months\s+(?:to|ended|ending|"
    rf"through|until)\s+(?:the\s+end\s+of\s+)?{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+{_YEAR})?",
    rf"{_LEAD}(?:the\s+)?(?:first|second)\s+half\s+of\s+(?:{_YEAR}|the\s+year|this\s+year|"
    rf"last\s+year)",  # not a bare "first half": a match has one too
    rf"{_LEAD}(?:(?:early|mid|late)[\s-]+)?{_MONTH}\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?"
    rf"(?:,?\s+{_YEAR})?",
    rf"{_LEAD}\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
    rf"{_LEAD}(?:(?:last|this|next|early|mid|late)[\s-]+)?{_MONTH}(?:\s+{_YEAR})?",
    rf"{_LEAD}(?:(?:last|this|next)\s+)?{_WEEKDAY}{_PART}",
    r"(?:for|in|over)\s+the\s+(?:full|whole|entire)\s+year",
    rf"{_LEAD}(?:the\s+end\s+of\s+)?(?:last|this|next|the\s+past|the\s+previous|the\s+coming)"
    r"\s+(?:week|month|year|quarter|weekend|summer|winter|spring|autumn|fall|season)",
    r"(?:earlier|later)\s+(?:this|last|next)\s+(?:week|month|year)",
    rf"{_NUMBER_WORD}\s+{_UNIT}\s+(?:ago|earlier|later|before)",
    r"(?:at|by)\s+the\s+(?:start|beginning|end)\s+of\s+(?:the|this|next|last)\s+"
    r"(?:week|month|year)",
    r"(?:yesterday|today|tonight|overnight|this\s+(?:morning|afternoon|evening|week|month|"
    r"year))",
    rf"{_LEAD}{_YEAR}(?!\d|[,.]\d|\s+(?-i:[A-Z]{{1,2}}\d))",  # not "asteroid 2026 KD4"
]
_TIME = re.compile("|".join(rf"\b(?:{p})" for p in _PATTERNS), re.IGNORECASE)
#: "the highest since 1995": the expression compares, it does not date the figure.
_COMPARATIVE = re.compile(r"(?:highest|lowest|most|least|biggest|largest|smallest|best|worst|"
                          r"strongest|weakest|deadliest|worst|greatest|heaviest|hottest|"
                          r"coldest|wettest|driest|busiest|fastest|slowest|sharpest|steepest|"
                          r"longest|fewest|first\s+time|record)\s+(?:\w+\s+){0,3}$",
                          re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|shall|is\s+due|are\s+due|due\s+to|plans?\s+to|planned|"
                     r"scheduled|expects?|expected|aims?\s+to|intends?|next|coming|"
                     r"to\s+be\s+held|would)\b", re.IGNORECASE)


@dataclass(frozen=True)
class TimeMention:
    """A time expression in a sentence.

    Attributes:
        start: Offset of its first character.
        end: Offset after its last character.
        text: The expression as written ("on Tuesday").
        since: It starts a period that runs to the date of the report ("since November").
        comparative: It compares rather than dates ("the highest since 1995").
    """

    start: int
    end: int
    text: str
    since: bool = False
    comparative: bool = False


def find_times(text: str) -> list[TimeMention]:
    """The time expressions of an English sentence, in text order."""
    found: list[TimeMention] = []
    filed = dateline_end(text)  # "KADUGLI, Sudan, Feb 16 –": when it was filed, no figure's time
    for match in _TIME.finditer(text):
        if match.start() < filed:
            continue
        raw = match.group(0).strip()
        head = text[max(0, match.start() - 200):match.start()]  # bounded: linear time
        if raw.lower() in {"may", "march"} and (not head.strip(" \"“'‘(") or re.search(
                r"[A-Z][a-z]+\s+$", head)):
            continue  # "May" opening a sentence may be a verb; "Theresa May" is a name
        since = raw.lower().startswith("since ")
        comparative = since and bool(_COMPARATIVE.search(head))
        found.append(TimeMention(match.start(), match.end(), raw, since, comparative))
    return found


def future_tense(text: str) -> bool:
    """Whether a sentence speaks of the future ("will", "is due to", "next")."""
    return bool(_FUTURE.search(text))


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return next(i for i, m in enumerate(_MONTHS, start=1) if m.startswith(word[:3]))


def _period(start: date, end: date, granularity: str, text: str, relative: bool) -> TimeRef:
    return TimeRef(text=text, start=start.isoformat(), end=end.isoformat(),
                   granularity=granularity, basis="explicit", relative=relative)


def _month_period(year: int, month: int, text: str, relative: bool) -> TimeRef:
    last = calendar.monthrange(year, month)[1]
    return _period(date(year, month, 1), date(year, month, last), "month", text, relative)


def _latest_month(base: date, month: int, future: bool, strictly_before: bool) -> int:
    """The year of the month ``month`` nearest to ``base`` in the right direction."""
    if future:
        return base.year if month >= base.month else base.year + 1
    if strictly_before:
        return base.year if month < base.month else base.year - 1
    return base.year if month <= base.month else base.year - 1


#: How far back the latest ended season of a name may have begun, north or south of the
#: equator: "last spring" said on June 1 may be March of the year before.
SEASON_REACH_DAYS = 460


def _custom(text: str, base: date | None, future: bool) -> TimeRef | None:
    """The forms resolved here rather than by dateparser (see the module docstring)."""
    low = re.sub(r"^(?:on|in|since|by|until|from|during|as\s+of|before|after)\s+", "",
                 text.lower())
    season = re.fullmatch(r"(?:the\s+end\s+of\s+)?last\s+(?:spring|summer|autumn|fall|winter)",
                          low)
    if season and base is not None:
        # Which months a season is depends on the hemisphere, which the article does not say;
        # but "last spring" has ended before the article and began at most some 15 months
        # before it, north or south: a past period, never the article's own day.
        return _period(base - timedelta(days=SEASON_REACH_DAYS), base - timedelta(days=1),
                       "season", text, True)
    week = re.fullmatch(rf"(?:the\s+)?(first|second|third|fourth|last)\s+week\s+of\s+"
                        rf"({_MONTH.lower()})(?:\s+({_YEAR}))?", low)
    if week:
        month = _month(week.group(2))
        year = int(week.group(3)) if week.group(3) else (
            _latest_month(base, month, future, False) if base else None)
        if year is None:
            return None
        days = calendar.monthrange(year, month)[1]
        offsets = {"first": 1, "second": 8, "third": 15, "fourth": 22, "last": days - 6}
        begin = offsets[week.group(1)]
        return _period(date(year, month, begin), date(year, month, min(begin + 6, days)),
                       "week", text, week.group(3) is None)
    quarter = re.fullmatch(rf"(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
                           rf"(?:\s+of\s+({_YEAR}|this year|last year))?|q([1-4])(?:\s+({_YEAR}))?",
                           low)
    if quarter:
        names = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                 "fourth": 4, "4th": 4}
        number = names[quarter.group(1)] if quarter.group(1) else int(quarter.group(3))
        written = quarter.group(2) or quarter.group(4)
        if written and written[0].isdigit():
            year = int(written)
        elif base is None:
            return None
        elif written == "last year":
            year = base.year - 1
        else:
            year = base.year if (written or future or number <= (base.month + 2) // 3) else (
                base.year - 1)
        start = date(year, 3 * number - 2, 1)
        end_month = 3 * number
        return _period(start, date(year, end_month, calendar.monthrange(year, end_month)[1]),
                       "quarter", text, not (written and written[0].isdigit()))
    span = re.fullmatch(rf"(?:the\s+)?(three|six|nine|twelve|3|6|9|12)\s+months\s+(?:to|ended|"
                        rf"ending|through|until)\s+(?:the\s+end\s+of\s+)?({_MONTH.lower()})"
                        rf"(?:\s+\d{{1,2}})?(?:,?\s+({_YEAR}))?", low)
    if span and (span.group(3) or base is not None):
        length = {"three": 3, "six": 6, "nine": 9, "twelve": 12}.get(span.group(1)) or int(
            span.group(1))
        closing = _month(span.group(2))
        year = int(span.group(3)) if span.group(3) else _latest_month(
            base or date.min, closing, future, False)
        first_year, first_month = divmod(year * 12 + closing - length, 12)
        ends = date(year, closing, calendar.monthrange(year, closing)[1])
        aligned = length == 3 and closing % 3 == 0  # "the three months to September": Q3
        return _period(date(first_year, first_month + 1, 1), ends,
                       "quarter" if aligned else "months", text, span.group(3) is None)
    half = re.fullmatch(rf"(?:the\s+)?(first|second)\s+half(?:\s+of\s+({_YEAR}|the year|"
                        rf"this year|last year))?", low)
    if half and (base is not None or (half.group(2) or "")[:1].isdigit()):
        written = half.group(2) or ""
        year = int(written) if written[:1].isdigit() else (
            (base or date.min).year - (1 if written == "last year" else 0))
        if not written and half.group(1) == "second" and base is not None and base.month < 7:
            year -= 1  # "the second half" in a spring report: last year's
        first, last = (1, 6) if half.group(1) == "first" else (7, 12)
        return _period(date(year, first, 1), date(year, last, calendar.monthrange(
            year, last)[1]), "months", text, not written[:1].isdigit())
    months = re.fullmatch(rf"(?:between|from|in|over|during)\s+({_MONTH.lower()})\s+"
                          rf"(?:and|to|until)\s+"
                          rf"({_MONTH.lower()})(?:\s+({_YEAR}))?", text.lower())
    if months and (months.group(3) or base is not None):
        opening, closing = _month(months.group(1)), _month(months.group(2))
        year = int(months.group(3)) if months.group(3) else _latest_month(
            base or date.min, closing, future, False)  # "between April and June": Q2
        begins = date(year - (1 if opening > closing else 0), opening, 1)
        ends = date(year, closing, calendar.monthrange(year, closing)[1])
        return _period(begins, ends, "quarter" if (ends.month - begins.month) % 12 == 2
                       else "month", text, months.group(3) is None)
    if base is None:
        return None
    if low in {"overnight", "tonight", "today", "this morning", "this afternoon",
               "this evening"}:
        return _period(base, base, "day", text, True)
    if re.fullmatch(r"(?:for|in|over)\s+the\s+(?:full|whole|entire)\s+year", low):
        return _period(date(base.year, 1, 1), date(base.year, 12, 31), "year", text, True)
    run = re.fullmatch(rf"(?:between\s+)?({'|'.join(_WEEKDAYS)})\s+(?:and|to|until|"
                       rf"through)\s+({'|'.join(_WEEKDAYS)})", low)
    if run:  # "between Thursday and Sunday": the latest such run of days
        last = _WEEKDAYS.index(run.group(2))
        to_day = base - timedelta(days=(base.weekday() - last) % 7)
        from_day = to_day - timedelta(days=(last - _WEEKDAYS.index(run.group(1))) % 7)
        return _period(from_day, to_day, "days", text, True)
    weekday = re.fullmatch(r"(last\s+|this\s+|next\s+)?(" + "|".join(_WEEKDAYS) +
                           r")(?:\s+(?:morning|afternoon|evening|night))?", low)
    if weekday:
        target = _WEEKDAYS.index(weekday.group(2))
        back = (base.weekday() - target) % 7
        if (weekday.group(1) or "").strip() == "next" or (future and back and
                                                           not weekday.group(1)):
            day = base + timedelta(days=(target - base.weekday()) % 7 or 7)
        else:
            if (weekday.group(1) or "").strip() == "last" and back == 0:
                back = 7
            day = base - timedelta(days=back)
        return _period(day, day, "day", text, True)
    last_month = re.fullmatch(rf"(last|this|next)\s+({_MONTH.lower()})", low)
    if last_month:
        month, which = _month(last_month.group(2)), last_month.group(1)
        year = _latest_month(base, month, which == "next", which == "last")
        return _month_period(year, month, text, True)
    bare_month = re.fullmatch(rf"(?:(?:early|mid|late)[\s-]+)?({_MONTH.lower()})", low)
    if bare_month:
        month = _month(bare_month.group(1))
        return _month_period(_latest_month(base, month, future, False), month, text, True)
    edge = re.fullmatch(r"(?:at|by)\s+the\s+(start|beginning|end)\s+of\s+(the|this|next|last)\s+"
                        r"(week|month|year)", low)
    if edge and edge.group(3) == "month":
        shift = {"next": 1, "last": -1}.get(edge.group(2), 0)
        year, month = divmod(base.year * 12 + base.month - 1 + shift, 12)
        month += 1
        last = calendar.monthrange(year, month)[1]
        first, final = (1, 10) if edge.group(1) != "end" else (21, last)
        return _period(date(year, month, first), date(year, month, final), "month", text, True)
    ago = re.fullmatch(r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                       r"twelve)\s+(day|week|month|year)s?\s+(ago|earlier|before|later)", low)
    if ago:
        words = "a an one two three four five six seven eight nine ten eleven twelve".split()
        count = int(ago.group(1)) if ago.group(1).isdigit() else max(1, words.index(
            ago.group(1)) - 1)
        sign = 1 if ago.group(3) == "later" else -1
        unit = ago.group(2)
        if unit in {"day", "week"}:
            day = base + timedelta(days=sign * count * (7 if unit == "week" else 1))
            return _period(day, day, "day", text, True)
        if unit == "month":
            year, month = divmod(base.year * 12 + base.month - 1 + sign * count, 12)
            return _month_period(year, month + 1, text, True)
        year = base.year + sign * count
        return _period(date(year, 1, 1), date(year, 12, 31), "year", text, True)
    earlier = re.fullmatch(r"(earlier|later)\s+this\s+(week|month|year)", low)
    if earlier:
        unit = earlier.group(2)
        start = (base - timedelta(days=base.weekday()) if unit == "week"
                 else base.replace(day=1) if unit == "month" else base.replace(month=1, day=1))
        if earlier.group(1) == "earlier":
            return _period(start, base, unit, text, True)
        return None
    return None


@cache
def _parser(base: date | None, future: bool) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "future" if future else "past",
                                "RETURN_AS_TIMEZONE_AWARE": False,
                                "REQUIRE_PARTS": [] if base else ["year"]}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(text: str, base: date | None, future: bool) -> TimeRef | None:
    cleaned = re.sub(r"^(?:on|in|since|by|until|from|during|as\s+of|before|after)\s+", "", text,
                     flags=re.IGNORECASE)
    cleaned = re.sub(r"^(?:early|mid|late)[\s-]+", "", cleaned, flags=re.IGNORECASE)
    cleaned = re.sub(r"^the\s+end\s+of\s+", "", cleaned, flags=re.IGNORECASE)
    cleaned = re.sub(r"\b(earlier|before)$", "ago", cleaned)
    data = _parser(base, future).get_date_data(cleaned)
    found = data.date_obj
    if found is None:
        return None
    day = found.date()
    relative = not re.search(_YEAR, text)
    granularity = data.period or "day"
    if granularity == "week":
        monday = day - timedelta(days=day.weekday())
        return _period(monday, monday + timedelta(days=6), "week", text, relative)
    if granularity == "month":
        return _month_period(day.year, day.month, text, relative)
    if granularity == "year":
        return _period(date(day.year, 1, 1), date(day.year, 12, 31), "year", text, relative)
    return _period(day, day, "day", text, relative)


def resolve(text: str, base: date | None, *, future: bool = False) -> TimeRef:
    """The period a time expression names, against the document's date ``base``.

    Args:
        text: The expression as :func:`find_times` found it.
        base: The document's date, or None when it has none.
        future: Whether the sentence speaks of the future (months and weekdays then look
            forward).

    Returns:
        A resolved period (ISO ``start`` and ``end``), or the text alone, marked relative,
        when it cannot be placed (no document date, or a form nothing reads, "last season").
    """
    try:
        found = _custom(text, base, future)
        if found is None and (base is not None or re.search(_YEAR, text)):
            found = _dateparser(text, base, future)
    except (ValueError, OverflowError):
        found = None
    if found is None:
        return TimeRef(text=text, start=None, end=None, granularity=None, basis="explicit",
                       relative=True)
    return found


def document_date(metadata: dict[str, str]) -> date | None:
    """The date of a document from its front matter (``date``), or None."""
    raw = (metadata.get("date") or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        pass
    try:
        data = _parser(None, False).get_date_data(raw)
    except (ValueError, OverflowError):
        return None
    return data.date_obj.date() if data.date_obj is not None else None


def on_day(day: date | None, text: str | None = None) -> TimeRef:
    """The period of one day (a figure dated by its document), or an unknown time."""
    if day is None:
        return TimeRef(text=text, start=None, end=None, granularity=None, basis="none",
                       relative=True)
    return TimeRef(text=text, start=day.isoformat(), end=day.isoformat(), granularity="day",
                   basis="document", relative=False)
