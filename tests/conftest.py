"""Shared fixtures: tiny real models, built once per test run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tiny_models import build_bart, build_marian, build_nllb

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A tiny MarianMT and a tiny NLLB-shaped model with real SentencePiece tokenizers."""
    root = tmp_path_factory.mktemp("tiny-models")
    return {"marian": build_marian(root / "marian"), "nllb": build_nllb(root / "nllb")}


@pytest.fixture(scope="session")
def mute_marian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny MarianMT that ends every output at once (a large end-of-sequence bias): each
    sentence comes back empty, below the length cap, so it is retried with safer decoding."""
    return build_marian(tmp_path_factory.mktemp("mute") / "marian", logit_bias={"</s>": 50.0})


@pytest.fixture(scope="session")
def stuck_marian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny MarianMT stuck on one word ("the the the …"): what safer decoding must break."""
    return build_marian(tmp_path_factory.mktemp("stuck") / "marian", logit_bias={"▁the": 30.0})


@pytest.fixture(scope="session")
def seed_model_args(tiny_models: dict[str, Path]) -> list[str]:
    """CLI flags that point every seed language at the tiny models."""
    marian = str(tiny_models["marian"])
    return ["--model", f"tr={marian}", "--model", f"de={marian}", "--model", f"it={marian}",
            "--nllb-model", str(tiny_models["nllb"])]


@pytest.fixture(scope="session")
def tiny_bart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny BART summarizer shaped like distilbart-cnn (128 positions, so chunking happens)."""
    return build_bart(tmp_path_factory.mktemp("tiny-bart") / "bart")
