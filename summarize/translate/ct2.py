"""The CTranslate2 engine: the same models, converted once and cached, run by CTranslate2.

A hub or local transformers model is converted with ``ctranslate2.converters`` into
``<cache>/ct2/<model>-<revision>-<quantization>/`` the first time it is used (to a temporary
folder, then renamed, so an interrupted conversion leaves nothing half-written), and reused
after that. Tokenization stays with the model's own Hugging Face tokenizer, so both engines
see the same tokens.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from summarize.device import resolve_compute_type, resolve_ct2_device
from summarize.errors import ModelUnavailableError
from summarize.languages import NLLB_ENGLISH
from summarize.translate.base import Generation
from summarize.translate.hf import (
    OUTPUT_MARGIN,
    OUTPUT_RATIO,
    TokenizerEngine,
    _is_out_of_memory,
    family_of,
    input_limit,
    load_tokenizer,
)
from summarize.translate.hub import ModelRef


def converted_dir(ref: ModelRef, quantization: str, cache_root: Path) -> Path:
    """Where the converted model for ``ref`` lives in the cache."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "--", ref.name.strip("/"))[-80:]
    key = hashlib.sha256(f"{ref.name}\0{ref.revision}\0{quantization}".encode()).hexdigest()
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

    def __init__(self, ref: ModelRef, *, cache_root: Path, device: str = "auto",
                 compute_type: str = "auto", beams: int = 4,
                 hf_kwargs: Mapping[str, Any] | None = None, threads: int | None = None,
                 side_by_side: bool = True) -> None:
        import ctranslate2

        self.ref = ref
        self.beams = beams
        self.device = device = resolve_ct2_device(device)
        self.compute_type = resolve_compute_type(compute_type, device)
        self.dtype_name = self.compute_type
        self.tokenizer, config = load_tokenizer(ref, hf_kwargs or {})
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
        self.family = family_of(config)
        self._limit = input_limit(config, self.tokenizer)

    def generate_batch(self, texts: Sequence[str], src_lang: str, *,
                       safer: bool = False) -> list[Generation]:
        """Translate one batch; output length is bounded from each input's length.

        A batch that runs out of GPU memory is halved and retried, down to one segment.
        """
        if not texts:
            return []
        tokens, options = self._prepare(texts, src_lang, safer)
        try:
            results = self.translator.translate_batch(tokens, **options)
        except Exception as exc:
            if not _is_out_of_memory(exc) or len(texts) == 1:
                raise
            return self._halved(texts, src_lang, safer)
        return self._decode(results, options["max_decoding_length"])

    def generate_batches(self, batches: Sequence[Sequence[str]], src_lang: str, *,
                         safer: bool = False) -> Iterator[list[Generation]]:
        """Translate batches side by side on the CPU (``inter_threads`` at a time), in order.

        Up to twice as many batches as run at once are queued ahead, so each finished batch
        is handed back (and can be cached) while the next ones run. A batch runs as it would
        alone, so the outputs are those of :meth:`generate_batch`.
        """
        if self.inter_threads == 1:
            yield from super().generate_batches(batches, src_lang, safer=safer)
            return
        window = 2 * self.inter_threads
        pending: list[tuple[Sequence[str], int, list[Any]]] = []
        queue = iter(batches)
        while True:
            while len(pending) < window:
                batch = next(queue, None)
                if batch is None:
                    break
                if not batch:
                    pending.append((batch, 0, []))
                    continue
                tokens, options = self._prepare(batch, src_lang, safer)
                pending.append((batch, options["max_decoding_length"],
                                self.translator.translate_batch(tokens, asynchronous=True,
                                                                **options)))
            if not pending:
                return
            batch, cap, futures = pending.pop(0)
            try:
                results = [future.result() for future in futures]
            except Exception as exc:
                if not _is_out_of_memory(exc) or len(batch) == 1:
                    raise
                yield self._halved(batch, src_lang, safer)
                continue
            yield self._decode(results, cap)

    def _halved(self, texts: Sequence[str], src_lang: str, safer: bool) -> list[Generation]:
        middle = len(texts) // 2
        return (self.generate_batch(texts[:middle], src_lang, safer=safer)
                + self.generate_batch(texts[middle:], src_lang, safer=safer))

    def _prepare(self, texts: Sequence[str], src_lang: str,
                 safer: bool) -> tuple[list[list[str]], dict[str, Any]]:
        """Tokens of a batch and its ``translate_batch`` options (the output-length rule)."""
        self._set_source(src_lang)
        tokens = [self.tokenizer.convert_ids_to_tokens(ids)
                  for ids in self.tokenizer(list(texts), verbose=False)["input_ids"]]
        longest = max(len(t) for t in tokens)
        if longest > self._limit:
            raise ValueError(f"a segment has {longest} tokens, over the model's limit of "
                             f"{self._limit}; split it first (the pipeline does)")
        cap = min(self._limit, math.ceil(longest * OUTPUT_RATIO) + OUTPUT_MARGIN)
        options: dict[str, Any] = {"beam_size": self.beams, "max_decoding_length": cap,
                                   "max_input_length": 0}
        if safer:
            options.update(beam_size=self.beams + 2, no_repeat_ngram_size=3,
                           repetition_penalty=1.2)
        if self.family == "nllb":
            options["target_prefix"] = [[NLLB_ENGLISH]] * len(tokens)
        return tokens, options

    def _decode(self, results: Sequence[Any], cap: int) -> list[Generation]:
        generations = []
        for result in results:
            hypothesis = result.hypotheses[0]
            if self.family == "nllb" and hypothesis[:1] == [NLLB_ENGLISH]:
                hypothesis = hypothesis[1:]
            ids = self.tokenizer.convert_tokens_to_ids(hypothesis)
            text = str(self.tokenizer.decode(ids, skip_special_tokens=True)).strip()
            generations.append(Generation(text, hit_cap=len(result.hypotheses[0]) >= cap))
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
