"""Language detection and the mapping from ISO 639-1 codes to models.

Detection uses lingua (its models ship inside the package, so it works offline). Codes are
ISO 639-1 throughout summarize; NLLB-200 codes and opus-mt model ids are derived here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from summarize.errors import LanguageError

if TYPE_CHECKING:
    from lingua import LanguageDetector

Family = Literal["opus-mt", "nllb"]

#: ISO 639-1 → NLLB-200 (FLORES-200) code, for every language lingua detects that NLLB has.
NLLB_CODES: dict[str, str] = {
    "af": "afr_Latn", "ar": "arb_Arab", "az": "azj_Latn", "be": "bel_Cyrl", "bg": "bul_Cyrl",
    "bn": "ben_Beng", "bs": "bos_Latn", "ca": "cat_Latn", "cs": "ces_Latn", "cy": "cym_Latn",
    "da": "dan_Latn", "de": "deu_Latn", "el": "ell_Grek", "en": "eng_Latn", "eo": "epo_Latn",
    "es": "spa_Latn", "et": "est_Latn", "eu": "eus_Latn", "fa": "pes_Arab", "fi": "fin_Latn",
    "fr": "fra_Latn", "ga": "gle_Latn", "gu": "guj_Gujr", "he": "heb_Hebr", "hi": "hin_Deva",
    "hr": "hrv_Latn", "hu": "hun_Latn", "hy": "hye_Armn", "id": "ind_Latn", "is": "isl_Latn",
    "it": "ita_Latn", "ja": "jpn_Jpan", "ka": "kat_Geor", "kk": "kaz_Cyrl", "ko": "kor_Hang",
    "lg": "lug_Latn", "lt": "lit_Latn", "lv": "lvs_Latn", "mi": "mri_Latn", "mk": "mkd_Cyrl",
    "mn": "khk_Cyrl", "mr": "mar_Deva", "ms": "zsm_Latn", "nb": "nob_Latn", "nl": "nld_Latn",
    "nn": "nno_Latn", "pa": "pan_Guru", "pl": "pol_Latn", "pt": "por_Latn", "ro": "ron_Latn",
    "ru": "rus_Cyrl", "sk": "slk_Latn", "sl": "slv_Latn", "sn": "sna_Latn", "so": "som_Latn",
    "sq": "als_Latn", "sr": "srp_Cyrl", "st": "sot_Latn", "sv": "swe_Latn", "sw": "swh_Latn",
    "ta": "tam_Taml", "te": "tel_Telu", "th": "tha_Thai", "tl": "tgl_Latn", "tn": "tsn_Latn",
    "tr": "tur_Latn", "ts": "tso_Latn", "uk": "ukr_Cyrl", "ur": "urd_Arab", "vi": "vie_Latn",
    "xh": "xho_Latn", "yo": "yor_Latn", "zh": "zho_Hans", "zu": "zul_Latn",
}

NLLB_ENGLISH = "eng_Latn"

#: Source languages with a published ``Helsinki-NLP/opus-mt-{src}-en`` model.
OPUS_MT_SOURCES: frozenset[str] = frozenset(
    "af ar az bg bn ca cs cy da de es et eu fi fr ga gl hi hu hy id is it ja ka ko mk mr nl pl "
    "ru sk sq sv th tl tr uk ur vi zh".split()
)

#: Languages where the FLORES scores favour NLLB-200 over opus-mt (data/flores/README.md:
#: ar→en BLEU 36.5 vs 33.9, COMET 0.854 vs 0.844). For de, it and tr opus-mt scores higher.
NLLB_PREFERRED: frozenset[str] = frozenset({"ar"})


def opus_mt_id(lang: str) -> str:
    """The hub id of the opus-mt model from ``lang`` to English."""
    return f"Helsinki-NLP/opus-mt-{lang}-en"


def nllb_code(lang: str) -> str:
    """The NLLB-200 code of an ISO 639-1 language (``tr`` → ``tur_Latn``).

    Raises:
        LanguageError: NLLB-200 does not cover the language.
    """
    try:
        return NLLB_CODES[lang]
    except KeyError as exc:
        raise LanguageError(f"language {lang!r} has no NLLB-200 code") from exc


def default_family(lang: str, translator: str) -> Family:
    """Which model family translates ``lang`` under the ``translator`` choice."""
    if translator == "nllb" or lang not in OPUS_MT_SOURCES:
        return "nllb"
    if translator == "opus-mt":
        return "opus-mt"
    return "nllb" if lang in NLLB_PREFERRED else "opus-mt"


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
    try:
        detector = _pair_detector(frozenset(languages))
    except (AttributeError, ValueError):
        return None
    values = detector.compute_language_confidence_values(text)
    if not values or values[0].value == 0.0:
        return None
    best = values[0]
    return Detection(best.language.iso_code_639_1.name.lower(), float(best.value))


def language_name(code: str) -> str:
    """The English name of an ISO 639 code, from CLDR through Babel (``la`` → ``Latin``)."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale("en").languages.get(code, code))
    except (UnknownLocaleError, ValueError):
        return code


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
