"""Translation and digests on a Ray cluster (Ray Data), with the same output as a local run.

The driver (this process) keeps what is cheap or must happen once: reading, language detection,
segmentation, the translation cache, planning, the quality checks, the brief and the outputs.
Ray Data runs the model work on actor pools; each actor builds its model router once and loads
each model it gets work for once.

1. **Translation.** For every (model, language) group the driver looks the sentences up in the
   cache, cuts the rest into pieces within the model's input limit and plans the same
   token-length-sorted batches as a local run (:mod:`summarize.translate.stage`, with the model's
   tokenizer only: the driver loads no weights). Each batch is one row of a Ray Dataset;
   ``map_batches`` over :class:`TranslationWorker` generates it with the engine call a local
   run makes. Results stream back and finished sentences are committed to the cache at once.
2. **Checks and retries** run on the driver, as locally; the retry passes it plans run as a
   second Dataset.
3. **Digests**: one row per document, ``map_batches`` over :class:`DigestWorker`.

Beam search depends on the padding of a batch (a sentence can come out differently in another
batch), so running the very batches a local run would form is what makes the output identical;
their results are handed back in the local order too, because the order in which sentences
finish orders the retry planning (and through ties in the length sort, the retry batches).
A batch that fails (a model that cannot be loaded on a node, an error in generation) fails only
the documents whose sentences it holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from summarize.cluster.runner import RayBatchRunner, RayRunner
from summarize.cluster.session import INSTALL_HINT, ClusterError, ray_session
from summarize.cluster.workers import DigestWorker, TranslationWorker
from summarize.options import ClusterOptions, TranslationOptions
from summarize.pipeline import LocalRunner, StageRunner

__all__ = ["INSTALL_HINT", "ClusterError", "DigestWorker", "RayBatchRunner", "RayRunner",
           "TranslationWorker", "open_runner", "ray_session"]


@contextmanager
def open_runner(cluster: ClusterOptions | None,
                translation: TranslationOptions) -> Iterator[StageRunner]:
    """The stage runner ``cluster`` asks for; for Ray, with the cluster joined meanwhile.

    Raises:
        ClusterError: Ray is not installed, or cannot be started or reached.
    """
    if cluster is None or cluster.engine_cluster == "local":
        yield LocalRunner()
        return
    with ray_session(cluster.ray_address):
        yield RayRunner(cluster, translation)
