"""Frozen option dataclasses. CLI flags map 1:1 onto these fields (``--batch-size`` →
``batch_size``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

TranslatorChoice = Literal["auto", "opus-mt", "nllb"]
DeviceChoice = Literal["auto", "cpu", "cuda"]
DtypeChoice = Literal["auto", "float32", "float16", "bfloat16"]
EngineChoice = Literal["auto", "torch", "ctranslate2"]
ComputeType = Literal["auto", "int8", "int8_float32", "int8_float16", "int8_bfloat16",
                      "float16", "bfloat16", "float32"]

DEFAULT_NLLB_MODEL = "facebook/nllb-200-distilled-600M"
DEFAULT_SUMMARIZER_MODEL = "sshleifer/distilbart-cnn-12-6"
SummarizerChoice = Literal["extractive", "abstractive"]


@dataclass(frozen=True)
class TranslationOptions:
    """How documents are translated to English.

    Attributes:
        translator: ``auto`` picks the better model family per language (see
            ``summarize.languages.DEFAULT_FAMILY``); ``opus-mt`` prefers MarianMT pairs;
            ``nllb`` uses NLLB-200 for every language.
        model: Per-language overrides, ISO 639-1 code → hub id or local directory.
        nllb_model: Hub id or local directory of the NLLB-200 model.
        source_lang: Skip detection and treat every document as this language.
        device: ``auto`` (CUDA when present, else CPU), ``cpu`` or ``cuda``.
        dtype: ``auto`` (bfloat16 or float16 on GPU, float32 on CPU) or an explicit type.
        batch_size: Sentences per generation batch.
        beams: Beam size for generation.
        max_input_tokens: Input budget per segment; ``None`` uses the model's own limit.
        hf_kwargs: Extra keyword arguments passed to ``from_pretrained`` as they are
            (``revision``, ``cache_dir``, ``token``, ``trust_remote_code`` …).
        engine: ``auto`` (CTranslate2 when installed, else torch), ``torch`` (transformers,
            the reference path) or ``ctranslate2``.
        compute_type: CTranslate2 compute type; ``auto`` is int8 on CPU and bfloat16 (or
            float16) on GPU.
        batch_tokens: Form batches by a token budget (padded tokens per batch) instead of
            ``batch_size`` sentences.
        retry: Retry sentences the checks flag as likely wrong once, with safer settings.
        cache: Folder of the translation cache; ``None`` uses the user cache folder.
        no_cache: Translate everything afresh and store nothing.
    """

    translator: TranslatorChoice = "auto"
    model: Mapping[str, str] = field(default_factory=dict)
    nllb_model: str = DEFAULT_NLLB_MODEL
    source_lang: str | None = None
    device: DeviceChoice = "auto"
    dtype: DtypeChoice = "auto"
    batch_size: int = 16
    beams: int = 4
    max_input_tokens: int | None = None
    hf_kwargs: Mapping[str, Any] = field(default_factory=dict)
    engine: EngineChoice = "auto"
    compute_type: ComputeType = "auto"
    batch_tokens: int | None = None
    retry: bool = True
    cache: str | None = None
    no_cache: bool = False

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {self.batch_size}")
        if self.beams < 1:
            raise ValueError(f"beams must be at least 1, not {self.beams}")
        if self.batch_tokens is not None and self.batch_tokens < 1:
            raise ValueError(f"batch_tokens must be at least 1, not {self.batch_tokens}")
        if self.max_input_tokens is not None and self.max_input_tokens < 8:
            raise ValueError(f"max_input_tokens must be at least 8, not {self.max_input_tokens}")


@dataclass(frozen=True)
class DigestOptions:
    """How digests and the brief are written.

    Attributes:
        digest_sentences: Sentences per document digest (3–5 is typical).
        brief_items: Most items in the combined brief.
        summarizer: ``extractive`` (quotes translated sentences; no model, the default) or
            ``abstractive`` (a summarisation model writes the digest; every sentence is checked
            for faithfulness).
        summarizer_model: Hub id or local directory of the abstractive model.
        allow_unsupported: Keep generated sentences that fail the faithfulness check (they
            stay flagged) instead of replacing them by the best-matching source sentence.
    """

    digest_sentences: int = 4
    brief_items: int = 8
    summarizer: SummarizerChoice = "extractive"
    summarizer_model: str = DEFAULT_SUMMARIZER_MODEL
    allow_unsupported: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.digest_sentences <= 20:
            raise ValueError(f"digest_sentences must be 1–20, not {self.digest_sentences}")
        if self.brief_items < 1:
            raise ValueError(f"brief_items must be at least 1, not {self.brief_items}")
        if self.summarizer not in ("extractive", "abstractive"):
            raise ValueError(f"summarizer must be extractive or abstractive, not "
                             f"{self.summarizer!r}")


def options_dict(*options: object) -> dict[str, Any]:
    """Merge option dataclasses into one JSON-ready settings dictionary."""
    merged: dict[str, Any] = {}
    for option in options:
        merged.update(asdict(option))  # type: ignore[call-overload]
    return {key: dict(value) if isinstance(value, Mapping) else value
            for key, value in merged.items()}


ClusterChoice = Literal["local", "ray"]


@dataclass(frozen=True)
class ClusterOptions:
    """Where translation and digests run (``summarize.cluster``).

    Attributes:
        engine_cluster: ``local`` (this process) or ``ray`` (a Ray cluster; install
            ``summarize[ray]``). Reading, detection, segmentation, the cache, the brief and
            the outputs stay on the driver either way.
        ray_address: The Ray cluster to join, passed to ``ray.init``: ``auto`` (the cluster
            that ``ray start`` runs on this machine), ``HOST:PORT`` or
            ``ray://HOST:10001``. ``None`` starts a local Ray for the run (unless this
            process already joined one).
        actors: Ray actors per stage (each loads each model it needs once); ``None`` uses
            one per GPU of the cluster, else one per ``cpus_per_actor`` CPUs.
        cpus_per_actor: CPUs each actor reserves, and the threads a model uses on CPU.
    """

    engine_cluster: ClusterChoice = "local"
    ray_address: str | None = None
    actors: int | None = None
    cpus_per_actor: int = 1

    def __post_init__(self) -> None:
        if self.engine_cluster not in ("local", "ray"):
            raise ValueError(f"engine_cluster must be local or ray, not {self.engine_cluster!r}")
        if self.engine_cluster == "local" and (self.ray_address or self.actors
                                                or self.cpus_per_actor != 1):
            raise ValueError("ray_address, actors and cpus_per_actor need "
                             "engine_cluster='ray' (--engine-cluster ray)")
        if self.actors is not None and self.actors < 1:
            raise ValueError(f"actors must be at least 1, not {self.actors}")
        if self.cpus_per_actor < 1:
            raise ValueError(f"cpus_per_actor must be at least 1, not {self.cpus_per_actor}")


def _default_user_agent() -> str:
    from summarize._version import __version__

    return (f"summarize/{__version__} (news translation and briefs; "
            "+https://pypi.org/project/summarize)")


DEFAULT_USER_AGENT = _default_user_agent()


@dataclass(frozen=True)
class FetchOptions:
    """How web pages and feeds are fetched (``summarize.fetching``).

    Attributes:
        timeout: Seconds to wait for a connection and between bytes of an answer; a whole
            answer may take at most five times this.
        max_bytes: The most bytes a page may have (after decompression); a larger one fails,
            even when its server sends no ``Content-Length``.
        retries: Further tries after a timeout, a dropped connection or a 5xx answer, with
            exponential backoff (a ``Retry-After`` of up to 10 s is honored); 4xx answers are
            never retried.
        user_agent: The ``User-Agent`` header sent with every request.
        concurrency: Pages fetched at once.
        refetch: Fetch every page again even when the cache holds it (the cache is updated).
    """

    timeout: float = 20.0
    max_bytes: int = 10_000_000
    retries: int = 2
    user_agent: str = DEFAULT_USER_AGENT
    concurrency: int = 4
    refetch: bool = False

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise ValueError(f"timeout must be more than 0 seconds, not {self.timeout}")
        if self.max_bytes < 1:
            raise ValueError(f"max_bytes must be at least 1, not {self.max_bytes}")
        if not 0 <= self.retries <= 10:
            raise ValueError(f"retries must be 0–10, not {self.retries}")
        if not 1 <= self.concurrency <= 32:
            raise ValueError(f"concurrency must be 1–32, not {self.concurrency}")
        if not self.user_agent.strip() or any(ch in self.user_agent for ch in "\r\n"):
            raise ValueError("user_agent must be one non-empty line")


InputFormat = Literal["auto", "jsonl"]


@dataclass(frozen=True)
class InputOptions:
    """How inputs are found and read.

    Attributes:
        input_format: ``auto`` reads each file by its suffix (``.jsonl`` files are JSON Lines,
            standard input is text); ``jsonl`` reads standard input and every named file as
            JSON Lines.
        urls: A file of web addresses to read, one a line (``#`` comments allowed).
    """

    input_format: InputFormat = "auto"
    urls: str | None = None

    def __post_init__(self) -> None:
        if self.input_format not in ("auto", "jsonl"):
            raise ValueError(f"input_format must be auto or jsonl, not {self.input_format!r}")
