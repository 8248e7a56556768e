"""Which inputs a run reads: files, folders, web addresses and standard input, and the id of
each document.

Folders are walked recursively for the formats summarize reads (text, web pages, PDF, Word,
feeds, JSON Lines: :data:`summarize.readers.SUFFIXES`); everything else in them is
listed as skipped, with the reason, so nothing is left out without a word. summarize never
reads what it wrote itself: the ``--out`` folder (wherever it sits), and any folder that
carries the run marker (:data:`summarize.outdir.MARKER_NAME`, written into every output and
cache folder), are skipped. Hidden folders (``.git``) and virtual environments are not walked.

The id of a file is its stem (``article.txt`` → ``article``); when two inputs share a stem,
each gets the shortest part of its path that tells them apart (``news/article.txt`` →
``news-article``), and files that differ only by suffix get it appended (``article-md``).
Standard input (``-``) is one document with the id ``stdin``. A web address (``http://`` or
``https://``) is fetched when the run reads its inputs; its id is the last part of its path
(``https://news.example/eco/mistral-raises-600m.html`` → ``mistral-raises-600m``), with more
of the address where two would clash.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from summarize.errors import InputError
from summarize.outdir import has_marker, is_run_folder
from summarize.readers import SNIFFED, format_of_suffix, sniff

STDIN = "-"
STDIN_ID = "stdin"

#: Suffixes read as plain text.
TEXT_SUFFIXES = frozenset({".txt", ".md"})
#: Formats summarize recognizes but cannot read: named on the command line they fail with
#: this reason instead of being decoded as text ("looks like a binary file").
UNSUPPORTED_FORMATS: dict[str, str] = {
    suffix: f"unsupported format {suffix}" for suffix in (
        ".doc", ".odt", ".rtf", ".epub", ".pptx", ".ppt", ".xlsx", ".xls", ".ods", ".json",
        ".csv", ".zip", ".gz", ".tar", ".7z", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg",
        ".mp3", ".mp4", ".wav", ".exe", ".so", ".dll", ".pyc", ".sqlite", ".db")}
#: The longest id made from a web address.
MAX_URL_ID = 80


def unsupported_reason(suffix: str) -> str:
    """Why a file with this suffix is not read (``unsupported format .xlsx``)."""
    suffix = suffix.lower()
    return UNSUPPORTED_FORMATS.get(suffix, f"unsupported format {suffix or '(no suffix)'}")


def is_url(text: str) -> bool:
    """Whether an input is a web address (``http://`` or ``https://`` with a host)."""
    parts = urlsplit(text.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
#: Folders never walked: Python caches, dependency trees.
SKIPPED_FOLDERS = frozenset({"__pycache__", "node_modules", "site-packages"})


@dataclass(frozen=True)
class Source:
    """One input to read.

    Attributes:
        id: The document id.
        path: The file, or ``None`` for standard input or a web address.
        url: The web address to fetch, if it is one.
        fmt: The format it must be read as, when not told by its suffix or content type
            (``jsonl`` with ``--input-format jsonl``).
        metadata: What is known about it before it is read (a feed item's title and date).
    """

    id: str
    path: Path | None
    url: str | None = None
    fmt: str | None = None
    metadata: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def label(self) -> str:
        """How to name it to a person: the path or address as given, or ``<stdin>``."""
        if self.url is not None:
            return self.url
        return "<stdin>" if self.path is None else str(self.path)


@dataclass(frozen=True)
class Skipped:
    """A file or folder that was not read, and why."""

    path: str
    reason: str


@dataclass
class InputSet:
    """What a run reads, in order, and what it passed over."""

    sources: list[Source] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def collect_inputs(inputs: Iterable[str | Path], *,
                   exclude: Sequence[str | Path] = (), urls: Sequence[str] = (),
                   input_format: str = "auto") -> InputSet:
    """Expand files, folders, web addresses and ``-`` into the sources of a run.

    Nothing is fetched or read here (apart from the first bytes of ``.xml`` files in folders,
    to tell feeds from other XML).

    Args:
        inputs: Paths as given (files, folders, ``http(s)://`` addresses, or ``-`` for
            standard input).
        exclude: Folders never to read from (the run's own ``--out`` folder).
        urls: More web addresses (``--urls FILE``, see :func:`read_url_list`).
        input_format: ``auto`` (by suffix) or ``jsonl`` (standard input and named files are
            JSON Lines).

    Returns:
        The sources, each with its document id, and the skipped files and folders.

    Raises:
        InputError: an input does not exist (all missing ones are named), or ``-`` is given
            twice. Nothing has been read when this is raised.
    """
    inputs = list(inputs)
    excluded = {_real(Path(p)) for p in exclude}
    found: list[Path | None] = []
    skipped: list[Skipped] = []
    missing: list[str] = []
    seen: set[Path] = set()
    stdin_given = False
    addresses: list[str] = []
    for item in [*inputs, *urls]:
        if isinstance(item, str) and is_url(item):
            if item.strip() not in addresses:
                addresses.append(item.strip())
            continue
        if str(item) == STDIN:
            if stdin_given:
                raise InputError("'-' (standard input) is given twice")
            stdin_given = True
            found.append(None)
            continue
        path = Path(item)
        if not path.exists():
            missing.append(str(item))
            continue
        if path.is_dir():
            found += _walk(path, excluded, seen, skipped)
            continue
        reason = _own_output(path, excluded)
        if reason:
            skipped.append(Skipped(str(path), reason))
        elif _real(path) in seen:
            skipped.append(Skipped(str(path), "given more than once; read once"))
        else:
            seen.add(_real(path))
            found.append(path)
    if missing:
        raise InputError("no such file or folder: " + ", ".join(missing))
    ids = document_ids(found)
    forced = "jsonl" if input_format == "jsonl" else None
    named = {_real(Path(str(i))) for i in inputs if str(i) != STDIN and not is_url(str(i))
             and Path(str(i)).is_file()}
    sources = [Source(i, p, fmt=forced if p is None or _real(p) in named else None)
               for i, p in zip(ids, found, strict=True)]
    sources += [Source(i, None, url=u) for i, u in zip(url_ids(addresses, set(ids)), addresses,
                                                          strict=True)]
    return InputSet(sources, skipped)


def read_url_list(path: str | Path) -> list[str]:
    """The web addresses in a ``--urls`` file: one a line; blank lines and ``#`` comments are
    passed over.

    Raises:
        InputError: the file cannot be read, or a line is not an ``http(s)://`` address (all
            such lines are named).
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the list of web addresses ({exc})", str(path)) from exc
    urls: list[str] = []
    bad: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        (urls if is_url(line) else bad).append(line if is_url(line) else f"line {number}")
    if bad:
        raise InputError("not an http(s):// address: " + ", ".join(bad), str(path))
    return urls


def _slug(text: str) -> str:
    return "-".join(re.findall(r"\w+", unquote(text).casefold()))[:MAX_URL_ID].strip("-")


def url_ids(urls: Sequence[str], taken: set[str]) -> list[str]:
    """Ids for web addresses: the slug of the last part of the path (its suffix dropped), or
    of the host for a bare domain; clashes get the host, then ``-2``, ``-3`` …

    Args:
        urls: The addresses.
        taken: Ids already used by other inputs (updated with the new ones).
    """
    ids = []
    for url in urls:
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        stem = segments[-1].rsplit(".", 1)[0] if segments else ""
        if stem.casefold() in ("", "index", "default", "article", "story", "news") \
                and len(segments) > 1:
            stem = segments[-2]
        host = _slug(parts.hostname.removeprefix("www.") if parts.hostname else "page")
        candidate = _slug(stem + ("-" + parts.query if parts.query else "")) or host
        if candidate in taken:
            candidate = f"{host}-{candidate}"[:MAX_URL_ID] if candidate != host else candidate
        unique, n = candidate, 2
        while unique in taken:
            unique = f"{candidate}-{n}"
            n += 1
        taken.add(unique)
        ids.append(unique)
    return ids


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _own_output(path: Path, excluded: set[Path]) -> str | None:
    """Why a named file is summarize's own output, or None."""
    real = _real(path)
    for folder in real.parents:
        if folder in excluded:
            return f"inside the output folder {folder}: summarize does not read its own outputs"
        if has_marker(folder) or is_run_folder(folder):
            return (f"inside {folder}, a folder summarize wrote: summarize does not read its "
                    "own outputs")
    return None


def _walk(root: Path, excluded: set[Path], seen: set[Path],
          skipped: list[Skipped]) -> list[Path | None]:
    """The readable files under ``root`` in sorted order; the rest goes to ``skipped``."""
    if _real(root) in excluded or has_marker(root) or is_run_folder(root):
        skipped.append(Skipped(str(root), "a folder summarize wrote (its own outputs)"))
        return []
    found: list[Path | None] = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        keep = []
        for name in sorted(dirs):
            sub = here / name
            if name.startswith(".") or name in SKIPPED_FOLDERS or (sub / "pyvenv.cfg").is_file():
                continue  # hidden folders, caches and virtual environments: not news
            if _real(sub) in excluded or has_marker(sub) or is_run_folder(sub):
                skipped.append(Skipped(str(sub), "a folder summarize wrote (its own outputs)"))
                continue
            keep.append(name)
        dirs[:] = keep
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = here / name
            suffix = path.suffix.lower()
            if format_of_suffix(suffix) is None:
                skipped.append(Skipped(str(path), unsupported_reason(suffix)))
            elif suffix in SNIFFED and not _is_feed(path):
                skipped.append(Skipped(str(path), f"unsupported format {suffix} (not an RSS "
                                                  "or Atom feed)"))
            elif _real(path) in seen:
                skipped.append(Skipped(str(path), "given more than once; read once"))
            else:
                seen.add(_real(path))
                found.append(path)
    return found


def _is_feed(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return sniff(handle.read(2048)) == "feed"
    except OSError:
        return True  # let reading it say what is wrong


def document_ids(paths: Sequence[Path | None]) -> list[str]:
    """Document ids: the file's stem, or ``stdin``; colliding stems get the shortest part of
    their path that tells them apart.

    ``a/x.txt`` and ``b/x.txt`` become ``a-x`` and ``b-x``; ``x.txt`` beside ``news/x.txt``
    stays ``x`` and the other becomes ``news-x``; ``x.txt`` and ``x.md`` become ``x-txt`` and
    ``x-md``. Any clash left (rare: ``news-x.txt`` beside ``news/x.txt``) gets ``-2``, ``-3`` …
    """
    stems = [STDIN_ID if p is None else p.stem for p in paths]
    ids = list(stems)
    groups: dict[str, list[int]] = {}
    for index, stem in enumerate(stems):
        groups.setdefault(stem, []).append(index)
    for members in groups.values():
        if len(members) == 1:
            continue
        parents = {i: _parents(paths[i]) for i in members}
        for i in members:
            others = [parents[j] for j in members if parents[j] != parents[i]]
            k = 0
            while k < len(parents[i]) and any(o[-k:] == parents[i][-k:] if k else True
                                              for o in others):
                k += 1
            ids[i] = "-".join([*parents[i][len(parents[i]) - k:], stems[i]])
        clashing = [i for i in members if any(ids[j] == ids[i] for j in members if j != i)]
        for i in clashing:  # the same folder: only the suffix tells them apart
            path = paths[i]
            if path is not None and path.suffix:
                ids[i] = f"{ids[i]}-{path.suffix.lower().lstrip('.')}"
    taken: set[str] = set()
    for index, candidate in enumerate(ids):
        unique, n = candidate, 2
        while unique in taken:
            unique = f"{candidate}-{n}"
            n += 1
        taken.add(unique)
        ids[index] = unique
    return ids


def _parents(path: Path | None) -> tuple[str, ...]:
    """The folder names of ``path`` as given, without anchors and ``.``/``..``."""
    if path is None:
        return ()
    return tuple(part for part in path.parent.parts
                 if part not in (".", "..") and part != path.anchor and part.strip("/\\"))
