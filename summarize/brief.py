"""The combined brief (being rewritten)."""

from __future__ import annotations

from collections.abc import Sequence

from summarize.records import Brief, DocumentResult
from summarize.summarise.claims import extract_claims
from summarize.summarise.entities import name_context
from summarize.summarise.timeexpr import document_date
from summarize.summarise.verdicts import verdicts


def build_brief(documents: Sequence[DocumentResult], max_items: int) -> Brief:
    """Placeholder."""
    live = [d for d in documents if d.ok]
    context = name_context(s.english for d in live for s in d.sentences)
    claims = [c for d in live for c in extract_claims(d, context)]
    return Brief(claims=claims, verdicts=verdicts(claims),
                 undated=[d.id for d in live if document_date(d.metadata) is None])
