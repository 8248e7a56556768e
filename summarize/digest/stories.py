"""Stories: what articles share (a company, an earthquake, an election), each with its key
facts, its disagreements, the figures shown side by side, and a dated timeline.

Pure: documents (their profile and scored sentences), claims and verdicts in, stories out.

* **Grouping.** Every document has a main subject: its main event when its headline or lead
  reports one and it gives figures about it, else its main entity. Main subjects that match
  (``summarize.digest.entities.same_subject``; events: same class and a shared anchor),
  articles that report the same fact naming each other's main entity, and claims linked by a
  verdict form one story; claims about a subject no article is mainly about (OpenAI's round in
  an article about Mistral) join the story of their article. No keyword lexicon decides
  anything.
* **Key facts.** The best sentences of each article (``summarize.digest.extractive``) and
  every sentence with a claim are candidates; sentences whose figures agree (a ``same_fact``
  verdict), or whose words are similar (cosine at least :data:`SAME_FACT`) when at most one of
  them gives figures, merge into one fact citing every article. A fact quotes one sentence
  verbatim: an unflagged one when there is one (a sentence flagged as likely mistranslated is
  quoted only when nothing else reports the fact, and the fact then says so), a hedged one
  when some sources hedge, then the one with the fewest figures the others do not confirm,
  else the best scored. Sentences with a disputed figure are not facts: they are quoted in the
  disagreement.
* **Disagreements and side-by-side figures**: the claims joined by ``disagreement`` (or
  ``not_comparable``) verdicts, each group of agreeing sources as one variant.
* **Timeline**: for each measure with an ``update`` verdict, its figures by date (agreeing
  sources merged), undated ones last.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from summarize.digest.comparisons import UnionFind, comparisons, timeline
from summarize.digest.entities import DocumentNames, same_subject
from summarize.digest.events import EventSetting, events_apart, same_event
from summarize.digest.extractive import ScoredSentence
from summarize.digest.mentions import hedge
from summarize.digest.text import cosine
from summarize.records import Claim, KeyFact, SentenceRecord, Story, Verdict

#: Content-word cosine above which sentences of different articles report the same fact.
SAME_FACT = 0.45
#: The same within one article (stricter: a lead and a follow-up on another figure differ).
SAME_DOCUMENT = 0.6
#: Best sentences of each article considered for key facts.
CANDIDATES_PER_DOCUMENT = 8


@dataclass(frozen=True)
class DocumentView:
    """What the stories need of one document."""

    id: str
    profile: DocumentNames
    scored: Sequence[ScoredSentence]
    title: str | None = None


def _main_subject(view: DocumentView, claims: Sequence[Claim]) -> tuple[str, tuple[str, ...]]:
    """``(kind, key)`` of a document's main subject (an event, else its main entity)."""
    event = view.profile.event
    if event and any(c.subject_kind == "event" and same_event(c.subject, event) for c in claims):
        return "event", (event, *view.profile.anchors)
    if view.profile.main_key:
        return "entity", view.profile.main_key
    if event:
        return "event", (event, *view.profile.anchors)
    return "none", (view.id,)


def _mains_match(a: tuple[str, tuple[str, ...]], b: tuple[str, tuple[str, ...]],
                 mentioned_a: EventSetting | None = None,
                 mentioned_b: EventSetting | None = None) -> bool:
    if a[0] != b[0] or a[0] == "none":
        return False
    if a[0] == "entity":
        return same_subject(a[1], b[1])
    return same_event(a[1][0], b[1][0]) and any(same_subject(x.split(), y.split())
                                      for x in a[1][1:] for y in b[1][1:]) and not (
        events_apart(a[1][1:], b[1][1:], mentioned_a, mentioned_b))


def _claim_matches_main(claim: Claim, main: tuple[str, tuple[str, ...]]) -> bool:
    if main[0] == "entity":
        return claim.subject_kind != "event" and same_subject(claim.subject_key, main[1])
    if main[0] == "event":
        return claim.subject_kind == "event" and same_event(claim.subject, main[1][0])
    return False


def _mentions(text: str, name: str | None) -> bool:
    return bool(name) and re.search(rf"\b{re.escape(str(name))}\b", text) is not None


def _share_a_fact(a: DocumentView, b: DocumentView) -> bool:
    """Two articles about different main entities tell one story when they report the same
    fact (similar sentences) that names the other's main entity ("Arcadia will deploy 2,000
    robots for Carrefour" in an article about each)."""
    best_a = sorted(a.scored, key=lambda s: -s.score)[:CANDIDATES_PER_DOCUMENT]
    best_b = sorted(b.scored, key=lambda s: -s.score)[:CANDIDATES_PER_DOCUMENT]
    for x in best_a:
        for y in best_b:
            if cosine(x.terms, y.terms) >= SAME_FACT and (
                    _mentions(x.record.english, b.profile.main)
                    and _mentions(y.record.english, a.profile.main)):
                return True
    return False


def _groups(views: Sequence[DocumentView], claims: Sequence[Claim],
            verdicts: Sequence[Verdict], mentioned: Mapping[str, EventSetting] | None = None
            ) -> list[tuple[list[str], list[Claim]]]:
    """Stories as (document ids, claims), before ranking."""
    known = mentioned or {}
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.document, []).append(claim)
    mains = {v.id: _main_subject(v, by_doc.get(v.id, [])) for v in views}
    union = UnionFind([f"d:{v.id}" for v in views] + [f"c:{c.id}" for c in claims])
    for i, a in enumerate(views):
        for b in views[i + 1:]:
            if _mains_match(mains[a.id], mains[b.id], known.get(a.id), known.get(b.id)) or (
                    _share_a_fact(a, b)):
                union.join(f"d:{a.id}", f"d:{b.id}")
    for verdict in verdicts:
        union.join(f"c:{verdict.claims[0]}", f"c:{verdict.claims[1]}")
    for claim in claims:
        if claim.document in mains and _claim_matches_main(claim, mains[claim.document]):
            union.join(f"c:{claim.id}", f"d:{claim.document}")
    # Claims on a subject no article is mainly about join their articles' story when all of
    # them belong to one.
    for members in list(union.groups().values()):
        if any(m.startswith("d:") for m in members):
            continue
        sources = {c.document for c in claims if f"c:{c.id}" in members}
        roots = {union.root(f"d:{d}") for d in sources if f"d:{d}" in union.parent}
        if len(roots) == 1:
            union.join(members[0], roots.pop())
    claim_by_id = {c.id: c for c in claims}
    found = []
    for members in union.groups().values():
        docs = [m[2:] for m in members if m.startswith("d:")]
        story_claims = [claim_by_id[m[2:]] for m in members if m.startswith("c:")]
        docs += sorted({c.document for c in story_claims} - set(docs))
        found.append((docs, story_claims))
    return found


def _facts(views: Sequence[DocumentView], docs: Sequence[str], story_claims: Sequence[Claim],
           verdicts: Sequence[Verdict], disputed: set[str], taken: set[str],
           claimed: set[str]) -> list[KeyFact]:
    """Key facts of one story (see the module docstring)."""
    in_story = set(docs)
    claim_sentences = {c.sentence for c in story_claims}
    disputed_sentences = {c.sentence for c in story_claims if c.id in disputed}
    candidates: list[tuple[str, ScoredSentence]] = []
    for view in views:
        if view.id not in in_story:
            continue
        best = sorted(view.scored, key=lambda s: -s.score)[:CANDIDATES_PER_DOCUMENT]
        chosen = {s.record.id for s in best} | (claim_sentences & {s.record.id
                                                                    for s in view.scored})
        for scored in view.scored:
            sid = scored.record.id
            if sid in chosen and sid not in disputed_sentences and sid not in taken:
                candidates.append((view.id, scored))
    sentence_of_claim = {c.id: c.sentence for c in story_claims}
    agreeing: set[frozenset[str]] = set()
    for verdict in verdicts:
        if verdict.kind == "same_fact" and all(c in sentence_of_claim for c in verdict.claims):
            agreeing.add(frozenset(sentence_of_claim[c] for c in verdict.claims))
    union = UnionFind([s.record.id for _, s in candidates])
    for i, (doc_a, a) in enumerate(candidates):
        for doc_b, b in candidates[i + 1:]:
            pair = frozenset((a.record.id, b.record.id))
            # Sentences with figures merge only when their figures agree: similar words
            # ("French start-up Mistral AI …") do not make an investment in Sweden the round.
            words_only = len({a.record.id, b.record.id} & claimed) < 2
            similarity = cosine(a.terms, b.terms)
            if pair in agreeing or words_only and similarity >= (
                    SAME_DOCUMENT if doc_a == doc_b else SAME_FACT):
                union.join(a.record.id, b.record.id)
    by_id = {s.record.id: (d, s) for d, s in candidates}
    facts = []
    claims_of: dict[str, list[str]] = {}
    for claim in story_claims:
        claims_of.setdefault(claim.sentence, []).append(claim.id)
    same_pairs = {frozenset(v.claims) for v in verdicts if v.kind == "same_fact"}
    doc_of_claim = {c.id: c.document for c in story_claims}

    def confirmed(lead: ScoredSentence, group: Sequence[tuple[str, ScoredSentence]]) -> set[str]:
        """The documents of a group that give every figure of ``lead`` (and lead's own)."""
        own = next(d for d, s in group if s is lead)
        docs = {d for d, _ in group}
        for claim in claims_of.get(lead.record.id, []):
            docs &= {own} | {doc_of_claim[o] for pair in same_pairs if claim in pair
                             for o in pair - {claim} if o in doc_of_claim}
        return docs | {own}

    for members in union.groups().values():
        group = [by_id[m] for m in members]
        while group:
            lead = _lead(group, {s.record.id: -len(confirmed(s, group)) for _, s in group})
            kept = confirmed(lead, group)
            part = [(d, s) for d, s in group if d in kept]
            group = [(d, s) for d, s in group if d not in kept]
            best_per_doc: dict[str, float] = {}
            for doc, scored in part:
                best_per_doc[doc] = max(best_per_doc.get(doc, 0.0), scored.score)
            flags = tuple(sorted({f.code for f in lead.record.flags if f.severity >= 2}))
            facts.append(KeyFact(
                text=lead.record.english, sources=tuple(sorted(best_per_doc)),
                evidence=tuple(sorted(s.record.id for _, s in part)),
                score=round(sum(best_per_doc.values()), 4),
                claims=tuple(c for _, s in part for c in claims_of.get(s.record.id, [])),
                attribution=hedge(lead.record.english), flags=flags))
    facts.sort(key=lambda f: (-len(f.sources), -f.score, f.evidence))
    return facts


def _lead(group: Sequence[tuple[str, ScoredSentence]],
          unshared: Mapping[str, int] | None = None) -> ScoredSentence:
    """The sentence a fact quotes: unflagged first, hedged when some hedge, then the one whose
    figures most sources give (a source is cited only for figures it gives; ``unshared``
    ranks that, lower is better), then the best scored."""
    sentences = [s for _, s in group]
    clean = [s for s in sentences if not any(f.severity >= 2 for f in s.record.flags)]
    pool = clean or sentences
    hedged = [s for s in pool if hedge(s.record.english)]
    if hedged and len(hedged) < len(pool):
        pool = hedged

    def rank(s: ScoredSentence) -> tuple[int, float, float]:
        others = sum(cosine(s.terms, o.terms) for o in sentences if o is not s)
        return -(unshared or {}).get(s.record.id, 0), s.score, others

    return max(pool, key=rank)


def _title(docs: Sequence[str], story_claims: Sequence[Claim],
           views: Mapping[str, DocumentView]) -> tuple[str, str]:
    """``(title, kind)`` of a story."""
    mains = [views[d] for d in docs if d in views]
    events = [v.profile.event for v in mains if v.profile.event and any(
        c.subject_kind == "event" and c.document == v.id for c in story_claims)]
    if events and (not mains or len(events) * 2 >= len(mains)):
        event = max(set(events), key=events.count)
        places = [v.profile.main_place or v.profile.main for v in mains if v.profile.event]
        place = next((p for p in places if p), None)
        return (f"{event.capitalize()}: {place}" if place else event.capitalize()), "event"
    names = [v.profile.main for v in mains if v.profile.main]
    if names:
        return max(set(names), key=lambda n: (names.count(n), len(n))), "entity"
    subjects = [c.subject for c in story_claims if c.subject]
    if subjects:
        return max(set(subjects), key=subjects.count), story_claims[0].subject_kind
    return (mains[0].title or mains[0].id) if mains else "Other", "entity"


def build_stories(views: Sequence[DocumentView], claims: Sequence[Claim],
                  verdicts: Sequence[Verdict], sentences: Mapping[str, SentenceRecord],
                  max_facts: int, mentioned: Mapping[str, EventSetting] | None = None
                  ) -> list[Story]:
    """The stories of a run, most important first.

    Args:
        views: Every processed document.
        claims: Their claims.
        verdicts: The verdicts between claims of different documents.
        sentences: Every sentence record by id.
        max_facts: Most key facts over all stories (each story keeps its best one first).
        mentioned: What each document mentions and is about (events that share only a
            broad anchor are told apart by them).
    """
    by_view = {v.id: v for v in views}
    disputed = {c for v in verdicts if v.kind == "disagreement" for c in v.claims}
    drafts = []
    taken: set[str] = set()
    claimed = {c.sentence for c in claims}
    for docs, story_claims in _groups(views, claims, verdicts, mentioned):
        if not docs:
            continue
        story_claims = sorted(story_claims, key=lambda c: c.id)
        facts = _facts(views, docs, story_claims, verdicts, disputed, taken, claimed)
        taken |= {e for f in facts for e in f.evidence}
        title, kind = _title(docs, story_claims, by_view)
        drafts.append(Story(
            id="", title=title, kind=kind, sources=tuple(sorted(set(docs))),
            score=round(sum(f.score for f in facts[:3]), 4), facts=tuple(facts),
            disagreements=comparisons("disagreement", story_claims, verdicts, sentences),
            side_by_side=comparisons("not_comparable", story_claims, verdicts, sentences),
            timeline=timeline(story_claims, verdicts, disputed)))
    drafts.sort(key=lambda s: (-len(s.sources), -len(s.disagreements), -s.score, s.title))
    kept = _allocate(drafts, max_facts)
    return [Story(id=f"story-{i}", title=s.title, kind=s.kind, sources=s.sources,
                  score=s.score, facts=s.facts, disagreements=s.disagreements,
                  side_by_side=s.side_by_side, timeline=s.timeline)
            for i, s in enumerate(kept, start=1)]


def _allocate(stories: Sequence[Story], max_facts: int) -> list[Story]:
    """Keep at most ``max_facts`` facts in all: every story's best fact first, in story
    order, then the next best of each in turn. Stories left with nothing to show go."""
    quota = [0] * len(stories)
    left = max_facts
    while left > 0:
        progressed = False
        for i, story in enumerate(stories):
            if left and quota[i] < len(story.facts):
                quota[i] += 1
                left -= 1
                progressed = True
        if not progressed:
            break
    kept = []
    for story, n in zip(stories, quota, strict=True):
        trimmed = Story(id=story.id, title=story.title, kind=story.kind, sources=story.sources,
                        score=story.score, facts=story.facts[:n],
                        disagreements=story.disagreements, side_by_side=story.side_by_side,
                        timeline=story.timeline)
        if trimmed.facts or trimmed.disagreements or trimmed.timeline or trimmed.side_by_side:
            kept.append(trimmed)
    return kept
