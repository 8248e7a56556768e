"""Which inputs a run reads: files, folders and standard input, and the id of each document.

Folders are walked recursively for the formats summarize reads; everything else in them is
listed as skipped, with the reason, so nothing is left out without a word. summarize never
reads what it wrote itself: the ``--out`` folder (wherever it sits), and any folder that
carries the run marker (:data:`summarize.outdir.MARKER_NAME`, written into every output and
cache folder), are skipped. Hidden folders (``.git``) and virtual environments are not walked.

The id of a file is its stem (``article.txt`` → ``article``); when two inputs share a stem,
each gets the shortest part of its path that tells them apart (``news/article.txt`` →
``news-article``), and files that differ only by suffix get it appended (``article-md``).
Standard input (``-``) is one document with the id ``stdin``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from summarize.errors import InputError
from summarize.outdir import has_marker, is_run_folder

STDIN = "-"
STDIN_ID = "stdin"

#: Suffixes read from folders (and from named files) as text.
TEXT_SUFFIXES = frozenset({".txt", ".md"})
#: Formats summarize recognises but cannot read yet: named on the command line they fail
#: with this reason instead of being decoded as text ("looks like a binary file").
UNSUPPORTED_FORMATS: dict[str, str] = {
    suffix: f"unsupported format {suffix}" for suffix in (
        ".pdf", ".docx", ".doc", ".odt", ".rtf", ".epub", ".pptx", ".ppt", ".xlsx", ".xls",
        ".ods", ".html", ".htm", ".xhtml", ".xml", ".json", ".jsonl", ".csv", ".zip", ".gz",
        ".tar", ".7z", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".mp3", ".mp4",
        ".wav", ".exe", ".so", ".dll", ".pyc", ".sqlite", ".db")}
#: Folders never walked: Python caches, dependency trees.
SKIPPED_FOLDERS = frozenset({"__pycache__", "node_modules", "site-packages"})


@dataclass(frozen=True)
class Source:
    """One input to read.

    Attributes:
        id: The document id.
        path: The file, or ``None`` for standard input.
    """

    id: str
    path: Path | None

    @property
    def label(self) -> str:
        """How to name it to a person: the path as given, or ``<stdin>``."""
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
                   exclude: Sequence[str | Path] = ()) -> InputSet:
    """Expand files, folders and ``-`` into the sources of a run.

    Args:
        inputs: Paths as given (files, folders, or ``-`` for standard input).
        exclude: Folders never to read from (the run's own ``--out`` folder).

    Returns:
        The sources, each with its document id, and the skipped files and folders.

    Raises:
        InputError: an input does not exist (all missing ones are named), or ``-`` is given
            twice. Nothing has been read when this is raised.
    """
    excluded = {_real(Path(p)) for p in exclude}
    found: list[Path | None] = []
    skipped: list[Skipped] = []
    missing: list[str] = []
    seen: set[Path] = set()
    stdin_given = False
    for item in inputs:
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
    return InputSet([Source(i, p) for i, p in zip(ids, found, strict=True)], skipped)


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
            if suffix not in TEXT_SUFFIXES:
                skipped.append(Skipped(str(path), UNSUPPORTED_FORMATS.get(
                    suffix, f"unsupported format {suffix or '(no suffix)'}")))
            elif _real(path) in seen:
                skipped.append(Skipped(str(path), "given more than once; read once"))
            else:
                seen.add(_real(path))
                found.append(path)
    return found


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
