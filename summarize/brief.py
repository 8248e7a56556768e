"""The combined brief: the main developments across all documents.

Candidates are the best-scored sentences of every document. Sentences of different documents
that report the same fact (content-word cosine at least ``SAME_FACT``) are linked, and so are
near-duplicates inside one document (``SAME_DOCUMENT``, stricter, so that a lead and a
follow-up sentence on another figure are not chained together), and linked sentences form one item
(single-link clustering) that cites every document reporting it. An item's importance is the
sum, over the documents reporting it, of its best score there, so a fact reported by three
articles outranks one reported by one. The item's text is its most representative sentence:
the best-scored one, ties broken by similarity to the rest of the item.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.records import BriefItem, DocumentResult
from summarize.summarise.extractive import ScoredSentence, score_sentences
from summarize.summarise.text import cosine

CANDIDATES_PER_DOCUMENT = 8
SAME_FACT = 0.45
SAME_DOCUMENT = 0.6

Member = tuple[str, ScoredSentence]


def build_brief(documents: Sequence[DocumentResult], max_items: int) -> list[BriefItem]:
    """Merge near-duplicate facts across documents and rank them by importance."""
    members: list[Member] = []
    for document in documents:
        if not document.ok:
            continue
        scored = sorted(score_sentences(document.sentences), key=lambda s: -s.score)
        members.extend((document.id, s) for s in scored[:CANDIDATES_PER_DOCUMENT])
    parent = list(range(len(members)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (doc_a, a) in enumerate(members):
        for j in range(i + 1, len(members)):
            doc_b, b = members[j]
            if cosine(a.terms, b.terms) >= (SAME_DOCUMENT if doc_a == doc_b else SAME_FACT):
                parent[root(j)] = root(i)
    clusters: dict[int, list[Member]] = {}
    for i, member in enumerate(members):
        clusters.setdefault(root(i), []).append(member)
    items = [_item(cluster) for cluster in clusters.values()]
    items.sort(key=lambda item: (-item.score, item.evidence))
    return items[:max_items]


def _item(cluster: list[Member]) -> BriefItem:
    best_per_doc: dict[str, float] = {}
    for doc_id, sentence in cluster:
        best_per_doc[doc_id] = max(best_per_doc.get(doc_id, 0.0), sentence.score)

    def representativeness(member: Member) -> tuple[float, float]:
        others = sum(cosine(member[1].terms, o.terms) for _, o in cluster if o is not member[1])
        return member[1].score, others

    lead = max(cluster, key=representativeness)[1]
    evidence = tuple(sorted({s.record.id for _, s in cluster}))
    return BriefItem(text=lead.record.english, sources=tuple(sorted(best_per_doc)),
                     evidence=evidence, score=round(sum(best_per_doc.values()), 4))
