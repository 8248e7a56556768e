"""Frozen option dataclasses: the one source of every setting and its default.

The command line is generated from these fields (``summarize.cli``): each field whose metadata
carries ``help`` is a flag of the same name (``batch_size`` → ``--batch-size``), its default and
its choices are the field's, so a flag and its option can never drift apart. Library users pass
the same dataclasses to :func:`summarize.run`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from summarize.errors import OptionsError

TranslatorChoice = Literal["auto", "opus-mt", "nllb"]
DeviceChoice = Literal["auto", "cpu", "cuda"]
DtypeChoice = Literal["auto", "float32", "float16", "bfloat16"]
EngineChoice = Literal["auto", "ctranslate2", "transformers", "torch"]
ComputeType = Literal["auto", "int8", "int8_float32", "int8_float16", "int8_bfloat16",
                      "float16", "bfloat16", "float32"]
SummarizerChoice = Literal["extractive", "abstractive"]
ClusterChoice = Literal["local", "ray"]

DEFAULT_NLLB_MODEL = "facebook/nllb-200-distilled-600M"
DEFAULT_SUMMARIZER_MODEL = "sshleifer/distilbart-cnn-12-6"

RUN, TRANSLATE, DIGEST = "run", "translate", "digest"
TRANSLATING = (RUN, TRANSLATE)
DIGESTING = (RUN, DIGEST)
EVERY = (RUN, TRANSLATE, DIGEST)


def cli(help: str, *, commands: tuple[str, ...] = EVERY, metavar: str | None = None,
        kind: str = "") -> dict[str, Any]:
    """Field metadata that makes the field a flag of ``commands``.

    ``kind`` says how the flag's text becomes the value: ``positive`` (a whole number ≥ 1),
    ``pairs`` (repeatable ``KEY=VALUE``), ``json_pairs`` (the same, values parsed as JSON when
    they can be), ``language`` (an ISO 639-1 code, checked), or plain text.
    """
    return {"help": help, "commands": commands, "metavar": metavar, "kind": kind}


def _at_least(name: str, value: int | None, minimum: int) -> None:
    if value is not None and value < minimum:
        raise OptionsError(f"{name} must be at least {minimum}, not {value}")


@dataclass(frozen=True)
class TranslationOptions:
    """How documents are translated to English.

    Attributes:
        translator: ``auto`` picks the better model family per language (see
            ``summarize.languages.default_family``); ``opus-mt`` prefers MarianMT pairs;
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
        engine: ``auto`` (CTranslate2 when installed, else transformers), ``ctranslate2`` or
            ``transformers`` (the reference path; ``torch`` is another name for it).
        compute_type: CTranslate2 compute type; ``auto`` is int8 on CPU and bfloat16 (or
            float16) on GPU.
        batch_tokens: Form batches by a token budget (padded tokens per batch) instead of
            ``batch_size`` sentences.
        retry: Retry sentences the checks flag as likely wrong once, with safer settings.
        glossary: Required renderings: a TSV/CSV file (source term, English term, optional
            language) or a mapping (see ``summarize.glossary``); sentences whose English lacks
            a term are flagged ``term_missing`` and retried once.
        min_score: Flag sentences whose model score (the mean log-probability of their
            tokens) is below this ``low_confidence``; uncalibrated until measured with real
            weights (``benchmarks/calibrate_confidence.py``). ``None`` turns it off.
        cache: Folder of the translation cache; ``None`` uses the user cache folder.
        no_cache: Translate everything afresh and store nothing.
    """

    translator: TranslatorChoice = field(default="auto", metadata=cli(
        "model family: auto picks the better one per language on FLORES", commands=TRANSLATING))
    model: Mapping[str, str] = field(default_factory=dict, metadata=cli(
        "model for one language: hub id or local directory (repeatable)",
        commands=TRANSLATING, metavar="LANG=ID_OR_DIR", kind="pairs"))
    nllb_model: str = field(default=DEFAULT_NLLB_MODEL, metadata=cli(
        "the NLLB-200 model, hub id or local directory", commands=TRANSLATING,
        metavar="ID_OR_DIR"))
    source_lang: str | None = field(default=None, metadata=cli(
        "ISO 639-1 code of every input; skips detection", commands=TRANSLATING,
        metavar="LANG", kind="language"))
    device: DeviceChoice = field(default="auto", metadata=cli(
        "translation device: auto uses CUDA when present", commands=TRANSLATING))
    dtype: DtypeChoice = field(default="auto", metadata=cli(
        "transformers precision: auto is bf16/fp16 on GPU, fp32 on CPU", commands=TRANSLATING))
    batch_size: int = field(default=16, metadata=cli(
        "segments per batch", commands=TRANSLATING, metavar="N", kind="positive"))
    beams: int = field(default=4, metadata=cli(
        "beam size", commands=TRANSLATING, metavar="N", kind="positive"))
    max_input_tokens: int | None = field(default=None, metadata=cli(
        "input budget per segment (default: the model's limit)", commands=TRANSLATING,
        metavar="N", kind="positive"))
    hf_kwargs: Mapping[str, Any] = field(default_factory=dict, metadata=cli(
        "extra from_pretrained argument, e.g. revision=main (repeatable; VALUE parsed as "
        "JSON when it can be)", commands=TRANSLATING, metavar="KEY=VALUE", kind="json_pairs"))
    engine: EngineChoice = field(default="auto", metadata=cli(
        "auto uses CTranslate2 when installed; transformers (or torch) is the reference path",
        commands=TRANSLATING))
    compute_type: ComputeType = field(default="auto", metadata=cli(
        "CTranslate2 compute type: auto is int8 on CPU, bf16/fp16 on GPU",
        commands=TRANSLATING))
    batch_tokens: int | None = field(default=None, metadata=cli(
        "batch by a budget of padded input tokens instead of --batch-size",
        commands=TRANSLATING, metavar="N", kind="positive"))
    retry: bool = field(default=True, metadata=cli(
        "do not retry sentences the checks flag (faster; they stay flagged)",
        commands=TRANSLATING))
    glossary: str | Mapping[str, Any] | None = field(default=None, metadata=cli(
        "required renderings: a TSV or CSV file of source term, English term and an optional "
        "language; sentences lacking one are flagged term_missing and retried once",
        commands=TRANSLATING, metavar="FILE"))
    min_score: float | None = field(default=-1.5, metadata=cli(
        "flag sentences whose model score (mean token log-probability) is below this "
        "(uncalibrated)", commands=TRANSLATING, metavar="LOGPROB", kind="number"))
    cache: str | None = field(default=None, metadata=cli(
        "cache folder for translations and fetched pages (default: the user cache folder)",
        metavar="DIR"))
    no_cache: bool = field(default=False, metadata=cli(
        "translate everything afresh and store nothing", commands=TRANSLATING))

    def __post_init__(self) -> None:
        for name, minimum in (("batch_size", 1), ("beams", 1), ("batch_tokens", 1),
                              ("max_input_tokens", 8)):
            _at_least(name, getattr(self, name), minimum)


@dataclass(frozen=True)
class DigestOptions:
    """How digests and the brief are written.

    Attributes:
        digest_sentences: Sentences per document digest (3–5 is typical).
        brief_items: Most key facts in the combined brief, over all stories (each story's
            best first); disagreements, figures shown side by side and timelines are never
            cut.
        summarizer: ``extractive`` (quotes translated sentences; no model, the default) or
            ``abstractive`` (a summarization model writes the digest; every sentence is checked
            for faithfulness).
        summarizer_model: Hub id or local directory of the abstractive model.
        summarizer_device: ``auto``, ``cpu`` or ``cuda`` for the abstractive model.
        summarizer_dtype: Precision of the abstractive model.
        allow_unsupported: Keep generated sentences that fail the faithfulness check (they
            stay flagged) instead of replacing them by the best-matching source sentence.
    """

    digest_sentences: int = field(default=4, metadata=cli(
        "sentences per digest (1-20)", commands=DIGESTING, metavar="N", kind="positive"))
    brief_items: int = field(default=8, metadata=cli(
        "most key facts in the brief, over all stories (each story's best first; "
        "disagreements, figures shown side by side and timelines are never cut)",
        commands=DIGESTING, metavar="N", kind="positive"))
    summarizer: SummarizerChoice = field(default="extractive", metadata=cli(
        "extractive quotes translated sentences (no model); abstractive writes digests with a "
        "model, checking every sentence against its sources", commands=DIGESTING))
    summarizer_model: str = field(default=DEFAULT_SUMMARIZER_MODEL, metadata=cli(
        "the abstractive model, hub id or local directory", commands=DIGESTING,
        metavar="ID_OR_DIR"))
    summarizer_device: DeviceChoice = field(default="auto", metadata=cli(
        "device of the abstractive model: auto uses CUDA when present", commands=DIGESTING))
    summarizer_dtype: DtypeChoice = field(default="auto", metadata=cli(
        "precision of the abstractive model", commands=DIGESTING))
    allow_unsupported: bool = field(default=False, metadata=cli(
        "keep generated sentences whose names or figures are not in their sources (flagged) "
        "instead of quoting the best-matching source sentence", commands=DIGESTING))

    def __post_init__(self) -> None:
        if not 1 <= self.digest_sentences <= 20:
            raise OptionsError(f"digest_sentences must be 1–20, not {self.digest_sentences}")
        _at_least("brief_items", self.brief_items, 1)
        if self.summarizer not in ("extractive", "abstractive"):
            raise OptionsError(f"summarizer must be extractive or abstractive, not "
                               f"{self.summarizer!r}")


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

    engine_cluster: ClusterChoice = field(default="local", metadata=cli(
        "where translation and digests run: this process, or a Ray cluster with the same "
        "output (pip install 'summarize[ray]')"))
    ray_address: str | None = field(default=None, metadata=cli(
        "Ray cluster to join: auto (the one `ray start` runs here), HOST:PORT or "
        "ray://HOST:10001 (default: start a local Ray)", metavar="ADDRESS"))
    actors: int | None = field(default=None, metadata=cli(
        "Ray actors per stage (default: one per GPU, else one per --cpus-per-actor CPUs)",
        metavar="N", kind="positive"))
    cpus_per_actor: int = field(default=1, metadata=cli(
        "CPUs each Ray actor reserves and its model uses", metavar="N", kind="positive"))

    def __post_init__(self) -> None:
        if self.engine_cluster not in ("local", "ray"):
            raise OptionsError(f"engine_cluster must be local or ray, not "
                               f"{self.engine_cluster!r}")
        if self.engine_cluster == "local" and (self.ray_address or self.actors
                                                or self.cpus_per_actor != 1):
            raise OptionsError("ray_address, actors and cpus_per_actor need "
                               "engine_cluster='ray' (--engine-cluster ray)")
        _at_least("actors", self.actors, 1)
        _at_least("cpus_per_actor", self.cpus_per_actor, 1)


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

    timeout: float = field(default=20.0, metadata=cli(
        "seconds to connect and between bytes of an answer (a whole answer may take 5 times "
        "this)", metavar="SECONDS", kind="number"))
    max_bytes: int = field(default=10_000_000, metadata=cli(
        "largest page, in bytes", metavar="N", kind="positive"))
    retries: int = field(default=2, metadata=cli(
        "further tries after a timeout or a 5xx answer, with backoff (never after 4xx)",
        metavar="N", kind="count"))
    user_agent: str = field(default=DEFAULT_USER_AGENT, metadata=cli(
        "User-Agent header of every request", metavar="TEXT"))
    concurrency: int = field(default=4, metadata=cli(
        "pages fetched at once", metavar="N", kind="positive"))
    refetch: bool = field(default=False, metadata=cli(
        "fetch every page again, even if the cache holds it"))

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise OptionsError(f"timeout must be more than 0 seconds, not {self.timeout}")
        _at_least("max_bytes", self.max_bytes, 1)
        if not 0 <= self.retries <= 10:
            raise OptionsError(f"retries must be 0–10, not {self.retries}")
        if not 1 <= self.concurrency <= 32:
            raise OptionsError(f"concurrency must be 1–32, not {self.concurrency}")
        if not self.user_agent.strip() or any(ch in self.user_agent for ch in "\r\n"):
            raise OptionsError("user_agent must be one non-empty line")


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

    input_format: InputFormat = field(default="auto", metadata=cli(
        'auto: each file by its suffix; jsonl: standard input and named files are JSON Lines, '
        'one {"id", "text", "lang"?, "date"?, "url"?, "title"?} a line'))
    urls: str | None = field(default=None, metadata=cli(
        "read the web pages or feeds listed in FILE, one address a line", metavar="FILE"))

    def __post_init__(self) -> None:
        if self.input_format not in ("auto", "jsonl"):
            raise OptionsError(f"input_format must be auto or jsonl, not "
                               f"{self.input_format!r}")


REVIEW, MEMORY = "review", "memory"


@dataclass(frozen=True)
class ReviewOptions:
    """How ``summarize review`` serves a run, and where it keeps reviews and the memory.

    Attributes:
        host: The address to listen on. Only 127.0.0.1 (or ``localhost``, ``::1``) keeps the
            review on this machine.
        port: The port; 0 lets the system pick a free one.
        reviewer: The name recorded with every action (the page can give another).
        browser: Open the review in the default browser.
        cache: The cache folder holding the review store and the translation memory;
            ``None`` uses the one the run recorded, else the user cache folder.
    """

    host: str = field(default="127.0.0.1", metadata=cli(
        "address to listen on; anything but 127.0.0.1, localhost or ::1 lets other machines "
        "reach the review", commands=(REVIEW,), metavar="HOST"))
    port: int = field(default=0, metadata=cli(
        "port to listen on; 0 picks a free one", commands=(REVIEW,), metavar="N",
        kind="count"))
    reviewer: str | None = field(default=None, metadata=cli(
        "name recorded with every action (the page can set another)", commands=(REVIEW,),
        metavar="NAME"))
    browser: bool = field(default=True, metadata=cli(
        "do not open the review in a browser (just print its address)", commands=(REVIEW,)))
    cache: str | None = field(default=None, metadata=cli(
        "cache folder of the translation memory and the review store (default: for review, "
        "the run's cache folder; otherwise the user cache folder)", commands=(REVIEW, MEMORY),
        metavar="DIR"))

    def __post_init__(self) -> None:
        if not 0 <= self.port <= 65535:
            raise OptionsError(f"port must be 0–65535, not {self.port}")
        if not self.host.strip():
            raise OptionsError("host must be an address, such as 127.0.0.1")


#: The option classes whose fields are CLI flags, in the order the help lists them.
OPTION_CLASSES: tuple[type, ...] = (InputOptions, TranslationOptions, DigestOptions,
                                    ClusterOptions, FetchOptions, ReviewOptions)


def options_dict(*options: object) -> dict[str, Any]:
    """Merge option dataclasses into one JSON-ready settings dictionary."""
    merged: dict[str, Any] = {}
    for option in options:
        merged.update(asdict(option))  # type: ignore[call-overload]
    return {key: _plain(value) for key, value in merged.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
