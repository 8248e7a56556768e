from pathlib import Path

import pytest

from summarize.errors import LanguageError
from summarize.languages import (
    default_family,
    detect_language,
    nllb_code,
    opus_mt_id,
    validate_code,
)
from summarize.options import TranslationOptions
from summarize.translate.routing import choose_model

SEEDS = Path(__file__).parents[1] / "seeds"
ENGLISH = Path(__file__).parent / "fixtures" / "english"


def test_detects_every_seed_language() -> None:
    found = [detect_language(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    assert [d.language for d in found] == ["tr", "ar", "ar", "de", "it"]
    assert all(d.confidence > 0.9 for d in found)


def test_detects_english() -> None:
    for path in ENGLISH.glob("*.txt"):
        assert detect_language(path.read_text(encoding="utf-8")).language == "en"


def test_no_words_is_a_clear_error() -> None:
    with pytest.raises(LanguageError, match="no words"):
        detect_language("12345 !!! 67")


@pytest.mark.parametrize(
    ("lang", "code"), [("ar", "arb_Arab"), ("tr", "tur_Latn"), ("de", "deu_Latn"),
                       ("it", "ita_Latn"), ("en", "eng_Latn")])
def test_nllb_codes(lang: str, code: str) -> None:
    assert nllb_code(lang) == code


@pytest.mark.parametrize(
    ("lang", "translator", "family"),
    [("tr", "auto", "opus-mt"), ("de", "auto", "opus-mt"), ("it", "auto", "opus-mt"),
     ("ar", "auto", "nllb"), ("ar", "opus-mt", "opus-mt"), ("tr", "nllb", "nllb"),
     ("yo", "auto", "nllb"), ("yo", "opus-mt", "nllb")],
)
def test_default_family(lang: str, translator: str, family: str) -> None:
    assert default_family(lang, translator) == family


def test_choose_model_routes_overrides_and_english() -> None:
    options = TranslationOptions(model={"de": "/models/de"}, nllb_model="my/nllb")
    assert choose_model("en", options) is None
    assert choose_model("de", options).model == "/models/de"  # type: ignore[union-attr]
    assert choose_model("tr", options).model == opus_mt_id("tr")  # type: ignore[union-attr]
    assert choose_model("ar", options).model == "my/nllb"  # type: ignore[union-attr]


def test_unknown_language_code_is_a_clear_error() -> None:
    with pytest.raises(LanguageError, match="unknown language code 'xx'"):
        validate_code("xx")
    assert validate_code(" TR ") == "tr"
