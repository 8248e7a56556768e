"""One view of a run, shared by every renderer (Markdown, HTML, the review app).

What the writers in ``summarize.outputs`` (Markdown, ``run.json``) and ``summarize.report``
(``report.html``) both show is decided here, once: the documents' short citation labels, the
names of the metadata fields, the notes on independent sources and outlets, and the risk
queue (which sentences a person should check, riskiest first). ``RunResult.risks`` is made
by :func:`risk_records`, the page's and the Markdown's lists by :func:`risk_queue`: the same
rule. This module reads the records only; it imports no renderer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from summarize.records import DocumentResult, SentenceRecord

#: How each metadata key is named in headers, in order.
METADATA_LABELS = (("title", "Title"), ("author", "Author"), ("date", "Published"),
                   ("outlet", "Outlet"), ("url", "URL"), ("language", "Declared language"))

#: How many of the riskiest sentences ``RunResult.risks`` keeps.
RUN_RISKS = 50


def short_labels(ids: Sequence[str]) -> dict[str, str]:
    """Short citation labels: the part before the first ``_`` when that is unique."""
    prefixes = {doc_id: doc_id.split("_", 1)[0] for doc_id in ids}
    if len(set(prefixes.values())) == len(prefixes):
        return prefixes
    return {doc_id: doc_id for doc_id in ids}


def independence_note(independent: int, sources: Sequence[str]) -> str:
    """How many independent sources an item rests on, when it is one: "1 independent source"
    (one document, or syndicated copies of one story); empty otherwise."""
    if independent != 1:
        return ""
    return (" · 1 independent source" + (f" ({len(sources)} syndicated copies)"
                                          if len(sources) > 1 else ""))


def outlets_note(outlets: int, independent: int) -> str:
    """"3 outlets, 2 independent" for a story; empty when its outlets were not counted."""
    if not outlets:
        return ""
    return f"{outlets} outlet{'s' if outlets != 1 else ''}, {independent} independent"


@dataclass(frozen=True)
class RiskEntry:
    """One sentence of the risk queue, with the document it belongs to."""

    sentence: SentenceRecord
    document: DocumentResult

    @property
    def risk(self) -> int:
        """The sentence's risk (the sum of its flag severities)."""
        return self.sentence.risk

    @property
    def codes(self) -> list[str]:
        """The codes of its flags that count (severity 1 and up)."""
        return [f.code for f in self.sentence.flags if f.severity]


def risk_queue(documents: Iterable[DocumentResult], limit: int | None = None,
               ) -> list[RiskEntry]:
    """The sentences to check: every sentence with a risk above 0, riskiest first (equal
    risks in document order, then sentence order), at most ``limit`` of them.

    One document's queue is ``risk_queue([doc])``.
    """
    flagged = [RiskEntry(s, d) for d in documents for s in d.sentences if s.risk > 0]
    flagged.sort(key=lambda entry: -entry.risk)
    return flagged if limit is None else flagged[:limit]


def risk_records(documents: Iterable[DocumentResult], limit: int = RUN_RISKS,
                 ) -> list[dict[str, Any]]:
    """The run's riskiest sentences as ``RunResult.risks`` keeps them: id, risk, flag codes."""
    return [{"id": e.sentence.id, "risk": e.risk, "flags": e.codes}
            for e in risk_queue(documents, limit)]


def risk_level(sentence: SentenceRecord) -> int:
    """How a sentence's row is marked: its highest flag severity (0, 1 or 2)."""
    return min(2, max((f.severity for f in sentence.flags), default=0))
