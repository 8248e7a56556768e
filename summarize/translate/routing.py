"""Choosing and loading one translator per source language, each model loaded once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from summarize.errors import ModelUnavailableError
from summarize.languages import default_family, nllb_code, opus_mt_id
from summarize.options import TranslationOptions
from summarize.translate.base import Generation, IdentityTranslator, Translator
from summarize.translate.hub import ModelRef, resolve_model


class TranslatorSource(Protocol):
    """Where the pipeline gets its translators: one per source language."""

    def preflight(self, languages: Iterable[str]) -> None:
        """Resolve and load every model the languages need, or raise before any work."""

    def translator_for(self, language: str) -> Translator:
        """The translator for ``language`` (ISO 639-1) into English."""


@dataclass(frozen=True)
class ModelChoice:
    """Which model translates a language, and why."""

    language: str
    model: str
    reason: str


def choose_model(language: str, options: TranslationOptions) -> ModelChoice | None:
    """The model for ``language`` under ``options``; ``None`` for English (identity).

    Raises:
        LanguageError: NLLB would be needed but does not cover the language.
    """
    if language == "en":
        return None
    if language in options.model:
        return ModelChoice(language, options.model[language], "--model override")
    family = default_family(language, options.translator)
    if family == "opus-mt":
        return ModelChoice(language, opus_mt_id(language), f"{options.translator}: opus-mt pair")
    nllb_code(language)  # raises for languages NLLB lacks
    return ModelChoice(language, options.nllb_model, f"{options.translator}: NLLB-200")


Loader = Callable[[ModelRef], Translator]


def resolve_engine(engine: str) -> str:
    """``auto`` → ``ctranslate2`` when it is installed, else ``torch`` (transformers)."""
    if engine != "auto":
        return "transformers" if engine == "torch" else engine
    from importlib.util import find_spec

    return "ctranslate2" if find_spec("ctranslate2") is not None else "transformers"

#: Bump when the generation rule changes, so cached sentences are not reused across it.
GENERATION_RULE = 1


class LazyTranslator(Translator):
    """A resolved model that loads on first use, so a run served from cache loads nothing."""

    def __init__(self, ref: ModelRef, loader: Loader, options: TranslationOptions,
                 on_load: Callable[[str], None] | None = None) -> None:
        self.ref = ref
        self._loader = loader
        self._options = options
        self._on_load = on_load
        self._inner: Translator | None = None
        self._resolved: tuple[str, str] | None = None

    @property
    def engine(self) -> str:  # type: ignore[override]
        """The engine that runs (or will run) the model."""
        return resolve_engine(self._options.engine)

    def load(self) -> None:
        """Load the model if not loaded yet."""
        if self._inner is None:
            if self._on_load is not None:
                self._on_load(self.ref.name)
            self._inner = self._loader(self.ref)

    @property
    def inner(self) -> Translator:
        """The loaded translator."""
        self.load()
        assert self._inner is not None
        return self._inner

    def translate_batch(self, texts: Sequence[str], src_lang: str) -> list[str]:
        """Translate with the loaded model."""
        return self.inner.translate_batch(texts, src_lang)

    def generate_batch(self, texts: Sequence[str], src_lang: str, *,
                       safer: bool = False) -> list[Generation]:
        """Translate with the loaded model, with details."""
        return self.inner.generate_batch(texts, src_lang, safer=safer)

    def generate_batches(self, batches: Sequence[Sequence[str]], src_lang: str, *,
                         safer: bool = False) -> Iterator[list[Generation]]:
        """Translate several batches with the loaded model (side by side where it can); no
        batches, no model load."""
        if not batches:
            return iter(())
        return self.inner.generate_batches(batches, src_lang, safer=safer)

    @property
    def max_input_tokens(self) -> int | None:
        """The loaded model's input limit."""
        return self.inner.max_input_tokens

    def count_tokens(self, text: str, src_lang: str) -> int:
        """Tokens as the loaded model counts them."""
        return self.inner.count_tokens(text, src_lang)

    def cache_signature(self) -> dict[str, Any]:
        """Model, revision and output-changing settings (device and precision resolved, so
        ``auto`` on a CPU and on a GPU are told apart), known without loading the model."""
        options = self._options
        engine = self.engine
        if self._resolved is None:
            from summarize import device as devices

            if engine == "ctranslate2":
                device = devices.resolve_ct2_device(options.device)
                dtype = devices.resolve_compute_type(options.compute_type, device)
            else:
                device = devices.resolve_device(options.device)
                dtype = str(devices.resolve_dtype(options.dtype, device)).removeprefix("torch.")
            self._resolved = (device, dtype)
        device, dtype = self._resolved
        return {"engine": engine, "model": self.ref.name, "revision": self.ref.revision,
                "beams": options.beams, "device": device, "dtype": dtype,
                "max_input_tokens": options.max_input_tokens, "rule": GENERATION_RULE}

    def signature(self) -> dict[str, Any]:
        """The loaded model's signature, or the cache signature if it was never needed."""
        if self._inner is not None:
            return self._inner.signature()
        return {**self.cache_signature(), "loaded": False}


class ModelRouter:
    """Maps languages to translators, loading each distinct model once.

    Args:
        options: Translation options (models, device, dtype, beams, hf_kwargs).
        loader: Builds a translator from a resolved model; the transformers engine by default.
        on_load: Called with each model name before it is loaded (for progress display).
        threads: CPU threads per CTranslate2 model (default: all cores); a Ray actor passes
            the CPUs it was given.
        side_by_side: Let CTranslate2 run several batches at once on CPU (one per core); a
            caller that hands over one batch at a time (a Ray actor) turns it off so that one
            batch gets every thread.
    """

    def __init__(self, options: TranslationOptions, *, loader: Loader | None = None,
                 on_load: Callable[[str], None] | None = None,
                 threads: int | None = None, side_by_side: bool = True) -> None:
        self.options = options
        self.threads = threads
        self.side_by_side = side_by_side
        self._loader = loader or self._load_transformers
        self._on_load = on_load
        self._by_model: dict[str, Translator] = {}
        self._choices: dict[str, ModelChoice | None] = {}
        self._identity = IdentityTranslator()

    def _load_transformers(self, ref: ModelRef) -> Translator:
        options = self.options
        if resolve_engine(options.engine) == "ctranslate2":
            from summarize.translate.cache import default_cache_dir
            from summarize.translate.ct2 import CT2Translator

            return CT2Translator(ref, cache_root=Path(options.cache or default_cache_dir()),
                                 device=options.device, compute_type=options.compute_type,
                                 beams=options.beams, hf_kwargs=options.hf_kwargs,
                                 threads=self.threads, side_by_side=self.side_by_side)
        from summarize.translate.hf import HFTranslator

        return HFTranslator(ref, device=options.device, dtype=options.dtype,
                            beams=options.beams, hf_kwargs=options.hf_kwargs)

    def choices(self) -> Mapping[str, ModelChoice | None]:
        """The model chosen for each language seen so far."""
        return dict(self._choices)

    def preflight(self, languages: Iterable[str]) -> None:
        """Resolve every needed model, reporting all problems together; nothing is loaded yet.

        Models load when first needed (:meth:`LazyTranslator.load`); the pipeline loads every
        model with uncached work before translating anything, so a broken model fails early.

        Raises:
            ModelUnavailableError: one line per model that cannot be found or loaded.
        """
        wanted: dict[str, list[str]] = {}
        for language in sorted(set(languages)):
            choice = choose_model(language, self.options)
            self._choices[language] = choice
            if choice is not None and choice.model not in self._by_model:
                wanted.setdefault(choice.model, []).append(language)
        refs: dict[str, ModelRef] = {}
        problems: list[ModelUnavailableError] = []
        revision = self.options.hf_kwargs.get("revision")
        for model, langs in wanted.items():
            purpose = ", ".join(f"{lang}→en" for lang in langs) + " translation"
            try:
                refs[model] = resolve_model(model, purpose=purpose, revision=revision)
            except ModelUnavailableError as exc:
                problems.append(exc)
        if problems:
            hints = dict.fromkeys(p.hint for p in problems if p.hint)
            raise ModelUnavailableError("\n".join(p.args[0] for p in problems),
                                        " ".join(hints))
        for model, ref in refs.items():
            self._by_model[model] = LazyTranslator(ref, self._loader, self.options,
                                                   self._on_load)

    def translator_for(self, language: str) -> Translator:
        """The translator for ``language``, loading its model on first use."""
        if language not in self._choices:
            self.preflight([language])
        choice = self._choices[language]
        if choice is None:
            return self._identity
        if choice.model not in self._by_model:
            self.preflight([language])
        return self._by_model[choice.model]


class StaticRouter:
    """A router over translators built elsewhere (library use, tests, custom backends).

    Languages without an entry raise; English falls back to the identity translator.
    """

    def __init__(self, translators: Mapping[str, Translator]) -> None:
        self._translators = dict(translators)
        self._translators.setdefault("en", IdentityTranslator())

    def preflight(self, languages: Iterable[str]) -> None:
        """Check that every language has a translator."""
        missing = sorted(set(languages) - set(self._translators))
        if missing:
            raise ModelUnavailableError(f"no translator given for: {', '.join(missing)}")

    def translator_for(self, language: str) -> Translator:
        """The translator given for ``language``."""
        self.preflight([language])
        return self._translators[language]
