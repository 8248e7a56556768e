"""Local run against the Ray engine on one machine: wall time and identical output.

Run by hand (a few minutes on 2 cores; needs ``pip install 'summarize[ray]'``):

    python benchmarks/cluster_local.py [--lines 96] [--per-document 8] [--beams 4] [--work DIR]

Builds the random-weight MarianMT model of the opus-mt shape that
``benchmarks/translate_speed.py`` uses (d_model 512, 6+6 layers, FFN 2048, 8 heads, a real
8,000-piece SentencePiece vocabulary; reused from the same folder when present), writes the
first ``--lines`` Turkish FLORES-200 dev sentences as documents of ``--per-document``
paragraphs, and times the whole ``summarize run`` command (process start, Ray start, model
loads, translation, checks, digests, brief and writing) in a fresh process for:

  (a) the local engine (the default);
  (b) ``--engine-cluster ray`` with one actor of 2 CPUs (``--actors 1 --cpus-per-actor 2``);
  (c) ``--engine-cluster ray`` with two actors of 1 CPU each (``--actors 2``).

Each Ray run starts a local Ray itself (``ray.init``), as ``summarize run --engine-cluster
ray`` does without ``--ray-address``. All runs use ``--no-cache --no-retry`` (a random model's
English is gibberish, so every sentence would be retried) and the default engine. The script
checks that the three runs wrote the same translations, digests and brief.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from tests.tiny_models import build_opus_mt_shape  # noqa: E402

RUNS = {
    "a": ("(a) local", []),
    "b": ("(b) Ray, 1 actor × 2 CPUs", ["--engine-cluster", "ray", "--actors", "1",
                                         "--cpus-per-actor", "2"]),
    "c": ("(c) Ray, 2 actors × 1 CPU", ["--engine-cluster", "ray", "--actors", "2"]),
}


def write_corpus(folder: Path, lines: int, per_document: int) -> int:
    """FLORES Turkish sentences as documents of ``per_document`` paragraphs."""
    source = ROOT / "data" / "flores" / "tr-en.src.tr.txt"
    sentences = source.read_text(encoding="utf-8").splitlines()[:lines]
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    documents = [sentences[i:i + per_document] for i in range(0, len(sentences), per_document)]
    for number, paragraphs in enumerate(documents):
        (folder / f"doc{number:03d}.txt").write_text("\n\n".join(paragraphs) + "\n",
                                                    encoding="utf-8")
    return len(documents)


def run(label: str, extra: list[str], corpus: Path, model: Path, beams: int,
        work: Path) -> dict[str, Any]:
    out = work / f"out-{label[1]}"
    command = [sys.executable, "-m", "summarize", "run", str(corpus), "--source-lang", "tr",
               "--model", f"tr={model}", "--beams", str(beams), "--no-cache", "--no-retry",
               "--quiet", "--out", str(out), "--cache", str(work / "cache"), *extra]
    start = time.perf_counter()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    row = {"run": label, "wall_s": round(seconds, 1), "timings": record["timings"],
           "out": str(out)}
    stages = ", ".join(f"{k} {v:.1f}" for k, v in record["timings"].items() if v >= 0.05)
    print(f"  {label:<30} {seconds:7.1f} s   ({stages})", flush=True)
    return row


def outputs(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.md"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=96)
    parser.add_argument("--per-document", type=int, default=8)
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "sz-bench")
    parser.add_argument("--only", nargs="+", choices=sorted(RUNS), default=sorted(RUNS))
    args = parser.parse_args()
    import ray

    work: Path = args.work
    model = work / "opus-mt-shape"
    build_opus_mt_shape(model)
    corpus = work / "cluster-corpus"
    documents = write_corpus(corpus, args.lines, args.per_document)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
          f"ray {ray.__version__}; {args.lines} FLORES tr sentences in {documents} documents, "
          f"beam {args.beams}", flush=True)
    run(*RUNS["a"], corpus, model, args.beams, work)  # converts the model once, untimed
    rows = [run(*RUNS[key], corpus, model, args.beams, work) for key in args.only]
    first = outputs(Path(rows[0]["out"]))
    same = all(outputs(Path(row["out"])) == first for row in rows[1:])
    print(f"translations, digests and brief identical across runs: {same}")
    report = {"lines": args.lines, "documents": documents, "beams": args.beams,
              "cores": os.cpu_count(), "ray": ray.__version__, "identical": same, "runs": rows}
    (work / "cluster-report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    if not same:
        raise SystemExit("the runs differ")


if __name__ == "__main__":
    main()
