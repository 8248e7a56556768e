"""text2num's own test cases read by the number audit's parser (``summarize.numparse``).

Run by hand: ``python benchmarks/number_words_text2num.py [--failures]``. Prints, per language,
how many of the cases in ``data/text2num/{de,it,en}.jsonl`` the parser reads as text2num does.

The cases come from text2num-rs (allo-media, MIT; see ``data/text2num/SOURCE.txt``), one JSON
object a line with a ``kind``, a ``text`` and the ``expected`` output. How each kind is scored:

- ``text2digits`` (one number in words, expected its digits: ``fünfzehn`` → ``15``),
  ``replace_numbers`` and ``replace_all_numbers`` (a sentence, expected the same sentence with
  its numbers in digits; ``replace_all_numbers`` also replaces isolated small numbers and
  articles): the case passes when the values the parser reads from the text, in text order,
  equal the values it reads from the expected output. Words that text2num leaves in place are
  in both texts and so read alike; what is tested is which words make which number and where
  one number ends and the next begins. text2num writes no digit-group separators, so in the
  expected output a space between two digits separates two numbers (``88 700`` is 88 and 700);
  the scorer marks it before reading. Digits are read in the language's conventions
  (``12,9`` is 12.9 in German and Italian).
- ``invalid`` (words that text2num refuses as one number: ``fünf null``, ``sechzighundert``):
  the case passes unless the parser reads the whole text as one number.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

from summarize.numparse import extract_numbers

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "text2num"
LANGUAGES = ("de", "it", "en")


@dataclass(frozen=True)
class Case:
    """One text2num test case."""

    lang: str
    kind: str
    text: str
    expected: str | None


def load_cases(lang: str) -> list[Case]:
    """The cases of one language, in file order."""
    lines = (DATA / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    return [Case(lang, item["kind"], item["text"], item["expected"])
            for item in map(json.loads, lines)]


def values(text: str, lang: str) -> list[float]:
    """The values the parser reads from ``text``, in text order."""
    return [round(m.value, 9) for m in extract_numbers(text, lang)]


def reading(case: Case) -> tuple[list[float], list[float]]:
    """What the parser reads from the case's text, and from its expected output."""
    got = values(case.text, case.lang)
    if case.expected is None:
        return got, []
    expected = re.sub(r"(?<=\d) (?=\d)", " ; ", case.expected)
    return got, values(expected, case.lang)


def passes(case: Case) -> bool:
    """Whether the parser reads the case as text2num does (see the module docstring)."""
    if case.kind == "invalid":
        mentions = extract_numbers(case.text, case.lang)
        whole = len(mentions) == 1 and not re.search(
            r"\w", case.text[:mentions[0].start] + case.text[mentions[0].end:])
        return not whole
    got, expected = reading(case)
    return got == expected


def score(lang: str) -> tuple[int, int, list[Case]]:
    """Cases passed, cases in all, and the failures, for one language."""
    cases = load_cases(lang)
    failures = [case for case in cases if not passes(case)]
    return len(cases) - len(failures), len(cases), failures


def main() -> None:
    """Print the figures per language (and per kind), and the failures if asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list the failed cases")
    args = parser.parse_args()
    print("| language | cases read as text2num reads them | text2digits | replace_numbers "
          "| replace_all_numbers | invalid |")
    print("|---|---|---|---|---|---|")
    for lang in LANGUAGES:
        passed, total, failures = score(lang)
        cells = []
        for kind in ("text2digits", "replace_numbers", "replace_all_numbers", "invalid"):
            of_kind = [c for c in load_cases(lang) if c.kind == kind]
            failed = sum(c.kind == kind for c in failures)
            cells.append(f"{len(of_kind) - failed} of {len(of_kind)}")
        print(f"| {lang} | {passed} of {total} ({passed / total:.0%}) | {' | '.join(cells)} |")
        if args.failures:
            for case in failures:
                got, expected = reading(case)
                print(f"    {case.kind}: {case.text!r} → {got}, expected {expected} "
                      f"({case.expected!r})")


if __name__ == "__main__":
    main()
