"""Summarisers: per-document digests with evidence ids."""

from summarize.summarise.base import Summariser
from summarize.summarise.extractive import ExtractiveSummariser

__all__ = ["ExtractiveSummariser", "Summariser"]
