"""How well the name audit finds real name errors in real MT output (FLORES-200 dev).

Run by hand: ``python benchmarks/name_audit_flores.py [--flores DIR] [--out FILE]``. Prints
Markdown tables and writes them, with the method, to ``benchmarks/name_audit_flores.md``.

Ground truth is the hand labels in ``data/flores/names.{tr,ar}.{opusmt,nllb}.jsonl``: every
sentence whose MT English loses or replaces a proper name of the source, judged by reading
(see ``docs/names.md`` for how the candidates were found and the rules applied). Sentences are
split **before tuning** by line parity: even lines are the tuning half, odd lines the
held-out half. The audit under test sees only the source, the MT English and, as its
document, the lines around it (FLORES keeps an article's sentences together): their source
as context, their translations by the same system for its memory of names.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from flores_data import SYSTEMS, Half, read_lines, scored  # noqa: E402
from flores_data import default_flores as shared_flores  # noqa: E402

from summarize.names import audit_names, document_memory  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("tr", "ar")
HALVES: dict[str, Half] = {"tuning": "tuning", "held-out": "held-out"}
#: Source lines on each side of a sentence given to the audit as its document.
CONTEXT_LINES = 5


@dataclass
class Counts:
    """Sentence counts for one language pair, MT system and half."""

    sentences: int = 0
    real_errors: int = 0
    caught: int = 0
    correct: int = 0
    false_flags: int = 0

    @property
    def recall(self) -> float:
        """Share of sentences with a real name error that the audit flags."""
        return self.caught / self.real_errors if self.real_errors else 1.0

    @property
    def false_rate(self) -> float:
        """Share of correct sentences that the audit flags."""
        return self.false_flags / self.correct if self.correct else 0.0


def default_flores() -> Path:
    """The FLORES folder with the name labels (the repository's)."""
    return shared_flores()


def labels(folder: Path, lang: str, system: str) -> dict[int, list[dict[str, object]]]:
    """The hand labels of one pair and system, by 0-based line."""
    return _by_line(folder, f"names.{lang}.{system}.jsonl")


def _by_line(folder: Path, name: str) -> dict[int, list[dict[str, object]]]:
    found: dict[int, list[dict[str, object]]] = {}
    for line in read_lines(folder, name):
        if line.strip():
            record = json.loads(line)
            found.setdefault(int(record["line"]), []).append(record)
    return found


def context(source: list[str], index: int) -> str:
    """The source lines around ``index`` (the sentence's stand-in document)."""
    return "\n".join(source[max(0, index - CONTEXT_LINES):index + CONTEXT_LINES + 1])


def memory(source: list[str], english: list[str], index: int, lang: str) -> frozenset[str]:
    """The words the stand-in document's translations render as names (``document_memory``:
    the same lines as :func:`context`, with the English of the system under test)."""
    window = slice(max(0, index - CONTEXT_LINES), index + CONTEXT_LINES + 1)
    return document_memory(list(zip(source[window], english[window], strict=True)), lang)


def evaluate(folder: Path, lang: str, system: str, half: Half,
             ) -> tuple[Counts, list[tuple[int, str]]]:
    """Counts for one half, and the disagreements (line, what) for reading."""
    source = read_lines(folder, f"{lang}-en.src.{lang}.txt")
    output = read_lines(folder, f"{lang}-en.{system}.en.txt")
    truth = labels(folder, lang, system)
    counts, disagreements = Counts(), []
    for index, (src, hyp) in enumerate(zip(source, output, strict=True)):
        if not scored(lang, index, half):
            continue
        issues = audit_names(src, hyp, lang, context=context(source, index),
                             memory=memory(source, output, index, lang))
        wrong = index in truth
        counts.sentences += 1
        counts.real_errors += wrong
        counts.caught += wrong and bool(issues)
        counts.correct += not wrong
        counts.false_flags += bool(issues) and not wrong
        if wrong and not issues:
            disagreements.append((index, "missed: " + ", ".join(
                str(r["name"]) for r in truth[index])))
        elif issues and not wrong:
            disagreements.append((index, "false flag: " + "; ".join(i.reason for i in issues)))
    return counts, disagreements


def reference_flags(folder: Path, lang: str, half: Half) -> tuple[int, int]:
    """Human references of one half the audit flags, and all of them (assumed correct)."""
    source = read_lines(folder, f"{lang}-en.src.{lang}.txt")
    reference = read_lines(folder, f"{lang}-en.ref.en.txt")
    flagged = total = 0
    for index, (src, ref) in enumerate(zip(source, reference, strict=True)):
        if not scored(lang, index, half):
            continue
        total += 1
        flagged += bool(audit_names(src, ref, lang, context=context(source, index),
                                    memory=memory(source, reference, index, lang)))
    return flagged, total


def second_labels(folder: Path, system: str) -> dict[int, list[dict[str, object]]]:
    """The second, blind annotation of the Arabic held-out half (``second/``), by line."""
    return _by_line(folder / "second", f"names.ar.{system}.heldout.jsonl")


def second_opinion(folder: Path) -> str:
    """The held-out figures of the Arabic audit against each annotator's labels and their
    union, and how far the two annotators agree (sentences with an error)."""
    lines = ["| system | labels | sentences with an error | caught (recall) "
             "| correct sentences flagged |", "|---|---|---|---|---|"]
    agreement = ["", "| system | errors found by both | first only | second only |",
                 "|---|---|---|---|"]
    source = read_lines(folder, "ar-en.src.ar.txt")
    for system, name in SYSTEMS.items():
        output = read_lines(folder, f"ar-en.{system}.en.txt")
        scored_lines = [i for i in range(len(source)) if scored("ar", i, "held-out")]
        flagged = {i for i in scored_lines if audit_names(
            source[i], output[i], "ar", context=context(source, i),
            memory=memory(source, output, i, "ar"))}
        first = {i for i in labels(folder, "ar", system) if i in scored_lines}
        second = {i for i in second_labels(folder, system) if i in scored_lines}
        for label, wrong in (("first", first), ("second (blind)", second),
                             ("union", first | second)):
            correct = len(scored_lines) - len(wrong)
            caught, false = len(wrong & flagged), len(flagged - wrong)
            lines.append(f"| {name} | {label} | {len(wrong)} | {caught} "
                         f"({caught / max(1, len(wrong)):.0%}) | {false} of {correct} "
                         f"({false / max(1, correct):.1%}) |")
        agreement.append(f"| {name} | {len(first & second)} | {len(first - second)} | "
                         f"{len(second - first)} |")
    return "\n".join(lines + agreement)


def table(folder: Path) -> str:
    """The Markdown tables of the benchmark."""
    lines = ["| pair | system | half | sentences | real name errors | caught (recall) "
             "| correct sentences flagged |", "|---|---|---|---|---|---|---|"]
    for lang in LANGUAGES:
        for system, name in SYSTEMS.items():
            for half_name, half in HALVES.items():
                c, _ = evaluate(folder, lang, system, half)
                lines.append(f"| {lang}→en | {name} | {half_name} | {c.sentences} | "
                             f"{c.real_errors} | {c.caught} ({c.recall:.0%}) | "
                             f"{c.false_flags} of {c.correct} ({c.false_rate:.1%}) |")
    lines += ["", "| pair | human references flagged: tuning | held-out |", "|---|---|---|"]
    for lang in ("ar", "tr", "de", "it"):
        cells = []
        for half in HALVES.values():
            flagged, total = reference_flags(folder, lang, half)
            cells.append(f"{flagged} of {total} ({flagged / max(1, total):.1%})")
        lines.append(f"| {lang}→en | {' | '.join(cells)} |")
    if (folder / "second").is_dir():
        lines += ["", "Arabic, held-out half, against a second blind annotation "
                  "(`data/flores/second/`):", "", second_opinion(folder)]
    return "\n".join(lines)


METHOD = """\
**Method.** FLORES-200 dev, 997 sentences per pair, with the real output of opus-mt and NLLB-200
(`data/flores/`; 3 misaligned Arabic lines left out). The real name errors were labelled by
hand (`data/flores/names.*.jsonl`, one record per lost or changed name; rules and counts in
`docs/names.md`). The sentences were split by line parity before any tuning: even lines tune,
odd lines are held out. A sentence counts as caught when the audit flags it at all; a correct
sentence (no labelled error) that the audit flags is a false flag. The second table is the
false-flag rate on the human references, assumed correct (for de and it, the only figure: no
MT output is stored for them). The audit sees only the source, the English and the five
lines on either side as its document: their source as its context, and the words their
translations by the same system (or, for the references, the references) render as names
as its memory.
"""


def main() -> None:
    """Print the tables and write them, with the method, to a Markdown file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flores", type=Path, default=default_flores(),
                        help="folder with the FLORES files (default: data/flores)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "name_audit_flores.md",
                        help="Markdown file to write")
    parser.add_argument("--show", choices=[f"{lang}.{system}" for lang in LANGUAGES
                                           for system in SYSTEMS],
                        help="print the tuning half's disagreements of one pair and system")
    args = parser.parse_args()
    if args.show:
        lang, system = args.show.split(".")
        for index, what in evaluate(args.flores, lang, system, HALVES["tuning"])[1]:
            print(f"L{index}: {what}")
        return
    result = table(args.flores)
    print(result)
    args.out.write_text(f"# Name audit on real MT output\n\n{METHOD}\n{result}\n",
                        encoding="utf-8")


if __name__ == "__main__":
    main()
