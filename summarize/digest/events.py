"""Events: their classes, and what tells two events of one class apart.

An event figure's subject is the event the article reports ("the earthquake"), identified by
its *anchors*, the names the article is mostly about (``summarize.digest.entities``).
Here: the class of an event word, the event noun nearest to a figure, whether two classes
can be one event, and whether two events that share an anchor are still two (different named
storms; attacks on two cities that share only their country).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarize.digest.entities import (
    NameContext,
    event_words,
    find_names,
    same_subject,
    subject_key,
)
from summarize.digest.measures import DEMONYMS, EVENTS, INCIDENT
from summarize.digest.text import stem


@lru_cache(maxsize=4096)
def event_near(text: str, position: int) -> str | None:
    """The class of the event noun nearest to ``position`` in a sentence, if any."""
    best: tuple[int, str] | None = None
    for offset, found in event_words(text):
        distance = abs(offset - position)
        if best is None or distance < best[0]:
            best = (distance, found)
    return best[1] if best else None


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Keys of countries and regions (from the nationality table): broad places."""
    names = {v for v in DEMONYMS.values() if v} | {k for k, v in DEMONYMS.items() if v}
    return frozenset(" ".join(subject_key(n)) for n in names)


@dataclass(frozen=True)
class EventSetting:
    """What tells one document's events from another's (see :func:`events_apart`).

    Attributes:
        mentioned: Keys of every name the document mentions.
        anchors: The document's anchors (``DocumentNames.anchors``).
    """

    mentioned: frozenset[str]
    anchors: tuple[str, ...] = ()
    organisations: frozenset[str] = frozenset()
    """Keys of the names it mentions that are organisations (an acronym, "World Health
    Organization", "African Union"): who acts or speaks, not where an event is."""


#: Words that make a name an organisation's.
ORGANISATION_WORDS = frozenset("""organization organisation union forces force party
association group company corporation ministry agency service services bank committee
council court office fund programme program network commission authority institute
federation league club army police guard department board""".split())


def event_setting(texts: Iterable[str], anchors: tuple[str, ...],
                  context: NameContext | None = None) -> EventSetting:
    """What tells a document's events from another's (for :func:`events_apart`): the keys of
    every name it mentions, its anchors, and the names that are organisations (an acronym, or
    a name with a word such as "Organization", "Union"). Each sentence's names are found once."""
    names = [n for text in texts for n in find_names(text, context)]
    mentioned = frozenset(" ".join(subject_key(n.demonym or n.text)) for n in names)
    organisations = frozenset(" ".join(subject_key(n.text)) for n in names if not n.demonym and (
        n.text.isupper() and len(n.text) > 1
        or any(w.lower() in ORGANISATION_WORDS for w in n.text.split())))
    return EventSetting(mentioned, anchors, organisations)


def events_apart(anchors_a: Sequence[str], anchors_b: Sequence[str],
                 setting_a: EventSetting | None, setting_b: EventSetting | None) -> bool:
    """Whether two events that share an anchor are still two events, told apart by their
    documents (``setting_a``, ``setting_b``; without them, never):

    * they name different events ("Storm Ines", "Storm Brenna": the figure's own anchors,
      else its document's), and neither document mentions the other's (an article that
      relates them, "the strongest since Hurricane Ophelia", makes the other an update);
    * each has a specific anchor (a city, a person; not a country or an organisation: its
      own, else its document's) that the other's document never mentions ("a drone attack on
      Odesa" and "a missile strike on Kharkiv" share Ukraine and Russia).
    """
    if setting_a is None or setting_b is None:
        return False
    named_a = _named_events(anchors_a) or _named_events(setting_a.anchors)
    named_b = _named_events(anchors_b) or _named_events(setting_b.anchors)
    if named_a and named_b and not any(
            same_subject(x.split(), y.split()) for x in named_a for y in named_b):
        return not (_mentions(setting_a.mentioned, named_b)
                    or _mentions(setting_b.mentioned, named_a))

    def specific(anchors: Sequence[str], setting: EventSetting) -> list[str]:
        broad = countries() | setting.organisations
        own = [a for a in anchors if a not in broad]
        return own or [a for a in setting.anchors if a not in broad]

    def elsewhere(keys: Sequence[str], other: frozenset[str]) -> bool:
        return bool(keys) and not any(same_subject(k.split(), m.split())
                                      for k in keys for m in other)

    return (elsewhere(specific(anchors_a, setting_a), setting_b.mentioned)
            and elsewhere(specific(anchors_b, setting_b), setting_a.mentioned))


def other_named_event(anchors_a: Sequence[str], anchors_b: Sequence[str]) -> bool:
    """Whether both sides name an event and the names differ ("storm ine", "storm brenna")."""
    named_a, named_b = _named_events(anchors_a), _named_events(anchors_b)
    return bool(named_a and named_b) and not any(
        same_subject(x.split(), y.split()) for x in named_a for y in named_b)


def _mentions(mentioned: frozenset[str] | None, keys: Sequence[str]) -> bool:
    return mentioned is not None and any(
        same_subject(k.split(), m.split()) for k in keys for m in mentioned)


@lru_cache(maxsize=1)
def _event_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in EVENTS)


def _named_events(anchors: Sequence[str]) -> list[str]:
    """Anchors that name an event ("storm brenna", "berlin marathon")."""
    return [a for a in anchors if len(a.split()) > 1 and any(
        w in _event_stems() for w in a.split())]


#: Event classes one event is often reported under: a tanker's or a plant's explosion is also
#: "the fire" it started.
ONE_EVENT = frozenset({frozenset({"explosion", "fire"})})


def same_event(a: str | None, b: str | None) -> bool:
    """Whether two event classes can be one event: equal, one only says something happened
    ("the disaster" and "the sinking"), or an explosion and the fire it started."""
    return a is not None and b is not None and (a == b or INCIDENT in (a, b) or (
        frozenset({a, b}) in ONE_EVENT))
