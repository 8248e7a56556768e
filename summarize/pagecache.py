"""Fetched pages on disk, keyed by the address asked for, written atomically.

Each page is two files in ``<cache>/pages/``: ``<key>.body`` (the bytes) and ``<key>.json`` (how
it was fetched, with the body's SHA-256). The body is written first and the record last, each
through a temporary file, ``fsync`` and a rename, so a run killed at any moment (``kill -9``)
leaves either a complete page or none: a body without its record, or whose hash does not match
the record, is not a page and is fetched again. The folder carries summarize's marker, so it is
never read as input.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from summarize.fetching import Page

#: The record's layout version: a record of another version is not read.
RECORD_VERSION = 1


def page_key(url: str) -> str:
    """The cache key of an address (its fragment does not count)."""
    return hashlib.sha256(url.split("#", 1)[0].encode("utf-8")).hexdigest()[:40]


def pages_folder(cache: str | Path | None) -> Path:
    """The page cache's folder under the cache folder (``--cache``, default the user cache)."""
    if cache is None:
        from summarize.translate.cache import default_cache_dir

        cache = default_cache_dir()
    return Path(cache) / "pages"


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class PageCache:
    """Fetched pages kept on disk (see the module docstring).

    Args:
        folder: The folder of the page cache (created, with summarize's marker, on first
            write).
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def get(self, url: str) -> Page | None:
        """The page kept for ``url``, or None (never fetched, or left incomplete by a killed
        run)."""
        key = page_key(url)
        try:
            record = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            body = (self.folder / f"{key}.body").read_bytes()
        except (OSError, ValueError):
            return None
        if (not isinstance(record, dict) or record.get("version") != RECORD_VERSION
                or record.get("requested_url") != url
                or hashlib.sha256(body).hexdigest() != record.get("sha256")):
            return None
        return Page(requested_url=url, final_url=record["final_url"], status=record["status"],
                    content_type=record.get("content_type"), fetched_at=record["fetched_at"],
                    sha256=record["sha256"],
                    redirects=tuple(record.get("redirects", ())), body=body)

    def put(self, page: Page) -> None:
        """Keep a page: its body first, then its record (the sign that it is complete)."""
        from summarize.outdir import CACHE_MARKER_TEXT, write_marker

        self.folder.mkdir(parents=True, exist_ok=True)
        write_marker(self.folder.parent if self.folder.name == "pages" else self.folder,
                     CACHE_MARKER_TEXT)
        write_marker(self.folder, CACHE_MARKER_TEXT)
        key = page_key(page.requested_url)
        record = {"version": RECORD_VERSION, **page.record()}
        _write_atomic(self.folder / f"{key}.body", page.body)
        _write_atomic(self.folder / f"{key}.json",
                      json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))

    def __contains__(self, url: object) -> bool:
        return isinstance(url, str) and self.get(url) is not None
