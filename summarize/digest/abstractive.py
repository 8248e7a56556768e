"""Abstractive digests: a summarization model (distilled BART on CNN/DailyMail by default).

The article's usable sentences (no headings, site boilerplate or repeated paragraphs) are packed
into chunks within the model's input limit, cutting inside a sentence only when that sentence
alone is over the limit; nothing is truncated. Each chunk is summarized; when there are
several, each summary is at most half its chunk, and the summaries are packed and summarized
again until one summary remains (at most ``MAX_ROUNDS`` rounds; past that the summaries are
kept side by side).

Generation follows the model's own summarization settings (beams, length penalty, no-repeat
n-grams, minimum and maximum length), except that the minimum is at most half the input and the
maximum at most the input, so a short article is neither padded out to 56 tokens nor
answered with more text than it has. The settings are recorded in :meth:`signature`.

Every generated sentence is aligned to the source sentences it rests on (its evidence) and
checked by ``summarize.digest.faithfulness``; a sentence that fails is replaced by the
best-matching source sentence, quoted verbatim and marked, unless ``allow_unsupported``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from summarize.digest.base import Summarizer
from summarize.digest.extractive import EXCLUDED_FLAGS, eligible
from summarize.digest.faithfulness import align, best_match, check
from summarize.options import DEFAULT_SUMMARIZER_MODEL
from summarize.records import DigestLine, Flag, SentenceRecord

MAX_ROUNDS = 3
#: Used for settings a model does not state (those of BART fine-tuned on CNN/DailyMail).
FALLBACK_SETTINGS: dict[str, Any] = {"num_beams": 4, "length_penalty": 2.0, "max_length": 142,
                                     "min_length": 56, "no_repeat_ngram_size": 3,
                                     "early_stopping": True}
_SETTING_KEYS = tuple(FALLBACK_SETTINGS)


def usable(record: SentenceRecord) -> bool:
    """Whether a sentence goes into the model's input (body text only)."""
    return bool(record.english.strip()) and not record.heading and not any(
        flag.code in EXCLUDED_FLAGS for flag in record.flags)


class AbstractiveSummarizer(Summarizer):
    """Writes digests with a sequence-to-sequence summarization model, checked for faithfulness.

    Args:
        model: Hub id or local directory of the model.
        device: ``auto``, ``cpu`` or ``cuda``.
        dtype: ``auto``, ``float32``, ``float16`` or ``bfloat16``.
        allow_unsupported: Keep generated sentences that fail the faithfulness check (flagged)
            instead of replacing them by source sentences.
        hf_kwargs: Extra ``from_pretrained`` arguments.
    """

    name = "abstractive"
    uses_model = True

    def __init__(self, model: str = DEFAULT_SUMMARIZER_MODEL, *, device: str = "auto",
                 dtype: str = "auto", allow_unsupported: bool = False,
                 hf_kwargs: Mapping[str, Any] | None = None) -> None:
        self.model_name = model
        self.allow_unsupported = allow_unsupported
        self._device_choice = device
        self._dtype_choice = dtype
        self._hf_kwargs = dict(hf_kwargs or {})
        self.ref: Any = None
        self._model: Any = None
        self._tokenizer: Any = None
        self._loaded: dict[str, Any] = {}
        self.settings: dict[str, Any] = {}
        self.limit = 0

    def preflight(self) -> None:
        """Check that the model can be found (raises ``ModelUnavailableError`` at once)."""
        from summarize.translate.hub import resolve_model

        if self.ref is None:
            self.ref = resolve_model(self.model_name, purpose="summarization",
                                     revision=self._hf_kwargs.get("revision"))

    def load(self) -> None:
        """Load the model and tokenizer (once)."""
        if self._model is not None:
            return
        self.preflight()
        from summarize.device import resolve_device, resolve_dtype
        from summarize.translate.hf import load_seq2seq
        from summarize.translate.tokenizer import config_limit

        device = resolve_device(self._device_choice)
        dtype = resolve_dtype(self._dtype_choice, device)
        self._tokenizer, model = load_seq2seq(self.ref, dtype, self._hf_kwargs)
        self._model = model.to(device).eval()
        self.limit = config_limit(model.config, self._tokenizer)
        stated = dict((getattr(model.config, "task_specific_params", None) or {})
                      .get("summarization", {}))
        generation = model.generation_config
        for key in _SETTING_KEYS:
            value = getattr(generation, key, None)
            if key not in stated and value is not None and value != _library_default(key):
                stated[key] = value
        self.settings = {key: stated.get(key, FALLBACK_SETTINGS[key]) for key in _SETTING_KEYS}
        # Lengths are set per chunk (min_new_tokens / max_new_tokens); the model's own
        # min_length and max_length would only clash with them.
        generation.min_length = None
        generation.max_length = None
        self._loaded = {"device": device, "dtype": str(dtype).removeprefix("torch.")}

    def signature(self) -> dict[str, Any]:
        """Model, revision, device, generation settings and the faithfulness policy."""
        signature: dict[str, Any] = {
            "summarizer": self.name, "model": self.model_name,
            "revision": getattr(self.ref, "revision", None),
            "allow_unsupported": self.allow_unsupported,
            "length_rule": "min_new_tokens = min(min_length, input // 2), max_new_tokens = "
                           "min(max_length, input, or input // 2 for one chunk of several)"}
        if self._model is not None:
            signature.update(self._loaded, max_input_tokens=self.limit, **self.settings)
        return signature

    def digest(self, sentences: Sequence[SentenceRecord], n: int) -> list[DigestLine]:
        """About ``n`` generated sentences, each with evidence ids and faithfulness flags."""
        pool = [r for r in sentences if usable(r)]
        if not pool:
            return []
        self.load()
        chunks = self.chunks([r.english for r in pool])
        shrink = len(chunks) > 1
        summaries = [self.summarize(chunk, shrink=shrink) for chunk in chunks]
        rounds = 1
        while len(summaries) > 1 and rounds < MAX_ROUNDS:
            chunks = self.chunks(summaries)
            summaries = [self.summarize(chunk, shrink=len(chunks) > 1) for chunk in chunks]
            rounds += 1
        from summarize.segment import split_sentences

        generated = list(dict.fromkeys(
            s.strip() for summary in summaries for s in split_sentences(summary, "en")
            if s.strip()))
        context = " ".join(r.english for r in sentences)
        quotable = [r for r in pool if eligible(r)] or pool
        lines: list[DigestLine] = []
        quoted: set[str] = set()
        for text in generated:
            if len(lines) >= n:
                break
            evidence = align(text, pool, context)
            flags = check(text, evidence, context)
            if not flags or self.allow_unsupported:
                lines.append(DigestLine(text, tuple(sorted(r.id for r in evidence)),
                                        "abstractive", tuple(flags)))
                continue
            replacement = best_match(text, quotable, quoted)
            if replacement is None:
                continue
            quoted.add(replacement.id)
            reasons = "; ".join(f"{f.code}: {f.reason}" for f in flags)
            lines.append(DigestLine(
                replacement.english, (replacement.id,), "extractive",
                (Flag("replaced", f"quoted instead of the generated sentence, which failed "
                      f"the faithfulness check ({reasons})", 1),), replaced=text))
        return lines

    def count_tokens(self, text: str) -> int:
        """Input tokens of ``text`` without the special tokens."""
        return len(self._tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"])

    def chunks(self, texts: Sequence[str]) -> list[str]:
        """Pack texts (sentences or summaries) into chunks within the input limit."""
        from summarize.segment import chunk_to_budget

        budget = max(8, self.limit - self._tokenizer.num_special_tokens_to_add())
        packed: list[str] = []
        current, used = "", 0
        for text in texts:
            size = self.count_tokens(text)
            pieces = [text] if size <= budget else chunk_to_budget(text, self.count_tokens,
                                                                   budget)
            for piece in pieces:
                size = self.count_tokens(piece)
                if current and used + size + 1 > budget:
                    packed.append(current)
                    current, used = "", 0
                current = f"{current} {piece}" if current else piece
                used += size + 1
        if current:
            packed.append(current)
        return packed

    def summarize(self, text: str, *, shrink: bool = False) -> str:
        """Summarize one chunk that fits the input limit.

        With ``shrink`` (one chunk of several) the summary is at most half the chunk, so that
        the summaries of all chunks fit in fewer chunks for the next round.
        """
        import torch

        encoded = self._tokenizer([text], return_tensors="pt").to(self._model.device)
        length = int(encoded["input_ids"].shape[1])
        if length > self.limit:
            raise ValueError(f"a chunk has {length} tokens, over the model's {self.limit}")
        settings = self.settings
        minimum = min(int(settings["min_length"]), length // 2)
        ceiling = length // 2 if shrink else length
        maximum = min(int(settings["max_length"]), max(ceiling, minimum + 1))
        with torch.inference_mode():
            output = self._model.generate(
                **encoded, num_beams=int(settings["num_beams"]),
                length_penalty=float(settings["length_penalty"]),
                no_repeat_ngram_size=int(settings["no_repeat_ngram_size"]),
                early_stopping=settings["early_stopping"], min_new_tokens=minimum,
                max_new_tokens=maximum)
        decoded: str = self._tokenizer.batch_decode(output, skip_special_tokens=True)[0]
        return " ".join(decoded.split())


def _library_default(key: str) -> Any:
    from transformers import GenerationConfig

    return getattr(GenerationConfig(), key, None)  # type: ignore[no-untyped-call]
