"""What an English sentence says, word by word: its names and whether it is attributed.

Used by the faithfulness check (every name and figure of a generated sentence must be found in
the source sentences it rests on) and by the brief (a hedged sentence is quoted when its fact is
reported as fact elsewhere).

Names are found by capitalization, the signal English gives reliably: a capitalized word that
is not the first of its sentence is a name; a sentence-initial word counts only when it is not
a stopword and, if a context text is given, does not occur there in lower case ("Investors
said …" is not a name when the article speaks of "investors"). The figures and subjects of
claims are read by ``summarize.digest.figures`` and ``summarize.digest.claims``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarize.digest.text import STOPWORDS

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

#: Capitalized words that do not name anything by themselves: they never make two sentences
#: "about the same subject", though a summary that adds them is still checked.
GENERIC_NAMES = frozenset("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday ai eu us uk un ceo mr mrs ms dr
""".split())

#: Hedges and attribution: the source does not assert the claim itself.
_HEDGE = re.compile(
    r"\b(?:according\s+to\b[^,.;:]*|reportedly|allegedly|purportedly|unconfirmed|"
    r"(?:is|are|was|were|be|been)\s+(?:said|reported|believed|thought|understood|rumou?red|"
    r"expected|estimated|alleged)\s+to|(?:sources?|insiders?|people)\s+(?:familiar|close)\b"
    r"[^,.;:]*|rumou?rs?|rumou?red|(?:said|says|say|told|claimed|claims|stated|estimated|"
    r"estimates|reported|reports)\b)",
    re.IGNORECASE)
#: Modal hedges, lower case only: "in May 2024" is a month, not a hedge.
_MODAL = re.compile(r"\b(?:may|might|could)\b")


def tokens(text: str) -> list[tuple[int, str]]:
    """Word tokens with their start offsets."""
    return [(m.start(), m.group()) for m in _TOKEN.finditer(text)]


def _bare(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("’s")


@lru_cache(maxsize=16)
def _lower_words(context: str) -> frozenset[str]:
    """The lower-case words of a context (one article is asked about for each sentence)."""
    return frozenset(w for _, w in tokens(context) if w[:1].islower())


_INITIAL = re.compile(r"(?:^|[.!?…:;]\s+)[\"“«(\[‘'\s]*$")


def names(text: str, context: str = "") -> set[str]:
    """The lower-cased name words of ``text`` (``Mistral AI's`` → ``{"mistral", "ai"}``).

    Args:
        text: An English sentence or passage.
        context: Text whose lower-case words rule out sentence-initial common words.
    """
    lower_context = _lower_words(context)
    found: set[str] = set()
    for start, word in tokens(text):
        if not word[:1].isupper():
            continue
        bare = _bare(word)
        if bare in STOPWORDS and not word.isupper():  # "The", "It"; but "US" stays
            continue
        # The 64 characters before the word (``^`` matches only at the text's real start):
        # linear time on a huge sentence.
        if bare in lower_context and _INITIAL.search(text, max(0, start - 64), start):
            continue
        found.add(bare)
    return found


def subject_names(text: str, context: str = "") -> set[str]:
    """Names that can tie two sentences to the same subject (no months, days, acronyms like AI).

    Args:
        text: An English sentence.
        context: Its article, whose lower-case words rule out sentence-initial common words.
    """
    return {n for n in names(text, context) if n not in GENERIC_NAMES and len(n) > 2}


def hedge(text: str) -> str | None:
    """The attribution or hedge of a sentence (``according to Reuters``, ``reportedly``,
    ``said``, ``may``), or None when it states its claim as fact."""
    matches = [m for m in (_HEDGE.search(text), _MODAL.search(text)) if m is not None]
    if not matches:
        return None
    first = min(matches, key=lambda m: m.start())
    return " ".join(first.group().split())
