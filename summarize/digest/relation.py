"""Which claims of different documents are about the same thing: same measure, same class of
people counted, and the same subject (entities by name; deals told from either side; events
of one kind identified by their anchors). Pure; used by ``summarize.digest.verdicts``.

* An **event** is one when its class matches (``events.same_event``: a generic "disaster"
  matches any), the two share an anchor that is not an organisation (an agency that reports
  on two outbreaks does not make them one), an event of no known kind shares a specific
  anchor, and the documents do not tell them apart (``events.events_apart``).
* :func:`another_event` finds figures of another event of the same kind that one article
  relates to the other's ("in 2023, a collision at Tempi killed 57"; "police arrested another
  35 people at a smaller rally"): they can only be an update.
* **Classes of people**: deaths of children, of soldiers and of people at large are three
  measures; a bare count ("the toll rose to nine") may be any of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from summarize.digest.entities import same_subject, subject_key
from summarize.digest.events import EventSetting, countries, events_apart, same_event
from summarize.digest.measures import INCIDENT, PEOPLE
from summarize.records import Claim


def _names_match(a: str, b: str) -> bool:
    return same_subject(a.split(), b.split())


def anchors_match(a: Sequence[str], b: Sequence[str]) -> bool:
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
    if people_class(a) != people_class(b) and None not in (people_class(a), people_class(b)):
        return False  # deaths of children, of soldiers, of people: a bare count may be any
    if a.subject_kind == "event":  # the same kind of event, in a place both name
        places_a = [" ".join(_key(q[3:])) for q in a.qualifiers if q.startswith("in:")]
        places_b = [" ".join(_key(q[3:])) for q in b.qualifiers if q.startswith("in:")]
        anchors_a, anchors_b = [*a.anchors, *places_a], [*b.anchors, *places_b]
        known = mentioned or {}
        setting_a, setting_b = known.get(a.document), known.get(b.document)
        organisations = (setting_a.organisations if setting_a else frozenset()) | (
            setting_b.organisations if setting_b else frozenset())
        named_a = [x for x in anchors_a if x not in organisations]
        named_b = [x for x in anchors_b if x not in organisations]
        if not anchors_match(named_a, named_b) and not _same_countries(
                a, b, setting_a, setting_b):
            return False  # only a reporting agency in common (the WHO on two outbreaks)
        if INCIDENT in (a.subject, b.subject) and not anchors_match(
                [x for x in anchors_a if x not in countries()],
                [x for x in anchors_b if x not in countries()]):
            return False  # an event of no known kind is one only through a specific name
        return same_event(a.subject, b.subject) and anchors_match(anchors_a, anchors_b) and not (
            events_apart(anchors_a, anchors_b, setting_a, setting_b))
    if not a.subject_key or not b.subject_key:
        return False
    if a.measure in ELECTION_MEASURES and _other_country(mentioned, a, b):
        return False  # the Social Democrats of Lithuania and of Romania
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


def people_class(claim: Claim) -> str | None:
    """The class of people (or homes) counted: its unit's, ``people`` when the figure names
    people at large ("42 people"), None when it names none ("the toll rose to nine")."""
    if claim.measure in CLASS_FREE or (claim.measure in PATIENT_MEASURES
                                       and claim.unit == "patients"):
        return None
    if claim.unit in CLASSES:
        return claim.unit
    last = claim.figure.split()[-1].lower() if claim.figure.split() else ""
    return "people" if PEOPLE.get(last) == "people" and claim.unit is None else None




def another_event(a: Claim, b: Claim, mentioned: Mapping[str, EventSetting] | None) -> bool:
    """Whether two event figures that are not :func:`related` are of two events of one kind
    that one article relates to the other's: one figure's sentence names and dates an event
    of its own, in an article about the other figure's event, which is the main event of its
    own article ("in 2023, a head-on collision at Tempi killed 57 people" in an article on
    the Florina derailment; "police arrested another 35 people at a smaller rally")."""
    if a.subject_kind != "event" or b.subject_kind != "event" or a.measure != b.measure:
        return False
    if not same_event(a.subject, b.subject) or None not in (people_class(a), people_class(b)) and (
            people_class(a) != people_class(b)):
        return False
    known = mentioned or {}
    for x, y in ((a, b), (b, a)):
        home_x, home_y = known.get(x.document), known.get(y.document)
        if home_x is None or home_y is None:
            continue
        if x.subject_basis != "sentence" or x.time.basis != "explicit":
            continue  # only an event the sentence names and dates is another event
        about_y = [k for k in home_x.anchors if k not in home_x.organisations]
        main_y = [k for k in home_y.anchors if k not in home_y.organisations]
        lands_x = {k for k in x.anchors if k in countries()}
        lands_y = {k for k in y.anchors if k in countries()} or {
            k for k in home_y.anchors if k in countries()}
        if lands_x and (lands_y and not lands_x & lands_y or not any(
                same_subject(k.split(), m.split()) for k in lands_x for m in home_y.mentioned)):
            continue  # "floods in southern Poland" in an article on floods in Italy
        if events_apart(x.anchors, y.anchors, home_x, home_y):
            continue  # Storm Ines and Storm Brenna, in articles that never relate them
        if anchors_match(about_y, y.anchors) and anchors_match(main_y, y.anchors):
            return True
    return False


def _same_countries(a: Claim, b: Claim, setting_a: EventSetting | None,
                    setting_b: EventSetting | None) -> bool:
    """Whether two event figures are placed in the same countries (their own anchors, else
    their documents'): both name some, and they share one."""
    def placed(claim: Claim, setting: EventSetting | None) -> set[str]:
        own = {x for x in claim.anchors if x in countries()}
        return own or {x for x in (setting.anchors if setting else ()) if x in countries()}

    found_a, found_b = placed(a, setting_a), placed(b, setting_b)
    return bool(found_a & found_b)


#: Measures of a party or candidate in one election: two countries' parties may share a name.
ELECTION_MEASURES = frozenset({"seats", "votes", "vote share"})


def _other_country(mentioned: Mapping[str, EventSetting] | None, a: Claim, b: Claim) -> bool:
    """Whether one figure's article is placed in a country the other's never mentions."""
    known = mentioned or {}
    home_a, home_b = known.get(a.document), known.get(b.document)
    if home_a is None or home_b is None:
        return False
    for here, there in ((home_a, home_b), (home_b, home_a)):
        if any(k in countries() and not any(same_subject(k.split(), m.split())
                                            for m in there.mentioned) for k in here.anchors):
            return True
    return False
