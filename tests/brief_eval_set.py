"""The labelled brief set (``data/brief_eval``): loading, matching claims to labels, scores.

Shared by ``tests/test_brief_eval.py`` and ``benchmarks/brief_eval.py``. A labelled figure is
matched to the claim of its sentence (body sentences first, then the headline) whose span
overlaps it; a predicted verdict is scored
against the pair's label, and a predicted verdict between figures nobody labelled as related
(or between claims that match no labelled figure) counts as ``unrelated`` in truth.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[1]
DATA = ROOT / "data" / "brief_eval"
KINDS = ("disagreement", "same_fact", "update", "not_comparable")


@dataclass
class Labels:
    """The records of ``labels.jsonl``, by type."""

    stories: dict[str, dict[str, Any]] = field(default_factory=dict)
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    pairs: dict[frozenset[str], dict[str, Any]] = field(default_factory=dict)

    def docs(self, split: str | None = None) -> list[str]:
        """Article ids of a split (``tune``, ``heldout``) or of all stories."""
        return [d for s in self.stories.values() if split in (None, s["split"])
                for d in s["articles"]]


def load_labels(path: Path | None = None) -> Labels:
    """Read the labels file (``DATA/labels.jsonl`` by default)."""
    path = path or DATA / "labels.jsonl"
    labels = Labels()
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        kind = record["type"]
        if kind == "story":
            labels.stories[record["story"]] = record
        elif kind == "article":
            labels.articles[record["doc"]] = record
        elif kind == "figure":
            labels.figures[record["id"]] = record
        elif kind == "pair":
            labels.pairs[frozenset((record["a"], record["b"]))] = record
    return labels


def check(labels: Labels) -> list[str]:
    """Problems with the labels: contexts not unique, missing pairs (empty when sound)."""
    problems = []
    for figure in labels.figures.values():
        body = article_body(figure["doc"])
        if body.count(figure["context"]) != 1:
            problems.append(f"{figure['id']}: context found {body.count(figure['context'])}×")
        if figure["text"] not in figure["context"]:
            problems.append(f"{figure['id']}: text not in its context")
    for a, b in itertools.combinations(labels.figures.values(), 2):
        if (a["doc"] != b["doc"] and (a["subject"], a["measure"]) == (b["subject"], b["measure"])
                and frozenset((a["id"], b["id"])) not in labels.pairs):
            problems.append(f"unlabelled pair {a['id']} / {b['id']}")
    return problems


def article_path(doc: str) -> Path:
    """Where an article lives."""
    return DATA / "articles" / f"{doc}.md"


def article_body(doc: str) -> str:
    """An article without front matter and headline."""
    text = article_path(doc).read_text(encoding="utf-8").split("---", 2)[2]
    return "\n".join(line for line in text.splitlines() if not line.startswith("# "))


def _within_sentence(context: str, text: str) -> str:
    """The part of a label's context in the figure's own sentence: a context that runs over a
    sentence end ("contacts. Another 20 suspected cases are awaiting") is cut there."""
    at = context.find(text)
    cut = max((m.end() for m in re.finditer(r"[.!?][\"”’]?\s+(?=[A-Z\"“])", context)
               if m.end() <= at), default=0)
    return context[cut:]


def match_figures(record: Mapping[str, Any], labels: Labels) -> dict[str, str]:
    """Labelled figure id → id of the claim that reads it (from a ``run.json`` record)."""
    # Body sentences first: a context written in both the headline and the body is the body's.
    sentences = {s["id"]: s["english"] for d in record["documents"]
                 for s in sorted(d["sentences"], key=lambda s: s["heading"])}
    by_sentence: dict[str, list[Mapping[str, Any]]] = {}
    for claim in record["brief"]["claims"]:
        by_sentence.setdefault(claim["sentence"], []).append(claim)
    docs = {d["id"] for d in record["documents"]}
    found: dict[str, str] = {}
    for figure in labels.figures.values():
        if figure["doc"] not in docs:
            continue
        context = _within_sentence(figure["context"], figure["text"])
        for sentence_id, text in sentences.items():
            if not sentence_id.startswith(figure["doc"] + ":") or context not in text:
                continue
            start = text.index(context) + context.index(figure["text"])
            end = start + len(figure["text"])
            claim = next((c for c in by_sentence.get(sentence_id, [])
                          if c["span"][0] < end and start < c["span"][1]), None)
            if claim is not None:
                found[figure["id"]] = claim["id"]
            break
    return found


@dataclass
class Scores:
    """Pairwise verdict scores of one split."""

    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(label, prediction) → pairs; ``unrelated`` is "no verdict"."""
    matched: int = 0
    figures: int = 0
    missed: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(a, b, label, prediction) of every labelled pair predicted otherwise."""
    invented: list[tuple[str, str, str]] = field(default_factory=list)
    """(claim a, claim b, prediction) of verdicts on pairs labelled unrelated or unlabelled."""

    def precision(self, kind: str) -> float | None:
        """Share of predictions of ``kind`` that the labels confirm (None when none made)."""
        predicted = sum(n for (_, p), n in self.confusion.items() if p == kind)
        return self.confusion[(kind, kind)] / predicted if predicted else None

    def recall(self, kind: str) -> float | None:
        """Share of labelled pairs of ``kind`` predicted as such (None when none labelled)."""
        labelled = sum(n for (t, _), n in self.confusion.items() if t == kind)
        return self.confusion[(kind, kind)] / labelled if labelled else None

    def count(self, kind: str, *, predicted: bool = False) -> int:
        """Labelled (or predicted) pairs of ``kind``."""
        return sum(n for (t, p), n in self.confusion.items() if (p if predicted else t) == kind)


def score(record: Mapping[str, Any], labels: Labels, docs: Iterable[str]) -> Scores:
    """Score the verdicts of a run over the labelled pairs of ``docs``."""
    docs = set(docs)
    figure_of_claim: dict[str, str] = {}
    matches = match_figures(record, labels)
    for figure_id, claim_id in matches.items():
        figure_of_claim.setdefault(claim_id, figure_id)
    predicted: dict[frozenset[str], str] = {}
    scores = Scores()
    document_of = {c["id"]: c["document"] for c in record["brief"]["claims"]}
    for verdict in record["brief"]["verdicts"]:
        a, b = verdict["claims"]
        if document_of.get(a) not in docs and document_of.get(b) not in docs:
            continue  # a verdict of another split
        fa, fb = figure_of_claim.get(a), figure_of_claim.get(b)
        if fa is None or fb is None:
            scores.confusion[("unrelated", verdict["kind"])] += 1
            scores.invented.append((a, b, verdict["kind"]))
            continue
        predicted[frozenset((fa, fb))] = verdict["kind"]
    for key, kind in predicted.items():
        if key not in labels.pairs or labels.pairs[key]["verdict"] == "unrelated":
            scores.confusion[("unrelated", kind)] += 1
            a, b = sorted(key)
            scores.invented.append((a, b, kind))
    for key, pair in labels.pairs.items():
        if labels.figures[pair["a"]]["doc"] not in docs:
            continue
        truth = pair["verdict"]
        guess = predicted.get(key, "unrelated")
        if truth == "unrelated" and guess != "unrelated":
            continue  # counted above
        scores.confusion[(truth, guess)] += 1
        if truth != guess:
            scores.missed.append((pair["a"], pair["b"], truth, guess))
    wanted = [f for f in labels.figures.values() if f["doc"] in docs]
    scores.figures = len(wanted)
    scores.matched = sum(1 for f in wanted if f["id"] in matches)
    return scores


def carried(lines: Sequence[str], key_facts: Sequence[str]) -> int:
    """How many key facts (substrings) appear in some line."""
    return sum(1 for fact in key_facts if any(fact in line for line in lines))
