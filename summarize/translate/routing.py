"""Choosing one translator per source language; each model resolved once and loaded lazily.

The router knows which model translates a language (:func:`choose_model`) and resolves it
(local directory, the Hugging Face cache or the Hub); the engine that runs it is looked up by
name (``summarize.translate.engines``). A model loads on first use, so a run served from the
cache loads no weights at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from summarize.errors import LanguageError, ModelUnavailableError
from summarize.languages import default_family, language_name, nllb_code, opus_mt_id
from summarize.options import TranslationOptions
from summarize.translate.base import Generation, IdentityTranslator, Planner, Translator
from summarize.translate.decoding import Decoding
from summarize.translate.engines import Runtime, describe, engine_name, get_engine
from summarize.translate.hub import ModelRef, resolve_model
from summarize.translate.tokenizer import TokenizerPlanner, model_facts


class TranslatorSource(Protocol):
    """Where the pipeline gets its translators: one per source language."""

    def unsupported(self, language: str) -> str | None:
        """Why ``language`` cannot be translated at all (no model covers it), or None."""

    def preflight(self, languages: Iterable[str]) -> None:
        """Resolve every model the languages need, or raise before any work.

        Raises:
            ModelUnavailableError: a model cannot be found (all of them named together).
        """

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
    try:
        nllb_code(language)
    except LanguageError as exc:
        raise LanguageError(
            f"no translation model for {language_name(language)} ({language}): NLLB-200 does "
            f"not cover it and there is no opus-mt pair; give one with --model "
            f"{language}=ID_OR_DIR, or --source-lang if the language was misdetected") from exc
    return ModelChoice(language, options.nllb_model, f"{options.translator}: NLLB-200")


#: Bump when the generation rule changes, so cached sentences are not reused across it.
GENERATION_RULE = 2


class LazyTranslator(Translator):
    """A resolved model that loads on first use, so a run served from cache loads nothing.

    Its :meth:`signature` comes from the model's config files and the engine's resolved
    settings, so it is the same whether or not the model was ever loaded.
    """

    def __init__(self, ref: ModelRef, options: TranslationOptions, runtime: Runtime,
                 on_load: Callable[[str], None] | None = None) -> None:
        self.ref = ref
        self.engine = engine_name(options.engine)
        self._options = options
        self._runtime = runtime
        self._on_load = on_load
        self._inner: Translator | None = None
        self._planner: TokenizerPlanner | None = None
        self._described: dict[str, Any] | None = None
        self._signature: dict[str, Any] | None = None

    def load(self) -> None:
        """Load the model if not loaded yet."""
        if self._inner is None:
            if self._on_load is not None:
                self._on_load(self.ref.name)
            self._inner = get_engine(self.engine).from_options(self.ref, self._options,
                                                               self._runtime)

    @property
    def loaded(self) -> bool:
        """Whether the weights are loaded."""
        return self._inner is not None

    @property
    def inner(self) -> Translator:
        """The loaded translator."""
        self.load()
        assert self._inner is not None
        return self._inner

    def translate_batch(self, texts: Sequence[str], src_lang: str) -> list[str]:
        """Translate with the loaded model."""
        return self.inner.translate_batch(texts, src_lang)

    def generate_batch(self, texts: Sequence[str], src_lang: str,
                       decoding: Decoding | None = None) -> list[Generation]:
        """Translate with the loaded model, with details."""
        return self.inner.generate_batch(texts, src_lang, decoding)

    def generate_batches(self, batches: Sequence[Sequence[str]], src_lang: str,
                         decoding: Decoding | None = None) -> Any:
        """Translate several batches with the loaded model (side by side where it can); no
        batches, no model load."""
        if not batches:
            return iter(())
        return self.inner.generate_batches(batches, src_lang, decoding)

    def planner(self) -> Planner:
        """The loaded model plans; before it loads, its tokenizer alone does."""
        if self._inner is not None:
            return self._inner.planner()
        if self._planner is None:
            self._planner = TokenizerPlanner(self.ref, self._options.hf_kwargs)
        return self._planner

    def _description(self) -> dict[str, Any]:
        if self._described is None:
            self._described = describe(self.engine, self._options)
        return self._described

    def cache_signature(self) -> dict[str, Any]:
        """Model, revision and everything that changes its output: engine and library
        versions, resolved device and precision (``auto`` on a CPU and on a GPU differ),
        beams, input budget and the generation rule. Known without loading the model."""
        options = self._options
        return {**self._description(), "model": self.ref.name, "revision": self.ref.revision,
                "beams": options.beams, "max_input_tokens": options.max_input_tokens,
                "rule": GENERATION_RULE}

    def signature(self) -> dict[str, Any]:
        """Engine, model, revision, family, device, dtype, beams and input limit."""
        if self._signature is None:
            described = self._description()
            facts = model_facts(self.ref, self._options.hf_kwargs)
            self._signature = {"engine": self.engine, "model": self.ref.name,
                               "revision": self.ref.revision, "family": facts.family,
                               "device": described["device"], "dtype": described["dtype"],
                               "beams": self._options.beams,
                               "max_input_tokens": facts.max_input_tokens}
        return dict(self._signature)


class ModelRouter:
    """Maps languages to translators, resolving and loading each distinct model once.

    Args:
        options: Translation options (models, engine, device, dtype, beams, hf_kwargs).
        runtime: How models will be driven (threads, batches side by side).
        on_load: Called with each model name before it is loaded (for progress display).
    """

    def __init__(self, options: TranslationOptions, *, runtime: Runtime | None = None,
                 on_load: Callable[[str], None] | None = None) -> None:
        self.options = options
        self.runtime = runtime or Runtime()
        engine_name(options.engine)  # an unknown engine fails now, naming the known ones
        self._on_load = on_load
        self._by_model: dict[str, LazyTranslator] = {}
        self._choices: dict[str, ModelChoice | None] = {}
        self._identity = IdentityTranslator()

    def unsupported(self, language: str) -> str | None:
        """Why no model covers ``language``, or None."""
        try:
            choose_model(language, self.options)
        except LanguageError as exc:
            return str(exc)
        return None

    def preflight(self, languages: Iterable[str]) -> None:
        """Resolve every needed model, reporting all problems together; nothing is loaded yet.

        Raises:
            ModelUnavailableError: one line per model that cannot be found.
            LanguageError: a language no model covers (ask :meth:`unsupported` first).
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
            self._by_model[model] = LazyTranslator(ref, self.options, self.runtime,
                                                   self._on_load)

    def loaded_models(self) -> list[str]:
        """The models whose weights are loaded so far (none for a run served from cache)."""
        return [model for model, translator in self._by_model.items() if translator.loaded]

    def translator_for(self, language: str) -> Translator:
        """The translator for ``language``, resolving its model on first use."""
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

    Languages without an entry cannot be translated; English falls back to the identity
    translator.
    """

    def __init__(self, translators: Mapping[str, Translator]) -> None:
        self._translators = dict(translators)
        self._translators.setdefault("en", IdentityTranslator())

    def unsupported(self, language: str) -> str | None:
        """Why ``language`` has no translator here, or None."""
        if language in self._translators:
            return None
        return f"no translator given for {language_name(language)} ({language})"

    def preflight(self, languages: Iterable[str]) -> None:
        """Check that every language has a translator."""
        missing = sorted(set(languages) - set(self._translators))
        if missing:
            raise ModelUnavailableError(f"no translator given for: {', '.join(missing)}")

    def translator_for(self, language: str) -> Translator:
        """The translator given for ``language``."""
        self.preflight([language])
        return self._translators[language]
