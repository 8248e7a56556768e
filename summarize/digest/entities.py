"""Names in English sentences and the subjects figures are about.

English marks names by capitals, the signal used here (no model): a *name* is a run of
capitalized words ("Bank of England", "Storm Brenna", "M23"), joined by ``of``/``de``/``the``
inside ("Central Bank of the Republic of Turkey"). A capitalized word at the start of a
sentence is a name only when the run's documents also write it with a capital elsewhere, not
at the start of a sentence, and never in lower case ("Temperatures reached …" is not a name;
"Chega, led by …" is when another sentence says "the far-right Chega").

Titles ("President", "Chief executive") are dropped from a run; nationality adjectives
("Dutch", "German") are not subjects of their own but name a country for place figures;
names right after a preposition ("in Sweden", "from Lyon", "led by Bpifrance") are places or
participants, not subjects. :func:`subject_key` normalizes a name for matching (lower case,
Snowball stems, corporate words and "AI" dropped, "German" → "germany"), and
:func:`same_subject` matches two keys when one contains the other ("Mistral" and "Mistral AI",
"Turkey" and "Central Bank of the Republic of Turkey") but not "Helix AI" and "Lumio".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarize.digest.measures import DEMONYMS, EVENTS, UNITS
from summarize.digest.text import STOPWORDS, dateline_end, stem
from summarize.digest.units import currency_codes

_WORD = re.compile(r"[A-Z][A-Za-z]*\d+[A-Za-z\d]*|[^\W\d_]+(?:[-'’.][^\W\d_]+)*")
_CONNECTORS = frozenset({"of", "de", "du", "des", "la", "le", "del", "della", "di", "da", "von",
                         "van", "der", "den", "al", "el", "bin", "the", "and", "&", "for"})
#: Words that never name anything by themselves.
GENERIC = frozenset("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday ai ceo mr mrs ms dr the a an
""".split())
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
#: Heads of institutions' names that "of" continues ("Bank of England", "Ministry of Health",
#: "Central Bank of the Republic of Turkey"); after other words "of" ends the name ("Mihai Popa
#: of the Social Democratic Party" is two names).
INSTITUTIONS = frozenset("""bank ministry department university institute office council court
union federation organisation organization commission agency authority chamber republic
association academy school college museum society league board committee house kingdom
states emirates islands federation""".split())
#: Titles dropped from the front of a name ("President Emmanuel Macron" → "Emmanuel Macron").
TITLES = frozenset("""president prime minister chancellor king queen mr mrs ms dr chief
executive ceo governor mayor general pope sheikh prince princess senator secretary
spokesman spokeswoman spokesperson foreign finance interior health defence defense energy
economy deputy regional national federal state""".split())
#: Corporate and generic words left out of a subject's key.
CORPORATE = frozenset("""inc ltd llc plc sa ag nv se spa gmbh corp corporation co company
companies group holding holdings party ai the of and de la le""".split())
#: Words before a name that make it a place or a participant, not the subject.
PLACE_WORDS = frozenset("in at near across outside around off throughout inside within into "
                        "on".split())
PARTICIPANT_WORDS = frozenset("from to by with including such as like against than "
                              "between versus vs over of".split())
_BASED = re.compile(r"-(?:based|born|headquartered|listed)$", re.IGNORECASE)


@dataclass(frozen=True)
class Name:
    """A run of capitalized words in a sentence.

    Attributes:
        text: As written, possessive dropped ("Mistral AI", "Turkey").
        start: Offset of its first character.
        end: Offset after its last character.
        before: The lower-case word right before it ("in", "by", "" at the start).
        demonym: Only nationality adjectives ("Dutch"): the country's name, else "".
    """

    text: str
    start: int
    end: int
    before: str = ""
    demonym: str = ""
    possessor: bool = False
    """Written with 's and followed by another name ("Montenegro's Democratic Alliance")."""
    possessive: bool = False
    """Written with 's ("Turkey's central bank")."""

    @property
    def place(self) -> bool:
        """Written as a place: after "in", "at", "near" … or as "Lyon-based"."""
        return self.before in PLACE_WORDS or bool(_BASED.search(self.text))

    @property
    def participant(self) -> bool:
        """Written after "from", "by", "with", "including" …: not the subject."""
        return self.before in PARTICIPANT_WORDS


_COUNTRY_NAMES = frozenset(v for v in DEMONYMS.values() if v and " " not in v)


def _initial(text: str, start: int) -> bool:
    head = text[max(0, start - 64):start].rstrip(" \"“«(['‘")  # bounded: linear time
    if not head and start > 64:  # a long run of quotes: look further
        head = text[:start].rstrip(" \"“«(['‘")
    return not head or head[-1] in ".!?…:;" or (start < 120 and start == dateline_end(text))


@dataclass(frozen=True)
class NameContext:
    """What the documents tell about words: which are written with a capital mid-sentence, and
    which in lower case (so that a sentence-initial "Investors" is not a name)."""

    capitalized: frozenset[str]
    lower: frozenset[str]
    common: frozenset[str] = frozenset()
    """Every word also written in lower case somewhere: at the start of a sentence alone it is
    a common noun ("Power has been restored"), even if a name elsewhere has it ("Tohoku
    Electric Power")."""


def name_context(texts: Iterable[str]) -> NameContext:
    """Collect the capitalized (not sentence-initial) and lower-case words of some texts."""
    capitalized: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group(0)
            bare = _bare(word)
            if word[:1].islower():
                lower.add(bare)
            elif not _initial(text, match.start()):
                capitalized.add(bare)
    return NameContext(frozenset(capitalized), frozenset(lower - capitalized), frozenset(lower))


def _bare(word: str) -> str:
    return re.sub(r"['’]s?$", "", word).lower()


def find_names(text: str, context: NameContext | None = None) -> list[Name]:
    """The names of a sentence, in text order (see the module docstring)."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    filed = dateline_end(text)  # a dateline's names are where the story was filed
    names: list[Name] = []
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        if not _is_name_word(text, start, word, context) and not _starts_name(
                text, tokens, i, context):
            i += 1
            continue
        j, last_end, prev_end = i + 1, end, end
        while j < len(tokens):
            s, e, w = tokens[j]
            gap = text[prev_end:s]
            if gap.strip() not in {"", "&"} or "\n" in gap:
                break
            if w.lower() in _CONNECTORS and j + 1 < len(tokens) and w[:1].islower() and (
                    w.lower() != "of" or tokens[j - 1][2].lower() in INSTITUTIONS):
                k = j + 1  # "Bank of England", "Central Bank of the Republic of Turkey"
                if k < len(tokens) and tokens[k][2] == "the" and w != "the":
                    k += 1
                if k < len(tokens) and tokens[k][2][:1].isupper() and all(
                        text[tokens[m - 1][1]:tokens[m][0]].strip() == ""
                        for m in range(j + 1, k + 1)):
                    j, prev_end = k, tokens[k - 1][1]
                    continue
                break
            if not w[:1].isupper() or re.search(r"['’]s?$", tokens[j - 1][2]) or (
                    w.lower() in {"ceo", "cfo", "chief"}):
                break  # "Mistral's AI models": a possessive ends the name
            last_end = prev_end = e
            j += 1
        words = [w for _, _, w in tokens[i:j] if not (w[:1].islower() and w in _CONNECTORS)]
        while words and words[0].lower() in TITLES and len(words) > 1:
            words.pop(0)
        based = re.match(r"[^\W\d_]+-(?:based|born|headquartered)\s+", text[start:last_end])
        if based and last_end > start + based.end():
            start = start + based.end()  # "Berlin-based Helix AI" is Helix AI
        raw = text[start:last_end]
        shown = re.sub(r"['’]s?$", "", raw)
        if start < filed and shown.isupper() and len(shown) > 3:
            shown = _title(shown)  # "PRAGUE, July 14 —" is Prague
        if words and words[0] in {"Series", "Round"}:
            words = []
        if words and not all(w.lower() in GENERIC for w in words):
            before = "in" if start < filed else _word_before(text, start)
            low = _bare(shown)
            possessor = raw != shown and j < len(tokens) and _is_name_word(
                text, tokens[j][0], tokens[j][2], context) and text[last_end:tokens[j][0]] == " "
            names.append(Name(shown, start, start + len(shown), before, DEMONYMS.get(low, ""),
                              possessor, raw != shown))
        i = j
    return names


def _title(name: str) -> str:
    """A dateline's capitals as a name is written ("SANTA CRUZ DE TENERIFE" → "Santa Cruz de
    Tenerife"): the same length, so offsets hold."""
    words = re.split(r"(\s+)", name)
    return "".join(w.lower() if w.lower() in _CONNECTORS and i else w.capitalize()
                   for i, w in enumerate(words))


def _starts_name(text: str, tokens: Sequence[tuple[int, int, str]], i: int,
                 context: NameContext | None) -> bool:
    """A sentence-initial capitalized word right before a name ("Mihai Popa of …")."""
    start, end, word = tokens[i]
    if not word[:1].isupper() or _bare(word) in STOPWORDS or _bare(word) in GENERIC:
        return False
    if context is not None and _bare(word) in context.lower:
        return False
    if not _initial(text, start) or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return text[end:nxt[0]] == " " and nxt[2][:1].isupper() and (
        _bare(nxt[2]) not in STOPWORDS or nxt[2].isupper())


def _word_before(text: str, start: int) -> str:
    """The word before a name, past articles and possessives ("by the Catholic University")."""
    head = text[max(0, start - 80):start]  # a word and an article: never the whole sentence
    if re.search(r"[,;:]\s*$", head):
        return ""
    match = re.search(r"([A-Za-z]+)\s+(?:the|a|an|its|their|his|her|our)\s+$", head,
                      re.IGNORECASE) or re.search(r"([A-Za-z]+)\W*$", head)
    return match.group(1).lower() if match else ""


def _is_name_word(text: str, start: int, word: str, context: NameContext | None) -> bool:
    if not word[:1].isupper() or (len(word) < 2) or (start and text[start - 1].isdigit()):
        return False
    bare = _bare(word)
    if bare in GENERIC or (bare in STOPWORDS and not word.isupper()):
        return False
    if bare in _MONTH_ABBREVIATIONS and re.match(r"\.?\s+\d{1,2}\b", text[start + len(word):]):
        return False  # "Feb 16" is a date; "Jan Kowalski" and "Mar Abierta" are names
    if len(word) == 3 and word.isupper() and (re.match(r"\s?\d", text[start + 3:]) or re.search(
            r"(?:\d|million|billion|trillion|thousand|bn)\s?$", text[max(0, start - 9):start])
            ) and word in currency_codes():
        return False  # "ISK 398 billion", "40 million SEK": a currency
    if bare in DEMONYMS or bare in _COUNTRY_NAMES:
        return True  # nationality adjectives and countries are always capitalized
    if bare in UNITS or bare in {"gwh", "mwh", "twh", "mph", "gdp", "cpi"}:
        return False  # 16 GWh, 40 MW: units, not names
    if not _initial(text, start):
        return True
    if word.isupper() and len(word) > 1 or any(ch.isdigit() for ch in word):
        return True  # AFAD, M23
    if context is None:
        return bare not in STOPWORDS
    if bare in context.lower or bare in context.common:
        return False
    return bare in context.capitalized or bare.split("-")[0] in context.capitalized


@lru_cache(maxsize=1 << 14)
def subject_key(name: str) -> tuple[str, ...]:
    """Normalized words of a name for matching ("Mistral AI's" → ``("mistral",)``)."""
    low = _bare(name.strip())
    if low in DEMONYMS and DEMONYMS[low]:
        low = DEMONYMS[low]
    words = [w for w in re.findall(r"[^\W_]+", low) if w not in CORPORATE]
    key = tuple(stem(DEMONYMS.get(w, w) or w) for w in words)
    return key or tuple(stem(w) for w in re.findall(r"[^\W_]+", low))


def same_subject(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two subject keys name the same thing: one contains the other's words, or one
    is the other's acronym ("WHO", "World Health Organization")."""
    if not a or not b:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) == 1 and len(large) >= 2 and 2 <= len(small[0]) <= 6 and (
            small[0] == "".join(w[0] for w in large)):
        return True
    return set(small) <= set(large) and any(len(w) >= 3 for w in small)


@dataclass(frozen=True)
class DocumentNames:
    """The names a document is mostly about.

    Attributes:
        main: The main entity, as written ("Mistral AI"), or None.
        main_key: Its key.
        main_place: The place most named ("Germany", also from "German"), or None.
        anchors: Keys of its most frequent names (an event's identity).
        event: The class of the event its headline and lead report, if any.
    """

    main: str | None
    main_key: tuple[str, ...]
    main_place: str | None
    anchors: tuple[str, ...]
    event: str | None


def _merge(counts: Mapping[tuple[str, ...], float]) -> list[tuple[tuple[str, ...], float]]:
    """Each key with the counts of every key containing it ("Mistral" gets "Mistral AI"'s),
    most frequent first, shorter first on ties."""
    merged: dict[tuple[str, ...], float] = {}
    holding: dict[str, set[tuple[str, ...]]] = {}  # word → the keys that have it
    for other in counts:
        for word in other:
            holding.setdefault(word, set()).add(other)
    for key in counts:
        # Only keys that hold every word of this one can contain it: found through the index
        # rather than by comparing every pair, so a document with thousands of names is fast.
        candidates = set.intersection(*(holding[w] for w in key)) if key else set()
        merged[key] = counts[key] + sum(counts[other] for other in sorted(candidates)
                                        if other != key and same_subject(key, other))
    return sorted(merged.items(), key=lambda pair: (-pair[1], len(pair[0]), pair[0]))


def document_names(title: str | None, sentences: Sequence[str], context: NameContext,
                   excluded: Sequence[tuple[int, int, int]] = ()) -> DocumentNames:
    """The main entity, main place, anchor names and main event class of one document.

    Names in the headline and the lead count twice, names of who said something half. A name
    the document writes as a place more often than not ("in Europe") counts half as an
    entity, a nationality ("French") only for its country as a place, and a possessive
    ("Mistral's") half, so that "French start-up Mistral AI … Europe aims …, in Europe" is
    about Mistral AI.

    Args:
        title: The headline, if any.
        sentences: The body sentences in order.
        context: Capitalization seen across the run.
        excluded: ``(sentence index, start, end)`` spans whose names count half (who said
            it: "the disaster agency AFAD said").
    """
    found: list[tuple[float, Name]] = []
    in_title: set[int] = set()
    lead: list[str] = []  # the headline's and first sentence's names: where and what
    spoken_of: set[str] = set()  # names outside "X said": a speaker alone is no anchor
    events: Counter[str] = Counter()
    texts = [(2, -1, title)] if title else []
    texts += [(2 if i == 0 else 1, i, s) for i, s in enumerate(sentences)]
    for weight, index, text in texts:
        spans = [(s, e) for i, s, e in excluded if i == index]
        for n in find_names(text, context):
            said = any(s <= n.start < e for s, e in spans)
            found.append((weight / 2 if said else weight, n))
            if not said:
                spoken_of.add(" ".join(subject_key(n.demonym or n.text)))
            if index == -1:
                in_title.add(len(found) - 1)
            if index < 1 and not said and not n.demonym:
                lead.append(" ".join(subject_key(n.text)))
        if index < 2:
            for _, found_class in event_words(text):
                events[found_class] += weight
    uses: Counter[tuple[str, ...]] = Counter()
    for _, n in found:
        if not n.participant:  # "of Lyon", "with Mistral" say nothing either way
            uses[subject_key(n.text)] += 1 if n.place else -1
    # A name is a place when the document writes it as one ("in Europe") at least as often as
    # otherwise ("invested in Veloria AI" once does not make a company a place).
    places = {key for key, balance in uses.items() if balance > 0
              and any(n.place and subject_key(n.text) == key for _, n in found)}
    entity: dict[tuple[str, ...], float] = {}
    place: dict[tuple[str, ...], float] = {}
    shown: dict[tuple[str, ...], dict[str, float]] = {}
    for position, (mass, name) in enumerate(found):
        text = name.demonym.title() if name.demonym else name.text
        key = subject_key(text)
        forms = shown.setdefault(key, {})
        forms[text] = forms.get(text, 0.0) + mass
        if name.demonym:  # "German inflation": Germany's, but not an entity
            place[key] = place.get(key, 0.0) + mass / 2
        elif key in places:
            place[key] = place.get(key, 0.0) + mass
            entity[key] = entity.get(key, 0.0) + mass / 2
        else:
            weak = (name.possessive or name.participant) and position not in in_title
            share = mass / 2 if weak else mass  # a headline's names count in full
            entity[key] = entity.get(key, 0.0) + share
    event = events.most_common(1)[0][0] if events else None
    ranked = _merge(entity)
    places_ranked = _merge(place)
    if not ranked:
        main_place = None
        if places_ranked:
            key = places_ranked[0][0]
            main_place = max(shown[key].items(), key=lambda pair: (pair[1], len(pair[0])))[0]
        anchors = tuple(dict.fromkeys([*(" ".join(k) for k, _ in places_ranked[:1]), *lead]))
        return DocumentNames(None, (), main_place, anchors, event)
    main_key = ranked[0][0]
    family = [k for k in shown if k == main_key] or [
        k for k in shown if set(main_key) <= set(k) and same_subject(main_key, k)]
    main = max(((t, n) for k in family for t, n in shown[k].items()),
               key=lambda pair: (pair[1], len(pair[0])))[0]
    main_place = None
    if places_ranked:
        key = places_ranked[0][0]
        main_place = max(shown[key].items(), key=lambda pair: (pair[1], len(pair[0])))[0]
    top = [key for i, (key, count) in enumerate(ranked[:5]) if i == 0 or count >= 2]
    if places_ranked:  # an event is first identified by where it happened
        top = [places_ranked[0][0], *top]
    anchors = tuple(a for a in dict.fromkeys([*(" ".join(key) for key in top), *lead])
                    if a in spoken_of)
    return DocumentNames(main, main_key, main_place, anchors, event)


def event_class(word: str) -> str | None:
    """The event class of a word ("quake", "earthquakes", "floods"), or None."""
    low = word.lower()
    return EVENTS.get(low) or (EVENTS.get(low[:-1]) if low.endswith("s") else None)


#: Nouns after an event word that make it part of an institution's name ("the fire service",
#: "the Fire and Disaster Management Agency"), not an event.
_INSTITUTION_AFTER = re.compile(r"(?:\s+(?:and|&)\s+[A-Za-z]+)?(?:\s+[A-Za-z]+)?\s+(?:service|"
                                r"services|brigade|brigades|department|authority|agency|"
                                r"agencies|centre|center|office|ministry|management|station|"
                                r"commission)\b", re.IGNORECASE)


def event_words(text: str) -> list[tuple[int, str]]:
    """``(offset, class)`` of each event word of a text, those naming an institution left out."""
    found = []
    for match in re.finditer(r"[A-Za-z][a-z-]+", text):
        kind = event_class(match.group(0))
        if kind is not None and not _INSTITUTION_AFTER.match(text[match.end():match.end() + 50]):
            found.append((match.start(), kind))
    return found
