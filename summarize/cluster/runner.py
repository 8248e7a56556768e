"""The Ray stage runner: plans on the driver, maps planned batches and documents on actors."""

from __future__ import annotations

import json
import logging
import pickle
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from summarize.cluster.session import ClusterError, describe
from summarize.cluster.tokens import TokenizerView
from summarize.cluster.workers import DigestWorker, TranslationWorker
from summarize.options import ClusterOptions, TranslationOptions, options_dict
from summarize.pipeline import ProgressFactory, StageTimer, translation_groups
from summarize.records import DocumentResult, Flag
from summarize.summarise.base import Summariser
from summarize.translate.base import Generation, Translator
from summarize.translate.routing import LazyTranslator, ModelRouter, TranslatorSource

if TYPE_CHECKING:
    from summarize.translate.cache import CachedTranslation, TranslationCache
    from summarize.translate.stage import Group, Pass, PieceRun, Progress

#: At most this many blocks per Dataset: one row per block up to here, so that idle actors
#: can take any batch; beyond it Ray Data hands out several rows at a time.
MAX_BLOCKS = 4096


class RayRunner:
    """Runs translation and digests on Ray Data actor pools (see :mod:`summarize.cluster`).

    Use it inside :func:`ray_session` (or after ``ray.init``); :func:`open_runner` does both.

    Args:
        options: Cluster options (actors, CPUs per actor).
        device: The translation device choice: one GPU is requested per actor for ``cuda``,
            and for ``auto`` when the cluster has GPUs.

    Raises:
        ClusterError: ``cuda`` was asked for and the cluster has no GPU.
    """

    def __init__(self, options: ClusterOptions, *, device: str = "auto") -> None:
        import ray

        self.options = options
        resources = ray.cluster_resources()  # type: ignore[no-untyped-call]
        alive = [node for node in ray.nodes() if node.get("Alive")]  # type: ignore[no-untyped-call]
        self.cpus = float(resources.get("CPU", 0))
        self.gpus = float(resources.get("GPU", 0))
        if device == "cuda" and not self.gpus:
            raise ClusterError("--device cuda was given but the Ray cluster has no GPU")
        self.gpus_per_actor = 1 if device == "cuda" or (device == "auto" and self.gpus) else 0
        self._info = {"ray": ray.__version__, "nodes": len(alive), "cpus": self.cpus,
                      "gpus": self.gpus, "gpus_per_actor": self.gpus_per_actor}
        self._loaded: dict[int, dict[str, Any]] = {}

    def settings(self) -> dict[str, Any]:
        """The cluster options, and what the cluster had (Ray version, nodes, CPUs, GPUs)."""
        return {**options_dict(self.options), "cluster": dict(self._info)}

    def translate(self, results: Sequence[DocumentResult], router: TranslatorSource,
                  options: TranslationOptions, progress: ProgressFactory | None,
                  timer: StageTimer) -> None:
        """Translate on the actors, check and retry on the driver (:mod:`summarize.cluster`).

        Raises:
            ClusterError: the router is not a :class:`ModelRouter` (actors build their models
                from the options), or the Ray job failed as a whole.
        """
        if not isinstance(router, ModelRouter):
            raise ClusterError("engine_cluster 'ray' builds each actor's models from the "
                               "translation options; pass no router (or a ModelRouter)")
        from summarize.translate import stage
        from summarize.translate.cache import TranslationCache, default_cache_dir

        self._loaded = {}
        owners = {id(record): result for result in results for record in result.sentences}
        views: dict[int, TokenizerView] = {}
        cache = None if options.no_cache else TranslationCache(options.cache or default_cache_dir())
        try:
            with timer.stage("plan"):
                groups = [stage.make_group(self._view(t, options, views), language, records,
                                           cache)
                          for t, language, records in translation_groups(results, router)]
                budgets = [stage.budget_for(g.translator, options.max_input_tokens)
                           if g.todo else None for g in groups]
                first = [(g, stage.first_pass(g, b, options.batch_tokens))
                         for g, b in zip(groups, budgets, strict=True) if g.todo]
            total = sum(len(g.todo) for g in groups)
            bar = progress(total=total, desc="translating") if progress and total else None
            with timer.stage("translate"):
                done = self._run_passes(first, options, cache=cache,
                                        progress=bar.update if bar else None, owners=owners,
                                        what="translation")
                for (group, _), finished in zip(first, done, strict=True):
                    group.done.update(finished)
            if bar is not None:
                bar.close()
            with timer.stage("check"):
                plans = [stage.plan_retries(g, budget=b, retry_flagged=options.retry,
                                            batch_tokens=options.batch_tokens)
                         for g, b in zip(groups, budgets, strict=True)]
                retries = [(g, job) for g, plan in zip(groups, plans, strict=True)
                           for job in plan.passes]
                attempts: dict[int, dict[str, CachedTranslation]] = {id(g): {} for g in groups}
                outcomes = self._run_passes(retries, options, cache=None, progress=None,
                                            owners=owners, what="retry")
                for (group, _), finished in zip(retries, outcomes, strict=True):
                    attempts[id(group)].update(finished)
                for group, plan in zip(groups, plans, strict=True):
                    group.records = [r for r in group.records if owners[id(r)].ok]
                    stage.apply_retries(group, plan, attempts[id(group)], cache)
        finally:
            if cache is not None:
                cache.close()
        for result in results:  # the signature of the model as an actor loaded it
            translator = router.translator_for(result.language or "en")
            result.translator = self._loaded.get(id(translator)) or translator.signature()

    def digest(self, results: Sequence[DocumentResult], summariser: Summariser,
               sentences: int) -> dict[str, Any]:
        """Digest each document on the actors; a digest that fails fails its document.

        Returns the summariser's signature as an actor ran it (with the device and settings of
        the model it loaded), or the driver's when no digest came back.

        Raises:
            ClusterError: the Ray job failed as a whole.
        """
        signature = summariser.signature()
        if not results:
            return signature
        rows = [{"item": i, "records": pickle.dumps(result.sentences), "sentences": sentences}
                for i, result in enumerate(results)]
        gpus = self.gpus_per_actor if summariser.uses_model else 0
        for row in self._map(rows, DigestWorker, {"summariser": summariser}, gpus=gpus):
            result = results[int(row["item"])]
            if row["error"]:
                result.error = f"digest failed on the Ray cluster: {row['error']}"
            else:
                result.digest = pickle.loads(row["digest"])
                signature = json.loads(row["signature"])
        return signature

    @staticmethod
    def _view(translator: Translator, options: TranslationOptions,
              views: dict[int, TokenizerView]) -> TokenizerView:
        if not isinstance(translator, LazyTranslator):
            raise ClusterError(f"engine_cluster 'ray' cannot send {type(translator).__name__} "
                               "to the actors; models must come from the translation options")
        if id(translator) not in views:
            views[id(translator)] = TokenizerView(translator, options)
        return views[id(translator)]

    def _run_passes(self, passes: Sequence[tuple[Group, Pass]], options: TranslationOptions,
                    *, cache: TranslationCache | None, progress: Progress | None,
                    owners: Mapping[int, DocumentResult],
                    what: str) -> list[dict[str, CachedTranslation]]:
        """Run generation passes (``(group, Pass)``) as one Dataset of planned batches.

        Results arrive in any order; each pass takes its batches in planned order, as a local
        run does, because the order in which sentences finish orders the retry planning (and
        so, through ties in the length sort, the retry batches).
        """
        from summarize.translate.stage import PieceRun

        runs = [PieceRun(group, job, cache=cache, progress=progress) for group, job in passes]
        batches: list[list[list[int]]] = []
        rows: list[dict[str, Any]] = []
        where: list[tuple[int, int]] = []
        for number, run in enumerate(runs):
            view = _view_of(run)
            planned = json.dumps(view.cache_signature(), sort_keys=True)
            batches.append(view.plan_batches(run.unique, run.group.language,
                                             options.batch_size, run.job.batch_tokens))
            for order, indices in enumerate(batches[-1]):
                rows.append({"item": len(rows), "language": run.group.language,
                             "safer": run.job.safer, "signature": planned,
                             "texts": json.dumps([run.unique[i] for i in indices],
                                                 ensure_ascii=False)})
                where.append((number, order))
        arrived: list[dict[int, dict[str, Any]]] = [{} for _ in runs]
        taken = [0] * len(runs)
        worker_options = {"options": options, "threads": self.options.cpus_per_actor}
        for row in self._map(rows, TranslationWorker, worker_options, gpus=self.gpus_per_actor):
            number, order = where[int(row["item"])]
            arrived[number][order] = row
            while taken[number] in arrived[number]:
                run, indices = runs[number], batches[number][taken[number]]
                self._take(run, indices, arrived[number].pop(taken[number]), owners, what)
                taken[number] += 1
        for run in runs:  # every sentence has its English, or its documents have failed
            _fail(run, range(len(run.unique)), "no result came back", owners, what)
        return [run.results for run in runs]

    def _take(self, run: PieceRun, indices: list[int], row: Mapping[str, Any],
              owners: Mapping[int, DocumentResult], what: str) -> None:
        """Give a finished batch to its pass, or fail the documents it held."""
        if row["error"]:
            _fail(run, indices, str(row["error"]), owners, what)
            return
        run.on_batch(indices, [Generation(text, bool(capped))
                               for text, capped in json.loads(row["outputs"])])
        self._loaded.setdefault(id(_view_of(run).lazy), json.loads(row["signature"]))

    def _map(self, rows: list[dict[str, Any]], worker: type, kwargs: dict[str, Any], *,
             gpus: float) -> Iterator[dict[str, Any]]:
        """Map ``rows`` one at a time through an actor pool of ``worker``; stream results."""
        if not rows:
            return
        import ray.data

        wanted = (self.options.actors if self.options.actors is not None
                  else int(self.gpus // gpus) if gpus
                  else int(self.cpus // self.options.cpus_per_actor))
        actors = max(1, min(wanted, len(rows)))
        try:
            with _quiet_ray_data():
                dataset = ray.data.from_items(rows,
                                              override_num_blocks=min(len(rows), MAX_BLOCKS))
                mapped = dataset.map_batches(
                    worker, fn_constructor_kwargs=kwargs, batch_size=1, batch_format="numpy",
                    compute=ray.data.ActorPoolStrategy(size=actors),
                    num_cpus=self.options.cpus_per_actor, num_gpus=gpus or None)
                yield from mapped.iter_rows()
        except ClusterError:
            raise
        except Exception as exc:
            raise ClusterError(f"the Ray job failed: {describe(exc)}") from exc


@contextmanager
def _quiet_ray_data() -> Iterator[None]:
    """Ray Data's progress bars and log lines off for the block (restored after).

    The pipeline shows its own progress, and errors come back per batch or as exceptions.
    """
    import ray.data

    context = ray.data.DataContext.get_current()
    logger = logging.getLogger("ray.data")
    saved = context.enable_progress_bars, context.print_on_execution_start, logger.level
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        context.enable_progress_bars, context.print_on_execution_start = saved[:2]
        logger.setLevel(saved[2])


def _view_of(run: PieceRun) -> TokenizerView:
    view = run.group.translator
    assert isinstance(view, TokenizerView), "Ray passes are planned with a TokenizerView"
    return view


def _fail(run: PieceRun, indices: Sequence[int], error: str,
          owners: Mapping[int, DocumentResult], what: str) -> None:
    """Account for the pieces at ``indices`` of ``run`` that got no result.

    A first translation that failed fails the documents whose sentences wait on them. A failed
    retry loses nothing: the sentence keeps its first attempt (and its flags) and is flagged
    ``retry_failed``.
    """
    sources = set(run.waiting_on(indices))
    for record in run.group.records:
        if record.source not in sources:
            continue
        owner = owners[id(record)]
        if what == "retry":
            if not any(f.code == "retry_failed" for f in record.flags):
                record.flags.append(Flag("retry_failed", f"the retry failed on the Ray "
                                         f"cluster ({error}); the first attempt is kept", 1))
        elif owner.error is None:
            owner.error = f"{what} failed on the Ray cluster: {error}"
