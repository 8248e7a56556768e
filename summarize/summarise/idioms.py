"""Idioms of news English that change what a figure measures, applied after the measure word
is found (``summarize.summarise.figures``). Each rule is one construction, not a word list
tuned to some articles:

* **a deal's worth**: "worth" names a valuation ("the start-up is worth $6 billion") unless
  a deal noun comes before it ("Ferri's transfer to Atletico, worth 42 million euros", "a
  contract worth"): then it is the deal's value;
* **per share**: money "a share", "per share" or "per Brio share" is a price per share;
* **launched and shot down**: counts of drones, missiles and rockets are the number
  launched, or shot down when the clause says so ("downed 37 drones", "of which 37 were
  intercepted"): two different counts of one attack;
* **polls**: "an exit poll gave Wilk 56 percent" is a vote share;
* **a bare "rate"** ("economists had expected a rate of 10.9 percent") refers back to the
  rate the article is about; only with a central bank or a rate-setting verb ("cut its rate")
  is it an interest rate. :func:`bare_rate` says when it is bare; the claims resolve it.
"""

from __future__ import annotations

import re

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
_RATE_SETTING = re.compile(r"\b(?:bank|banks|cut|cuts|raised|raises|hiked|hikes|kept|keeps|"
                           r"held|holds|left|lowered|lowers|tightened|eased)\b", re.IGNORECASE)
_SPECIFIC_RATE = re.compile(r"\b(?:deposit|repo|benchmark|policy|interest|key|base|lending|"
                            r"refinancing|overnight|discount)\s+rates?\b", re.IGNORECASE)


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
    worth = re.search(r"\bworth\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|up\s+to\s+|"
                      r"more\s+than\s+|an\s+estimated\s+)?[€$£]?$", text[:start], re.IGNORECASE)
    if money and measure == "valuation" and worth and _DEAL_BEFORE.search(
            text[max(0, worth.start() - 60):worth.start()]):
        return "deal value"
    projectile = None if money or percent else _PROJECTILES.match(text[end:end + 30])
    if projectile:
        noun = projectile.group(1).lower().rstrip("s")
        scope = text[clause[0]:clause[1]] + " " + text[max(0, start - 25):start]
        return f"{noun}s " + ("shot down" if _INTERCEPTED.search(scope) else "launched")
    if percent and measure is None and _POLL_GAVE.search(text[clause[0]:start]):
        return "vote share"
    return measure


def bare_rate(text: str, clause: tuple[int, int], measure: str) -> bool:
    """Whether an interest-rate figure rests only on the word "rate" ("a rate of 2.2%") in a
    sentence that sets no rate: it then refers back to the rate the article is about."""
    if measure != "interest rate":
        return False
    window = text[clause[0]:clause[1]]
    return bool(re.search(r"\brates?\b", window, re.IGNORECASE)) and not (
        _SPECIFIC_RATE.search(text) or _RATE_SETTING.search(text))
