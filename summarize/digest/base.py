"""The summarizer interface: English sentences with ids in, digest lines with evidence out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

from summarize.records import DigestLine, SentenceRecord


class Summarizer(ABC):
    """Writes a digest of one document from its English sentences."""

    name: str = "custom"
    #: Whether it runs a model (a Ray actor then gets a GPU when the cluster has them).
    uses_model: bool = False

    @abstractmethod
    def digest(self, sentences: Sequence[SentenceRecord], n: int) -> list[DigestLine]:
        """Return about ``n`` digest lines, each citing the sentence ids it rests on."""

    def preflight(self) -> None:
        """Check, before any work, that what the summarizer needs can be found."""
        return None

    def signature(self) -> dict[str, Any]:
        """How this summarizer was made, recorded in outputs."""
        return {"summarizer": self.name}
