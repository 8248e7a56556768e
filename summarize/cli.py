"""The command line: flags (generated from the option dataclasses), the run, exit codes.

Exit codes: 0 all documents done; 1 some documents failed (the others are written; when all
fail nothing is written); 2 nothing ran and nothing was touched (bad arguments or inputs, an
unusable output folder, a model that cannot be found); 130 interrupted (Ctrl-C), 143 killed
(SIGTERM), the previous outputs untouched.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize._version import __version__
from summarize.options import (
    ClusterOptions,
    DigestOptions,
    FetchOptions,
    InputOptions,
    ReviewOptions,
    TranslationOptions,
)

if TYPE_CHECKING:
    from summarize.inputs import InputSet, Skipped
    from summarize.outdir import OutputFolder
    from summarize.records import DocumentResult


REVIEW_HELP = ("review a run in the browser: approve or correct the English, rebuild the "
               "digests and brief from it")
MEMORY_HELP = "export or import the translation memory (TMX 1.4)"
COMMANDS = {
    "run": "translate, digest and brief (everything)",
    "translate": "translate to English only",
    "digest": "digest and brief English input (no translation)",
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; option flags come from the option dataclasses
    (``summarize.flags``)."""
    from summarize.flags import add_option_flags

    parser = argparse.ArgumentParser(
        prog="summarize",
        description="Translate foreign-language news to English and write digests and a brief.")
    parser.add_argument("--version", action="version", version=f"summarize {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    report = sub.add_parser("report", help="write the HTML review page of a run.json",
                            description="write the HTML review page of a run.json")
    report.add_argument("run_json", metavar="RUN_JSON", help="a run.json written by summarize")
    report.add_argument("--out", metavar="FILE",
                        help="where to write the page (default: report.html beside RUN_JSON)")
    review = sub.add_parser("review", help=REVIEW_HELP, description=REVIEW_HELP)
    review.add_argument("out_dir", metavar="OUT_DIR", help="a run folder (--out of a run)")
    add_option_flags(review, "review")
    memory = sub.add_parser("memory", help=MEMORY_HELP, description=MEMORY_HELP)
    actions = memory.add_subparsers(dest="memory_command", required=True, metavar="ACTION")
    for name, help_text in (("export", "write the translation memory to a TMX 1.4 file"),
                            ("import", "add the translation units of a TMX file to the "
                                       "memory (an entry already there and newer is kept)")):
        action = actions.add_parser(name, help=help_text, description=help_text)
        action.add_argument("file", metavar="FILE.tmx", help="the TMX file")
        add_option_flags(action, "memory")
    for name, help_text in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("inputs", nargs="*", metavar="INPUT",
                             help="files or folders (.txt, .md, .html, .pdf, .docx, .rss, "
                                  ".jsonl), web addresses of pages or feeds, or - for "
                                  "standard input")
        command.add_argument("--out", default="outputs", metavar="DIR",
                             help="output folder (default: outputs)")
        command.add_argument("--format", choices=("files", "jsonl"), default="files",
                             help="files: write the output folder only (default); jsonl: "
                                  "also write each finished document as one JSON line to "
                                  "stdout")
        command.add_argument("--quiet", action="store_true", help="no progress bars")
        add_option_flags(command, name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.command == "report":
        return _report(args)
    from summarize.errors import SummarizeError
    from summarize.flags import options_from_args

    try:
        built = options_from_args(args)
    except SummarizeError as exc:
        print(f"summarize: error: {exc}", file=sys.stderr)
        return 2
    if args.command == "review":
        return _review(args.out_dir, built[ReviewOptions])
    if args.command == "memory":
        return _memory(args.memory_command, args.file, built[ReviewOptions])
    return _run(args, Options(built[TranslationOptions], built[DigestOptions],
                              built[ClusterOptions], built[FetchOptions], built[InputOptions]))


@dataclass(frozen=True)
class Options:
    """The option dataclasses of one command."""

    translation: TranslationOptions
    digest: DigestOptions
    cluster: ClusterOptions
    fetch: FetchOptions
    reading: InputOptions


def _report(args: argparse.Namespace) -> int:
    from summarize.errors import InputError
    from summarize.report import write_report

    try:
        target = write_report(args.run_json, args.out)
    except (OSError, ValueError, KeyError, TypeError, InputError) as exc:
        print(f"summarize: error: cannot make a report from {args.run_json}: {exc}",
              file=sys.stderr)
        return 2
    print(f"summarize: wrote {target}", file=sys.stderr)
    return 0


def _review(out_dir: str, options: ReviewOptions) -> int:
    """``summarize review``: serve the run folder until Ctrl-C."""
    from summarize.errors import SummarizeError
    from summarize.review.server import serve
    from summarize.review.session import ReviewSession

    try:
        session = ReviewSession(out_dir, cache=options.cache, reviewer=options.reviewer)
    except SummarizeError as exc:
        print(f"summarize: error: {exc}", file=sys.stderr)
        return 2
    try:
        serve(session, options)
    except SummarizeError as exc:
        print(f"summarize: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    finally:
        session.close()
    return 0


def _memory(action: str, file: str, options: ReviewOptions) -> int:
    """``summarize memory export|import FILE.tmx``."""
    from summarize.errors import SummarizeError
    from summarize.review.tmx import export_tmx, import_tmx
    from summarize.translate.cache import default_cache_dir
    from summarize.translate.memory import TranslationMemory

    folder = options.cache or default_cache_dir()
    try:
        memory = TranslationMemory(folder)
    except (OSError, SummarizeError) as exc:
        print(f"summarize: error: cannot open the translation memory in {folder}: {exc}",
              file=sys.stderr)
        return 2
    try:
        if action == "export":
            count = export_tmx(memory, file)
            print(f"summarize: wrote {count} translation units to {file}", file=sys.stderr)
        else:
            pairs, changed, skipped = import_tmx(memory, file)
            note = (f"; {skipped} units skipped (no English variant, or no other)"
                    if skipped else "")
            print(f"summarize: read {pairs} translations from {file}, {changed} added or "
                  f"updated in {memory.path}{note}", file=sys.stderr)
    except SummarizeError as exc:
        print(f"summarize: error: {exc}", file=sys.stderr)
        return 2
    finally:
        memory.close()
    return 0


#: Loggers of the reading libraries: what goes wrong there is reported as the document's error.
READER_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "pypdf", "feedparser")


def _quiet_reader_logs() -> None:
    """Keep the reading libraries' own log lines off stderr (one line per failure is ours)."""
    import logging

    for name in READER_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _silence_library_progress(models: bool) -> None:
    """Turn off the Hugging Face libraries' own progress bars (downloads, weight loading)."""
    from huggingface_hub.utils import disable_progress_bars  # type: ignore[attr-defined]

    disable_progress_bars()
    if models:
        from transformers.utils import logging

        logging.disable_progress_bar()  # type: ignore[no-untyped-call]


def _run(args: argparse.Namespace, options: Options) -> int:
    from summarize.api import collect
    from summarize.errors import InputError, SummarizeError
    from summarize.outdir import OutputFolder

    translation = options.translation
    try:  # bad inputs or an unusable --out: exit 2 before anything is read or touched
        if not args.inputs and not options.reading.urls:
            raise InputError("no input given: name files, folders, web addresses or -, or "
                             "--urls FILE")
        found = collect(args.inputs, options.reading, exclude=[args.out])
        if args.command != "digest" and translation.glossary is not None:
            from summarize.glossary import Glossary

            Glossary.load(translation.glossary)  # a bad glossary fails before any work
        if not found.sources:
            raise InputError("nothing to read in " + ", ".join(
                [*args.inputs, *([options.reading.urls] if options.reading.urls else [])])
                + _skipped_note(found.skipped))
        folder = OutputFolder(args.out).prepare()
    except SummarizeError as exc:
        print(f"summarize: error: {exc}", file=sys.stderr)
        return 2
    try:
        with _terminate_as_interrupt():
            return _run_into(folder, found, args, options)
    except KeyboardInterrupt as exc:
        folder.abort()
        cached = getattr(exc, "cached", None)
        count = ("; nothing was cached (--no-cache)" if translation.no_cache and
                 args.command != "digest" else "" if cached is None
                 else f"; {cached} sentences are cached, rerun to continue")
        print(f"\nsummarize: interrupted{count}; {args.out} is as it was before this run",
              file=sys.stderr)
        return 143 if getattr(exc, "signal", None) == "SIGTERM" else 130
    except BaseException:
        folder.abort()
        raise


def _print_jsonl(result: DocumentResult) -> None:
    """Write one finished document to standard output as a JSON line."""
    from dataclasses import asdict

    sys.stdout.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _run_into(folder: OutputFolder, found: InputSet, args: argparse.Namespace,
              options: Options) -> int:
    from functools import partial

    from tqdm import tqdm

    from summarize.api import run
    from summarize.digest import make_summarizer
    from summarize.errors import SummarizeError
    from summarize.outputs import write_outputs
    from summarize.pipeline import Stages
    from summarize.translate.routing import ModelRouter

    translation, digest = options.translation, options.digest
    _quiet_reader_logs()
    if args.quiet:
        from summarize.translate.engines import engine_name

        _silence_library_progress(models=(args.command != "digest" and engine_name(
            translation.engine) == "transformers") or digest.summarizer == "abstractive")
    stages = Stages(translate=args.command != "digest", digest=args.command != "translate")
    progress = partial(tqdm, file=sys.stderr, disable=args.quiet, leave=False)
    try:
        result = run(found, translation=translation, digest=digest,
                     router=ModelRouter(translation), stages=stages,
                     summarizer=make_summarizer(digest, translation), progress=progress,
                     cluster=options.cluster, fetch=options.fetch, reading=options.reading,
                     on_document=_print_jsonl if args.format == "jsonl" else None)
    except SummarizeError as exc:
        folder.abort()
        print(f"summarize: error: {exc}", file=sys.stderr)
        return 2
    failed = [doc for doc in result.documents if not doc.ok]
    for doc in failed:
        print(f"summarize: {doc.source_path or doc.id}: {doc.error}", file=sys.stderr)
    if len(failed) == len(result.documents):
        folder.abort()
        print(f"summarize: no document could be processed; {args.out} is left as it was",
              file=sys.stderr)
        return 1
    try:
        written = write_outputs(result, folder, translations=stages.translate,
                                digests=stages.digest)
    except SummarizeError as exc:
        print(f"summarize: error: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        for skipped in found.skipped[:SHOW_SKIPPED]:
            print(f"summarize: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
        if len(found.skipped) > SHOW_SKIPPED:
            print(f"summarize: … and {len(found.skipped) - SHOW_SKIPPED} more skipped "
                  "(run.json lists them)", file=sys.stderr)
        done = len(result.documents) - len(failed)
        skipped_part = f", {len(found.skipped)} skipped" if found.skipped else ""
        failed_part = f", {len(failed)} failed" if failed else ""
        print(f"summarize: {done} of {len(result.documents)} documents done{failed_part}"
              f"{skipped_part}; wrote {len(written)} files under {args.out}", file=sys.stderr)
    return 1 if failed else 0


#: Skipped inputs named one by one on stderr; run.json lists them all.
SHOW_SKIPPED = 5


def _skipped_note(skipped: Sequence[Skipped]) -> str:
    if not skipped:
        return ""
    shown = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:SHOW_SKIPPED])
    more = f"; and {len(skipped) - SHOW_SKIPPED} more" if len(skipped) > SHOW_SKIPPED else ""
    return f" (skipped {shown}{more})"


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Handle SIGTERM (``kill``) like Ctrl-C for the block: staged outputs are removed."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        error = KeyboardInterrupt()
        error.signal = "SIGTERM"  # type: ignore[attr-defined]
        raise error

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
