"""The review store, the checks on what a reviewer types, and the translation memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.errors import ReviewError
from summarize.review.session import MAX_TEXT, clean_edit, clean_reviewer
from summarize.review.store import ConflictError, ReviewStore
from summarize.translate.memory import MemoryEntry, TranslationMemory, normalize_source


def test_actions_are_versioned_logged_and_survive_reopening(tmp_path: Path) -> None:
    store = ReviewStore(tmp_path / "cache", tmp_path / "out")
    first = store.record("sentence:d:1:1", "sentence", "edit", "corrected", expected=0,
                         previous="model text", new="Human text.", source="Kaynak.",
                         language="tr", reviewer="Ada")
    assert first.version == 1 and first.text == "Human text."
    with pytest.raises(ConflictError) as conflict:  # a second tab that saw version 0
        store.record("sentence:d:1:1", "sentence", "edit", "corrected", expected=0,
                     previous="model text", new="Other text.")
    assert conflict.value.current is not None and conflict.value.current.text == "Human text."
    store.record("sentence:d:1:1", "sentence", "approve", "approved", expected=1,
                 previous="Human text.", new="Human text.")
    store.close()
    again = ReviewStore(tmp_path / "cache", tmp_path / "out" / ".." / "out")  # same real path
    state = again.state("sentence:d:1:1")
    assert state is not None and (state.status, state.version) == ("approved", 2)
    log = again.actions()
    assert [(a.action, a.previous, a.new, a.version, a.reviewer) for a in log] == [
        ("edit", "model text", "Human text.", 1, "Ada"),
        ("approve", "Human text.", "Human text.", 2, None)]
    assert all(a.at.endswith("Z") for a in log)
    other = ReviewStore(tmp_path / "cache", tmp_path / "elsewhere")  # another run folder
    assert other.states() == {}
    again.close()
    other.close()


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty"), ("   \n\t ", "empty"), (None, "must be text"), (12, "must be text"),
    ("x" * (MAX_TEXT + 1), "at most 5000"), ("bad\x00byte", r"U\+0000"),
    ("evil \u202eright-to-left override", r"U\+202E"), ("lone \ud800 surrogate", "surrogate")])
def test_edits_that_cannot_be_used_are_refused(text: object, message: str) -> None:
    with pytest.raises(ReviewError, match=message):
        clean_edit(text)


def test_an_edit_is_normalized_not_altered_otherwise() -> None:
    assert clean_edit("  Cafe\u0301 opened\n in  Paris. ") == "Café opened in Paris."
    assert clean_edit('<script>alert(1)</script> "><img onerror=x>') == \
        '<script>alert(1)</script> "><img onerror=x>'  # kept as typed; escaped on output
    assert clean_reviewer("  Ada  ") == "Ada" and clean_reviewer("") is None
    with pytest.raises(ReviewError):
        clean_reviewer("x" * 101)


def test_memory_keys_on_the_normalized_source_and_merges_by_time(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path)
    assert normalize_source(" Şirket\n 2023'te  kuruldu. ") == "Şirket 2023'te kuruldu."
    memory.put(MemoryEntry("tr", "Şirket 2023'te kuruldu.", "It was founded in 2023.",
                           "corrected", "Ada", updated="2026-01-02T00:00:00Z"))
    found = memory.lookup([("tr", "Şirket  2023'te\tkuruldu.")])
    assert found[("tr", "Şirket  2023'te\tkuruldu.")].english == "It was founded in 2023."
    assert memory.lookup([("az", "Şirket 2023'te kuruldu.")]) == {}  # same text, other language
    older = MemoryEntry("tr", "Şirket 2023'te kuruldu.", "Old.", updated="2025-01-01T00:00:00Z")
    assert not memory.put(older, newer_only=True)
    assert memory.remove("tr", "Şirket 2023'te kuruldu.", english="Something else.") is False
    assert memory.remove("tr", "Şirket 2023'te kuruldu.", english="It was founded in 2023.")
    assert len(memory) == 0
    memory.close()


def test_near_matches_are_suggested_above_the_threshold_only(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path)
    memory.put(MemoryEntry("tr", "Şirket 2023'te Paris'te kuruldu.", "Founded in Paris in 2023."))
    memory.put(MemoryEntry("de", "Die Firma wurde 2023 in Paris gegründet.", "Founded 2023."))
    found = memory.suggest([("tr", "Şirket 2024'te Paris'te kuruldu."),
                            ("tr", "Tesis 2027'de açılacak."),
                            ("de", "Şirket 2024'te Paris'te kuruldu.")])
    (near,) = found[("tr", "Şirket 2024'te Paris'te kuruldu.")]
    assert near.entry.english == "Founded in Paris in 2023." and 0.85 <= near.similarity < 1
    assert ("tr", "Tesis 2027'de açılacak.") not in found  # not alike enough
    assert ("de", "Şirket 2024'te Paris'te kuruldu.") not in found  # another language
    memory.close()
