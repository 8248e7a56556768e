"""RSS and Atom feeds, with feedparser: a feed expands into the pages of its items.

Each item gives its link (resolved against the feed's address) and what the feed says about it
(title, author, publication date), which fills what the page itself does not say.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from summarize.errors import InputError


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed: the page to read and the feed's metadata for it."""

    url: str
    metadata: dict[str, str] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Feed:
    """A parsed feed.

    Attributes:
        title: The feed's title.
        items: Items with a link, in feed order (a link given twice is read once).
        without_link: Items that have no link (they are not read; the count is recorded).
    """

    title: str | None
    items: tuple[FeedItem, ...]
    without_link: int = 0


def _date(entry: Any) -> str | None:
    """The item's publication date as the feed wrote it (its own time zone), ISO 8601."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        for parse in (parsedate_to_datetime, dt.datetime.fromisoformat):
            try:
                return parse(raw.strip().replace("Z", "+00:00")).date().isoformat()
            except (TypeError, ValueError, IndexError, OverflowError):
                continue
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def read_feed(data: bytes, name: str, *, url: str | None = None, **_: object) -> Feed:
    """Parse an RSS or Atom feed into the items to read.

    Args:
        data: The feed's bytes.
        name: The file or URL, for messages.
        url: The feed's address, to resolve relative item links (for a feed file, the
            feed's own ``<link>``).

    Raises:
        InputError: not an RSS or Atom feed, or a feed without items.
    """
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__}: {problem})" if problem else ""
        raise InputError(f"not an RSS or Atom feed{detail}", name)
    feed_title = " ".join(str(parsed.feed.get("title") or "").split()) or None
    base = url or str(parsed.feed.get("link") or "")
    items: dict[str, FeedItem] = {}
    without_link = 0
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if not link:
            without_link += 1
            continue
        link = urljoin(base, link)
        metadata = {key: " ".join(str(value).split()) for key, value in (
            ("title", entry.get("title")), ("author", entry.get("author")),
            ("date", _date(entry)), ("outlet", feed_title)) if value}
        items.setdefault(link, FeedItem(link, metadata))
    if not items:
        raise InputError("the feed has no items with a link to read", name)
    return Feed(feed_title, tuple(items.values()), without_link)
