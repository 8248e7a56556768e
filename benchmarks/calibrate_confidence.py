"""Calibrate the ``low_confidence`` threshold (``--min-score``) on FLORES, with real weights.

Run by hand where the real models are available (it needs ``pip install sacrebleu``, in the
``bench`` extra):

    python benchmarks/calibrate_confidence.py --lang tr --model Helsinki-NLP/opus-mt-tr-en
    python benchmarks/calibrate_confidence.py --lang ar --model facebook/nllb-200-distilled-600M

Translates the FLORES-200 dev sentences of ``--lang`` (``data/flores``) with summarize (no
retries, so each score is the first attempt's), scores every English sentence against its
human reference with sentence-level chrF (sacrebleu), and reports how well the model's own
score (the mean log-probability of its output tokens, ``run.json`` ``score``) predicts it:
Pearson and Spearman correlations, and for candidate thresholds the share of poor
translations (chrF below ``--poor``) it catches and the share of flagged sentences that are
poor. Pick the threshold from those rows and pass it as ``--min-score``. With the tiny random
models of the tests the figures mean nothing (their output is gibberish); the script runs
with them so it stays in working order (``--model DIR`` of any saved model works).
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))


def ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    for rank, index in enumerate(order):
        out[index] = float(rank)
    return out


def pearson(x: list[float], y: list[float]) -> float:
    mx, my = sum(x) / len(x), sum(y) / len(y)
    cov = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    vx = math.sqrt(sum((a - mx) ** 2 for a in x))
    vy = math.sqrt(sum((b - my) ** 2 for b in y))
    return cov / (vx * vy) if vx and vy else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", default="tr", choices=["tr", "ar", "de", "it"])
    parser.add_argument("--model", required=True, help="hub id or local directory")
    parser.add_argument("--engine", default="auto")
    parser.add_argument("--lines", type=int, default=997)
    parser.add_argument("--poor", type=float, default=40.0, help="chrF below this is poor")
    args = parser.parse_args()
    from sacrebleu.metrics import CHRF

    import summarize

    folder = ROOT / "data" / "flores"
    sources = (folder / f"{args.lang}-en.src.{args.lang}.txt").read_text(
        encoding="utf-8").splitlines()[:args.lines]
    references = (folder / f"{args.lang}-en.ref.en.txt").read_text(
        encoding="utf-8").splitlines()[:args.lines]
    options = summarize.TranslationOptions(
        source_lang=args.lang, model={args.lang: args.model}, nllb_model=args.model,
        engine=args.engine, retry=False, no_cache=True, min_score=None)
    result = summarize.run({f"l{i:04d}": text for i, text in enumerate(sources)},
                           translation=options, stages=summarize.Stages(digest=False))
    chrf = CHRF()
    scores, quality = [], []
    for document, reference in zip(result.documents, references, strict=True):
        english = " ".join(s.english for s in document.sentences)
        found = [s.score for s in document.sentences if s.score is not None]
        if not found:
            continue
        scores.append(min(found))
        quality.append(chrf.sentence_score(english, [reference]).score)
    print(f"{args.lang}→en, {args.model}, {len(scores)} sentences")
    print(f"Pearson {pearson(scores, quality):.3f}, "
          f"Spearman {pearson(ranks(scores), ranks(quality)):.3f}")
    poor = [q < args.poor for q in quality]
    print(f"poor (chrF < {args.poor:g}): {sum(poor)}")
    print("| threshold | flagged | poor caught | flagged that are poor |")
    print("|---|---|---|---|")
    for threshold in (-0.5, -0.75, -1.0, -1.25, -1.5, -2.0, -2.5):
        flagged = [s < threshold for s in scores]
        caught = sum(f and p for f, p in zip(flagged, poor, strict=True))
        share = caught / sum(poor) if sum(poor) else float("nan")
        precision = caught / sum(flagged) if sum(flagged) else float("nan")
        print(f"| {threshold} | {sum(flagged)} | {share:.0%} | {precision:.0%} |")


if __name__ == "__main__":
    main()
