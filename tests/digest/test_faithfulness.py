import pytest

from summarize.digest.faithfulness import align, best_match, check
from summarize.records import SentenceRecord
from tests.test_digests import load

ARTICLE = load("veloria_lesechos")
SENTENCES = [s for s in ARTICLE.sentences if not s.heading]
CONTEXT = " ".join(s.english for s in ARTICLE.sentences)


def verdict(text: str) -> tuple[list[str], list[str]]:
    evidence = align(text, SENTENCES, CONTEXT)
    return [r.id for r in evidence], [f.code for f in check(text, evidence, CONTEXT)]


def test_a_faithful_paraphrase_passes_and_cites_its_sentence() -> None:
    ids, codes = verdict("According to people familiar with the matter, Veloria AI raised 600 "
                         "million euros in a round led by General Catalyst.")
    assert ids[0] == "veloria_lesechos:2:1"
    assert codes == []


def test_a_sentence_combining_two_facts_cites_both() -> None:
    ids, codes = verdict("Veloria AI reportedly raised €600 million and plans a 40 MW data "
                         "centre near Paris.")
    assert set(ids) >= {"veloria_lesechos:2:1", "veloria_lesechos:3:1"}
    assert codes == []


@pytest.mark.parametrize(("text", "code"), [
    ("According to sources, Veloria AI raised €900 million from General Catalyst.",
     "unsupported_number"),
    ("According to sources, Veloria AI raised €600 million in a round led by Sequoia.",
     "unsupported_name"),
    ("Veloria AI is buying the German start-up Lumen.", "dropped_attribution"),
    ("Bananas ripen faster beside apples in warm kitchens.", "unsupported_content"),
    ("▁▁ ▁", "unsupported_content"),
])
def test_unsupported_claims_are_flagged(text: str, code: str) -> None:
    _, codes = verdict(text)
    assert code in codes


def test_a_kept_hedge_is_not_flagged() -> None:
    _, codes = verdict("Veloria AI is reportedly in talks to buy the German start-up Lumen.")
    assert "dropped_attribution" not in codes


def test_number_support_compares_values_not_strings() -> None:
    _, codes = verdict("According to people familiar with the matter, General Catalyst led a "
                       "0.6 billion euro round in Veloria AI.")
    assert "unsupported_number" not in codes


def test_flags_name_the_missing_claim_and_the_sentences_checked() -> None:
    text = "According to sources, Veloria AI raised €900 million."
    evidence = align(text, SENTENCES, CONTEXT)
    flag = next(f for f in check(text, evidence, CONTEXT) if f.code == "unsupported_number")
    assert "900 million" in flag.reason and evidence[0].id in flag.reason
    assert flag.severity == 2


def test_best_match_skips_sentences_already_quoted() -> None:
    text = "Veloria AI raised 600 million euros."
    first = best_match(text, SENTENCES, set())
    assert first is not None and first.id == "veloria_lesechos:2:1"
    second = best_match(text, SENTENCES, {first.id})
    assert second is not None and second.id != first.id
    assert best_match(text, [], set()) is None


def test_alignment_of_unrelated_text_is_empty() -> None:
    records = [SentenceRecord("d:1:1", 1, "x", "The weather was sunny in Lyon.")]
    assert align("Quarterly revenue doubled.", records) == []
