"""A real run folder to review: two seed articles (Turkish, Arabic) through the tiny models."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from summarize.cli import main

SEEDS = Path(__file__).parents[2] / "seeds"
TURKISH = SEEDS / "000_10d260935c3fa862.txt"
ARABIC = SEEDS / "001_d92bc0604846662d.txt"


@dataclass(frozen=True)
class RunFolder:
    """A run folder and the cache folder its run used."""

    out: Path
    cache: Path


def run_args(tiny_models: dict[str, Path]) -> list[str]:
    """The flags that translate the two seeds with the tiny models, fast."""
    return ["--quiet", "--beams", "1", "--no-retry", "--model", f"tr={tiny_models['marian']}",
            "--nllb-model", str(tiny_models["nllb"])]


@pytest.fixture(scope="session")
def review_run(tmp_path_factory: pytest.TempPathFactory,
               tiny_models: dict[str, Path]) -> RunFolder:
    """One `summarize run` of the Turkish and Arabic seeds (never changed: copy it)."""
    root = tmp_path_factory.mktemp("review-run")
    out, cache = root / "out", root / "cache"
    code = main(["run", str(TURKISH), str(ARABIC), "--out", str(out), "--cache", str(cache),
                 *run_args(tiny_models)])
    assert code == 0
    return RunFolder(out, cache)


@pytest.fixture
def run_copy(review_run: RunFolder, tmp_path: Path) -> RunFolder:
    """A copy of the reviewed run and its cache, for a test to change."""
    out, cache = tmp_path / "out", tmp_path / "cache"
    shutil.copytree(review_run.out, out)
    shutil.copytree(review_run.cache, cache)
    return RunFolder(out, cache)
