"""Tiny but real translation models for tests and benchmarks.

Random-weight MarianMT (opus-mt shape) and NLLB-shaped M2M100 models with real SentencePiece
tokenizers trained on the seeds and FLORES lines, saved the way ``save_pretrained`` saves hub
models, so tests exercise the real tokenize → generate → decode path without downloads. Their
output is gibberish, which the quality checks must flag.

In transformers 5 ``MarianTokenizer`` is SentencePiece-based (``source.spm``/``target.spm`` plus
``vocab.json``), while ``NllbTokenizer`` is a tokenizers BPE built from a vocabulary and merges:
the NLLB builder trains a BPE SentencePiece model and converts it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).parents[1]

ENGLISH_LINES = [
    "The French start-up Mistral AI raised 1.7 billion euros in a funding round.",
    "The company said on Wednesday that it would build a data centre in Sweden.",
    "Analysts expect revenue of 500 million euros next year.",
    "The chief executive said the investment was a concrete step for Europe.",
]

NLLB_LANGUAGES = ["arb_Arab", "tur_Latn", "deu_Latn", "ita_Latn", "eng_Latn", "fra_Latn",
                  "spa_Latn", "pes_Arab", "rus_Cyrl", "zho_Hans"]


def corpus_lines(per_file: int = 150) -> list[str]:
    """Training text: the seeds, the first FLORES lines of each file, some English."""
    lines: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted((ROOT / "data" / "flores").glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()[:per_file]
    return lines + ENGLISH_LINES


def _train_spm(prefix: Path, vocab_size: int, model_type: str, lines: list[str]) -> Path:
    import sentencepiece as spm

    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_prefix=str(prefix), vocab_size=vocab_size,
        model_type=model_type, character_coverage=1.0, hard_vocab_limit=False,
        unk_id=0, bos_id=-1, eos_id=-1, pad_id=-1, minloglevel=2, num_threads=2)
    return prefix.with_suffix(".model")


def build_marian(out_dir: Path, *, vocab_size: int = 1000, d_model: int = 32, layers: int = 1,
                 heads: int = 2, ffn: int = 64, max_positions: int = 128, seed: int = 0,
                 per_file: int = 150) -> Path:
    """Save a random MarianMT model with a real SentencePiece tokenizer into ``out_dir``.

    With ``d_model=512, layers=6, heads=8, ffn=2048, vocab_size=8000`` (and more training lines,
    ``per_file=997``) it has the opus-mt shape, for benchmarks.
    """
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / "_spm"
    work.mkdir(exist_ok=True)
    model_file = _train_spm(work / "sp", vocab_size, "unigram", corpus_lines(per_file))
    shutil.copy(model_file, out_dir / "source.spm")
    shutil.copy(model_file, out_dir / "target.spm")
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(model_file))
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    vocab = {"</s>": 0, "<unk>": 1}
    for piece in pieces:
        vocab.setdefault(piece, len(vocab))
    pad = len(vocab)
    vocab["<pad>"] = pad
    (out_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(work)
    tokenizer = MarianTokenizer(str(out_dir / "source.spm"), str(out_dir / "target.spm"),
                                str(out_dir / "vocab.json"), source_lang="mul",
                                target_lang="en", model_max_length=max_positions)
    tokenizer.save_pretrained(out_dir)
    config = MarianConfig(
        vocab_size=len(vocab), d_model=d_model, encoder_layers=layers, decoder_layers=layers,
        encoder_attention_heads=heads, decoder_attention_heads=heads, encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn, max_position_embeddings=max_positions, pad_token_id=pad,
        eos_token_id=0, decoder_start_token_id=pad, forced_eos_token_id=0,
        scale_embedding=True, share_encoder_decoder_embeddings=True)
    torch.manual_seed(seed)
    model = MarianMTModel(config).eval()
    model.generation_config.bad_words_ids = [[pad]]
    model.generation_config.num_beams = 4
    model.generation_config.max_length = max_positions
    model.save_pretrained(out_dir)
    return out_dir


def build_nllb(out_dir: Path, *, vocab_size: int = 1000, d_model: int = 32, layers: int = 1,
               heads: int = 2, ffn: int = 64, max_positions: int = 128, seed: int = 0) -> Path:
    """Save a random NLLB-200-shaped M2M100 model with a real NLLB tokenizer into ``out_dir``."""
    import torch
    from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer
    from transformers.convert_slow_tokenizer import SentencePieceExtractor

    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / "_spm"
    work.mkdir(exist_ok=True)
    model_file = _train_spm(work / "sp", vocab_size, "bpe", corpus_lines())
    from tokenizers.models import BPE

    extracted = SentencePieceExtractor(str(model_file)).extract(BPE)
    spm_vocab, merges = extracted["vocab"], extracted["merges"]
    shutil.rmtree(work)
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for piece in sorted(spm_vocab, key=lambda p: spm_vocab[p]):
        vocab.setdefault(piece, len(vocab))
    tokenizer = NllbTokenizer(vocab=vocab, merges=merges, src_lang="tur_Latn",
                              tgt_lang="eng_Latn", extra_special_tokens=NLLB_LANGUAGES,
                              model_max_length=max_positions)
    tokenizer.save_pretrained(out_dir)
    config = M2M100Config(
        vocab_size=len(tokenizer), d_model=d_model, encoder_layers=layers,
        decoder_layers=layers, encoder_attention_heads=heads, decoder_attention_heads=heads,
        encoder_ffn_dim=ffn, decoder_ffn_dim=ffn, max_position_embeddings=max_positions,
        pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2,
        scale_embedding=True)
    torch.manual_seed(seed)
    model = M2M100ForConditionalGeneration(config).eval()
    model.generation_config.max_length = max_positions
    model.save_pretrained(out_dir)
    return out_dir


def populate_hf_cache(model_dir: Path, repo_id: str, cache_dir: Path,
                      revision: str = "0123456789abcdef0123456789abcdef01234567") -> str:
    """Place a saved model into a Hugging Face hub cache as if downloaded (for offline tests)."""
    repo = cache_dir / f"models--{repo_id.replace('/', '--')}"
    snapshot = repo / "snapshots" / revision
    snapshot.mkdir(parents=True, exist_ok=True)
    for file in model_dir.iterdir():
        if file.is_file():
            shutil.copy(file, snapshot / file.name)
    (repo / "refs").mkdir(exist_ok=True)
    (repo / "refs" / "main").write_text(revision, encoding="utf-8")
    return revision


def build_all(root: Path) -> dict[str, Path]:
    """Build the default tiny Marian and NLLB models under ``root``."""
    return {"marian": build_marian(root / "marian"), "nllb": build_nllb(root / "nllb")}
