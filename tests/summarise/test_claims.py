import pytest

from summarize.numbers import english_mentions, same_figure
from summarize.summarise.claims import figures, hedge, names, subject_names


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Mistral was valued at $6 billion in June 2024.", [("valuation", "$6 billion")]),
    ("The investment values Veloria AI at €11.7 billion.", [("valuation", "€11.7 billion")]),
    ("Veloria AI closed a funding round of 600 million euros on Tuesday.",
     [("funding", "600 million euros")]),
    ("It raised €600 million at a valuation of €6 billion.",
     [("funding", "€600 million"), ("valuation", "€6 billion")]),
    ("The company employs 350 people and raised $1.7 billion.",
     [("staff", "350"), ("funding", "$1.7 billion")]),
    ("It will build a 40 MW data centre near Paris.", [("capacity", "40 MW")]),
    # Numbers that measure nothing named are not figures; years never are.
    ("Arcadia sold 8,000 robots in 2024.", []),
    ("The company has 350 employees, up from 150 in 2023.", [("staff", "350")]),
])
def test_figures_name_the_measure(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.measure, f.shown) for f in figures(sentence)] == expected


def test_figures_agree_by_value_and_currency() -> None:
    six_dollars, = figures("It is valued at $6 billion.")
    six_thousand_million, = figures("It is valued at 6,000 million dollars.")
    six_euros, = figures("It is valued at €6 billion.")
    assert six_dollars.agrees(six_thousand_million)
    assert not six_dollars.agrees(six_euros)  # different currencies never agree


def test_same_figure_allows_rounding_only_to_the_written_precision() -> None:
    a, = english_mentions("€1.72 billion")
    b, = english_mentions("1.7 billion euros")
    c, = english_mentions("1.8 billion euros")
    assert same_figure(a, b) and same_figure(b, a)
    assert not same_figure(a, c)


def test_names_skip_sentence_initial_common_words_known_from_context() -> None:
    text = "Investors said Mistral AI would open an office in the US."
    assert names(text, context="The investors were pleased.") == {"mistral", "ai", "us"}
    assert "investors" in names(text)  # without context it cannot tell
    assert subject_names(text, "the investors") == {"mistral"}  # no acronyms, months, days


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Veloria AI is in talks to buy Lumen, according to Handelsblatt.",
     "according to Handelsblatt"),
    ("The company reportedly plans a listing.", "reportedly"),
    ("The chief executive said the plant would open in 2027.", "said"),
    ("Mistral is said to be raising new money.", "is said to"),
    ("The deal may be worth 2 billion euros.", "may"),
    ("Veloria AI raised 600 million euros.", None),
    ("Veloria AI raised 600 million euros in May 2024.", None),
])
def test_hedge_finds_attribution_and_hedging(sentence: str, expected: str | None) -> None:
    assert hedge(sentence) == expected
