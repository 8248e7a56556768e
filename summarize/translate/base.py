"""The translator interface: one method to implement, conveniences in the base class."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

ProgressCallback = Callable[[int], None]
"""Called with the number of segments just finished."""


@dataclass(frozen=True)
class Generation:
    """One translated segment.

    Attributes:
        text: The English output.
        hit_cap: Generation stopped at the output-length cap, so the text may be cut short.
    """

    text: str
    hit_cap: bool = False


BatchCallback = Callable[[Sequence[int], Sequence["Generation"]], None]
"""Called with the input indices of a finished batch and their outputs."""


class Translator(ABC):
    """Translates batches of segments in one source language into English.

    A backend implements :meth:`translate_batch`. The base class adds length-sorted batching
    (:meth:`translate`), token counting and the signature recorded in every output.
    """

    #: Engine name recorded in outputs (``identity``, ``transformers``, ``ctranslate2``).
    engine: str = "custom"

    @abstractmethod
    def translate_batch(self, texts: Sequence[str], src_lang: str) -> list[str]:
        """Translate one batch of segments from ``src_lang`` (ISO 639-1) into English.

        Returns one English string per input, in order.
        """

    def generate_batch(self, texts: Sequence[str], src_lang: str, *,
                       safer: bool = False) -> list[Generation]:
        """Translate one batch with details; ``safer`` asks for settings that avoid repetition.

        Backends that can tell when output hit its length cap, or that have safer decoding
        settings (the transformers engine), override this; the default wraps
        :meth:`translate_batch`.
        """
        return [Generation(text) for text in self.translate_batch(texts, src_lang)]

    def generate_batches(self, batches: Sequence[Sequence[str]], src_lang: str, *,
                         safer: bool = False) -> Iterator[list[Generation]]:
        """Translate several batches, yielding each one's outputs in order as it finishes.

        One batch at a time by default; an engine that can run batches side by side
        (CTranslate2 on CPU) overrides this. Each batch's outputs are what
        :meth:`generate_batch` gives for it alone.
        """
        for batch in batches:
            yield self.generate_batch(batch, src_lang, safer=safer)

    @property
    def max_input_tokens(self) -> int | None:
        """The most input tokens one segment may have; ``None`` when unlimited."""
        return None

    def count_tokens(self, text: str, src_lang: str) -> int:
        """How many input tokens ``text`` takes (whitespace words unless overridden)."""
        return len(text.split())

    def signature(self) -> dict[str, Any]:
        """How this translator was made: engine, model, revision, device, settings."""
        return {"engine": self.engine, "model": type(self).__name__}

    def cache_signature(self) -> dict[str, Any]:
        """What identifies this translator's output in the cache (no model load needed)."""
        return self.signature()

    def load(self) -> None:  # noqa: B027 - a hook: most translators have nothing to load
        """Load the model now if it is loaded lazily (a no-op by default)."""

    def translate(self, texts: Sequence[str], src_lang: str, *, batch_size: int = 16,
                  progress: ProgressCallback | None = None, safer: bool = False,
                  on_batch: BatchCallback | None = None,
                  batch_tokens: int | None = None) -> list[Generation]:
        """Translate any number of segments in length-sorted batches; output keeps input order.

        Sorting by length keeps padding low; the result is re-ordered to match ``texts``.
        ``progress`` is called after every batch with the number of segments it held, and
        ``on_batch`` with the batch's input indices and outputs (to save work as it finishes).
        With ``batch_tokens``, a batch holds as many segments as fit that many padded input
        tokens (at least one), instead of ``batch_size`` segments.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        results: list[Generation] = [Generation("")] * len(texts)
        plan = self.plan_batches(texts, src_lang, batch_size, batch_tokens)
        batches = [[texts[i] for i in indices] for indices in plan]
        finished = self.generate_batches(batches, src_lang, safer=safer)
        for indices, batch, outputs in zip(plan, batches, finished, strict=True):
            if len(outputs) != len(batch):
                raise RuntimeError(f"{type(self).__name__} returned {len(outputs)} outputs "
                                   f"for {len(batch)} inputs")
            for index, output in zip(indices, outputs, strict=True):
                results[index] = output
            if on_batch is not None:
                on_batch(indices, outputs)
            if progress is not None:
                progress(len(batch))
        return results

    def plan_batches(self, texts: Sequence[str], src_lang: str, batch_size: int,
                     batch_tokens: int | None = None) -> list[list[int]]:
        """Batches of input indices sorted by token length, by count or by padded-token budget.

        Sorting by the model's own token counts (not characters) keeps padding, and the output
        cap each batch takes from its longest input, as low as they can be.

        :meth:`translate` runs these batches in order; the batches decide the padding, so the
        same plan gives the same outputs wherever its batches run.
        """
        lengths = [self.count_tokens(text, src_lang) for text in texts]
        order = sorted(range(len(texts)), key=lambda i: lengths[i], reverse=True)
        if batch_tokens is None:
            return [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
        batches: list[list[int]] = []
        for index in order:  # longest first: the first item of a batch sets its padding
            if batches and lengths[batches[-1][0]] * (len(batches[-1]) + 1) <= batch_tokens:
                batches[-1].append(index)
            else:
                batches.append([index])
        return batches


class IdentityTranslator(Translator):
    """Returns the input unchanged: used for English documents."""

    engine = "identity"

    def translate_batch(self, texts: Sequence[str], src_lang: str) -> list[str]:
        """Return ``texts`` as they are."""
        return list(texts)

    def signature(self) -> dict[str, Any]:
        """The identity translator has no model."""
        return {"engine": self.engine, "model": None}
