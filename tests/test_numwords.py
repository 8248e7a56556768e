"""Numbers in words (``summarize.numspell``, ``summarize.numgrammar``): text2num's own cases, the
probes of issue #16, halves and fractions, the small-number rule and the generated vocabularies.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from summarize.lang.lexicons import build
from summarize.numbers import audit_numbers, extract_numbers
from summarize.numgrammar import Word, split_numbers

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from number_words_text2num import Case, load_cases, passes, score  # noqa: E402

#: The text2num cases the parser reads otherwise, and why (measured 2026-12-02).
KNOWN_FAILURES = {
    # text2num keeps an article apart from a bare scale word; summarize reads "a million".
    ("de", "Ein Millionen Deal"),
    # Years read as two numbers ("nineteen seventy-three", the 1970s in words).
    ("en", "nineteen seventy-three"), ("it", "diciannove anni settanta"),
    # Commented out in text2num-rs's own tests: its expected 11 for "dodici" is wrong.
    ("it", "dodici é un po' di piu"),
}
CASES = [case for lang in ("de", "it", "en") for case in load_cases(lang)]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.lang}-{c.kind}-{c.text[:40]}")
def test_text2num_cases(case: Case) -> None:
    if (case.lang, case.text) in KNOWN_FAILURES:
        pytest.xfail("a known difference, see KNOWN_FAILURES")
    assert passes(case)


@pytest.mark.parametrize(("lang", "minimum"), [("de", 0.95), ("it", 0.95), ("en", 0.95)])
def test_text2num_cases_are_read_as_text2num_reads_them(lang: str, minimum: float) -> None:
    """Issue #16's goal: at least 95 % of text2num's German and Italian cases. Measured
    2026-12-02: de 92 of 93, it 126 of 128, en 72 of 73 (before: 33, 53 and 42)."""
    passed, total, failures = score(lang)
    assert passed / total >= minimum
    assert {(c.lang, c.text) for c in failures} <= KNOWN_FAILURES


PROBES = [  # the probes of issue #16, each judged wrongly before it
    ("tr", "Yüz kişi geldi.", "A thousand people came.", ["changed"]),
    ("tr", "Yüz kişi geldi.", "A hundred people came.", []),
    ("de", "Der Umsatz lag bei zweieinhalb Milliarden Euro.", "Sales were 2.5 billion euros.",
     []),
    ("tr", "Şirket iki buçuk milyar dolar topladı.", "The company raised $2.5 billion.", []),
    ("de", "Es kamen fünfzehn Menschen.", "Fifty people came.", ["changed"]),
    ("de", "Es kamen fünfzehn Menschen.", "15 people came.", []),
    ("tr", "Şirket yeni fabrikasını açtı.", "The company opened its 3 new factories.",
     ["added"]),
    ("it", "Sono arrivate tremila persone.", "300 people arrived.", ["changed"]),
    ("it", "Il comune ha assunto seicento persone.", "The town hired 600 people.", []),
    ("de", "Es waren fünfundzwanzig Kühe.", "There were 52 cows.", ["changed"]),
]


@pytest.mark.parametrize(("lang", "source", "english", "kinds"), PROBES)
def test_issue_16_probes(lang: str, source: str, english: str, kinds: list[str]) -> None:
    assert [issue.kind for issue in audit_numbers(source, english, lang)] == kinds


HALVES = [
    ("tr", "iki buçuk milyar dolar", 2.5e9), ("tr", "bir buçuk saat", 1.5),
    ("tr", "yarım milyon kişi", 5e5), ("tr", "2 buçuk milyon", 2.5e6),
    ("tr", "iki virgül beş", 2.5),
    ("de", "zweieinhalb Milliarden", 2.5e9), ("de", "eineinhalb Jahre", 1.5),
    ("de", "anderthalb Stunden", 1.5), ("de", "eine halbe Million", 5e5),
    ("de", "drei Komma fünf", 3.5),
    ("it", "due milioni e mezzo", 2.5e6), ("it", "un milione e mezzo", 1.5e6),
    ("it", "mezzo milione", 5e5), ("it", "due ore e mezza", 2.5), ("it", "un'ora e mezza", 1.5),
    ("it", "tre virgola cinque", 3.5), ("it", "2 milioni e mezzo", 2.5e6),
    ("es", "dos millones y medio", 2.5e6), ("es", "medio millón", 5e5),
    ("es", "una hora y media", 1.5),
    ("ar", "مليونان ونصف", 2.5e6), ("ar", "مليون ونصف", 1.5e6), ("ar", "نصف مليون", 5e5),
    ("ar", "ساعة ونصف", 1.5), ("ar", "ثلاثة ونصف", 3.5), ("ar", "مليارا ونصف", 2.5e9),
    ("en", "two and a half billion", 2.5e9), ("en", "half a million", 5e5),
    ("en", "an hour and a half", 1.5), ("en", "a million and a half", 1.5e6),
    ("en", "2½ hours", 2.5), ("en", "one and a half", 1.5), ("en", "two point five", 2.5),
]


@pytest.mark.parametrize(("lang", "text", "value"), HALVES)
def test_halves_and_fractions(lang: str, text: str, value: float) -> None:
    assert [m.value for m in extract_numbers(text, lang)] == [pytest.approx(value)]


@pytest.mark.parametrize(("lang", "source", "english"), [
    ("tr", "Şirket iki buçuk milyar dolar topladı.", "The company raised $2 billion."),
    ("de", "Die Sitzung dauerte achteinhalb Stunden.", "The meeting lasted 8 hours."),
    ("it", "Costa due milioni e mezzo di euro.", "It costs 2 million euros."),
    ("es", "Cuesta dos millones y medio de euros.", "It costs 2 million euros."),
    ("ar", "بلغت القيمة مليونين ونصف دولار.", "The value reached $2 million."),
])
def test_a_dropped_half_is_a_changed_number(lang: str, source: str, english: str) -> None:
    assert [issue.kind for issue in audit_numbers(source, english, lang)] == ["changed"]


@pytest.mark.parametrize(("lang", "source", "english", "kinds"), [
    # Invented: no number, count word or ordinal in the source can be it.
    ("tr", "Toplantı uzun sürdü.", "The meeting lasted 3 hours.", ["added"]),
    ("de", "Die Polizei nahm Verdächtige fest.", "Police arrested 12 suspects.", ["added"]),
    # Said without a digit in the source: a number word, a count word, an ordinal.
    ("de", "Es kamen drei Menschen.", "3 people came.", []),
    ("tr", "Toplantı on iki saat sürdü.", "The meeting lasted 12 hours.", []),
    ("ar", "استمر الاجتماع ساعتين.", "The meeting lasted 2 hours.", []),
    ("de", "Beide Länder stimmten zu.", "The 2 countries agreed.", []),
    ("ar", "وقع الحادث في الخامس من مارس.", "The accident happened on 5 March.", []),
    ("it", "Entrambi i paesi hanno firmato.", "The 2 countries signed.", []),
])
def test_small_invented_numbers(lang: str, source: str, english: str,
                                kinds: list[str]) -> None:
    assert [issue.kind for issue in audit_numbers(source, english, lang)] == kinds


@pytest.mark.parametrize(("words", "units_before_tens", "numbers"), [
    ([2, 100, 50, 1000, 3], False, [250003]), ([5, 10], False, [5, 10]),
    ([5, 10], True, [15]), ([100, 5, 20, 1000], True, [125000]), ([2, 3], False, [2, 3]),
    ([1000, 1e6], False, [1000, 1e6]), ([2e6, 500, 1000], True, [2_500_000]),
    ([20, 2e6], True, [20e6]),  # عشرين مليونا: the accusative singular after a number
    ([10, 1, 1e6], False, [11e6]), ([0, 8], False, [0, 8]),
])
def test_place_value_grammar(words: list[float], units_before_tens: bool,
                             numbers: list[float]) -> None:
    found = split_numbers([Word(float(w)) for w in words], units_before_tens)
    assert [value for _, _, value in found] == numbers


SAMPLE = [*range(0, 1_000_001, 991), *(k * 10 ** e for e in (6, 9, 12) for k in (1, 2, 7, 11,
                                                                                   99, 101,
                                                                                   999))]


@pytest.mark.parametrize("lang", ["tr", "ar"])
def test_generated_vocabularies_read_numbers_back(lang: str) -> None:
    """A sample of the build's round trip (the build checks every number to 1,000,000)."""
    if lang == "ar":  # rendered by num2words; Turkish by summarize's own renderer
        pytest.importorskip("num2words")
    assert build.round_trip(lang, SAMPLE) == []


def test_generated_vocabularies_are_what_num2words_gives() -> None:
    pytest.importorskip("num2words")
    from summarize.lang.lexicons import ar, tr

    assert build.turkish() == (tr.CARDINALS, tr.SCALES)
    assert build.arabic() == (ar.CARDINALS, ar.SCALES)


def test_turkish_renderer_agrees_with_num2words_where_num2words_is_right() -> None:
    pytest.importorskip("num2words")
    assert build.spellings(250_003, "tr") == ["iki yüz elli bin üç", "ikiyüzellibinüç"]
    assert build.num2words_error(121_001, "tr") and not build.num2words_error(120_001, "tr")
    assert sum(build.num2words_error(n, "tr") for n in range(0, 100_001, 7)) == 0
