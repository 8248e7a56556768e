"""The brief on the labelled set: verdict precision and recall, and digest key-fact coverage.

Run by hand (seconds; the baselines need ``pip install -e ".[bench]"`` for sumy):

    python benchmarks/brief_eval.py [--split heldout|tune|all] [--check] [--markdown]

Reads ``data/brief_eval`` (50 English articles with front matter, 16 stories, split by story
into a tuning half and a held-out half; see its README for how the labels were made), runs
``summarize digest`` on the split's articles as one run (``summarize.run`` without
translation), and reports:

1. **Verdicts**, pairwise over the labelled figure pairs: precision and recall of
   ``disagreement``, ``same_fact`` and ``update`` (and ``not_comparable``), with every missed
   and every invented verdict listed. A predicted verdict between figures nobody labelled as
   related counts against precision.
2. **Digests**: the share of each article's labelled key facts carried by a digest of ``k``
   sentences (k = 3 and 4) for summarize's extractive digest, the first ``k`` sentences
   (lead-k), and sumy's LexRank and TextRank, all choosing among the same sentences
   (headlines, repeated paragraphs, boilerplate and sentences under six words left out).
   sumy is given a tokenizer of our own (sentences by summarize's splitter, words by its word
   pattern): its default needs NLTK data, which is not downloaded here.
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

import summarize  # noqa: E402
from summarize.digest.extractive import ExtractiveSummarizer, eligible  # noqa: E402
from summarize.digest.text import words  # noqa: E402
from summarize.options import DigestOptions  # noqa: E402
from summarize.pipeline import Stages  # noqa: E402
from summarize.records import SentenceRecord  # noqa: E402
from summarize.segment import split_sentences  # noqa: E402
from tests.brief_eval_set import (  # noqa: E402
    KINDS,
    article_path,
    carried,
    check,
    load_labels,
    score,
)

Picker = Callable[[Sequence[SentenceRecord], int], list[str]]


class OurTokenizer:
    """sumy's tokenizer interface on summarize's sentence splitter and word pattern."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        """Sentences of a paragraph."""
        return split_sentences(paragraph, "en")

    def to_words(self, sentence: str) -> list[str]:
        """Words of a sentence."""
        return words(sentence)


def lead(sentences: Sequence[SentenceRecord], k: int) -> list[str]:
    """The first ``k`` eligible sentences."""
    return [s.english for s in sentences if eligible(s)][:k]


def ours(sentences: Sequence[SentenceRecord], k: int) -> list[str]:
    """summarize's extractive digest."""
    return [line.text for line in ExtractiveSummarizer().digest(sentences, k)]


def sumy_picker(name: str) -> Picker:
    """A sumy summarizer (``lexrank`` or ``textrank``) over the eligible sentences."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = OurTokenizer()
    summarizer = (LexRankSummarizer if name == "lexrank" else TextRankSummarizer)(
        Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def pick(sentences: Sequence[SentenceRecord], k: int) -> list[str]:
        chosen = [s.english for s in sentences if eligible(s)]
        document = ObjectDocumentModel([Paragraph([Sentence(t, tokenizer) for t in chosen])])
        return [str(s) for s in summarizer(document, k)]

    return pick


def run_split(split: str | None) -> tuple[dict[str, Any], list[str], float]:
    """One run over the split's articles; its run.json record, the document ids, seconds."""
    labels = load_labels()
    docs = labels.docs(split)
    start = time.perf_counter()
    result = summarize.run([article_path(d) for d in docs], stages=Stages(translate=False),
                           digest=DigestOptions(digest_sentences=4))
    elapsed = time.perf_counter() - start
    return json.loads(json.dumps(result.to_dict())), docs, elapsed


def digest_table(record: dict[str, Any], docs: Sequence[str],
                 pickers: dict[str, Picker]) -> dict[str, dict[int, tuple[int, int]]]:
    """Key facts carried / labelled, per method and digest length."""
    labels = load_labels()
    by_id = {d["id"]: d for d in record["documents"]}
    table: dict[str, dict[int, tuple[int, int]]] = {}
    for name, pick in pickers.items():
        for k in (3, 4):
            got = total = 0
            for doc in docs:
                sentences = [SentenceRecord(s["id"], s["paragraph"], s["source"], s["english"],
                                            [summarize.Flag(**f) for f in s["flags"]],
                                            s["heading"]) for s in by_id[doc]["sentences"]]
                facts = labels.articles[doc]["key_facts"]
                got += carried(pick(sentences, k), facts)
                total += len(facts)
            table.setdefault(name, {})[k] = (got, total)
    return table


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report; exit 1 when the labels are inconsistent (``--check``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="heldout4", choices=[
        "heldout4", "heldout3", "heldout2", "heldout", "tune", "blind", "blind2", "blind3",
        "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11",
        "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19",
        "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "all"])
    parser.add_argument("--data", type=Path, help="another labelled set in the same format "
                        "(data/brief_eval_blind: --data data/brief_eval_blind --split blind)")
    parser.add_argument("--check", action="store_true", help="check the labels and stop")
    parser.add_argument("--no-baselines", action="store_true",
                        help="skip sumy (when it is not installed)")
    args = parser.parse_args(argv)
    if args.data:
        import tests.brief_eval_set as labelled

        labelled.DATA = args.data.resolve()
    labels = load_labels()
    if args.check:
        problems = check(labels)
        print("\n".join(problems) or "labels consistent")
        return 1 if problems else 0
    split = None if args.split == "all" else args.split
    record, docs, elapsed = run_split(split)
    scores = score(record, labels, docs)
    print(f"# Brief on the labelled set: {args.split} ({len(docs)} articles, "
          f"{len({labels.stories[labels.articles[d]['story']]['story'] for d in docs})} "
          f"stories)\n")
    print(f"Machine: {platform.machine()}, {platform.system()}, Python "
          f"{platform.python_version()}; {datetime.date.today().isoformat()}; one run took "
          f"{elapsed:.1f} s. Labelled figures read as claims: {scores.matched} of "
          f"{scores.figures}.\n")
    print("| verdict | labelled pairs | predicted | correct | precision | recall |")
    print("|---|---|---|---|---|---|")
    for kind in KINDS:
        print(f"| {kind} | {scores.count(kind)} | {scores.count(kind, predicted=True)} | "
              f"{scores.confusion[(kind, kind)]} | {_pct(scores.precision(kind))} | "
              f"{_pct(scores.recall(kind))} |")
    print("\nConfusion (label → prediction, `unrelated` = no verdict):\n")
    names = [*KINDS, "unrelated"]
    print("| label \\ predicted | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for truth in names:
        print(f"| {truth} | " + " | ".join(str(scores.confusion[(truth, p)]) for p in names)
              + " |")
    figures = labels.figures
    if scores.missed:
        print("\nMissed (label → prediction):\n")
        for a, b, truth, guess in scores.missed:
            print(f"- {truth} → {guess}: {a} “{figures[a]['text']}” / {b} "
                  f"“{figures[b]['text']}”")
    if scores.invented:
        print("\nPredicted on pairs labelled unrelated or not labelled:\n")
        for a, b, kind in scores.invented:
            print(f"- {kind}: {a} / {b}")
    pickers: dict[str, Picker] = {"summarize (extractive)": ours, "lead-k": lead}
    if not args.no_baselines:
        pickers["sumy LexRank"] = sumy_picker("lexrank")
        pickers["sumy TextRank"] = sumy_picker("textrank")
    table = digest_table(record, docs, pickers)
    print("\n| digest | key facts carried, k = 3 | k = 4 |")
    print("|---|---|---|")
    for name, row in table.items():
        cells = [f"{got}/{total} ({100 * got / total:.1f}%)" for got, total in
                 (row[3], row[4])]
        print(f"| {name} | {cells[0]} | {cells[1]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
