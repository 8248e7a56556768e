"""The Ray Data actors: translation of planned batches, and digests. They run on the nodes."""

from __future__ import annotations

import json
import pickle
from collections.abc import Mapping
from typing import Any

from summarize.cluster.session import ClusterError, describe
from summarize.digest.base import Summarizer
from summarize.options import TranslationOptions
from summarize.translate.base import Generation
from summarize.translate.decoding import Decoding
from summarize.translate.engines import Runtime
from summarize.translate.routing import ModelRouter


class TranslationWorker:
    """A Ray Data actor that translates planned batches, loading each model once.

    Each row holds one batch: its language, its decoding settings, the cache
    signature the driver planned with and the texts. The actor's router resolves the model on
    its own node; a model that differs from the driver's (another revision, engine or
    setting) is refused rather than silently used. Errors are returned per row.

    Args:
        options: The run's translation options; the router is built from them.
        threads: CPU threads per model (the CPUs the actor reserved).
    """

    def __init__(self, options: TranslationOptions, threads: int | None = None) -> None:
        # One batch per call: its threads all go to that batch.
        self.router = ModelRouter(options, runtime=Runtime(threads=threads,
                                                           parallel_batches=False))
        self._broken: dict[str, str] = {}

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, list[Any]]:
        """Translate each row's batch; return outputs, the model signature or an error."""
        outputs: list[str] = []
        signatures: list[str] = []
        errors: list[str] = []
        for language, decoding, planned, texts in zip(batch["language"], batch["decoding"],
                                                      batch["signature"], batch["texts"],
                                                      strict=True):
            try:
                generations, signature = self._generate(
                    str(language), Decoding(**json.loads(str(decoding))), str(planned),
                    json.loads(str(texts)))
            except Exception as exc:  # one batch fails, not the job
                outputs.append("")
                signatures.append("")
                errors.append(describe(exc))
                continue
            outputs.append(json.dumps([[g.text, g.hit_cap, g.score] for g in generations],
                                      ensure_ascii=False))
            signatures.append(json.dumps(signature, sort_keys=True))
            errors.append("")
        return {"item": list(batch["item"]), "outputs": outputs, "signature": signatures,
                "error": errors}

    def _generate(self, language: str, decoding: Decoding, planned: str,
                  texts: list[str]) -> tuple[list[Generation], dict[str, Any]]:
        if planned in self._broken:  # do not load a broken model again for every batch
            raise ClusterError(self._broken[planned])
        try:
            translator = self.router.translator_for(language)
            here = json.dumps(translator.cache_signature(), sort_keys=True)
            if here != planned:
                raise ClusterError(
                    f"the {language} model on this node is not the driver's ({here} here, "
                    f"{planned} on the driver): install the same models and packages on "
                    "every node")
            translator.load()
        except Exception as exc:
            self._broken[planned] = describe(exc)
            raise
        generations = translator.generate_batch(texts, language, decoding)
        if len(generations) != len(texts):
            raise RuntimeError(f"{len(generations)} outputs for {len(texts)} inputs")
        return generations, translator.signature()


class DigestWorker:
    """A Ray Data actor that digests documents with its own copy of the summarizer.

    Rows hold a document's sentence records (pickled) and the digest length; a document whose
    digest fails gets an error, the others go on.

    Args:
        summarizer: The run's summarizer, sent to each actor once (a model loads there).
    """

    def __init__(self, summarizer: Summarizer) -> None:
        self.summarizer = summarizer

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, list[Any]]:
        """Digest each row's document; return the digest lines (pickled) and the summarizer's
        signature, or an error."""
        digests: list[bytes] = []
        signatures: list[str] = []
        errors: list[str] = []
        for payload, sentences in zip(batch["records"], batch["sentences"], strict=True):
            try:
                lines = self.summarizer.digest(pickle.loads(payload), int(sentences))
            except Exception as exc:  # one document fails, not the job
                digests.append(b"")
                signatures.append("")
                errors.append(describe(exc))
                continue
            digests.append(pickle.dumps(lines))
            signatures.append(json.dumps(self.summarizer.signature()))
            errors.append("")
        return {"item": list(batch["item"]), "digest": digests, "signature": signatures,
                "error": errors}
