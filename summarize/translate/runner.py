"""Runners execute planned batches; they plan, cache and check nothing.

The driver (``summarize.translate.stage``) hands a runner a list of :class:`Job` (one planned
batch each) and gets back one :class:`Outcome` per job: the batch's outputs, or why it failed.
:class:`LocalBatchRunner` runs them in this process (CTranslate2 runs batches side by side on
CPU); ``summarize.cluster.RayBatchRunner`` on a Ray cluster.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Protocol

from summarize.translate.base import Generation, Translator, check_outputs
from summarize.translate.decoding import Decoding


@dataclass(frozen=True)
class Job:
    """One planned batch.

    Attributes:
        index: Its place in the plan (outcomes name it).
        translator: The driver's translator for the batch's model.
        language: The source language.
        texts: The pieces to translate, in planned order.
        decoding: How to decode them.
    """

    index: int
    translator: Translator
    language: str
    texts: tuple[str, ...]
    decoding: Decoding


@dataclass(frozen=True)
class Outcome:
    """What came of a job: its outputs (one per text), or the error that stopped it."""

    index: int
    generations: list[Generation] | None = None
    error: str | None = None


class BatchRunner(Protocol):
    """Executes planned batches."""

    def prepare(self, translators: Sequence[Translator]) -> None:
        """Get ready to run batches of these translators (load models, or nothing)."""

    def run(self, jobs: Sequence[Job]) -> Iterator[Outcome]:
        """Execute every job, yielding each one's outcome (in any order)."""


def describe_error(exc: BaseException) -> str:
    """A one-line account of an error, for a document's ``error``."""
    from summarize.errors import SummarizeError

    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, SummarizeError):
        return message or type(exc).__name__
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


class LocalBatchRunner:
    """Runs batches in this process, each model's consecutive batches in one call (so that
    an engine can run them side by side). A batch that raises fails alone: after an error,
    the rest of that call's batches run one at a time, so each error lands on its own batch.
    """

    def prepare(self, translators: Sequence[Translator]) -> None:
        """Load every model with work now, so that a broken model fails before any batch."""
        for translator in {id(t): t for t in translators}.values():
            translator.load()

    def run(self, jobs: Sequence[Job]) -> Iterator[Outcome]:
        """Execute the jobs in order."""
        def key(job: Job) -> tuple[int, str, Decoding]:
            return id(job.translator), job.language, job.decoding

        for _, same in groupby(jobs, key=key):
            yield from self._run_together(list(same))

    @staticmethod
    def _run_together(jobs: list[Job]) -> Iterator[Outcome]:
        first = jobs[0]
        batches = [list(job.texts) for job in jobs]
        stream = first.translator.generate_batches(batches, first.language, first.decoding)
        done = 0
        try:
            for outputs in stream:
                check_outputs(first.translator, jobs[done].texts, outputs)
                yield Outcome(jobs[done].index, outputs)
                done += 1
            return
        except Exception:  # noqa: BLE001 - which batch failed is found below, one at a time
            pass
        for job in jobs[done:]:
            try:
                outputs = job.translator.generate_batch(list(job.texts), job.language,
                                                        job.decoding)
                check_outputs(job.translator, job.texts, outputs)
            except Exception as exc:  # one batch fails, not the run
                yield Outcome(job.index, error=describe_error(exc))
                continue
            yield Outcome(job.index, outputs)
