import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.cli import main

ROOT = Path(__file__).parents[1]
ENGLISH = Path(__file__).parent / "fixtures" / "english"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, cwd=ROOT, timeout=300)


def test_import_and_help_do_not_import_torch() -> None:
    code = ("import sys, summarize, summarize.cli\n"
            "for command in (['--help'], ['review', '--help'], ['memory', 'export', '--help']):\n"
            "    try:\n        summarize.cli.main(command)\n    except SystemExit:\n        pass\n"
            "heavy = [m for m in ('torch', 'transformers', 'lingua', 'ray', 'numpy', "
            "'huggingface_hub', 'ctranslate2', 'sentencex', 'snowballstemmer', 'babel', "
            "'trafilatura', 'feedparser', 'pypdf', 'docx', 'urllib3', 'lxml', 'starlette', "
            "'uvicorn', 'anyio', 'rapidfuzz') "
            "if m in sys.modules]\n"
            "assert not heavy, heavy\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "summarize" in done.stdout and "translate" in done.stdout


def test_every_fetch_and_input_flag_is_an_option_field_of_the_same_name() -> None:
    from dataclasses import fields

    from summarize.cli import build_parser
    from summarize.flags import options_from_args
    from summarize.options import FetchOptions, InputOptions

    parser = build_parser()
    for command in ("run", "translate", "digest"):
        args = parser.parse_args([command, "x.html", "--timeout", "3.5", "--max-bytes", "99",
                                  "--retries", "0", "--user-agent", "ua/1", "--concurrency",
                                  "2", "--refetch", "--input-format", "jsonl", "--urls", "u"])
        built = options_from_args(args)
        assert built[FetchOptions] == FetchOptions(timeout=3.5, max_bytes=99, retries=0,
                                                   user_agent="ua/1", concurrency=2,
                                                   refetch=True)
        assert built[InputOptions] == InputOptions(input_format="jsonl", urls="u")
        flags = {a.dest for a in parser._subparsers._group_actions[0].choices[  # type: ignore
            command]._actions}
        assert {f.name for f in fields(FetchOptions)} | {f.name for f in fields(InputOptions)} \
            <= flags


@pytest.mark.parametrize(("args", "message"), [
    (["digest"], "no input given"),
    (["digest", "--urls", "missing.txt"], "cannot read the list of web addresses"),
    (["digest", "ftp://example.org/a"], "no such file or folder: ftp://example.org/a")])
def test_inputs_that_cannot_be_read_exit_2(args: list[str], message: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([*args, "--out", "o", "--quiet"]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_a_url_list_with_a_line_that_is_not_an_address_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("# today\nhttps://news.example/a\nnews.example/b\n", encoding="utf-8")
    assert main(["digest", "--urls", str(urls), "--out", str(tmp_path / "o")]) == 2
    assert "not an http(s):// address: line 3" in capsys.readouterr().err


def test_digest_command_writes_digests_brief_and_run_json(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["digest", str(ENGLISH), "--out", str(out), "--quiet",
                 "--digest-sentences", "3"]) == 0
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert {d["id"] for d in record["documents"]} == {p.stem for p in ENGLISH.glob("*.txt")}
    for doc in record["documents"]:
        assert (out / "digests" / f"{doc['id']}.md").is_file()
        ids = {s["id"] for s in doc["sentences"]}
        assert len(doc["digest"]) == 3
        assert all(set(line["evidence"]) <= ids for line in doc["digest"])
    assert record["brief"] and (out / "brief.md").is_file()
    assert not (out / "translations").exists()
    assert record["settings"]["digest_sentences"] == 3
    assert record["version"]


def test_digest_rejects_foreign_text_but_keeps_the_rest(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(ENGLISH, inputs)
    shutil.copy(ROOT / "seeds" / "003_f9460524bfb4d387.txt", inputs / "german.txt")
    out = tmp_path / "out"
    assert main(["digest", str(inputs), "--out", str(out), "--quiet"]) == 1
    assert "german.txt: not English (detected de)" in capsys.readouterr().err
    assert len(list((out / "digests").glob("*.md"))) == len(list(ENGLISH.glob("*.txt")))


def test_unreadable_file_does_not_stop_the_others(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out = tmp_path / "out"
    code = main(["digest", str(ENGLISH / "carrefour_wire.txt"), str(bad), "--out", str(out),
                 "--quiet"])
    assert code == 1
    err = capsys.readouterr().err
    assert f"{bad}: looks like a binary file" in err
    assert err.count(str(bad)) == 1  # the path once, not twice
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    errors = {d["id"]: d["error"] for d in record["documents"]}
    assert errors["carrefour_wire"] is None
    assert errors["bad"] and errors["bad"].startswith("looks like a binary file")


def test_rerun_removes_outputs_of_documents_no_longer_given(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["digest", str(ENGLISH), "--out", str(out), "--quiet"]) == 0
    assert main(["digest", str(ENGLISH / "carrefour_wire.txt"), "--out", str(out),
                 "--quiet"]) == 0
    assert [p.name for p in (out / "digests").glob("*.md")] == ["carrefour_wire.md"]
    assert not list(out.rglob("*.tmp"))


def test_a_translation_only_run_removes_the_previous_runs_digests(
        tmp_path: Path, seed_model_args: list[str]) -> None:
    out = tmp_path / "out"
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(ENGLISH / "carrefour_wire.txt", inputs)
    (inputs / "second.txt").write_text("The retailer opened a new store in Lyon on Monday.\n",
                                       encoding="utf-8")
    assert main(["digest", str(inputs), "--out", str(out), "--quiet"]) == 0
    assert (out / "brief.md").is_file() and len(list((out / "digests").glob("*.md"))) == 2
    (inputs / "second.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 8)  # now fails
    assert main(["translate", str(inputs), "--out", str(out), "--quiet", "--no-cache",
                 *seed_model_args]) == 1
    assert not (out / "brief.md").exists() and not (out / "digests").exists()
    assert [p.name for p in (out / "translations").glob("*.md")] == ["carrefour_wire.en.md"]


@pytest.mark.parametrize(
    ("args", "message"),
    [(["run", "x.txt", "--beams", "0"], "at least 1"),
     (["run", "x.txt", "--model", "tr"], "expected KEY=VALUE"),
     (["run", "x.txt", "--device", "tpu"], "invalid choice"),
     (["run", "x.txt", "--source-lang", "xx"], "unknown language code 'xx'")],
)
def test_bad_arguments_exit_2_with_a_message(args: list[str], message: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        code = main(args)
        raise SystemExit(code)
    assert raised.value.code == 2
    assert message in capsys.readouterr().err


def test_missing_models_fail_fast_with_how_to_provide_them(tmp_path: Path) -> None:
    done = run_cli("run", "seeds", "--out", str(tmp_path / "o"), "--quiet",
                   env={"HF_HUB_OFFLINE": "1", "HF_HUB_CACHE": str(tmp_path / "empty-cache")})
    assert done.returncode == 2
    err = done.stderr
    for model in ("Helsinki-NLP/opus-mt-tr-en", "Helsinki-NLP/opus-mt-de-en",
                  "Helsinki-NLP/opus-mt-it-en", "facebook/nllb-200-distilled-600M"):
        assert model in err
    assert "--model LANG=DIR" in err and "HF_HUB_OFFLINE" in err
    assert "Traceback" not in err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("engine", ["ctranslate2", "torch"])
def test_cuda_without_a_gpu_is_a_clear_error(engine: str, tmp_path: Path,
                                             seed_model_args: list[str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import ctranslate2
    import torch

    if torch.cuda.is_available() or ctranslate2.get_cuda_device_count():
        pytest.skip("this machine has a GPU")
    code = main(["translate", str(ROOT / "seeds" / "004_35fe4a6e6bd3ce11.txt"), "--quiet",
                 "--out", str(tmp_path / "out"), "--no-cache", "--device", "cuda",
                 "--engine", engine, *seed_model_args])
    assert code == 2
    assert "--device cuda was given but" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_every_option_field_with_help_is_a_flag_with_its_default() -> None:
    """The flags are generated from the option dataclasses: parsing no flags gives the
    defaults, and each flag sets the field of the same name."""
    from summarize.cli import build_parser
    from summarize.flags import options_from_args
    from summarize.options import DigestOptions, TranslationOptions

    parser = build_parser()
    defaults = options_from_args(parser.parse_args(["run", "x.txt"]))
    assert defaults[TranslationOptions] == TranslationOptions()
    assert defaults[DigestOptions] == DigestOptions()
    built = options_from_args(parser.parse_args(
        ["run", "x.txt", "--batch-size", "8", "--no-retry", "--engine", "transformers",
         "--model", "tr=/m", "--hf-kwargs", "revision=main", "--hf-kwargs", "token=3",
         "--summarizer-device", "cpu", "--source-lang", "TR"]))
    assert built[TranslationOptions] == TranslationOptions(
        batch_size=8, retry=False, engine="transformers", model={"tr": "/m"},
        hf_kwargs={"revision": "main", "token": 3}, source_lang="tr")
    assert built[DigestOptions] == DigestOptions(summarizer_device="cpu")
    translate = options_from_args(parser.parse_args(["translate", "x.txt"]))
    assert translate[DigestOptions] == DigestOptions()
    with pytest.raises(SystemExit):
        parser.parse_args(["translate", "x.txt", "--digest-sentences", "3"])


def test_an_unknown_engine_is_a_clear_error_naming_the_known_ones() -> None:
    import summarize
    from summarize.errors import OptionsError

    with pytest.raises(OptionsError, match="known engines: auto, ctranslate2, transformers"):
        summarize.ModelRouter(summarize.TranslationOptions(engine="onnx"))  # type: ignore[arg-type]


def test_a_ctranslate2_run_never_imports_transformers_or_torch(
        tmp_path: Path, seed_model_args: list[str]) -> None:
    """Once a model is converted, the CTranslate2 engine tokenizes without transformers
    (``summarize.translate.lite``): importing it would cost seconds of every command."""
    args = [str(ROOT / "seeds"), "--out", str(tmp_path / "o"), "--cache", str(tmp_path / "c"),
            "--no-cache", "--quiet", "--beams", "1", *seed_model_args]
    assert main(["translate", *args]) == 0  # the first run converts the models (transformers)
    code = ("import sys\nfrom summarize.cli import main\n"
            f"code = main(['translate', *{args!r}])\n"
            "assert code == 0, code\n"
            "heavy = [m for m in ('torch', 'transformers') if m in sys.modules]\n"
            "assert not heavy, heavy\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    record = json.loads((tmp_path / "o" / "run.json").read_text(encoding="utf-8"))
    assert all(d["translator"]["engine"] == "ctranslate2" for d in record["documents"])
