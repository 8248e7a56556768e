"""The abstractive summarizer with a tiny random BART: chunking, lengths, faithfulness policy."""

import json
from pathlib import Path

import pytest

from summarize.cli import main
from summarize.digest.abstractive import AbstractiveSummarizer
from summarize.records import SentenceRecord
from tests.test_digests import english_document, load

ENGLISH = Path(__file__).parents[1] / "fixtures" / "english"


@pytest.fixture(scope="module")
def summarizer(tiny_bart: Path) -> AbstractiveSummarizer:
    model = AbstractiveSummarizer(str(tiny_bart), device="cpu")
    model.load()
    return model


def long_article() -> list[SentenceRecord]:
    text = "\n\n".join((ENGLISH / f"{name}.txt").read_text(encoding="utf-8")
                       for name in ("arcadia_lemonde", "veloria_lesechos", "veloria_ft"))
    return english_document("long", text).sentences


def test_long_articles_are_chunked_within_the_limit_without_loss(
        summarizer: AbstractiveSummarizer) -> None:
    body = [s.english for s in long_article() if not s.heading]
    chunks = summarizer.chunks(body)
    assert len(chunks) > 1
    budget = summarizer.limit - summarizer._tokenizer.num_special_tokens_to_add()
    assert all(summarizer.count_tokens(chunk) <= budget for chunk in chunks)
    assert " ".join(chunks).split() == " ".join(body).split()


def test_a_sentence_longer_than_the_limit_is_cut_not_truncated(
        summarizer: AbstractiveSummarizer) -> None:
    sentence = ", ".join(f"the {n}th warehouse robot in Lyon" for n in range(60)) + "."
    assert summarizer.count_tokens(sentence) > summarizer.limit
    chunks = summarizer.chunks([sentence])
    assert len(chunks) > 1
    assert " ".join(chunks).split() == sentence.split()


def test_gibberish_summaries_are_replaced_by_source_sentences(
        summarizer: AbstractiveSummarizer) -> None:
    sentences = long_article()
    lines = summarizer.digest(sentences, 3)
    ids = {s.id: s for s in sentences}
    assert 1 <= len(lines) <= 3
    for line in lines:
        assert line.origin == "extractive" and line.replaced
        assert line.evidence[0] in ids and line.text == ids[line.evidence[0]].english
        assert [f.code for f in line.flags] == ["replaced"]
        assert "faithfulness check" in line.flags[0].reason
    assert len({line.evidence for line in lines}) == len(lines)  # no sentence quoted twice


def test_allow_unsupported_keeps_generated_sentences_flagged(tiny_bart: Path) -> None:
    permissive = AbstractiveSummarizer(str(tiny_bart), device="cpu", allow_unsupported=True)
    lines = permissive.digest(load("arcadia_lemonde").sentences, 2)
    assert lines and all(line.origin == "abstractive" for line in lines)
    assert all(any(f.severity == 2 for f in line.flags) for line in lines)


def generation_lengths(summarizer: AbstractiveSummarizer, monkeypatch: pytest.MonkeyPatch
                       ) -> list[tuple[int, int, int]]:
    """Record (input tokens, min_new_tokens, max_new_tokens) of every generate call."""
    calls: list[tuple[int, int, int]] = []
    generate = summarizer._model.generate

    def recording(**kwargs: object) -> object:
        output = generate(**kwargs)
        calls.append((int(kwargs["input_ids"].shape[1]),  # type: ignore[attr-defined]
                      int(kwargs["min_new_tokens"]), int(kwargs["max_new_tokens"])))  # type: ignore[call-overload]
        assert output.shape[1] - 1 <= calls[-1][2]  # type: ignore[attr-defined]
        return output

    monkeypatch.setattr(summarizer._model, "generate", recording)
    return calls


def test_summaries_of_several_chunks_shrink(summarizer: AbstractiveSummarizer,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    calls = generation_lengths(summarizer, monkeypatch)
    chunk = summarizer.chunks([s.english for s in long_article() if not s.heading])[0]
    summarizer.summarize(chunk, shrink=True)
    summarizer.summarize(chunk)
    (length, _, halved), (_, _, whole) = calls
    assert length > 100
    assert halved <= length // 2 + 1 < whole <= length


def test_short_input_does_not_hit_the_minimum_length(summarizer: AbstractiveSummarizer,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert summarizer.settings["min_length"] == 56  # the model's own setting
    calls = generation_lengths(summarizer, monkeypatch)
    lines = summarizer.digest(english_document("s", "Arcadia raised money.").sentences, 3)
    assert len(lines) == 1 and lines[0].evidence == ("s:1:1",)
    (length, minimum, maximum), = calls
    assert length < 56 and minimum <= length // 2 and minimum < maximum <= length


def test_signature_records_model_and_generation_settings(
        summarizer: AbstractiveSummarizer, tiny_bart: Path) -> None:
    signature = summarizer.signature()
    assert signature["model"] == str(tiny_bart)
    assert signature["revision"].startswith("local-")
    assert signature["device"] == "cpu" and signature["max_input_tokens"] == 128
    assert {k: signature[k] for k in ("num_beams", "length_penalty", "no_repeat_ngram_size",
                                      "min_length", "max_length")} == {
        "num_beams": 4, "length_penalty": 2.0, "no_repeat_ngram_size": 3, "min_length": 56,
        "max_length": 142}


class FixedSummary(AbstractiveSummarizer):
    """The tiny model writes gibberish; this one returns a chosen summary to test the policy."""

    summary = ""

    def summarize(self, text: str, *, shrink: bool = False) -> str:
        return self.summary


def test_faithful_sentences_are_kept_and_unfaithful_ones_replaced(tiny_bart: Path) -> None:
    summarizer = FixedSummary(str(tiny_bart), device="cpu")
    summarizer.summary = ("Veloria AI reportedly raised €600 million in a round led by General "
                          "Catalyst. Veloria AI raised €900 million from Sequoia.")
    lines = summarizer.digest(load("veloria_lesechos").sentences, 4)
    kept, replaced = lines
    assert kept.origin == "abstractive" and not kept.flags
    assert kept.evidence == ("veloria_lesechos:2:1",)
    assert replaced.origin == "extractive"
    assert replaced.replaced == "Veloria AI raised €900 million from Sequoia."
    assert "unsupported_number" in replaced.flags[0].reason
    assert "unsupported_name" in replaced.flags[0].reason


def test_cli_digest_with_the_abstractive_summarizer(tiny_bart: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["digest", str(ENGLISH / "veloria_ft.txt"), "--out", str(out), "--quiet",
                 "--summarizer", "abstractive", "--summarizer-model", str(tiny_bart),
                 "--summarizer-device", "cpu", "--digest-sentences", "2"]) == 0
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert record["settings"]["summarizer"] == "abstractive"
    assert record["settings"]["summarizer_signature"]["model"] == str(tiny_bart)
    assert record["settings"]["summarizer_signature"]["num_beams"] == 4
    digest = record["documents"][0]["digest"]
    assert digest and all(line["replaced"] for line in digest)
    text = (out / "digests" / "veloria_ft.md").read_text(encoding="utf-8")
    assert "generated sentence not used" in text


def test_cli_missing_summarizer_model_fails_before_any_work(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["digest", str(ENGLISH / "veloria_ft.txt"), "--out", str(out), "--quiet",
                 "--summarizer", "abstractive", "--summarizer-model", str(tmp_path / "none")])
    assert code == 2
    assert "summarization" in capsys.readouterr().err
    assert not out.exists()
