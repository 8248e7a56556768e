"""The transformers-free tokenizers of the CTranslate2 engine agree with transformers, token for
token, on the FLORES sentences of every seed language, the seeds and odd input."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from summarize.translate.lite import load_lite

ROOT = Path(__file__).parents[2]
FLORES = ROOT / "data" / "flores"
ODD = ["", " ", "  leading and trailing  ", ">>fra<< Bonjour", ">>broken code", "a\u00a0b",
       "Tab\tand\nnewline", "emoji 🙂 and ©®™", "١٢٣ ٤٫٥", "<unk> literal", "x" * 600,
       "İstanbul'da ŞİRKET ıiIİ", "Straße ß ẞ", "l'été dell'anno", "\u200b zero width"]


def texts(language: str) -> list[str]:
    lines = (FLORES / f"{language}-en.src.{language}.txt").read_text(
        encoding="utf-8").splitlines()
    return lines[:250]


def seeds() -> list[str]:
    return [line for path in sorted((ROOT / "seeds").glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("kind", ["marian", "nllb"])
def test_lite_tokenizers_match_transformers(kind: str, tiny_models: dict[str, Path]) -> None:
    from transformers import AutoTokenizer

    folder = tiny_models[kind]
    lite = load_lite(folder)
    assert lite is not None
    reference = AutoTokenizer.from_pretrained(str(folder))
    checked = 0
    for language in ("tr", "ar", "de", "it"):
        if kind == "nllb":
            reference.src_lang = {"tr": "tur_Latn", "ar": "arb_Arab", "de": "deu_Latn",
                                  "it": "ita_Latn"}[language]
        for text in [*texts(language), *seeds(), *ODD]:
            expected = reference.convert_ids_to_tokens(reference(text)["input_ids"])
            assert lite.tokens(text, language) == expected, text
            checked += 1
    assert checked > 1000
    english = (FLORES / "tr-en.ref.en.txt").read_text(encoding="utf-8").splitlines()[:200]
    vocabulary = list(reference.get_vocab())
    chance = random.Random(3)
    outputs = [reference.convert_ids_to_tokens(reference(t)["input_ids"]) for t in english]
    outputs += [chance.sample(vocabulary, 12) for _ in range(200)]  # what a random model says
    for tokens in outputs:
        ids = reference.convert_tokens_to_ids(tokens)
        assert lite.detokenize(tokens) == reference.decode(ids, skip_special_tokens=True)


def test_models_with_other_tokenizers_get_none(tmp_path: Path,
                                               tiny_models: dict[str, Path]) -> None:
    import shutil

    assert load_lite(None) is None
    assert load_lite(tmp_path) is None  # no tokenizer files at all
    separate = tmp_path / "separate"
    shutil.copytree(tiny_models["marian"], separate)
    config = (separate / "tokenizer_config.json").read_text(encoding="utf-8")
    (separate / "tokenizer_config.json").write_text(
        config.replace('"separate_vocabs": false', '"separate_vocabs": true'), encoding="utf-8")
    assert load_lite(separate) is None
