"""Claims: each figure of a document with its subject, time, status, event and attribution.

Pure: a document's English sentences (and its front matter) in, :class:`~summarize.records.
Claim` records out. Figures are read by ``summarize.digest.figures``; then, per figure:

* **Attribution**: who says it ("according to the Wall Street Journal", "the interior
  ministry said", "ENAG put annual inflation at …"). Names inside it are sources, never the
  subject; the source's name is kept (``source``), and for "its forecasters" or "the team"
  it is the source the document named before.
* **Subject**, by the measure's kind (``summarize.digest.measures``):

  - *entity*: the first name of the figure's clause before the figure (not a place, a
    participant after "by"/"from"/"with", or a nationality); else, for "it", "they" or "the
    company", the source of "X said it …", an earlier clause's subject or the article's main
    entity; else an earlier clause's subject; else the article's main entity;
  - *event*: the event noun nearest to the figure ("earthquake", "floods", "strike"), else
    the article's main event, identified by *anchors*, the sentence's names or the
    article's most frequent ones ("Izmir", "Turkey");
  - *place*: a place or nationality of the clause ("in Seville", "German inflation"), else
    an earlier clause's, else the article's main entity.

* **Time**: the nearest time expression of the figure's clause, else one before it in the
  sentence, else the next clause's when it has no figure ("after its Series B in 2023"), else
  the document's date; "since November" counts up to the document's date; an earlier value
  ("up from …") is some time before the figure it accompanies.
* **Status**: ``target``, ``in talks``, ``expected`` (forecasts, polls, "could"), ``planned``
  ("will", "is due to") or ``completed``.
* **Qualifiers**, what tells events apart: ``cumulative`` ("to date", "so far", "since"),
  ``previous``/``new`` rounds, ``series c``, ``with bonuses``, list or negotiated prices,
  and places (``in:sweden``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from summarize.digest.ages import age_of
from summarize.digest.claimtime import (
    ParsedSentence,
    clause_window,
    figure_time,
    occasion,
    when_time,
)
from summarize.digest.entities import (
    DocumentNames,
    Name,
    NameContext,
    document_names,
    find_names,
    same_subject,
    subject_key,
)
from summarize.digest.events import countries, event_near, same_event
from summarize.digest.extractive import EXCLUDED_FLAGS
from summarize.digest.figures import Figure, read_figures
from summarize.digest.measures import IMPLIED_EVENTS, INCIDENT, PEOPLE, PERSON_ROLES, ROLE_NOUNS
from summarize.digest.openmeasures import COUNTING_VERBS
from summarize.digest.parts import part_of_things
from summarize.digest.qualifiers import (
    ADJUSTMENT,
    GROUPS,
    QUALIFIERS,
    SERIES,
    STATUS,
    attributions,
    window_of,
)
from summarize.digest.text import dateline_end, stem
from summarize.digest.timeexpr import (
    document_date,
    find_times,
)
from summarize.digest.verdicts import compatible
from summarize.records import Claim, DocumentResult, SentenceRecord, TimeRef

_PERCENT = re.compile(r"%|\bper\s?cent\b|\bpercent", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|its|they|their|itself)\b", re.IGNORECASE)
_ROLE = re.compile(r"\bthe\s+(?:[a-z-]+\s+){0,2}(?:" + "|".join(sorted(ROLE_NOUNS)) + r")\b",
                   re.IGNORECASE)
def eligible_for_claims(record: SentenceRecord) -> bool:
    """Repeated paragraphs and boilerplate give no claims. Headlines do ("Quake kills 38"):
    news puts its main figure there; they are left out of what the article is about (its
    names come from the body, the title counting once)."""
    return (bool(record.english.strip())
            and not any(f.code in EXCLUDED_FLAGS for f in record.flags))


def document_title(document: DocumentResult) -> str | None:
    """The headline: the front matter's title, else the first heading sentence."""
    if document.metadata.get("title"):
        return document.metadata["title"]
    return next((s.english for s in document.sentences if s.heading and s.english), None)


def _parse(document: DocumentResult, context: NameContext
           ) -> tuple[list[ParsedSentence], DocumentNames]:
    parsed: list[ParsedSentence] = []
    for record in document.sentences:
        if not eligible_for_claims(record):
            continue
        text = record.english
        parsed.append(ParsedSentence(record, text, read_figures(text), find_names(text, context),
                                attributions(text), find_times(text),
                                tuple(sorted({f.code for f in record.flags if f.severity >= 2}))))
    # Who said it counts half, unless it speaks of itself ("Mistral AI said it will invest").
    excluded = [(i, s, e) for i, p in enumerate(parsed) for s, e in p.attributions
                if not re.match(r"\s*(?:that\s+)?(?:it|they)\b", p.text[e:], re.IGNORECASE)]
    body = [i for i, p in enumerate(parsed) if not p.record.heading]
    renumber = {old: new for new, old in enumerate(body)}
    excluded = [(renumber[i], s, e) for i, s, e in excluded if i in renumber]
    names = document_names(document_title(document), [parsed[i].text for i in body], context,
                           excluded)
    if names.event == "election":  # "the CDU was on 31.5 percent": a party's vote share
        parsed = [replace(p, figures=read_figures(p.text, share_of="vote share"))
                  if _PERCENT.search(p.text) else p for p in parsed]  # only shares change
    return parsed, names


#: A document's sentences read for claims, and what it is mostly about (see :func:`parse`).
Parsed = tuple[list[ParsedSentence], DocumentNames]


def parse(document: DocumentResult, context: NameContext) -> Parsed:
    """A document read once for both :func:`extract_claims` and :func:`document_profile`."""
    return _parse(document, context)


def document_profile(document: DocumentResult, context: NameContext,
                     reading: Parsed | None = None) -> DocumentNames:
    """What a document is mostly about: main entity, main place, anchors, main event
    (``reading``: the document already read by :func:`parse`)."""
    return (reading or _parse(document, context))[1]


def extract_claims(document: DocumentResult, context: NameContext,
                   reading: Parsed | None = None) -> list[Claim]:
    """Every claim of one processed document, in sentence order.

    Args:
        document: The document, with its English sentences and front matter.
        context: Capitalization seen across the run's documents (see
            ``summarize.digest.entities.name_context``).
        reading: The document already read by :func:`parse` (read here otherwise).
    """
    day = document_date(document.metadata)
    parsed, names = reading or _parse(document, context)
    claims: list[Claim] = []
    last_subject: str | None = None
    last_rate: str | None = None  # what "a rate of 2.2%" refers back to
    sources: list[tuple[str, str]] = []  # (attribution, the name in it), in document order
    for sentence in parsed:
        previous: tuple[str, str] | None = None
        previous_time: TimeRef | None = None
        for n, figure in enumerate(sentence.figures, start=1):
            claim = _claim(document.id, sentence, n, figure, names, day, previous,
                           previous_time, last_subject, sources)
            if figure.bare and last_rate is not None:
                claim = replace(claim, measure=last_rate)
            elif claim.subject_kind == "place" and claim.unit == "%" and not figure.bare:
                last_rate = claim.measure
            claims.append(claim)
            aside = re.search(r"\b(?:which|who|whom|whose)\s*$",
                              sentence.text[:figure.clause[0]], re.IGNORECASE)
            if claim.subject_kind != "event" and not aside:
                # "Kustbanken, which Nordbank bought for 4.5 billion euros, had 5,200
                # employees": the relative clause's subject is not the sentence's
                previous = (claim.subject, claim.subject_basis)
            previous_time = claim.time
        last_subject = _opening_name(sentence)
        sources += _named_sources(sentence)
    return _without_repeated_headline(claims, {p.record.id for p in parsed if p.record.heading})


def _without_repeated_headline(claims: list[Claim], headings: set[str]) -> list[Claim]:
    """Drop a headline's claim that the body states too (same measure, a figure it agrees
    with or bounds: "Toll passes 200" over "212 people died"): the body's sentence is the
    fuller evidence, and one article should not count it twice. A headline is shorthand, so
    its measure is never taken as named near enough for a disagreement (side by side)."""
    body = [c for c in claims if c.sentence not in headings]
    return [c if c.sentence not in headings else replace(c, measure_near=False) for c in claims
            if c.sentence not in headings or not any(
                b.measure == c.measure and compatible(c, b) for b in body)]


def _opening_name(sentence: ParsedSentence) -> str | None:
    """The name a sentence opens with ("The United Arab Emirates signed …"), if any: what a
    following "It" or "They" most often refers to."""
    for name in sentence.names:
        if _excluded(name, sentence.attributions) or name.place or name.demonym:
            continue
        if not re.fullmatch(r"\s*(?:the\s+)?", sentence.text[:name.start], re.IGNORECASE):
            return None
        return name.text
    return None


def _excluded(name: Name, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= name.start < e for s, e in spans)


def _source(sentence: ParsedSentence, figure: Figure) -> tuple[str | None, Name | None]:
    """The attribution nearest to a figure, and the name of its source when it has one."""
    if not sentence.attributions:
        return None, None
    before = [span for span in sentence.attributions if span[1] <= figure.start + 1]
    if before:
        start, end = max(before, key=lambda span: span[1])
    else:
        start, end = min(sentence.attributions, key=lambda span: span[0] - figure.start)
    text = sentence.text[start:end].strip(" ,")
    text = re.sub(r"^(?:while|and)\s+", "", text)
    text = re.sub(r"\s+that$", "", text)
    return text, _named_in(sentence, start, end)


def _named_in(sentence: ParsedSentence, start: int, end: int) -> Name | None:
    """The source an attribution span names ("The European Union's border agency Frontex
    said": Frontex, not the possessor), or None."""
    inside = [n for n in sentence.names if start <= n.start < end and not n.demonym]
    return next((n for n in inside if not n.possessive), inside[0] if inside else None)


#: A source named only by a pronoun's possession or a common noun ("Its forecasters put",
#: "The team put", "according to the agency"): who it is, the document said before.
_ANAPHORIC_SOURCE = re.compile(r"\s*(?:(?i:according)\s+to\s+)?(?:(?P<own>(?i:its|their))|"
                               r"(?i:the))\s+(?:[a-z-]+\s+){0,2}?(?P<head>[a-z]+)\b(?!['’]s)")


def _named_sources(sentence: ParsedSentence) -> list[tuple[str, str]]:
    """The attributions of a sentence that name their source, as (attribution, name)."""
    return [(sentence.text[start:end], who.text) for start, end in sentence.attributions
            if (who := _named_in(sentence, start, end)) is not None]


def _resolved_source(attribution: str | None, who: Name | None,
                     earlier: Sequence[tuple[str, str]]) -> str | None:
    """Who says a figure, by name (:attr:`Claim.source`): the name in its attribution, else
    for "its forecasters" the source the document named last, and for "the team" the last
    named source whose attribution has that word ("a survey team from the Bangladesh
    Meteorological Department"); None when nothing names it."""
    if who is not None:
        return who.text
    anaphor = _ANAPHORIC_SOURCE.match(attribution or "")
    if anaphor is None:
        return None
    head = anaphor.group("head")
    for text, name in reversed(earlier):
        if anaphor.group("own") or re.search(rf"\b{re.escape(head)}\b", text, re.IGNORECASE):
            return name
    return None


def _claim(doc_id: str, sentence: ParsedSentence, n: int, figure: Figure, names: DocumentNames,
           day: date | None, previous: tuple[str, str] | None,
           previous_time: TimeRef | None, last_subject: str | None,
           sources: Sequence[tuple[str, str]] = ()) -> Claim:
    attribution, who = _source(sentence, figure)
    subject, kind, basis, key, participants, anchors = _subject(
        sentence, figure, names, previous, who, last_subject)
    qualifiers = _qualifiers(sentence, figure, kind, subject, names)
    window = clause_window(sentence, figure)
    status = next((name for name, pattern in STATUS if pattern.search(window)), "completed")
    if re.search(r"\b(?:the|its|their)\s+$", sentence.text[:figure.start], re.IGNORECASE):
        status = "completed"  # "would appeal the 45,000 euro fine": the fine exists
    if "target" in qualifiers:
        status = "target"
    if status != "completed":
        by = _forecaster(sentence, figure, names, who, last_subject)
        if by:
            qualifiers = (*qualifiers, "by:" + by)
    time, cumulative = figure_time(sentence, figure, day, previous_time)
    if cumulative and "cumulative" not in qualifiers:
        qualifiers = ("cumulative", *qualifiers)
    happened, reported = occasion(sentence, figure, day) if kind == "event" else (None, None)
    if kind == "event" and figure.earlier and (time.known or time.basis == "before"):
        happened = time  # "up from 980 a month ago": then
        if time.known:
            reported = time  # "up from the 47 it gave on Tuesday": given then, not today
    if cumulative or re.search(r"\bsince\b", clause_window(sentence, figure), re.IGNORECASE):
        happened = None  # "since the outbreak began in November": a count up to the report
    when = when_time(sentence, figure, day) if kind == "event" else None
    if when is not None and when.known:
        happened = when  # "the worst since 2020, when 200,000 hectares were infested": 2020
        time = when  # and not a count "since" 2020: the "since" only compares
        qualifiers = tuple(q for q in qualifiers if q != "cumulative")
    return Claim(
        id=f"{sentence.record.id}#{n}", document=doc_id, sentence=sentence.record.id,
        subject=subject, subject_kind=kind, subject_basis=basis, subject_key=key,
        measure=figure.measure, figure=figure.shown, value=figure.mention.value,
        unit=figure.unit, time=time, bound=figure.bound, upper=figure.upper,
        conversions=figure.conversions, participants=participants, anchors=anchors,
        qualifiers=qualifiers, status=status, attribution=attribution,
        span=(figure.start, figure.end), flags=sentence.flags, happened=happened,
        reported=reported, measure_near=figure.near,
        source=_resolved_source(attribution, who, sources))


def _subject(sentence: ParsedSentence, figure: Figure, names: DocumentNames,
             previous: tuple[str, str] | None, who: Name | None, last_subject: str | None
             ) -> tuple[str, str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """``(subject, kind, basis, key, participants, anchors)`` of a figure."""
    text, (start, end) = sentence.text, figure.clause
    usable = [n for n in sentence.names if not _excluded(n, sentence.attributions)]
    in_clause = [n for n in usable if start <= n.start < end]
    if figure.kind == "event":
        clause_text = text[start:end]
        near = event_near(clause_text, figure.start - start)
        own_names = [n for n in usable if start <= n.start < figure.start]
        known_words = {w for a in names.anchors for w in a.split()}
        if near and names.event and not same_event(near, names.event) and not any(
                not set(subject_key(n.demonym or n.text)) <= known_words for n in own_names):
            near = None  # "killed by landslides" in a typhoon story: the typhoon's toll
        event = names.event if near in (None, INCIDENT) and names.event else near
        if event in (None, INCIDENT):  # "Final turnout was 58.3 percent": an election's
            event = IMPLIED_EVENTS.get(figure.measure, event)
        if event is None:
            event = INCIDENT  # "the number of people killed has risen to seven": some event
        if event is not None:
            own = [" ".join(subject_key(n.demonym or n.text)) for n in usable]
            known = {w for a in names.anchors for w in a.split()}
            new = [a for a in own if not set(a.split()) <= known]
            subject_new = [n for n in usable if n.start < figure.start and not n.participant
                           and not set(subject_key(n.demonym or n.text)) <= known]
            # The sentence's names identify the event when it names an event of its own with
            # a new name ("floods in southern Poland") or has a new name as its subject
            # ("Neighbouring Mozambique has reported …"); else the article's names do, and a
            # place named only in passing ("two in County Donegal") is a detail.
            own_event = near is not None
            anchors = tuple(dict.fromkeys(own)) if new and (own_event or subject_new) else (
                names.anchors)
            basis = "sentence" if own_event else "document"
            return event, "event", basis, (event,), (), anchors
    if figure.kind == "place":
        marked = [n for n in in_clause if n.place or n.before in {"to", "at"}]
        before = [n for n in in_clause if n.start < figure.start and not n.participant]
        after = [n for n in in_clause if n.start > figure.start and n.place]
        earlier = [n for n in usable if n.start < start and not n.participant]
        for group, basis in ((marked, "sentence"), (before, "sentence"), (after, "sentence"),
                             (earlier, "sentence")):
            if group:
                # "GUS revised Poland's May inflation rate": the country, not the office
                group = sorted(group, key=lambda n: not _is_place(n, names))
                name = group[0].demonym.title() or group[0].text
                return name, "place", basis, subject_key(name), (), ()
        role = _ROLE.search(text[start:figure.start]) or _ROLE.match(text[:start].strip())
        fallback = (names.main if role else None) or names.main_place or names.main
        if fallback:
            others = [n for n in usable if not n.participant and not same_subject(
                subject_key(n.text), subject_key(fallback))]
            return (fallback, "place", "guess" if others else "document", subject_key(fallback),
                    (), ())
        return "", "place", "document", (), (), ()
    person = age_of(figure.measure) or ""
    if person[:1].isupper():  # "Gary Pohlman, 67,": the age is of the person it names
        return person, "entity", "sentence", subject_key(person), (), ()
    counted = _OBSERVED.search(text[max(start, figure.start - 40):figure.start])
    if counted:
        # "Frontex said it had recorded 2,400 arrivals on the route to the Canary Islands":
        # who counts is a source; the figure is about what it names after the count
        scope = [n for n in in_clause if n.start >= figure.end and not n.demonym
                 and not n.text.endswith("-based")]
        scope.sort(key=lambda n: n.before not in {"to", "in", "at"})  # where, before how
        if scope:
            return (scope[0].text, "entity", "sentence", subject_key(scope[0].text),
                    participants_of(in_clause, scope[0]), ())
    counter = max(start, figure.start - 40) + counted.start() if counted else start
    entities = [n for n in in_clause if counter <= n.start < figure.start and not n.place
                and not n.participant and not n.demonym and not _modifier(text, n)
                and not n.possessor]  # "LTO counted 17 farms": LTO is who counted
    relative = re.search(r",\s*who\s*$", text[:start])
    if not entities and relative:  # "Krakow's mayor-elect Anna Wilk, who won 54.3%": Wilk
        entities = [n for n in usable if n.end == relative.start() and not n.place
                    and not n.demonym][:1]
    participants = participants_of(in_clause, entities[0] if entities else None)
    if not entities and figure.measure in {"votes", "seats", "vote share"}:
        # "408,500 people voted for Radu": who the votes are for is the subject
        entities = [n for n in in_clause if n.start > figure.start and n.before == "for"]
        if not entities and names.event == "election" and not any(
                n.start < figure.start and not n.place and not n.demonym for n in usable):
            # a referendum's "68.4 percent voting no" is about the vote itself
            scope = [n for n in usable if n.place and n.start < figure.end]
            anchors = tuple(" ".join(subject_key(n.text)) for n in scope) or names.anchors
            return "election", "event", "document", ("election",), (), anchors
    if not entities and figure.measure == "vote share":
        # "ahead of the SPD on 27 percent": the party the share is written after
        entities = [n for n in in_clause if n.start < figure.start and not n.place
                    and not n.demonym][-1:]
    if entities:
        return (entities[0].text, "entity", "sentence", subject_key(entities[0].text),
                participants, ())
    lead = text[start:figure.start]
    opening = text[:start]
    anaphor = _PRONOUN.search(lead) or _ROLE.search(lead) or (
        not lead.strip(" ,") and (_PRONOUN.match(opening.strip()) or _ROLE.match(opening.strip())))
    if anaphor and who is not None and _PRONOUN.search(lead):
        return who.text, "entity", "pronoun", subject_key(who.text), participants, ()
    earlier = [n for n in usable if n.start < start and not n.place and not n.participant
               and not n.demonym and not n.possessor]
    if previous is not None and not _ROLE.match(opening.strip()):
        return previous[0], "entity", previous[1], subject_key(previous[0]), participants, ()
    if earlier and _PRONOUN.search(lead):  # "rival Lumio is raising money: it is in talks"
        return earlier[-1].text, "entity", "pronoun", subject_key(earlier[-1].text), (
            participants), ()
    starts = re.match(r"\s*(?:it|they)\b", text, re.IGNORECASE)
    if starts and last_subject and not earlier:
        return last_subject, "entity", "pronoun", subject_key(last_subject), participants, ()
    if earlier and not anaphor:
        return earlier[0].text, "entity", "sentence", subject_key(earlier[0].text), participants, ()
    site = _FACILITY.search(text[start:end])
    places = [n for n in in_clause if n.place and not n.text.endswith("-based")]
    if site and places and not anaphor:  # "a factory in Skellefteå with a capacity of 20 GWh"
        name = f"{places[0].text} {_FACILITIES.get(site.group(1).lower(), site.group(1).lower())}"
        return name, "entity", "sentence", subject_key(name), participants, ()
    if names.main:
        basis = "pronoun" if anaphor or _ROLE.match(opening.strip()) else "document"
        if basis == "document" and any(
                same_subject(subject_key(n.text), names.main_key)
                for n in usable if start <= n.start < end):
            basis = "sentence"  # "a convoy of 42 trucks reached Kadugli": the clause names it
        others = [n for n in usable if not n.place and not n.demonym
                  and not same_subject(subject_key(n.text), names.main_key)]
        if basis == "document" and others:
            basis = "guess"  # the sentence names someone else: the main entity is a guess
        return names.main, "entity", basis, names.main_key, participants, ()
    return "", "entity", "document", (), participants, ()


def participants_of(in_clause: Sequence[Name], subject: Name | None) -> tuple[str, ...]:
    """The names of a figure's clause other than its subject's."""
    return tuple(dict.fromkeys(n.text for n in in_clause if not n.demonym and not n.text.endswith(
        "-based") and n is not subject))


#: A figure over several events of a kind over a season ("have died in avalanches in Austria
#: this winter"): a total, never compared with one event's figure. A plural alone is not
#: enough: one storm's toll is of "snow-related accidents", one flood's "in the floods".
_SEVERAL_EVENTS = re.compile(r"\b(?:in|from|by|during)\s+(?!the\b)(?:[a-z-]+\s+){0,2}?"
                             r"(?:avalanches|floods|earthquakes|quakes|attacks|accidents|crashes|collisions|"
                             r"storms|fires|wildfires|landslides|explosions|blasts|shootings|"
                             r"bombings|outbreaks|eruptions|derailments|shipwrecks)\b",
                             re.IGNORECASE)

_SEASON = re.compile(r"\b(?:this|last|the\s+past|the\s+whole)\s+(?:winter|summer|season|year|"
                     r"spring|autumn)\b|\bso\s+far\s+this\b", re.IGNORECASE)
#: A usual amount, not one of this time ("in a typical year", "on an average day").
_TYPICAL = re.compile(r"\ban?\s+(?:typical|normal|average|usual|ordinary)\s+(year|season|month|"
                      r"week|day|night|weekend|summer|winter)\b", re.IGNORECASE)
#: The extreme of a set, right before its figure ("the strongest gust recorded was 71 knots",
#: "peak gusts of 80 km/h"): compared only with another extreme, not with any one reading.
_EXTREME = re.compile(r"\b(?:strongest|highest|largest|biggest|greatest|fastest|heaviest|deepest|"
                      r"lowest|smallest|peak)\b(?:\s+[^\s,;.]+){0,5}?\s+(?:was|were|"
                      r"is|are|of|at|reached|hit|to)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
#: "All" right before a figure: the whole set ("in all 38 districts"), no count of a part.
_ALL_BEFORE = re.compile(r"\ball\s+(?:the\s+|its\s+|their\s+)?$|(?:^|[,;:])\s*of\s+(?:the|its|"
                         r"their)\s+$", re.IGNORECASE)  # "Of the 359 players on the list, …":
# the whole set, as "all 38 districts" is
_OWN_AFTER = re.compile(r"\s+of\s+(?:its|their|his|her|our)\s+own\b", re.IGNORECASE)


#: A verb of counting right before a figure (``openmeasures.COUNTING_VERBS``).
_OBSERVED = re.compile(rf"\b(?:{'|'.join(sorted(COUNTING_VERBS))})\s+(?:(?:about|around|some|"
                       r"nearly|almost|roughly|approximately|more\s+than|at\s+least|over|only|"
                       r"just|a\s+total\s+of|an\s+estimated)\s+)?[€$£]?$", re.IGNORECASE)


_FORECASTER = re.compile(r"^(?:the\s+|an?\s+|most\s+)?(?:[a-z-]+\s+){0,2}?(economists|analysts|"
                         r"forecasters|pollsters|government|ministry|bank|commission|fund|"
                         r"agency|institute|office|poll|survey|council|company|group)\b",
                         re.IGNORECASE)


def _forecaster(sentence: ParsedSentence, figure: Figure, names: DocumentNames, who: Name | None,
                last_subject: str | None) -> str | None:
    """Who expects, plans or targets a figure (the key of its name), so that two forecasts
    are compared only when they are one forecaster's: the government's growth forecast and
    the central bank's are two forecasts, not a disagreement."""
    if who is not None:
        return " ".join(subject_key(who.text))
    text = sentence.text[:figure.start]
    named = [n for n in sentence.names if n.end <= figure.start and not n.place
             and not n.demonym and not _excluded(n, sentence.attributions)]
    if named:
        return " ".join(subject_key(named[0].text))
    role = _FORECASTER.match(text)
    if role:
        head = role.group(1).lower()
        if names.main and head in {w.lower() for w in names.main.split()}:
            return " ".join(names.main_key)  # "the central bank" in an article on the BOJ
        return stem(head)
    if re.match(r"\s*(?:it|they)\b", text, re.IGNORECASE):
        subject = last_subject or names.main
        return " ".join(subject_key(subject)) if subject else None
    return None


#: Facilities a figure can be about ("the plant in Skellefteå will produce 16 GWh a year"):
#: with the place they are in, they are a subject of their own.
_FACILITY = re.compile(r"\b(factory|factories|plant|gigafactory|mine|refinery|smelter|data\s+"
                       r"cent(?:re|er)|facility|terminal|warehouse|campus|reactor|works|site)\b",
                       re.IGNORECASE)
_FACILITIES = {"factory": "plant", "factories": "plant", "gigafactory": "plant", "works": "plant",
               "facility": "plant", "site": "plant"}


def _is_place(name: Name, names: DocumentNames) -> bool:
    """A name that is a place: a nationality, a country, or the article's main place."""
    key = " ".join(subject_key(name.demonym or name.text))
    return bool(name.demonym) or key in countries() or bool(
        names.main_place and same_subject(subject_key(name.text), subject_key(names.main_place)))


def _modifier(text: str, name: Name) -> bool:
    """A name used as a modifier of a role ("the Nigeria international", "the Berlin
    company")."""
    after = re.match(r"\s+([a-z-]+)", text[name.end:])
    return bool(after and (after.group(1) in PERSON_ROLES or after.group(1) in ROLE_NOUNS))


#: A previous value right before its figure ("its previous 1,733 metres", "the cave's
#: previous depth of 1,733 metres", "the former record of 9.2 seconds").
_PREVIOUS_BEFORE = re.compile(r"\b(?:previous|former|prior)\s+(?:[a-z-]+\s+){0,2}?(?:of\s+)?"
                              r"(?:about\s+|some\s+|nearly\s+|around\s+)?$", re.IGNORECASE)


def _qualifiers(sentence: ParsedSentence, figure: Figure, kind: str, subject: str,
                names: DocumentNames) -> tuple[str, ...]:
    window = clause_window(sentence, figure)
    found = [name for name, pattern in QUALIFIERS if pattern.search(window)]
    if "previous" not in found and _PREVIOUS_BEFORE.search(
            sentence.text[max(0, figure.start - 50):figure.start]):
        found.append("previous")  # "the cave's previous depth of 1,733 metres": what it was
    series = SERIES.search(window)
    if series:
        found.append(f"series {(series.group(1) or series.group(2)).lower()}")
    if re.search(r"\b(?:target|goal|objective|aims?\s+to|seeks?\s+to|seeking)\b", window,
                 re.IGNORECASE):
        found.append("target")
    leading = re.match(r"(?:In|Over|During|Within|For)\b[^,]{0,40},", sentence.text)
    window_text = window + (" " + leading.group(0) if leading else "")
    period = window_of(window_text)
    if period:
        found.append("window:" + period)
    if kind == "place":
        found += ["group:" + name for name, pattern in GROUPS if pattern.search(window)]
        found += [name for name, pattern in ADJUSTMENT if pattern.search(sentence.text)][:1]
    if re.match(r"[^,;.]{0,25}?\b(?:were|are|was|is)\s+among\s+the\b",
                sentence.text[figure.end:]):
        found.append("part:among")  # "three children were among the dead": part of a toll
    if part_of_things(sentence.text, figure.mention.end) == figure.measure:
        found.append("part:of")  # "cracks in seven of the arena's vaults"; but "two of its six
        # entrances were opened" counts the entrances opened, as "opened two entrances" does
    if kind == "event" and _SEVERAL_EVENTS.search(window) and _SEASON.search(window):
        found.append("scope:several events")  # "have died in avalanches this winter"
    if re.search(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+$", sentence.text[max(0, figure.start - 8):
                                                              figure.start]) and (
            figure.unit is None or figure.unit in PEOPLE.values()):
        found.append("definite")  # "The 10 franchises spent …": a set the article knows (but
        # "the 55-metre tower" is no set)
    if _OWN_AFTER.match(sentence.text, figure.mention.end):
        found.append("scope:its own")  # "which had to cancel 38 of its own departures": one
        # party's share, set against everyone's
    if _ALL_BEFORE.search(sentence.text[max(0, figure.start - 12):figure.start]):
        found.append("scope:all of them")  # "in all 38 districts", not those affected
    usual = _TYPICAL.search(window)
    if usual:  # "Canada records about 200 cases in a typical year": no count of this time
        found.append("scope:a typical " + usual.group(1).lower())
    if kind != "place" and _EXTREME.search(
            sentence.text[max(figure.clause[0], figure.start - 80):figure.start]):
        found.append("scope:the extreme")  # "the strongest gust recorded was 71 knots"; a
        # day's highest temperature is the reading itself
    start, end = figure.clause
    subject_words = set(subject_key(subject))
    anchors = {w for a in names.anchors for w in a.split()}
    filed = dateline_end(sentence.text)  # where the story was filed is no scope of a figure
    for name in sentence.names:
        alone = (name.place or start <= name.start) and name.start < figure.start and re.match(
            r"\s+(?:(?:province|state|county|region|district|city|town|area|department|"
            r"prefecture|governorate|municipality)\s+)?alone\b", sentence.text[name.end:])
        # "Quebec alone has 31 cases" too, and "hospitals in Basra province alone admitted"
        if alone and kind != "place":
            found.append("in:" + name.text)  # "In Tokyo alone, 2,150 people": a part of the whole
            found.append("part:alone")  # by the writer's own word, whatever else is about Tokyo
            continue
        if not (start <= name.start < end) or not name.place or name.text.endswith("-based"):
            continue
        if name.start < filed:
            continue
        if _excluded(name, sentence.attributions):
            continue
        key = subject_key(name.text)
        if kind == "place" or set(key) <= subject_words:
            continue
        if kind == "event" and (name.start < figure.start or set(key) <= anchors):
            continue  # the event's own place is not a narrower scope
        found.append("in:" + name.text)
    stop = _CLAUSE_END.search(sentence.text, figure.end)
    unit = _UNIT_OF_A_COUNTRY.search(sentence.text, start, max(end, stop.start() if stop else
                                                               len(sentence.text)))
    if unit and kind != "place" and not any(q.startswith("in:") for q in found):
        found.append("in:the " + unit.group(1).lower())  # "67 cases … in the department
        # this year": a part of a country, narrower than a national count
    return tuple(dict.fromkeys(found))


_CLAUSE_END = re.compile(r"[,;:.]")
#: A part of a country named only by its kind ("in the department", "across the province"):
#: a figure for it is narrower than one with no such scope.
_UNIT_OF_A_COUNTRY = re.compile(r"\b(?:in|across|throughout)\s+the\s+(department|province|county|"
                                r"prefecture|governorate|municipality)\b", re.IGNORECASE)
# ("in the region" is not one: it is as often the region the article has named)


