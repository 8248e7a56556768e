"""The fixed cost of a command: process start → first batch, and → exit.

Run by hand:

    python benchmarks/command_overhead.py [--repeat 5] [--model DIR] [--work DIR]

Runs ``summarize translate`` on the five seeds with the tiny random models of the tests (or
``--model DIR`` for tr/de/it and ``--nllb-model``-shaped ``--nllb DIR``), CTranslate2 engine,
beam 1, ``--no-cache --no-retry``, after one warm-up run that converts the models (so the
conversion is cached, as it is for a user after the first run). Each measured run is a fresh
process started by a small wrapper that notes the wall clock when the interpreter is up,
when the first planned batch reaches the engine, and at exit; the wrapper's own start-up
(interpreter, before importing anything of summarize) is measured separately as ``python -c
pass``. Reports the median of ``--repeat`` runs and the stage timings of ``run.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from tests.tiny_models import build_marian, build_nllb  # noqa: E402

WRAPPER = """
import sys, time
start = time.time()
import summarize.translate.runner as runner

real = runner.LocalBatchRunner.run
first = []

def run(self, jobs):
    for outcome in real(self, jobs):
        if not first:
            first.append(time.time())
        yield outcome

runner.LocalBatchRunner.run = run
from summarize.cli import main
code = main(sys.argv[2:])
end = time.time()
with open(sys.argv[1], "w") as handle:
    handle.write(f"{start} {first[0] if first else end} {end}")
sys.exit(code)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--model", type=Path, help="tr/de/it model (default: tiny Marian)")
    parser.add_argument("--nllb", type=Path, help="Arabic model (default: tiny NLLB)")
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="summarize-overhead-"))
    work.mkdir(parents=True, exist_ok=True)
    marian = args.model or build_marian(work / "marian")
    nllb = args.nllb or build_nllb(work / "nllb")
    wrapper = work / "wrapper.py"
    wrapper.write_text(WRAPPER, encoding="utf-8")
    command = ["translate", str(ROOT / "seeds"), "--out", str(work / "out"), "--no-cache",
               "--no-retry", "--quiet", "--beams", "1", "--cache", str(work / "cache"),
               "--model", f"tr={marian}", "--model", f"de={marian}", "--model", f"it={marian}",
               "--nllb-model", str(nllb)]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "summarize", *command], check=True, env=environment)
    interpreter, first_batch, total, timings = [], [], [], []
    for _ in range(args.repeat):
        begin = time.time()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        interpreter.append(time.time() - begin)
        stamp = work / "stamp.txt"
        begin = time.time()
        subprocess.run([sys.executable, str(wrapper), str(stamp), *command], check=True,
                       env=environment)
        up, first, end = (float(x) for x in stamp.read_text().split())
        first_batch.append(first - begin)
        total.append(end - begin)
        timings.append(json.loads((work / "out" / "run.json").read_text())["timings"])
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {time.strftime('%Y-%m-%d')}; median of {args.repeat}")
    print(f"interpreter start (python -c pass): {statistics.median(interpreter):.2f} s")
    print(f"process start → first batch: {statistics.median(first_batch):.2f} s")
    print(f"process start → exit: {statistics.median(total):.2f} s")
    stages = {key: statistics.median(t.get(key, 0.0) for t in timings) for key in timings[0]}
    print("run.json stages (median s): " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))


if __name__ == "__main__":
    main()
