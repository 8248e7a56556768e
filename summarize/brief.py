"""The combined brief: the main developments across all documents, grouped by topic.

Candidates are the best-scored sentences of every document. Two candidates are linked when they
report the same fact:

* sentences of different documents whose content words are similar (cosine at least
  ``SAME_FACT``), and near-duplicates inside one document (``SAME_DOCUMENT``, stricter, so that
  a lead and a follow-up sentence on another figure are not chained together);
* sentences of different documents that give a figure for the same measure (valuation,
  funding, staff …, see ``summarize.summarise.claims``) about the same named subject, whether
  the figures agree or not.

Linked sentences form one item (single-link clustering) that cites every document reporting
it. An item's importance is the sum, over its documents, of its best score there, so a fact
reported by three articles outranks one reported by one.

An item's text is a translated sentence quoted verbatim: the best-scored one, ties broken by
similarity to the rest of the item; when some of its sentences are attributed or hedged
("according to …", "reportedly", reported speech) and others are not, a hedged one is quoted,
so the brief never states as fact what a source only reports. When documents give figures for
the same measure that do not agree (``$6 billion`` against ``€11.7 billion``; different
currencies never agree), nothing is blended: the item names the measure and lists each
document's own sentence and figure as a variant. Each item is filed under a topic
(``summarize.summarise.topics``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarize.records import BriefItem, BriefVariant, DocumentResult
from summarize.summarise.claims import Figure, figures, hedge, subject_names
from summarize.summarise.extractive import ScoredSentence, score_sentences
from summarize.summarise.text import cosine
from summarize.summarise.topics import topic_of

CANDIDATES_PER_DOCUMENT = 8
SAME_FACT = 0.45
SAME_DOCUMENT = 0.6


@dataclass(frozen=True)
class Member:
    """A candidate sentence of one document, with what it claims."""

    doc: str
    sentence: ScoredSentence
    figures: tuple[Figure, ...]
    subjects: frozenset[str]
    hedge: str | None

    @property
    def id(self) -> str:
        return self.sentence.record.id

    @property
    def text(self) -> str:
        return self.sentence.record.english


def candidates(documents: Sequence[DocumentResult]) -> list[Member]:
    """The best-scored sentences of every processed document."""
    members: list[Member] = []
    for document in documents:
        if not document.ok:
            continue
        context = " ".join(s.english for s in document.sentences)
        scored = sorted(score_sentences(document.sentences), key=lambda s: -s.score)
        for s in scored[:CANDIDATES_PER_DOCUMENT]:
            text = s.record.english
            members.append(Member(document.id, s, tuple(figures(text)),
                                  frozenset(subject_names(text, context)), hedge(text)))
    return members


def _linked(a: Member, b: Member) -> bool:
    similarity = cosine(a.sentence.terms, b.sentence.terms)
    if a.doc == b.doc:
        return similarity >= SAME_DOCUMENT
    if similarity >= SAME_FACT:
        return True
    shared = {f.measure for f in a.figures} & {f.measure for f in b.figures}
    return bool(shared and a.subjects & b.subjects)


def build_brief(documents: Sequence[DocumentResult], max_items: int) -> list[BriefItem]:
    """Merge the facts of all documents, rank them by importance, keep ``max_items``."""
    members = candidates(documents)
    parent = list(range(len(members)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(members):
        for j in range(i + 1, len(members)):
            if _linked(a, members[j]):
                parent[root(j)] = root(i)
    clusters: dict[int, list[Member]] = {}
    for i, member in enumerate(members):
        clusters.setdefault(root(i), []).append(member)
    items = [_item(cluster) for cluster in clusters.values()]
    items.sort(key=lambda item: (-item.score, item.evidence))
    return items[:max_items]


def conflicts(cluster: Sequence[Member]) -> dict[str, list[list[tuple[Member, Figure]]]]:
    """Measures whose figures disagree between documents, with the agreeing groups of each.

    Two documents disagree on a measure when none of the figures one gives for it agrees with
    any the other gives (so an article that also mentions an earlier round is not at odds with
    one that mentions only that round). Each group holds the sentences that agree.
    """
    found: dict[str, list[list[tuple[Member, Figure]]]] = {}
    measures = sorted({f.measure for m in cluster for f in m.figures})
    for measure in measures:
        by_doc: dict[str, list[tuple[Member, Figure]]] = {}
        for member in cluster:
            for figure in member.figures:
                if figure.measure == measure:
                    by_doc.setdefault(member.doc, []).append((member, figure))
        docs = sorted(by_doc)
        disagree = any(
            not any(f.agrees(g) for _, f in by_doc[a] for _, g in by_doc[b])
            for i, a in enumerate(docs) for b in docs[i + 1:])
        if not disagree:
            continue
        groups: list[list[tuple[Member, Figure]]] = []
        for doc in docs:
            lead = max(by_doc[doc], key=lambda pair: pair[0].sentence.score)
            for group in groups:
                if any(lead[1].agrees(other) for _, other in group):
                    group.append(lead)
                    break
            else:
                groups.append([lead])
        found[measure] = groups
    return found


def _item(cluster: list[Member]) -> BriefItem:
    best_per_doc: dict[str, float] = {}
    for member in cluster:
        best_per_doc[member.doc] = max(best_per_doc.get(member.doc, 0.0), member.sentence.score)
    topic, terms = topic_of(m.text for m in cluster)
    sources = tuple(sorted(best_per_doc))
    evidence = tuple(sorted({m.id for m in cluster}))
    score = round(sum(best_per_doc.values()), 4)
    disagreements = conflicts(cluster)
    if disagreements:  # every measure they disagree on, each with its agreeing groups
        variants = tuple(
            BriefVariant(text=group[0][0].text, figure=group[0][1].shown,
                         sources=tuple(sorted({m.doc for m, _ in group})),
                         evidence=tuple(sorted({m.id for m, _ in group})),
                         measure=group[0][1].label)
            for groups in disagreements.values() for group in groups)
        labels = list(dict.fromkeys(v.measure for v in variants))
        text = "The sources give different figures for " + "; for ".join(
            f"the {label}: {', '.join(v.figure for v in variants if v.measure == label)}"
            for label in labels) + "."
        return BriefItem(text=text, sources=sources, evidence=evidence, score=score,
                         topic=topic, topic_terms=terms, conflict=", ".join(labels),
                         variants=variants)
    hedged = [m for m in cluster if m.hedge]

    def representativeness(member: Member) -> tuple[float, float]:
        others = sum(cosine(member.sentence.terms, o.sentence.terms)
                     for o in cluster if o is not member)
        return member.sentence.score, others

    lead = max(hedged or cluster, key=representativeness)
    return BriefItem(text=lead.text, sources=sources, evidence=evidence, score=score,
                     topic=topic, topic_terms=terms, attribution=lead.hedge)
