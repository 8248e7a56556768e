"""Idioms of news English that change what a figure measures, applied after the measure word
is found (``summarize.digest.figures``). Each rule is one construction, not a word list
tuned to some articles:

* **a deal's worth**: "worth" names a valuation ("the start-up is worth $6 billion") unless
  a deal noun comes before it ("Ferri's transfer to Atletico, worth 42 million euros", "a
  contract worth"): then it is the deal's value;
* **per share**: money "a share", "per share" or "per Brio share" is a price per share;
* **launched and shot down**: counts of drones, missiles and rockets are the number
  launched, or shot down when the clause says so ("downed 37 drones", "of which 37 were
  intercepted"): two different counts of one attack;
* **polls**: "an exit poll gave Wilk 56 percent" is a vote share; "a survey put the share of
  pharmacies short of the drug at 30%" is not;
* **job cuts**: "will cut 1,800 jobs", "eliminate 2,100 positions", "1,200 job cuts" count
  jobs cut, not staff;
* **paying for**: money "paid … for Kustbanken" is the price of a deal, not a salary;
* **a bare "rate"** ("economists had expected a rate of 10.9 percent") refers back to the
  rate the article is about; only with a central bank or a rate-setting verb ("cut its rate")
  is it an interest rate. :func:`bare_rate` says when it is bare; the claims resolve it.
"""

from __future__ import annotations

import re

from summarize.digest.openmeasures import BOUND_WORDS

_DEAL_BEFORE = re.compile(r"\b(?:transfer|deal|contract|takeover|acquisition|purchase|sale|"
                          r"move|order|package|agreement|merger|bid|offer)\b[^.;:]{0,50}$",
                          re.IGNORECASE)
_PER_SHARE = re.compile(r"\s*(?:euros?|dollars?|pounds?|francs?|yen|yuan|cents?)?\s+"
                        r"(?:a|per|each)\s+(?:[A-Z][\w-]*\s+)?share\b")
_PROJECTILES = re.compile(r"\s*(?:[a-z-]+\s+)?(drones?|missiles?|rockets?|shells?)\b",
                          re.IGNORECASE)
_INTERCEPTED = re.compile(r"\b(?:shot\s+down|downed|intercepted|destroyed|jammed|"
                          r"neutrali[sz]ed)\b", re.IGNORECASE)
_POLL_GAVE = re.compile(r"\b(?:poll|polls|survey|projection)\b[^.;]*\b(?:gave|given|giving|"
                        r"put|puts|showed|shows)\b", re.IGNORECASE)
#: Who a poll gives a share to, between its verb and the number: a name ("gave Wilk 56
#: percent", "put the Social Democrats on 24%"), support for one, a party or a candidate.
_CAPITAL = r"(?-i:[A-Z])[\w'’.-]*"
_POLLED = re.compile(rf"\s*(?:(?:the\s+)?{_CAPITAL}(?:\s+(?:of\s+|and\s+)?{_CAPITAL})*|"
                     r"(?:the\s+)?(?:combined\s+)?support\s+(?:for|of)\s+[^,;]+?|"
                     r"(?:the\s+|its\s+|their\s+)?(?:party|parties|candidate|candidates|coalition|"
                     r"bloc|incumbent|government|opposition|challenger|it|him|her|them|"
                     r"yes\s+(?:side|camp)|no\s+(?:side|camp)|share\s+of\s+(?:the\s+)?votes?))?"
                     rf"\s*(?:at|on|with|to|as\s+high\s+as)?\s*(?:{BOUND_WORDS}\s+)?",
                     re.IGNORECASE)
#: A share of something after a percentage ("41% of voters backed the plan"), not of the vote.
_SHARE_OF = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)?\s*of\s+"
                       r"(?!(?:the\s+)?(?:votes?|ballots)\b)", re.IGNORECASE)
_JOBS_AFTER = re.compile(r"\s*(?:[a-z-]+\s+)?(?:jobs|positions|posts|roles|employees|workers|"
                         r"staff)\b", re.IGNORECASE)
_CUT_BEFORE = re.compile(r"\b(?:cut|cuts|cutting|eliminate|eliminates|eliminating|axe|axes|"
                         r"axing|shed|sheds|shedding|slash|slashes|slashing|lay\s+off|"
                         r"laying\s+off|scrap|scraps|scrapping|remove|removing)\b[^,;.]*$",
                         re.IGNORECASE)
_JOB_CUTS_AFTER = re.compile(r"\s*(?:job\s+cuts|job\s+losses|layoffs|redundancies)\b",
                             re.IGNORECASE)
_PAID_FOR = re.compile(r"^[^,;.]*?\s+for\s+(?:the\s+)?[A-Z]")
_RATE_SETTING = re.compile(r"\b(?:bank|banks|cut|cuts|raised|raises|hiked|hikes|kept|keeps|"
                           r"held|holds|left|lowered|lowers|tightened|eased)\b", re.IGNORECASE)
_SPECIFIC_RATE = re.compile(r"\b(?:deposit|repo|benchmark|policy|interest|key|base|lending|"
                            r"refinancing|overnight|discount)\s+rates?\b", re.IGNORECASE)


#: How far back (in characters) "all but" looks for the power that was restored.
LOOK_BACK = 300


def refine(text: str, clause: tuple[int, int], start: int, end: int, measure: str | None,
           money: bool, percent: bool) -> str | None:
    """The measure of a figure once the idioms above are applied.

    Args:
        text: The sentence.
        clause: Offsets of the figure's clause.
        start: Offset of the number.
        end: Offset after the number (and its unit).
        measure: The measure found so far, if any.
        money: The figure is an amount of money.
        percent: The figure is a percentage.
    """
    if money and _PER_SHARE.match(text[end:end + 30]):
        return "price per share"
    # Each test reads a bounded window before the number: a huge sentence stays linear.
    before = text[max(0, start - 80):start]
    worth = re.search(r"\bworth\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|up\s+to\s+|"
                      r"more\s+than\s+|an\s+estimated\s+)?[€$£]?$", before, re.IGNORECASE)
    if money and measure == "valuation" and worth and _DEAL_BEFORE.search(
            before[max(0, worth.start() - 60):worth.start()]):
        return "deal value"
    projectile = None if money or percent else _PROJECTILES.match(text[end:end + 30])
    if projectile:
        noun = projectile.group(1).lower().rstrip("s")
        scope = text[clause[0]:clause[1]] + " " + text[max(0, start - 25):start]
        return f"{noun}s " + ("shot down" if _INTERCEPTED.search(scope) else "launched")
    poll = _POLL_GAVE.search(text[clause[0]:start]) if percent and measure is None else None
    if poll and _POLLED.fullmatch(text[clause[0] + poll.end():start]) and not _SHARE_OF.match(
            text[end:end + 40]):
        return "vote share"  # not "a survey put the share of pharmacies short of it at 30%",
        # nor "the survey put the fall at closer to 20%": a poll gives a party or a candidate
    if not money and not percent and (_JOBS_AFTER.match(text[end:end + 30]) and _CUT_BEFORE.search(
            text[max(clause[0], start - 40):start]) or _JOB_CUTS_AFTER.match(text[end:end + 30])):
        return "job cuts"  # "will cut 1,800 jobs", "eliminate 2,100 positions", "1,200 job cuts"
    if not money and not percent and re.search(r"\ball\s+but\s*$", before) and re.search(
            r"\b(?:power|electricity)\b", text[max(0, start - LOOK_BACK):start], re.IGNORECASE):
        return "power outages"  # "power has been restored to all but 6,000 homes"
    if money and measure == "salary" and _PAID_FOR.search(text[end:end + 60]):
        return "deal value"  # "Nordbank paid 4.5 billion euros for Kustbanken"
    return measure


def bare_rate(text: str, clause: tuple[int, int], measure: str) -> bool:
    """Whether an interest-rate figure rests only on the word "rate" ("a rate of 2.2%") in a
    sentence that sets no rate: it then refers back to the rate the article is about."""
    if measure != "interest rate":
        return False
    window = text[clause[0]:clause[1]]
    return bool(re.search(r"\brates?\b", window, re.IGNORECASE)) and not (
        _SPECIFIC_RATE.search(text) or _RATE_SETTING.search(text))
