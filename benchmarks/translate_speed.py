"""Translation speed: summarize against the ways people usually run opus-mt models.

Run by hand (it takes a few minutes on 2 cores):

    python benchmarks/translate_speed.py [--lines 96] [--beams 4 1] [--work DIR]

Builds a random-weight MarianMT model of the opus-mt shape (d_model 512, 6+6 layers, FFN 2048,
8 heads, a real SentencePiece vocabulary of 8,000 pieces) and translates FLORES-200 Turkish
sentences with:

  (a) one sentence at a time through tokenize → generate → decode, which is what
      transformers' ``pipeline("translation")`` did (transformers 5 removed that pipeline);
  (b) length-sorted batches of 16 with ``generate()`` (EasyNMT's approach);
  (c) raw CTranslate2 ``translate_batch``, int8, length-sorted batches of 16, two ways: one
      batch at a time on all cores (``intra_threads``), and every batch submitted at once
      (``asynchronous=True``) to one replica per core (``inter_threads``), the faster here;
  (d) the whole ``summarize translate`` command with each engine (process start, language
      detection, segmentation, model load, checks and writing included).

Every method uses the same output-length rule as summarize (2 × the longest input of the batch
+ 10 tokens); a random model rarely stops early, so outputs run to that cap. Target tokens are
counted the same way for all: the decoded English re-tokenized without special tokens. Peak RSS
of ``summarize translate`` on the seeds is measured in a child process.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from tests.tiny_models import build_opus_mt_shape  # noqa: E402

BATCH = 16


def cap_for(lengths: list[int]) -> int:
    """summarize's output-length rule for a batch."""
    return min(512, math.ceil(2 * max(lengths)) + 10)


def load_lines(count: int) -> list[str]:
    path = ROOT / "data" / "flores" / "tr-en.src.tr.txt"
    return path.read_text(encoding="utf-8").splitlines()[:count]


def count_tokens(tokenizer: Any, outputs: list[str]) -> int:
    return sum(len(tokenizer(text, add_special_tokens=False)["input_ids"]) for text in outputs)


def timed(label: str, run: Callable[[], list[str]], tokenizer: Any) -> dict[str, Any]:
    start = time.perf_counter()
    outputs = run()
    seconds = time.perf_counter() - start
    tokens = count_tokens(tokenizer, outputs)
    row = {"method": label, "seconds": round(seconds, 2), "tokens": tokens,
           "tokens_per_s": round(tokens / seconds, 1)}
    print(f"  {label:<42} {seconds:8.1f} s {tokens:7d} tokens {tokens / seconds:9.1f} tok/s",
          flush=True)
    return row


def hf_loop(model: Any, tokenizer: Any, lines: list[str], beams: int) -> list[str]:
    import torch

    outputs = []
    with torch.inference_mode():
        for line in lines:
            encoded = tokenizer([line], return_tensors="pt")
            cap = cap_for([int(encoded["input_ids"].shape[1])])
            generated = model.generate(**encoded, num_beams=beams, max_new_tokens=cap,
                                       max_length=None)
            outputs.append(tokenizer.decode(generated[0], skip_special_tokens=True))
    return outputs


def hf_sorted(model: Any, tokenizer: Any, lines: list[str], beams: int) -> list[str]:
    import torch

    order = sorted(range(len(lines)), key=lambda i: len(lines[i]), reverse=True)
    outputs = [""] * len(lines)
    with torch.inference_mode():
        for start in range(0, len(order), BATCH):
            indices = order[start:start + BATCH]
            encoded = tokenizer([lines[i] for i in indices], return_tensors="pt", padding=True)
            cap = cap_for([int(encoded["input_ids"].shape[1])])
            generated = model.generate(**encoded, num_beams=beams, max_new_tokens=cap,
                                       max_length=None)
            for i, text in zip(indices, tokenizer.batch_decode(generated,
                                                               skip_special_tokens=True),
                               strict=True):
                outputs[i] = text
    return outputs


def ct2_sorted(translator: Any, tokenizer: Any, lines: list[str], beams: int,
               side_by_side: bool = False) -> list[str]:
    """Raw CTranslate2, sorted batches of 16; ``side_by_side`` submits every batch at once
    (``asynchronous=True``) so a translator with ``inter_threads > 1`` runs them in parallel."""
    tokens = [tokenizer.convert_ids_to_tokens(ids) for ids in tokenizer(lines)["input_ids"]]
    order = sorted(range(len(lines)), key=lambda i: len(tokens[i]), reverse=True)
    outputs = [""] * len(lines)
    batches = [order[start:start + BATCH] for start in range(0, len(order), BATCH)]
    submitted = [translator.translate_batch([tokens[i] for i in indices], beam_size=beams,
                                            asynchronous=side_by_side,
                                            max_decoding_length=cap_for(
                                                [len(tokens[i]) for i in indices]))
                 for indices in batches] if side_by_side else None
    for number, indices in enumerate(batches):
        if submitted is not None:
            results = [future.result() for future in submitted[number]]
        else:
            results = translator.translate_batch(
                [tokens[i] for i in indices], beam_size=beams,
                max_decoding_length=cap_for([len(tokens[i]) for i in indices]))
        for i, result in zip(indices, results, strict=True):
            ids = tokenizer.convert_tokens_to_ids(result.hypotheses[0])
            outputs[i] = tokenizer.decode(ids, skip_special_tokens=True)
    return outputs


def summarize_cli(model_dir: Path, source: Path, engine: str, beams: int,
                  work: Path) -> list[str]:
    out = work / f"out-{engine}-{beams}"
    command = [sys.executable, "-m", "summarize", "translate", str(source), "--source-lang", "tr",
               "--model", f"tr={model_dir}", "--engine", engine, "--beams", str(beams),
               "--batch-size", str(BATCH), "--no-cache", "--no-retry", "--quiet", "--out",
               str(out), "--cache", str(work / "ct2-cache")]
    subprocess.run(command, check=True)
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    return [s["english"] for d in record["documents"] for s in d["sentences"]]


def peak_rss_seeds(model_dir: Path, engine: str, work: Path) -> float:
    """Peak resident memory (MiB) of ``summarize translate seeds/`` in a child process."""
    code = (
        "import resource, subprocess, sys\n"
        f"subprocess.run({[sys.executable, '-m', 'summarize', 'translate', str(ROOT / 'seeds'), '--translator', 'opus-mt', *[a for lang in ('tr', 'ar', 'de', 'it') for a in ('--model', f'{lang}={model_dir}')], '--engine', engine, '--no-cache', '--no-retry', '--quiet', '--out', str(work / ('rss-' + engine)), '--cache', str(work / 'ct2-cache')]!r}, check=True)\n"  # noqa: E501
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return int(done.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=96)
    parser.add_argument("--beams", type=int, nargs="+", default=[4, 1])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "sz-bench")
    parser.add_argument("--only", nargs="+", choices=["a", "b", "c", "d"],
                        default=["a", "b", "c", "d"], help="methods to run (default: all)")
    parser.add_argument("--skip-rss", action="store_true", help="skip the peak-RSS runs")
    args = parser.parse_args()
    import ctranslate2
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    work: Path = args.work
    model_dir = work / "opus-mt-shape"
    build_opus_mt_shape(model_dir)
    lines = load_lines(args.lines)
    source = work / "flores-tr.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    threads = os.cpu_count() or 1
    torch.set_num_threads(threads)
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForSeq2SeqLM.from_pretrained(model_dir).eval()
    converted = work / "ct2-int8"
    if not (converted / "model.bin").is_file():
        ctranslate2.converters.TransformersConverter(str(model_dir)).convert(
            str(converted), quantization="int8", force=True)
    raw_ct2 = ctranslate2.Translator(str(converted), device="cpu", compute_type="int8",
                                     inter_threads=1, intra_threads=threads)
    raw_ct2_parallel = ctranslate2.Translator(str(converted), device="cpu", compute_type="int8",
                                              inter_threads=threads, intra_threads=1)
    print(f"machine: {platform.processor() or platform.machine()}, {threads} cores; "
          f"torch {torch.__version__}, ctranslate2 {ctranslate2.__version__}; "
          f"{len(lines)} FLORES tr lines", flush=True)
    report: dict[str, Any] = {"lines": len(lines), "threads": threads, "runs": {}}
    for beams in args.beams:
        print(f"beam {beams}:", flush=True)
        methods: list[tuple[str, str, Callable[[int], list[str]]]] = [
            ("a", "(a) one sentence at a time, generate()",
             lambda b: hf_loop(model, tokenizer, lines, b)),
            ("b", "(b) sorted batches of 16, generate()",
             lambda b: hf_sorted(model, tokenizer, lines, b)),
            ("c1", "(c) raw CTranslate2 int8, sorted batches",
             lambda b: ct2_sorted(raw_ct2, tokenizer, lines, b)),
            ("c2", "(c) raw CTranslate2 int8, batches side by side",
             lambda b: ct2_sorted(raw_ct2_parallel, tokenizer, lines, b, side_by_side=True)),
            ("d-torch", "(d) summarize translate --engine torch",
             lambda b: summarize_cli(model_dir, source, "torch", b, work)),
            ("d-ct2", "(d) summarize translate --engine ctranslate2",
             lambda b: summarize_cli(model_dir, source, "ctranslate2", b, work)),
        ]
        rows = {key: timed(label, lambda run=run, b=beams: run(b), tokenizer)
                for key, label, run in methods if key[0] in args.only}
        speed = {key: row["tokens_per_s"] for key, row in rows.items()}
        walls = {key: row["seconds"] for key, row in rows.items()}
        raw = [key for key in ("c1", "c2") if key in speed]
        best_raw = max(raw, key=lambda key: speed[key], default=None)
        for other in [k for k in ("a", "b") if k in speed] + ([best_raw] if best_raw else []):
            if "d-ct2" in speed:
                print(f"  (d ctranslate2) / ({other}): {speed['d-ct2'] / speed[other]:.2f}× "
                      f"target tok/s, {walls[other] / walls['d-ct2']:.2f}× wall", flush=True)
        report["runs"][f"beam{beams}"] = {"rows": list(rows.values()), "speed": speed}
    for engine in () if args.skip_rss else ("ctranslate2", "torch"):
        rss = peak_rss_seeds(model_dir, engine, work)
        print(f"peak RSS, summarize translate seeds/ --engine {engine}: {rss:.0f} MiB")
        report[f"peak_rss_mib_{engine}"] = round(rss)
    (work / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
