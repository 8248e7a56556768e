"""How a batch is decoded, in one place: beams, the safer retry recipe, the output-length cap,
and halving a batch that runs out of memory. Every engine uses these."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

#: Output budget per segment: twice the input tokens plus a margin, capped by the model.
#: Across the FLORES dev sets, English references are at most ~1.6× the source tokens.
OUTPUT_RATIO = 2.0
OUTPUT_MARGIN = 10

#: The safer retry: two more beams, no repeated trigram, a repetition penalty.
SAFER_EXTRA_BEAMS = 2
SAFER_NO_REPEAT_NGRAM = 3
SAFER_REPETITION_PENALTY = 1.2


@dataclass(frozen=True)
class Decoding:
    """Decoding settings for one generation pass.

    Attributes:
        beams: Beam size.
        no_repeat_ngram_size: Forbid repeating n-grams of this size (0: allowed).
        repetition_penalty: Penalty on tokens already generated (1.0: none).
        hypotheses: How many of the best hypotheses to return (the first is the output,
            the others its alternatives: a glossary retry picks among them).
    """

    beams: int = 4
    no_repeat_ngram_size: int = 0
    repetition_penalty: float = 1.0
    hypotheses: int = 1

    @property
    def safer_than_default(self) -> bool:
        """Whether this is a retry recipe (repetition suppressed)."""
        return self.no_repeat_ngram_size > 0 or self.repetition_penalty != 1.0

    def n_best(self, count: int = 8) -> Decoding:
        """The same decoding returning the ``count`` best hypotheses (at least as many
        beams)."""
        return replace(self, beams=max(self.beams, count), hypotheses=count)

    def safer(self) -> Decoding:
        """The retry for output that looked repetitive or far too long."""
        return replace(self, beams=self.beams + SAFER_EXTRA_BEAMS,
                       no_repeat_ngram_size=SAFER_NO_REPEAT_NGRAM,
                       repetition_penalty=SAFER_REPETITION_PENALTY)


def output_cap(longest_input: int, limit: int) -> int:
    """The most new tokens a batch may generate: ``2 × longest input + 10``, at most ``limit``."""
    return min(limit, math.ceil(longest_input * OUTPUT_RATIO) + OUTPUT_MARGIN)


def is_out_of_memory(exc: BaseException) -> bool:
    """Whether an engine error is the device running out of memory (torch or CTranslate2)."""
    return type(exc).__name__ == "OutOfMemoryError" or "out of memory" in str(exc).lower()


T = TypeVar("T")


def halving(generate: Callable[[Sequence[str]], list[T]], texts: Sequence[str], *,
            on_halve: Callable[[], None] | None = None) -> list[T]:
    """Run ``generate`` on ``texts``; on out-of-memory, halve the batch and retry each half,
    down to one text (an out-of-memory error on one text is raised)."""
    try:
        return generate(texts)
    except Exception as exc:
        if not is_out_of_memory(exc) or len(texts) <= 1:
            raise
    if on_halve is not None:
        on_halve()
    middle = len(texts) // 2
    return (halving(generate, texts[:middle], on_halve=on_halve)
            + halving(generate, texts[middle:], on_halve=on_halve))


def mean_log_prob(log_probs: Sequence[float]) -> float | None:
    """The model's confidence in an output: the mean log-probability of its tokens (0 is
    certainty; ``None`` when there are no tokens), rounded to 4 places."""
    values = [float(p) for p in log_probs]
    return round(sum(values) / len(values), 4) if values else None
