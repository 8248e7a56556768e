"""Everyday misuse through the CLI (a subprocess, tiny real models): nothing a user had is lost.

Each test is a case a tired user runs into: running twice in a working folder, a mistyped
path, Ctrl-C, stdin, a file in a language without a model, a batch that fails, files of other
formats, and the neighbours of each (an --out that is a file, holds other files, cannot be
created).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "seeds"
ENGLISH = ROOT / "tests" / "fixtures" / "english"
TURKISH_SEED = "000_10d260935c3fa862"
ITALIAN_SEED = "004_35fe4a6e6bd3ce11"
#: No Hub, no HF cache: a model that is not given as a directory cannot be found.
OFFLINE = {"HF_HUB_OFFLINE": "1"}


def cli(*args: str, cwd: Path = ROOT, stdin: bytes | None = None,
        env: dict[str, str] | None = None, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """``python -m summarize ARGS`` in a subprocess (the repository on its path)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run([sys.executable, "-m", "summarize", *args], cwd=cwd,
                          input=stdin, capture_output=True, timeout=timeout, env=environment)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def record_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An empty HF cache, offline: only models given as directories exist."""
    return {**OFFLINE, "HF_HUB_CACHE": str(tmp_path_factory.mktemp("empty-hf-cache"))}


# 1. It must never read its own outputs back.

def test_running_twice_in_a_working_folder_does_not_read_the_outputs(tmp_path: Path) -> None:
    for article in ENGLISH.glob("veloria_*.txt"):
        shutil.copy(article, tmp_path)
    first = cli("digest", ".", "--quiet", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "outputs" / ".summarize").is_file()
    assert (tmp_path / "outputs" / "digests" / ".summarize").is_file()
    second = cli("digest", ".", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    record = record_of(tmp_path / "outputs")
    assert sorted(d["id"] for d in record["documents"]) == [
        "veloria_ft", "veloria_lesechos", "veloria_wire"]
    assert {s for story in record["brief"]["stories"] for s in story["sources"]} <= {
        "veloria_ft", "veloria_lesechos", "veloria_wire"}
    assert record["skipped"] == [{"path": "outputs",
                                  "reason": "a folder summarize wrote (its own outputs)"}]
    assert "1 skipped" in second.stderr


def test_a_marked_output_folder_anywhere_is_skipped_and_so_is_out(tmp_path: Path) -> None:
    inputs = tmp_path / "news"
    inputs.mkdir()
    shutil.copy(ENGLISH / "carrefour_wire.txt", inputs)
    assert cli("digest", "news", "--out", "news/run1", "--quiet", cwd=tmp_path).returncode == 0
    shutil.copytree(inputs / "run1", inputs / "old-copy")  # an old run moved aside, marker kept
    done = cli("digest", "news", "news/run1/brief.md", "--out", "elsewhere", "--quiet",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    record = record_of(tmp_path / "elsewhere")
    assert [d["id"] for d in record["documents"]] == ["carrefour_wire"]
    skipped = {s["path"]: s["reason"] for s in record["skipped"]}
    assert set(skipped) == {"news/old-copy", "news/run1", "news/run1/brief.md"}
    assert "does not read its own outputs" in skipped["news/run1/brief.md"]


# 2. One document without a model fails alone; routing never lands on a missing model.

def test_a_latin_file_beside_a_turkish_article_fails_alone(
        tmp_path: Path, seed_model_args: list[str], hub: dict[str, str]) -> None:
    (tmp_path / "caesar.txt").write_text(
        "Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam Aquitani, "
        "tertiam qui ipsorum lingua Celtae, nostra Galli appellantur. Hi omnes lingua, "
        "institutis, legibus inter se differunt.", encoding="utf-8")
    shutil.copy(SEEDS / f"{TURKISH_SEED}.txt", tmp_path)
    out = tmp_path / "out"
    done = cli("run", str(tmp_path / "caesar.txt"), str(tmp_path / f"{TURKISH_SEED}.txt"),
               "--out", str(out), "--quiet", "--no-cache", "--beams", "1", *seed_model_args,
               env=hub)
    assert done.returncode == 1, done.stderr
    assert f"{tmp_path / 'caesar.txt'}: no translation model for Latin (la)" in done.stderr
    assert "Traceback" not in done.stderr
    by_id = {d["id"]: d for d in record_of(out)["documents"]}
    assert by_id["caesar"]["language"] == "la"
    assert "NLLB-200 does not cover it" in by_id["caesar"]["error"]
    assert by_id[TURKISH_SEED]["error"] is None
    assert (out / "translations" / f"{TURKISH_SEED}.en.md").is_file()
    assert not (out / "translations" / "caesar.en.md").exists()


def test_names_alone_never_route_a_paragraph_to_another_language(
        tmp_path: Path, tiny_models: dict[str, Path], hub: dict[str, str]) -> None:
    """FLORES de dev line 724 names Spanish people and books; lingua reads it as Shona (0.92).
    With no NLLB model available, routing it there stopped the whole run in preflight."""
    flores = (ROOT / "data" / "flores" / "de-en.src.de.txt").read_text(encoding="utf-8")
    line = flores.splitlines()[723]
    assert line.startswith("Nach Fray Bartolomé de las Casas")
    spanish = ("La empresa francesa anunció el martes que construirá un gran centro de datos "
               "en el norte de Suecia durante el próximo año.")
    article = tmp_path / "taino.txt"
    article.write_text("Die Europäer kamen mit Schiffen und blieben lange Zeit im Land.\n\n"
                       f"{line}\n\n{spanish}\n\nDas Unternehmen wächst seit Jahren deutlich.",
                       encoding="utf-8")
    out = tmp_path / "out"
    done = cli("translate", str(article), "--out", str(out), "--quiet", "--no-cache",
               "--beams", "1", "--no-retry", "--model", f"de={tiny_models['marian']}", env=hub)
    assert done.returncode == 0, done.stderr
    sentences = record_of(out)["documents"][0]["sentences"]
    by_paragraph = {s["paragraph"]: s for s in sentences}
    assert all(s["language"] is None for s in sentences)  # all translated as German
    assert "mixed_language" not in {f["code"] for f in by_paragraph[2]["flags"]}
    mixed = [f for f in by_paragraph[3]["flags"] if f["code"] == "mixed_language"]
    assert mixed and mixed[0]["severity"] == 1
    assert "looks like es" in mixed[0]["reason"] and "no es model is available" in mixed[0][
        "reason"]


# 3. A mistyped path, or an --out that cannot be used: exit 2, nothing touched.

@pytest.fixture(scope="module")
def previous_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder holding a complete earlier run, plus a file the user put there."""
    out = tmp_path_factory.mktemp("previous") / "o"
    assert cli("digest", str(ENGLISH), "--out", str(out), "--quiet").returncode == 0
    (out / "notes.txt").write_text("my notes about this run", encoding="utf-8")
    return out


def test_a_mistyped_input_path_touches_nothing(previous_run: Path) -> None:
    before = snapshot(previous_run)
    done = cli("run", "seeds_typo/", "--out", str(previous_run), "--quiet")
    assert done.returncode == 2
    assert done.stderr.strip() == "summarize: error: no such file or folder: seeds_typo/"
    assert snapshot(previous_run) == before
    assert not list(previous_run.parent.glob(".o.summarize-*"))


@pytest.mark.parametrize("case", ["out-is-a-file", "out-holds-other-files", "parent-is-a-file",
                                  "nothing-to-read"])
def test_an_unusable_out_or_empty_input_is_exit_2_before_any_work(tmp_path: Path,
                                                                   case: str) -> None:
    article = str(ENGLISH / "carrefour_wire.txt")
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.docx").write_bytes(b"PK")
    (tmp_path / "empty").mkdir()
    args, message = {
        "out-is-a-file": ([article, "--out", "file.txt"], "is a file, not a folder"),
        "out-holds-other-files": ([article, "--out", "mine"],
                                  "holds files summarize did not write"),
        "parent-is-a-file": ([article, "--out", "file.txt/out"], "cannot create the output"),
        "nothing-to-read": (["empty", "--out", "o"], "nothing to read in empty"),
    }[case]
    before = snapshot(tmp_path)
    done = cli("digest", *args, "--quiet", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and "Traceback" not in done.stderr
    assert snapshot(tmp_path) == before


def test_a_new_out_folder_and_its_parents_are_created_and_user_files_are_kept(
        tmp_path: Path, previous_run: Path) -> None:
    done = cli("digest", str(ENGLISH / "carrefour_wire.txt"), "--out",
               str(tmp_path / "a" / "b" / "out"), "--quiet")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a" / "b" / "out" / "run.json").is_file()
    work = tmp_path / "copy"
    shutil.copytree(previous_run, work)
    assert cli("digest", str(ENGLISH / "carrefour_wire.txt"), "--out", str(work),
               "--quiet").returncode == 0
    assert (work / "notes.txt").read_text(encoding="utf-8") == "my notes about this run"
    assert sorted(p.name for p in (work / "digests").glob("*.md")) == ["carrefour_wire.md"]


WRITER = """
import sys
from pathlib import Path
from summarize.outputs import write_outputs
from summarize.records import DocumentResult, RunResult, SentenceRecord

out, n = Path(sys.argv[1]), 0
while True:  # runs A and B alternately, forever (until killed)
    n += 1
    tag = "a" if n % 2 else "b"
    documents = [DocumentResult(id=f"{tag}{i}", source_path=None, language="en",
                                sentences=[SentenceRecord(f"{tag}{i}:1:1", 1, "Text.", "Text.")])
                 for i in range(30)]
    write_outputs(RunResult(version=tag, settings={}, documents=documents), out)
"""


def test_kill_9_at_any_moment_leaves_the_old_or_the_new_run_never_a_mix(tmp_path: Path) -> None:
    out = tmp_path / "out"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    chance = random.Random(7)
    for _ in range(12):
        process = subprocess.Popen([sys.executable, str(script), str(out)], env=environment)
        deadline = time.monotonic() + 60
        while not (out / "run.json").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(chance.uniform(0.0, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        # The next run recovers whatever the killed one left half done, then goes on.
        from summarize.outdir import OutputFolder

        OutputFolder(out).prepare().abort()
        record = record_of(out)
        tag = record["version"]
        ids = sorted(d["id"] for d in record["documents"])
        assert ids == sorted(f"{tag}{i}" for i in range(30))
        assert sorted(p.stem[:-3] for p in (out / "translations").glob("*.md")) == ids
        assert sorted(p.stem for p in (out / "digests").glob("*.md")) == ids
        assert (out / "brief.md").is_file() and (out / ".summarize").is_file()
        assert not list(tmp_path.glob(".out.summarize-*"))


# 4. Standard input.

@pytest.mark.parametrize("command", ["run", "translate", "digest"])
def test_stdin_is_one_document(command: str, tmp_path: Path,
                               seed_model_args: list[str]) -> None:
    text = (ENGLISH / "veloria_ft.txt").read_bytes()
    extra = [] if command == "digest" else ["--no-cache", *seed_model_args]
    done = cli(command, "-", "--out", str(tmp_path / "o"), "--quiet", *extra, stdin=text)
    assert done.returncode == 0, done.stderr
    (doc,) = record_of(tmp_path / "o")["documents"]
    assert doc["id"] == "stdin" and doc["source_path"] == "<stdin>"
    assert doc["language"] == "en"
    assert " ".join(s["source"] for s in doc["sentences"]).split() == text.decode().split()
    assert len(list((tmp_path / "o").rglob("stdin*.md"))) == (2 if command == "run" else 1)


# 5. Ctrl-C (and kill): one line, exit 130 (143), the previous outputs untouched.

@pytest.mark.parametrize(("sent", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupting_a_run_leaves_the_previous_outputs_and_says_how_to_resume(
        tmp_path: Path, previous_run: Path, seed_model_args: list[str],
        sent: signal.Signals, code: int) -> None:
    out = tmp_path / "o"
    shutil.copytree(previous_run, out)
    before = snapshot(out)
    cache = tmp_path / "cache"
    process = subprocess.Popen(
        [sys.executable, "-m", "summarize", "translate", str(SEEDS), "--out", str(out),
         "--cache", str(cache), "--batch-size", "1", "--beams", "1", "--quiet",
         *seed_model_args],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    from summarize.translate.cache import TranslationCache

    deadline = time.monotonic() + 240
    stored = 0
    while time.monotonic() < deadline and process.poll() is None and stored < 5:
        if (cache / "translations.sqlite").exists():
            probe = TranslationCache(cache)
            stored = len(probe)
            probe.close()
        time.sleep(0.1)
    assert process.poll() is None, "the run ended before it could be interrupted"
    process.send_signal(sent)
    _, err = process.communicate(timeout=120)
    assert process.returncode == code, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("summarize: interrupted; ")
    assert "sentences are cached, rerun to continue" in lines[0]
    assert snapshot(out) == before
    assert not list(tmp_path.glob(".o.summarize-*"))


# 6. A batch that fails fails only its documents.

def test_a_generation_error_fails_only_the_documents_of_that_batch(
        tmp_path: Path, tiny_models: dict[str, Path], hub: dict[str, str]) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(tiny_models["marian"], broken)
    settings = json.loads((broken / "generation_config.json").read_text(encoding="utf-8"))
    settings["bad_words_ids"] = [[10**6]]  # loads fine; generate() refuses the token id
    (broken / "generation_config.json").write_text(json.dumps(settings), encoding="utf-8")
    out = tmp_path / "out"
    done = cli("translate", str(SEEDS / f"{TURKISH_SEED}.txt"),
               str(SEEDS / f"{ITALIAN_SEED}.txt"), "--out", str(out), "--quiet", "--no-cache",
               "--beams", "1", "--engine", "torch", "--model", f"tr={broken}",
               "--model", f"it={tiny_models['marian']}", env=hub)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    by_id = {d["id"]: d for d in record_of(out)["documents"]}
    assert by_id[TURKISH_SEED]["error"].startswith("translation failed: ValueError: ")
    assert by_id[ITALIAN_SEED]["error"] is None
    assert all(s["english"] for s in by_id[ITALIAN_SEED]["sentences"])
    assert [p.name for p in (out / "translations").glob("*.md")] == [f"{ITALIAN_SEED}.en.md"]


# 7. Document ids are file stems.

def test_a_top_level_file_keeps_its_stem_as_id(tmp_path: Path) -> None:
    shutil.copy(ENGLISH / "carrefour_wire.txt", tmp_path / "article.txt")
    (tmp_path / "news").mkdir()
    shutil.copy(ENGLISH / "veloria_ft.txt", tmp_path / "news" / "article.txt")
    shutil.copy(ENGLISH / "veloria_wire.txt", tmp_path / "other.md")
    done = cli("digest", "article.txt", "news", "other.md", "--quiet", "--out", "o",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(d["id"] for d in record_of(tmp_path / "o")["documents"]) == [
        "article", "news-article", "other"]
    assert (tmp_path / "o" / "digests" / "article.md").is_file()


# 8. The record of a run does not depend on a warm cache.

def test_cold_and_warm_runs_write_the_same_run_json(tmp_path: Path,
                                                    seed_model_args: list[str]) -> None:
    records = []
    for name in ("cold", "warm"):
        done = cli("run", str(SEEDS / f"{TURKISH_SEED}.txt"), str(SEEDS / f"{ITALIAN_SEED}.txt"),
                   "--out", str(tmp_path / name), "--cache", str(tmp_path / "cache"),
                   "--quiet", "--beams", "1", *seed_model_args)
        assert done.returncode == 0, done.stderr
        record = record_of(tmp_path / name)
        record.pop("timings")
        records.append(record)
    cold, warm = records
    assert cold["models"][0]["family"] == "opus-mt" and cold["models"][0]["max_input_tokens"]
    assert cold == warm


# 9. A long sentence: every check is near-linear (see benchmarks/long_document.py).

def test_eighteen_thousand_words_without_a_full_stop_are_translated_and_checked(
        tmp_path: Path, tiny_models: dict[str, Path], hub: dict[str, str]) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from long_document import long_german

    article = tmp_path / "long.txt"
    article.write_text(long_german(18_000), encoding="utf-8")
    # The whole run: the name audit, digest, brief and entity ledger too (each once took more
    # than ten minutes here through a search of everything before each word).
    done = cli("run", str(article), "--out", str(tmp_path / "o"), "--no-cache",
               "--quiet", "--beams", "1", "--model", f"de={tiny_models['marian']}", env=hub,
               timeout=600)
    assert done.returncode == 0, done.stderr
    record = record_of(tmp_path / "o")
    (doc,) = record["documents"]
    assert len(" ".join(s["source"] for s in doc["sentences"]).split()) == 18_000
    assert all(s["english"] for s in doc["sentences"])
    assert any(f["code"] == "split" for s in doc["sentences"] for f in s["flags"])
    assert doc["digest"] and {"brief", "ledger"} <= set(record["timings"])


# 10. Other formats: said once per file, listed when skipped.

def test_unsupported_formats_named_or_in_a_folder_are_reported_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ENGLISH / "carrefour_wire.txt", folder)
    (folder / "figures.xlsx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    (folder / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "budget.xlsx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    done = cli("digest", "in", "budget.xlsx", "--out", "o", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("budget.xlsx") == 1
    assert "budget.xlsx: unsupported format .xlsx" in done.stderr
    assert "binary" not in done.stderr
    assert "1 of 2 documents done, 1 failed, 2 skipped" in done.stderr
    record = record_of(tmp_path / "o")
    assert {s["path"]: s["reason"] for s in record["skipped"]} == {
        "in/chart.png": "unsupported format .png", "in/figures.xlsx": "unsupported format .xlsx"}


# 12. The repository keeps outputs/ with a README; its generated contents are ignored.

def test_the_repository_has_an_outputs_folder_whose_contents_git_ignores() -> None:
    assert (ROOT / "outputs" / "README.md").is_file()
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    ignored = subprocess.run([git, "check-ignore", "outputs/run.json", "outputs/README.md",
                              "outputs/digests/x.md"], cwd=ROOT, capture_output=True, text=True)
    assert ignored.stdout.split() == ["outputs/run.json", "outputs/digests/x.md"]


def test_what_a_killed_run_left_beside_out_is_cleaned_even_if_its_pid_was_reused(
        tmp_path: Path) -> None:
    """A staged folder is cleaned once nobody holds its lock, whatever its pid now names
    (pid 1 is always alive: a check of the pid alone would keep it forever)."""
    out = tmp_path / "out"
    assert cli("digest", str(ENGLISH / "carrefour_wire.txt"), "--out", str(out),
               "--quiet").returncode == 0
    leftover = tmp_path / ".out.summarize-new-1-k1ll3d"
    (leftover / "digests").mkdir(parents=True)
    (leftover / "digests" / "half-written.md").write_text("…", encoding="utf-8")
    (leftover / ".summarize-writing").write_text("", encoding="utf-8")
    done = cli("digest", str(ENGLISH / "veloria_ft.txt"), "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    assert not leftover.exists()
    assert [p.name for p in (out / "digests").glob("*.md")] == ["veloria_ft.md"]
    assert not (out / ".summarize-writing").exists()
