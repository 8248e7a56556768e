"""The Hugging Face transformers engine: MarianMT (opus-mt) and NLLB-200 / M2M100 models."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from summarize.errors import ModelUnavailableError
from summarize.languages import NLLB_ENGLISH, nllb_code
from summarize.translate.base import Generation, Translator
from summarize.translate.hub import ModelRef

#: Output budget per segment: twice the input tokens plus a margin, capped by the model.
#: Across the FLORES dev sets, English references are at most ~1.6× the source tokens.
OUTPUT_RATIO = 2.0
OUTPUT_MARGIN = 10

_NLLB_TYPES = frozenset({"m2m_100", "nllb-moe"})
#: Token counts remembered per engine (see :meth:`TokenizerEngine.count_tokens`).
COUNT_MEMO = 200_000

#: ``from_pretrained`` arguments that apply to a tokenizer and a config (the rest of
#: ``hf_kwargs`` is for the model weights).
TOKENIZER_KWARGS = frozenset({"revision", "cache_dir", "token", "trust_remote_code",
                              "local_files_only"})


def family_of(config: Any) -> str:
    """``nllb`` for NLLB-200/M2M100 configs, else ``opus-mt``."""
    return "nllb" if getattr(config, "model_type", "") in _NLLB_TYPES else "opus-mt"


def load_tokenizer(ref: ModelRef, hf_kwargs: Mapping[str, Any]) -> tuple[Any, Any]:
    """The model's tokenizer and config, without its weights.

    Raises:
        ModelUnavailableError: they cannot be loaded.
    """
    from transformers import AutoConfig, AutoTokenizer

    source = str(ref.local_dir) if ref.local_dir is not None else ref.name
    kwargs = {k: v for k, v in hf_kwargs.items() if k in TOKENIZER_KWARGS}
    try:
        return (AutoTokenizer.from_pretrained(source, **kwargs),
                AutoConfig.from_pretrained(source, **kwargs))
    except Exception as exc:  # transformers raises OSError, ValueError, KeyError …
        raise ModelUnavailableError(f"cannot load model {ref.name}: {exc}") from exc


class TokenizerEngine(Translator):
    """What the engines that use a model's Hugging Face tokenizer share.

    Subclasses set ``ref``, ``tokenizer``, ``family``, ``device``, ``beams``, ``dtype_name``
    and ``_limit`` when they load the model.
    """

    ref: ModelRef
    tokenizer: Any
    family: str
    device: str
    beams: int
    dtype_name: str
    _limit: int

    @property
    def max_input_tokens(self) -> int:
        """The model's position limit (and the tokenizer's, when it states a smaller one)."""
        return self._limit

    def count_tokens(self, text: str, src_lang: str) -> int:
        """Input tokens of ``text`` including special tokens, as the model will see them.

        Counts are remembered (up to ``COUNT_MEMO`` texts): cutting sentences to the input
        limit and planning batches ask about the same texts.
        """
        counts: dict[tuple[str, str], int] = self.__dict__.setdefault("_counts", {})
        key = (src_lang, text)
        if key not in counts:
            if len(counts) >= COUNT_MEMO:
                counts.clear()
            self._set_source(src_lang)
            counts[key] = len(self.tokenizer(text, verbose=False)["input_ids"])
        return counts[key]

    def signature(self) -> dict[str, Any]:
        """Engine, model id or directory, revision, family, device, dtype and beams."""
        return {"engine": self.engine, "model": self.ref.name, "revision": self.ref.revision,
                "family": self.family, "device": self.device, "dtype": self.dtype_name,
                "beams": self.beams, "max_input_tokens": self._limit}

    def translate_batch(self, texts: Sequence[str], src_lang: str) -> list[str]:
        """Translate one batch; output length is bounded from the input length."""
        return [g.text for g in self.generate_batch(texts, src_lang)]

    def _set_source(self, src_lang: str) -> None:
        if self.family == "nllb":
            self.tokenizer.src_lang = nllb_code(src_lang)


class HFTranslator(TokenizerEngine):
    """Translates with a transformers sequence-to-sequence model loaded once.

    One instance serves every source language its model covers: an opus-mt pair serves one,
    an NLLB model serves all (the source code is set per batch).
    """

    engine = "transformers"

    def __init__(self, ref: ModelRef, *, device: str = "auto", dtype: str = "auto",
                 beams: int = 4, hf_kwargs: Mapping[str, Any] | None = None) -> None:
        from summarize.device import resolve_device, resolve_dtype

        self.ref = ref
        self.beams = beams
        self.device = resolve_device(device)
        self.dtype = resolve_dtype(dtype, self.device)
        self.dtype_name = str(self.dtype).removeprefix("torch.")
        self._hf_kwargs = dict(hf_kwargs or {})
        self._float32: Any = None
        self.tokenizer, self.model = load_seq2seq(ref, self.dtype, self._hf_kwargs)
        self.model.to(self.device)
        self.model.eval()
        self.family = family_of(self.model.config)
        self._limit = input_limit(self.model.config, self.tokenizer)
        self._english_id: int | None = None
        if self.family == "nllb":
            self._english_id = self.tokenizer.convert_tokens_to_ids(NLLB_ENGLISH)
            if self._english_id == self.tokenizer.unk_token_id:
                raise ModelUnavailableError(f"model {ref.name} has no {NLLB_ENGLISH} token: "
                                            "is it really an NLLB-200 model?")

    def generate_batch(self, texts: Sequence[str], src_lang: str, *,
                       safer: bool = False) -> list[Generation]:
        """Translate one batch and report outputs that reached the length cap.

        ``safer`` adds ``no_repeat_ngram_size=3``, a repetition penalty and two more beams:
        the retry for outputs that looked repetitive or far too long. A batch that runs out of
        GPU memory is halved and retried, down to one segment; a half-precision batch whose
        logits turn to NaN or infinity is redone in float32.
        """
        if not texts:
            return []
        try:
            return self._generate(texts, src_lang, safer=safer, model=self.model)
        except Exception as exc:
            if not _is_out_of_memory(exc) or len(texts) == 1:
                raise
        _free_gpu_memory()
        middle = len(texts) // 2
        return (self.generate_batch(texts[:middle], src_lang, safer=safer)
                + self.generate_batch(texts[middle:], src_lang, safer=safer))

    def _generate(self, texts: Sequence[str], src_lang: str, *, safer: bool,
                  model: Any) -> list[Generation]:
        import torch
        from transformers import LogitsProcessorList

        self._set_source(src_lang)
        encoded = self.tokenizer(list(texts), return_tensors="pt", padding=True)
        input_len = int(encoded["input_ids"].shape[1])
        if input_len > self._limit:
            raise ValueError(f"a segment has {input_len} tokens, over the model's limit of "
                             f"{self._limit}; split it first (the pipeline does)")
        encoded = encoded.to(self.device)
        cap = min(self._limit, math.ceil(input_len * OUTPUT_RATIO) + OUTPUT_MARGIN)
        # max_length=None: the model's own max_length (512 for opus-mt) yields to our cap.
        kwargs: dict[str, Any] = {"num_beams": self.beams, "max_new_tokens": cap,
                                  "max_length": None}
        if safer:
            kwargs.update(num_beams=self.beams + 2, no_repeat_ngram_size=3,
                          repetition_penalty=1.2)
        if self._english_id is not None:
            kwargs["forced_bos_token_id"] = self._english_id
        watch = NonFiniteWatch()
        half = model.dtype in (torch.float16, torch.bfloat16)
        if half:
            kwargs["logits_processor"] = LogitsProcessorList([watch])
        with torch.inference_mode():
            generated = model.generate(**encoded, **kwargs)
        if half and watch.seen:
            return self._generate(texts, src_lang, safer=safer, model=self.float32_model())
        decoded: list[str] = self.tokenizer.batch_decode(generated, skip_special_tokens=True)
        # A sequence ended by itself when an end-of-sequence token comes before its last
        # position: opus-mt forces "</s>" at the cap (forced_eos_token_id), so one found only
        # there means the output was cut off.
        eos = model.generation_config.eos_token_id
        eos_ids = set(eos if isinstance(eos, list) else [eos])
        new_tokens = int(generated.shape[1]) - 1
        return [Generation(text.strip(), hit_cap=new_tokens >= cap
                           and not _ended_early(row[1:], eos_ids, cap))
                for text, row in zip(decoded, generated, strict=True)]

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


def _is_out_of_memory(exc: BaseException) -> bool:
    import torch

    return isinstance(exc, torch.OutOfMemoryError) or "out of memory" in str(exc).lower()


def _free_gpu_memory() -> None:
    import torch

    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def load_seq2seq(ref: ModelRef, dtype: Any, hf_kwargs: dict[str, Any]) -> tuple[Any, Any]:
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


#: NLLB-200 has 1,024 positions but was trained on at most 512 tokens, and M2M100 raises no
#: error past its table: the limit must be enforced, not caught.
NLLB_TRAINED_MAX = 512


def input_limit(config: Any, tokenizer: Any) -> int:
    """min(positions, the tokenizer's stated limit), and 512 for NLLB/M2M100 models."""
    limit = int(getattr(config, "max_position_embeddings", 0) or 512)
    if getattr(config, "model_type", "") in _NLLB_TYPES:
        limit = min(limit, NLLB_TRAINED_MAX)
    stated = getattr(tokenizer, "model_max_length", None)
    if isinstance(stated, int) and 0 < stated < limit:
        limit = stated
    return limit
