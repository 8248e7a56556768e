"""A count written after the words for what it counts: "raised the number of inmates who
escaped to 16", "put its count of people stranded at about 85,000", "the number of homes
destroyed has risen to 143".

"The number of X is N" states what "N X" states, so the figure's measure is read from that
phrase (``figures`` reads "16 inmates who escaped" as it reads any count with its noun): an
article that writes "16 inmates escaped" and one that writes "raised the number of inmates who
escaped to 16" then give the figure one measure, and can be compared.
"""

from __future__ import annotations

import re

from summarize.digest.openmeasures import BOUND_WORDS

#: How far (in characters) before its number "the number of …" is looked for.
LOOK = 160

_AUXILIARY = r"(?:(?:has|have|had|was|were)\s+(?:now\s+)?(?:been\s+)?)"
_MOVED = (r"(?:risen|rose|rises|climbed|climbs|grown|grew|grows|jumped|jumps|increased|"
          r"fallen|fell|falls|dropped|drops|declined|reached|reaches|raised|revised|lifted|"
          r"cut|lowered|brought|put)")
#: "the number of X" or "its count of X" and the words that join X to the number ("has risen
#: to", "at", "to", "was"); X holds no clause punctuation.
_COUNT_OF = re.compile(
    r"\b(?:the|its|their|his|her|our)\s+(?:(?:final|total|cumulative|overall|official|revised|"
    r"new|own|latest|first)\s+)?(?:number|count|tally)\s+of\s+"
    r"(?P<thing>[^\W\d_][^,;:.!?()\[\]\"“”—–\d]{0,100}?)\s+"
    rf"(?:{_AUXILIARY}?{_MOVED}\s+(?:to|at)|(?:stood|stands|is|was|were|are)(?:\s+at)?|to|at|"
    rf"reached|reaches)\s+(?:{BOUND_WORDS}\s+)?$", re.IGNORECASE)

#: Words that narrow a thing to a part of what its noun names.
_NARROWED = re.compile(r"\b(?:with|without|aged|having)\b", re.IGNORECASE)


def counted_thing(text: str, start: int) -> str | None:
    """What the count at ``start`` counts when the sentence names it before the count ("the
    number of inmates who escaped to 16" → ``inmates who escaped``), else None.

    >>> counted_thing("It raised the number of inmates who escaped to 16.", 47)
    'inmates who escaped'
    >>> counted_thing("Police put the number of marchers at about 35,000.", 43)
    'marchers'
    >>> counted_thing("The fire destroyed 16 homes.", 19) is None
    True

    A thing narrowed by what it has ("candidates with a C+ or better") is a part of what its
    noun names, which "N candidates" would not say: None.
    """
    match = _COUNT_OF.search(text[max(0, start - LOOK):start])
    if match is None or _NARROWED.search(match.group("thing")):
        return None
    return match.group("thing")
