"""The combined brief: stories that articles share, each with its key facts, disagreements and
a dated timeline, built from the claims of every document.

Four pure steps, each its own module:

1. **Claims** (``summarize.digest.claims``): every figure of every English sentence with
   its subject, measure, value and unit, time (relative expressions resolved against the
   document's front-matter date), status, event qualifiers and attribution.
2. **Verdicts** (``summarize.digest.verdicts``): between claims of different documents,
   ``same_fact``, ``disagreement``, ``update`` or ``not_comparable``, each with its reason.
3. **Stories** (``summarize.digest.stories``): the subjects and events articles share,
   with key facts merged across articles, disagreements, figures shown side by side and a
   timeline.
4. The :class:`~summarize.records.Brief` keeps all of it, so ``brief.md``, ``run.json`` and the
   review page show the same stories, verdicts and timelines.

Documents without a date are listed in ``Brief.undated``: their relative dates ("in
September") are kept as written and never compared as if they were known.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from summarize.digest.claims import document_profile, document_title, extract_claims, parse
from summarize.digest.entities import name_context
from summarize.digest.events import event_setting
from summarize.digest.extractive import score_sentences
from summarize.digest.stories import DocumentView, build_stories
from summarize.digest.timeexpr import document_date
from summarize.digest.verdicts import verdicts
from summarize.records import Brief, Comparison, DocumentResult, Story, SyndicationGroup
from summarize.syndication import independent_sources, outlet_of


def build_brief(documents: Sequence[DocumentResult], max_items: int,
                syndication: Sequence[SyndicationGroup] = ()) -> Brief:
    """The brief of the processed documents.

    Args:
        documents: The run's documents; failed ones are left out.
        max_items: Most key facts over all stories (disagreements, figures shown side by
            side and timelines are never cut).
        syndication: The run's groups of syndicated copies (``RunResult.syndication``): a
            fact, figure or story is marked with its number of independent sources, copies of
            one story counting once.

    Returns:
        The stories, most important first, with the claims and verdicts they rest on.
    """
    live = [d for d in documents if d.ok and d.sentences]
    context = name_context(s.english for d in live for s in d.sentences)
    readings = [parse(d, context) for d in live]  # each document read once
    claims = [c for d, r in zip(live, readings, strict=True) for c in extract_claims(d, context, r)]
    views = [DocumentView(d.id, document_profile(d, context, r), score_sentences(d.sentences),
                          document_title(d)) for d, r in zip(live, readings, strict=True)]
    mentioned = {d.id: event_setting((s.english for s in d.sentences), v.profile.anchors, context)
                 for d, v in zip(live, views, strict=True)}
    found = verdicts(claims, mentioned)
    sentences = {s.id: s for d in live for s in d.sentences}
    stories = build_stories(views, claims, found, sentences, max_items, mentioned)
    stories = [_sourced(story, {d.id: d for d in live}, syndication) for story in stories]
    return Brief(stories=stories, claims=claims, verdicts=found,
                 undated=[d.id for d in live if document_date(d.metadata) is None])


def _sourced(story: Story, documents: Mapping[str, DocumentResult],
             groups: Sequence[SyndicationGroup]) -> Story:
    """The story with its outlets and independent sources counted, and each fact, figure and
    timeline entry with its independent sources (1: one document, or copies of one story)."""
    def count(sources: Sequence[str]) -> int:
        return independent_sources(sources, groups)

    def compared(comparison: Comparison) -> Comparison:
        return replace(comparison, variants=tuple(
            replace(v, independent=count(v.sources)) for v in comparison.variants))

    return replace(
        story, outlets=len({outlet_of(documents[d]) for d in story.sources if d in documents}),
        independent=count(story.sources),
        facts=tuple(replace(f, independent=count(f.sources)) for f in story.facts),
        disagreements=tuple(compared(c) for c in story.disagreements),
        side_by_side=tuple(compared(c) for c in story.side_by_side),
        timeline=tuple(replace(e, independent=count(e.sources)) for e in story.timeline))
