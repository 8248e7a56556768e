"""A story's disagreements, figures shown side by side, and timeline (from its claims and
verdicts). Pure; used by ``summarize.digest.stories``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from summarize.records import (
    Claim,
    Comparison,
    FigureVariant,
    SentenceRecord,
    TimelineEntry,
    TimeRef,
    Verdict,
)


class UnionFind:
    """Groups of keys joined pairwise (union-find)."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def root(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for key in self.parent:
            found.setdefault(self.root(key), []).append(key)
        return found


#: How a claim's tagged qualifiers read in a timeline note; "by:" (the stem key of who holds
#: a forecast) is for comparing, not for reading: the quoted sentence says who.
_TAG_NOTES = {"in:": "in {}", "window:": "over {}", "group:": "{}", "scope:": "over {}"}
_PART_NOTES = {"part:of": "part of a set", "part:among": "part of a toll",
               "part:alone": "a part alone"}


def qualifier_note(qualifier: str) -> str | None:
    """A qualifier as a timeline note shows it ("window:1 day" → "over 1 day"), or None."""
    if qualifier.startswith("by:") or qualifier == "definite":
        return None  # who holds a forecast, or a set the article knows: nothing to read
    if qualifier in _PART_NOTES:
        return _PART_NOTES[qualifier]
    for tag, shown in _TAG_NOTES.items():
        if qualifier.startswith(tag):
            return shown.format(qualifier[len(tag):])
    return qualifier


def season_label(time: TimeRef) -> str | None:
    """How a season whose months the hemisphere decides is shown ("last spring (before
    2026-06-01)"), or None for any other time."""
    return f"{time.text} (before {time.end})" if time.granularity == "season" and time.end else (
        None)


def when(time: TimeRef) -> str:
    """How to show a period: "2025-03-11", "2025-09", "2023", "in September (relative)"."""
    if time.basis == "before":
        return f"before {time.end}" if time.end else "earlier (date unknown)"
    if not time.known:
        if time.text:
            return f"{time.text} (relative, no publication date)" if time.relative else time.text
        return "undated"
    start, end = time.start or "", time.end or ""
    if time.granularity == "month":
        label = start[:7]
    elif time.granularity == "year":
        label = start[:4]
    elif time.granularity == "quarter":
        label = f"{start[:4]}-Q{(int(start[5:7]) + 2) // 3}"
    elif time.granularity == "season":  # "last spring": the hemisphere decides its months
        label = season_label(time) or start
    elif start != end:
        label = f"{start} to {end}"
    else:
        label = start
    return label + (" (report date)" if time.basis == "document" else "")


def _sort_date(time: TimeRef) -> str | None:
    if time.start:
        return time.start
    if time.end:
        return time.end
    return None


def _variants(claims: Sequence[Claim], same: Mapping[str, set[str]],
              sentences: Mapping[str, SentenceRecord]) -> tuple[FigureVariant, ...]:
    """Each group of agreeing claims (linked by ``same_fact``) as one variant."""
    seen: set[str] = set()
    found = []
    for claim in claims:
        if claim.id in seen:
            continue
        group, stack = [], [claim.id]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            group.append(current)
            stack += [o for o in same.get(current, ()) if o not in seen]
        members = [c for c in claims if c.id in group]
        lead = min(members, key=lambda c: (bool(c.flags), c.attribution is None, c.id))
        found.append(FigureVariant(
            figure=lead.figure, text=sentences[lead.sentence].english,
            sources=tuple(sorted({c.document for c in members})),
            evidence=tuple(sorted({c.sentence for c in members})),
            claims=tuple(c.id for c in members), attribution=lead.attribution,
            time=when(lead.time), flags=lead.flags))
    return tuple(found)


def comparisons(kind: str, story_claims: Sequence[Claim], verdicts: Sequence[Verdict],
                sentences: Mapping[str, SentenceRecord]) -> tuple[Comparison, ...]:
    """The story's figures joined by ``kind`` verdicts, each group of agreeing sources as one
    variant (``disagreement`` or ``not_comparable``)."""
    ids = {c.id for c in story_claims}
    by_id = {c.id: c for c in story_claims}
    union = UnionFind(sorted(ids))
    same: dict[str, set[str]] = {}
    reasons: dict[str, str] = {}
    involved: set[str] = set()
    for verdict in verdicts:
        a, b = verdict.claims
        if a not in ids or b not in ids:
            continue
        if verdict.kind == "same_fact":
            same.setdefault(a, set()).add(b)
            same.setdefault(b, set()).add(a)
        if verdict.kind in {kind, "same_fact"}:
            union.join(a, b)
        if verdict.kind == kind:
            involved |= {a, b}
            reasons[a] = reasons[b] = verdict.reason
    found = []
    for members in union.groups().values():
        if not involved & set(members):
            continue
        ordered = sorted((by_id[m] for m in members), key=lambda c: c.id)
        variants = _variants(ordered, same, sentences)
        if len(variants) < 2:
            continue
        first = ordered[0]
        found.append(Comparison(kind=kind, measure=first.measure, subject=first.subject,
                                reason=next(reasons[m] for m in sorted(members)
                                            if m in reasons),
                                variants=variants))
    return tuple(sorted(found, key=lambda c: (c.measure, c.variants[0].claims)))


def timeline(story_claims: Sequence[Claim], verdicts: Sequence[Verdict],
             disputed: set[str]) -> tuple[TimelineEntry, ...]:
    """For each measure with an ``update`` verdict, its figures by date (agreeing sources
    merged, undated last)."""
    ids = {c.id for c in story_claims}
    updated: set[str] = set()
    same: dict[str, set[str]] = {}
    for verdict in verdicts:
        a, b = verdict.claims
        if a in ids and b in ids and verdict.kind == "update":
            updated |= {a, b}
        if a in ids and b in ids and verdict.kind == "same_fact":
            same.setdefault(a, set()).add(b)
            same.setdefault(b, set()).add(a)
    measures = {c.measure for c in story_claims if c.id in updated}
    entries: list[TimelineEntry] = []
    seen: set[str] = set()
    for claim in story_claims:
        if claim.measure not in measures or claim.id in seen:
            continue
        if claim.id not in updated and not same.get(claim.id, set()) & updated:
            continue
        group = {claim.id} | same.get(claim.id, set())
        seen |= group
        members = [c for c in story_claims if c.id in group]
        notes = [c.status for c in members[:1] if c.status != "completed"]
        notes += [shown for q in members[0].qualifiers if (shown := qualifier_note(q))]
        if group & disputed:
            notes.append("disputed")
        entries.append(TimelineEntry(
            measure=claim.measure, date=_sort_date(claim.time), when=when(claim.time),
            figure=claim.figure, value=claim.value, unit=claim.unit,
            sources=tuple(sorted({c.document for c in members})),
            evidence=tuple(sorted({c.sentence for c in members})),
            claims=tuple(sorted(group)), note=", ".join(dict.fromkeys(notes))))
    entries.sort(key=lambda e: (e.measure, e.date is None, e.date or "", e.claims))
    return tuple(entries)
