"""Sentence boundaries on pySBD's cases and summarize's own news cases (data/sbd), and the
classes that broke news sentences: abbreviations at a sentence end, titles, ordinals, quotes,
ellipses and lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.segment import split_sentences

DATA = Path(__file__).parents[1] / "data" / "sbd"

#: The cases each suite must pass at least (measured: benchmarks/sentence_boundaries.py).
FLOORS = {("en", "en"): 47, ("de", "de"): 27, ("it", "it"): 36, ("es", "es"): 30,
          ("ar", "ar"): 2, ("tr", "tr"): 36, ("news_en", "en"): 8, ("news_de", "de"): 15,
          ("news_it", "it"): 10, ("news_ar", "ar"): 4}


@pytest.mark.parametrize(("suite", "lang"), sorted(FLOORS))
def test_suites_pass_at_least_their_measured_share(suite: str, lang: str) -> None:
    rows = [json.loads(line) for line in (DATA / f"{suite}.jsonl").read_text(
        encoding="utf-8").splitlines()]
    passed = [r for r in rows
              if split_sentences(r["text"], lang) == [s.strip() for s in r["sentences"]]]
    assert len(passed) >= FLOORS[(suite, lang)]
    for row in rows:  # nothing is ever lost or invented, passed or not
        assert " ".join(split_sentences(row["text"], lang)).split() == row["text"].split()


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # A scale abbreviation ends a sentence unless the amount goes on.
    ("de", "Der Verlust betrug 500 Mill. Die Aktie fiel um 3 Prozent.",
     ["Der Verlust betrug 500 Mill.", "Die Aktie fiel um 3 Prozent."]),
    ("de", "Der Umsatz stieg auf 500 Mill. Euro im Jahr.",
     ["Der Umsatz stieg auf 500 Mill. Euro im Jahr."]),
    ("it", "Il debito ha raggiunto 3 mld. Il governo prepara la manovra.",
     ["Il debito ha raggiunto 3 mld.", "Il governo prepara la manovra."]),
    ("it", "L'azienda investe 3 mld. di euro.", ["L'azienda investe 3 mld. di euro."]),
    ("tr", "Gelir 450 mn. TL'ye ulaştı. Kâr geriledi.", ["Gelir 450 mn. TL'ye ulaştı.",
                                                       "Kâr geriledi."]),
    # A legal form ends a sentence before a sentence opener, not before a lower-case word.
    ("en", "The deal was signed by Acme Ltd. The price was not disclosed.",
     ["The deal was signed by Acme Ltd.", "The price was not disclosed."]),
    ("en", "They met at Pitt, Briggs & Co. at noon.", ["They met at Pitt, Briggs & Co. at noon."]),
    ("tr", "İhaleyi Arçelik A.Ş. kazandı. Teslimat yıl sonunda.",
     ["İhaleyi Arçelik A.Ş. kazandı.", "Teslimat yıl sonunda."]),
    ("it", "Firmato con Alfa S.p.A. La consegna è a marzo.",
     ["Firmato con Alfa S.p.A.", "La consegna è a marzo."]),
    # Titles never end a sentence.
    ("tr", "Açıklamayı Sn. Bakan yaptı.", ["Açıklamayı Sn. Bakan yaptı."]),
    ("ar", "قال د. أحمد حسن إن الوضع مستقر. وأضاف أن الفرق تعمل.",
     ["قال د. أحمد حسن إن الوضع مستقر.", "وأضاف أن الفرق تعمل."]),
    ("en", "Gov. Smith signed the bill.", ["Gov. Smith signed the bill."]),
    # Ordinals written with a dot.
    ("tr", "Takım 1. Lig'de ikinci oldu. Teknik direktör memnun.",
     ["Takım 1. Lig'de ikinci oldu.", "Teknik direktör memnun."]),
    ("de", "Am 3. Oktober wird gefeiert. Die Läden bleiben zu.",
     ["Am 3. Oktober wird gefeiert.", "Die Läden bleiben zu."]),
    ("de", "Der Kurs lag bei 3. Die Aktie fiel.", ["Der Kurs lag bei 3.", "Die Aktie fiel."]),
    # Ellipses before a capital end a sentence; inside a sentence they do not.
    ("de", "Die Zahlen sind schlecht … Besserung ist nicht in Sicht.",
     ["Die Zahlen sind schlecht …", "Besserung ist nicht in Sicht."]),
    ("en", "Sales fell ... then recovered.", ["Sales fell ... then recovered."]),
    # Lists: numbered, lettered and Roman items are sentences; inline enumerations are not.
    ("en", "1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
    ("en", "a. The first item b. The second item c. The third",
     ["a. The first item", "b. The second item", "c. The third"]),
    ("de", "I. Die Kosten II. Das Personal", ["I. Die Kosten", "II. Das Personal"]),
    ("de", "Es geht um zwei Punkte: I. Kosten, II. Personal.",
     ["Es geht um zwei Punkte: I. Kosten, II. Personal."]),
    # No boundary inside a token.
    ("es", "La lista: 1.Helado, 2.Carne, 3.Arroz. ¿Cuánto?",
     ["La lista: 1.Helado, 2.Carne, 3.Arroz.", "¿Cuánto?"]),
])
def test_news_sentence_classes(lang: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected
