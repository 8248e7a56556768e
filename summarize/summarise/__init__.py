"""Summarisers: per-document digests with evidence ids."""

from __future__ import annotations

from summarize.options import DigestOptions, TranslationOptions
from summarize.summarise.abstractive import AbstractiveSummariser
from summarize.summarise.base import Summariser
from summarize.summarise.extractive import ExtractiveSummariser

__all__ = ["AbstractiveSummariser", "ExtractiveSummariser", "Summariser", "make_summariser"]


def make_summariser(digest: DigestOptions,
                    translation: TranslationOptions | None = None) -> Summariser:
    """The summariser the options ask for (the abstractive one on ``summarizer_device``;
    ``translation`` passes its ``hf_kwargs`` such as a token)."""
    if digest.summarizer == "extractive":
        return ExtractiveSummariser()
    return AbstractiveSummariser(digest.summarizer_model, device=digest.summarizer_device,
                                 dtype=digest.summarizer_dtype,
                                 allow_unsupported=digest.allow_unsupported)
