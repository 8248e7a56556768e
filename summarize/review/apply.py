"""Turning a run's reviews into a rebuilt run: corrected English marked ``human``, rejected
digest lines and brief items left out, digests and brief made again (``summarize.rebuild``).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from summarize.rebuilding import rebuild
from summarize.records import Flag, RunResult, SentenceRecord, Story
from summarize.review.items import (
    ReviewItem,
    collect_items,
    disagreement_item_id,
    fact_item_id,
    sentence_item_id,
)
from summarize.review.store import ItemState

#: Flags about where a sentence stands in its document, which stay when a person rewrites
#: its English (the others judge the model's English and go with it).
STRUCTURAL_FLAGS = frozenset({"duplicate", "boilerplate", "mixed_language"})
#: Flags the review itself sets (replaced, never repeated, at each rebuild).
REVIEW_FLAGS = frozenset({"human", "needs_retranslation"})


def current_state(item: ReviewItem | None, state: ItemState | None) -> ItemState | None:
    """The review that still applies to ``item``: None when there is none, or when it was
    made on other content (a sentence whose source a later run changed; an approved digest
    line or fact whose text changed since). A rejection always stands."""
    if state is None or item is None:
        return state
    if item.kind == "sentence":
        return state if state.source == item.source else None
    if state.status == "approved" and state.text != item.text:
        return None
    return state


def evidence_of(state: ItemState) -> tuple[str, ...]:
    """The sentence ids a digest line, fact or disagreement rested on when it was reviewed
    (kept as a JSON list in the state's ``source``)."""
    try:
        found = json.loads(state.source or "[]")
    except ValueError:
        return ()
    return tuple(str(e) for e in found) if isinstance(found, list) else ()


def _who(state: ItemState) -> str:
    return f"{state.reviewer or 'a reviewer'}, {state.at[:10]}"


def correct_sentence(sentence: SentenceRecord, state: ItemState) -> None:
    """Apply a sentence's review to it (see :func:`reviewed_run`)."""
    kept = [f for f in sentence.flags if f.code not in REVIEW_FLAGS]
    if state.status in ("approved", "corrected"):
        text = state.text if state.text is not None else sentence.english
        if text != sentence.english:
            sentence.score = None  # the model's score was of another English
        sentence.english = text
        sentence.origin = "human"
        verb = "approved" if state.status == "approved" else "corrected"
        sentence.flags = [f for f in kept if f.code in STRUCTURAL_FLAGS]
        sentence.flags.append(Flag("human", f"translation {verb} by a person ({_who(state)})",
                                   0))
    elif state.status == "needs_retranslation":
        sentence.flags = [*kept, Flag("needs_retranslation", f"a person marked this "
                                      f"translation as wrong ({_who(state)}): translate it "
                                      "again", 2)]


def reviewed_run(result: RunResult, states: Mapping[str, ItemState]) -> RunResult:
    """A copy of ``result`` with the reviews applied and its digests and brief rebuilt.

    Approved and corrected sentences take the reviewed English, ``origin: human``, a
    ``human`` flag (severity 0) and lose the flags that judged the model's English;
    sentences marked for retranslation are flagged ``needs_retranslation`` (severity 2);
    rejected digest lines' sentences are never quoted in a digest, and rejected facts and
    disagreements are left out of the brief. ``settings["review"]`` says what was applied.
    """
    items = collect_items(result)
    fresh = {item_id: state for item_id, state in states.items()
             if current_state(items.get(item_id), state) is not None}
    corrected = copy.deepcopy(result)
    counts = {"approved": 0, "corrected": 0, "needs_retranslation": 0}
    for doc in corrected.documents:
        for sentence in doc.sentences:
            state = fresh.get(sentence_item_id(sentence.id))
            if state is not None:
                correct_sentence(sentence, state)
                counts[state.status] = counts.get(state.status, 0) + 1
    rejected = {i for i, s in fresh.items() if s.status == "rejected"}
    leave_out = {e for i in rejected if i.startswith("digest:") for e in evidence_of(fresh[i])}
    new = rebuild(corrected, leave_out=leave_out)
    new.brief.stories = [story for story in (_without(s, rejected) for s in new.brief.stories)
                         if story is not None]
    new.settings["review"] = _summary(counts, fresh)
    return new


def _without(story: Story, rejected: set[str]) -> Story | None:
    """The story less its rejected facts and disagreements; None when nothing is left."""
    facts = tuple(f for f in story.facts if fact_item_id(f.evidence) not in rejected)
    disagreements = tuple(c for c in story.disagreements
                          if disagreement_item_id(c) not in rejected)
    if (len(facts), len(disagreements)) == (len(story.facts), len(story.disagreements)):
        return story
    if not (facts or disagreements or story.side_by_side or story.timeline):
        return None
    return replace(story, facts=facts, disagreements=disagreements)


def _summary(counts: dict[str, int], fresh: Mapping[str, ItemState]) -> dict[str, Any]:
    others = [s for s in fresh.values() if s.kind != "sentence"]
    return {"sentences": counts,
            "approved": sorted(s.item for s in others if s.status == "approved"),
            "rejected": sorted(s.item for s in others if s.status == "rejected"),
            "reviewers": sorted({s.reviewer for s in fresh.values() if s.reviewer})}
