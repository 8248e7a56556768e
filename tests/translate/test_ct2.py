"""The CTranslate2 engine on tiny real models, against the transformers reference path."""

from pathlib import Path

import pytest

from summarize.translate.base import plan_batches
from summarize.translate.ct2 import CT2Translator, converted_dir
from summarize.translate.hf import HFTranslator
from summarize.translate.hub import resolve_model

TEXTS = ["Şirket 2023'te kuruldu.", "Fransız yapay zeka girişimi Mistral AI, İsveç'te yatırım "
         "yapacağını duyurdu.", "Tesis 2027'de açılacak."]


@pytest.fixture(scope="module")
def cache_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ct2-cache")


@pytest.mark.parametrize("kind", ["marian", "nllb"])
def test_float32_ct2_matches_the_transformers_engine(kind: str, tiny_models: dict[str, Path],
                                                     cache_root: Path) -> None:
    ref = resolve_model(str(tiny_models[kind]), purpose="test")
    fast = CT2Translator(ref, cache_root=cache_root, device="cpu", compute_type="float32",
                         beams=1)
    reference = HFTranslator(ref, device="cpu", dtype="float32", beams=1)
    lang = "tr"
    ours = [g.text for g in fast.translate(TEXTS, lang, batch_size=1)]
    theirs = [g.text for g in reference.translate(TEXTS, lang, batch_size=1)]
    # Marian forces EOS at the cap (forced_eos_token_id), so transformers stops one token
    # earlier than CTranslate2 when a random model runs to the cap; otherwise they agree.
    for a, b in zip(ours, theirs, strict=True):
        assert a.startswith(b) or b.startswith(a)
        assert len(a) > 10 and abs(len(a.split()) - len(b.split())) <= 1
    assert fast.family == reference.family
    assert fast.count_tokens(TEXTS[1], lang) == reference.count_tokens(TEXTS[1], lang)


def test_conversion_is_cached_and_int8_works(tiny_models: dict[str, Path],
                                            cache_root: Path) -> None:
    ref = resolve_model(str(tiny_models["marian"]), purpose="test")
    first = CT2Translator(ref, cache_root=cache_root, device="cpu", compute_type="int8", beams=2)
    target = converted_dir(ref, "int8", cache_root)
    assert first.model_dir == target and (target / "model.bin").is_file()
    stamp = (target / "model.bin").stat().st_mtime_ns
    second = CT2Translator(ref, cache_root=cache_root, device="cpu", compute_type="int8", beams=2)
    assert (target / "model.bin").stat().st_mtime_ns == stamp  # reused, not converted again
    out = second.generate_batch(TEXTS, "tr")
    assert len(out) == 3 and all(g.text for g in out)
    assert all(g.hit_cap for g in out)  # the random model never ends by itself
    assert second.signature()["engine"] == "ctranslate2"
    assert second.signature()["dtype"] == "int8"
    assert not list(cache_root.glob("ct2/.convert-*"))  # no half-written conversions left


def test_token_budget_batches(tiny_models: dict[str, Path], cache_root: Path) -> None:
    ref = resolve_model(str(tiny_models["marian"]), purpose="test")
    translator = CT2Translator(ref, cache_root=cache_root, device="cpu", compute_type="int8",
                               beams=1)
    lengths = [translator.count_tokens(t, "tr") for t in TEXTS]
    batches = plan_batches(translator.planner(), TEXTS, "tr", 16,
                           batch_tokens=max(lengths) * 2)
    assert sorted(i for b in batches for i in b) == [0, 1, 2]
    assert all(max(lengths[i] for i in b) * len(b) <= max(lengths) * 2 for b in batches)
    assert 1 < len(batches) < 3  # the budget holds two of the three, not one or all
    out = translator.translate(TEXTS, "tr", batch_tokens=max(lengths) * 2)
    assert len(out) == 3 and all(g.text for g in out)


@pytest.mark.parametrize("kind", ["marian", "nllb"])
def test_batches_side_by_side_give_the_outputs_of_one_at_a_time(
        kind: str, tiny_models: dict[str, Path], cache_root: Path) -> None:
    ref = resolve_model(str(tiny_models[kind]), purpose="test")
    texts = [f"{text} ({n})" for n in range(7) for text in TEXTS]
    parallel = CT2Translator(ref, cache_root=cache_root, device="cpu", compute_type="int8",
                             beams=2, threads=2)
    serial = CT2Translator(ref, cache_root=cache_root, device="cpu", compute_type="int8",
                           beams=2, threads=1)
    one_at_a_time = CT2Translator(ref, cache_root=cache_root, device="cpu",
                                  compute_type="int8", beams=2, threads=2, side_by_side=False)
    assert (parallel.inter_threads, serial.inter_threads, one_at_a_time.inter_threads) == (2, 1, 1)
    assert one_at_a_time.translate(texts, "tr", batch_size=3) == serial.translate(
        texts, "tr", batch_size=3)
    together = parallel.translate(texts, "tr", batch_size=3)
    alone = serial.translate(texts, "tr", batch_size=3)
    assert together == alone
    planned = plan_batches(parallel.planner(), texts, "tr", 3)
    batches = [[texts[i] for i in b] for b in planned]
    # Handed back in planned order, each as it would come out alone.
    assert list(parallel.generate_batches(batches, "tr")) == [
        serial.generate_batch(b, "tr") for b in batches]


@pytest.mark.parametrize(("cores", "expected"), [(1, (1, 1)), (2, (2, 1)), (4, (4, 1)),
                                                 (8, (4, 2)), (16, (4, 4)), (64, (16, 4))])
def test_cpu_threads_fill_the_cores_without_oversubscribing(cores: int,
                                                            expected: tuple[int, int]) -> None:
    from summarize.translate.ct2 import cpu_threads

    inter, intra = cpu_threads(cores)
    assert (inter, intra) == expected and inter * intra <= cores


class TightMemory:
    """The real CTranslate2 translator, refusing batches of more than one text with the error
    CTranslate2 raises when a GPU runs out of memory."""

    def __init__(self, real: object) -> None:
        self.real = real
        self.sizes: list[int] = []

    def __getattr__(self, name: str) -> object:  # score_batch and the rest: the real ones
        return getattr(self.real, name)

    def translate_batch(self, tokens: list[list[str]], **options: object) -> object:
        self.sizes.append(len(tokens))
        if len(tokens) > 1:
            error = RuntimeError("CUDA failed with error out of memory")
            if options.get("asynchronous"):  # CTranslate2 raises it from the futures
                return [FailedFuture(error) for _ in tokens]
            raise error
        return self.real.translate_batch(tokens, **options)  # type: ignore[attr-defined]


class FailedFuture:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def result(self) -> object:
        raise self.error


@pytest.mark.parametrize("threads", [1, 2])
def test_out_of_memory_halves_the_batch_down_to_one(tiny_models: dict[str, Path],
                                                    cache_root: Path, threads: int) -> None:
    ref = resolve_model(str(tiny_models["marian"]), purpose="test")
    translator = CT2Translator(ref, cache_root=cache_root, device="cpu", compute_type="int8",
                               beams=1, threads=threads)
    expected = [translator.generate_batch([t], "tr")[0] for t in TEXTS]
    tight = TightMemory(translator.translator)
    translator.translator = tight  # type: ignore[assignment]
    if threads == 1:
        out = translator.generate_batch(TEXTS, "tr")
    else:  # batches side by side: the failing batch is redone, halved
        (out,) = list(translator.generate_batches([TEXTS], "tr"))
    assert out == expected
    assert tight.sizes.count(1) == 3 and max(tight.sizes) == 3
