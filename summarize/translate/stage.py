"""The translation stage: cache, token-budget pieces, batched generation, guards and retries.

For each (translator, language) group, every distinct source sentence is looked up in the cache;
the rest are cut into pieces that fit the model's input limit, translated in token-length-sorted
batches across all documents, and saved to the cache batch by batch. Each English sentence is
then checked (``summarize.checks``); one that looks wrong is retried once, with safer decoding
or, when it hit the length cap, in smaller pieces, and the better attempt is kept.

Planning (pieces, passes, retries) is kept apart from running a pass (:func:`run_pass` here),
so that ``summarize.cluster`` can run the same passes, batch for batch, on Ray.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarize.checks import check_translation, needs_retry, severity
from summarize.records import Flag, SentenceRecord
from summarize.segment import chunk_to_budget
from summarize.translate.base import Generation, Translator
from summarize.translate.cache import CachedTranslation, TranslationCache, cache_key

Progress = Callable[[int], object]


@dataclass
class Group:
    """The sentences of one source language that one translator handles."""

    translator: Translator
    language: str
    records: list[SentenceRecord]
    keys: dict[str, str]
    done: dict[str, CachedTranslation]

    @property
    def todo(self) -> list[str]:
        """Distinct source sentences not yet translated."""
        return [source for source in self.keys if source not in self.done]


def make_group(translator: Translator, language: str, records: list[SentenceRecord],
               cache: TranslationCache | None) -> Group:
    """Look the group's sentences up in the cache."""
    signature = translator.cache_signature()
    keys = {source: cache_key(signature, language, source)
            for source in dict.fromkeys(r.source for r in records)}
    found = cache.get_many(list(keys.values())) if cache is not None else {}
    done = {source: found[key] for source, key in keys.items() if key in found}
    return Group(translator, language, records, keys, done)


def budget_for(translator: Translator, max_input_tokens: int | None) -> int | None:
    """The input budget per piece: the model's limit, or the option when smaller."""
    limits = [x for x in (translator.max_input_tokens, max_input_tokens) if x]
    return min(limits) if limits else None


def plan_pieces(group: Group, budget: int | None, sources: Sequence[str],
                ) -> dict[str, list[str]]:
    """Cut each source sentence into pieces within ``budget`` tokens."""
    if budget is None:
        return {source: [source] for source in sources}

    def count(text: str) -> int:
        return group.translator.count_tokens(text, group.language)

    return {source: chunk_to_budget(source, count, budget) for source in sources}


@dataclass(frozen=True)
class Pass:
    """One generation pass over a group: each source sentence's pieces and how to decode them.

    The first pass translates what the cache lacked; a retry pass redoes flagged sentences
    (``safer`` decoding, or smaller pieces after a length cap). Batches are formed from the
    pass alone, by :meth:`Translator.plan_batches`, wherever the pass runs.
    """

    pieces: dict[str, list[str]]
    safer: bool = False
    retried: bool = False
    batch_tokens: int | None = None


class PieceRun:
    """Collects a pass's batch outputs into finished sentences.

    A sentence is finished when all its pieces are translated; their outputs are joined, the
    entry is stored in the cache (when given) and ``progress`` is told at once.

    Attributes:
        unique: The distinct pieces to translate, in planning order (batch indices refer to
            these).
        results: The finished sentences so far, by source sentence.
    """

    def __init__(self, group: Group, job: Pass, *, cache: TranslationCache | None,
                 progress: Progress | None) -> None:
        self.group = group
        self.job = job
        self.unique = list(dict.fromkeys(p for parts in job.pieces.values() for p in parts))
        self.results: dict[str, CachedTranslation] = {}
        self._index = {piece: i for i, piece in enumerate(self.unique)}
        self._finished: dict[int, Generation] = {}
        self._waiting = dict(job.pieces)
        self._cache = cache
        self._progress = progress

    def on_batch(self, indices: Sequence[int], generations: Sequence[Generation]) -> None:
        """Take one finished batch (indices into :attr:`unique`)."""
        self._finished.update(zip(indices, generations, strict=True))
        ready = [s for s, parts in self._waiting.items()
                 if all(self._index[p] in self._finished for p in parts)]
        entries = []
        for source in ready:
            parts = [self._finished[self._index[p]] for p in self._waiting.pop(source)]
            entry = CachedTranslation(" ".join(g.text for g in parts).strip(),
                                      any(g.hit_cap for g in parts), len(parts),
                                      self.job.retried)
            self.results[source] = entry
            entries.append((self.group.keys[source], entry))
        if self._cache is not None:
            self._cache.put_many(entries)
        if self._progress is not None and ready:
            self._progress(len(ready))

    def waiting_on(self, indices: Sequence[int]) -> list[str]:
        """Unfinished source sentences that need any of the pieces at ``indices``."""
        wanted = set(indices)
        return [source for source, parts in self._waiting.items()
                if any(self._index[p] in wanted for p in parts)]


def run_pass(group: Group, job: Pass, *, batch_size: int, cache: TranslationCache | None,
             progress: Progress | None) -> dict[str, CachedTranslation]:
    """Run a pass with the group's translator in this process; return the finished sentences."""
    run = PieceRun(group, job, cache=cache, progress=progress)
    group.translator.translate(run.unique, group.language, batch_size=batch_size,
                               safer=job.safer, on_batch=run.on_batch,
                               batch_tokens=job.batch_tokens)
    return run.results


def first_pass(group: Group, budget: int | None, batch_tokens: int | None = None) -> Pass:
    """The pass that translates what the cache lacked, cut into pieces within ``budget``."""
    return Pass(plan_pieces(group, budget, group.todo), batch_tokens=batch_tokens)


def translate_group(group: Group, *, budget: int | None, batch_size: int,
                    cache: TranslationCache | None, progress: Progress | None,
                    batch_tokens: int | None = None) -> None:
    """Translate what the cache lacked, committing each finished sentence batch by batch."""
    group.done.update(run_pass(group, first_pass(group, budget, batch_tokens),
                               batch_size=batch_size, cache=cache, progress=progress))


@dataclass
class RetryPlan:
    """The checks' flags per source sentence, and the passes that retry the doubtful ones."""

    flags: dict[str, list[Flag]]
    passes: list[Pass]


def plan_retries(group: Group, *, budget: int | None, retry_flagged: bool = True,
                 batch_tokens: int | None = None) -> RetryPlan:
    """Check every translated sentence; plan one retry of those that look wrong.

    Sentences that hit the length cap are retried in smaller pieces, the others with safer
    decoding; a sentence is retried at most once (also across runs, through the cache).
    """
    flags = {source: check_translation(source, entry.english, group.language,
                                       hit_cap=entry.hit_cap)
             for source, entry in group.done.items()}
    retry = [s for s, f in flags.items()
             if retry_flagged and needs_retry(f) and not group.done[s].retried]
    capped = [s for s in retry if group.done[s].hit_cap]
    others = [s for s in retry if not group.done[s].hit_cap]
    passes: list[Pass] = []
    if capped:
        smaller = None if budget is None else max(8, budget // 2)
        passes.append(Pass({s: _halve(group, s, smaller) for s in capped}, retried=True,
                           batch_tokens=batch_tokens))
    if others:
        passes.append(Pass(plan_pieces(group, budget, others), safer=True, retried=True,
                           batch_tokens=batch_tokens))
    return RetryPlan(flags, passes)


def apply_retries(group: Group, plan: RetryPlan, attempts: dict[str, CachedTranslation],
                  cache: TranslationCache | None) -> None:
    """Keep the better of each sentence's attempts, then give every record its English."""
    flags = plan.flags
    kept: list[tuple[str, CachedTranslation]] = []
    for source, attempt in attempts.items():
        new_flags = check_translation(source, attempt.english, group.language,
                                      hit_cap=attempt.hit_cap)
        old = group.done[source]
        better = severity(new_flags) < severity(flags[source])
        chosen = attempt if better else CachedTranslation(old.english, old.hit_cap,
                                                          old.pieces, True)
        group.done[source] = chosen
        flags[source] = new_flags if better else flags[source]
        kept.append((group.keys[source], chosen))
    if cache is not None:
        cache.put_many(kept)
    for record in group.records:
        entry = group.done[record.source]
        record.english = entry.english
        record.flags.extend(flags[record.source])
        if entry.pieces > 1:
            record.flags.append(Flag("split", f"longer than the model's input limit: "
                                              f"translated in {entry.pieces} pieces", 0))
        if entry.retried:
            record.flags.append(Flag("retried", "retried once with safer settings; the "
                                                "better attempt is kept", 0))


def check_and_retry(group: Group, *, budget: int | None, batch_size: int,
                    cache: TranslationCache | None, retry_flagged: bool = True,
                    batch_tokens: int | None = None) -> None:
    """Check every sentence; retry the ones that look wrong once and keep the better attempt."""
    plan = plan_retries(group, budget=budget, retry_flagged=retry_flagged,
                        batch_tokens=batch_tokens)
    attempts: dict[str, CachedTranslation] = {}
    for job in plan.passes:
        attempts.update(run_pass(group, job, batch_size=batch_size, cache=None, progress=None))
    apply_retries(group, plan, attempts, cache)


def _halve(group: Group, source: str, budget: int | None) -> list[str]:
    if budget is None:
        words = source.split()
        middle = max(1, len(words) // 2)
        return [" ".join(words[:middle]), " ".join(words[middle:])] if len(words) > 1 else [source]
    pieces = plan_pieces(group, budget, [source])[source]
    if len(pieces) == 1:
        count = group.translator.count_tokens(source, group.language)
        pieces = plan_pieces(group, max(4, count // 2), [source])[source]
    return pieces
