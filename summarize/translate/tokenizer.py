"""A model's tokenizer and facts, without its weights: what planning and records need.

:func:`model_facts` reads ``config.json`` and ``tokenizer_config.json`` as plain JSON (no
transformers import), so a run's record of a model is the same whether the model was loaded
or every sentence came from the cache. :class:`TokenizerPlanner` loads the tokenizer alone to
count tokens (on the driver of a cluster, or before a local model loads).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.errors import ModelUnavailableError
from summarize.languages import nllb_code
from summarize.translate.hub import ModelRef
from summarize.translate.lite import LiteTokenizer

#: ``from_pretrained`` arguments that apply to a tokenizer and a config (the rest of
#: ``hf_kwargs`` is for the model weights).
TOKENIZER_KWARGS = frozenset({"revision", "cache_dir", "token", "trust_remote_code",
                              "local_files_only"})
NLLB_TYPES = frozenset({"m2m_100", "nllb-moe"})
#: NLLB-200 has 1,024 positions but was trained on at most 512 tokens, and M2M100 raises no
#: error past its table: the limit must be enforced, not caught.
NLLB_TRAINED_MAX = 512
#: Token counts remembered per planner (cutting sentences and planning batches ask about the
#: same texts).
COUNT_MEMO = 200_000


def family_from_type(model_type: str) -> str:
    """``nllb`` for NLLB-200/M2M100 model types, else ``opus-mt``."""
    return "nllb" if model_type in NLLB_TYPES else "opus-mt"


def input_limit(model_type: str, positions: int | None, stated: object) -> int:
    """min(positions, the tokenizer's stated limit), and at most 512 for NLLB/M2M100."""
    limit = int(positions or 512)
    if model_type in NLLB_TYPES:
        limit = min(limit, NLLB_TRAINED_MAX)
    if isinstance(stated, int) and 0 < stated < limit:
        limit = stated
    return limit


def config_limit(config: Any, tokenizer: Any) -> int:
    """:func:`input_limit` of a loaded config and tokenizer."""
    return input_limit(getattr(config, "model_type", ""),
                       getattr(config, "max_position_embeddings", None),
                       getattr(tokenizer, "model_max_length", None))


@dataclass(frozen=True)
class ModelFacts:
    """What the record of a model says about it, known without loading it."""

    family: str
    max_input_tokens: int


def model_facts(ref: ModelRef, hf_kwargs: Mapping[str, Any]) -> ModelFacts:
    """The model's family and input limit, from its config files.

    Raises:
        ModelUnavailableError: the config cannot be read.
    """
    config = _json_file(ref, "config.json", hf_kwargs, required=True)
    tokenizer = _json_file(ref, "tokenizer_config.json", hf_kwargs, required=False)
    model_type = str(config.get("model_type", ""))
    return ModelFacts(family_from_type(model_type),
                      input_limit(model_type, config.get("max_position_embeddings"),
                                  tokenizer.get("model_max_length")))


def _json_file(ref: ModelRef, name: str, hf_kwargs: Mapping[str, Any], *,
               required: bool) -> dict[str, Any]:
    path: Path | None
    if ref.local_dir is not None:
        path = ref.local_dir / name
        if not path.is_file():
            path = None
    else:
        from huggingface_hub import hf_hub_download
        from huggingface_hub.errors import EntryNotFoundError

        kwargs = {k: v for k, v in hf_kwargs.items() if k in {"revision", "cache_dir", "token"}}
        try:
            path = Path(hf_hub_download(ref.name, name, **kwargs))
        except EntryNotFoundError:
            path = None
        except Exception as exc:  # network errors come from several libraries
            raise ModelUnavailableError(f"cannot read {name} of model {ref.name}: "
                                        f"{type(exc).__name__}: {exc}") from exc
    if path is None:
        if required:
            raise ModelUnavailableError(f"model {ref.name} has no {name}")
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelUnavailableError(f"cannot read {name} of model {ref.name}: {exc}") from exc
    return data if isinstance(data, dict) else {}


def load_tokenizer(ref: ModelRef, hf_kwargs: Mapping[str, Any]) -> tuple[Any, Any]:
    """The model's tokenizer and config, without its weights.

    Raises:
        ModelUnavailableError: they cannot be loaded.
    """
    from transformers import AutoConfig, AutoTokenizer

    source = str(ref.local_dir) if ref.local_dir is not None else ref.name
    kwargs = {k: v for k, v in hf_kwargs.items() if k in TOKENIZER_KWARGS}
    try:
        return (AutoTokenizer.from_pretrained(source, **kwargs),
                AutoConfig.from_pretrained(source, **kwargs))
    except Exception as exc:  # transformers raises OSError, ValueError, KeyError …
        raise ModelUnavailableError(f"cannot load model {ref.name}: {exc}") from exc


class TokenCounter:
    """Counts input tokens as the model will see them, special tokens included, remembering
    up to :data:`COUNT_MEMO` texts (cutting sentences and planning batches ask about the same
    texts). Subclasses set ``_limit`` and implement :meth:`_count`."""

    _limit: int

    @property
    def max_input_tokens(self) -> int:
        """The model's position limit (and the tokenizer's, when it states a smaller one)."""
        return self._limit

    def count_tokens(self, text: str, src_lang: str) -> int:
        """Input tokens of ``text``."""
        counts: dict[tuple[str, str], int] = self.__dict__.setdefault("_counts", {})
        key = (src_lang, text)
        if key not in counts:
            if len(counts) >= COUNT_MEMO:
                counts.clear()
            counts[key] = self._count(text, src_lang)
        return counts[key]

    def _count(self, text: str, src_lang: str) -> int:
        raise NotImplementedError


class HFTextTokenizer:
    """A transformers tokenizer seen as text ↔ tokens (for models without a mirrored
    tokenizer, see ``summarize.translate.lite``)."""

    def __init__(self, tokenizer: Any, family: str) -> None:
        self.tokenizer = tokenizer
        self.family = family

    def tokens(self, text: str, src_lang: str) -> list[str]:
        """The input tokens of ``text``."""
        if self.family == "nllb":
            self.tokenizer.src_lang = nllb_code(src_lang)
        ids = self.tokenizer(text, verbose=False)["input_ids"]
        return list(self.tokenizer.convert_ids_to_tokens(ids))

    def detokenize(self, tokens: Sequence[str]) -> str:
        """The text of output tokens, special tokens skipped."""
        ids = self.tokenizer.convert_tokens_to_ids(list(tokens))
        return str(self.tokenizer.decode(ids, skip_special_tokens=True))


def open_text_tokenizer(ref: ModelRef, hf_kwargs: Mapping[str, Any],
                        family: str) -> LiteTokenizer:
    """The model's tokenizer as text ↔ tokens: mirrored without transformers when it can be
    (much faster to load), else transformers' own.

    Raises:
        ModelUnavailableError: it cannot be loaded.
    """
    from summarize.translate.lite import load_lite

    lite = load_lite(ref.local_dir)
    if lite is not None:
        return lite
    tokenizer, _ = load_tokenizer(ref, hf_kwargs)
    return HFTextTokenizer(tokenizer, family)


class TokenizerPlanner(TokenCounter):
    """A model's tokenizer and input limit without its weights, loaded on first need.

    Args:
        ref: The resolved model.
        hf_kwargs: ``from_pretrained`` arguments (those that apply to tokenizers are used).
    """

    def __init__(self, ref: ModelRef, hf_kwargs: Mapping[str, Any]) -> None:
        self.ref = ref
        self._kwargs = dict(hf_kwargs)
        self._text: LiteTokenizer | None = None

    def _ready(self) -> LiteTokenizer:
        if self._text is None:
            facts = model_facts(self.ref, self._kwargs)
            self._limit = facts.max_input_tokens
            self._text = open_text_tokenizer(self.ref, self._kwargs, facts.family)
        return self._text

    @property
    def max_input_tokens(self) -> int:
        """The model's input limit, from its config files."""
        self._ready()
        return self._limit

    def _count(self, text: str, src_lang: str) -> int:
        return len(self._ready().tokens(text, src_lang))
