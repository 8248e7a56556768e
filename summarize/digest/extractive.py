"""Extractive digests: the sentences that best cover an article, without near-duplicates.

Each sentence is scored by how central its content words are to the article (term frequency
over the article, damped by sentence length; words of the headline and subheadings count extra,
Edmundson's title method), times three factors that favour what analysts need:

* **the lead**: news puts the main fact first (``LEAD_WEIGHT`` more for the first
  sentence, decreasing linearly to nothing for the last);
* **concrete facts**: each figure with a measure (``summarize.digest.figures``: "18,000
  GPUs", "a 40-megawatt data centre", "killing 38 people") adds ``FIGURE_WEIGHT``, each
  distinct named organisation, person or place ``NAME_WEIGHT`` (up to ``MAX_NAMES``), a word
  reporting something done ("announced a partnership", "signed", "launched")
  ``ACTION_WEIGHT``;
* **trust**: a sentence the quality checks flagged as likely wrong counts ``RISKY_PENALTY``,
  first-person opinion ("I am sceptical") ``OPINION_PENALTY``, a sentence opening with a
  connective ("But", "However") ``ANAPHOR_PENALTY``, background opening with a time ("In 2023,
  …") ``BACKGROUND_PENALTY``.

Sentences are then picked greedily by maximal marginal relevance, so a sentence too
similar to one already picked is skipped, and the digest is returned in article order. A
picked sentence whose subject only points back ("It …", "The French telecoms giant …") and
names nobody is quoted together with the sentence before it in its paragraph, so the line says
who did what ("After Helsing, Orange is the latest group to ally itself with Mistral. The French
telecoms giant announced …"); both are cited as evidence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.digest.base import Summarizer
from summarize.digest.entities import NameContext, find_names, name_context
from summarize.digest.figures import read_figures
from summarize.digest.text import bag, cosine, words
from summarize.numbers import english_mentions
from summarize.records import DigestLine, SentenceRecord

#: Flags that keep a sentence out of digests and the brief (it stays in the translation).
EXCLUDED_FLAGS = frozenset({"boilerplate", "duplicate"})

MIN_WORDS = 6
NEAR_DUPLICATE = 0.6
#: Sentences giving the same figure repeat a fact when their words (numbers aside) are this
#: similar (a rival's equal price is another fact).
SAME_FIGURE_SIMILARITY = 0.25
MMR_LAMBDA = 0.6
TITLE_WEIGHT = 2
#: Score factor for sentences flagged as likely mistranslated: they are quoted only when
#: nothing trustworthy covers the article as well.
RISKY_PENALTY = 0.5
#: Extra weight of the first sentence (the news lead), decreasing linearly to the last.
LEAD_WEIGHT = 4.0
#: Weight of each figure with a measure (at most ``MAX_FIGURES`` count).
FIGURE_WEIGHT = 1.0
MAX_FIGURES = 2
#: Weight of each distinct name (at most ``MAX_NAMES`` count).
NAME_WEIGHT = 0.1
MAX_NAMES = 3
#: Weight of a verb or noun that reports something done ("announced a partnership",
#: "signed an agreement", "launched an app"), as opposed to comment and context.
ACTION_WEIGHT = 0.5
_ACTION = re.compile(r"\b(?:announc\w*|sign(?:ed|s|ing)?|agree(?:d|s|ment)|launch\w*|unveil\w*|"
                     r"acquir\w*|acquisition|merg\w*|partnership|partnered|all(?:y|ied|iance)|teamed|deal|"
                     r"approv\w*|"
                     r"elected|appointed|resigned|won|wins|completed|confirmed|opened|"
                     r"declared|ordered|banned|arrested|struck|hit)\b", re.IGNORECASE)
#: Score factor for first-person opinion outside quotation marks ("I wonder whether …").
OPINION_PENALTY = 0.6
#: Score factor for a sentence that opens with a connective ("But", "However"): it leans on
#: the one before.
ANAPHOR_PENALTY = 0.75
#: Score factor for background: a sentence that opens with a time ("In 2023, …", "A week
#: earlier, …", "Last year, …") looks back from the news.
BACKGROUND_PENALTY = 0.8
_BACKGROUND = re.compile(r"(?:In|By|Since|Until|Last|Earlier|A|One|Two|Three|Back)\b[^,]{0,30}"
                         r"\b(?:(?:19|20)\d\d|year|years|month|months|week|weeks|decade|"
                         r"January|February|March|April|May|June|July|August|September|"
                         r"October|November|December|summer|winter|spring|autumn)\b[^,]{0,12},")
#: Openings that step aside from the news: another story ("Separately, …"), a rival ("Its
#: German rival Helix AI …").
_ASIDE = re.compile(r"(?:Separately|Elsewhere|Previously|Historically)\b|(?:Its|Their|The|A)\s+"
                    r"(?:[A-Za-z-]+\s+){0,2}(?:rival|rivals|competitor|competitors|"
                    r"counterpart)\b")
#: Looking back from the news: a time long before it ("a month ago", "in 2023", "last year")
#: or the past perfect ("polls had shown"), unless it is reported speech ("said 38 people had
#: been rescued").
_LOOKING_BACK = re.compile(r"\b(?:(?:a|one|two|three|several|\d+)\s+(?:months?|years?|decades?)"
                           r"\s+(?:ago|earlier|before)|last\s+year|in\s+(?:19|20)\d\d\b|"
                           r"had\s+(?:been\s+)?[a-z]+(?:ed|wn|en)\b)", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:said|says|told|reported|announced|confirmed|estimated|added)\b"
                       r"[^.;]*\bhad\b", re.IGNORECASE)
_CONNECTIVE = re.compile(r"(?:But|However|Yet|Still|Nevertheless|Moreover|Meanwhile|Instead)\b")
_ANAPHOR = re.compile(r"(?:It|They|He|She|This|These|Those|The\s+(?:[A-Za-z-]+\s+){0,3}"
                      r"(?:company|firm|group|giant|start-up|startup|maker|provider|operator|"
                      r"retailer|carmaker|bank|lender|insurer|unicorn|club|party|team|"
                      r"government|ministry|agency|authority|country))\b")
_FIRST_PERSON = re.compile(r"(?:^|[\s(])(?:I|I'm|I’m|my|me)\b")


_DATE_AROUND = re.compile(r"(?:January|February|March|April|May|June|July|August|September|"
                          r"October|November|December)\s+\d|\d\s+(?:January|February|March|"
                          r"April|May|June|July|August|September|October|November|December)")


@dataclass(frozen=True)
class ScoredSentence:
    """A candidate sentence with its centrality score (0–1 within its document)."""

    record: SentenceRecord
    position: int
    score: float
    terms: Counter[str]
    figures: frozenset[tuple[str, float, str | None]] = frozenset()
    """(measure, value, unit) of its figures: two sentences giving the same one repeat a fact."""


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
    context = name_context(s.english for s in sentences)
    raw: list[float] = []
    for (position, record), terms in zip(candidates, bags, strict=True):
        if not terms:
            raw.append(0.0)
            continue
        centrality = sum(frequency[t] - 1 for t in terms) / math.sqrt(sum(terms.values()))
        lead = 1.0 + LEAD_WEIGHT * (1.0 - position / max(total, 1))
        raw.append((centrality + 1.0) * lead * concreteness(record.english, context)
                   * trust(record, context))
    top = max(raw) or 1.0
    return [ScoredSentence(record, position, value / top, terms, frozenset(
                (f.measure, f.mention.value, f.unit) for f in read_figures(record.english)))
            for (position, record), terms, value in zip(candidates, bags, raw, strict=True)]


def quantities(text: str) -> int:
    """How many numbers of a sentence quantify something: figures with a measure ("18,000
    GPUs"), and any other count or amount ("77 people on board", "500 extra doctors"); years,
    dates, clock times, ordinals and number words like "one" aside."""
    counted = [m for m in english_mentions(text) if m.kind not in {"year", "time", "ordinal"}
               and not m.optional and not _DATE_AROUND.search(text[max(0, m.start - 10):m.end + 4])]
    return max(len(read_figures(text)), len(counted))


def concreteness(text: str, context: NameContext | None = None) -> float:
    """1 plus the weights of a sentence's quantities (:func:`quantities`) and distinct names."""
    figures = min(MAX_FIGURES, quantities(text))
    names = {n.text for n in find_names(text, context) if not n.demonym}
    action = bool(_ACTION.search(text))
    return (1.0 + FIGURE_WEIGHT * figures + NAME_WEIGHT * min(MAX_NAMES, len(names))
            + ACTION_WEIGHT * action)


def trust(record: SentenceRecord, context: NameContext | None = None) -> float:
    """Down-weight likely mistranslations, first-person opinion, sentences that open with a
    connective and background that opens with a time."""
    factor = RISKY_PENALTY if any(f.severity >= 2 for f in record.flags) else 1.0
    unquoted = re.sub(r"[“\"«][^”\"»]*[”\"»]", " ", record.english)
    if _CONNECTIVE.match(record.english):
        factor *= ANAPHOR_PENALTY
    if _BACKGROUND.match(record.english) or _ASIDE.match(record.english) or (
            _LOOKING_BACK.search(unquoted) and not _REPORTED.search(unquoted)):
        factor *= BACKGROUND_PENALTY
    return factor * (OPINION_PENALTY if _FIRST_PERSON.search(unquoted) else 1.0)


def _repeats(a: ScoredSentence, b: ScoredSentence) -> bool:
    """Near-duplicates: similar words, or the same figure in sentences about the same thing."""
    similarity = cosine(a.terms, b.terms)
    if similarity >= NEAR_DUPLICATE:
        return True
    if not a.figures & b.figures:
        return False
    words_a = Counter({t: n for t, n in a.terms.items() if not t[:1].isdigit()})
    words_b = Counter({t: n for t, n in b.terms.items() if not t[:1].isdigit()})
    return cosine(words_a, words_b) >= SAME_FIGURE_SIMILARITY


def select(scored: Sequence[ScoredSentence], n: int) -> list[ScoredSentence]:
    """Pick up to ``n`` sentences by maximal marginal relevance, skipping near-duplicates
    (similar words, or the same figure for the same measure)."""
    chosen: list[ScoredSentence] = []
    remaining = list(scored)
    while remaining and len(chosen) < n:
        def value(candidate: ScoredSentence) -> float:
            overlap = max((cosine(candidate.terms, c.terms) for c in chosen), default=0.0)
            return MMR_LAMBDA * candidate.score - (1 - MMR_LAMBDA) * overlap

        best = max(remaining, key=value)
        remaining.remove(best)
        if all(not _repeats(best, c) for c in chosen):
            chosen.append(best)
    return sorted(chosen, key=lambda c: c.position)


class ExtractiveSummarizer(Summarizer):
    """The default summarizer: needs no model, quotes the translation verbatim."""

    name = "extractive"

    def digest(self, sentences: Sequence[SentenceRecord], n: int) -> list[DigestLine]:
        """The ``n`` sentences that best cover the document, in article order."""
        chosen = select(score_sentences(sentences), n)
        picked = {c.record.id for c in chosen}
        context = name_context(s.english for s in sentences)
        lines = []
        for c in chosen:
            before = antecedent(sentences, c.position, context)
            if before is not None and before.id not in picked:
                lines.append(DigestLine(f"{before.english} {c.record.english}",
                                        (before.id, c.record.id)))
            else:
                lines.append(DigestLine(c.record.english, (c.record.id,)))
        return lines


def antecedent(sentences: Sequence[SentenceRecord], position: int,
               context: NameContext | None = None) -> SentenceRecord | None:
    """The sentence before ``sentences[position]`` in its paragraph when that one only points
    back ("It …", "The company …") and names nobody, else None."""
    record = sentences[position]
    if position == 0 or not _ANAPHOR.match(record.english) or any(
            not n.place and not n.demonym for n in find_names(record.english, context)):
        return None
    before = sentences[position - 1]
    if before.paragraph != record.paragraph or not eligible(before):
        return None
    return before
