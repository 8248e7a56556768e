"""Progress bars and stage timings: the two things the pipeline reports while it runs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol


class ProgressBar(Protocol):
    """What the pipeline needs of a progress bar (tqdm provides it)."""

    def update(self, n: int = 1) -> Any:
        """Advance by ``n``."""

    def close(self) -> Any:
        """Finish the bar."""


ProgressFactory = Callable[..., ProgressBar]
"""Called as ``factory(total=..., desc=...)``."""


@dataclass
class StageTimer:
    """Wall time per stage name (seconds, summed over repeated entries)."""

    timings: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the ``with`` block under ``name``."""
        start = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start
            self.timings[name] = round(self.timings.get(name, 0.0) + elapsed, 4)


