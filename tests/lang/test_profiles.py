"""The language registry: every profile well formed, locale data from CLDR, one home each."""

import subprocess
import sys

import pytest

from summarize.boilerplate import boilerplate_reason
from summarize.lang import (
    BOILERPLATE_REASONS,
    legacy_code_pages,
    module_codes,
    module_profiles,
    profile,
    supported_codes,
)
from summarize.lang.tables import CODE_PAGES, NLLB_CODES, OPUS_MT_SOURCES
from summarize.numparse import extract_numbers

#: The hand-written list of decimal-comma languages that CLDR replaced.
HAND_COMMA_DECIMAL = frozenset(
    "tr de it fr es pt nl ru uk pl cs sk sl hr sr bs ro hu da nb nn no sv fi et lt lv bg el "
    "id az ca eu gl is mk sq be kk".split())
#: Languages of the NLLB table that CLDR writes with a decimal comma and the hand list lacked.
CLDR_ONLY_COMMA_DECIMAL = frozenset({"af", "eo", "hy", "ka", "ts", "vi"})

#: The hand-written code-page table that the profiles replaced.
HAND_LEGACY = {
    "cp1256": frozenset({"ar", "fa", "ur"}),
    "cp1254": frozenset({"tr", "az"}),
    "cp1252": frozenset({"de", "it", "fr", "es", "pt", "nl", "en", "da", "sv", "nb", "nn", "fi",
                         "is", "ca", "eu", "gl", "ga", "cy", "af", "id", "ms", "sq", "sw", "la",
                         "tl", "et"}),
}


def test_the_seed_languages_and_spanish_have_modules() -> None:
    assert {"ar", "de", "en", "es", "fr", "it", "tr"} <= set(module_codes())


@pytest.mark.parametrize("code", ["tr", "TR", " tr ", "tr-TR", "tr_TR"])
def test_codes_are_read_case_and_region_free(code: str) -> None:
    assert profile(code) is profile("tr")


def test_profiles_carry_codes_models_and_locale_data() -> None:
    turkish, arabic = profile("tr"), profile("ar")
    assert (turkish.nllb, turkish.opus_mt, turkish.detector) == (
        "tur_Latn", "Helsinki-NLP/opus-mt-tr-en", "tr")
    assert (turkish.name, turkish.decimal, turkish.group, turkish.direction) == (
        "Turkish", ",", ".", "ltr")
    assert (arabic.name, arabic.decimal, arabic.direction, arabic.prefers_nllb) == (
        "Arabic", ".", "rtl", True)


def test_every_nllb_language_has_a_profile_from_the_tables() -> None:
    for code in supported_codes():
        found = profile(code)
        assert found.code == code and found.nllb == NLLB_CODES[code]
        assert (found.opus_mt is not None) == (code in OPUS_MT_SOURCES)
        assert found.name != code  # CLDR knows every one


def test_generic_profiles_have_cldr_data_and_no_words() -> None:
    persian = profile("fa")
    assert (persian.name, persian.direction, persian.nllb) == ("Persian", "rtl", "pes_Arab")
    assert not persian.numbers.cardinals and persian.code_page == "cp1256"
    unknown = profile("xx")
    assert (unknown.nllb, unknown.opus_mt, unknown.detector, unknown.name, unknown.decimal) == (
        None, None, None, "xx", ".")


def test_cldr_decimal_commas_are_the_hand_list_and_six_more() -> None:
    assert {code for code in HAND_COMMA_DECIMAL if profile(code).decimal != ","} == set()
    cldr = {code for code in NLLB_CODES if profile(code).decimal == ","}
    assert cldr - HAND_COMMA_DECIMAL == CLDR_ONLY_COMMA_DECIMAL


def test_legacy_code_pages_are_the_hand_table_in_order() -> None:
    assert dict(legacy_code_pages()) == HAND_LEGACY
    assert list(legacy_code_pages()) == list(HAND_LEGACY)


def test_the_detector_tables_are_linguas_languages() -> None:
    from lingua import Language

    lingua = {language.iso_code_639_1.name.lower() for language in Language.all()}
    assert {code for code in lingua if profile(code).detector == code} == lingua
    assert not [code for code in NLLB_CODES if profile(code).detector is None]


def test_each_fact_has_one_home() -> None:
    for found in module_profiles():
        assert found.code not in CODE_PAGES, f"{found.code}: code page in module and table"
    currency: dict[str, str] = {}
    for found in module_profiles():
        for word, code in found.marks.currency_words.items():
            assert currency.setdefault(word, code) == code, f"{word} means two currencies"


@pytest.mark.parametrize("code", module_codes())
def test_module_profiles_are_well_formed(code: str) -> None:
    found = profile(code)
    words = found.numbers
    assert all(word == word.lower() and not word.endswith(".")
               for word in [*words.cardinals, *words.scales, *words.ordinals])
    assert words.abbreviated_scales <= set(words.scales)
    # Ambiguous words are number words the parser reads (text2num's or the profile's own).
    assert all(extract_numbers(word, code) for word in words.ambiguous), code
    assert all("." in a and a == a.lower() for a in found.abbreviations)  # "dott.ssa"
    if found.length_band is not None:
        low, high = found.length_band
        assert 0 < low < 1 < high
    assert found.code_page is not None
    for phrase in found.boilerplate:
        assert phrase.reason in BOILERPLATE_REASONS
        for example in phrase.examples:
            assert boilerplate_reason(example, code) == phrase.reason, example


def test_profiles_are_frozen() -> None:
    with pytest.raises(AttributeError):
        profile("tr").code = "de"  # type: ignore[misc]
    with pytest.raises(TypeError):
        profile("tr").numbers.cardinals["yüz"] = 100  # type: ignore[index]


def test_babel_loads_only_for_locale_data() -> None:
    code = ("import sys\n"
            "from summarize.lang import profile\n"
            "from summarize.boilerplate import boilerplate_reason\n"
            "from summarize.checks import length_ratio_flag\n"
            "found = profile('tr')\n"
            "assert found.abbreviations and found.numbers.cardinals\n"
            "boilerplate_reason('Devamını oku', 'tr')\n"
            "length_ratio_flag('x' * 40, 'y' * 40, 'tr')\n"
            "assert 'babel' not in sys.modules\n"
            "assert found.decimal == ','\n"
            "assert 'babel' in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
