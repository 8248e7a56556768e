"""A later run takes the translation memory's sentences before the model, which never sees them."""

from __future__ import annotations

from pathlib import Path

import summarize
from summarize.translate.memory import MemoryEntry, TranslationMemory
from tests.translate.test_stage import RecordingRouter

REMEMBERED = "Fransız yapay zeka girişimi Mistral AI, İsveç'te yatırım yapacağını duyurdu."
NEAR = "Fransız yapay zeka girişimi Mistral AI, Norveç'te yatırım yapacağını duyurdu."
OTHER = "Tesisin 2027'de faaliyete geçmesi planlanıyor."
HUMAN = "The French AI start-up Mistral AI announced it will invest in Sweden."


def test_remembered_sentences_skip_the_model_and_near_matches_do_not(
        tiny_models: dict[str, Path], tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path)
    memory.put(MemoryEntry("tr", REMEMBERED.replace(" ", "  "), HUMAN, "corrected", "Ada"))
    memory.close()
    options = summarize.TranslationOptions(model={"tr": str(tiny_models["marian"])}, beams=1,
                                           retry=False, cache=str(tmp_path), source_lang="tr")
    router = RecordingRouter(options)
    text = "\n\n".join([REMEMBERED, NEAR, OTHER])
    result = summarize.run({"t": text}, translation=options, router=router,
                           stages=summarize.Stages(digest=False))
    remembered, near, other = result.documents[0].sentences
    assert (remembered.english, remembered.origin, remembered.score) == (HUMAN, "human", None)
    assert [(f.code, f.severity) for f in remembered.flags] == [("human", 0)]
    assert "the model was not asked" in remembered.flags[0].reason
    sent = [t for recording in router.wrapped.values() for texts, _ in recording.calls
            for t in texts]
    assert sent and all(t not in REMEMBERED and REMEMBERED not in t for t in sent)
    assert near.origin == other.origin == "model"  # a near match is never applied
    assert near.english != HUMAN and any(NEAR in t or t in NEAR for t in sent)
    record = result.to_dict()["documents"][0]["sentences"][0]
    assert record["origin"] == "human"


def test_a_run_without_the_cache_uses_no_memory(tiny_models: dict[str, Path],
                                                tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path)
    memory.put(MemoryEntry("tr", OTHER, "The plant is due to open in 2027."))
    memory.close()
    options = summarize.TranslationOptions(model={"tr": str(tiny_models["marian"])}, beams=1,
                                           retry=False, no_cache=True, cache=str(tmp_path),
                                           source_lang="tr")
    result = summarize.run({"t": OTHER}, translation=options,
                           stages=summarize.Stages(digest=False))
    assert result.documents[0].sentences[0].origin == "model"
