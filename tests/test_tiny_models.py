"""The tiny real models: hub-shaped files, real tokenizers, real generate, offline hub loading."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tests.tiny_models import build_all, build_marian, corpus_lines, populate_hf_cache

SENTENCES = {
    "tr": "Şirket, 2023'te kurulduğunu ve İsveç'te 1,2 milyar euro yatırım yapacağını açıkladı.",
    "ar": "أعلنت الشركة يوم الأربعاء أنها ستستثمر 1.2 مليار يورو في السويد.",
    "de": "Das Unternehmen kündigte am Mittwoch Investitionen in Höhe von 1,2 Milliarden Euro an.",
    "it": "L'azienda ha annunciato mercoledì un investimento di 1,2 miliardi di euro.",
}
NLLB_CODES = {"tr": "tur_Latn", "ar": "arb_Arab", "de": "deu_Latn", "it": "ita_Latn"}
BATCH = [SENTENCES["tr"], "Tesis 2027'de açılacak.", "Yatırımın odağında veri merkezleri var."]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both tiny models, built once per test run."""
    return build_all(tmp_path_factory.mktemp("tiny-built"))


@pytest.fixture(scope="session")
def loaded(built: dict[str, Path]) -> dict[str, tuple[Any, Any]]:
    """(tokenizer, model) per kind, loaded through the Auto classes."""
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    return {kind: (AutoTokenizer.from_pretrained(path),
                   AutoModelForSeq2SeqLM.from_pretrained(path).eval())
            for kind, path in built.items()}


def normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def generate(tokenizer: Any, model: Any, texts: list[str], **kwargs: Any) -> Any:
    """Greedy by default; ``max_length=None`` lets ``max_new_tokens`` govern without a warning."""
    import torch

    encoded = tokenizer(texts, return_tensors="pt", padding=True)
    kwargs = {"num_beams": 1, "max_new_tokens": 12, "max_length": None, **kwargs}
    with torch.inference_mode():
        return model.generate(**encoded, **kwargs)


def test_corpus_covers_the_scripts_letters_and_digits() -> None:
    text = "\n".join(corpus_lines())
    assert len(corpus_lines()) >= 300
    assert all(ch in text for ch in "çğıİöşüÇĞÖŞÜäßÄÖÜàèéìòù0123456789٠١٢٣٤٥٦٧٨٩")
    assert sum("\u0600" <= ch <= "\u06ff" for ch in text) > 1000  # Arabic script


def test_files_and_configs_are_shaped_like_the_hub_models(built: dict[str, Path]) -> None:
    marian, nllb = built["marian"], built["nllb"]
    assert {p.name for p in marian.iterdir()} == {
        "config.json", "generation_config.json", "model.safetensors", "source.spm",
        "target.spm", "tokenizer_config.json", "vocab.json"}
    assert {p.name for p in nllb.iterdir()} == {
        "config.json", "generation_config.json", "model.safetensors",
        "sentencepiece.bpe.model", "tokenizer.json", "tokenizer_config.json"}
    vocab = json.loads((marian / "vocab.json").read_text(encoding="utf-8"))
    config = json.loads((marian / "config.json").read_text(encoding="utf-8"))
    generation = json.loads((marian / "generation_config.json").read_text(encoding="utf-8"))
    pad = vocab["<pad>"]
    assert (vocab["</s>"], vocab["<unk>"], pad) == (0, 1, len(vocab) - 1)
    assert config["vocab_size"] == len(vocab)
    assert config["pad_token_id"] == config["decoder_start_token_id"] == pad
    assert config["max_position_embeddings"] == 128 and config["share_encoder_decoder_embeddings"]
    assert generation["bad_words_ids"] == [[pad]] and generation["num_beams"] == 4
    nllb_config = json.loads((nllb / "config.json").read_text(encoding="utf-8"))
    assert nllb_config["tokenizer_class"] == "NllbTokenizer"
    assert (nllb_config["pad_token_id"], nllb_config["eos_token_id"],
            nllb_config["decoder_start_token_id"]) == (1, 2, 2)


def test_builds_are_reproducible(built: dict[str, Path], tmp_path: Path) -> None:
    again = build_marian(tmp_path / "again")
    assert {p.name: p.read_bytes() for p in again.iterdir()} == {
        p.name: p.read_bytes() for p in built["marian"].iterdir()}
    other = build_marian(tmp_path / "other", seed=1)
    assert (other / "model.safetensors").read_bytes() != (again / "model.safetensors").read_bytes()
    assert (other / "source.spm").read_bytes() == (again / "source.spm").read_bytes()


def test_auto_classes_resolve_as_for_the_real_models(
        loaded: dict[str, tuple[Any, Any]]) -> None:
    (marian_tok, marian), (nllb_tok, nllb) = loaded["marian"], loaded["nllb"]
    assert (type(marian_tok).__name__, marian_tok.is_fast) == ("MarianTokenizer", False)
    assert (type(nllb_tok).__name__, nllb_tok.is_fast) == ("NllbTokenizer", True)
    assert type(marian).__name__ == "MarianMTModel"
    assert type(nllb).__name__ == "M2M100ForConditionalGeneration"
    for tokenizer, model in (loaded["marian"], loaded["nllb"]):
        assert tokenizer.model_max_length == model.config.max_position_embeddings == 128
        assert len(tokenizer) == model.config.vocab_size
    codes = ["arb_Arab", "tur_Latn", "deu_Latn", "ita_Latn", "eng_Latn", "fra_Latn", "spa_Latn"]
    ids = nllb_tok.convert_tokens_to_ids(codes)
    assert nllb_tok.unk_token_id not in ids and len(set(ids)) == len(codes)
    assert len(nllb_tok.convert_tokens_to_ids(nllb_tok.extra_special_tokens)) >= 200


@pytest.mark.parametrize("kind", ["marian", "nllb"])
@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_tokenizer_round_trip(loaded: dict[str, tuple[Any, Any]], kind: str, lang: str) -> None:
    tokenizer, _ = loaded[kind]
    if kind == "nllb":
        tokenizer.src_lang = NLLB_CODES[lang]
    text = SENTENCES[lang]
    ids = tokenizer(text)["input_ids"]
    assert tokenizer.unk_token_id not in ids
    assert len(ids) < len(text)  # real subwords, not one id per character
    assert normalize(tokenizer.decode(ids, skip_special_tokens=True)) == normalize(text)


@pytest.mark.parametrize("kind", ["marian", "nllb"])
def test_generate_gives_one_string_per_input_deterministically(
        loaded: dict[str, tuple[Any, Any]], kind: str) -> None:
    tokenizer, model = loaded[kind]
    kwargs: dict[str, Any] = {}
    if kind == "nllb":
        tokenizer.src_lang = "tur_Latn"
        kwargs["forced_bos_token_id"] = tokenizer.convert_tokens_to_ids("eng_Latn")
    out = generate(tokenizer, model, BATCH, **kwargs)
    texts = tokenizer.batch_decode(out, skip_special_tokens=True)
    assert len(texts) == len(BATCH) and all(isinstance(t, str) and t.strip() for t in texts)
    assert len(set(texts)) > 1  # outputs depend on the input
    assert out.shape[1] <= 1 + 12  # decoder start + at most max_new_tokens
    assert texts == tokenizer.batch_decode(generate(tokenizer, model, BATCH, **kwargs),
                                           skip_special_tokens=True)
    alone = [tokenizer.batch_decode(generate(tokenizer, model, [t], **kwargs),
                                    skip_special_tokens=True)[0] for t in BATCH]
    assert alone == texts  # padding in a batch does not change greedy output
    beams = generate(tokenizer, model, BATCH, num_beams=4, no_repeat_ngram_size=2, **kwargs)
    assert len(tokenizer.batch_decode(beams, skip_special_tokens=True)) == len(BATCH)
    for row in beams.tolist():
        pairs = [tuple(row[i:i + 2]) for i in range(len(row) - 1)]
        content = [p for p in pairs if not set(p) & set(tokenizer.all_special_ids)]
        assert len(content) == len(set(content))  # no repeated bigram


def test_nllb_input_starts_with_the_source_code_and_output_with_english(
        loaded: dict[str, tuple[Any, Any]]) -> None:
    tokenizer, model = loaded["nllb"]
    english = tokenizer.convert_tokens_to_ids("eng_Latn")
    for lang in ("tr", "ar"):
        tokenizer.src_lang = NLLB_CODES[lang]
        encoded = tokenizer([SENTENCES[lang], "Kısa."], return_tensors="pt", padding=True)
        first = tokenizer.convert_tokens_to_ids(NLLB_CODES[lang])
        assert encoded["input_ids"][:, 0].tolist() == [first, first]
        assert encoded["input_ids"][0, -1].item() == tokenizer.eos_token_id
        out = model.generate(**encoded, forced_bos_token_id=english, max_new_tokens=6,
                             max_length=None)
        assert out[:, 0].tolist() == [model.generation_config.decoder_start_token_id] * 2
        assert out[:, 1].tolist() == [english, english]
        assert not any("eng_Latn" in t for t in tokenizer.batch_decode(
            out, skip_special_tokens=True))


def test_marian_generation_settings_match_opus_mt(loaded: dict[str, tuple[Any, Any]]) -> None:
    tokenizer, model = loaded["marian"]
    pad = tokenizer.pad_token_id
    assert model.generation_config.decoder_start_token_id == pad
    assert model.generation_config.bad_words_ids == [[pad]]
    eos = tokenizer.eos_token_id
    out = generate(tokenizer, model, BATCH, max_new_tokens=8)
    assert out[:, 0].tolist() == [pad] * len(BATCH)
    for row in out[:, 1:].tolist():
        assert pad not in row[:row.index(eos)]  # bad_words_ids: pad only after </s>
    # The random model never ends a sentence, yet opus-mt's forced_eos_token_id makes every
    # capped output end in </s>: "contains </s>" does not mean "finished before the cap".
    assert out.shape[1] == 1 + 8 and out[:, -1].tolist() == [eos] * len(BATCH)
    uncapped = generate(tokenizer, model, BATCH, max_new_tokens=8, forced_eos_token_id=None)
    assert uncapped.shape[1] == 1 + 8 and eos not in uncapped[:, -1].tolist()


def test_over_long_input_fails_for_marian_but_not_for_m2m100(
        loaded: dict[str, tuple[Any, Any]]) -> None:
    text = " ".join([SENTENCES["tr"]] * 12)
    tokenizer, model = loaded["marian"]
    assert len(tokenizer(text)["input_ids"]) > model.config.max_position_embeddings
    with pytest.raises(IndexError, match="index out of range"):
        generate(tokenizer, model, [text], max_new_tokens=2)
    tokenizer, model = loaded["nllb"]  # sinusoidal positions grow on demand: no error at all
    tokenizer.src_lang = "tur_Latn"
    assert generate(tokenizer, model, [text], max_new_tokens=2).shape[0] == 1


def test_hub_ids_load_from_the_populated_cache(built: dict[str, Path], tmp_path: Path) -> None:
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    revision = populate_hf_cache(built["marian"], "Helsinki-NLP/opus-mt-tr-en", tmp_path)
    assert len(revision) == 40
    repo = tmp_path / "models--Helsinki-NLP--opus-mt-tr-en"
    assert (repo / "refs" / "main").read_text(encoding="utf-8") == revision
    snapshot = repo / "snapshots" / revision
    assert (snapshot / "model.safetensors").read_bytes() == (
        built["marian"] / "model.safetensors").read_bytes()
    tokenizer = AutoTokenizer.from_pretrained("Helsinki-NLP/opus-mt-tr-en", cache_dir=tmp_path,
                                              local_files_only=True)
    model = AutoModelForSeq2SeqLM.from_pretrained("Helsinki-NLP/opus-mt-tr-en",
                                                  cache_dir=tmp_path, local_files_only=True)
    assert type(tokenizer).__name__ == "MarianTokenizer"
    assert len(tokenizer.batch_decode(generate(tokenizer, model, BATCH))) == len(BATCH)


OFFLINE_SCRIPT = """
import json
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
from huggingface_hub import constants
result = {"offline": constants.HF_HUB_OFFLINE, "cache": constants.HF_HUB_CACHE}
for repo_id in ("Helsinki-NLP/opus-mt-tr-en", "facebook/nllb-200-distilled-600M"):
    tokenizer = AutoTokenizer.from_pretrained(repo_id)
    model = AutoModelForSeq2SeqLM.from_pretrained(repo_id)
    kwargs = {}
    if "nllb" in repo_id:
        tokenizer.src_lang = "tur_Latn"
        kwargs["forced_bos_token_id"] = tokenizer.convert_tokens_to_ids("eng_Latn")
    encoded = tokenizer(["Merhaba dünya.", "Şirket büyüdü."], return_tensors="pt", padding=True)
    out = model.generate(**encoded, max_new_tokens=5, max_length=None, **kwargs)
    result[repo_id] = [type(tokenizer).__name__, model.config._name_or_path,
                       tokenizer.batch_decode(out, skip_special_tokens=True)]
print(json.dumps(result))
"""


def test_hub_ids_load_offline_through_the_environment(
        built: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """huggingface_hub reads HF_HUB_OFFLINE and HF_HUB_CACHE at import: use a fresh process."""
    populate_hf_cache(built["marian"], "Helsinki-NLP/opus-mt-tr-en", tmp_path)
    populate_hf_cache(built["nllb"], "facebook/nllb-200-distilled-600M", tmp_path)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path))
    monkeypatch.setenv("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    done = subprocess.run([sys.executable, "-c", OFFLINE_SCRIPT], capture_output=True,
                          text=True, timeout=120, env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["offline"] is True and Path(result["cache"]) == tmp_path
    marian_class, marian_name, marian_texts = result["Helsinki-NLP/opus-mt-tr-en"]
    nllb_class, nllb_name, nllb_texts = result["facebook/nllb-200-distilled-600M"]
    assert (marian_class, nllb_class) == ("MarianTokenizer", "NllbTokenizer")
    assert marian_name == "Helsinki-NLP/opus-mt-tr-en"
    assert nllb_name == "facebook/nllb-200-distilled-600M"
    assert len(marian_texts) == len(nllb_texts) == 2
