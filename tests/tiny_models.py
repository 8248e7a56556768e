"""Tiny but real translation models for tests and benchmarks.

Random-weight MarianMT (opus-mt shape) and NLLB-200-shaped M2M100 models with real SentencePiece
tokenizers trained on the fly from the seeds and FLORES lines. They are saved exactly as
``save_pretrained`` saves hub models, so tests exercise the real tokenize → generate → decode path
without downloads. Their output is gibberish, which the quality checks must flag.

In transformers 5 ``MarianTokenizer`` is still the slow, SentencePiece-based tokenizer
(``source.spm``/``target.spm`` plus ``vocab.json``; there is no fast Marian tokenizer), while
``NllbTokenizer`` is a *tokenizers* BPE backend saved as ``tokenizer.json``: the NLLB builder
trains a BPE SentencePiece model (as NLLB's ``sentencepiece.bpe.model`` is) and converts it the
way transformers converts the real one.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Where the training text may live: inside the repository, beside it, or in the workspace.
SEED_DIRS = (ROOT / "seeds", ROOT.parent / "shared" / "seeds", Path("/work/shared/seeds"))
FLORES_DIRS = (ROOT / "data" / "flores", ROOT.parent / "shared" / "data" / "flores",
               Path("/work/shared/data/flores"))

#: Always part of the corpus: English, and every letter and digit the tests rely on, so the
#: tokenizers cover them even when no seed or FLORES file can be found.
BUILTIN_LINES = [
    "The French start-up Mistral AI raised 1.7 billion euros in a funding round.",
    "The company said on Wednesday that it would build a data centre in Sweden.",
    "Analysts expect revenue of 500 million euros next year, up 12% on 2024.",
    "The chief executive said the investment was a concrete step for Europe.",
    "Officials met in Brussels on 3 March to discuss energy prices and inflation.",
    "Şirket, çarşamba günü İsveç'te yapay zekâ altyapısına 1,2 milyar euro yatırım yapacağını "
    "açıkladı. Öğrenciler ğ ı İ ş ü ö ç Ğ Ş Ü Ö Ç harflerini öğreniyor.",
    "Das Unternehmen kündigte am Mittwoch Investitionen in Höhe von 1,2 Milliarden Euro an. "
    "Größere Städte, Übermaß, Äpfel, Öl und Straße.",
    "L'azienda ha annunciato mercoledì un investimento di 1,2 miliardi di euro. Perché è "
    "già così? Più città, però, virtù, caffè, Università.",
    "أعلنت الشركة يوم الأربعاء أنها ستستثمر 1.2 مليار يورو في مراكز البيانات في السويد.",
    "قال المدير التنفيذي إن الاستثمار خطوة ملموسة لأوروبا، وارتفعت الإيرادات بنسبة ١٢٪ في عام "
    "٢٠٢٤ إلى ٣٤٥ مليون يورو. ٠١٢٣٤٥٦٧٨٩",
    "Digits and signs: 0 1 2 3 4 5 6 7 8 9 10 25 100 3.14 1,000 -5 +7 50% € $ £ ( ) [ ] « » "
    "“ ” ‘ ’ \" ' : ; ! ? / & @ # * = – —",
]

#: Language codes registered in every tiny NLLB tokenizer, even where transformers ships fewer.
NLLB_LANGUAGES = ["arb_Arab", "tur_Latn", "deu_Latn", "ita_Latn", "eng_Latn", "fra_Latn",
                  "spa_Latn"]

#: A fixed, fake commit hash for :func:`populate_hf_cache`.
DEFAULT_REVISION = "0123456789abcdef0123456789abcdef01234567"

#: Optional files transformers 5 asks the hub for when loading these models and tokenizers.
PROBED_OPTIONAL_FILES = ("added_tokens.json", "special_tokens_map.json", "chat_template.jinja",
                         "chat_template.json", "tokenizer.json", "target_vocab.json",
                         "model.safetensors.index.json")


def default_init_std(d_model: int) -> float:
    """Weight init scale: ``min(0.5, 3 / sqrt(d_model))``, far above real configs' 0.02.

    At 0.02 a tiny random model ignores its input (every sentence gets the same output); at
    0.5 the outputs differ from input to input. Large models get a smaller scale, so their
    activations stay finite in float16.
    """
    return min(0.5, 3 / d_model**0.5)


def _first_dir(candidates: tuple[Path, ...]) -> Path | None:
    return next((d for d in candidates if d.is_dir() and any(d.glob("*.txt"))), None)


def _read_lines(path: Path, limit: int | None) -> list[str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    return lines if limit is None else lines[:limit]


def corpus_lines(per_file: int | None = 150) -> list[str]:
    """Training text: every seed line, the first ``per_file`` lines of each FLORES file, English.

    Seeds come from ``<repo>/seeds``, else ``<repo>/../shared/seeds``, else
    ``/work/shared/seeds``; FLORES from ``<repo>/data/flores`` or the same shared places. Missing
    folders are skipped; :data:`BUILTIN_LINES` (English, Turkish, German, Italian and Arabic
    letters, digits) are always included. ``per_file=None`` reads whole FLORES files. Duplicate
    lines are dropped, order is kept.
    """
    lines: list[str] = []
    seeds = _first_dir(SEED_DIRS)
    if seeds is not None:
        for path in sorted(seeds.glob("*.txt")):
            lines += _read_lines(path, None)
    flores = _first_dir(FLORES_DIRS)
    if flores is not None:
        for path in sorted(flores.glob("*.txt")):
            lines += _read_lines(path, per_file)
    return list(dict.fromkeys(lines + BUILTIN_LINES))


def _train_spm(lines: list[str], vocab_size: int, model_type: str, **special: int) -> bytes:
    """Train a SentencePiece model in memory and return its serialized proto."""
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=model, vocab_size=vocab_size,
        model_type=model_type, character_coverage=1.0, hard_vocab_limit=False,
        # A small seed vocabulary and fast shrinking keep unigram training well under a second.
        seed_sentencepiece_size=max(3 * vocab_size, 3000), shrinking_factor=0.5,
        num_sub_iterations=1, max_sentence_length=16384, num_threads=2, minloglevel=2,
        **special)
    return model.getvalue()


@contextlib.contextmanager
def _quiet_saving() -> Iterator[None]:
    """Hide the "Writing model shards" progress bar while saving, then restore the setting."""
    from transformers.utils import logging

    was_enabled = logging.is_progress_bar_enabled()
    logging.disable_progress_bar()
    try:
        yield
    finally:
        if was_enabled:
            logging.enable_progress_bar()


def build_marian(out_dir: Path, *, vocab_size: int = 1000, d_model: int = 32, layers: int = 1,
                 heads: int = 2, ffn: int = 64, max_positions: int = 128, seed: int = 0,
                 per_file: int | None = 150, init_std: float | None = None,
                 logit_bias: dict[str, float] | None = None) -> Path:
    """Save a random MarianMT model with a real SentencePiece tokenizer into ``out_dir``.

    The files are those of ``Helsinki-NLP/opus-mt-tr-en``: ``config.json``,
    ``generation_config.json``, ``model.safetensors``, ``source.spm``, ``target.spm``,
    ``vocab.json`` (``</s>`` = 0, ``<unk>`` = 1, the pieces, ``<pad>`` last) and
    ``tokenizer_config.json``. The config mirrors opus-mt: static sinusoidal positions
    (``max_position_embeddings = max_positions``), shared embeddings, swish, scaled embeddings,
    ``decoder_start_token_id = pad_token_id``; the generation config has ``bad_words_ids =
    [[pad]]``, ``num_beams = 4``, ``max_length = max_positions`` and ``forced_eos_token_id = 0``.
    The tokenizer's ``model_max_length`` is ``max_positions`` too.

    The model's vocabulary is the SentencePiece pieces plus ``</s>`` and ``<pad>``. The unigram
    model is trained with ``hard_vocab_limit=False``: on too little text it stops short of
    ``vocab_size`` instead of failing (about 8,200 pieces at most with ``per_file=150``, 27,000
    with ``per_file=None``, i.e. whole FLORES files). For an opus-mt-shaped benchmark model use
    ``vocab_size=8000, d_model=512, layers=6, heads=8, ffn=2048, max_positions=512`` (49M
    parameters, built in ~2 s). ``init_std`` defaults to :func:`default_init_std`.

    ``logit_bias`` adds to the output logits of the pieces it names (Marian's
    ``final_logits_bias``): ``{"</s>": 50}`` makes a model that ends every output at once (each
    sentence comes back empty, below the length cap, and is retried with safer decoding);
    ``{"▁the": 30}`` one stuck on a word ("the the the …", which safer decoding must break).
    """
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out_dir.mkdir(parents=True, exist_ok=True)
    proto = _train_spm(corpus_lines(per_file), vocab_size, "unigram",
                       unk_id=0, bos_id=-1, eos_id=-1, pad_id=-1)
    # opus-mt ships a source and a target model; one joint model serves as both here.
    for name in ("source.spm", "target.spm"):
        (out_dir / name).write_bytes(proto)
    processor = spm.SentencePieceProcessor(model_proto=proto)
    vocab = {"</s>": 0, "<unk>": 1}
    for index in range(processor.get_piece_size()):
        vocab.setdefault(processor.id_to_piece(index), len(vocab))
    pad = vocab.setdefault("<pad>", len(vocab))
    (out_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1),
                                        encoding="utf-8")
    tokenizer = MarianTokenizer(str(out_dir / "source.spm"), str(out_dir / "target.spm"),
                                str(out_dir / "vocab.json"), source_lang="tr", target_lang="en",
                                model_max_length=max_positions)
    tokenizer.save_pretrained(out_dir)

    config = MarianConfig(
        vocab_size=len(vocab), decoder_vocab_size=len(vocab), d_model=d_model,
        encoder_layers=layers, decoder_layers=layers, encoder_attention_heads=heads,
        decoder_attention_heads=heads, encoder_ffn_dim=ffn, decoder_ffn_dim=ffn,
        max_position_embeddings=max_positions, activation_function="swish", dropout=0.1,
        attention_dropout=0.0, activation_dropout=0.0, scale_embedding=True,
        share_encoder_decoder_embeddings=True, tie_word_embeddings=True, pad_token_id=pad,
        bos_token_id=0, eos_token_id=0, forced_eos_token_id=0, decoder_start_token_id=pad,
        init_std=default_init_std(d_model) if init_std is None else init_std)
    torch.manual_seed(seed)
    model = MarianMTModel(config).eval()
    with torch.no_grad():
        for piece, bias in (logit_bias or {}).items():
            model.final_logits_bias[0, vocab[piece]] = bias
    generation = model.generation_config
    generation.bad_words_ids = [[pad]]
    generation.num_beams = 4
    generation.max_length = max_positions
    generation.decoder_start_token_id = pad
    generation.forced_eos_token_id = 0
    with _quiet_saving():
        model.save_pretrained(out_dir)
    return out_dir


def build_nllb(out_dir: Path, *, vocab_size: int = 1000, d_model: int = 32, layers: int = 1,
               heads: int = 2, ffn: int = 64, max_positions: int = 128, seed: int = 0,
               per_file: int | None = 150, init_std: float | None = None) -> Path:
    """Save a random NLLB-200-shaped M2M100 model with a real NLLB tokenizer into ``out_dir``.

    The files are those of ``facebook/nllb-200-distilled-600M``: ``config.json`` (with
    ``tokenizer_class = "NllbTokenizer"``), ``generation_config.json``, ``model.safetensors``,
    ``sentencepiece.bpe.model``, ``tokenizer.json`` and ``tokenizer_config.json``. The vocabulary
    is the fairseq one: ``<s>`` 0, ``<pad>`` 1, ``</s>`` 2, ``<unk>`` 3, the BPE pieces, then
    ``<mask>`` and all 202 language codes transformers ships (``arb_Arab``, ``tur_Latn``,
    ``eng_Latn``, ...) as special tokens. The tokenizer is non-legacy (input ``[src_lang] text
    </s>``); generation starts from ``</s>`` and needs ``forced_bos_token_id`` for the target
    language, as with the real model. ``init_std`` defaults to :func:`default_init_std`.
    """
    import torch
    from tokenizers.models import BPE
    from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer
    from transformers.convert_slow_tokenizer import NllbConverter, SentencePieceExtractor
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    out_dir.mkdir(parents=True, exist_ok=True)
    spm_file = out_dir / "sentencepiece.bpe.model"
    spm_file.write_bytes(_train_spm(corpus_lines(per_file), vocab_size, "bpe"))
    # The conversion transformers applies to the real sentencepiece.bpe.model.
    extracted = SentencePieceExtractor(str(spm_file)).extract(BPE)
    extracted.pop("additional_special_tokens", None)  # would replace the language codes
    extracted = NllbConverter.convert_from_spm(**extracted)
    codes = list(dict.fromkeys([*FAIRSEQ_LANGUAGE_CODES, *NLLB_LANGUAGES]))
    tokenizer = NllbTokenizer(**extracted, extra_special_tokens=codes, src_lang="eng_Latn",
                              tgt_lang="eng_Latn", model_max_length=max_positions)
    tokenizer.save_pretrained(out_dir)

    config = M2M100Config(
        vocab_size=len(tokenizer), d_model=d_model, encoder_layers=layers,
        decoder_layers=layers, encoder_attention_heads=heads, decoder_attention_heads=heads,
        encoder_ffn_dim=ffn, decoder_ffn_dim=ffn, max_position_embeddings=max_positions,
        activation_function="relu", dropout=0.1, attention_dropout=0.1, activation_dropout=0.0,
        encoder_layerdrop=0.0, decoder_layerdrop=0.0, scale_embedding=True,
        pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2,
        tokenizer_class="NllbTokenizer",
        init_std=default_init_std(d_model) if init_std is None else init_std)
    torch.manual_seed(seed)
    model = M2M100ForConditionalGeneration(config).eval()
    # Language codes are a sixth of this vocabulary (a thousandth of the real one): shrink their
    # (tied) embeddings so the random model seldom generates them, as the real one never does.
    with torch.no_grad():
        rows = tokenizer.convert_tokens_to_ids([*codes, "<mask>"])
        model.get_input_embeddings().weight[rows] *= 0.5
    model.generation_config.max_length = min(200, max_positions)
    with _quiet_saving():
        model.save_pretrained(out_dir)
    return out_dir


#: The summarization settings of ``sshleifer/distilbart-cnn-12-6`` (its generation config).
BART_CNN_GENERATION = {"num_beams": 4, "length_penalty": 2.0, "max_length": 142,
                       "min_length": 56, "no_repeat_ngram_size": 3, "early_stopping": True}


def build_bart(out_dir: Path, *, vocab_size: int = 1000, d_model: int = 32, layers: int = 1,
               heads: int = 2, ffn: int = 64, max_positions: int = 128, seed: int = 0,
               per_file: int | None = 150, init_std: float | None = None) -> Path:
    """Save a random BART summarizer shaped like ``sshleifer/distilbart-cnn-12-6``.

    The tokenizer is a real byte-level BPE (BART's and GPT-2's kind) trained on the corpus, with
    BART's special tokens ``<s>`` 0, ``<pad>`` 1, ``</s>`` 2, ``<unk>`` 3 and ``<mask>`` last;
    files ``vocab.json``, ``merges.txt``, ``tokenizer.json``. The config keeps BART's learned
    positions (``max_position_embeddings``, default 128, so that tests exercise chunking of
    long articles), ``forced_bos_token_id = 0`` and the CNN summarization settings of
    :data:`BART_CNN_GENERATION` (``min_length`` 56 included, which short inputs must survive).
    """
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer

    out_dir.mkdir(parents=True, exist_ok=True)
    trainer = ByteLevelBPETokenizer()
    trainer.train_from_iterator(corpus_lines(per_file), vocab_size=vocab_size, min_frequency=2,
                                special_tokens=["<s>", "<pad>", "</s>", "<unk>"],
                                show_progress=False)
    vocab = trainer.get_vocab()
    vocab["<mask>"] = len(vocab)
    merges_file = out_dir / "merges.txt"
    trainer.save_model(str(out_dir))  # vocab.json (rewritten below) and merges.txt
    (out_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False),
                                        encoding="utf-8")
    tokenizer = BartTokenizer(vocab=str(out_dir / "vocab.json"), merges=str(merges_file),
                              model_max_length=max_positions)
    tokenizer.save_pretrained(out_dir)

    config = BartConfig(
        vocab_size=len(vocab), d_model=d_model, encoder_layers=layers, decoder_layers=layers,
        encoder_attention_heads=heads, decoder_attention_heads=heads, encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn, max_position_embeddings=max_positions, pad_token_id=1,
        bos_token_id=0, eos_token_id=2, decoder_start_token_id=2, forced_bos_token_id=0,
        forced_eos_token_id=2, scale_embedding=False,
        task_specific_params={"summarization": dict(BART_CNN_GENERATION)},
        init_std=default_init_std(d_model) if init_std is None else init_std)
    torch.manual_seed(seed)
    model = BartForConditionalGeneration(config).eval()
    for key, value in BART_CNN_GENERATION.items():
        setattr(model.generation_config, key, value)
    model.generation_config.forced_bos_token_id = 0
    model.generation_config.forced_eos_token_id = 2
    with _quiet_saving():
        model.save_pretrained(out_dir)
    return out_dir


def _blob_name(path: Path) -> str:
    """The name huggingface_hub gives a blob: sha256 for LFS files, the git blob sha1 else."""
    data = path.read_bytes()
    if path.suffix in {".safetensors", ".bin", ".spm", ".model"}:
        return hashlib.sha256(data).hexdigest()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def populate_hf_cache(model_dir: Path, repo_id: str, cache_dir: Path,
                      revision: str = DEFAULT_REVISION) -> str:
    """Place a saved model into a Hugging Face hub cache as if it had been downloaded.

    Writes ``models--org--name/blobs/<hash>``, ``snapshots/<revision>/<file>`` (relative
    symlinks to the blobs, or copies where symlinks are not allowed) and ``refs/main``. With
    ``HF_HUB_CACHE=cache_dir HF_HUB_OFFLINE=1`` (read when huggingface_hub is imported), or with
    ``cache_dir=..., local_files_only=True``, ``from_pretrained(repo_id)`` then loads it.
    Returns ``revision``.
    """
    repo = cache_dir / f"models--{repo_id.replace('/', '--')}"
    snapshot = repo / "snapshots" / revision
    blobs = repo / "blobs"
    snapshot.mkdir(parents=True, exist_ok=True)
    blobs.mkdir(exist_ok=True)
    for file in sorted(model_dir.iterdir()):
        if not file.is_file():
            continue
        blob = blobs / _blob_name(file)
        if not blob.exists():
            shutil.copyfile(file, blob)
        link = snapshot / file.name
        link.unlink(missing_ok=True)
        try:
            link.symlink_to(Path("..") / ".." / "blobs" / blob.name)
        except OSError:
            shutil.copyfile(blob, link)
    # Record the optional files transformers looks for as missing, as a real download does.
    no_exist = repo / ".no_exist" / revision
    no_exist.mkdir(parents=True, exist_ok=True)
    for name in PROBED_OPTIONAL_FILES:
        if not (snapshot / name).exists():
            (no_exist / name).touch()
    (repo / "refs").mkdir(exist_ok=True)
    (repo / "refs" / "main").write_text(revision, encoding="utf-8")
    return revision


def build_opus_mt_shape(out_dir: Path) -> Path:
    """The benchmarks' model: opus-mt's shape (d_model 512, 6+6 layers, FFN 2048, 8 heads,
    an 8,000-piece SentencePiece vocabulary), random weights; built once into ``out_dir``."""
    if not (out_dir / "config.json").is_file():
        print("building the opus-mt-shaped model …", flush=True)
        build_marian(out_dir, vocab_size=8000, d_model=512, layers=6, heads=8, ffn=2048,
                     max_positions=512, per_file=997)
    return out_dir


def build_all(root: Path) -> dict[str, Path]:
    """Build the default tiny Marian, NLLB and BART models under ``root`` (a few seconds)."""
    return {"marian": build_marian(root / "marian"), "nllb": build_nllb(root / "nllb"),
            "bart": build_bart(root / "bart")}
