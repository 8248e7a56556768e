"""How well the number audit finds real number errors in real MT output (FLORES-200 dev).

Run by hand: ``python benchmarks/number_audit_flores.py [--flores DIR]``.

Ground truth comes from the human reference, not from the source: an MT sentence has a *real
number error* when its numbers disagree with the reference's, compared English to English (one
language, one convention; "two" and "2", "11:00" and "11.00" agree). The audit compares the
source with the MT English and is right when it flags exactly those sentences.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from summarize.numbers import audit_numbers
from summarize.numparse import extract_numbers

ROOT = Path(__file__).parents[1]


def english_numbers(text: str) -> Counter[float]:
    """The required (digit-written) numbers of an English sentence, rounded for comparison."""
    return Counter(round(m.value, 6) for m in extract_numbers(text, "en") if not m.optional)


def evaluate(flores: Path, lang: str, system: str) -> dict[str, float]:
    """Counts for one language pair and one MT system."""
    read = lambda name: (flores / name).read_text(encoding="utf-8").splitlines()  # noqa: E731
    source, reference = read(f"{lang}-en.src.{lang}.txt"), read(f"{lang}-en.ref.en.txt")
    output = read(f"{lang}-en.{system}.en.txt")
    counts = Counter[str]()
    for src, ref, hyp in zip(source, reference, output, strict=True):
        has_numbers = bool(english_numbers(ref) or english_numbers(hyp))
        if not has_numbers:
            counts["no_numbers_flagged"] += bool(audit_numbers(src, hyp, lang))
            continue
        counts["with_numbers"] += 1
        wrong = bool(audit_numbers(ref, hyp, "en"))
        flagged = bool(audit_numbers(src, hyp, lang))
        counts["real_errors"] += wrong
        counts["caught"] += wrong and flagged
        counts["correct"] += not wrong
        counts["false_flags"] += flagged and not wrong
    return dict(counts)


def reference_false_flags(flores: Path, lang: str) -> tuple[int, int]:
    """Sentences with numbers where the audit flags the human reference itself."""
    source = (flores / f"{lang}-en.src.{lang}.txt").read_text(encoding="utf-8").splitlines()
    reference = (flores / f"{lang}-en.ref.en.txt").read_text(encoding="utf-8").splitlines()
    pairs = [(s, r) for s, r in zip(source, reference, strict=True) if english_numbers(r)]
    return sum(bool(audit_numbers(s, r, lang)) for s, r in pairs), len(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--flores", type=Path, default=ROOT / "data" / "flores")
    args = parser.parse_args()
    print("| pair | system | sentences with numbers | real number errors | caught (recall) "
          "| correct sentences flagged | precision |")
    print("|---|---|---|---|---|---|---|")
    for lang in ("ar", "tr"):
        for system in ("opusmt", "nllb"):
            c = evaluate(args.flores, lang, system)
            recall = c.get("caught", 0) / max(1, c.get("real_errors", 0))
            flagged = c.get("caught", 0) + c.get("false_flags", 0)
            precision = c.get("caught", 0) / max(1, flagged)
            print(f"| {lang}→en | {system} | {c.get('with_numbers', 0)} | "
                  f"{c.get('real_errors', 0)} | {c.get('caught', 0)} ({recall:.0%}) | "
                  f"{c.get('false_flags', 0)} of {c.get('correct', 0)} | {precision:.0%} |")
    for lang in ("ar", "tr", "de", "it"):
        flagged, total = reference_false_flags(args.flores, lang)
        print(f"human reference {lang}→en: {flagged} of {total} sentences with numbers flagged")


if __name__ == "__main__":
    main()
