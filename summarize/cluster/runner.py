"""The Ray stage runner: maps the driver's planned batches, and documents, over actor pools."""

from __future__ import annotations

import json
import logging
import pickle
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from summarize.cluster.session import ClusterError, describe
from summarize.cluster.workers import DigestWorker, TranslationWorker
from summarize.digest.base import Summarizer
from summarize.options import ClusterOptions, TranslationOptions, options_dict
from summarize.records import DocumentResult
from summarize.translate.base import Generation, Translator
from summarize.translate.routing import LazyTranslator
from summarize.translate.runner import Job, Outcome

#: At most this many blocks per Dataset: one row per block up to here, so that idle actors
#: can take any batch; beyond it Ray Data hands out several rows at a time.
MAX_BLOCKS = 4096


class RayRunner:
    """Runs translation batches and digests on Ray Data actor pools (see
    :mod:`summarize.cluster`).

    Use it inside :func:`ray_session` (or after ``ray.init``); :func:`open_runner` does both.

    Args:
        options: Cluster options (actors, CPUs per actor).
        translation: The run's translation options: each actor builds its models from them.

    Raises:
        ClusterError: ``cuda`` was asked for and the cluster has no GPU.
    """

    def __init__(self, options: ClusterOptions, translation: TranslationOptions) -> None:
        import ray

        self.options = options
        resources = ray.cluster_resources()  # type: ignore[no-untyped-call]
        alive = [node for node in ray.nodes() if node.get("Alive")]  # type: ignore[no-untyped-call]
        self.cpus = float(resources.get("CPU", 0))
        self.gpus = float(resources.get("GPU", 0))
        device = translation.device
        if device == "cuda" and not self.gpus:
            raise ClusterError("--device cuda was given but the Ray cluster has no GPU")
        self.gpus_per_actor = 1 if device == "cuda" or (device == "auto" and self.gpus) else 0
        self._info = {"ray": ray.__version__, "nodes": len(alive), "cpus": self.cpus,
                      "gpus": self.gpus, "gpus_per_actor": self.gpus_per_actor}
        self.batches = RayBatchRunner(self, translation)

    def settings(self) -> dict[str, Any]:
        """The cluster options, and what the cluster had (Ray version, nodes, CPUs, GPUs)."""
        return {**options_dict(self.options), "cluster": dict(self._info)}

    def digest(self, results: Sequence[DocumentResult], summarizer: Summarizer,
               sentences: int, done: Callable[[DocumentResult], None] | None = None,
               ) -> dict[str, Any]:
        """Digest each document on the actors; a digest that fails fails its document.
        ``done`` is called with each document as its digest comes back.

        Returns the summarizer's signature as an actor ran it (with the device and settings of
        the model it loaded), or the driver's when no digest came back.

        Raises:
            ClusterError: the Ray job failed as a whole.
        """
        signature = summarizer.signature()
        if not results:
            return signature
        rows = [{"item": i, "records": pickle.dumps(result.sentences), "sentences": sentences}
                for i, result in enumerate(results)]
        gpus = self.gpus_per_actor if summarizer.uses_model else 0
        for row in self.map(rows, DigestWorker, {"summarizer": summarizer}, gpus=gpus):
            result = results[int(row["item"])]
            if row["error"]:
                result.error = f"digest failed on the Ray cluster: {row['error']}"
            else:
                result.digest = pickle.loads(row["digest"])
                signature = json.loads(row["signature"])
            if done is not None:
                done(result)
        return signature

    def map(self, rows: list[dict[str, Any]], worker: type, kwargs: dict[str, Any], *,
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


class RayBatchRunner:
    """Executes planned translation batches as rows of a Ray Dataset mapped over an actor pool
    of :class:`TranslationWorker` (each actor loads each model it needs once).

    Args:
        owner: The :class:`RayRunner` (cluster resources, actor pool sizes).
        translation: The run's translation options, sent to every actor.
    """

    def __init__(self, owner: RayRunner, translation: TranslationOptions) -> None:
        self._owner = owner
        self._translation = translation

    def prepare(self, translators: Sequence[Translator]) -> None:
        """Check the translators can be rebuilt on the actors (they load there, not here).

        Raises:
            ClusterError: a translator was built elsewhere than from the options.
        """
        for translator in translators:
            if not isinstance(translator, LazyTranslator):
                raise ClusterError(
                    f"engine_cluster 'ray' cannot send {type(translator).__name__} to the "
                    "actors; models must come from the translation options (pass no router, "
                    "or a ModelRouter)")

    def run(self, jobs: Sequence[Job]) -> Iterator[Outcome]:
        """One row per job; outcomes stream back as the actors finish them."""
        self.prepare([job.translator for job in jobs])
        signatures: dict[int, str] = {}
        rows = []
        for job in jobs:
            if id(job.translator) not in signatures:
                signatures[id(job.translator)] = json.dumps(job.translator.cache_signature(),
                                                            sort_keys=True)
            rows.append({"item": job.index, "language": job.language,
                         "decoding": json.dumps(asdict(job.decoding)),
                         "signature": signatures[id(job.translator)],
                         "texts": json.dumps(list(job.texts), ensure_ascii=False)})
        worker_options = {"options": self._translation,
                          "threads": self._owner.options.cpus_per_actor}
        for row in self._owner.map(rows, TranslationWorker, worker_options,
                                   gpus=self._owner.gpus_per_actor):
            if row["error"]:
                yield Outcome(int(row["item"]), error=f"{row['error']} (on a Ray actor)")
            else:
                yield Outcome(int(row["item"]), [Generation(text, bool(capped), score)
                                                 for text, capped, score
                                                 in json.loads(row["outputs"])])


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
