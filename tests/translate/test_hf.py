"""The transformers engine on tiny real models: tokenize → generate → decode."""

from pathlib import Path

import pytest

from summarize.errors import ModelUnavailableError
from summarize.translate.hf import HFTranslator
from summarize.translate.hub import ModelRef, local_fingerprint, resolve_model

TURKISH = ["Fransız yapay zeka girişimi Mistral AI, 1,2 milyar euro yatırım yapacağını duyurdu.",
           "Şirket 2023'te kuruldu.", "Tesisin 2027'de faaliyete geçmesi planlanıyor."]


@pytest.fixture(scope="module")
def marian(tiny_models: dict[str, Path]) -> HFTranslator:
    ref = resolve_model(str(tiny_models["marian"]), purpose="test")
    return HFTranslator(ref, device="cpu", beams=2)


@pytest.fixture(scope="module")
def nllb(tiny_models: dict[str, Path]) -> HFTranslator:
    ref = resolve_model(str(tiny_models["nllb"]), purpose="test")
    return HFTranslator(ref, device="cpu", beams=2)


def test_marian_translates_one_output_per_input_in_order(marian: HFTranslator) -> None:
    single = [marian.translate_batch([text], "tr")[0] for text in TURKISH]
    sorted_one_by_one = marian.translate(TURKISH, "tr", batch_size=1)
    assert [g.text for g in sorted_one_by_one] == single  # length sorting is undone
    assert marian.family == "opus-mt"


def test_padding_in_a_batch_does_not_change_greedy_output(tiny_models: dict[str, Path]) -> None:
    greedy = HFTranslator(resolve_model(str(tiny_models["marian"]), purpose="test"),
                          device="cpu", beams=1)
    single = [greedy.translate_batch([text], "tr")[0] for text in TURKISH]
    batched = [g.text for g in greedy.translate(TURKISH, "tr", batch_size=3)]
    # The batch's output cap comes from its longest input, so outputs agree up to the cap.
    for alone, together in zip(single, batched, strict=True):
        assert together.startswith(alone) or alone.startswith(together)


def test_nllb_sets_source_code_and_forces_english(nllb: HFTranslator) -> None:
    assert nllb.family == "nllb"
    nllb.set_source("ar")
    encoded = nllb.tokenizer("الشركة الناشئة")["input_ids"]
    assert nllb.tokenizer.convert_ids_to_tokens(encoded[0]) == "arb_Arab"
    calls: list[dict[str, object]] = []
    real = nllb.model.generate

    def generate(**kwargs: object) -> object:  # the real generate, its arguments noted
        calls.append(kwargs)
        return real(**kwargs)

    nllb.model.generate = generate
    try:
        out = nllb.generate_batch(["الشركة الناشئة الفرنسية"], "ar")
    finally:
        del nllb.model.generate
    english = nllb.tokenizer.convert_tokens_to_ids("eng_Latn")
    assert calls[0]["forced_bos_token_id"] == english
    first = nllb.tokenizer.convert_ids_to_tokens(calls[0]["input_ids"][0].tolist())  # type: ignore[attr-defined]
    assert first[0] == "arb_Arab" and first[-1] == "</s>"
    assert len(out) == 1 and out[0].text and "eng_Latn" not in out[0].text


def test_output_length_is_bounded_by_input_and_cap_is_reported(marian: HFTranslator) -> None:
    generations = marian.generate_batch(["Kısa."], "tr")
    tokens = marian.tokenizer(generations[0].text)["input_ids"]
    assert len(tokens) <= 2 * marian.count_tokens("Kısa.", "tr") + 10 + 1
    # The random model never ends by itself; Marian forces "</s>" at the cap, which must
    # still read as cut off.
    assert generations[0].hit_cap


def test_overlong_segment_is_refused_not_truncated(marian: HFTranslator) -> None:
    long_text = " ".join(["yatırım"] * 400)
    assert marian.count_tokens(long_text, "tr") > marian.max_input_tokens
    with pytest.raises(ValueError, match="over the model's limit"):
        marian.translate_batch([long_text], "tr")


def test_signature_records_model_revision_device_and_settings(marian: HFTranslator,
                                                              tiny_models: dict[str, Path]) -> None:
    signature = marian.signature()
    assert signature["model"] == str(tiny_models["marian"])
    assert signature["revision"] == local_fingerprint(tiny_models["marian"])
    assert signature["revision"].startswith("local-")
    assert (signature["engine"], signature["device"], signature["dtype"], signature["beams"]) == (
        "transformers", "cpu", "float32", 2)


def test_half_precision_overflow_is_redone_in_float32(tiny_models: dict[str, Path],
                                                      tmp_path: Path) -> None:
    """A weight of 1e5 is finite in float32 but infinite in float16: the batch is redone."""
    import torch
    from transformers import AutoModelForSeq2SeqLM

    model = AutoModelForSeq2SeqLM.from_pretrained(tiny_models["marian"])
    with torch.no_grad():
        model.model.encoder.layers[0].fc1.weight[0, 0] = 1e5
    for file in tiny_models["marian"].iterdir():
        if file.suffix != ".safetensors" and file.is_file():
            (tmp_path / file.name).write_bytes(file.read_bytes())
    model.save_pretrained(tmp_path)
    translator = HFTranslator(ModelRef(str(tmp_path), tmp_path, None), device="cpu",
                              dtype="float16", beams=1)
    out = translator.generate_batch(["Şirket 2023'te kuruldu ve büyüdü."], "tr")
    assert translator._float32 is not None  # the fallback ran
    assert out[0].text


def test_out_of_memory_halves_the_batch_down_to_one(marian: HFTranslator,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    real = marian._generate
    sizes: list[int] = []

    def tight_memory(texts, src_lang, decoding, model):  # type: ignore[no-untyped-def]
        sizes.append(len(texts))
        if len(texts) > 1:
            raise torch.OutOfMemoryError("CUDA out of memory (simulated: batch > 1)")
        return real(texts, src_lang, decoding, model)

    monkeypatch.setattr(marian, "_generate", tight_memory)
    out = marian.generate_batch(TURKISH, "tr")
    assert len(out) == 3 and sizes[0] == 3 and sizes.count(1) == 3
    assert [g.text for g in out] == [real([t], "tr", marian.decoding, marian.model)[0].text
                                     for t in TURKISH]


def test_missing_directory_and_non_model_directory_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match="does not exist"):
        resolve_model(str(tmp_path / "nope"), purpose="tr→en translation")
    with pytest.raises(ModelUnavailableError, match="no config.json"):
        resolve_model(str(tmp_path), purpose="tr→en translation")
