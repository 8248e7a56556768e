"""A run.json reads back into the same typed records it was written from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.errors import InputError
from summarize.records import Brief, Flag, RunResult, SentenceRecord
from tests.test_report import sample_run


def normal(record: dict) -> dict:  # type: ignore[type-arg]
    return json.loads(json.dumps(record, ensure_ascii=False))  # type: ignore[no-any-return]


def test_a_run_record_reads_back_into_equal_records() -> None:
    run = sample_run()
    record = normal(run.to_dict())
    back = RunResult.from_dict(record)
    assert back == run  # tuples, nested stories, flags, scores: the same records
    assert isinstance(back.brief, Brief)
    assert isinstance(back.documents[0].sentences[1].flags[0], Flag)
    assert normal(back.to_dict()) == record


def test_a_real_run_json_round_trips(tmp_path: Path, seed_model_args: list[str]) -> None:
    from summarize.cli import main

    out = tmp_path / "out"
    assert main(["run", str(Path(__file__).parents[1] / "seeds" / "004_35fe4a6e6bd3ce11.txt"),
                 "--out", str(out), "--no-cache", "--quiet", "--beams", "1",
                 *seed_model_args]) == 0
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert normal(RunResult.from_dict(record).to_dict()) == record


def test_a_record_with_the_old_spelling_of_the_digest_signature_reads_back() -> None:
    record = normal(sample_run().to_dict())
    signature = record["settings"].pop("summarizer_signature")
    record["settings"]["summariser"] = {
        ("summariser" if k == "summarizer" else k): v for k, v in signature.items()}
    back = RunResult.from_dict(record)
    assert back.settings["summarizer_signature"] == signature
    assert "summariser" not in back.settings


def test_unknown_keys_are_ignored_and_missing_required_ones_are_an_error() -> None:
    record = normal(sample_run().to_dict())
    record["added_by_a_newer_version"] = {"x": 1}
    record["documents"][0]["sentences"][0]["new_field"] = 3
    assert RunResult.from_dict(record).version == "0.test"
    del record["documents"][0]["sentences"][0]["source"]
    with pytest.raises(InputError, match="SentenceRecord lacks 'source'"):
        RunResult.from_dict(record)
    with pytest.raises(InputError, match="expected an object"):
        RunResult.from_dict([])  # type: ignore[arg-type]
    assert SentenceRecord("d:1:1", 1, "x") == RunResult.from_dict(
        {"version": "v", "settings": {}, "documents": [{"id": "d", "source_path": None,
                                                        "sentences": [{"id": "d:1:1",
                                                                       "paragraph": 1,
                                                                       "source": "x"}]}]}
    ).documents[0].sentences[0]
