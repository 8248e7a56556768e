"""Shares: a part of a whole as a figure ("41% of the reefs", "about a third of its ice",
"one in eight patients").

A percentage of something, or a fraction written in words, is a figure of its own only when
its words say both **what it is a share of** (the whole) and **what the share is**:

* the whole is the noun phrase after "of" ("41% of *the reefs*", "two-thirds of *visitors*"),
  or after "one in eight" ("one in eight *patients*"). Determiners, a possessor ("the
  capital's water"), a total ("the 3,010 guests") and "all" are left out; up to four words are
  kept, modifiers included, so "share of fixed internet connections" and "share of mobile
  connections" never meet;
* what the share is, in this order:

  1. a share at the start of its clause (or after "said", "that" …) is what its clause says
     next: "41% of buyers *were purchasing a home*" is ``share of buyers purchasing home``;
     a share with no such words is not read;
  2. a share after a verb that says something ("bleaching *hit* 41% of the reefs") is that
     verb, with the words before it that say who or what did it when they are not a name
     (the name is the claim's subject): ``bleaching hit share of reefs``;
  3. a share after a verb of standing ("was", "held", "fell to") is read only when its whole
     is a capacity ("the reservoirs held 17.8% of their capacity": ``share of capacity``); any
     other whole would need the part's own words ("off-plan homes accounted for 58% of
     sales"), and without them a part of one thing would meet a part of another.

Two shares have the same measure only when all these words are the same, so two outlets
that say what a share is in other words are not compared: a missed comparison costs less
than an invented one.

Fractions in words ("half of", "a third of", "two-fifths of", "three-quarters of", "one in
eight", "nine in ten") are read as percentages, approximate unless a bound word says
otherwise; "third" with no count before it is an ordinal ("the third of five"), and a
fraction of a unit of time ("a quarter of an hour") is no share.
"""

from __future__ import annotations

import re

from summarize.digest.measures import PERCENT, TIME_UNITS, Measure
from summarize.digest.openmeasures import BOUND_WORDS, IRREGULAR_PAST, named_measure
from summarize.digest.text import STOPWORDS
from summarize.nummention import NumberMention

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "twenty": 20, "hundred": 100}
_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7,
          "eighth": 8, "ninth": 9, "tenth": 10}
_COUNT_WORD = r"(?:an?|one|two|three|four|five|six|seven|eight|nine)"
_PART_WORD = r"(?:thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
#: "half of", "half the", "a third of", "two-thirds of", "three quarters of".
_FRACTION = re.compile(
    rf"\b(?:(?P<count>{_COUNT_WORD})[\s-]+(?P<part>{_PART_WORD}|half)|(?P<half>half))"
    r"(?=\s+of\b|\s+(?:the|its|their|all)\b)", re.IGNORECASE)
_IN_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|\d{1,3})"
#: "one in eight patients", "nine in ten buyers", "1 in 20 homes".
_ONE_IN = re.compile(rf"\b(?P<part>{_IN_NUMBER})\s+in\s+(?:every\s+)?(?P<whole>{_IN_NUMBER})\b"
                     r"(?=\s+[a-z])", re.IGNORECASE)
#: "The first half", "the second quarter": a period, not a share.
_PERIOD_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|latter|former|final|opening|"
                            r"closing|back|front|other)[\s-]+$", re.IGNORECASE)
_FRACTION_RAW = re.compile(rf"(?:{_COUNT_WORD}[\s-]+(?:{_PART_WORD}|half)|half)", re.IGNORECASE)
_ONE_IN_RAW = re.compile(rf"{_IN_NUMBER}\s+in\s+(?:every\s+)?{_IN_NUMBER}", re.IGNORECASE)
#: A fraction of a unit of time is a duration, not a share ("a quarter of an hour").
_OF_TIME = re.compile(r"\s+of\s+(?:an?|the)\s+(?:hour|minute|second|day|week|month|year|"
                      r"century|decade|mile|kilometre|kilometer|metre|meter|inch|point)\b",
                      re.IGNORECASE)


def _number(word: str) -> int:
    low = word.lower()
    return int(low) if low.isdigit() else _COUNTS[low]


def fraction_mentions(text: str) -> list[NumberMention]:
    """Fractions in words as percentage mentions ("a third of" is 33.3%), in text order.

    Example:
        >>> [(m.raw, round(m.value, 1)) for m in fraction_mentions(
        ...     "About a third of the reefs and one in eight patients; half the homes.")]
        [('a third', 33.3), ('one in eight', 12.5), ('half', 50.0)]
    """
    found: list[NumberMention] = []
    for match in _FRACTION.finditer(text):
        if _PERIOD_BEFORE.search(text[max(0, match.start() - 12):match.start()]):
            continue  # "the first half of 2024" is a period
        if match.group("half"):
            value = 50.0
        else:
            part = match.group("part").lower().rstrip("s")
            count = _COUNTS[match.group("count").lower()]
            value = 100.0 * count / _PARTS[part]
            if part == "half" and count != 1:
                continue  # "two halves"
        if _OF_TIME.match(text, match.end()):
            continue
        found.append(NumberMention(value, "percent", match.group(0), match.start(),
                                   match.end()))
    for match in _ONE_IN.finditer(text):
        part, whole = _number(match.group("part")), _number(match.group("whole"))
        if not 0 < part < whole:
            continue
        found.append(NumberMention(100.0 * part / whole, "percent", match.group(0),
                                   match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def with_fractions(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """``mentions`` with the fractions of ``text`` in place of the numbers inside them (the
    "two" and the "thirds" of "two-thirds" are one share)."""
    fractions = fraction_mentions(text)
    if not fractions:
        return mentions
    kept = [m for m in mentions
            if not any(f.start <= m.start < f.end or m.start <= f.start < m.end
                       for f in fractions)]
    return sorted(kept + fractions, key=lambda m: m.start)


def is_fraction(mention: NumberMention) -> bool:
    """Whether a mention is a fraction in words (read here, approximate by default)."""
    return mention.kind == "percent" and bool(
        _FRACTION_RAW.fullmatch(mention.raw) or _ONE_IN_RAW.fullmatch(mention.raw))


#: Words after "of" that are not the whole's own words.
_DETERMINERS = frozenset("""the its their his her our your this that these those a an all
every each some any both about around roughly nearly almost approximately estimated more than
over""".split())
#: Words that end a noun phrase besides stopwords: auxiliaries and reporting verbs.
_AUXILIARIES = frozenset("""were was are is be been being had have has will would could can
may might must shall did do does not still already also now only yet never ever""".split())
#: Words before a share that leave it the subject of what follows ("said 41% of buyers …").
_OPENERS = frozenset("""said says say told showed shows found finds estimated estimates
estimate reported reports added adds noted notes means meaning meant that while whereas and
but with as if because although though where when""".split())
#: Verbs of standing and of moving to a level: they say nothing of what a share is.
_STANDING = frozenset("""was is were are be been being held hold holds stood stands stand at
to reached reach reaches fell rose dropped climbed sank slipped edged jumped down up
from represent represents represented representing account accounts accounted for make makes
made up amount amounts amounted equal equals equalled equaled total totals totalled totaled
comprise comprises comprised constitute constitutes constituted about around some nearly
almost roughly only just than more less fewer over under close closer least most well""".split())
#: Verbs that end a whole as "-ed" and "-ing" words do (irregular past forms and verbs of
#: living and having): "of the population lives", "of the crop went".
_VERBS = IRREGULAR_PAST | frozenset("""came went fell rose got took gave saw grew knew became
lives live died die own owns need needs want wants use uses come go""".split())
#: Wholes that make a share a level: what is at 17.8% of its capacity is how full it is.
LEVEL_WHOLES = frozenset({"capacity"})
#: Bound words before a share ("about", "at least", "closer to").
_BOUND_TAIL = re.compile(rf"(?:\b(?:{BOUND_WORDS}|barely|over|under)\s+)+$", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\w\s]")
#: Prepositions that place a whole ("of the homes in the village").
_PLACING = frozenset("""in on at across near around inside outside within from along
throughout""".split())
#: Most words of a whole or of what a share is that are kept.
MAX_WORDS = 4
#: Most content words of what a share is that are kept.
MAX_PREDICATE = 3
#: How far (in characters) before a share its governing words are looked for.
LOOK = 200


def is_share(measure: str) -> bool:
    """Whether a measure name is a share's (read here)."""
    return measure.startswith("share of ") or " share of " in measure


def is_level(measure: str) -> bool:
    """Whether a share's measure is a level ("share of capacity": how full something is)."""
    return measure in {f"share of {whole}" for whole in LEVEL_WHOLES}


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _whole(tokens: list[str]) -> tuple[list[str], int] | None:
    """The words of the whole at the start of ``tokens`` and how many tokens it used."""
    i = 0
    while i < len(tokens) and (tokens[i].lower() in _DETERMINERS or tokens[i][:1].isdigit()
                               or tokens[i].endswith(("'s", "’s"))
                               or (tokens[i][:1].isupper() and i + 1 < len(tokens)
                                   and tokens[i + 1] in {"'s", "’s"})
                               or (tokens[i][:1].isupper() and i + 1 < len(tokens)
                                   and tokens[i + 1][:1].islower()
                                   and tokens[i + 1].lower() not in STOPWORDS
                                   and tokens[i + 1].lower() not in _AUXILIARIES)):
        i += 1  # "the Dutch mobile market": a name before the whole is no part of its name
    whole: list[str] = []
    while i < len(tokens) and len(whole) < MAX_WORDS:
        word = tokens[i]
        low = word.lower()
        if not word[:1].isalpha() or word[:1].isupper() or low in STOPWORDS or (
                low in _AUXILIARIES):
            break
        if whole and (low.endswith(("ed", "ing")) or low in _VERBS):
            break  # "the reefs surveyed", "the homes flooding", "the crop rots"
        whole.append(low)
        i += 1
        if low.endswith("s") and not low.endswith("ss"):
            break  # a plural noun ends the phrase: "the guests fell ill", "buyers were"
    if not whole or whole[-1] in TIME_UNITS or whole[-1] in {"them", "those", "which", "whom"}:
        return None
    return whole, i


def _predicate(tokens: list[str]) -> list[str] | None:
    """What a share at the start of its clause is: the content words its clause says next,
    after the words that place its whole ("of the homes *in the village* were flooded")."""
    words: list[str] = []
    if tokens and tokens[0].lower() in _PLACING:
        aux = next((i for i, t in enumerate(tokens[:10]) if t.lower() in _AUXILIARIES), None)
        if aux is None:
            return None  # "of the homes in the village flooded": where the verb is is unclear
        tokens = tokens[aux:]
    for token in tokens[:12]:
        low = token.lower()
        if not token[:1].isalnum() or low in {"according", "said", "says", "told"}:
            break
        if low in _AUXILIARIES or low in STOPWORDS or len(low) < 3 and not low.isdigit() or (
                token[:1].isupper()):
            continue  # names and months say when and where, not what
        words.append(low)
        if len(words) == MAX_PREDICATE:
            break
    return words or None


#: Verbs of holding a part of a market ("has about 38% of the Dutch mobile market"): a market
#: share names itself.
_HOLDING = frozenset("""has have had holds hold held controls control controlled commands
command commanded accounts accounted""".split())


def share_measure(text: str, clause_start: int, start: int, end: int) -> Measure | None:
    """The measure of a share (see the module docstring), or None.

    Args:
        text: The sentence.
        clause_start: Where the share's clause starts.
        start: Offset of the share's number (bound words excluded).
        end: Offset after it ("41%", "a third", "one in eight").

    Example:
        >>> s = "He said 41% of buyers were purchasing a home for the first time."
        >>> share_measure(s, 0, 8, 11).name
        'share of buyers purchasing home first'
        >>> share_measure("Off-plan homes accounted for 58% of sales.", 0, 29, 32) is None
        True
    """
    sign = re.match(r"\s*(?:%|percent\b|per\s+cent\b)", text[end:end + 12])
    end += sign.end() if sign else 0
    after = text[end:end + 240]
    named = re.match(r"\s+share\s+of\s+", after)
    if named:  # "a 62.3% share of the audience": the share is its own word
        read = _whole(_tokens(after[named.end():]))
        return named_measure("share of " + " ".join(read[0]), PERCENT) if read else None
    direct = bool(_ONE_IN_RAW.fullmatch(text[start:end]))
    of = re.match(r"\s+of\s+" if not direct else r"\s+", after)
    if of is None and not direct:
        of = re.match(r"\s+(?=the\b|its\b|their\b|all\b)", after)  # "half the homes"
    if of is None:
        return None
    tokens = _tokens(after[of.end():])
    read = _whole(tokens)
    if read is None:
        return None
    whole, used = read
    name = "share of " + " ".join(whole)
    # Only the words just before the share say what governs it: a bounded window keeps a huge
    # unpunctuated sentence linear.
    before = _BOUND_TAIL.sub("", text[max(clause_start, start - LOOK):start]).rstrip()
    previous = _tokens(before)
    last = previous[-1].lower() if previous else ""
    if not previous or last in _OPENERS or not last[:1].isalpha():
        what = _predicate(tokens[used:])
        return named_measure(f"{name} {' '.join(what)}", PERCENT) if what else None
    if whole[-1] in LEVEL_WHOLES or whole[-1] == "market" and last in _HOLDING:
        return named_measure(name, PERCENT)  # "has about 38% of the Dutch mobile market"
    if last in _STANDING or last in STOPWORDS or last in _AUXILIARIES or previous[-1][:1].isupper():
        return None
    agent: list[str] = []
    for token in reversed(previous[:-1]):
        low = token.lower()
        if low in _AUXILIARIES:
            continue
        if not token[:1].isalpha() or token[:1].isupper() or low in STOPWORDS or len(agent) == 2:
            break
        agent.insert(0, low)
    return named_measure(" ".join([*agent, last, name]), PERCENT)
