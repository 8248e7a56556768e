"""Small English text utilities shared by the digest and the brief."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache, lru_cache
from typing import Any

from summarize.numcontext import SIGNS

#: A currency sign the number parser knows, as a regex class ("€", "$", "₹" …).
SIGN = f"[{re.escape(SIGNS)}]"

_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*", re.UNICODE)

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves said says say
according its it's which while would could may might must shall one new also however
""".split())


def words(text: str) -> list[str]:
    """Lower-cased word tokens (numbers such as ``1.7`` stay whole)."""
    return [w.lower() for w in _WORD.findall(text)]


@cache
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def singular(word: str) -> str:
    """A noun's singular, lower-cased, by its English ending: "fatalities" → "fatality",
    "passes" → "pass", "cases" → "case"; "crisis", "bus" and "press" are left as they are."""
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "ches", "shes", "xes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return low[:-1]
    return low


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem, so ``raises``, ``raised`` and ``raise`` match."""
    word = word.removesuffix("'s").removesuffix("’s")
    return word if word[:1].isdigit() else str(_stemmer().stemWord(word))


def content_terms(text: str) -> list[str]:
    """Stemmed words that are not stopwords."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


def cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two term bags."""
    if not a or not b:
        return 0.0
    dot = sum(count * b[term] for term, count in a.items() if term in b)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def bag(text: str) -> Counter[str]:
    """The content-term bag of a text."""
    return Counter(content_terms(text))


#: A wire dateline at the start of a sentence ("ANTWERP —", "JAKARTA, June 3 (Reuters) -"):
#: the place where the story was filed, and the sentence starts after it.
_CAPITAL = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"  # "MALMÖ", "ŁÓDŹ"
DATELINE = re.compile(rf"\s*[{_CAPITAL}][{_CAPITAL}.'’-]+(?:[ ,/]+[{_CAPITAL}][{_CAPITAL}a-zß-öø-ÿ"
                      rf"ā-ž.'’-]+){{0,3}}(?:,?\s+[A-Z][a-z]+\.?\s+\d{{1,2}})?(?:\s*\([^)]{{1,30}}\))?"
                      r"\s*(?:—|–|--|\s-)\s*")


def dateline_end(text: str) -> int:
    """Where a sentence's dateline ends (0 when it has none)."""
    match = DATELINE.match(text[:120])
    return match.end() if match and match.group().split()[0].strip(",").isupper() else 0
