"""Faithfulness of generated sentences: alignment to source sentences and unsupported claims.

A generated (abstractive) sentence is first aligned to the sentences it rests on: greedily, the
source sentence that covers most of what it still needs (its content words, and with more
weight its names and figures) is added, up to ``MAX_EVIDENCE`` sentences, while one still adds
something. It is then checked against those sentences only:

* ``unsupported_number``: a figure none of them gives (value compared, so ``€1.7 billion`` is
  supported by ``1.7 billion euros`` and ``1,700 million euros``; rounding allowed);
* ``unsupported_name``: a name none of them contains;
* ``unsupported_content``: fewer than ``MIN_SUPPORT`` of its content words occur in them (or
  none can be read at all);
* ``dropped_attribution``: its main source sentence is attributed or hedged ("according to",
  "reportedly", reported speech, "may") and the generated sentence states the claim as fact.

All four are severity 2 (likely wrong). The digest replaces such a sentence by the source
sentence that best matches it, unless unsupported sentences are allowed.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.digest.mentions import hedge, names, tokens
from summarize.digest.text import bag, content_terms, cosine
from summarize.numbers import NumberMention, english_mentions, same_figure
from summarize.records import Flag, SentenceRecord

MAX_EVIDENCE = 3
MIN_SUPPORT = 0.5
NAME_WEIGHT = 2
NUMBER_WEIGHT = 3


def _words(text: str) -> set[str]:
    return {w.lower().removesuffix("'s").removesuffix("’s") for _, w in tokens(text)}


_Candidate = tuple[SentenceRecord, set[str], set[str], list[NumberMention], float]


def _gain(candidate: _Candidate, terms: set[str], wanted: set[str],
          numbers: list[NumberMention]) -> tuple[int, float]:
    _, own_terms, own_words, own_numbers, similarity = candidate
    covered = sum(any(same_figure(n, m) for m in own_numbers) for n in numbers)
    return (len(terms & own_terms) + NAME_WEIGHT * len(wanted & own_words)
            + NUMBER_WEIGHT * covered, similarity)


def align(text: str, candidates: Sequence[SentenceRecord], context: str = ""
          ) -> list[SentenceRecord]:
    """The source sentences a generated sentence rests on, best first (greedy cover)."""
    terms = set(content_terms(text))
    wanted = names(text, context)
    numbers = [m for m in english_mentions(text) if not m.optional]
    target = bag(text)
    info: list[_Candidate] = [
        (r, set(content_terms(r.english)), _words(r.english), english_mentions(r.english),
         cosine(target, bag(r.english))) for r in candidates]
    chosen: list[SentenceRecord] = []
    while len(chosen) < MAX_EVIDENCE:
        taken = {c.id for c in chosen}
        scored = [(_gain(c, terms, wanted, numbers), c) for c in info if c[0].id not in taken]
        if not scored:
            break
        gain, best = max(scored, key=lambda pair: pair[0])
        if gain[0] == 0:
            break
        record, own_terms, own_words, own_numbers, _ = best
        chosen.append(record)
        terms -= own_terms
        wanted -= own_words
        numbers = [n for n in numbers if not any(same_figure(n, m) for m in own_numbers)]
    return chosen


def check(text: str, evidence: Sequence[SentenceRecord], context: str = "") -> list[Flag]:
    """Faithfulness flags of a generated sentence against the sentences it is aligned to."""
    sources = [r.english for r in evidence]
    cited = ", ".join(r.id for r in evidence) or "none"
    flags: list[Flag] = []
    pool = [m for s in sources for m in english_mentions(s)]
    for number in english_mentions(text):
        if not number.optional and not any(same_figure(number, m) for m in pool):
            flags.append(Flag("unsupported_number", f'figure "{number.raw}" is not in its '
                              f"source sentences ({cited})", 2))
    known = set().union(*(_words(s) for s in sources)) if sources else set()
    missing = sorted(names(text, context) - known)
    if missing:
        flags.append(Flag("unsupported_name", f"{', '.join(missing)} not in its source "
                          f"sentences ({cited})", 2))
    terms = content_terms(text)
    found = set().union(*(set(content_terms(s)) for s in sources)) if sources else set()
    supported = sum(term in found for term in terms)
    if not terms or supported < MIN_SUPPORT * len(terms):
        flags.append(Flag("unsupported_content", f"only {supported} of {len(terms)} content "
                          f"words occur in its source sentences ({cited})", 2))
    source_hedge = hedge(sources[0]) if sources else None
    if source_hedge and hedge(text) is None:
        flags.append(Flag("dropped_attribution", f'its source says "{source_hedge}"; the '
                          "sentence states the claim as fact", 2))
    return flags


def best_match(text: str, candidates: Sequence[SentenceRecord],
               exclude: set[str]) -> SentenceRecord | None:
    """The candidate most similar to ``text`` whose id is not in ``exclude``."""
    target = bag(text)
    pool = [r for r in candidates if r.id not in exclude]
    if not pool:
        return None
    return max(pool, key=lambda r: (cosine(target, bag(r.english)), -candidates.index(r)))
