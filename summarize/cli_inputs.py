"""Command-line flags for finding, fetching and reading inputs, and the value types of flags.

Each flag is a field of :class:`~summarize.options.InputOptions` or
:class:`~summarize.options.FetchOptions` of the same name (``--max-bytes`` → ``max_bytes``),
except ``--format``, which says where the CLI writes (like ``--out``).
"""

from __future__ import annotations

import argparse

from summarize.options import FetchOptions, InputOptions


def positive(text: str) -> int:
    """A whole number of at least 1 (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _not_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of at least 0, got {value}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected more than 0 seconds, got {text}")
    return value


def add_input_flags(command: argparse.ArgumentParser) -> None:
    """Flags of :class:`InputOptions` and :class:`FetchOptions`, and ``--format``."""
    fetch = FetchOptions()
    command.add_argument("--input-format", choices=("auto", "jsonl"), default="auto",
                         help="auto: each file by its suffix (default); jsonl: standard input "
                              "and named files are JSON Lines, one {\"id\", \"text\", "
                              "\"lang\"?, \"date\"?, \"url\"?, \"title\"?} a line")
    command.add_argument("--urls", metavar="FILE",
                         help="read the web pages or feeds listed in FILE, one address a line")
    command.add_argument("--format", choices=("files", "jsonl"), default="files",
                         help="files: write the output folder only (default); jsonl: also "
                              "write each finished document as one JSON line to stdout")
    group = command.add_argument_group("fetching web pages and feeds")
    group.add_argument("--timeout", type=_seconds, default=fetch.timeout, metavar="SECONDS",
                       help="to connect and between bytes of an answer (default: "
                            f"{fetch.timeout:g}; a whole answer may take 5 times this)")
    group.add_argument("--max-bytes", type=positive, default=fetch.max_bytes, metavar="N",
                       help=f"largest page (default: {fetch.max_bytes:,})")
    group.add_argument("--retries", type=_not_negative, default=fetch.retries, metavar="N",
                       help="further tries after a timeout or a 5xx answer, with backoff "
                            f"(default: {fetch.retries}; never after 4xx)")
    group.add_argument("--user-agent", default=fetch.user_agent, metavar="TEXT",
                       help="User-Agent header (default: summarize/VERSION …)")
    group.add_argument("--concurrency", type=positive, default=fetch.concurrency,
                       metavar="N", help=f"pages fetched at once (default: {fetch.concurrency})")
    group.add_argument("--refetch", action="store_true",
                       help="fetch every page again, even if the cache holds it")


def fetch_options(args: argparse.Namespace) -> FetchOptions:
    """Build fetch options from parsed arguments."""
    return FetchOptions(timeout=args.timeout, max_bytes=args.max_bytes, retries=args.retries,
                        user_agent=args.user_agent, concurrency=args.concurrency,
                        refetch=args.refetch)


def input_options(args: argparse.Namespace) -> InputOptions:
    """Build input options from parsed arguments."""
    return InputOptions(input_format=args.input_format, urls=args.urls)
