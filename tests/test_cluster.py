"""The Ray engine: the same run through Ray Data as locally, failures kept to their documents.

One local Ray (``ray.init(num_cpus=2)``) serves the module; a subprocess joins it by address
as a second driver would join an existing cluster. The models are the tiny real ones.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import summarize
from summarize.cli import build_parser, main
from summarize.flags import options_from_args

ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'summarize[ray]'")

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "seeds"
ITALIAN = "004_35fe4a6e6bd3ce11"
FRENCH = ("La start-up française a annoncé mercredi qu'elle construirait un grand centre de "
          "données en Suède l'année prochaine.\n\nLe directeur général a déclaré que "
          "l'investissement était une étape concrète pour l'Europe et ses clients.")
#: Settings that say where and with which cache a run ran: the only ones allowed to differ.
WHERE = {"engine_cluster", "ray_address", "actors", "cpus_per_actor", "cluster", "cache"}


def record_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def files_under(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name not in {"run.json", "report.html"}}


def english_by_id(record: dict[str, Any]) -> dict[str, tuple[str, list[str]]]:
    return {s["id"]: (s["english"], [f["code"] for f in s["flags"]])
            for d in record["documents"] for s in d["sentences"]}


@pytest.fixture(scope="module")
def local_ray() -> Iterator[str]:
    """A local Ray with 2 CPUs for the module; yields its address."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield str(ray.get_runtime_context().gcs_address)
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds, an empty file and a binary file."""
    folder = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.txt").write_text(" \n\n", encoding="utf-8")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8)
    return folder


@pytest.fixture(scope="module")
def both_runs(tmp_path_factory: pytest.TempPathFactory, local_ray: str, corpus: Path,
              seed_model_args: list[str]) -> tuple[Path, Path]:
    """The corpus run locally and through Ray (2 actors), each with a fresh cache."""
    work = tmp_path_factory.mktemp("runs")
    common = ["--quiet", "--beams", "2", *seed_model_args]
    assert main(["run", str(corpus), "--out", str(work / "local"),
                 "--cache", str(work / "local-cache"), *common]) == 1
    assert main(["run", str(corpus), "--out", str(work / "ray"), "--engine-cluster", "ray",
                 "--cache", str(work / "ray-cache"), *common]) == 1
    return work / "local", work / "ray"


def test_ray_run_writes_what_the_local_run_writes(both_runs: tuple[Path, Path]) -> None:
    local, on_ray = both_runs
    expected, got = record_of(local), record_of(on_ray)
    assert english_by_id(got) == english_by_id(expected)  # every English text and flag
    assert got["documents"] == expected["documents"]  # digests, errors, model signatures too
    assert got["brief"] == expected["brief"] and got["risks"] == expected["risks"]
    assert got["models"] == expected["models"]
    assert ({k: v for k, v in got["settings"].items() if k not in WHERE}
            == {k: v for k, v in expected["settings"].items() if k not in WHERE})
    assert files_under(on_ray) == files_under(local)  # translations, digests, brief.md
    assert got["settings"]["engine_cluster"] == "ray"
    assert expected["settings"]["engine_cluster"] == "local"
    assert got["settings"]["cluster"]["nodes"] == 1 and got["settings"]["cluster"]["cpus"] == 2


def test_abstractive_digests_on_ray_match_and_record_the_model(
        local_ray: str, tiny_bart: Path, tmp_path: Path) -> None:
    article = ROOT / "tests" / "fixtures" / "english" / "veloria_ft.txt"
    common = ["digest", str(article), "--quiet", "--summarizer", "abstractive",
              "--summarizer-model", str(tiny_bart), "--summarizer-device", "cpu",
              "--digest-sentences", "2"]
    assert main([*common, "--out", str(tmp_path / "local")]) == 0
    assert main([*common, "--out", str(tmp_path / "ray"), "--engine-cluster", "ray"]) == 0
    expected, got = record_of(tmp_path / "local"), record_of(tmp_path / "ray")
    assert got["documents"] == expected["documents"] and got["brief"] == expected["brief"]
    signature = got["settings"]["summarizer_signature"]
    assert signature == expected["settings"]["summarizer_signature"]
    assert signature["device"] == "cpu" and signature["num_beams"] == 4  # as the actor ran it


def test_bad_inputs_fail_alone_on_ray(both_runs: tuple[Path, Path]) -> None:
    _, on_ray = both_runs
    by_id = {d["id"]: d for d in record_of(on_ray)["documents"]}
    assert "the document is empty" in by_id["empty"]["error"]
    assert "binary" in by_id["picture"]["error"]
    translated = [d for d in by_id.values() if d["id"] not in {"empty", "picture"}]
    assert len(translated) == 5 and all(d["error"] is None for d in translated)
    assert all(s["english"] for d in translated for s in d["sentences"])
    assert all(d["translator"]["engine"] == "ctranslate2" for d in translated)


def test_second_ray_run_is_served_by_the_driver_cache(
        both_runs: tuple[Path, Path], corpus: Path, seed_model_args: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.cluster.runner import RayBatchRunner

    _, on_ray = both_runs
    options = summarize.TranslationOptions(
        model={"tr": seed_model_args[1][3:], "de": seed_model_args[3][3:],
               "it": seed_model_args[5][3:]},
        nllb_model=seed_model_args[7], beams=2, cache=str(on_ray.parent / "ray-cache"))
    sent: list[int] = []
    real_run = RayBatchRunner.run

    def counting(self: RayBatchRunner, jobs: Any) -> Any:
        sent.append(len(jobs))
        return real_run(self, jobs)

    monkeypatch.setattr(RayBatchRunner, "run", counting)
    result = summarize.run([corpus], translation=options,
                           cluster=summarize.ClusterOptions(engine_cluster="ray"))
    translated = [d for d in result.documents if d.ok]
    assert len(translated) == 5
    assert sum(sent) == 0  # not one batch went to the actors
    assert ({s.id: s.english for d in translated for s in d.sentences}
            == {k: v[0] for k, v in english_by_id(record_of(on_ray)).items()})


def test_joining_by_address_a_model_that_fails_on_the_actors_fails_only_its_documents(
        tmp_path: Path, local_ray: str, tiny_models: dict[str, Path]) -> None:
    """A second driver joins the module's cluster with ``--ray-address`` (as one joins an
    existing cluster); the French model's weights are broken, so its batches fail on the
    actors: the French document fails, the Italian one is done, the job ends normally."""
    broken = tmp_path / "broken-model"
    shutil.copytree(tiny_models["marian"], broken)
    weights = broken / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])  # the tokenizer is fine, the weights not
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEEDS / f"{ITALIAN}.txt", inputs)
    (inputs / "french.txt").write_text(FRENCH, encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "summarize", "run", str(inputs), "--out", str(out),
         "--engine-cluster", "ray", "--ray-address", local_ray, "--actors", "1",
         "--cache", str(tmp_path / "cache"), "--quiet", "--beams", "1", "--no-retry",
         "--model", f"it={tiny_models['marian']}", "--model", f"fr={broken}"],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 1, done.stderr  # some documents failed, the others written
    record = record_of(out)
    assert record["settings"]["ray_address"] == local_ray and record["settings"]["actors"] == 1
    assert record["settings"]["cluster"]["cpus"] == 2  # the module's cluster, not a new one
    by_id = {d["id"]: d for d in record["documents"]}
    assert by_id["french"]["language"] == "fr"
    assert by_id["french"]["error"].startswith("translation failed: ")
    assert by_id["french"]["error"].endswith("(on a Ray actor)")
    assert "french.txt: translation failed: " in done.stderr
    assert by_id[ITALIAN]["error"] is None and by_id[ITALIAN]["digest"]
    assert all(s["english"] for s in by_id[ITALIAN]["sentences"])
    assert (out / "digests" / f"{ITALIAN}.md").is_file()
    assert not (out / "translations" / "french.en.md").exists()


def test_translators_built_on_the_driver_are_not_sent_to_the_actors(local_ray: str) -> None:
    router = summarize.StaticRouter({"de": summarize.IdentityTranslator()})
    with pytest.raises(summarize.ClusterError, match="must come from the translation options"):
        summarize.run({"d": "Der Umsatz stieg im Dezember deutlich an."}, router=router,
                      translation=summarize.TranslationOptions(source_lang="de", no_cache=True),
                      cluster=summarize.ClusterOptions(engine_cluster="ray"))


def test_without_ray_installed_the_cli_says_how_to_get_it(tmp_path: Path) -> None:
    code = ("import sys\nsys.modules['ray'] = None  # as if Ray were not installed\n"
            "from summarize.cli import main\n"
            f"sys.exit(main(['translate', {str(SEEDS / f'{ITALIAN}.txt')!r}, '--out', "
            f"{str(tmp_path / 'out')!r}, '--engine-cluster', 'ray', '--quiet']))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 2
    assert "install 'summarize[ray]'" in done.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("argv", "expected"), [
    ([], summarize.ClusterOptions()),
    (["--engine-cluster", "ray"], summarize.ClusterOptions(engine_cluster="ray")),
    (["--engine-cluster", "ray", "--ray-address", "auto", "--actors", "3",
      "--cpus-per-actor", "2"],
     summarize.ClusterOptions(engine_cluster="ray", ray_address="auto", actors=3,
                              cpus_per_actor=2)),
])
def test_cluster_flags_equal_the_options(argv: list[str],
                                         expected: summarize.ClusterOptions) -> None:
    for command in ("run", "translate", "digest"):
        args = build_parser().parse_args([command, "in.txt", *argv])
        assert options_from_args(args)[summarize.ClusterOptions] == expected


@pytest.mark.parametrize(("argv", "message"), [
    (["--ray-address", "auto"], "need engine_cluster='ray'"),
    (["--actors", "2"], "need engine_cluster='ray'"),
])
def test_cluster_flags_without_the_ray_engine_are_refused(
        argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translate", str(SEEDS / f"{ITALIAN}.txt"), *argv]) == 2
    assert message in capsys.readouterr().err


def test_import_summarize_does_not_import_ray() -> None:
    code = ("import sys, summarize, summarize.cli, summarize.cluster\n"
            "assert 'ray' not in sys.modules, 'ray imported'\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr


def test_a_node_refuses_a_batch_planned_for_another_model(tiny_models: dict[str, Path]) -> None:
    """An actor whose model or settings differ from the driver's refuses the batch (it would
    translate differently) instead of translating it; the error names both signatures."""
    from summarize.cluster.workers import TranslationWorker
    from summarize.translate.routing import ModelRouter

    marian = str(tiny_models["marian"])
    driver = summarize.TranslationOptions(model={"tr": marian}, beams=2, no_cache=True)
    planned = json.dumps(ModelRouter(driver).translator_for("tr").cache_signature(),
                         sort_keys=True)
    row = {"item": [0], "language": ["tr"], "signature": [planned],
           "decoding": [json.dumps({"beams": 2, "no_repeat_ngram_size": 0,
                                    "repetition_penalty": 1.0})],
           "texts": [json.dumps(["Şirket 2023'te kuruldu."])]}
    same = TranslationWorker(driver)(row)
    assert same["error"] == [""] and json.loads(same["outputs"][0])[0][0]
    other = TranslationWorker(summarize.TranslationOptions(model={"tr": marian}, beams=3,
                                                           no_cache=True))(row)
    assert "is not the driver's" in other["error"][0] and '"beams": 3' in other["error"][0]
    assert other["outputs"] == [""]


def test_cuda_on_a_cluster_without_a_gpu_is_refused(local_ray: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["translate", str(SEEDS / f"{ITALIAN}.txt"), "--out", str(tmp_path / "out"),
                 "--engine-cluster", "ray", "--device", "cuda", "--quiet", "--no-cache"])
    assert code == 2
    assert "--device cuda was given but the Ray cluster has no GPU" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
