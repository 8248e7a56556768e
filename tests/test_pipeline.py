"""End to end on the real seeds with tiny real models: CLI, library, cache and interruption."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import summarize
from summarize.clean import clean_text
from summarize.cli import main
from summarize.documents import normalize
from summarize.translate.hub import ModelRef
from tests.tiny_models import populate_hf_cache

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "seeds"


def seed_sentences(record: dict) -> list[dict]:  # type: ignore[type-arg]
    return [s for d in record["documents"] for s in d["sentences"]]


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory,
              seed_model_args: list[str]) -> tuple[Path, dict]:  # type: ignore[type-arg]
    out = tmp_path_factory.mktemp("seeds-run")
    code = main(["run", str(SEEDS), "--out", str(out / "out"), "--cache", str(out / "cache"),
                 "--quiet", "--beams", "2", *seed_model_args])
    assert code == 0
    return out, json.loads((out / "out" / "run.json").read_text(encoding="utf-8"))


def test_seeds_languages_and_files(seeds_run: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    out, record = seeds_run
    docs = record["documents"]
    assert [d["language"] for d in docs] == ["tr", "ar", "ar", "de", "it"]
    for doc in docs:
        assert (out / "out" / "translations" / f"{doc['id']}.en.md").is_file()
        assert (out / "out" / "digests" / f"{doc['id']}.md").is_file()
        assert doc["translator"]["engine"] == "ctranslate2"  # auto: installed with the package
        assert doc["translator"]["revision"].startswith("local-")
    assert (out / "out" / "brief.md").is_file()
    assert {d["translator"]["family"] for d in docs} == {"opus-mt", "nllb"}
    assert set(record["timings"]) >= {"detect", "segment", "load", "translate", "digest"}


def test_every_source_sentence_is_present_with_english(
        seeds_run: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    _, record = seeds_run
    for doc in record["documents"]:
        raw = (SEEDS / Path(doc["source_path"]).name).read_text(encoding="utf-8")
        source = clean_text(normalize(raw))[0]  # what cleaning removed is counted, not lost
        assert sum(doc["cleaning"].values()) == sum(clean_text(normalize(raw))[1].values())
        words = "".join(source.split())
        joined = "".join("".join(s["source"] for s in doc["sentences"]).split())
        assert joined == "".join(words)  # nothing dropped, nothing invented
        assert all(s["english"] for s in doc["sentences"])
        ids = [s["id"] for s in doc["sentences"]]
        assert len(ids) == len(set(ids)) and ids[0] == f"{doc['id']}:1:1"


def test_gibberish_is_flagged_never_crashes(seeds_run: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    _, record = seeds_run
    sentences = [s for s in seed_sentences(record) if len(s["source"]) > 30]
    flagged = [s for s in sentences if any(f["severity"] == 2 for f in s["flags"])]
    assert len(flagged) >= 0.9 * len(sentences)
    assert record["risks"] and record["risks"][0]["risk"] >= record["risks"][-1]["risk"]


def test_seed_boilerplate_and_duplicates_are_marked(
        seeds_run: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    _, record = seeds_run
    by_id = {d["id"]: d for d in record["documents"]}
    codes = {s["source"]: {f["code"] for f in s["flags"]}
             for d in record["documents"] for s in d["sentences"]}
    assert "boilerplate" in codes["Bericht Seite 6"]
    assert "boilerplate" in codes["شاهد النسخة الأصلية"]
    repeated = by_id["002_305ef7fb3dcfe7c4"]["sentences"]
    assert sum("duplicate" in {f["code"] for f in s["flags"]} for s in repeated) >= 8
    digest_ids = {e for d in record["documents"] for line in d["digest"] for e in line["evidence"]}
    flagged = {s["id"] for d in record["documents"] for s in d["sentences"]
               if {"duplicate", "boilerplate"} & {f["code"] for f in s["flags"]}}
    assert not digest_ids & flagged


def test_second_identical_run_does_no_model_work(
        seeds_run: tuple[Path, dict], seed_model_args: list[str]) -> None:  # type: ignore[type-arg]
    out, first = seeds_run
    options = summarize.TranslationOptions(
        model={"tr": seed_model_args[1][3:], "de": seed_model_args[3][3:],
               "it": seed_model_args[5][3:]},
        nllb_model=seed_model_args[7], beams=2, cache=str(out / "cache"))
    router = summarize.ModelRouter(options)
    result = summarize.run([SEEDS], translation=options, router=router)
    assert router.loaded_models() == []
    english = {s.id: s.english for d in result.documents for s in d.sentences}
    assert english == {s["id"]: s["english"] for s in seed_sentences(first)}
    # The record of a run does not depend on whether its models were loaded.
    second = result.to_dict()
    for key in ("timings",):
        second.pop(key), first.pop(key, None)
    assert json.loads(json.dumps(second, ensure_ascii=False)) == {
        k: v for k, v in first.items() if k != "timings"}


def test_translate_command_writes_translations_only(tmp_path: Path,
                                                    seed_model_args: list[str]) -> None:
    code = main(["translate", str(SEEDS / "004_35fe4a6e6bd3ce11.txt"), "--out", str(tmp_path),
                 "--no-cache", "--quiet", "--beams", "1", "--engine", "torch", *seed_model_args])
    assert code == 0
    text = (tmp_path / "translations" / "004_35fe4a6e6bd3ce11.en.md").read_text(encoding="utf-8")
    assert "Source language: it" in text and "engine transformers" in text
    assert not (tmp_path / "digests").exists() and not (tmp_path / "brief.md").exists()
    body = text.split("\n\n", 2)[2].split("## Sentences to check")[0]  # after title + header
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    assert len(paragraphs) == 4  # the source's four paragraphs


def test_long_sentence_is_split_not_truncated(tmp_path: Path,
                                              tiny_models: dict[str, Path]) -> None:
    words = ("yatırım altyapı şirket merkez " * 60).split()
    text = " ".join(words) + "."  # ~240 words, far over the tiny model's 128-token limit
    result = summarize.run({"long": text}, translation=summarize.TranslationOptions(
        source_lang="tr", model={"tr": str(tiny_models["marian"])}, beams=1, no_cache=True),
        stages=summarize.Stages(digest=False))
    (sentence,) = result.documents[0].sentences
    assert "split" in {f.code for f in sentence.flags}
    assert sentence.english


def test_library_translate_texts_and_static_router(tiny_models: dict[str, Path]) -> None:
    from summarize.translate.hf import HFTranslator

    ref = ModelRef(str(tiny_models["marian"]), tiny_models["marian"], "local-test")
    router = summarize.StaticRouter({"de": HFTranslator(ref, device="cpu", beams=1)})
    english = summarize.translate_texts(
        ["Der Umsatz stieg.\n\nMistral muss Umsatz machen, sagte er am Dienstag.",
         "Scaleway will ebenfalls Mittel lockermachen."],
        source_lang="de", router=router,
        translation=summarize.TranslationOptions(no_cache=True))
    assert len(english) == 2 and english[0].count("\n\n") == 1


def test_hub_id_loads_from_the_hf_cache_offline(tmp_path: Path,
                                                tiny_models: dict[str, Path]) -> None:
    cache = tmp_path / "hub"
    revision = populate_hf_cache(tiny_models["marian"], "Helsinki-NLP/opus-mt-it-en", cache)
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "summarize", "translate", str(SEEDS / "004_35fe4a6e6bd3ce11.txt"),
         "--out", str(out), "--no-cache", "--quiet", "--beams", "1", "--engine", "torch"],
        env={**os.environ, "HF_HUB_OFFLINE": "1", "HF_HUB_CACHE": str(cache)},
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    signature = record["documents"][0]["translator"]
    assert signature["model"] == "Helsinki-NLP/opus-mt-it-en"
    assert signature["revision"] == revision


RERUN = """
import json, sys
import summarize
from tests.translate.test_stage import RecordingRouter

inputs, out, cache, marian = sys.argv[1:5]
options = summarize.TranslationOptions(model={"tr": marian, "it": marian}, beams=1,
                                       batch_size=2, cache=cache, retry=False)
router = RecordingRouter(options)
result = summarize.run([inputs], translation=options, router=router,
                       stages=summarize.Stages(digest=False))
summarize.write_outputs(result, out, digests=False)
print(json.dumps([t for r in router.wrapped.values() for texts, _ in r.calls for t in texts]))
"""


def test_interrupted_run_resumes_without_losing_or_repeating_work(
        tmp_path: Path, tiny_models: dict[str, Path]) -> None:
    """kill -9 in the middle of translation, rerun: the rerun's model receives exactly the
    sentences the killed run had not committed, each once."""
    cache = tmp_path / "cache"
    inputs = tmp_path / "in"
    inputs.mkdir()
    flores = ROOT / "data" / "flores"
    for lang in ("tr", "it"):
        lines = (flores / f"{lang}-en.src.{lang}.txt").read_text(encoding="utf-8").splitlines()
        short = [line for line in lines if len(line) < 100][:24]  # within the model's limit
        (inputs / f"{lang}.txt").write_text("\n\n".join(short), encoding="utf-8")
    marian = str(tiny_models["marian"])
    args = [sys.executable, "-m", "summarize", "translate", str(inputs), "--out",
            str(tmp_path / "out"), "--cache", str(cache), "--batch-size", "2", "--beams", "1",
            "--no-retry", "--quiet", "--model", f"tr={marian}", "--model", f"it={marian}"]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    database = cache / "translations.sqlite"
    deadline = time.monotonic() + 240
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        if database.exists():
            from summarize.translate.cache import TranslationCache

            probe = TranslationCache(cache)
            stored = len(probe)
            probe.close()
            if stored >= 10:
                break
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be interrupted"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert not (tmp_path / "out" / "run.json").exists()

    from summarize.translate.cache import TranslationCache

    before = TranslationCache(cache)
    kept = len(before)
    before.close()
    assert kept >= 10
    script = tmp_path / "rerun.py"
    script.write_text(RERUN, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(inputs), str(tmp_path / "out"),
                           str(cache), marian], capture_output=True, text=True, timeout=600,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    received = json.loads(done.stdout.strip().splitlines()[-1])
    record = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    sentences = seed_sentences(record)
    assert all(s["english"] for s in sentences)
    assert not any("split" in {f["code"] for f in s["flags"]} for s in sentences)
    distinct = {(d["language"], s["source"]) for d in record["documents"]
                for s in d["sentences"]}
    assert len(received) == len(set(received))  # nothing sent twice
    assert set(received) <= {source for _, source in distinct}
    assert len(received) == len(distinct) - kept  # only what the killed run had not stored


def test_mixed_language_paragraphs_are_routed(tiny_models: dict[str, Path]) -> None:
    german = ("Der französische Telekomriese kündigte am Dienstag eine strategische Partnerschaft "
              "mit dem Start-up an, um die Entwicklung von KI in Europa voranzutreiben.")
    english = ("“We do not only want to build models, we want to give our customers the tools to "
               "build their own,” the chief executive said in English.")
    turkish = ("Şirket, haziranda GPU'lar ve tamamen yönetilen platform çözümleri içeren entegre "
               "altyapı paketini devreye almıştı.")
    marian = str(tiny_models["marian"])
    result = summarize.run({"mixed": f"{german}\n\n{english}\n\n{turkish}\n\n{german}"},
                           translation=summarize.TranslationOptions(
                               model={"de": marian, "tr": marian}, beams=1, no_cache=True),
                           stages=summarize.Stages(digest=False))
    doc = result.documents[0]
    assert doc.language == "de"
    by_paragraph = {s.paragraph: s for s in doc.sentences}
    assert by_paragraph[2].language == "en" and by_paragraph[2].english == english
    assert by_paragraph[3].language == "tr"
    assert by_paragraph[1].language is None
    assert "mixed_language" in {f.code for f in by_paragraph[2].flags}
    assert "duplicate" in {f.code for f in by_paragraph[4].flags}
    assert by_paragraph[4].english == by_paragraph[1].english  # translated once, reused


def test_one_sentence_article_and_empty_file(tmp_path: Path, seed_model_args: list[str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "one.txt").write_text("Mistral AI, İsveç'te yeni bir veri merkezi kuracak.",
                                      encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["run", str(tmp_path / "one.txt"), str(tmp_path / "empty.txt"), "--out",
                 str(out), "--no-cache", "--quiet", "--beams", "1", *seed_model_args])
    assert code == 1
    assert "empty.txt: the document is empty" in capsys.readouterr().err
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    one = next(d for d in record["documents"] if d["id"] == "one")
    assert len(one["sentences"]) == 1 and one["sentences"][0]["english"]
    assert (out / "digests" / "one.md").is_file()


def test_cached_hub_id_loads_fast_when_the_hub_is_unreachable(
        tmp_path: Path, tiny_models: dict[str, Path]) -> None:
    """No HF_HUB_OFFLINE here: the Hub is just unreachable; the cached snapshot is used."""
    cache = tmp_path / "hub"
    populate_hf_cache(tiny_models["nllb"], "facebook/nllb-200-distilled-600M", cache)
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "summarize", "translate", str(SEEDS / "001_d92bc0604846662d.txt"),
         "--out", str(tmp_path / "out"), "--no-cache", "--quiet", "--beams", "1",
         "--no-retry", "--cache", str(tmp_path / "c")],
        env={**os.environ, "HF_HUB_CACHE": str(cache), "HF_ENDPOINT": "http://127.0.0.1:9"},
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - start < 60  # minutes of retries without the snapshot shortcut
    record = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert record["documents"][0]["translator"]["model"] == "facebook/nllb-200-distilled-600M"


def test_mixed_language_routes_only_to_translatable_languages() -> None:
    from summarize.documents import document_from_text
    from summarize.pipeline import segment_document

    latin = ("Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam "
             "Aquitani, tertiam qui ipsorum lingua Celtae, nostra Galli appellantur.")
    english = ("The French start-up said on Wednesday that it would build a large data centre "
               "in Sweden next year.")
    german = "Mistral muss Umsatz machen, sagte der Chef des Unternehmens am Dienstag in Paris."
    doc = document_from_text("d", f"{german}\n\n{latin}\n\n{english}")
    records = segment_document(doc, "de")
    by_paragraph = {r.paragraph: r.language for r in records}
    assert by_paragraph == {1: None, 2: None, 3: "en"}  # Latin has no model: stays German
    assert {r.language for r in segment_document(doc, "de", detect_mixed=False)} == {None}


def test_translate_texts_keeps_blank_inputs_and_order(tiny_models: dict[str, Path]) -> None:
    options = summarize.TranslationOptions(model={"de": str(tiny_models["marian"])}, beams=1,
                                           no_cache=True, retry=False)
    english = summarize.translate_texts(
        ["", "Der Umsatz stieg im Dezember deutlich an.", "   "], source_lang="de",
        translation=options)
    assert english[0] == "" and english[2] == "" and english[1]
