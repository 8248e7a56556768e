"""Parts of a whole as figures: a part of a group of people is a figure of what befell that
part ("six of them seriously" after "injured 40", "Eight of the injured were in critical
condition", "Eleven of them were treated in hospital"; ``people_part``), and a part of a set
of things counts what the whole does ("38 of the 60 boreholes", "four of its six entrances";
``part_of_things``). "Two of the injured were children" is no figure, and a part of a group
the sentence names by a noun that is no class of people ("seven flight attendants were hurt,
three of them …") is a part of that group, not read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarize.digest.candidates import CLAUSE, LOOK, WINDOW, measure_words
from summarize.digest.measures import COUNT, PEOPLE, TIME_UNITS, Measure, vocabulary
from summarize.digest.units import TOTAL_NUMBER
from summarize.nummention import NumberMention

#: Measures a spelled-out "one" can be a figure of ("one person died").
TOLLS = frozenset({"deaths", "injured", "seriously injured", "critically injured", "missing",
                   "rescued", "arrested", "displaced"})
#: A part of a group of people ("six of them", "Eight of the injured", "Fourteen of those
#: freed", "about 20 of the Ukrainians freed"), up to where its predicate starts.
_PEOPLE_GROUP = re.compile(
    r"\s+of\s+(?:them|those|these|whom|the|its|their)(?:\s+(?!for\b|with\b|in\b|on\b)"
    r"[a-z][\w'’-]*){0,3}?(?=\s*(?:[,.;)]|$)|\s+(?:were|was|are|is|had|have|has|remain\w*|"
    r"stay\w*|still|seriously|critically|severely|badly|gravely|died|later|for|with|in|on)\b)",
    re.IGNORECASE)
#: What befell a part of a group, left out after its adverb ("injured 40, six of them
#: seriously"): a severity, the measure of the injured the sentence counts before it.
_SEVERITY_ONLY = re.compile(r"\s*(seriously|severely|badly|gravely|critically)\s*(?:[,.;)]|$)",
                            re.IGNORECASE)
_INJURED_BEFORE = re.compile(r"\b(?:injur\w*|wound\w*|hurt|casualt\w*)\b", re.IGNORECASE)
#: The tolls a part of a group of people may be a figure of: what befell them.
PART_TOLLS = TOLLS | {"hospitalized", "in intensive care"}


@lru_cache(maxsize=1024)  # asked by the skip test and then by the reader, once per number
def people_part(text: str, mention: NumberMention) -> Measure | None:
    """The toll a part of a group of people is a figure of, when the words after the group
    say what befell that part: "six of them seriously" (after "injured 40"), "Eight of the
    injured were in critical condition", "Eleven of them were treated in hospital"; else
    None ("Two of the injured were children" is no toll). Only the predicate counts: the
    group itself ("of the injured") names the whole, not the part."""
    group = _PEOPLE_GROUP.match(text[mention.end:mention.end + LOOK])
    if group is None or part_of_things(text, mention.end) or _of_a_named_group(
            text, mention, group.group(0)):
        return None
    start = mention.end + group.end()
    # The predicate's clause, read in a bounded window: a huge sentence stays linear.
    boundary = CLAUSE.search(text, start, min(len(text), start + LOOK))
    end = boundary.start() if boundary else min(len(text), start + LOOK)
    severity = _SEVERITY_ONLY.match(text, start)
    if severity and _INJURED_BEFORE.search(text[max(0, mention.start - LOOK):mention.start]):
        word = severity.group(1).lower()
        return vocabulary().by_name["critically injured" if word == "critically" else
                                    "seriously injured"]
    found = [m for d, m in measure_words(text, (start, end), mention, COUNT) if d <= WINDOW]
    return next((m for m in found if m.name in PART_TOLLS), None)


#: "Them" after a count of people: the count's noun, if the sentence gives one ("seven flight
#: attendants were hurt, three of them").
_ANTECEDENT = re.compile(r"\b(?:" + TOTAL_NUMBER + r"|dozens|hundreds|scores)\s+([a-z-]+)"
                         r"(?:\s+([a-z-]+))?\b", re.IGNORECASE)


def _of_a_named_group(text: str, mention: NumberMention, group: str) -> bool:
    """Whether "them" refers to a group the sentence names by a noun that is no class of
    people ("seven flight attendants were hurt, three of them badly enough to be admitted"):
    the part is of that group, never a toll of everyone. "Injured 40, six of them seriously",
    "twelve people …", "342 pupils …" and "2,300 festival-goers …, 41 of whom" are parts of
    the toll (the last count before the part is the group)."""
    if not re.match(r"\s+of\s+(?:them|whom|those|these)\s*(?:[,.;)]|$|\s)", group + " "):
        return False  # "of the injured", "of those freed": the group is the toll itself
    before = list(_ANTECEDENT.finditer(text[max(0, mention.start - LOOK):mention.start]))
    if not before:
        return False
    first, second = (w.lower() if w else "" for w in before[-1].groups())
    noun = first if first in PEOPLE or first.endswith("s") or not second.endswith("s") else (
        second)  # "five people were", "seven flight attendants"
    return noun.endswith("s") and noun not in PEOPLE and noun not in _TOLL_GROUPS and not (
        noun.endswith("-goers"))  # "31 injured, nine of them": the toll itself


#: Nouns of a group that is the toll itself ("injured 40 workers, six of them seriously").
_TOLL_GROUPS = frozenset("""workers employees passengers victims casualties""".split())


def part_of_things(text: str, end: int) -> str | None:
    """The things the number ending at ``end`` counts a part of, when the sentence names a set
    of them ("cracks in seven of the arena's vaults": ``vaults``; "38 of the 60 boreholes"),
    else None. Such a part is a figure of its own; counted by the bare noun it is compared
    only with other parts (qualifier ``part:of``), since "seven vaults" would be the whole
    set. A part of a group of people ("two of the injured") is none."""
    match = re.match(r"\s+of\s+(?:the|its|their)\s+(?:[^\W\d_]+['’]s\s+)?(?:" + TOTAL_NUMBER +
                     r"\s+)?(?:[^\W\d_][\w-]*\s+)?([a-z]+s|[A-Z]{2,}s)\b", text[end:end + LOOK])
    if match is None:
        return None
    noun = match.group(1).lower()
    if noun in PEOPLE or noun in GROUPS_OF_PEOPLE or noun in TIME_UNITS or (
            vocabulary().counted(noun)):
        return None
    return noun


#: People a part of whom is no figure of its own ("three of the victims were children"),
#: besides the vocabulary's classes of people.
GROUPS_OF_PEOPLE = frozenset("""victims passengers workers employees members voters candidates
women men girls boys adults dead injured wounded missing crew staff refugees prisoners
hostages detainees suspects players fans visitors tourists pilgrims doctors nurses teachers
families""".split())
