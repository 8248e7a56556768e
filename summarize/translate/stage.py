"""The translation driver: one plan, cache and check loop for every place batches run.

For each (translator, language) group, every distinct source sentence is looked up in the
cache; the rest are cut into pieces that fit the model's input limit and planned into
token-length-sorted batches across all documents (with the model's tokenizer alone). A
:class:`~summarize.translate.runner.BatchRunner` executes the planned batches (in this
process, side by side, or on Ray) and hands back each one's outputs or its error; the driver
applies them in planned order, committing finished sentences to the cache as they come. Each
English sentence is then checked (``summarize.checks``); one that looks wrong is retried once,
with safer decoding or, when it hit the length cap, in smaller pieces, and the better attempt
is kept.

A batch that fails fails only the documents whose sentences it holds; a failed retry keeps the
first attempt, flagged ``retry_failed``. Interrupted (Ctrl-C), the driver raises
:class:`~summarize.errors.RunInterrupted` saying how many sentences are cached for a rerun.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarize.checks import RETRY_CODES, check_translation, needs_retry, severity
from summarize.errors import RunInterrupted
from summarize.records import DocumentResult, Flag, SentenceRecord
from summarize.segment import chunk_to_budget
from summarize.timing import ProgressFactory, StageTimer
from summarize.translate.base import Generation, Planner, Translator, plan_batches
from summarize.translate.cache import CachedTranslation, TranslationCache, cache_key
from summarize.translate.decoding import Decoding
from summarize.translate.runner import BatchRunner, Job, Outcome

if TYPE_CHECKING:
    from summarize.glossary import Glossary
    from summarize.options import TranslationOptions
    from summarize.translate.routing import TranslatorSource

Progress = Callable[[int], object]


@dataclass
class Group:
    """The sentences of one source language that one translator handles."""

    translator: Translator
    language: str
    records: list[SentenceRecord]
    keys: dict[str, str]
    done: dict[str, CachedTranslation]
    failed: dict[str, str] = field(default_factory=dict)
    _planner: Planner | None = None

    @property
    def todo(self) -> list[str]:
        """Distinct source sentences not yet translated."""
        return [source for source in self.keys if source not in self.done]

    @property
    def planner(self) -> Planner:
        """What plans this group's pieces and batches (the model's tokenizer)."""
        if self._planner is None:
            self._planner = self.translator.planner()
        return self._planner


@dataclass(frozen=True)
class Pass:
    """One generation pass over a group: each source sentence's pieces and how to decode them.

    The first pass translates what the cache lacked; a retry pass redoes flagged sentences
    (safer decoding, or smaller pieces after a length cap).
    """

    group: Group
    pieces: dict[str, list[str]]
    decoding: Decoding
    retried: bool = False


def groups_for(results: Sequence[DocumentResult], router: TranslatorSource,
               cache: TranslationCache | None,
               extra: dict[str, str] | None = None) -> list[Group]:
    """The sentences to translate, by (translator, language), looked up in the cache.

    English sentences pass through (their English is their source); a sentence the
    translation memory holds (``summarize.translate.memory``: a person wrote or approved its
    English) takes that English, marked ``human``, and never reaches a translator. ``extra``
    joins the cache key (a glossary's fingerprint: it changes which retry is kept).
    """
    from summarize.translate.memory import human_translations, use_human

    pending: list[tuple[str, SentenceRecord]] = []
    for result in results:
        for record in result.sentences:
            language = record.language or result.language or "en"
            if language == "en":
                record.english = record.source
                continue
            pending.append((language, record))
    human = human_translations(cache, [(language, r.source) for language, r in pending])
    by_key: dict[tuple[int, str], tuple[Translator, list[SentenceRecord]]] = {}
    for language, record in pending:
        if (language, record.source) in human:
            use_human(record, human[(language, record.source)])
            continue
        translator = router.translator_for(language)
        by_key.setdefault((id(translator), language), (translator, []))[1].append(record)
    groups = []
    for (_, language), (translator, records) in by_key.items():
        signature = {**translator.cache_signature(), **(extra or {})}
        keys = {source: cache_key(signature, language, source)
                for source in dict.fromkeys(r.source for r in records)}
        found = cache.get_many(list(keys.values())) if cache is not None else {}
        done = {source: found[key] for source, key in keys.items() if key in found}
        groups.append(Group(translator, language, records, keys, done))
    return groups


def budget_for(planner: Planner, max_input_tokens: int | None) -> int | None:
    """The input budget per piece: the model's limit, or the option when smaller."""
    limits = [x for x in (planner.max_input_tokens, max_input_tokens) if x]
    return min(limits) if limits else None


def plan_pieces(group: Group, budget: int | None, sources: Sequence[str],
                ) -> dict[str, list[str]]:
    """Cut each source sentence into pieces within ``budget`` tokens."""
    if budget is None:
        return {source: [source] for source in sources}

    def count(text: str) -> int:
        return group.planner.count_tokens(text, group.language)

    return {source: chunk_to_budget(source, count, budget) for source in sources}


class PieceRun:
    """Collects a pass's batch outputs into finished sentences.

    A sentence is finished when all its pieces are translated; their outputs are joined, the
    entry is stored in the cache (when given) and ``progress`` is told at once.
    """

    def __init__(self, job: Pass, *, cache: TranslationCache | None,
                 progress: Progress | None, glossary: Glossary | None = None) -> None:
        self.job = job
        self._glossary = glossary
        self.unique = list(dict.fromkeys(p for parts in job.pieces.values() for p in parts))
        self.results: dict[str, CachedTranslation] = {}
        self._index = {piece: i for i, piece in enumerate(self.unique)}
        self._finished: dict[int, Generation] = {}
        # Which sentences wait on each piece, so that a batch settles only its own sentences.
        self._waiting: dict[int, list[str]] = {}
        self._missing: dict[str, int] = {}
        for source, parts in job.pieces.items():
            indices = {self._index[p] for p in parts}
            self._missing[source] = len(indices)
            for index in indices:
                self._waiting.setdefault(index, []).append(source)
        self._cache = cache
        self._progress = progress

    def on_batch(self, indices: Sequence[int], generations: Sequence[Generation]) -> None:
        """Take one finished batch (indices into :attr:`unique`)."""
        ready: list[str] = []
        for index, generation in zip(indices, generations, strict=True):
            self._finished[index] = generation
            for source in self._waiting.pop(index, []):
                if source not in self._missing:
                    continue  # lost to a failed batch of another of its pieces
                self._missing[source] -= 1
                if self._missing[source] == 0:
                    ready.append(source)
        entries = []
        for source in ready:
            del self._missing[source]
            parts = [self._finished[self._index[p]] for p in self.job.pieces[source]]
            if len(parts) == 1 and parts[0].alternatives:
                parts = [self._choose(source, parts[0])]
            scores = [g.score for g in parts if g.score is not None]
            entry = CachedTranslation(" ".join(g.text for g in parts).strip(),
                                      any(g.hit_cap for g in parts), len(parts),
                                      self.job.retried,
                                      score=min(scores) if scores else None)
            self.results[source] = entry
            entries.append((self.job.group.keys[source], entry))
        if self._cache is not None:
            self._cache.put_many(entries)
        if self._progress is not None and ready:
            self._progress(len(ready))

    def _choose(self, source: str, best: Generation) -> Generation:
        """The best hypothesis that renders every glossary term of the source (the best
        one when none does)."""
        if self._glossary is None:
            return best
        language = self.job.group.language
        for candidate in (best, *best.alternatives):
            if not self._glossary.missing(source, candidate.text, language):
                return candidate
        return best

    def on_failure(self, indices: Sequence[int]) -> list[str]:
        """Take a failed batch: the unfinished sentences that needed any of its pieces."""
        lost: list[str] = []
        for index in indices:
            for source in self._waiting.pop(index, []):
                if source in self._missing:
                    del self._missing[source]
                    lost.append(source)
        return lost


def execute(passes: Sequence[Pass], runner: BatchRunner, *, batch_size: int,
            batch_tokens: int | None, cache: TranslationCache | None,
            progress: Progress | None, glossary: Glossary | None = None,
            ) -> list[tuple[dict[str, CachedTranslation], dict[str, str]]]:
    """Plan every pass's batches, let ``runner`` execute them, and collect the results.

    Outcomes are applied in planned order whatever order they arrive in (the order decides
    the retry planning), so every runner gives the same result.

    Returns:
        Per pass: the finished sentences, and the sentences lost to failed batches with the
        error.
    """
    runs = [PieceRun(job, cache=cache, progress=progress, glossary=glossary)
            for job in passes]
    jobs: list[Job] = []
    owners: list[tuple[int, list[int]]] = []
    for number, run in enumerate(runs):
        group = run.job.group
        for indices in plan_batches(group.planner, run.unique, group.language, batch_size,
                                    batch_tokens):
            jobs.append(Job(len(jobs), group.translator, group.language,
                            tuple(run.unique[i] for i in indices), run.job.decoding))
            owners.append((number, indices))
    failures: list[dict[str, str]] = [{} for _ in runs]
    arrived: dict[int, Outcome] = {}
    applied = 0
    for outcome in runner.run(jobs):
        arrived[outcome.index] = outcome
        while applied in arrived:
            done = arrived.pop(applied)
            number, indices = owners[applied]
            if done.error is None and done.generations is not None:
                runs[number].on_batch(indices, done.generations)
            else:
                error = done.error or "no result came back"
                for source in runs[number].on_failure(indices):
                    failures[number][source] = error
            applied += 1
    for number, run in enumerate(runs):  # anything the runner never answered
        for source in run.on_failure(list(range(len(run.unique)))):
            failures[number].setdefault(source, "no result came back")
    return [(run.results, failure) for run, failure in zip(runs, failures, strict=True)]


@dataclass
class RetryPlan:
    """The checks' flags per source sentence, and the passes that retry the doubtful ones."""

    flags: dict[str, list[Flag]]
    passes: list[Pass]
    min_score: float | None = None
    glossary: Glossary | None = None


def plan_retries(group: Group, *, max_input_tokens: int | None, decoding: Decoding,
                 retry_flagged: bool = True, min_score: float | None = None,
                 glossary: Glossary | None = None) -> RetryPlan:
    """Check every translated sentence; plan one retry of those that look wrong.

    Sentences that hit the length cap are retried in smaller pieces; those that look
    repetitive, empty, far too long or not English with safer decoding; those that only lack
    a glossary term with the 8 best hypotheses, of which the first that renders the term is
    kept. A sentence is retried at most once (also across runs, through the cache). The
    model's tokenizer is asked for the input budget only when something is retried.
    """
    flags = {source: check_translation(source, entry.english, group.language,
                                       hit_cap=entry.hit_cap, score=entry.score,
                                       min_score=min_score, glossary=glossary)
             for source, entry in group.done.items()}
    retry = [s for s, f in flags.items()
             if retry_flagged and needs_retry(f) and not group.done[s].retried]
    capped = [s for s in retry if group.done[s].hit_cap]
    terms = [s for s in retry if not group.done[s].hit_cap
             and {f.code for f in flags[s] if f.code in RETRY_CODES} == {"term_missing"}]
    others = [s for s in retry if not group.done[s].hit_cap and s not in set(terms)]
    passes: list[Pass] = []
    budget = budget_for(group.planner, max_input_tokens) if retry else None
    if capped:
        smaller = None if budget is None else max(8, budget // 2)
        passes.append(Pass(group, {s: _halve(group, s, smaller) for s in capped}, decoding,
                           retried=True))
    if others:
        passes.append(Pass(group, plan_pieces(group, budget, others), decoding.safer(),
                           retried=True))
    if terms:
        passes.append(Pass(group, plan_pieces(group, budget, terms), decoding.n_best(),
                           retried=True))
    return RetryPlan(flags, passes, min_score, glossary)


def apply_retries(group: Group, plan: RetryPlan, attempts: dict[str, CachedTranslation],
                  lost: dict[str, str], cache: TranslationCache | None) -> None:
    """Keep the better of each sentence's attempts, then give every record its English."""
    flags = plan.flags
    kept: list[tuple[str, CachedTranslation]] = []
    for source, attempt in attempts.items():
        new_flags = check_translation(source, attempt.english, group.language,
                                      hit_cap=attempt.hit_cap, score=attempt.score,
                                      min_score=plan.min_score, glossary=plan.glossary)
        old = group.done[source]
        better = severity(new_flags) < severity(flags[source])
        chosen = attempt if better else CachedTranslation(old.english, old.hit_cap,
                                                          old.pieces, True, score=old.score)
        group.done[source] = chosen
        flags[source] = new_flags if better else flags[source]
        kept.append((group.keys[source], chosen))
    if cache is not None:
        cache.put_many(kept)
    for record in group.records:
        entry = group.done.get(record.source)
        if entry is None:
            continue  # its batch failed: the document fails
        record.english = entry.english
        record.score = entry.score
        record.flags.extend(flags[record.source])
        if entry.pieces > 1:
            record.flags.append(Flag("split", f"longer than the model's input limit: "
                                              f"translated in {entry.pieces} pieces", 0))
        if entry.retried:
            record.flags.append(Flag("retried", "retried once with safer settings; the "
                                                "better attempt is kept", 0))
        if record.source in lost:
            record.flags.append(Flag("retry_failed", f"the retry failed "
                                     f"({lost[record.source]}); the first attempt is kept", 1))


def translate_documents(results: Sequence[DocumentResult], router: TranslatorSource,
                        options: TranslationOptions, runner: BatchRunner, *,
                        progress: ProgressFactory | None = None,
                        timer: StageTimer | None = None,
                        glossary: Glossary | None = None) -> None:
    """Give every sentence of ``results`` its English and flags (or fail its document).

    Args:
        results: Segmented documents.
        router: Gives each language's translator.
        options: Batch size or token budget, input budget, beams, retries, cache.
        runner: Executes planned batches.
        progress: Optional progress-bar factory (``factory(total=…, desc=…)``).
        timer: Optional ``summarize.pipeline.StageTimer``.
        glossary: ``options.glossary`` already loaded (it is loaded here otherwise).

    Raises:
        RunInterrupted: on Ctrl-C, saying how many of the run's sentences are cached.
    """
    from summarize.translate.cache import open_cache

    timer = timer or StageTimer()
    stage = timer.stage
    if glossary is None and options.glossary is not None:
        from summarize.glossary import Glossary

        glossary = Glossary.load(options.glossary)
    extra = {"glossary": glossary.fingerprint()} if glossary is not None else {}
    cache = open_cache(options)
    groups: list[Group] = []
    stored = [0]  # the run's sentences in the cache: found there, then committed
    try:
        groups = groups_for(results, router, cache, extra)
        stored[0] = sum(len(g.done) for g in groups)  # found in the cache
        owners = {id(r): result for result in results for r in result.sentences}
        decoding = Decoding(beams=options.beams)
        with stage("load"):  # every model with uncached work, before translating any
            runner.prepare([g.translator for g in groups if g.todo])
        with stage("plan"):
            budgets = {id(g): budget_for(g.planner, options.max_input_tokens) if g.todo
                       else None for g in groups}
            first = [Pass(g, plan_pieces(g, budgets[id(g)], g.todo), decoding)
                     for g in groups if g.todo]
        total = sum(len(job.pieces) for job in first)
        bar = progress(total=total, desc="translating") if progress and total else None

        def committed(count: int) -> None:
            stored[0] += count
            if bar is not None:
                bar.update(count)

        with stage("translate"):
            outcomes = execute(first, runner, batch_size=options.batch_size,
                               batch_tokens=options.batch_tokens, cache=cache,
                               progress=committed, glossary=glossary)
        if bar is not None:
            bar.close()
        for job, (finished, failed) in zip(first, outcomes, strict=True):
            job.group.done.update(finished)
            job.group.failed.update(failed)
        _fail_documents(groups, owners)
        with stage("check"):
            plans = [plan_retries(g, max_input_tokens=options.max_input_tokens,
                                  decoding=decoding, retry_flagged=options.retry,
                                  min_score=options.min_score, glossary=glossary)
                     for g in groups]
            retries = [job for plan in plans for job in plan.passes]
            attempted = execute(retries, runner, batch_size=options.batch_size,
                                batch_tokens=options.batch_tokens, cache=None, progress=None,
                                glossary=glossary)
            attempts: dict[int, dict[str, CachedTranslation]] = {id(g): {} for g in groups}
            lost: dict[int, dict[str, str]] = {id(g): {} for g in groups}
            for job, (finished, failed) in zip(retries, attempted, strict=True):
                attempts[id(job.group)].update(finished)
                lost[id(job.group)].update(failed)
            for group, plan in zip(groups, plans, strict=True):
                apply_retries(group, plan, attempts[id(group)], lost[id(group)], cache)
    except KeyboardInterrupt as exc:
        if cache is None:
            raise
        total = sum(len(g.keys) for g in groups)
        interrupted = RunInterrupted(cached=min(stored[0], total), total=total)
        interrupted.signal = getattr(exc, "signal", None)
        raise interrupted from exc
    finally:
        if cache is not None:
            cache.close()


def _fail_documents(groups: Sequence[Group], owners: dict[int, DocumentResult]) -> None:
    """Fail the documents whose sentences a failed batch held (each names the error)."""
    for group in groups:
        for record in group.records:
            error = group.failed.get(record.source)
            owner = owners[id(record)]
            if error is not None and owner.error is None:
                owner.error = f"translation failed: {error}"


def _halve(group: Group, source: str, budget: int | None) -> list[str]:
    if budget is None:
        words = source.split()
        middle = max(1, len(words) // 2)
        return [" ".join(words[:middle]), " ".join(words[middle:])] if len(words) > 1 else [source]
    pieces = plan_pieces(group, budget, [source])[source]
    if len(pieces) == 1:
        count = group.planner.count_tokens(source, group.language)
        pieces = plan_pieces(group, max(4, count // 2), [source])[source]
    return pieces
