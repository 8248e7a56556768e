"""Planning on the driver with a model's tokenizer only (no weights)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from summarize.options import TranslationOptions
from summarize.translate.base import Generation
from summarize.translate.hf import TokenizerEngine, family_of, input_limit, load_tokenizer
from summarize.translate.routing import LazyTranslator


class TokenizerView(TokenizerEngine):
    """A model's tokenizer and input limit without its weights: what the driver plans with.

    The tokenizer and config load on first need, as the engines load them, so a run served
    from the cache loads nothing at all.

    Args:
        translator: The router's (unloaded) translator for the model.
        options: Translation options (``hf_kwargs`` that apply to tokenizers are used).
    """

    engine = "tokenizer"

    def __init__(self, translator: LazyTranslator, options: TranslationOptions) -> None:
        self.lazy = translator
        self.ref = translator.ref
        self._kwargs = dict(options.hf_kwargs)
        self._ready = False

    def _load(self) -> None:
        if self._ready:
            return
        self.tokenizer, config = load_tokenizer(self.ref, self._kwargs)
        self.family = family_of(config)
        self._limit = input_limit(config, self.tokenizer)
        self._ready = True

    @property
    def max_input_tokens(self) -> int:
        """The model's input limit, from its config and tokenizer."""
        self._load()
        return self._limit

    def count_tokens(self, text: str, src_lang: str) -> int:
        """Input tokens as the model counts them."""
        self._load()
        return super().count_tokens(text, src_lang)

    def cache_signature(self) -> dict[str, Any]:
        """The model's cache signature (no load needed)."""
        return self.lazy.cache_signature()

    def signature(self) -> dict[str, Any]:
        """The model's signature as known on the driver (not loaded here)."""
        return self.lazy.signature()

    def generate_batch(self, texts: Sequence[str], src_lang: str, *,
                       safer: bool = False) -> list[Generation]:
        """Not available: a view only plans; its batches run on Ray actors."""
        raise NotImplementedError("a TokenizerView plans batches; Ray actors translate them")
