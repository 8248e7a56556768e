"""Summarisers: per-document digests with evidence ids."""

from __future__ import annotations

from summarize.options import DigestOptions, TranslationOptions
from summarize.summarise.abstractive import AbstractiveSummariser
from summarize.summarise.base import Summariser
from summarize.summarise.extractive import ExtractiveSummariser

__all__ = ["AbstractiveSummariser", "ExtractiveSummariser", "Summariser", "make_summariser"]


def make_summariser(digest: DigestOptions,
                    translation: TranslationOptions | None = None) -> Summariser:
    """The summariser the options ask for (the abstractive one runs on ``translation.device``)."""
    if digest.summarizer == "extractive":
        return ExtractiveSummariser()
    translation = translation or TranslationOptions()
    return AbstractiveSummariser(digest.summarizer_model, device=translation.device,
                                 dtype=translation.dtype,
                                 allow_unsupported=digest.allow_unsupported)
