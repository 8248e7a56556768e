"""The Hugging Face transformers engine: MarianMT (opus-mt) and NLLB-200 / M2M100 models.

The reference path: ``generate`` under ``inference_mode``, SDPA attention, bf16/fp16 on GPU.
A batch that runs out of GPU memory is halved and retried (down to one segment); a
half-precision batch whose scores turn to NaN or infinity is redone in float32.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from summarize.errors import ModelUnavailableError
from summarize.languages import NLLB_ENGLISH, nllb_code
from summarize.translate.base import Generation, Planner, Translator
from summarize.translate.decoding import Decoding, halving, mean_log_prob, output_cap
from summarize.translate.hub import ModelRef
from summarize.translate.tokenizer import (
    TOKENIZER_KWARGS,
    TokenCounter,
    config_limit,
    family_from_type,
)

if TYPE_CHECKING:
    from summarize.options import TranslationOptions
    from summarize.translate.engines import Runtime


class TokenizerEngine(TokenCounter, Translator):
    """What the engines that use a model's own tokenizer share: token counts, the input limit
    and the signature. Subclasses set ``ref``, ``family``, ``device``, ``dtype_name``,
    ``decoding`` and ``_limit`` when they load the model, and count tokens (``_count``)."""

    ref: ModelRef
    family: str
    device: str
    dtype_name: str
    decoding: Decoding

    def planner(self) -> Planner:
        """The engine plans with its own tokenizer."""
        return self

    def signature(self) -> dict[str, Any]:
        """Engine, model id or directory, revision, family, device, dtype, beams and limit."""
        return {"engine": self.engine, "model": self.ref.name, "revision": self.ref.revision,
                "family": self.family, "device": self.device, "dtype": self.dtype_name,
                "beams": self.decoding.beams, "max_input_tokens": self._limit}

    def translate_batch(self, texts: Sequence[str], src_lang: str) -> list[str]:
        """Translate one batch; output length is bounded from the input length."""
        return [g.text for g in self.generate_batch(texts, src_lang)]


class HFTranslator(TokenizerEngine):
    """Translates with a transformers sequence-to-sequence model loaded once.

    One instance serves every source language its model covers: an opus-mt pair serves one,
    an NLLB model serves all (the source code is set per batch).
    """

    engine = "transformers"
    name: ClassVar[str] = "transformers"
    distributions: ClassVar[tuple[str, ...]] = ("transformers", "torch", "tokenizers",
                                                "sentencepiece")

    def __init__(self, ref: ModelRef, *, device: str = "auto", dtype: str = "auto",
                 beams: int = 4, hf_kwargs: Mapping[str, Any] | None = None,
                 threads: int | None = None) -> None:
        from summarize.device import resolve_device, resolve_dtype

        self.ref = ref
        self.decoding = Decoding(beams=beams)
        self.device = resolve_device(device)
        self.dtype = resolve_dtype(dtype, self.device)
        self.dtype_name = str(self.dtype).removeprefix("torch.")
        if threads and self.device == "cpu":
            import torch

            torch.set_num_threads(threads)
        self._hf_kwargs = dict(hf_kwargs or {})
        self._float32: Any = None
        self.tokenizer, self.model = load_seq2seq(ref, self.dtype, self._hf_kwargs)
        self.model.to(self.device)
        self.model.eval()
        self.family = family_from_type(getattr(self.model.config, "model_type", ""))
        self._limit = config_limit(self.model.config, self.tokenizer)
        self._english_id: int | None = None
        if self.family == "nllb":
            self._english_id = self.tokenizer.convert_tokens_to_ids(NLLB_ENGLISH)
            if self._english_id == self.tokenizer.unk_token_id:
                raise ModelUnavailableError(f"model {ref.name} has no {NLLB_ENGLISH} token: "
                                            "is it really an NLLB-200 model?")

    def set_source(self, src_lang: str) -> None:
        """Tell an NLLB tokenizer the source language (an opus-mt pair has one)."""
        if self.family == "nllb":
            self.tokenizer.src_lang = nllb_code(src_lang)

    def _count(self, text: str, src_lang: str) -> int:
        self.set_source(src_lang)
        return len(self.tokenizer(text, verbose=False)["input_ids"])

    @classmethod
    def resolved_settings(cls, options: TranslationOptions) -> dict[str, str]:
        """The torch device and dtype ``options`` resolve to here."""
        from summarize.device import resolve_device, resolve_dtype

        device = resolve_device(options.device)
        return {"device": device,
                "dtype": str(resolve_dtype(options.dtype, device)).removeprefix("torch.")}

    @classmethod
    def from_options(cls, ref: ModelRef, options: TranslationOptions,
                     runtime: Runtime) -> HFTranslator:
        """Load ``ref`` with the options' device, dtype, beams and ``hf_kwargs``."""
        return cls(ref, device=options.device, dtype=options.dtype, beams=options.beams,
                   hf_kwargs=options.hf_kwargs, threads=runtime.threads)

    def generate_batch(self, texts: Sequence[str], src_lang: str,
                       decoding: Decoding | None = None) -> list[Generation]:
        """Translate one batch and report outputs that reached the length cap."""
        if not texts:
            return []
        chosen = decoding or self.decoding
        return halving(lambda part: self._generate(part, src_lang, chosen, self.model), texts,
                       on_halve=_free_gpu_memory)

    def _generate(self, texts: Sequence[str], src_lang: str, decoding: Decoding,
                  model: Any) -> list[Generation]:
        import torch
        from transformers import LogitsProcessorList

        self.set_source(src_lang)
        encoded = self.tokenizer(list(texts), return_tensors="pt", padding=True)
        input_len = int(encoded["input_ids"].shape[1])
        if input_len > self._limit:
            raise ValueError(f"a segment has {input_len} tokens, over the model's limit of "
                             f"{self._limit}; split it first (the pipeline does)")
        encoded = encoded.to(self.device)
        cap = output_cap(input_len, self._limit)
        # max_length=None: the model's own max_length (512 for opus-mt) yields to our cap.
        count = decoding.hypotheses
        kwargs: dict[str, Any] = {"num_beams": max(decoding.beams, count),
                                  "max_new_tokens": cap, "max_length": None}
        if count > 1:
            kwargs["num_return_sequences"] = count
        if decoding.no_repeat_ngram_size:
            kwargs["no_repeat_ngram_size"] = decoding.no_repeat_ngram_size
        if decoding.repetition_penalty != 1.0:
            kwargs["repetition_penalty"] = decoding.repetition_penalty
        if self._english_id is not None:
            kwargs["forced_bos_token_id"] = self._english_id
        watch = NonFiniteWatch()
        half = model.dtype in (torch.float16, torch.bfloat16)
        if half:
            kwargs["logits_processor"] = LogitsProcessorList([watch])
        with torch.inference_mode():
            generated = model.generate(**encoded, **kwargs)
        if half and watch.seen:
            return self._generate(texts, src_lang, decoding, self.float32_model())
        decoded: list[str] = self.tokenizer.batch_decode(generated, skip_special_tokens=True)
        if count > 1:  # each input's rows, repeated for its hypotheses
            encoded = {k: v.repeat_interleave(count, dim=0) for k, v in encoded.items()}
        scores = self._scores(model, encoded, generated)
        # A sequence ended by itself when an end-of-sequence token comes before its last
        # position: opus-mt forces "</s>" at the cap (forced_eos_token_id), so one found only
        # there means the output was cut off.
        eos = model.generation_config.eos_token_id
        eos_ids = set(eos if isinstance(eos, list) else [eos])
        new_tokens = int(generated.shape[1]) - 1
        found = [Generation(text.strip(), hit_cap=new_tokens >= cap
                            and not _ended_early(row[1:], eos_ids, cap), score=score)
                 for text, row, score in zip(decoded, generated, scores, strict=True)]
        return [replace(found[i], alternatives=tuple(found[i + 1:i + count]))
                for i in range(0, len(found), count)]

    def _scores(self, model: Any, encoded: Any, generated: Any) -> list[float | None]:
        """The mean log-probability the model gives each output's tokens up to and with its
        end token (teacher-forced, without decoding penalties; NLLB's forced language token
        left out): the same quantity the CTranslate2 engine reports."""
        import torch

        targets = generated[:, 1:]
        with torch.inference_mode():
            logits = model(**encoded, decoder_input_ids=generated[:, :-1]).logits
        log_probs = torch.log_softmax(logits.float(), dim=-1).gather(
            -1, targets.unsqueeze(-1)).squeeze(-1)
        eos = model.generation_config.eos_token_id
        eos_ids = set(eos if isinstance(eos, list) else [eos])
        pad = model.generation_config.pad_token_id
        start = 1 if self._english_id is not None else 0
        scores: list[float | None] = []
        for row, values in zip(targets.tolist(), log_probs.tolist(), strict=True):
            kept: list[float] = []
            for index, token in enumerate(row):
                if index < start or (token == pad and token not in eos_ids):
                    continue
                kept.append(values[index])
                if token in eos_ids:
                    break
            scores.append(mean_log_prob(kept))
        return scores

    def float32_model(self) -> Any:
        """A float32 copy of the model, made on first need (the half-precision fallback)."""
        import torch

        if self.model.dtype == torch.float32:
            return self.model
        if self._float32 is None:
            _, model = load_seq2seq(self.ref, torch.float32, dict(self._hf_kwargs))
            self._float32 = model.to(self.device).eval()
        return self._float32


def _ended_early(new_tokens: Any, eos_ids: set[int], cap: int) -> bool:
    """Whether an end-of-sequence token occurs before the last of ``cap`` new tokens."""
    return any(int(token) in eos_ids for token in new_tokens[:cap - 1])


class NonFiniteWatch:
    """A logits processor that notes NaN or +inf scores and changes nothing.

    ``-inf`` is normal: forced-BOS and bad-words processors use it to mask tokens.
    """

    def __init__(self) -> None:
        self.seen = False

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        import torch

        if not self.seen and bool((torch.isnan(scores) | torch.isposinf(scores)).any()):
            self.seen = True
        return scores


def _free_gpu_memory() -> None:
    import torch

    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def load_seq2seq(ref: ModelRef, dtype: Any, hf_kwargs: dict[str, Any]) -> tuple[Any, Any]:
    """The tokenizer and sequence-to-sequence model of ``ref`` (weights in ``dtype``).

    Raises:
        ModelUnavailableError: they cannot be loaded.
    """
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    source = str(ref.local_dir) if ref.local_dir is not None else ref.name
    tokenizer_kwargs = {k: v for k, v in hf_kwargs.items() if k in TOKENIZER_KWARGS}
    try:
        tokenizer = AutoTokenizer.from_pretrained(source, **tokenizer_kwargs)
        model = AutoModelForSeq2SeqLM.from_pretrained(source, dtype=dtype, **hf_kwargs)
    except Exception as exc:  # transformers raises OSError, ValueError, KeyError …
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelUnavailableError(f"cannot load model {ref.name}: {message}") from exc
    return tokenizer, model
