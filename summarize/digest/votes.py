"""The votes on a motion, a bill or a board's decision as figures: ``votes in favour`` and
``votes against``, never a count of ``votes`` at large (an election's).

* "by 38 votes to 11": the first is for, the second against;
* a count of voters before a verb of voting: "only 37 members of the county assembly had
  voted for it", "12 members opposed the motion", "three board members voted for the cut";
* a bare count after "and" or a comma once the sentence has counted voters: "38 of the 56
  members backed the motion and 11 opposed it".

A share ("46% of voters backed the bill") is no count of votes, and the whole after "of the"
("38 of the 56 members") is no figure. Their subject is what the sentence names, as any
count's: a vote, once cast, is one count however many days later it is reported (an event's
toll grows; a vote does not).
"""

from __future__ import annotations

import re

from summarize.digest.units import TOTAL_NUMBER
from summarize.nummention import NumberMention

#: The votes of a motion, a bill or a board: "by 38 votes to 11" (for, against), "38 of the 56
#: members backed the motion and 11 opposed it", "only 37 members had voted for it", "three
#: board members voted for the cut".
_VOTES_TO = re.compile(r"\bby\s+(\d+|[a-z]+(?:-[a-z]+)?)\s+votes?\s+to\s+"
                       r"(\d+|[a-z]+(?:-[a-z]+)?)\b", re.IGNORECASE)
_VOTERS = (r"(?:members|MPs|senators|deputies|lawmakers|legislators|councillors|councilors|"
           r"representatives|commissioners|directors|delegates|judges|justices|ministers|"
           r"shareholders)")
_VOTE_VERB = re.compile(
    r"(?:\s+of\s+the\s+" + TOTAL_NUMBER + r")?(?:\s+[a-z-]+){0,1}?(?:\s+" + _VOTERS + r")?"
    r"(?:\s+of\s+the\s+[\w\s'’-]{1,40}?)?\s+(?:had\s+|have\s+|has\s+)?"
    r"(voted\s+(?:for|in\s+favou?r)|backed|supported|voted\s+against|opposed|rejected)\b")
#: Measures of a vote by the verb of voting.
_VOTE_MEASURES = {"voted for": "votes in favour", "voted in favour": "votes in favour",
                  "voted in favor": "votes in favour", "backed": "votes in favour",
                  "supported": "votes in favour", "voted against": "votes against",
                  "opposed": "votes against", "rejected": "votes against"}


def motion_votes(text: str, mentions: list[NumberMention]) -> dict[int, str]:
    """The numbers of a sentence that count votes for or against a motion, by offset, with
    their measure (``votes in favour``, ``votes against``). A share ("46% of voters backed
    the bill") is no count of votes."""
    if not re.search(r"\bvot|\bbacked\b|\bopposed\b|\bsupported\b|\brejected\b", text):
        return {}
    found: dict[int, str] = {}
    by_start = {m.start: m for m in mentions}
    for match in _VOTES_TO.finditer(text):
        for group, name in ((1, "votes in favour"), (2, "votes against")):
            if match.start(group) in by_start:
                found[match.start(group)] = name
    for mention in mentions:
        if mention.start in found or mention.kind != "plain" or mention.currency or re.search(
                r"\bof\s+the\s+$", text[max(0, mention.start - 8):mention.start]):
            continue  # "38 of the 56 members backed": 56 is the whole
        verb = _VOTE_VERB.match(text, mention.end)
        if verb is None or not re.search(_VOTERS, text[mention.end:verb.start(1)]) and not (
                re.match(r"\s+(?:voted|had\s+voted|have\s+voted)\b", text[mention.end:])):
            continue  # "three board members voted for", "11 opposed it" after "members backed"
        found[mention.start] = _VOTE_MEASURES[re.sub(r"\s+", " ", verb.group(1).lower())]
    for mention in mentions:  # "38 of the 56 members backed the motion and 11 opposed it"
        if mention.start in found or mention.kind != "plain" or not found:
            continue
        bare = re.match(r"\s+(opposed|backed|supported|rejected|voted\s+against|"
                        r"voted\s+(?:for|in\s+favou?r))\b", text[mention.end:])
        if bare and re.search(r"\band\s*$|,\s*$", text[max(0, mention.start - 6):mention.start]):
            found[mention.start] = _VOTE_MEASURES[re.sub(r"\s+", " ", bare.group(1).lower())]
    return found
