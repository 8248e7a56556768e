"""The translator interface (one method to implement) and the planner that batches for it.

A backend implements :meth:`Translator.translate_batch`. Engines that know more (the output hit
its length cap, the model's score, safer decoding, batches side by side) override
:meth:`Translator.generate_batch` / :meth:`Translator.generate_batches`.

Planning is apart from translating: a :class:`Planner` counts input tokens and knows the
input limit, which is all it takes to cut sentences into pieces and batches
(:func:`plan_batches`). The engines plan with their model's tokenizer; a plain translator
plans with whitespace words (:class:`WordPlanner`). The driver (``summarize.translate.stage``)
plans with a model's tokenizer alone, so a run served from the cache loads no weights and a
cluster's driver plans the very batches its actors run.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from summarize.translate.decoding import Decoding


@dataclass(frozen=True)
class Generation:
    """One translated segment.

    Attributes:
        text: The English output.
        hit_cap: Generation stopped at the output-length cap, so the text may be cut short.
        score: The model's length-normalized log-probability of the output, when the engine
            reports it (higher is more confident; 0 is certainty).
        alternatives: The next-best hypotheses, when more than one was asked for
            (``Decoding.hypotheses``).
    """

    text: str
    hit_cap: bool = False
    score: float | None = None
    alternatives: tuple[Generation, ...] = ()


class Planner(Protocol):
    """What batching needs to know of a model: its input limit and its token counts."""

    @property
    def max_input_tokens(self) -> int | None:
        """The most input tokens one segment may have; ``None`` when unlimited."""

    def count_tokens(self, text: str, src_lang: str) -> int:
        """How many input tokens ``text`` takes."""


class Translator(ABC):
    """Translates batches of segments in one source language into English.

    Implement :meth:`translate_batch`; the rest has working defaults.
    """

    #: Engine name recorded in outputs (``identity``, ``transformers``, ``ctranslate2``).
    engine: str = "custom"

    @abstractmethod
    def translate_batch(self, texts: Sequence[str], src_lang: str) -> list[str]:
        """Translate one batch of segments from ``src_lang`` (ISO 639-1) into English.

        Returns one English string per input, in order.
        """

    def generate_batch(self, texts: Sequence[str], src_lang: str,
                       decoding: Decoding | None = None) -> list[Generation]:
        """Translate one batch with details, decoded as ``decoding`` asks where the backend
        can (the default wraps :meth:`translate_batch` and ignores it)."""
        return [Generation(text) for text in self.translate_batch(texts, src_lang)]

    def generate_batches(self, batches: Sequence[Sequence[str]], src_lang: str,
                         decoding: Decoding | None = None) -> Iterator[list[Generation]]:
        """Translate several batches, yielding each one's outputs in order as it finishes.

        One batch at a time by default; an engine that can run batches side by side
        (CTranslate2 on CPU) overrides this. Each batch's outputs are what
        :meth:`generate_batch` gives for it alone.
        """
        for batch in batches:
            yield self.generate_batch(batch, src_lang, decoding)

    def planner(self) -> Planner:
        """What plans this translator's batches (whitespace words, no limit, by default)."""
        return WordPlanner()

    def signature(self) -> dict[str, Any]:
        """How this translator was made: engine, model, revision, device, settings."""
        return {"engine": self.engine, "model": type(self).__name__}

    def cache_signature(self) -> dict[str, Any]:
        """What identifies this translator's output in the cache (no model load needed)."""
        return self.signature()

    def load(self) -> None:  # noqa: B027 - a hook: most translators have nothing to load
        """Load the model now if it is loaded lazily (a no-op by default)."""

    def translate(self, texts: Sequence[str], src_lang: str, *, batch_size: int = 16,
                  batch_tokens: int | None = None,
                  decoding: Decoding | None = None) -> list[Generation]:
        """Translate any number of segments in length-sorted batches; output keeps input order.

        A convenience for library use: the pipeline's driver plans, caches and checks around
        :meth:`generate_batches` itself.
        """
        plan = plan_batches(self.planner(), texts, src_lang, batch_size, batch_tokens)
        results: list[Generation] = [Generation("")] * len(texts)
        batches = [[texts[i] for i in indices] for indices in plan]
        for indices, outputs in zip(plan, self.generate_batches(batches, src_lang, decoding),
                                    strict=True):
            check_outputs(self, indices, outputs)
            for index, output in zip(indices, outputs, strict=True):
                results[index] = output
        return results


def check_outputs(translator: Translator, batch: Sequence[object],
                  outputs: Sequence[Generation]) -> None:
    """Raise when a backend returned a different number of outputs than it got inputs."""
    if len(outputs) != len(batch):
        raise RuntimeError(f"{type(translator).__name__} returned {len(outputs)} outputs for "
                           f"{len(batch)} inputs")


class WordPlanner:
    """Plans with whitespace words and no input limit (translators without a tokenizer)."""

    @property
    def max_input_tokens(self) -> int | None:
        """No limit."""
        return None

    def count_tokens(self, text: str, src_lang: str) -> int:
        """Whitespace words."""
        return len(text.split())


def plan_batches(planner: Planner, texts: Sequence[str], src_lang: str, batch_size: int,
                 batch_tokens: int | None = None) -> list[list[int]]:
    """Batches of indices into ``texts``, sorted by token length, by count or by token budget.

    Sorting by the model's own token counts (not characters) keeps padding, and the output cap
    each batch takes from its longest input, as low as they can be. With ``batch_tokens`` a
    batch holds as many segments as fit that many padded input tokens (at least one), instead
    of ``batch_size`` segments. The batches decide the padding, so the same plan gives the same
    outputs wherever its batches run.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    lengths = [planner.count_tokens(text, src_lang) for text in texts]
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
