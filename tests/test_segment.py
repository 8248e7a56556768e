import pytest

from summarize.segment import chunk_to_budget, split_sentences


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("tr", "Mistral 1,2 milyar euro yatırım yapacak. Şirket 2023'te kuruldu.",
         ["Mistral 1,2 milyar euro yatırım yapacak.", "Şirket 2023'te kuruldu."]),
        ("tr", "Değerleme 11,7 milyar euro oldu. Dr. Ahmet Yılmaz açıkladı.",
         ["Değerleme 11,7 milyar euro oldu.", "Dr. Ahmet Yılmaz açıkladı."]),
        ("de", "Mistral müsse 500 Mill. Euro Umsatz machen. Sie können 2 oder 3 Mrd. Euro "
               "einsammeln. Am 3. Februar kam z.B. Dr. Müller.",
         ["Mistral müsse 500 Mill. Euro Umsatz machen.",
          "Sie können 2 oder 3 Mrd. Euro einsammeln.", "Am 3. Februar kam z.B. Dr. Müller."]),
        ("it", "Valutata 2 miliardi di dollari. Noto per GPT-4 e GPT 3.5. Il dott. Rossi ha "
               "parlato.",
         ["Valutata 2 miliardi di dollari.", "Noto per GPT-4 e GPT 3.5.",
          "Il dott. Rossi ha parlato."]),
        ("ar", "هل يمكن حتى 1.7 مليار يورو سد الفجوة؟ أنا متشكك، لكن هناك منافس. بلغت 11.7 مليار.",
         ["هل يمكن حتى 1.7 مليار يورو سد الفجوة؟", "أنا متشكك، لكن هناك منافس.",
          "بلغت 11.7 مليار."]),
        ("en", "Mistral raised 1.7 billion euros. It is worth 11.7 billion.",
         ["Mistral raised 1.7 billion euros.", "It is worth 11.7 billion."]),
    ],
)
def test_split_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


def words(text: str) -> int:
    return len(text.split())


@pytest.mark.parametrize("budget", [1, 3, 5, 8])
def test_chunks_respect_budget_and_lose_nothing(budget: int) -> None:
    text = "alpha beta gamma, delta epsilon zeta eta; theta iota kappa lambda mu nu xi"
    pieces = chunk_to_budget(text, words, budget)
    assert all(words(p) <= budget for p in pieces)
    assert " ".join(pieces).split() == text.split()


def test_chunks_prefer_clause_boundaries() -> None:
    text = "one two three, four five six, seven eight nine"
    assert chunk_to_budget(text, words, 3) == ["one two three,", "four five six,",
                                                "seven eight nine"]


def test_word_longer_than_budget_is_cut_not_dropped() -> None:
    url = "https://example.org/" + "x" * 50
    pieces = chunk_to_budget(url, len, 16)
    assert "".join(pieces) == url
    assert all(len(p) <= 16 for p in pieces)


def test_text_within_budget_is_untouched() -> None:
    assert chunk_to_budget("short text", words, 10) == ["short text"]
