"""The CTranslate2 engine: the same models, converted once and cached, run by CTranslate2.

A hub or local transformers model is converted with ``ctranslate2.converters`` into
``<cache>/ct2/<model>-<key>-<quantization>/`` the first time it is used (to a temporary
folder, then renamed, so an interrupted conversion leaves nothing half-written), and reused
after that; the key covers the model's revision and the CTranslate2 and transformers
versions, so an upgrade converts again. Tokenization is the model's own (opus-mt's
SentencePiece models, NLLB's ``tokenizer.json``), mirrored without importing transformers
where it can be (``summarize.translate.lite``), so both engines see the same tokens.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from summarize.device import resolve_compute_type, resolve_ct2_device
from summarize.errors import ModelUnavailableError
from summarize.languages import NLLB_ENGLISH
from summarize.translate.base import Generation
from summarize.translate.decoding import (
    Decoding,
    halving,
    is_out_of_memory,
    mean_log_prob,
    output_cap,
)
from summarize.translate.hf import TokenizerEngine
from summarize.translate.hub import ModelRef
from summarize.translate.tokenizer import model_facts, open_text_tokenizer

if TYPE_CHECKING:
    from summarize.options import TranslationOptions
    from summarize.translate.engines import Runtime

#: Libraries whose versions change a conversion or its output.
DISTRIBUTIONS = ("ctranslate2", "transformers", "tokenizers", "sentencepiece")


def converted_dir(ref: ModelRef, quantization: str, cache_root: Path) -> Path:
    """Where the converted model for ``ref`` lives in the cache."""
    from summarize.translate.engines import versions

    name = re.sub(r"[^A-Za-z0-9_.-]+", "--", ref.name.strip("/"))[-80:]
    library = sorted(versions(DISTRIBUTIONS[:2]).items())
    key = hashlib.sha256(f"{ref.name}\0{ref.revision}\0{quantization}\0{library}".encode()
                         ).hexdigest()
    return cache_root / "ct2" / f"{name}-{key[:12]}-{quantization}"


def convert(ref: ModelRef, quantization: str, cache_root: Path,
            hf_kwargs: Mapping[str, Any] | None = None) -> Path:
    """Convert the model once (cached); return the CTranslate2 model folder."""
    target = converted_dir(ref, quantization, cache_root)
    if (target / "model.bin").is_file():
        return target
    import ctranslate2

    target.parent.mkdir(parents=True, exist_ok=True)
    source = str(ref.local_dir) if ref.local_dir is not None else ref.name
    work = Path(tempfile.mkdtemp(prefix=".convert-", dir=target.parent))
    try:
        converter = ctranslate2.converters.TransformersConverter(
            source, revision=(hf_kwargs or {}).get("revision"))
        converter.convert(str(work / "model"), quantization=quantization, force=True)
        os.replace(work / "model", target)
    except Exception as exc:
        # Another process converting the same model (a second Ray actor here) won the rename.
        if (target / "model.bin").is_file():
            return target
        raise ModelUnavailableError(
            f"cannot convert {ref.name} for CTranslate2 ({type(exc).__name__}: {exc}); "
            "use --engine torch") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


class CT2Translator(TokenizerEngine):
    """Translates with CTranslate2; one instance per model, like the transformers engine.

    On CPU, ``threads`` cores (default: all) go to batches side by side
    (:func:`cpu_threads`), or with ``side_by_side=False`` all to one batch at a time.
    """

    engine = "ctranslate2"
    name: ClassVar[str] = "ctranslate2"
    distributions: ClassVar[tuple[str, ...]] = DISTRIBUTIONS

    def __init__(self, ref: ModelRef, *, cache_root: Path, device: str = "auto",
                 compute_type: str = "auto", beams: int = 4,
                 hf_kwargs: Mapping[str, Any] | None = None, threads: int | None = None,
                 side_by_side: bool = True) -> None:
        import ctranslate2

        self.ref = ref
        self.decoding = Decoding(beams=beams)
        self.device = device = resolve_ct2_device(device)
        self.compute_type = resolve_compute_type(compute_type, device)
        self.dtype_name = self.compute_type
        facts = model_facts(ref, hf_kwargs or {})
        self.family, self._limit = facts.family, facts.max_input_tokens
        self.text = open_text_tokenizer(ref, hf_kwargs or {}, self.family)
        # int8 weights on disk serve every int8_* compute type; float16 serves the others.
        quantization = "int8" if self.compute_type.startswith("int8") else "float16"
        if device == "cpu" and not self.compute_type.startswith("int8"):
            quantization = "float32"
        self.model_dir = convert(ref, quantization, cache_root, hf_kwargs)
        cores = threads or os.cpu_count() or 1
        if device != "cpu":
            self.inter_threads, intra = 1, 0
        else:
            self.inter_threads, intra = cpu_threads(cores) if side_by_side else (1, cores)
        self.translator = ctranslate2.Translator(
            str(self.model_dir), device=device, compute_type=self.compute_type,
            inter_threads=self.inter_threads, intra_threads=intra)

    def _count(self, text: str, src_lang: str) -> int:
        return len(self.text.tokens(text, src_lang))

    @classmethod
    def resolved_settings(cls, options: TranslationOptions) -> dict[str, str]:
        """The CTranslate2 device and compute type ``options`` resolve to here."""
        device = resolve_ct2_device(options.device)
        return {"device": device, "dtype": resolve_compute_type(options.compute_type, device)}

    @classmethod
    def from_options(cls, ref: ModelRef, options: TranslationOptions,
                     runtime: Runtime) -> CT2Translator:
        """Convert (once) and load ``ref`` as the options say; conversions are cached under
        the options' cache folder."""
        from summarize.translate.cache import default_cache_dir

        return cls(ref, cache_root=Path(options.cache or default_cache_dir()),
                   device=options.device, compute_type=options.compute_type,
                   beams=options.beams, hf_kwargs=options.hf_kwargs, threads=runtime.threads,
                   side_by_side=runtime.parallel_batches)

    def generate_batch(self, texts: Sequence[str], src_lang: str,
                       decoding: Decoding | None = None) -> list[Generation]:
        """Translate one batch; output length is bounded from each input's length.

        A batch that runs out of GPU memory is halved and retried, down to one segment.
        """
        if not texts:
            return []
        chosen = decoding or self.decoding

        def run(part: Sequence[str]) -> list[Generation]:
            tokens, options = self._prepare(part, src_lang, chosen)
            results = self.translator.translate_batch(tokens, **options)
            return self._decode(tokens, results, options["max_decoding_length"])

        return halving(run, texts)

    def generate_batches(self, batches: Sequence[Sequence[str]], src_lang: str,
                         decoding: Decoding | None = None) -> Iterator[list[Generation]]:
        """Translate batches side by side on the CPU (``inter_threads`` at a time), in order.

        Up to twice as many batches as run at once are queued ahead, so each finished batch
        is handed back (and can be cached) while the next ones run. A batch runs as it would
        alone, so the outputs are those of :meth:`generate_batch`; one that runs out of
        memory is redone by it (halved).
        """
        if self.inter_threads == 1:
            yield from super().generate_batches(batches, src_lang, decoding)
            return
        chosen = decoding or self.decoding
        window = 2 * self.inter_threads
        pending: list[tuple[Sequence[str], list[list[str]], int, list[Any]]] = []
        queue = iter(batches)
        while True:
            while len(pending) < window:
                batch = next(queue, None)
                if batch is None:
                    break
                if not batch:
                    pending.append((batch, [], 0, []))
                    continue
                tokens, options = self._prepare(batch, src_lang, chosen)
                pending.append((batch, tokens, options["max_decoding_length"],
                                self.translator.translate_batch(tokens, asynchronous=True,
                                                                **options)))
            if not pending:
                return
            batch, tokens, cap, futures = pending.pop(0)
            try:
                results = [future.result() for future in futures]
            except Exception as exc:
                if not is_out_of_memory(exc) or len(batch) == 1:
                    raise
                yield self.generate_batch(batch, src_lang, chosen)
                continue
            yield self._decode(tokens, results, cap)

    def _prepare(self, texts: Sequence[str], src_lang: str,
                 decoding: Decoding) -> tuple[list[list[str]], dict[str, Any]]:
        """Tokens of a batch and its ``translate_batch`` options (the output-length rule)."""
        tokens = [self.text.tokens(text, src_lang) for text in texts]
        longest = max(len(t) for t in tokens)
        if longest > self._limit:
            raise ValueError(f"a segment has {longest} tokens, over the model's limit of "
                             f"{self._limit}; split it first (the pipeline does)")
        options: dict[str, Any] = {"beam_size": max(decoding.beams, decoding.hypotheses),
                                   "max_decoding_length": output_cap(longest, self._limit),
                                   "max_input_length": 0}
        if decoding.hypotheses > 1:
            options["num_hypotheses"] = decoding.hypotheses
        if decoding.no_repeat_ngram_size:
            options["no_repeat_ngram_size"] = decoding.no_repeat_ngram_size
        if decoding.repetition_penalty != 1.0:
            options["repetition_penalty"] = decoding.repetition_penalty
        if self.family == "nllb":
            options["target_prefix"] = [[NLLB_ENGLISH]] * len(tokens)
        return tokens, options

    def _decode(self, tokens: Sequence[list[str]], results: Sequence[Any],
                cap: int) -> list[Generation]:
        """Texts, length-cap hits and model scores of a batch's best hypotheses.

        The score is the mean log-probability the model gives the output tokens and its end
        (``score_batch``: teacher-forced, without the decoding penalties; NLLB's forced
        language token left out), the same quantity the transformers engine reports.
        """
        sources: list[list[str]] = []
        full: list[list[str]] = []
        for source, result in zip(tokens, results, strict=True):
            for hypothesis in result.hypotheses:
                sources.append(source)
                full.append(list(hypothesis))
        # Scoring appends the end token: an output at the position limit is scored without
        # its last token.
        targets = [hypothesis[:self._limit - 1] for hypothesis in full]
        scored = iter(self.translator.score_batch(sources, targets) if full else [])
        skip = 1 if self.family == "nllb" else 0
        hypotheses = iter(full)
        generations = []
        for result in results:
            found = []
            for _ in result.hypotheses:
                hypothesis, scoring = next(hypotheses), next(scored)
                shown = (hypothesis[1:] if skip and hypothesis[:1] == [NLLB_ENGLISH]
                         else hypothesis)
                found.append(Generation(self.text.detokenize(shown).strip(),
                                        hit_cap=len(hypothesis) >= cap,
                                        score=mean_log_prob(scoring.log_probs[skip:])))
            generations.append(replace(found[0], alternatives=tuple(found[1:])))
        return generations


def cpu_threads(cores: int) -> tuple[int, int]:
    """``(inter_threads, intra_threads)`` for ``cores`` CPU cores.

    Small batches of a model this size do not keep several threads busy within one batch, so
    cores go to running batches side by side (two batches on one thread each ran 1.2× faster
    than one batch on two threads at beam 4 on a 2-core machine; see the README's benchmark);
    from 8 cores on, each batch also gets a few threads.
    """
    intra = max(1, min(4, cores // 4))
    return max(1, cores // intra), intra
