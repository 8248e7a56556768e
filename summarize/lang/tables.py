"""The facts kept in tables for every language: NLLB-200 codes, opus-mt pairs, the detector's
languages and legacy code pages of languages without a module of their own.

Codes are ISO 639-1 throughout summarize.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: ISO 639-1 → NLLB-200 (FLORES-200) code, for every language lingua detects that NLLB has.
NLLB_CODES: Mapping[str, str] = MappingProxyType({
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
})

NLLB_ENGLISH = "eng_Latn"

#: Source languages with a published ``Helsinki-NLP/opus-mt-{src}-en`` model.
OPUS_MT_SOURCES: frozenset[str] = frozenset(
    "af ar az bg bn ca cs cy da de es et eu fi fr ga gl hi hu hy id is it ja ka ko mk mr nl pl "
    "ru sk sq sv th tl tr uk ur vi zh".split()
)

#: The languages lingua detects: every language of the NLLB table, and Latin.
DETECTED: frozenset[str] = frozenset(NLLB_CODES) | {"la"}

#: Legacy code pages tried, in this order, for a file that is not UTF-8 (on a tie the first
#: wins); code pages not listed here come after them.
CODE_PAGE_ORDER = ("cp1256", "cp1254", "cp1252")

#: The legacy code page of languages without a module of their own.
CODE_PAGES: Mapping[str, str] = MappingProxyType({
    **dict.fromkeys(("fa", "ur"), "cp1256"),
    "az": "cp1254",
    **dict.fromkeys(("nl", "da", "sv", "nb", "nn", "fi", "is", "ca", "eu", "gl", "ga", "cy",
                     "af", "id", "ms", "sq", "sw", "la", "tl", "et"), "cp1252"),
})


def opus_mt_model(code: str) -> str:
    """The hub id of the opus-mt model from ``code`` to English (whether or not it exists)."""
    return f"Helsinki-NLP/opus-mt-{code}-en"
