"""Translation engines, looked up by name and imported only when a model loads.

Each engine is a :class:`~summarize.translate.base.Translator` class that resolves its own
settings (device, precision) from the options and builds itself for a resolved model (the
:class:`Engine` protocol). Adding an engine is one module and one line in :data:`ENGINES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from summarize.errors import OptionsError

if TYPE_CHECKING:
    from summarize.options import TranslationOptions
    from summarize.translate.base import Translator
    from summarize.translate.hub import ModelRef

#: Engine name → ``module:class``.
ENGINES: dict[str, str] = {
    "ctranslate2": "summarize.translate.ct2:CT2Translator",
    "transformers": "summarize.translate.hf:HFTranslator",
}
#: Other names accepted for an engine.
ALIASES = {"torch": "transformers"}
#: What ``auto`` picks, first installed wins.
AUTO_ORDER = ("ctranslate2", "transformers")


@dataclass(frozen=True)
class Runtime:
    """How the caller will drive a model (not part of its output).

    Attributes:
        threads: CPU threads the model may use; ``None`` uses every core.
        parallel_batches: Whether several batches may run at once (CTranslate2 on CPU); a
            caller that hands over one batch at a time (a Ray actor) gives all threads to it.
    """

    threads: int | None = None
    parallel_batches: bool = True


class Engine(Protocol):
    """What a translation engine class provides besides the translator interface."""

    name: ClassVar[str]
    #: Distributions whose versions can change the engine's output (keyed into the cache).
    distributions: ClassVar[tuple[str, ...]]

    @classmethod
    def resolved_settings(cls, options: TranslationOptions) -> dict[str, str]:
        """``device`` and ``dtype`` the engine will use under ``options`` (no model load)."""

    @classmethod
    def from_options(cls, ref: ModelRef, options: TranslationOptions,
                     runtime: Runtime) -> Translator:
        """Load the model ``ref`` as the options say."""


def engine_name(choice: str) -> str:
    """The engine a choice names: ``auto`` → the first installed of :data:`AUTO_ORDER`.

    Raises:
        OptionsError: the name is not a known engine.
    """
    name = ALIASES.get(choice, choice)
    if name == "auto":
        for candidate in AUTO_ORDER:
            if find_spec(candidate) is not None:
                return candidate
        return AUTO_ORDER[-1]
    if name not in ENGINES:
        known = ", ".join(["auto", *sorted(ENGINES), *(f"{a} (= {t})" for a, t in
                                                         sorted(ALIASES.items()))])
        raise OptionsError(f"unknown engine {choice!r}; known engines: {known}")
    return name


def get_engine(name: str) -> type[Engine]:
    """The engine class registered under ``name`` (or an alias, or ``auto``), imported now."""
    module, _, attribute = ENGINES[engine_name(name)].partition(":")
    engine: type[Engine] = getattr(import_module(module), attribute)
    return engine


def versions(distributions: tuple[str, ...]) -> Mapping[str, str]:
    """Installed versions of ``distributions`` (``missing`` for those not installed)."""
    found: dict[str, str] = {}
    for distribution in distributions:
        try:
            found[distribution] = version(distribution)
        except PackageNotFoundError:
            found[distribution] = "missing"
    return found


def describe(name: str, options: TranslationOptions) -> dict[str, Any]:
    """What identifies an engine's output under ``options``: its name, resolved device and
    dtype, and the versions of the libraries that compute it."""
    engine = get_engine(name)
    return {"engine": engine.name, **engine.resolved_settings(options),
            "versions": dict(versions(engine.distributions))}
