"""A translation cache on disk (SQLite), so interrupted runs lose nothing.

Keyed by the model (id and revision), engine and every setting that changes output, the source
language and the source sentence. Each finished batch is committed at once, so a run killed
with ``kill -9`` keeps what it had translated, and a rerun translates only what is missing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    english TEXT NOT NULL,
    hit_cap INTEGER NOT NULL,
    pieces INTEGER NOT NULL,
    retried INTEGER NOT NULL,
    score REAL
)
"""
#: Columns added after the first release, with their SQL type (added to older caches).
ADDED_COLUMNS = {"score": "REAL"}


def default_cache_dir() -> Path:
    """The user cache folder (``~/.cache/summarize`` on Linux), via platformdirs."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summarize", appauthor=False))


@dataclass(frozen=True)
class CachedTranslation:
    """A finished sentence: its English, and how it was made.

    Attributes:
        english: The translation.
        hit_cap: A piece stopped at the output-length cap.
        pieces: How many pieces the sentence was cut into.
        retried: It was retried once (it is never retried again).
        score: The model's length-normalized log-probability (the lowest of its pieces), when
            the engine reports one.
    """

    english: str
    hit_cap: bool
    pieces: int
    retried: bool
    score: float | None = None


def open_cache(options: Any) -> TranslationCache | None:
    """The cache the translation options ask for (``None`` with ``no_cache``)."""
    if options.no_cache:
        return None
    return TranslationCache(options.cache or default_cache_dir())


def cache_key(signature: Mapping[str, Any], src_lang: str, source: str) -> str:
    """The cache key of one sentence under one model signature."""
    payload = json.dumps([dict(signature), src_lang, source], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class TranslationCache:
    """SQLite-backed sentence cache; safe to share between runs, one writer at a time.

    Args:
        folder: Where ``translations.sqlite`` lives (created if missing).
    """

    def __init__(self, folder: str | Path) -> None:
        from summarize.outdir import CACHE_MARKER_TEXT, write_marker

        self.path = Path(folder).expanduser() / "translations.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_marker(self.path.parent, CACHE_MARKER_TEXT)  # never read as input
        self._db = sqlite3.connect(self.path, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(SCHEMA)
        present = {row[1] for row in self._db.execute("PRAGMA table_info(translations)")}
        for column, kind in ADDED_COLUMNS.items():
            if column not in present:
                self._db.execute(f"ALTER TABLE translations ADD COLUMN {column} {kind}")
        self._db.commit()

    def get_many(self, keys: Sequence[str]) -> dict[str, CachedTranslation]:
        """The cached entries among ``keys``."""
        found: dict[str, CachedTranslation] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start:start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT key, english, hit_cap, pieces, retried, score FROM translations "
                f"WHERE key IN ({marks})", chunk)
            for key, english, hit_cap, pieces, retried, score in rows:
                found[key] = CachedTranslation(english, bool(hit_cap), pieces, bool(retried),
                                               score)
        return found

    def put_many(self, entries: Iterable[tuple[str, CachedTranslation]]) -> None:
        """Store entries and commit at once."""
        rows = [(key, e.english, int(e.hit_cap), e.pieces, int(e.retried), e.score)
                for key, e in entries]
        if rows:
            self._db.executemany(
                "INSERT OR REPLACE INTO translations (key, english, hit_cap, pieces, retried, "
                "score) VALUES (?, ?, ?, ?, ?, ?)", rows)
            self._db.commit()

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0])

    def close(self) -> None:
        """Close the database."""
        self._db.close()
