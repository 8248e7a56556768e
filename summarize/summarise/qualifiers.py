"""Who says a figure (attribution), its status, and the qualifiers that tell events apart:
patterns of news English used by ``summarize.summarise.claims``. Data and small lookups."""

from __future__ import annotations

import re

_SAY = (r"(?:said|says|say|told|reported|reports|estimated|estimates|added|confirmed|announced|"
        r"showed|show|shows|stated|claimed|claims|wrote|disclosed|revealed|believes|thinks)")
_SPEAK = r"(?:said|says|say|told|stated|wrote|believes|thinks)"
_WHEN = (r"(?:\s+(?:on|late\s+on|early\s+on|in|last)\s+[A-Z][a-z]+"
         r"(?:\s+(?:morning|afternoon|evening|night))?)?")
ATTRIBUTIONS = [
    re.compile(r"\baccording\s+to\s+[^,.;:]+", re.IGNORECASE),
    re.compile(r"\bciting\s+[^,.;:]+", re.IGNORECASE),
    re.compile(rf"^[^.;:\d]{{2,160}}?\s+(?:also\s+)?{_SPEAK}\b{_WHEN}(?:\s+that)?"
               r"(?=\s+(?:that|it|its|they|he|she|there|the|a|an|about|more|at|some|nearly|"
               r"[A-Z\d€$£]))"),
    re.compile(rf"^[^.;:\d]{{2,160}}?\s+(?:also\s+)?{_SAY}\b[^,.;:\d]{{0,40}}?\s+that"
               r"(?=\s)|^[^.;:\d]{2,160}?\s+(?:also\s+)?" + _SAY + r"\b" + _WHEN +
               r"(?=\s+(?:it|they|he|she)\s)"),
    re.compile(rf"(?<=,)\s*[^,.;:\d]{{2,90}}?\s+(?:also\s+)?{_SAY}\b{_WHEN}(?=\s*(?:[,.;:]|$))"),
    re.compile(r"(?:^|(?<=,)|(?<=\bwhile)|(?<=\band))\s*[^,.;:\d]{2,80}?\s+"
               r"(?:put|puts|measured|estimated|estimates|gave)\s+"
               r"(?:it|(?:the|its|annual)\s+\w+(?:\s+(?:of|to|for)\s+\w+)?|\w+)\s+at\b"),
]
QUALIFIERS = [
    ("cumulative", re.compile(r"\b(?:to\s+date|so\s+far|in\s+total|altogether|overall|"
                              r"cumulative|since\s+(?:its\s+|it\s+was\s+|they\s+were\s+)?"
                              r"(?:found\w*|launch\w*|creat\w*|inception|start\w*))\b",
                              re.IGNORECASE)),
    ("previous", re.compile(r"\b(?:previous|earlier|prior|last|former|initial)\s+(?:\w+\s+)?"
                            r"(?:round|funding|financing|raise|fundraising|valuation|deal|"
                            r"offer|election|vote|count)\b", re.IGNORECASE)),
    ("new", re.compile(r"\b(?:new|latest|fresh|next|upcoming)\s+(?:\w+\s+){0,2}?(?:round|"
                       r"funding|financing|fundraising|investment\s+cycle)\b", re.IGNORECASE)),
    ("with bonuses", re.compile(r"\b(?:with|including)\s+(?:bonuses|add-ons|variables)\b",
                                re.IGNORECASE)),
    ("list price", re.compile(r"\blist\s+price\b", re.IGNORECASE)),
    ("negotiated price", re.compile(r"\bnegotiated\s+(?:a\s+)?(?:\w+\s+)?price\b",
                                    re.IGNORECASE)),
]
SERIES = re.compile(r"\b(?:Series\s+([A-H])|(pre-seed|seed)\s+round)\b")
#: Qualifiers that make two figures different events even when their values agree.
HARD_QUALIFIERS = frozenset({"cumulative", "previous"})
STATUS = [
    ("target", re.compile(r"\b(?:target|targets|targeting|goal|objective|aims?\s+to|"
                          r"seeks?\s+to|seeking|hopes?\s+to|wants?\s+to\s+raise)\b",
                          re.IGNORECASE)),
    ("in talks", re.compile(r"\b(?:in\s+talks|in\s+negotiations|negotiating|about\s+to|"
                            r"close\s+to\s+(?:closing|completing|raising)|nearing|preparing|"
                            r"in\s+the\s+process\s+of|poised\s+to)\b", re.IGNORECASE)),
    ("expected", re.compile(r"\b(?:expected|expects?|expecting|forecasts?|forecast|projected|"
                            r"projects?|likely|exit\s+poll|could|(?-i:polls?|survey|may|might|"
                            r"must|can))\b", re.IGNORECASE)),
    ("planned", re.compile(r"\b(?:will|shall|plans?\s+to|planned|planning|intends?\s+to|"
                           r"(?:is|are)\s+due\s+to|due\s+to\s+(?:open|start|begin)|scheduled|"
                           r"would)\b", re.IGNORECASE)),
]


def attributions(text: str) -> list[tuple[int, int]]:
    """Spans of who says what in a sentence ("according to …", "the ministry said")."""
    spans: list[tuple[int, int]] = []
    for pattern in ATTRIBUTIONS:
        for match in pattern.finditer(text):
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip(" ,"))
            if not any(s <= start < e for s, e in spans):
                spans.append((start, match.end()))
    return sorted(spans)
