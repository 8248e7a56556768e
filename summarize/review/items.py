"""What a reviewer acts on: every sentence, digest line, brief fact and disagreement of a run,
each with a stable id.

Ids never change for the same content, so a review survives a rebuild and a rerun:

- ``sentence:<sentence id>`` (``sentence:000_tr:3:1``);
- ``digest:<evidence ids joined by +>`` (a digest line is the sentences it quotes);
- ``fact:<evidence ids, sorted, joined by +>``;
- ``disagreement:<measure>:<evidence ids of every variant, sorted, joined by +>``.

A second digest line of one document with the same evidence gets ``#2``, a third ``#3``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from summarize.records import Comparison, RunResult

#: The kinds of items and the actions each one takes.
ACTIONS: dict[str, tuple[str, ...]] = {
    "sentence": ("approve", "edit", "retranslate"),
    "digest": ("approve", "reject"),
    "fact": ("approve", "reject"),
    "disagreement": ("approve", "reject"),
}
#: The status each action leaves an item in.
STATUS = {"approve": "approved", "edit": "corrected", "retranslate": "needs_retranslation",
          "reject": "rejected"}


@dataclass(frozen=True)
class ReviewItem:
    """One thing of a run a reviewer can act on.

    Attributes:
        id: The stable id (see the module docstring).
        kind: ``sentence``, ``digest``, ``fact`` or ``disagreement``.
        text: The English as the run has it (a digest line's or fact's text; a
            disagreement's summary).
        document: The document of a sentence or digest line.
        source: A sentence's source text.
        language: A sentence's source language.
        evidence: The sentence ids a digest line, fact or disagreement rests on.
        story: The story title of a fact or disagreement.
        origin: Who wrote a sentence's English in the run (``model`` or ``human``).
        present: In the run as it is now (False: a digest line or brief item a reviewer
            rejected, left out by a rebuild, still listed so that it can be restored).
    """

    id: str
    kind: str
    text: str
    document: str | None = None
    source: str | None = None
    language: str | None = None
    evidence: tuple[str, ...] = ()
    story: str | None = None
    origin: str = "model"
    present: bool = True


def sentence_item_id(sentence_id: str) -> str:
    """The review id of a sentence."""
    return f"sentence:{sentence_id}"


def digest_item_id(evidence: Iterable[str]) -> str:
    """The review id of a digest line (before any ``#n`` for a repeat)."""
    return "digest:" + "+".join(evidence)


def fact_item_id(evidence: Iterable[str]) -> str:
    """The review id of a brief fact."""
    return "fact:" + "+".join(sorted(evidence))


def disagreement_item_id(comparison: Comparison) -> str:
    """The review id of a disagreement between sources."""
    evidence = sorted({e for variant in comparison.variants for e in variant.evidence})
    return f"disagreement:{comparison.measure}:" + "+".join(evidence)


def disagreement_text(comparison: Comparison) -> str:
    """One line naming a disagreement's figures: ``valuation (Mistral): 11.7 vs 12``."""
    figures = " vs ".join(v.figure for v in comparison.variants)
    return f"{comparison.measure} ({comparison.subject}): {figures}"


def collect_items(result: RunResult) -> dict[str, ReviewItem]:
    """Every item of a run, in page order: sentences and digest lines by document, then the
    brief's facts and disagreements by story."""
    items: dict[str, ReviewItem] = {}
    for doc in result.documents:
        if not doc.ok:
            continue
        for sentence in doc.sentences:
            item_id = sentence_item_id(sentence.id)
            items[item_id] = ReviewItem(item_id, "sentence", sentence.english, doc.id,
                                        sentence.source, sentence.language or doc.language,
                                        origin=sentence.origin)
        for line in doc.digest:
            base = digest_item_id(line.evidence)
            item_id, repeat = base, 1
            while item_id in items:
                repeat += 1
                item_id = f"{base}#{repeat}"
            items[item_id] = ReviewItem(item_id, "digest", line.text, doc.id,
                                        evidence=tuple(line.evidence))
    for story in result.brief.stories:
        for fact in story.facts:
            item_id = fact_item_id(fact.evidence)
            items.setdefault(item_id, ReviewItem(item_id, "fact", fact.text,
                                                 evidence=tuple(fact.evidence),
                                                 story=story.title))
        for comparison in story.disagreements:
            item_id = disagreement_item_id(comparison)
            evidence = tuple(dict.fromkeys(e for v in comparison.variants for e in v.evidence))
            items.setdefault(item_id, ReviewItem(item_id, "disagreement",
                                                 disagreement_text(comparison),
                                                 evidence=evidence, story=story.title))
    return items
