"""Command-line interface: argument parsing only. Flags equal the option fields.

Exit codes: 0 success; 1 some documents failed (the others are written); 2 nothing could run
(bad arguments, a model that cannot be found).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from summarize._version import __version__
from summarize.cli_inputs import add_input_flags, fetch_options, input_options, positive

if TYPE_CHECKING:
    from summarize.inputs import InputSet, Skipped
    from summarize.outdir import OutputFolder
    from summarize.records import DocumentResult

from summarize.options import (
    DEFAULT_NLLB_MODEL,
    DEFAULT_SUMMARIZER_MODEL,
    ClusterOptions,
    DigestOptions,
    FetchOptions,
    InputOptions,
    TranslationOptions,
)

COMMANDS = {
    "run": "translate, digest and brief (everything)",
    "translate": "translate to English only",
    "digest": "digest and brief English input (no translation)",
}


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value.strip()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the CLI)."""
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
    for name, help_text in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("inputs", nargs="*", metavar="INPUT",
                             help="files or folders (.txt, .md, .html, .pdf, .docx, .rss, "
                                  ".jsonl), web addresses of pages or feeds, or - for "
                                  "standard input")
        command.add_argument("--out", default="outputs", metavar="DIR",
                             help="output folder (default: outputs)")
        command.add_argument("--quiet", action="store_true", help="no progress bars")
        add_input_flags(command)
        command.add_argument("--engine-cluster", choices=("local", "ray"), default="local",
                             help="where translation and digests run: this process (default) "
                                  "or a Ray cluster, with the same output (needs "
                                  "pip install 'summarize[ray]')")
        command.add_argument("--ray-address", metavar="ADDRESS",
                             help="Ray cluster to join: auto (the one `ray start` runs here), "
                                  "HOST:PORT or ray://HOST:10001 (default: start a local Ray)")
        command.add_argument("--actors", type=positive, metavar="N",
                             help="Ray actors per stage (default: one per GPU, else one per "
                                  "--cpus-per-actor CPUs of the cluster)")
        command.add_argument("--cpus-per-actor", type=positive, default=1, metavar="N",
                             help="CPUs each Ray actor reserves and its model uses (default: 1)")
        if name != "translate":
            command.add_argument("--digest-sentences", type=positive, default=4, metavar="N",
                                 help="sentences per digest (default: 4)")
            command.add_argument("--brief-items", type=positive, default=8, metavar="N",
                                 help="most items in the brief (default: 8)")
            command.add_argument("--summarizer", choices=("extractive", "abstractive"),
                                 default="extractive",
                                 help="extractive quotes translated sentences (default, no "
                                      "model); abstractive writes digests with a model, "
                                      "checking every sentence against its sources")
            command.add_argument("--summarizer-model", default=DEFAULT_SUMMARIZER_MODEL,
                                 metavar="ID_OR_DIR",
                                 help=f"abstractive model (default: {DEFAULT_SUMMARIZER_MODEL})")
            command.add_argument("--allow-unsupported", action="store_true",
                                 help="keep generated sentences whose names or figures are not "
                                      "in their sources (flagged) instead of quoting the "
                                      "best-matching source sentence")
        if name == "digest":
            command.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto",
                                 help="for the abstractive model (default: auto)")
            command.add_argument("--dtype", default="auto",
                                 choices=("auto", "float32", "float16", "bfloat16"),
                                 help="for the abstractive model (default: auto)")
            command.add_argument("--cache", metavar="DIR",
                                 help="cache folder, for fetched pages (default: the user "
                                      "cache folder)")
            continue
        command.add_argument("--source-lang", metavar="LANG",
                             help="ISO 639-1 code of every input; skips detection")
        command.add_argument("--translator", choices=("auto", "opus-mt", "nllb"),
                             default="auto", help="model family (default: auto, the better "
                             "one per language on FLORES)")
        command.add_argument("--model", action="append", type=_key_value, default=[],
                             metavar="LANG=ID_OR_DIR",
                             help="model for one language: hub id or local directory "
                                  "(repeatable)")
        command.add_argument("--nllb-model", default=DEFAULT_NLLB_MODEL, metavar="ID_OR_DIR",
                             help=f"NLLB-200 model (default: {DEFAULT_NLLB_MODEL})")
        command.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto",
                             help="default: auto (CUDA when present)")
        command.add_argument("--dtype", choices=("auto", "float32", "float16", "bfloat16"),
                             default="auto", help="default: auto (bf16/fp16 on GPU, fp32 on CPU)")
        command.add_argument("--batch-size", type=positive, default=16, metavar="N",
                             help="segments per batch (default: 16)")
        command.add_argument("--beams", type=positive, default=4, metavar="N",
                             help="beam size (default: 4)")
        command.add_argument("--max-input-tokens", type=positive, metavar="N",
                             help="input budget per segment (default: the model's limit)")
        command.add_argument("--engine", choices=("auto", "torch", "ctranslate2"),
                             default="auto", help="default: auto (ctranslate2 when installed)")
        command.add_argument("--compute-type", default="auto",
                             choices=("auto", "int8", "int8_float32", "int8_float16",
                                      "int8_bfloat16", "float16", "bfloat16", "float32"),
                             help="CTranslate2 compute type (default: auto, int8 on CPU, "
                                  "bf16/fp16 on GPU)")
        command.add_argument("--batch-tokens", type=positive, metavar="N",
                             help="batch by a budget of padded input tokens instead of "
                                  "--batch-size")
        command.add_argument("--no-retry", dest="retry", action="store_false",
                             help="do not retry sentences the checks flag (faster; they "
                                  "stay flagged)")
        command.add_argument("--cache", metavar="DIR",
                             help="translation cache folder (default: the user cache folder)")
        command.add_argument("--no-cache", action="store_true",
                             help="translate everything afresh and store nothing")
        command.add_argument("--hf-kwargs", action="append", type=_key_value, default=[],
                             metavar="KEY=VALUE",
                             help="extra from_pretrained argument, e.g. revision=main "
                                  "(repeatable; VALUE parsed as JSON when it can be)")
    return parser


def _json_or_text(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


def translation_options(args: argparse.Namespace) -> TranslationOptions:
    """Build translation options from parsed arguments."""
    if args.command == "digest":
        return TranslationOptions(device=args.device, dtype=args.dtype, cache=args.cache)
    from summarize.languages import validate_code

    models = {validate_code(lang): model for lang, model in args.model}
    return TranslationOptions(
        translator=args.translator, model=models, nllb_model=args.nllb_model,
        source_lang=validate_code(args.source_lang) if args.source_lang else None,
        device=args.device, dtype=args.dtype, batch_size=args.batch_size, beams=args.beams,
        max_input_tokens=args.max_input_tokens, cache=args.cache, no_cache=args.no_cache,
        engine=args.engine, compute_type=args.compute_type, batch_tokens=args.batch_tokens,
        retry=args.retry,
        hf_kwargs={key: _json_or_text(value) for key, value in args.hf_kwargs})


def digest_options(args: argparse.Namespace) -> DigestOptions:
    """Build digest options from parsed arguments (defaults for ``translate``)."""
    if args.command == "translate":
        return DigestOptions()
    return DigestOptions(digest_sentences=args.digest_sentences, brief_items=args.brief_items,
                         summarizer=args.summarizer, summarizer_model=args.summarizer_model,
                         allow_unsupported=args.allow_unsupported)


def cluster_options(args: argparse.Namespace) -> ClusterOptions:
    """Build cluster options from parsed arguments."""
    return ClusterOptions(engine_cluster=args.engine_cluster, ray_address=args.ray_address,
                          actors=args.actors, cpus_per_actor=args.cpus_per_actor)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.command == "report":
        return _report(args)
    from summarize.errors import SummarizeError

    try:
        translation = translation_options(args)
        digest = digest_options(args)
        cluster = cluster_options(args)
        options = Options(translation, digest, cluster, fetch_options(args), input_options(args))
    except (SummarizeError, ValueError) as exc:
        print(f"summarize: error: {exc}", file=sys.stderr)
        return 2
    return _run(args, options)


def _report(args: argparse.Namespace) -> int:
    from summarize.report import write_report

    try:
        target = write_report(args.run_json, args.out)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"summarize: error: cannot make a report from {args.run_json}: {exc}",
              file=sys.stderr)
        return 2
    print(f"summarize: wrote {target}", file=sys.stderr)
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


@dataclass(frozen=True)
class Options:
    """The option dataclasses of one command."""

    translation: TranslationOptions
    digest: DigestOptions
    cluster: ClusterOptions
    fetch: FetchOptions
    reading: InputOptions


def _run(args: argparse.Namespace, options: Options) -> int:
    from summarize.api import collect
    from summarize.errors import InputError, SummarizeError
    from summarize.outdir import OutputFolder

    translation = options.translation
    try:  # bad inputs or an unusable --out: exit 2 before anything is read or touched
        if not args.inputs and not args.urls:
            raise InputError("no input given: name files, folders, web addresses or -, or "
                             "--urls FILE")
        found = collect(args.inputs, options.reading, exclude=[args.out])
        if not found.sources:
            raise InputError("nothing to read in " + ", ".join([*args.inputs, *(
                [args.urls] if args.urls else [])]) + _skipped_note(found.skipped))
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
    from summarize.errors import SummarizeError
    from summarize.outputs import write_outputs
    from summarize.pipeline import Stages
    from summarize.summarise import make_summariser
    from summarize.translate.routing import ModelRouter

    translation, digest = options.translation, options.digest
    _quiet_reader_logs()
    if args.quiet:
        _silence_library_progress(models=args.command != "digest"
                                  or digest.summarizer == "abstractive")
    stages = Stages(translate=args.command != "digest", digest=args.command != "translate")
    progress = partial(tqdm, file=sys.stderr, disable=args.quiet, leave=False)
    try:
        result = run(found, translation=translation, digest=digest,
                     router=ModelRouter(translation), stages=stages,
                     summariser=make_summariser(digest, translation), progress=progress,
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
