"""Extractive digests: the sentences that best cover an article, without near-duplicates.

Each sentence is scored by how central its content words are to the article (term frequency
over the article, damped by sentence length; words of the headline and subheadings count extra,
Edmundson's title method), with a bonus for the news lead and for concrete figures, and a
penalty for sentences the quality checks flagged as likely wrong.
Sentences are then picked greedily by maximal marginal relevance, so a sentence too
similar to one already picked is skipped, and the digest is returned in article order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.records import DigestLine, SentenceRecord
from summarize.summarise.base import Summariser
from summarize.summarise.text import bag, cosine, words

#: Flags that keep a sentence out of digests and the brief (it stays in the translation).
EXCLUDED_FLAGS = frozenset({"boilerplate", "duplicate"})

MIN_WORDS = 6
NEAR_DUPLICATE = 0.6
MMR_LAMBDA = 0.7
TITLE_WEIGHT = 2
#: Score factor for sentences flagged as likely mistranslated: they are quoted only when
#: nothing trustworthy covers the article as well.
RISKY_PENALTY = 0.5


@dataclass(frozen=True)
class ScoredSentence:
    """A candidate sentence with its centrality score (0–1 within its document)."""

    record: SentenceRecord
    position: int
    score: float
    terms: Counter[str]


def eligible(record: SentenceRecord) -> bool:
    """Whether a sentence may appear in a digest or the brief."""
    if record.heading or any(flag.code in EXCLUDED_FLAGS for flag in record.flags):
        return False
    return len(words(record.english)) >= MIN_WORDS


def score_sentences(sentences: Sequence[SentenceRecord]) -> list[ScoredSentence]:
    """Score the eligible sentences of one document; scores are scaled to a maximum of 1."""
    candidates = [(i, s) for i, s in enumerate(sentences) if eligible(s)]
    if not candidates:
        return []
    bags = [bag(s.english) for _, s in candidates]
    frequency: Counter[str] = Counter()
    for terms in bags:
        frequency.update(set(terms))
    for record in sentences:
        if record.heading:
            frequency.update({t: TITLE_WEIGHT for t in set(bag(record.english))})
    total = len(sentences)
    raw: list[float] = []
    for (position, record), terms in zip(candidates, bags, strict=True):
        if not terms:
            raw.append(0.0)
            continue
        centrality = sum(frequency[t] - 1 for t in terms) / math.sqrt(sum(terms.values()))
        lead = 1.0 + 0.5 * (1.0 - position / max(total, 1))
        figures = 1.1 if any(ch.isdigit() for ch in record.english) else 1.0
        trust = RISKY_PENALTY if any(f.severity >= 2 for f in record.flags) else 1.0
        raw.append((centrality + 1.0) * lead * figures * trust)
    top = max(raw) or 1.0
    return [ScoredSentence(record, position, value / top, terms)
            for (position, record), terms, value in zip(candidates, bags, raw, strict=True)]


def select(scored: Sequence[ScoredSentence], n: int) -> list[ScoredSentence]:
    """Pick up to ``n`` sentences by maximal marginal relevance, skipping near-duplicates."""
    chosen: list[ScoredSentence] = []
    remaining = list(scored)
    while remaining and len(chosen) < n:
        def value(candidate: ScoredSentence) -> float:
            overlap = max((cosine(candidate.terms, c.terms) for c in chosen), default=0.0)
            return MMR_LAMBDA * candidate.score - (1 - MMR_LAMBDA) * overlap

        best = max(remaining, key=value)
        remaining.remove(best)
        if all(cosine(best.terms, c.terms) < NEAR_DUPLICATE for c in chosen):
            chosen.append(best)
    return sorted(chosen, key=lambda c: c.position)


class ExtractiveSummariser(Summariser):
    """The default summariser: needs no model, quotes the translation verbatim."""

    name = "extractive"

    def digest(self, sentences: Sequence[SentenceRecord], n: int) -> list[DigestLine]:
        """The ``n`` sentences that best cover the document, in article order."""
        return [DigestLine(c.record.english, (c.record.id,))
                for c in select(score_sentences(sentences), n)]
