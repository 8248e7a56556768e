"""The review store: every reviewer action, kept in SQLite outside the run folder.

One database, ``review.sqlite`` in the cache folder, holds the reviews of every run folder,
each keyed by the folder's real path (a run replaces its folder whole, so nothing inside it
would survive; see ``docs/review.md``). Two tables:

``review_actions``, the log: one row per action, never changed (``seq``, ``run``, ``item``,
``kind``, ``action``, ``previous`` and ``new`` text, the ``status`` it left, ``reviewer``,
the item's ``version`` after it, ``at``); ``review_items``, each item's latest state
(``status``, ``text``, the sentence's ``source`` and ``language`` when reviewed,
``version``, ``reviewer``, ``at``).

Every action is one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``, WAL, ``synchronous=FULL``)
that first checks the version the reviewer saw: a save made on an older version is refused
with :class:`ConflictError`, so two tabs editing one sentence never lose an edit silently,
and a server killed at any moment keeps every action it answered.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from summarize.errors import ReviewError
from summarize.translate.memory import now_iso

SCHEMA = """
CREATE TABLE IF NOT EXISTS review_actions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    run TEXT NOT NULL,
    item TEXT NOT NULL,
    kind TEXT NOT NULL,
    action TEXT NOT NULL,
    previous TEXT,
    new TEXT,
    status TEXT NOT NULL,
    reviewer TEXT,
    version INTEGER NOT NULL,
    at TEXT NOT NULL,
    UNIQUE (run, item, version)
);
CREATE TABLE IF NOT EXISTS review_items (
    run TEXT NOT NULL,
    item TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    text TEXT,
    source TEXT,
    language TEXT,
    version INTEGER NOT NULL,
    reviewer TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (run, item)
);
"""
STORE_NAME = "review.sqlite"


@dataclass(frozen=True)
class ItemState:
    """An item's latest review (see the module docstring for the fields)."""

    item: str
    kind: str
    status: str
    text: str | None
    source: str | None
    language: str | None
    version: int
    reviewer: str | None
    at: str


@dataclass(frozen=True)
class Action:
    """One row of the action log."""

    seq: int
    item: str
    kind: str
    action: str
    previous: str | None
    new: str | None
    status: str
    reviewer: str | None
    version: int
    at: str


class ConflictError(ReviewError):
    """The item changed since the reviewer saw it: their action was not recorded.

    Attributes:
        expected: The version the reviewer saw.
        current: The item's state now (None if it has never been reviewed).
    """

    def __init__(self, item: str, expected: int, current: ItemState | None) -> None:
        version = current.version if current is not None else 0
        super().__init__(f"{item} changed since you saw it (version {expected}, now "
                         f"{version}): nothing was saved")
        self.expected = expected
        self.current = current


def run_key(out_dir: str | Path) -> str:
    """The key of a run folder in the store: its real path."""
    return os.path.realpath(out_dir)


class ReviewStore:
    """The reviews of one run folder.

    Args:
        folder: The cache folder that holds ``review.sqlite`` (created if missing).
        out_dir: The run folder; its real path is the key.
    """

    def __init__(self, folder: str | Path, out_dir: str | Path) -> None:
        from summarize.outdir import CACHE_MARKER_TEXT, write_marker

        self.path = Path(folder).expanduser() / STORE_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_marker(self.path.parent, CACHE_MARKER_TEXT)
        self.run = run_key(out_dir)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                                   check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SCHEMA)

    def states(self) -> dict[str, ItemState]:
        """Every reviewed item's latest state, by item id."""
        with self._lock:
            rows = self._db.execute(
                "SELECT item, kind, status, text, source, language, version, reviewer, at "
                "FROM review_items WHERE run = ?", (self.run,)).fetchall()
        return {row[0]: ItemState(*row) for row in rows}

    def state(self, item: str) -> ItemState | None:
        """One item's latest state, if it was ever reviewed."""
        with self._lock:
            return self._state(item)

    def _state(self, item: str) -> ItemState | None:
        row = self._db.execute(
            "SELECT item, kind, status, text, source, language, version, reviewer, at "
            "FROM review_items WHERE run = ? AND item = ?", (self.run, item)).fetchone()
        return ItemState(*row) if row is not None else None

    def record(self, item: str, kind: str, action: str, status: str, *, expected: int,
               previous: str | None, new: str | None, source: str | None = None,
               language: str | None = None, reviewer: str | None = None) -> ItemState:
        """Record one action in one transaction, if the item is still at ``expected``.

        Args:
            item: The item id.
            kind: Its kind.
            action: ``approve``, ``edit``, ``retranslate``, ``reject`` …
            status: The status it leaves the item in.
            expected: The version the reviewer saw (0 for an item never reviewed).
            previous: The text before the action.
            new: The text after it (the item's text from now on).
            source: A sentence's source text, kept to notice a later run changing it.
            language: A sentence's source language.
            reviewer: Who acted, if known.

        Returns:
            The item's new state (its version is ``expected + 1``).

        Raises:
            ConflictError: the item is at another version; nothing was written.
        """
        at = now_iso()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                current = self._state(item)
                version = current.version if current is not None else 0
                if version != expected:
                    raise ConflictError(item, expected, current)
                state = ItemState(item, kind, status, new, source, language, version + 1,
                                  reviewer, at)
                self._db.execute(
                    "INSERT INTO review_actions (run, item, kind, action, previous, new, "
                    "status, reviewer, version, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (self.run, item, kind, action, previous, new, status, reviewer,
                     state.version, at))
                self._db.execute(
                    "INSERT OR REPLACE INTO review_items (run, item, kind, status, text, "
                    "source, language, version, reviewer, at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (self.run, item, kind, status, new, source, language, state.version,
                     reviewer, at))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return state

    def actions(self, item: str | None = None) -> list[Action]:
        """The action log of the run (of one item), oldest first."""
        query = ("SELECT seq, item, kind, action, previous, new, status, reviewer, version, at "
                 "FROM review_actions WHERE run = ?")
        values = [self.run]
        if item is not None:
            query += " AND item = ?"
            values.append(item)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY seq", values).fetchall()
        return [Action(*row) for row in rows]

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()
