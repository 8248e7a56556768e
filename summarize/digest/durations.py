"""Durations as figures: how long something lasted, takes or was late ("the outage lasted
roughly nine hours", "a six-day shutdown", "offline for about three weeks", "will take 30
months to build", "18 months later than planned").

A number followed by a unit of time is most often a period or an age, not a claim ("the past
12 months", "two days later", "six months ago", "a 20-year high", "aged 12 years"). It is a
figure only when its own words say what lasted, and the measure is that thing, so that two
durations meet only when they are of the same thing:

* a **compound** before a noun: "a six-day shutdown", "the 148-minute film" → ``film
  duration``; except the nouns a length only describes ("a 20-year low", "a 10-year bond");
* a **verb of lasting** after a noun, asides and places skipped: "the boarding took about 40
  minutes", "the handover on the border lasted six hours" → ``handover duration``; "would
  take three years to build" → ``construction duration``; "the bidding ran for 19 minutes";
* a **noun of** it: "a delay of 24 hours" → ``delay``; "12 days of stock";
* **out of service** for it: "closed for 19 hours", "offline for about three weeks", "cut
  off for 12 hours", "will be down for at least a month", "reopened after 17 hours", "a
  six-day shutdown" → ``time out of
  service``, one measure however an outlet names the outage (:data:`CLOSED`,
  :data:`OUT_OF_SERVICE`);
* **late** by it: "18 months later than planned", "three years behind schedule", "delay the
  departure by 24 hours" → ``delay``;
* a **prison term**: "sentenced to nine years", "nine years in prison"; one asked for in a
  sentence about sentencing ("prosecutors had asked for 12 years") is ``sentence sought``;
* time **needed to do** something: "needed more than seven hours to put out the blaze" →
  ``firefighting duration``, "will need two weeks to seal the gap", "had taken at least three
  months to dig", "spent about six weeks digging" → ``digging duration`` (never "spent seven
  minutes inside", which says only who);
* time **given** to do something: "operators have a month to remove the scooters" →
  ``deadline for removal``;
* **ending** something after it ("rescuers ended their search after 80 hours" → ``search
  duration``) or **setting** its length ("extended the strike to five days"), and "last" as a
  verb ("the strike is due to last 72 hours", not "the last 72 hours");
* a **wait for** what its sentence names: "the median wait for an operation was 17 weeks",
  "ships waited five days for a berth" → ``wait for operation``; a wait only its subject
  qualifies ("patients needing a new hip waited 38 weeks") is not read, since one story's
  waits are many.

One unit written with its article ("at least a week", "well over an hour") is a duration of
one, read by the same rules (``figures`` makes it a number). Anything else stays unread: a
missed comparison costs less than an invented one. Durations
are compared in one unit where the conversion is exact (minutes, hours, days and weeks; months
and years: ``summarize.digest.measures.CONVERSIONS``); "six weeks" and "a month" are not
comparable.
"""

from __future__ import annotations

import re
from functools import cache

from summarize.digest.measures import UNIT, Measure
from summarize.digest.openmeasures import BOUND_WORDS
from summarize.digest.text import STOPWORDS, singular

#: A unit of time as written → its unit code.
TIME_CODES: dict[str, str] = {
    **dict.fromkeys(("second", "seconds"), "s"),
    **dict.fromkeys(("minute", "minutes"), "min"),
    **dict.fromkeys(("hour", "hours"), "h"),
    **dict.fromkeys(("day", "days"), "d"),
    **dict.fromkeys(("week", "weeks"), "wk"),
    **dict.fromkeys(("month", "months"), "mo"),
    **dict.fromkeys(("year", "years"), "yr"),
}
#: Words of being closed or out of service: how long is a closure.
CLOSED = frozenset("""closed shut offline suspended halted grounded stopped idled idle dark
disconnected unavailable down blocked""".split())
#: Nouns of being out of service: the time of any of them is the ``time out of service``
#: (a story's outage, blackout or shutdown is one event, however each outlet names it).
OUT_OF_SERVICE = frozenset("""outage outages blackout blackouts shutdown shutdowns closure
closures stoppage stoppages suspension suspensions disruption disruptions interruption
interruptions""".split())
#: A unit of time in a pattern ("hours", "-day", "an hour and a half").
TIME_WORD = r"(?:second|minute|hour|day|week|month|year)s?"
#: Bound words between a word and its number ("for at least five weeks", "took about").
_BOUNDED = rf"(?:(?:{BOUND_WORDS}|an?)\s+)*"
#: Phrases of being out of service before "for" ("cut off for close to 12 hours").
_OUT_FOR = re.compile(r"\b(?:cut(?:ting|s)?\s+(?:off\s+)?(?:power|electricity|supplies|supply|"
                      r"service|water|internet)\b(?:\s+[\w,'’-]+){0,8}?|cut\s+off|out\s+of\s+"
                      r"(?:service|action|operation|use)|off\s+"
                      r"(?:the\s+)?(?:air|line|grid)|without\s+(?:power|service|electricity|"
                      r"water|internet|signal))\s+for\s+" + _BOUNDED + "$", re.IGNORECASE)
#: A verb of stopping something, with its object, before "for" ("halting trains for about 14
#: hours", "suspended all flights for six hours", "closing the road for three days").
_HALTED_FOR = re.compile(r"\b(?:halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|clos(?:e|es|ed|ing)|"
                         r"shut(?:s|ting)?|stopp(?:ed|ing)|stops?|block(?:s|ed|ing)?|"
                         r"ground(?:s|ed|ing)?)\s+(?:the\s+|all\s+|its\s+|their\s+)?"
                         r"(?:[a-z-]+\s+){1,3}?for\s+" + _BOUNDED + "$", re.IGNORECASE)
#: A prison term after the unit ("nine years in prison", "four years' imprisonment").
_PRISON_AFTER = re.compile(r"(?:['’]|\s+)(?:\s*in\s+(?:prison|jail)|\s*(?:of\s+)?"
                           r"(?:imprisonment|jail|prison))\b", re.IGNORECASE)
#: Verbs of lasting: the noun before one is what lasted.
LASTING = frozenset("""lasted lasting last lasts took take takes taking taken""".split())
#: Nouns a length describes rather than measures ("a 20-year low", "a 10-year bond", "the
#: five-year average"), and nouns of a period ("a 12-month period").
DESCRIBED = frozenset("""low lows high highs record records old average averages period periods
window windows span spans bond bonds tranche tranches note notes yield yields gilt gilts
treasury treasuries mortgage mortgages loan loans horizon horizons history veteran veterans
career careers basis age ages""".split())
#: Words between a verb of lasting and its noun that say nothing of what lasted.
_AUXILIARY = frozenset("""has have had will would could should may might can is was were are
be been being still only just already also finally eventually expected likely set due itself
themselves now""".split())
#: Words before the number that make it a period, not a duration ("the past 12 months").
_PERIOD_BEFORE = re.compile(r"\b(?:past|last|next|first|coming|previous|recent|final|every|"
                            r"each|per|after|in|(?<!well\s)(?<!just\s)over|since|ago|within|than|"
                            r"from|until)\s+"
                            r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|less\s+"
                            r"than|at\s+least|the|a|an)\s+)?$", re.IGNORECASE)
#: "last" as a verb ("the strike is due to last 72 hours", "it will last three days"), not
#: "the last 72 hours".
_WILL_LAST = re.compile(r"\b(?:to|will|would|could|may|might|should|can|cannot|not|'ll)\s+last\s+"
                        + _BOUNDED + "$", re.IGNORECASE)
#: Words after the unit that make it a point in time or an age ("six months ago", "aged 12
#: years old", "two days later").
_POINT_AFTER = re.compile(r"\s*(?:ago|earlier|old|before|after|later(?!\s+than)|from\s+now|"
                          r"into|in\s+a\s+row|running|straight)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][a-z-]*")


@cache
def duration_measure(name: str) -> Measure:
    """The measure of how long ``name`` lasted ("shutdown" → ``shutdown duration``)."""
    if name in OUT_OF_SERVICE or singular(name) in OUT_OF_SERVICE:
        name = OUT
    named = name if name in _NAMED or " for " in name or name.startswith("time ") else (
        f"{name} duration")
    return Measure(named, "event", frozenset({UNIT}), ())


#: What the time out of service is named (:data:`CLOSED`, :data:`OUT_OF_SERVICE`).
OUT = "time out of service"
#: Durations whose name says it is one.
_NAMED = frozenset({"delay", "prison sentence", "sentence sought", OUT})


def _content(word: str) -> bool:
    low = word.lower()
    return len(low) > 2 and low not in STOPWORDS and low not in TIME_CODES and (
        low not in _AUXILIARY) and not word[:1].isupper()


def duration_unit(word: str) -> str | None:
    """The unit code of a unit of time as written ("weeks" → ``wk``), or None."""
    return TIME_CODES.get(word.lower())


def what_lasted(text: str, start: int, unit_end: int) -> str | None:
    """What a duration is of, from its own words (see the module docstring), or None when they
    do not say. ``start`` is where the number (its bound words included) starts, ``unit_end``
    where its unit of time ends."""
    before = text[max(0, start - 120):start]
    after = re.sub(r"^[\"”’']", "", text[unit_end:unit_end + 80])  # "almost 20 minutes" to arrive
    lasting_for = re.search(r"\bfor\s+" + _BOUNDED + "$", before, re.IGNORECASE)
    point = _POINT_AFTER.match(after)
    if point and not (lasting_for and point.group(0).strip().lower() in {"after", "before"}):
        return None  # "six months ago"; but "offline for three weeks after a leak" lasted
    if re.search(r"\d-[a-z]+$|[a-z]-[a-z]+$", text[max(0, unit_end - 30):unit_end]):
        return _compound(after)
    if re.search(r"\b(?:reopened|restored|reconnected|resumed|returned)\s+"
                 r"(?:[a-z]+\s+){0,4}?after\s+" + _BOUNDED + "$", before, re.IGNORECASE):
        return OUT  # "the runway reopened after 17 hours"
    ended = _ENDED_AFTER.search(before)
    if ended and _content(ended.group(1)):  # "rescuers ended their search … after 80 hours"
        return singular(ended.group(1))
    extended = _SET_TO.search(before)
    if extended and _content(extended.group(1)):  # "extended the strike to five days"
        return singular(extended.group(1))
    if _SOUGHT.search(before) and _SENTENCING.search(text):
        return "sentence sought"  # "prosecutors had asked for 12 years"
    done = _DONE_IN.search(before)
    if done:  # "the wallets had been emptied in 47 minutes", "put out the blaze after three
        # hours": how long the doing took
        return _doing(_DONE[re.sub(r"\s+", " ", done.group(1).lower())])
    travel = _TRAVEL_TO.search(before)
    if travel:  # "cutting the journey from Tangier to Marrakech to two hours and 40 minutes"
        return singular(re.sub(r"\s+time$", "", travel.group(1).lower()))
    if _SAVED.search(before):  # "would save drivers about 25 minutes", "cut the drive … by 40"
        return "time saved"
    if _PERIOD_BEFORE.search(before) and not _WILL_LAST.search(before):
        return None  # "the past 12 months"; but "due to last 72 hours" is how long
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(before)]
    core = [w.lower() for _, w in words[-6:] if w.lower() not in _BOUND_WORDS]
    if re.match(r"\s+(?:late|later\s+than|behind|overdue|past\s+(?:the|its)\s+deadline)\b",
                after, re.IGNORECASE) or re.search(
                    r"\b(?:delay(?:ed|s|ing)?|postpone[ds]?|pushed\s+back|set\s+back)\b"
                    r"(?:\s+[\w'’]+){0,5}?\s+by\s+(?:[a-z]+\s+){0,2}$|\b(?:delayed|postponed)\s+"
                    r"(?:[a-z]+\s+){0,2}$", before, re.IGNORECASE):
        return "delay"  # "18 months later than planned", "delay the departure by 24 hours"
    waited = _WAITED.search(before)
    if waited:  # "ships waited five days for a berth"; not "patients needing a new hip waited
        # a median of 38 weeks", which says only in its subject what they waited for
        purpose = re.match(r"\s+(?:at\s+[\w\s]{1,40}?\s+)?for\s+(?:an?\s+|the\s+|their\s+|its\s+)?"
                           r"((?:[a-z]+\s+){0,2}?[a-z]+)\b(?!\s+[a-z])", after)
        purpose = purpose or re.match(r"\s+(?:at\s+[\w\s]{1,40}?\s+)?for\s+(?:an?\s+|the\s+|"
                                      r"their\s+|its\s+)?()([a-z]+)\b", after)
        noun = _VERB_NOUNS[waited.group(1).lower()]
        if noun != "wait":
            return noun
        if purpose is None:
            return None
        what = purpose.group(purpose.lastindex or 1).split()
        return "wait for " + " ".join([*what[:-1], singular(what[-1])])
    if lasting_for:
        # "closed for 19 hours", "shut down for about three weeks", "without electricity
        # for nine hours": only a closure says what the time was for
        gap = re.search(r"(\b[a-z]+\b)(\s+(?:down|completely|entirely|again))?\s+for\s+"
                        + _BOUNDED + "$", before, re.IGNORECASE)
        down = gap is not None and (gap.group(2) or "").strip().lower() == "down" and (
            gap.group(1).lower() in _BEING)  # "the plant will be down for at least a month"
        if gap and gap.group(1).lower() in CLOSED or down or _OUT_FOR.search(before) or (
                _HALTED_FOR.search(before)):
            return OUT
        if re.search(r"\b(?:spoke|speaking|spoken|talked)\s+for\s+" + _BOUNDED + "$", before,
                     re.IGNORECASE):
            return "speech"  # "an opposition lawmaker spoke for 17 hours and 12 minutes"
        ran = re.search(r"\b(?:ran|run|runs|running|continued|continues|went\s+on|goes\s+on|"
                        r"dragged\s+on|lasted|lasts|stretched|raged|burned|burnt)\s+for\s+"
                        + _BOUNDED + "$", before, re.IGNORECASE)
        if ran:  # "the bidding ran for 19 minutes", "the fire burned for three days"
            return _subject(text, max(0, start - 120) + ran.start())
        if re.search(r"\b(?:jailed|imprisoned|detained|locked\s+up)\s+for\s+" + _BOUNDED + "$",
                     before, re.IGNORECASE):
            return "prison sentence"
        return _state(before)
    spent = re.search(r"\b(?:spent|spend|spends|spending)\s+" + _BOUNDED + "$", before,
                      re.IGNORECASE)
    place = _PLACE_AFTER.match(after) if spent else None
    if place:  # "had spent 10 days at sea": the time at sea
        return "time " + _state_name(place.group(1))
    if _PRISON_AFTER.match(after) or re.search(
            r"\bsentenced\s+(?:him|her|them|[A-Z][a-z]+\s+)?to\s+(?:[a-z]+\s+){0,2}$",
            before) and not re.match(r"\s+of\b", after):
        return "prison sentence"  # "sentenced to nine years", "nine years in prison"
    days_of = re.match(r"\s+of\s+(?:[a-z]+\s+)?([a-z]+)\b", after)
    if days_of and _content(days_of.group(1)) and days_of.group(1) not in DESCRIBED:
        return singular(days_of.group(1))  # "12 days of stock", "three days of talks"
    ahead = re.match(r"\s+to\s+(?:be\s+)?([a-z]+)(?:\s+(out|up|down|off|back))?\b", after)
    doing = ahead and _content(ahead.group(1)) and (
        " ".join(w for w in ahead.groups() if w).lower())
    if doing and core and core[-1] in NEEDING:  # "needed more than seven hours to put out"
        return _doing(doing)
    gerund = re.match(r"\s+([a-z]{3,}ing)\b", after)
    if gerund and core and core[-1] in NEEDING and gerund.group(1) not in _NOT_DOING:
        return _doing(_infinitive(gerund.group(1)))  # "spent about six weeks digging"
    lasting = next((i for i in range(len(core) - 1, -1, -1) if core[i] in LASTING), None)
    if lasting is not None and lasting >= len(core) - 2:
        if doing:  # "will take 30 months to build"
            return _doing(doing)
        verb_at = max(m.start() for m in _WORD.finditer(before) if m.group(0).lower() in LASTING)
        return _subject(text, max(0, start - 120) + verb_at)
    if doing and _GIVEN.search(before):  # "operators have 60 days to remove their scooters"
        return "deadline for " + _doing(doing)
    level = re.search(r"\b(?:was|is|were|are|stood\s+at|averaged|averages)\s+" + _BOUNDED + "$",
                      before, re.IGNORECASE)
    if level:  # "the median wait for inpatient treatment was 14 weeks"
        lasted = _subject(text, max(0, start - 120) + level.start())
        return None if lasted in DESCRIBED or lasted == OUT and not _near_outage(before) else (
            lasted)
    of = re.search(r"\b([a-z]+)\s+of\s+" + _BOUNDED + "$", before, re.IGNORECASE)
    if of and _content(of.group(1)) and of.group(1).lower() not in DESCRIBED and not (
            of.group(1).lower().endswith("s") and of.group(1).lower() not in {"process"}):
        return singular(of.group(1))  # "a delay of 24 hours", "a wait of 3.5 days"
    return None


#: What doing a thing is called ("would take three years to build": the construction).
_DOING = {"build": "construction", "construct": "construction", "complete": "completion",
          "repair": "repair", "fix": "repair", "restore": "restoration", "clean": "cleanup",
          "clear": "clearance", "rebuild": "reconstruction", "finish": "completion",
          "put out": "firefighting", "extinguish": "firefighting", "seal": "sealing",
          "evacuate": "evacuation", "rescue": "rescue", "reopen": "reopening",
          "remove": "removal", "dig": "digging", "cap": "capping", "drain": "draining",
          "demolish": "demolition", "restart": "restart", "recover": "recovery",
          "empty": "emptying", "stop": "stopping", "contain": "containment",
          "sell out": "sell-out"}


def _doing(verb: str) -> str:
    """What doing ``verb`` (a verb, or a verb and its particle: "put out") is called."""
    return _DOING.get(verb, _DOING.get(verb.split()[0], verb.split()[0]))


#: Forms of "be" and "stay" before "down for" (being out of service).
_BEING = frozenset("""be been being is was were are remain remains remained stay stays stayed
went go goes""".split())
#: Being given a time to do something: the time is a deadline ("have a month to remove",
#: "has given operators only 60 days to remove", "have the full 90 days to").
_GIVEN = re.compile(r"\b(?:have|has|had|having|given|give|gives|giving|granted|grant|grants|"
                    r"allowed|allow|allows|gets|get|got)\s+(?:(?:[a-z]+\s+){0,2}?)(?:the\s+)?"
                    r"(?:full\s+)?" + _BOUNDED + "$", re.IGNORECASE)
#: Words in -ing after a time that do not say what was done in it ("spent six hours
#: waiting" is a wait; "spent the morning"): no duration of doing.
_NOT_DOING = frozenset("""during following including according waiting nothing something
morning evening""".split())


def _infinitive(gerund: str) -> str:
    """The verb of a word in -ing ("digging" → dig, "building" → build, "removing" →
    remove): a doubled last consonant is one, and a stem that cannot end an English verb
    ("remov", "produc") takes its "e"."""
    base = gerund[:-3]
    if len(base) >= 3 and base[-1] == base[-2] and base[-1] not in "aeiouls":
        return base[:-1]
    if base[-1:] in ("v", "c", "z", "u") or re.search(r"[^aeiou][aeiou][kstm]$", base) and (
            len(base) <= 4):
        return base + "e"  # "removing", "producing", "making", "using"
    return base


#: Verbs of needing time for something: a duration only with what it was for ("needed more
#: than seven hours to put out the blaze"), never with its subject alone.
NEEDING = frozenset("""needed need needs required require requires spent spend spends""".split())
#: Ending something after a time: the time is how long it lasted ("rescuers ended their
#: search on Friday after 80 hours").
_ENDED_AFTER = re.compile(r"\b(?:ended|called\s+off|halted|stopped|finished|concluded|completed|"
                          r"suspended|abandoned)\s+(?:the|its|their|his|her)\s+([a-z]+)\b"
                          r"[^,.;:]{0,60}?\bafter\s+" + _BOUNDED + "$", re.IGNORECASE)
#: Setting the length of something ("extended the strike to five days", "cut the stoppage to
#: 48 hours").
_SET_TO = re.compile(r"\b(?:extended|extends|extending|shortened|shortens|lengthened|cut|"
                     r"prolonged)\s+(?:the|its|their|a)\s+(?:[a-z]+['’]\s+|[a-z]+['’]s\s+)?"
                     r"([a-z]+)\s+to\s+" + _BOUNDED + "$", re.IGNORECASE)
#: A prison term asked for ("prosecutors had asked for 12 years", "demanded 11 years"), read
#: only in a sentence of sentencing.
_SOUGHT = re.compile(r"\b(?:asked\s+for|asking\s+for|demanded|demanding|sought|seeking|"
                     r"requested|called\s+for)\s+" + _BOUNDED + "$", re.IGNORECASE)
_SENTENCING = re.compile(r"\b(?:prosecutors?|sentenc\w*|prison|jail\w*|imprisonment|"
                         r"custod\w*)\b", re.IGNORECASE)
#: Verbs of waiting or travelling and the noun of their duration.
_VERB_NOUNS = {"waited": "wait", "wait": "wait", "waiting": "wait", "queued": "queue",
               "stayed": "stay", "travelled": "journey", "traveled": "journey",
               "sailed": "voyage", "flew": "flight"}
_WAITED = re.compile(r"\b(" + "|".join(_VERB_NOUNS) + r")\s+(?:for\s+)?(?:(?:an?\s+)?(?:median|"
                     r"average|mean|total|maximum|minimum)\s+of\s+)?" + _BOUNDED + "$",
                     re.IGNORECASE)


#: Doing something in (or within, or after) a time: the past form, and the verb whose doing it
#: is (:func:`_doing` names it). "the wallets had been emptied in 47 minutes", "drained the
#: wallets in about 40 minutes" (one emptying), "put out the blaze in about 50 minutes", "the
#: leak was stopped within 25 minutes".
_DONE = {"emptied": "empty", "drained": "empty", "stopped": "stop", "contained": "contain",
         "extinguished": "extinguish", "put out": "put out", "evacuated": "evacuate",
         "cleared": "clear", "sealed": "seal", "repaired": "repair", "restored": "restore",
         "capped": "cap", "plugged": "cap", "sold out": "sell out"}
_DONE_IN = re.compile(r"\b(" + "|".join(w.replace(" ", r"\s+") for w in _DONE) + r")\b"
                      r"(?:\s+(?:the|its|their|a|an)\s+[a-z-]+(?:\s+[a-z-]+)?)?"
                      r"\s+(?:in|within|after)\s+" + _BOUNDED + "$", re.IGNORECASE)
#: A journey's time, the number after "to", "at", "as" or "be" in a clause that names the
#: journey ("cutting the journey from Tangier to Marrakech to two hours and 40 minutes", "puts
#: the journey time between Zaragoza and Toulouse at two hours and 45 minutes").
_TRAVEL_TO = re.compile(r"\b(journey\s+time|travel\s+time|journey|trip|drive|commute|crossing|"
                        r"flight\s+time)\b[^,;.]{0,80}?\b(?:to|at|as|be|is|was|of)\s+"
                        + _BOUNDED + "$", re.IGNORECASE)
#: Time saved ("would save drivers about 25 minutes", "will cut the drive between Santa Fe and
#: Cañasgordas by 40 minutes").
_SAVED = re.compile(r"\b(?:save|saves|saved|saving)\s+(?:[a-z]+\s+){0,2}?" + _BOUNDED + "$|"
                    r"\b(?:cut|cuts|cutting|shave|shaves|shaved|shaving|shorten|shortens|"
                    r"shortened)\s+(?:the|their|its)\s+(?:journey|trip|drive|commute|travel)\b"
                    r"[^,;.]{0,80}?\bby\s+" + _BOUNDED + "$", re.IGNORECASE)
#: Being in a state or a place before "for" ("were inside the building for about seven
#: minutes", "stayed below freezing for", "had sat at room temperature for", "will be in
#: hospital for", "sat stranded for"): the time in that state.
_STATE_FOR = re.compile(
    r"\b(?:(?:was|were|is|are|be|been|being|stayed|stay|stays|remained|remain|remains|sat|sit|"
    r"sits|lay|lie|lies)\s+(?:[a-z]+ly\s+)?(?:(?:stranded|trapped|stuck|held|kept|left|pinned|"
    r"marooned)\s+)?|(?:stranded|trapped|stuck|held|kept|left|pinned|marooned)\s+)"
    r"((?:inside|in|at|on|under|below|above|aboard|outside|underwater|adrift|afloat|stranded|"
    r"trapped|stuck|pinned|marooned|submerged|open)\b(?:\s+(?!for\b)[\w'’-]+){0,3}?)\s+for\s+"
    + _BOUNDED + "$", re.IGNORECASE)
#: A place after a time spent ("spent 10 days at sea", "spent a week in hospital").
_PLACE_AFTER = re.compile(r"\s+((?:at|in|on|aboard|inside|under)\s+(?:the\s+|a\s+)?"
                          r"[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\b(?=\s*(?:[,.;)]|$|after|before|"
                          r"when|while|and|to|with|without|waiting))", re.IGNORECASE)
#: Words of a state that say nothing of it ("the", "their").
_STATE_FILLER = frozenset("""the a an its their his her our this that these those""".split())


def _state_name(words: str) -> str:
    """A state's name for a measure, articles dropped ("inside the building" → "inside
    building", "in talks")."""
    return " ".join(w.lower() for w in re.findall(r"[\w'’-]+", words)
                    if w.lower() not in _STATE_FILLER)


def _state(before: str) -> str | None:
    """The time in a state or place that "for" follows (:data:`_STATE_FOR`), or None."""
    found = _STATE_FOR.search(before)
    if found is None:
        return None
    name = _state_name(found.group(1))
    if name.split()[-1] in TIME_CODES or name.split()[-1] in STOPWORDS - {"open", "in", "on"}:
        return None  # "were in talks for" … ends on no state
    return "time " + name


def _near_outage(before: str) -> bool:
    """Whether the words just before a level verb name an outage ("the blackout was 12
    hours"), not one farther back in the sentence."""
    return any(w.lower() in OUT_OF_SERVICE for w in _WORD.findall(before[-40:]))


#: Bound and filler words between a verb and its number ("took about", "lasted up to").
_BOUND_WORDS = frozenset("""about around some nearly almost roughly approximately close to just
under over more less than at least most up another a an further only the for by of as long
many much""".split())
#: Words that end a place phrase: a verb is no part of a place ("outside said the fire had").
_NO_PLACE = r"(?:said|says|say|told)\b"
#: An aside or a place after a subject ("the handover, which the UAE mediated,", "the
#: handover on the Belarusian border"): skipped to find the noun that lasted.
_ASIDE_END = re.compile(r",[^,]{1,80},\s*$")
_PLACE_END = re.compile(r"\s+(?:on|in|at|of|for|from|near|off|along|across|between|inside|"
                        r"outside|over|under|to|against)\s+(?:the\s+|a\s+|an\s+|its\s+|"
                        r"their\s+)?(?:(?!" + _NO_PLACE + r")[\w'’-]+\s+){0,3}(?!" + _NO_PLACE
                        + r")[\w'’-]+\s*$", re.IGNORECASE)


#: How far (in characters) before a verb of lasting its subject is looked for.
_SUBJECT_WINDOW = 200


def _subject(text: str, verb_at: int) -> str | None:
    """The noun before a verb of lasting: "the boarding itself had lasted", "the handover on
    the border lasted", "Construction will take"; an outage farther back in the sentence
    ("Monday's outage cut off 500,000 users and lasted 12 hours")."""
    first = max(0, verb_at - _SUBJECT_WINDOW)  # a bounded window keeps a huge sentence linear
    head = text[first:verb_at]
    purpose = None  # "the median wait for inpatient treatment": a wait for what
    for _ in range(3):
        shorter = _ASIDE_END.sub(" ", head)
        place = _PLACE_END.search(shorter)
        if place:
            words = [w.lower() for w in _WORD.findall(place.group(0))
                     if w.lower() not in {"a", "an", "the", "its", "their"}]
            if words and words[0] == "for" and len(words) > 1:
                purpose = " ".join([*words[1:-1][-2:], singular(words[-1])])
            shorter = shorter[:place.start()] + " "
        if shorter == head:
            break
        head = shorter
    found = [(m.start(), m.group(0)) for m in _WORD.finditer(head)]
    for offset, word in reversed(found[-5:]):
        low = word.lower()
        if low in _AUXILIARY or low.endswith("ly") or low == "to":
            continue  # "the strike is due to last 72 hours"
        opening = (offset == 0 and first == 0) or re.search(r"(?:[.!?\"“—–-]\s*|\)\s*)$",
                                                            head[:offset])
        if (_content(word) or opening and _content(low)) and not low.endswith("ed"):
            noun = singular(word)
            if noun == "wait" and purpose is None:
                return None  # a wait for what: one story's waits are many
            return f"{noun} for {purpose}" if purpose and noun not in OUT_OF_SERVICE else noun
        break
    return OUT if any(w.lower() in OUT_OF_SERVICE for _, w in found) else None


def _compound(after: str) -> str | None:
    """The noun a compound duration describes: "a six-day shutdown", "the 148-minute film", "a
    12-hour rolling stoppage"; None for a length that describes a kind ("a 20-year low")."""
    first = re.match(r"(?:-long)?\s+([a-z]+)\b", after)
    word = first.group(1) if first and _content(first.group(1)) else None
    if word is None:
        return None
    second = re.match(r"(?:-long)?\s+[a-z]+\s+([a-z]+)\b", after)
    if second and _content(second.group(1)) and second.group(1).endswith(
            ("age", "ure", "ion", "ment", "down", "out", "ban", "strike", "trip", "journey",
             "flight", "voyage", "sentence", "term", "delay", "wait")):
        word = second.group(1)
    if singular(word) in DESCRIBED or word in DESCRIBED:
        return None
    return singular(word)
