"""Language detection and the mapping from ISO 639-1 codes to models.

Detection uses lingua (its models ship inside the package, so it works offline). Codes are
ISO 639-1 throughout summarize; NLLB-200 codes and opus-mt model ids come from each language's
profile (``summarize.lang``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from summarize.errors import LanguageError
from summarize.lang import profile
from summarize.lang.cldr import english_name
from summarize.lang.tables import NLLB_CODES, NLLB_ENGLISH, opus_mt_model

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = ["NLLB_CODES", "NLLB_ENGLISH", "Detection", "Family", "default_family",
           "detect_between", "detect_language", "language_name", "nllb_code", "opus_mt_id",
           "validate_code"]

Family = Literal["opus-mt", "nllb"]


def opus_mt_id(lang: str) -> str:
    """The hub id of the opus-mt model from ``lang`` to English."""
    return opus_mt_model(lang)


def nllb_code(lang: str) -> str:
    """The NLLB-200 code of an ISO 639-1 language (``tr`` → ``tur_Latn``).

    Raises:
        LanguageError: NLLB-200 does not cover the language.
    """
    code = profile(lang).nllb
    if code is None:
        raise LanguageError(f"language {lang!r} has no NLLB-200 code")
    return code


def default_family(lang: str, translator: str) -> Family:
    """Which model family translates ``lang`` under the ``translator`` choice: opus-mt where a
    pair exists, unless NLLB-200 is asked for or translates the language better."""
    found = profile(lang)
    if translator == "nllb" or found.opus_mt is None:
        return "nllb"
    if translator == "opus-mt":
        return "opus-mt"
    return "nllb" if found.prefers_nllb else "opus-mt"


@dataclass(frozen=True)
class Detection:
    """A detected language with the detector's confidence (0–1)."""

    language: str
    confidence: float


@cache
def _detector() -> LanguageDetector:
    from lingua import LanguageDetectorBuilder

    # Low-accuracy mode (trigram models) is as right as the full models on paragraphs and
    # documents, loads in a second instead of ten and takes ~90 MB instead of ~1.3 GB.
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str) -> Detection:
    """Detect the language of a text.

    Raises:
        LanguageError: the text has no letters to go on.
    """
    values = _detector().compute_language_confidence_values(text)
    if not values or values[0].value == 0.0:
        raise LanguageError("cannot detect the language: the text has no words to go on")
    best = values[0]
    return Detection(best.language.iso_code_639_1.name.lower(), float(best.value))


@cache
def _pair_detector(languages: frozenset[str]) -> LanguageDetector:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
              for code in sorted(languages)]
    return LanguageDetectorBuilder.from_languages(*chosen).build()


def detect_between(text: str, languages: tuple[str, ...]) -> Detection | None:
    """Which of a few languages ``text`` is in; ``None`` when lingua lacks one of them."""
    codes = [profile(code).detector for code in languages]
    if None in codes:
        return None
    try:
        detector = _pair_detector(frozenset(code for code in codes if code is not None))
    except (AttributeError, ValueError):
        return None
    values = detector.compute_language_confidence_values(text)
    if not values or values[0].value == 0.0:
        return None
    best = values[0]
    return Detection(best.language.iso_code_639_1.name.lower(), float(best.value))


def language_name(code: str) -> str:
    """The English name of an ISO 639 code, from CLDR through Babel (``la`` → ``Latin``)."""
    return english_name(code)


def validate_code(lang: str) -> str:
    """Check an ISO 639-1 code given by a person; return it lower-cased.

    Raises:
        LanguageError: the code is not one summarize knows.
    """
    code = lang.strip().lower()
    if code not in NLLB_CODES:
        known = ", ".join(sorted(NLLB_CODES))
        raise LanguageError(f"unknown language code {lang!r}; use an ISO 639-1 code: {known}")
    return code
