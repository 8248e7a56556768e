"""Who says a figure (attribution), its status, and the qualifiers that tell events apart:
patterns of news English used by ``summarize.digest.claims``. Data and small lookups."""

from __future__ import annotations

import re

from summarize.digest.text import dateline_end

_SAY = (r"(?:said|says|say|told|reported|reports|estimated|estimates|added|confirmed|announced|"
        r"showed|show|shows|stated|claimed|claims|wrote|disclosed|revealed|believes|thinks)")
_SPEAK = r"(?:said|says|say|told|stated|wrote|believes|thinks)"
_WHEN = (r"(?:\s+(?:on|late\s+on|early\s+on|in|last)\s+[A-Z][a-z]+"
         r"(?:\s+(?:morning|afternoon|evening|night))?)?")
ATTRIBUTIONS = [
    re.compile(r"\baccording\s+to\s+[^,.;:]+", re.IGNORECASE),
    re.compile(r"\bciting\s+[^,.;:]+", re.IGNORECASE),
    re.compile(r"\b(?:by|on)\s+(?:the\s+)?[^,.;:]{1,60}?['’]s?\s+(?:own\s+)?(?:count|estimates?|"
               r"tally|reckoning|calculations?|figures|data)\b", re.IGNORECASE),
    re.compile(rf"^[^.;:\d]{{2,160}}?\s+(?:also\s+)?{_SPEAK}\b{_WHEN}(?:\s+that)?"
               r"(?=\s+(?:that|it|its|they|he|she|there|the|a|an|about|more|at|some|nearly|"
               r"close|closer|almost|roughly|around|only|just|well|fewer|less|up|as|over|under|"
               r"[A-Z\d€$£]))"),
    re.compile(rf"^[^.;:\d]{{2,160}}?\s+(?:also\s+)?{_SAY}\b[^,.;:\d]{{0,40}}?\s+that"
               r"(?=\s)|^[^.;:\d]{2,160}?\s+(?:also\s+)?" + _SAY + r"\b" + _WHEN +
               r"(?=\s+(?:it|they|he|she)\s)"),
    re.compile(rf"(?<=,)\s*[^,.;:\d]{{2,90}}?\s+(?:also\s+)?{_SAY}\b{_WHEN}(?=\s*(?:[,.;:]|$))"),
    re.compile(r"(?:^|(?<=,)|(?<=\bwhile)|(?<=\band))\s*[^,.;:\d]{2,80}?\s+"
               r"(?:put|puts|measured|estimate|estimated|estimates|reckon|reckons|reckoned|gave)\s+"
               r"(?:it|(?:the|its|their|annual)\s+(?:\w+\s+){0,2}\w+(?:\s+(?:of|to|for)\s+\w+)?|\w+)"
               r"\s+at\b"),
    # "District councillor Frank Seidel put the cost of the search at", "putting the growers'
    # preliminary losses at", "estimated the cost of flying in the shortfall at": the source
    # only; what it puts at a value stays in the sentence, where its names may be the subject
    re.compile(r"(?:^[^.;:\d]{2,160}?|(?:(?<=,)|(?<=\bwhile)|(?<=\band))[^,.;:\d]{0,80}?)\s*"
               r"(?<!\w)(?:put|puts|putting|"
               r"estimated|estimates|estimating|valued|values|valuing|pegged|pegs|pegging|"
               r"reckoned|reckons)(?=\s+(?:the|its|their|[a-z]+['’]s?)\s+[^,.;:\d]{1,60}?\s+at\s+"
               r"(?:about|around|some|nearly|almost|roughly|more\s+than|less\s+than|at\s+least|"
               r"up\s+to|close\s+to|just\s+over|just\s+under|well\s+over)?\s*[\d€$£A-Z])"),
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
    ("preliminary", re.compile(r"\b(?:preliminary|provisional|flash|initial|partial|early)\s+"
                               r"(?:\w+\s+)?(?:results?|estimates?|count|figures?|data|tally|"
                               r"reading)\b", re.IGNORECASE)),
    ("final", re.compile(r"\b(?:final|definitive)\s+(?:\w+\s+)?(?:results?|count|figures?|tally|"
                         r"turnout|reading)\b|\bfinal\s+turnout\b", re.IGNORECASE)),
    ("revised", re.compile(r"\brevis(?:ed|es|ing|ion)\b|\bcorrected\b|\b(?:cut|raised|lowered|"
                           r"reduced|increased|updated|adjusted|brought\s+down|pushed\s+up)\s+"
                           r"(?:its|their|his|her|the)\s+(?:[\w-]+\s+){0,2}?(?:count|estimate|"
                           r"tally|figure|toll|number)\b|\b(?:rather\s+than|instead\s+of)\s+(?:the\s+)?"
                           r"[\w.,-]+\s+(?:[a-z]+\s+)?(?:it|they|he|she|we)\s+(?:had\s+)?(?:gave|given|"
                           r"reported|announced|forecast|estimated|expected|said|put|published)\b",
                           re.IGNORECASE)),
    # Suspected and probable cases are no count of confirmed ones ("three further cases are
    # classed as probable", "12 suspected infections").
    ("suspected", re.compile(r"\b(?:suspected|probable|possible|presumed|presumptive|"
                             r"unconfirmed)\s+(?:[\w-]+\s+)?(?:cases?|infections?|deaths?|"
                             r"patients?)\b|\b(?:cases?|deaths?|infections?)\s+(?:are|were|is|"
                             r"was|remain|being)?\s*(?:classed|classified|considered|listed|"
                             r"treated|counted|recorded)\s+as\s+(?:probable|suspected|possible)\b",
                             re.IGNORECASE)),
    ("list price", re.compile(r"\blist\s+price\b", re.IGNORECASE)),
    ("negotiated price", re.compile(r"\bnegotiated\s+(?:a\s+)?(?:\w+\s+)?price\b",
                                    re.IGNORECASE)),
]
#: Seasonal adjustment, read over the whole sentence ("…, not adjusted for seasonal effects"):
#: an adjusted and an unadjusted rate of one month are two measures.
ADJUSTMENT = [
    ("unadjusted", re.compile(r"\b(?:not|before|without)\s+(?:\w+\s+){0,2}?(?:adjusted|"
                              r"adjustment)\s+for\s+season\w*|\b(?:not|before|without)\s+"
                              r"(?:\w+\s+){0,2}?seasonal(?:ly)?\s+adjust\w*|\bunadjusted\b|"
                              r"\bnon-seasonally\b", re.IGNORECASE)),
    ("seasonally adjusted", re.compile(r"(?<!not\s)(?<!non-)\bseasonally[\s-]+adjusted\b",
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
                           r"(?:is|are)\s+due\s+to|due\s+to\s+(?:open|start|begin)|"
                           r"scheduled(?!\s+(?:[a-z-]+\s+)?[a-z]+s\b)|"
                           r"would)\b", re.IGNORECASE)),
]


#: An inverted attribution: "…, said Pilar Sanjuán, the project's director, adding that …",
#: "…," said the ministry. Its "said" is not the end of a source before it.
INVERTED = re.compile(r"(?:(?<=,)|(?<=[\"”’]))\s*(?:said|says|added|told\s+reporters)\s+(?:the\s+"
                      r"(?:[a-z]+\s+)?[a-z]+|[A-Z][\w'’.-]*(?:\s+(?:de|van|von|al|bin|da|"
                      r"del|la|le|[A-Z][\w'’.-]*)){0,4})(?:,\s+(?!adding\b)[^,.;:\d]{2,60}?)?(?:,\s*adding"
                      r"(?:\s+that)?|(?=\s*(?:[,.;:]|$)))")


#: An earlier value cited with the verb of its report ("up from the nine announced on
#: Tuesday"): who gave the figure before, not the source of the sentence's figure.
_CITED_VALUE = re.compile(r"(?:up|down)?\s*from\s+(?:the|its|their|an?)\s+", re.IGNORECASE)


def attributions(text: str) -> list[tuple[int, int]]:
    """Spans of who says what in a sentence ("according to …", "the ministry said")."""
    spans: list[tuple[int, int]] = []
    # "TORONTO, Sept 14 — Kestrel said": the dateline is no source, and its date is no figure
    # of the sentence, so the sentence is read from after it.
    filed = dateline_end(text)
    body = text[filed:]
    inverted = [(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end())
                for m in INVERTED.finditer(body)]
    spans += [(s + filed, e + filed) for s, e in inverted]
    for pattern in ATTRIBUTIONS:
        for match in pattern.finditer(body):
            if any(s < match.end() <= e for s, e in inverted):
                continue  # "Seven machines were in use, said Pilar Sanjuán": no source before
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip(" ,"))
            if _CITED_VALUE.match(body, start):
                continue  # "up from the nine announced on Tuesday": a cited value, no source
            if not any(s <= start + filed < e for s, e in spans):
                spans.append((start + filed, match.end() + filed))
    return sorted(spans)

_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4,
                "five": 5, "six": 6, "seven": 7, "ten": 10, "fourteen": 14}
#: A rolling window or a rate per short period ("in the past 24 hours", "a day", "daily"):
#: a count over it is an increment, not the running total, and is compared only with counts
#: over the same window.
WINDOWS = re.compile(
    r"\b(?:in|over|during|within|for)\s+(?:the\s+)?(?:past|last|previous|preceding)\s+"
    r"(\d+|a|an|one|two|three|four|five|six|seven|ten|fourteen|single)?\s*(hour|day|week)s?\b"
    r"|\b(?:in|within)\s+(a\s+single|a|one|24)\s+(hour|day)s?\b"
    r"|(?<=\d)[^,.;]{0,30}?\b(?:a|per|each|every)\s+(day|week)\b"
    r"(?!\s+(?:earlier|later|ago|before|after|of|on|in)\b)|\b(daily|weekly)\b", re.IGNORECASE)
#: Parts of a population that make a rate a different measure ("youth unemployment",
#: "unemployment among people under 25"): compared only with the same part.
GROUPS = [
    ("youth", re.compile(r"\byouth\b|\byoung\s+(?:people|workers|adults)\b|\bunder[- ]25s?\b|"
                         r"\b(?:people|those|workers)\s+(?:under|below|aged\s+under)\s+(?:the\s+"
                         r"age\s+of\s+)?2[45]\b|\baged\s+1[5-8]\s*(?:-|–|to)\s*2[45]\b",
                         re.IGNORECASE)),
    ("women", re.compile(r"\b(?:women|female)\b", re.IGNORECASE)),
    ("men", re.compile(r"\b(?:men|male)\b", re.IGNORECASE)),
    ("long-term", re.compile(r"\blong[- ]term\b", re.IGNORECASE)),
]


def window_of(text: str) -> str | None:
    """The rolling window or short rate period a text names ("1 day", "7 days"), if any."""
    match = WINDOWS.search(text)
    if match is None:
        return None
    if match.group(2) or match.group(4):
        raw = (match.group(1) or match.group(3) or "one").lower().split()[-1]
        count = int(raw) if raw.isdigit() else _COUNT_WORDS.get(raw, 1)
        unit = (match.group(2) or match.group(4)).lower()
    else:
        count, unit = 1, (match.group(5) or match.group(6) or "").lower().removesuffix("ly")
        unit = {"dai": "day", "week": "week"}.get(unit, unit)
    if unit == "hour":
        count, unit = max(1, round(count / 24)), "day"
    if unit == "week":
        count, unit = count * 7, "day"
    return f"{count} day" + ("s" if count != 1 else "")
