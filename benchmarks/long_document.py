"""A very long sentence: every stage must stay near-linear in the length of a sentence.

Run by hand:

    python benchmarks/long_document.py [--words 18000] [--model DIR] [--work DIR]

Builds a German text of ``--words`` words without a single sentence end (FLORES-200 dev
sentences with their full stops, question marks and colons removed), so the whole text is one
sentence, and runs ``summarize run`` on it (translation, checks, retry, digest and brief) with
the tiny random Marian model of the tests (or ``--model DIR``). It reports the stage timings of
``run.json`` and the ratio of everything that is not model work (segmentation, planning,
checks, digest, brief) to the translation itself: the goal is a small multiple, not growth
with the square of the sentence length. Before the checks were made near-linear, such a
document ran for more than 15 minutes on 2 cores, almost all of it in ``difflib``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from tests.tiny_models import build_marian  # noqa: E402


def long_german(words: int) -> str:
    """``words`` words of FLORES German with every sentence end removed."""
    found: list[str] = []
    for line in (ROOT / "data" / "flores" / "de-en.src.de.txt").read_text(
            encoding="utf-8").splitlines():
        found += re.sub(r"[.!?;:…]", "", line).split()
        if len(found) >= words:
            break
    while len(found) < words:
        found += found[:words - len(found)]
    return " ".join(found[:words])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=18_000)
    parser.add_argument("--model", type=Path, help="the de→en model (default: tiny Marian)")
    parser.add_argument("--work", type=Path, help="where to keep the files (default: temp)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="summarize-long-"))
    work.mkdir(parents=True, exist_ok=True)
    model = args.model or build_marian(work / "tiny-marian")
    document = work / "long.txt"
    document.write_text(long_german(args.words), encoding="utf-8")
    out = work / "out"
    command = [sys.executable, "-m", "summarize", "run", str(document), "--out", str(out),
               "--model", f"de={model}", "--no-cache", "--quiet", "--beams", "1"]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"summarize failed ({done.returncode}):\n{done.stderr}")
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    timings = record["timings"]
    model_work = timings.get("load", 0) + timings.get("translate", 0)
    other = sum(v for k, v in timings.items() if k not in {"load", "translate"})
    sentences = record["documents"][0]["sentences"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {time.strftime('%Y-%m-%d')}")
    print(f"{args.words:,} words, {len(document.read_text(encoding='utf-8')):,} characters, "
          f"{len(sentences)} sentence(s); wall {wall:.1f} s")
    print("stage timings (s): " + ", ".join(f"{k} {v:.2f}" for k, v in timings.items()))
    print(f"not model work ÷ translation (load + translate): {other / model_work:.2f}×")


if __name__ == "__main__":
    main()
