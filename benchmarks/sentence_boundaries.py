"""Sentence boundaries: summarize's splitter against pySBD on pySBD's own cases and ours.

Run by hand (needs ``pip install pysbd``, in the ``bench`` extra):

    python benchmarks/sentence_boundaries.py

Scores each case of ``data/sbd`` (see its SOURCE.txt) as passed when the splitter returns
exactly the expected sentences (pySBD's rule: stripped sentences, in order). The pySBD suites
(en, de, it, ar, es) are pySBD's golden rules and "more" cases, extracted as they are; the
Turkish cases and the news cases per class are summarize's own, written before the splitter's
rules were changed, half used to develop them (dev) and half only scored (held-out). pySBD has
no Turkish rules, so it is not scored there.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

SUITES = [("en", "en"), ("de", "de"), ("it", "it"), ("ar", "ar"), ("es", "es"), ("tr", "tr"),
          ("news_en", "en"), ("news_de", "de"), ("news_it", "it"), ("news_ar", "ar")]


def cases(name: str) -> list[dict[str, object]]:
    path = ROOT / "data" / "sbd" / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> None:
    from summarize.segment import split_sentences

    try:
        import pysbd
    except ImportError:
        pysbd = None
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {time.strftime('%Y-%m-%d')}")
    print("| suite | split | cases | summarize | pySBD |")
    print("|---|---|---|---|---|")
    failures: Counter[str] = Counter()
    for name, lang in SUITES:
        rows = cases(name)
        for split in sorted({str(r.get("split", "all")) for r in rows}):
            chosen = [r for r in rows if str(r.get("split", "all")) == split]
            ours = 0
            theirs = 0
            for row in chosen:
                expected = [str(s).strip() for s in row["sentences"]]  # type: ignore[attr-defined]
                if split_sentences(str(row["text"]), lang) == expected:
                    ours += 1
                else:
                    failures[f"{name}/{row.get('class', row.get('set', ''))}"] += 1
                if pysbd is not None and name != "tr":
                    segmenter = pysbd.Segmenter(language=lang, clean=False)
                    got = [s.strip() for s in segmenter.segment(str(row["text"])) if s.strip()]
                    theirs += got == expected
            shown = "n/a" if pysbd is None or name == "tr" else f"{theirs}/{len(chosen)}"
            print(f"| {name} | {split} | {len(chosen)} | {ours}/{len(chosen)} | {shown} |")
    print("summarize's failures by suite/class:", dict(failures))


if __name__ == "__main__":
    main()
