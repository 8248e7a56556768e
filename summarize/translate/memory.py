"""The translation memory: English sentences a person wrote or approved, used before any model.

A reviewer's approved or corrected sentence (``summarize review``) is kept here, keyed by the
source language and the normalized source sentence (:func:`normalize_source`: NFC, whitespace
collapsed), and not by model, engine or settings as the translation cache is: a human
translation holds whatever model a later run uses. It lives in the cache database
(``translations.sqlite``, table ``human_translations``) so that a run with the same cache
finds it; the translation driver (``summarize.translate.stage``) takes an exact match before
the model, marking the sentence ``origin: human`` with a ``human`` flag (severity 0), and the
model never sees it. Near matches are only ever offered to a reviewer
(:meth:`TranslationMemory.suggest`).
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.records import Flag, SentenceRecord

if TYPE_CHECKING:
    from summarize.translate.cache import TranslationCache

SCHEMA = """
CREATE TABLE IF NOT EXISTS human_translations (
    language TEXT NOT NULL,
    source_key TEXT NOT NULL,
    source TEXT NOT NULL,
    english TEXT NOT NULL,
    origin TEXT NOT NULL,
    reviewer TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (language, source_key)
)
"""
#: How alike (0–1, rapidfuzz's normalized Indel similarity on the normalized source) a
#: remembered source must be to another to be offered as a suggestion.
SUGGESTION_THRESHOLD = 0.85
#: What the memory's entries came from.
ORIGINS = ("approved", "corrected", "imported")

_SPACE = re.compile(r"\s+")


def normalize_source(text: str) -> str:
    """The memory's key for a source sentence: NFC, whitespace runs as one space, stripped."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def now_iso() -> str:
    """The current time in UTC, to the second (``2026-01-31T09:30:00Z``)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class MemoryEntry:
    """One human translation.

    Attributes:
        language: ISO 639-1 code of the source.
        source: The source sentence as it was reviewed.
        english: The English a person wrote or approved.
        origin: ``approved``, ``corrected`` or ``imported`` (from a TMX file).
        reviewer: Who, when known.
        created: When it entered the memory (ISO 8601, UTC).
        updated: When it last changed.
    """

    language: str
    source: str
    english: str
    origin: str = "corrected"
    reviewer: str | None = None
    created: str = ""
    updated: str = ""

    @property
    def key(self) -> str:
        """The normalized source (see :func:`normalize_source`)."""
        return normalize_source(self.source)


@dataclass(frozen=True)
class Suggestion:
    """A remembered translation of a similar source sentence, for a reviewer to consider."""

    entry: MemoryEntry
    similarity: float
    """0–1: how alike the two normalized sources are."""


def human_flag(entry: MemoryEntry) -> Flag:
    """The information flag of a sentence whose English came from the memory."""
    by = f" by {entry.reviewer}" if entry.reviewer else ""
    when = f" on {entry.updated[:10]}" if entry.updated else ""
    return Flag("human", f"translated by a person (translation memory, {entry.origin}{by}"
                         f"{when}); the model was not asked", 0)


class TranslationMemory:
    """The ``human_translations`` table of a cache folder's ``translations.sqlite``.

    Safe to use from several threads (one connection, a lock) and from several processes
    (SQLite's locking, WAL); every write commits at once.

    Args:
        folder: The cache folder (created if missing).
    """

    def __init__(self, folder: str | Path) -> None:
        from summarize.outdir import CACHE_MARKER_TEXT, write_marker

        self.path = Path(folder).expanduser() / "translations.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_marker(self.path.parent, CACHE_MARKER_TEXT)  # never read as input
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(SCHEMA)
        self._db.commit()

    def lookup(self, wanted: Iterable[tuple[str, str]]) -> dict[tuple[str, str], MemoryEntry]:
        """Exact matches for ``(language, source)`` pairs, keyed by the pairs as given."""
        keys = {(language, normalize_source(source)): (language, source)
                for language, source in wanted}
        found: dict[tuple[str, str], MemoryEntry] = {}
        items = list(keys)
        with self._lock:
            for start in range(0, len(items), 400):
                chunk = items[start:start + 400]
                marks = " OR ".join("(language = ? AND source_key = ?)" for _ in chunk)
                rows = self._db.execute(
                    f"SELECT language, source_key, source, english, origin, reviewer, created, "
                    f"updated FROM human_translations WHERE {marks}",
                    [value for pair in chunk for value in pair])
                for language, key, *rest in rows:
                    found[keys[(language, key)]] = MemoryEntry(language, *rest)
        return found

    def get(self, language: str, source: str) -> MemoryEntry | None:
        """The entry for one source sentence, if any."""
        return self.lookup([(language, source)]).get((language, source))

    def put(self, entry: MemoryEntry, *, newer_only: bool = False) -> bool:
        """Store an entry (``created`` is kept from an earlier entry for the same source).

        Args:
            entry: The entry; a missing ``updated`` is now.
            newer_only: Replace an existing entry only when this one's ``updated`` is not
                older (how imports and resynchronization merge).

        Returns:
            Whether the memory changed.
        """
        return self.put_many([entry], newer_only=newer_only) == 1

    def put_many(self, entries: Iterable[MemoryEntry], *, newer_only: bool = False) -> int:
        """Store entries in one transaction (see :meth:`put`); returns how many were written."""
        written = 0
        stamp = now_iso()
        with self._lock, self._db:
            for entry in entries:
                updated = entry.updated or stamp
                row = self._db.execute(
                    "SELECT english, origin, reviewer, created, updated FROM human_translations "
                    "WHERE language = ? AND source_key = ?", (entry.language, entry.key)
                ).fetchone()
                if row is not None and newer_only and row[4] > updated:
                    continue
                if row is not None and tuple(row[:3]) == (entry.english, entry.origin,
                                                          entry.reviewer):
                    continue
                created = (row[3] if row is not None else entry.created) or updated
                self._db.execute(
                    "INSERT OR REPLACE INTO human_translations (language, source_key, source, "
                    "english, origin, reviewer, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (entry.language, entry.key, entry.source, entry.english, entry.origin,
                     entry.reviewer, created, updated))
                written += 1
        return written

    def remove(self, language: str, source: str, english: str | None = None) -> bool:
        """Forget the entry for a source sentence (only if its English is ``english``, when
        given); returns whether one was removed."""
        query = "DELETE FROM human_translations WHERE language = ? AND source_key = ?"
        values = [language, normalize_source(source)]
        if english is not None:
            query += " AND english = ?"
            values.append(english)
        with self._lock, self._db:
            return self._db.execute(query, values).rowcount > 0

    def entries(self, language: str | None = None) -> list[MemoryEntry]:
        """Every entry (of one source language), by language then source."""
        query = ("SELECT language, source, english, origin, reviewer, created, updated "
                 "FROM human_translations")
        values: list[str] = []
        if language is not None:
            query += " WHERE language = ?"
            values.append(language)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY language, source_key", values).fetchall()
        return [MemoryEntry(*row) for row in rows]

    def suggest(self, wanted: Sequence[tuple[str, str]], *, limit: int = 3,
                threshold: float = SUGGESTION_THRESHOLD,
                ) -> dict[tuple[str, str], list[Suggestion]]:
        """Remembered translations of sources like each ``(language, source)``, most alike
        first (exact matches included); never applied to anything by the memory itself."""
        from rapidfuzz import fuzz, process

        found: dict[tuple[str, str], list[Suggestion]] = {}
        by_language: dict[str, list[MemoryEntry]] = {}
        for language, source in wanted:
            if language not in by_language:
                by_language[language] = self.entries(language)
            entries = by_language[language]
            if not entries:
                continue
            matches = process.extract(normalize_source(source), [e.key for e in entries],
                                      scorer=fuzz.ratio, score_cutoff=threshold * 100,
                                      limit=limit)
            if matches:
                found[(language, source)] = [Suggestion(entries[index], round(score / 100, 3))
                                             for _, score, index in matches]
        return found

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM human_translations").fetchone()[0])

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()


def human_translations(cache: TranslationCache | None, wanted: Sequence[tuple[str, str]],
                       ) -> dict[tuple[str, str], MemoryEntry]:
    """The memory's exact matches for ``(language, source)`` pairs, from the database of
    ``cache`` (none without a cache: ``no_cache`` turns the memory off too)."""
    if cache is None or not wanted:
        return {}
    memory = TranslationMemory(cache.path.parent)
    try:
        return memory.lookup(wanted)
    finally:
        memory.close()


def use_human(record: SentenceRecord, entry: MemoryEntry) -> None:
    """Give a sentence the memory's English: ``origin: human``, flagged ``human``, no score."""
    record.english = entry.english
    record.origin = "human"
    record.score = None
    record.flags.append(human_flag(entry))
