"""The output folder of a run, replaced whole or not at all.

A run never writes into the folder it replaces. :class:`OutputFolder` stages the new run in a
hidden sibling folder (``.<name>.summarize-new-<pid>-<random>``, same file system), carries
over the files a person put into the old folder (summarize owns only what it writes: see
:data:`OWNED`), writes the run marker last (the sign that a staged run is complete) and then
swaps the two folders: atomically with Linux's ``renameat2(RENAME_EXCHANGE)``, elsewhere with
two renames. Whatever moment a run is killed at (``kill -9`` included), the old run or the new
one is complete on disk, never a mix; the next run puts a complete staged run in place if the
folder itself went missing between the two renames, and removes what dead runs left behind.

A folder is summarize's when it holds the marker file (:data:`MARKER_NAME`); folders written by
versions before the marker are recognized by their ``run.json``. An existing ``--out`` folder
that is neither empty nor summarize's is refused: its files are the person's.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fnmatch
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from summarize.errors import OutputError

MARKER_NAME = ".summarize"
#: The marker's text. It never changes, so a marker kept under version control stays clean.
MARKER_TEXT = ("This folder was written by summarize (https://pypi.org/project/summarize).\n"
               "summarize never reads it as input; a new run replaces it whole.\n")
CACHE_MARKER_TEXT = "This folder is summarize's cache; summarize never reads it as input.\n"

#: What summarize writes into an output folder (paths relative to it, shell patterns): a run
#: replaces these; every other file is the person's and is carried over to the new run.
#: Held locked (``flock``) by the process writing a staged run, for as long as it writes:
#: a staged folder whose lock can be taken belongs to a process that is gone.
WRITING_LOCK = ".summarize-writing"

OWNED = ("run.json", "report.html", "brief.md", MARKER_NAME, f"*/{MARKER_NAME}", WRITING_LOCK,
         "translations/*.md", "digests/*.md", "*.tmp", "*/*.tmp")

_STAGED = re.compile(r"^\.(?P<name>.+)\.summarize-(?P<kind>new|old)-(?P<pid>\d+)-\w+$")


def has_marker(path: Path) -> bool:
    """Whether ``path`` carries summarize's marker (an output or a cache folder)."""
    return (path / MARKER_NAME).is_file()


def is_run_folder(path: Path) -> bool:
    """Whether ``path`` is an output folder summarize wrote (its marker, or a ``run.json`` of a
    version before the marker)."""
    try:
        return (path / MARKER_NAME).read_text(encoding="utf-8") == MARKER_TEXT
    except FileNotFoundError:
        pass
    except (OSError, UnicodeDecodeError):
        return False
    try:
        record = json.loads((path / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and {"version", "documents", "settings"} <= set(record)


def write_marker(folder: Path, text: str = MARKER_TEXT) -> None:
    """Write the marker into ``folder`` (atomically) unless it is there already."""
    marker = folder / MARKER_NAME
    if not marker.is_file():
        write_atomic(marker, text)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, ``fsync`` and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; outputs are for colleagues to read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def owned(relative: str) -> bool:
    """Whether a path inside an output folder is one summarize writes."""
    return any(fnmatch.fnmatchcase(relative, pattern) for pattern in OWNED)


class OutputFolder:
    """Stages a run beside ``target`` and swaps it in whole (see the module docstring).

    Use :meth:`prepare` early (it fails before any work when the folder cannot be used), write
    the run's files under :attr:`staging`, then :meth:`commit`; :meth:`abort` (or an error in
    the ``with`` block) removes the staged files and leaves the old folder as it was.

    Args:
        target: The output folder (``--out``); created with its parents if missing.
    """

    def __init__(self, target: str | Path) -> None:
        self.given = Path(target)
        self.target = Path(os.path.realpath(self.given))
        self._staging: Path | None = None
        self._lock: int | None = None

    @property
    def staging(self) -> Path:
        """The staged folder to write the run into (after :meth:`prepare`)."""
        if self._staging is None:
            raise RuntimeError("OutputFolder.prepare() was not called")
        return self._staging

    def prepare(self) -> OutputFolder:
        """Check the folder can take a run, recover from a killed run, and stage a new one.

        Raises:
            OutputError: the target is a file, holds files summarize did not write, or its
                parent folder cannot be created or written.
        """
        if self._staging is not None:
            return self
        target, parent = self.target, self.target.parent
        if target.exists() and not target.is_dir():
            raise OutputError(f"--out {self.given} is a file, not a folder")
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the output folder {self.given}: "
                              f"{exc.strerror or exc}") from exc
        with _locked(parent):
            self._recover()
        if target.is_dir() and not is_run_folder(target) and any(target.iterdir()):
            raise OutputError(
                f"--out {self.given} holds files summarize did not write (it has no "
                f"{MARKER_NAME} marker): choose a new or empty folder, so that nothing of "
                "yours is replaced")
        if target.is_dir() and not os.access(target, os.R_OK | os.X_OK):
            raise OutputError(f"cannot read the output folder {self.given}")
        try:
            self._staging = Path(tempfile.mkdtemp(
                prefix=f".{target.name}.summarize-new-{os.getpid()}-", dir=parent))
        except OSError as exc:
            raise OutputError(f"cannot write beside the output folder {self.given} (in "
                              f"{parent}): {exc.strerror or exc}") from exc
        os.chmod(self._staging, 0o755)
        self._lock = _hold(self._staging / WRITING_LOCK)
        return self

    def commit(self) -> None:
        """Carry the person's files over, mark the staged run complete and swap it in.

        Raises:
            OutputError: the swap failed; the old folder is then still in place.
        """
        staging = self.staging
        target = self.target
        try:
            if target.is_dir():
                _carry_over(target, staging)
            for folder in [staging, *(p for p in staging.rglob("*") if p.is_dir())]:
                write_marker(folder)
            _fsync_dir(staging)
            with _locked(target.parent):
                if not target.exists():
                    os.rename(staging, target)
                elif _exchange(staging, target):
                    shutil.rmtree(staging, ignore_errors=True)  # now the old run
                else:
                    old = staging.with_name(staging.name.replace("-new-", "-old-", 1))
                    os.rename(target, old)
                    os.rename(staging, target)
                    shutil.rmtree(old, ignore_errors=True)
                _fsync_dir(target.parent)
        except OSError as exc:
            self.abort()
            raise OutputError(f"cannot write the outputs into {self.given}: "
                              f"{exc.strerror or exc}; the previous outputs are untouched") from exc
        (target / WRITING_LOCK).unlink(missing_ok=True)
        self._release()
        self._staging = None

    def _release(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing releases the lock
            self._lock = None

    def abort(self) -> None:
        """Remove the staged run; the old folder stays as it was."""
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None
        self._release()

    def __enter__(self) -> Path:
        return self.prepare().staging

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()

    def _recover(self) -> None:
        """Finish or clean up after runs that were killed while writing this folder.

        A missing target with a complete staged run (marker present) beside it was killed
        between its two renames: the staged run is put in place (the newest, if several). The
        old runs and staged runs of processes that are gone are removed.
        """
        target = self.target
        leftovers: list[tuple[str, Path]] = []
        for entry in target.parent.iterdir():
            match = _STAGED.match(entry.name)
            if not match or match["name"] != target.name or not entry.is_dir():
                continue
            if match["kind"] == "new" and _writing(entry, int(match["pid"])):
                continue  # another run, still writing
            leftovers.append((match["kind"], entry))
        if not target.exists():
            complete = sorted((p for kind, p in leftovers
                               if kind == "new" and (p / MARKER_NAME).is_file()),
                              key=lambda p: p.stat().st_mtime)
            fallback = [p for kind, p in leftovers if kind == "old"]
            chosen = complete[-1] if complete else (fallback[-1] if fallback else None)
            if chosen is not None:
                os.rename(chosen, target)
                leftovers = [(k, p) for k, p in leftovers if p != chosen]
        for _, path in leftovers:
            shutil.rmtree(path, ignore_errors=True)


def _carry_over(old: Path, new: Path) -> None:
    """Hard-link (or copy) the files of ``old`` that summarize does not own into ``new``."""
    for path in sorted(old.rglob("*")):
        if path.is_dir() or path.is_symlink() and path.is_dir():
            continue
        relative = path.relative_to(old).as_posix()
        destination = new / relative
        if owned(relative) or destination.exists():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, destination, follow_symlinks=False)
        except OSError:
            shutil.copy2(path, destination, follow_symlinks=False)


def _hold(path: Path) -> int | None:
    """Create ``path`` and hold an exclusive lock on it (None where flock does not exist)."""
    try:
        import fcntl
    except ImportError:
        return None
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def _writing(staged: Path, pid: int) -> bool:
    """Whether a staged folder's run is still being written (its lock is held). Without
    flock (or a lock file, from an older version), whether its process is alive."""
    try:
        import fcntl
    except ImportError:
        return _alive(pid)
    lock = staged / WRITING_LOCK
    try:
        fd = os.open(lock, os.O_RDWR)
    except FileNotFoundError:
        return False if (staged / MARKER_NAME).is_file() else _alive(pid)
    except OSError:
        return _alive(pid)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process has just started: whatever it staged before is stale
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2``); False where that is unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (POSIX ``flock``) for the block, where possible."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; renames are still safe one at a time
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
