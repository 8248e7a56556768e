"""The opus-mt and NLLB tokenizers without transformers: what the CTranslate2 engine needs.

Importing transformers' tokenizers takes 1.5–3.5 s on a small machine (they import torch),
more than the whole translation of a short article. The two tokenizers summarize uses are thin
layers over libraries it already has, so they are mirrored here on ``sentencepiece`` (opus-mt:
``source.spm``/``target.spm`` with ``vocab.json``) and ``tokenizers`` (NLLB-200:
``tokenizer.json``), token for token: ``tests/translate/test_lite.py`` checks them against
transformers on the FLORES sentences of every seed language. A model whose tokenizer files
look different (separate source and target vocabularies, no ``tokenizer.json``, a class
other than ``MarianTokenizer``/``NllbTokenizer``) gets ``None`` from :func:`load_lite`, and
the engine uses transformers as before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from summarize.languages import nllb_code

SPIECE_UNDERLINE = "▁"


class LiteTokenizer(Protocol):
    """Text ↔ the tokens CTranslate2 takes and gives back."""

    def tokens(self, text: str, src_lang: str) -> list[str]:
        """The input tokens of ``text``, special tokens included."""

    def detokenize(self, tokens: Sequence[str]) -> str:
        """The text of output tokens, special tokens left out."""


def _config(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_lite(folder: Path | None) -> LiteTokenizer | None:
    """The mirrored tokenizer of the model in ``folder``, or None when it has none we mirror."""
    if folder is None:
        return None
    config = _config(folder)
    kind = config.get("tokenizer_class")
    if kind == "MarianTokenizer" and not config.get("separate_vocabs") and all(
            (folder / name).is_file() for name in ("source.spm", "target.spm", "vocab.json")):
        return MarianLite(folder, config)
    if kind in ("NllbTokenizer", "NllbTokenizerFast") and (folder / "tokenizer.json").is_file():
        return NllbLite(folder, config)
    return None


def clean_up_tokenization(text: str) -> str:
    """transformers' ``clean_up_tokenization`` (spaces before punctuation and clitics)."""
    for before, after in ((" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"),
                          (" n't", "n't"), (" 'm", "'m"), (" 's", "'s"), (" 've", "'ve"),
                          (" 're", "'re")):
        text = text.replace(before, after)
    return text


class MarianLite:
    """``MarianTokenizer`` (one shared vocabulary) on sentencepiece.

    Input: a leading ``>>xx<<`` language code kept as one token, the rest cut by the source
    model, pieces outside ``vocab.json`` as ``<unk>``, then ``</s>``. Output: special tokens
    dropped, the pieces joined by the source model (transformers decodes a shared vocabulary
    with it), ``▁`` as spaces, stripped.
    """

    def __init__(self, folder: Path, config: dict[str, Any]) -> None:
        import sentencepiece as spm

        self._source = spm.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        self._vocab: dict[str, int] = json.loads((folder / "vocab.json").read_text(
            encoding="utf-8"))
        self.eos = str(config.get("eos_token", "</s>"))
        self.unk = str(config.get("unk_token", "<unk>"))
        pad = str(config.get("pad_token", "<pad>"))
        added = config.get("added_tokens_decoder", {})
        self._special = {self.eos, self.unk, pad} | {
            str(t.get("content")) for t in added.values() if isinstance(t, dict)
            and t.get("special")}
        self._clean_up = bool(config.get("clean_up_tokenization_spaces", False))
        self._split = re.compile("(" + "|".join(
            re.escape(t) for t in sorted(self._special, key=len, reverse=True)) + ")")

    def tokens(self, text: str, src_lang: str) -> list[str]:
        """The input tokens of ``text`` (special tokens written in it stay whole, as
        transformers keeps them)."""
        out: list[str] = []
        for part in self._split.split(text):
            if not part:
                continue
            if part in self._special:
                out.append(part)
                continue
            code: list[str] = []
            if part.startswith(">>") and (end := part.find("<<")) != -1:
                code, part = [part[:end + 2]], part[end + 2:]
            out += [p if p in self._vocab else self.unk
                    for p in [*code, *self._source.encode(part, out_type=str)]]
        return [*out, self.eos]

    def detokenize(self, tokens: Sequence[str]) -> str:
        """The text of output tokens."""
        pieces = [t if t in self._vocab else self.unk for t in tokens]
        text = self._source.decode_pieces([t for t in pieces if t not in self._special])
        text = text.replace(SPIECE_UNDERLINE, " ").strip()
        return clean_up_tokenization(text) if self._clean_up else text


class NllbLite:
    """``NllbTokenizer`` on the ``tokenizers`` library: ``[code] text </s>`` (or, with
    ``legacy_behaviour``, ``text </s> [code]``); output decoded with special tokens skipped."""

    def __init__(self, folder: Path, config: dict[str, Any]) -> None:
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._legacy = bool(config.get("legacy_behaviour", False))
        self.eos = str(config.get("eos_token", "</s>"))
        self._language: str | None = None

    def _set_source(self, src_lang: str) -> None:
        from tokenizers.processors import TemplateProcessing

        code = nllb_code(src_lang)
        if code == self._language:
            return
        special = [(code, self._tokenizer.token_to_id(code)),
                   (self.eos, self._tokenizer.token_to_id(self.eos))]
        single = f"$A {self.eos} {code}" if self._legacy else f"{code} $A {self.eos}"
        pair = (f"$A $B {self.eos} {code}" if self._legacy
                else f"{code} $A $B {self.eos}")
        self._tokenizer.post_processor = TemplateProcessing(single=single, pair=pair,
                                                            special_tokens=special)
        self._language = code

    def tokens(self, text: str, src_lang: str) -> list[str]:
        """The input tokens of ``text``."""
        self._set_source(src_lang)
        return list(self._tokenizer.encode(text).tokens)

    def detokenize(self, tokens: Sequence[str]) -> str:
        """The text of output tokens."""
        unknown = int(self._tokenizer.token_to_id("<unk>") or 0)
        ids: list[int] = []
        for token in tokens:
            found = self._tokenizer.token_to_id(token)
            ids.append(unknown if found is None else int(found))
        return str(self._tokenizer.decode(ids, skip_special_tokens=True))
