"""Rebuilding a run from corrected English: digests, syndication, brief and risks again.

A reviewer's corrections (``summarize review``) change the English of some sentences; what a
run derives from the English (the digests, the syndicated copies, the brief, the risk queue)
is then out of date. :func:`rebuild` redoes exactly those stages with the code a run uses
(``summarize.pipeline.derive``), with no translation and, with the extractive summarizer,
no model at all.
"""

from __future__ import annotations

import copy
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.digest.base import Summarizer
from summarize.ledger import respell
from summarize.options import DigestOptions
from summarize.pipeline import derive
from summarize.records import RunResult
from summarize.timing import StageTimer
from summarize.view import risk_records

if TYPE_CHECKING:
    from summarize.glossary import Glossary


def rebuild(result: RunResult, *, summarizer: Summarizer | None = None,
            digest: DigestOptions | None = None,
            leave_out: Collection[str] = frozenset()) -> RunResult:
    """A copy of ``result`` with its digests, syndication, brief and risks made again from
    its English as it is now.

    Args:
        result: A run (e.g. read back from ``run.json``) whose English changed.
        summarizer: Writes the digests; the extractive one (no model) by default. Its
            signature replaces ``settings["summarizer_signature"]``.
        digest: Sentences per digest and the brief's size; by default the run's own
            (``settings["digest_sentences"]``, ``settings["brief_items"]``).
        leave_out: Sentence ids never quoted in a digest (lines a reviewer rejected).

    Returns:
        The new run; ``result`` is not changed. A run without the digest stage
        (``summarize translate``) gets no digests or brief, as before.
    """
    from summarize.digest import ExtractiveSummarizer

    new = copy.deepcopy(result)
    summarizer = summarizer or ExtractiveSummarizer()
    settings = new.settings
    digest = digest or DigestOptions(
        digest_sentences=int(settings.get("digest_sentences", DigestOptions.digest_sentences)),
        brief_items=int(settings.get("brief_items", DigestOptions.brief_items)))
    digests = "digest" in settings.get("stages", ["translate", "digest"])
    timer = StageTimer()
    derived = derive(new.documents, summarizer=summarizer, digest=digest, digests=digests,
                     timer=timer, leave_out=leave_out)
    new.syndication = derived.syndication
    if digests:
        new.brief = derived.brief
        settings["summarizer_signature"] = derived.summarizer
        settings["summarizer"] = summarizer.name
        settings.update(digest_sentences=digest.digest_sentences,
                        brief_items=digest.brief_items)
    new.risks = risk_records(new.documents)
    if digests:  # the corrected digests get the run's one spelling of each entity again
        new = respell(new, _glossary(settings.get("glossary")))
    new.timings = {**new.timings, **{f"rebuild_{k}": v for k, v in timer.timings.items()}}
    return new


def _glossary(path: object) -> Glossary | None:
    """The run's glossary, when it named one that is still there."""
    if not isinstance(path, str) or not Path(path).is_file():
        return None
    from summarize.glossary import Glossary

    return Glossary.load(Path(path))
