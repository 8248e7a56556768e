"""Summarizers: per-document digests with evidence ids."""

from __future__ import annotations

from summarize.digest.abstractive import AbstractiveSummarizer
from summarize.digest.base import Summarizer
from summarize.digest.extractive import ExtractiveSummarizer
from summarize.options import DigestOptions, TranslationOptions

__all__ = ["AbstractiveSummarizer", "ExtractiveSummarizer", "Summarizer", "make_summarizer"]


def make_summarizer(digest: DigestOptions,
                    translation: TranslationOptions | None = None) -> Summarizer:
    """The summarizer the options ask for (the abstractive one on ``summarizer_device``;
    ``translation`` passes its ``hf_kwargs`` such as a token)."""
    if digest.summarizer == "extractive":
        return ExtractiveSummarizer()
    return AbstractiveSummarizer(digest.summarizer_model, device=digest.summarizer_device,
                                 dtype=digest.summarizer_dtype,
                                 allow_unsupported=digest.allow_unsupported)
