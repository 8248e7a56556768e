"""Fetching web pages and feeds: polite, bounded, and cached.

One client (urllib3, which never reads ``*_proxy`` environment variables, so a page on this
machine is never sent through a proxy), a clear ``User-Agent``, a timeout, a size limit
enforced while the body streams in (a server that sends no ``Content-Length`` is cut off all
the same), a few retries with exponential backoff after timeouts, dropped connections and 5xx
answers (never after 4xx), redirects followed one by one and recorded, and only web pages
(``text/html``, ``application/xhtml+xml``), feeds and PDF accepted. Pages are fetched a few at
a time (:attr:`FetchOptions.concurrency`). Every page fetched is kept in the page cache
(:mod:`summarize.pagecache`), so a rerun fetches nothing; ``refetch`` fetches again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from summarize.errors import FetchError
from summarize.options import FetchOptions
from summarize.readers import CONTENT_TYPES, format_of_content_type, sniff

if TYPE_CHECKING:
    from summarize.pagecache import PageCache

#: Redirects followed before giving up.
MAX_REDIRECTS = 5
#: A whole answer may take this many times ``timeout``.
TOTAL_TIMEOUT_FACTOR = 5
#: Backoff before retry ``n`` (0-based) is ``BACKOFF * 2**n`` seconds.
BACKOFF = 0.5
#: The longest ``Retry-After`` honored, in seconds.
MAX_RETRY_AFTER = 10.0
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/xml;q=0.9,application/pdf;q=0.8")
#: Content types that say nothing: the first bytes decide.
_VAGUE = frozenset({"", "application/octet-stream", "binary/octet-stream"})


@dataclass(frozen=True)
class Page:
    """A fetched page or feed.

    Attributes:
        requested_url: The address asked for.
        final_url: Where the answer came from, after redirects.
        status: The final HTTP status (200).
        content_type: The ``Content-Type`` header, if any.
        fetched_at: When it was fetched (UTC, ISO 8601).
        sha256: The body's SHA-256.
        redirects: Each redirect followed: ``{"url": …, "status": 301}``.
        body: The body (decompressed).
    """

    requested_url: str
    final_url: str
    status: int
    content_type: str | None
    fetched_at: str
    sha256: str
    redirects: tuple[dict[str, Any], ...] = ()
    body: bytes = field(default=b"", repr=False)

    @property
    def format(self) -> str | None:
        """``html``, ``feed`` or ``pdf``: from the content type, or the first bytes when the
        content type says nothing (or calls a feed a web page, as some servers do)."""
        declared = format_of_content_type(self.content_type)
        sniffed = sniff(self.body)
        if declared == "html" and sniffed == "feed":
            return "feed"
        return declared or sniffed

    @property
    def charset(self) -> str | None:
        """The ``charset`` parameter of the content type, if any."""
        for part in (self.content_type or "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None

    def record(self) -> dict[str, Any]:
        """What ``run.json`` records about how the page was fetched."""
        return {"requested_url": self.requested_url, "final_url": self.final_url,
                "status": self.status, "fetched_at": self.fetched_at, "sha256": self.sha256,
                "content_type": self.content_type, "bytes": len(self.body),
                "redirects": [dict(r) for r in self.redirects]}


def _retry_after(headers: Any) -> float:
    value = headers.get("Retry-After") if headers is not None else None
    try:
        return min(MAX_RETRY_AFTER, max(0.0, float(value))) if value else 0.0
    except ValueError:
        return 0.0


class Fetcher:
    """Fetches pages with the limits of :class:`~summarize.options.FetchOptions`.

    Args:
        options: Timeout, size limit, retries, User-Agent, concurrency, refetch.
        cache: Where fetched pages are kept (None: nothing is kept).
        sleep: Waits between retries (a test can pass a faster one).
    """

    def __init__(self, options: FetchOptions, cache: PageCache | None = None, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        import urllib3

        self.options = options
        self.cache = cache
        self._sleep = sleep
        self._pool = urllib3.PoolManager(
            num_pools=16, maxsize=options.concurrency, block=False, retries=False,
            headers={"User-Agent": options.user_agent, "Accept": _ACCEPT,
                     "Accept-Encoding": "gzip, deflate"},
            timeout=urllib3.Timeout(connect=options.timeout, read=options.timeout))
        self.fetched = 0
        """Pages fetched from the network by this fetcher (the others came from the cache)."""

    def close(self) -> None:
        """Close the connections kept open for reuse."""
        self._pool.clear()

    def fetch(self, url: str) -> Page:
        """The page at ``url``: from the cache unless ``refetch``, else from the network
        (and then kept in the cache).

        Raises:
            FetchError: it cannot be fetched within the limits; nothing is cached then.
        """
        if self.cache is not None and not self.options.refetch:
            cached = self.cache.get(url)
            if cached is not None:
                return cached
        page = self._fetch(url)
        self.fetched += 1
        if self.cache is not None:
            self.cache.put(page)
        return page

    def fetch_many(self, urls: Sequence[str]) -> list[Page | FetchError]:
        """Fetch several pages, :attr:`FetchOptions.concurrency` at a time; each result is
        the page or the error that failed it, in the order of ``urls``."""

        def one(url: str) -> Page | FetchError:
            try:
                return self.fetch(url)
            except FetchError as exc:
                return exc

        if len(urls) <= 1 or self.options.concurrency == 1:
            return [one(url) for url in urls]
        with ThreadPoolExecutor(max_workers=min(self.options.concurrency, len(urls)),
                                thread_name_prefix="summarize-fetch") as pool:
            return list(pool.map(one, urls))

    def _fetch(self, url: str) -> Page:
        attempts = self.options.retries + 1
        last: _Retryable | None = None
        for attempt in range(attempts):
            if last is not None:
                self._sleep(max(BACKOFF * 2 ** (attempt - 1), last.retry_after))
            try:
                return self._attempt(url)
            except _Retryable as exc:
                last = exc
        assert last is not None
        tries = f"{attempts} {'try' if attempts == 1 else 'tries'}"
        raise FetchError(f"{last.reason} ({tries})", url, last.status) from last

    def _attempt(self, url: str) -> Page:
        import urllib3

        redirects: list[dict[str, Any]] = []
        current = url
        while True:
            if urlsplit(current).scheme.lower() not in ("http", "https"):
                raise FetchError(f"redirected to {current}, which is not an http(s) address",
                                 url)
            started = time.monotonic()
            try:
                response = self._pool.request("GET", current, redirect=False,
                                              preload_content=False, decode_content=True)
            except (urllib3.exceptions.TimeoutError, urllib3.exceptions.ProtocolError) as exc:
                raise _Retryable(self._network_reason(exc)) from exc
            except urllib3.exceptions.HTTPError as exc:
                raise FetchError(self._network_reason(exc), url) from exc
            complete = False
            try:
                status = response.status
                if status in _REDIRECTS and response.headers.get("Location"):
                    target = urljoin(current, response.headers["Location"])
                    redirects.append({"url": target, "status": status})
                    if len(redirects) > MAX_REDIRECTS:
                        raise FetchError(f"more than {MAX_REDIRECTS} redirects", url, status)
                    current = target
                    continue
                if status >= 500 or status == 429:
                    raise _Retryable(f"HTTP {status} {response.reason or ''}".strip(), status,
                                     _retry_after(response.headers))
                if status >= 400 or status < 200 or status >= 300:
                    raise FetchError(f"HTTP {status} {response.reason or ''}".strip(), url,
                                     status)
                content_type = response.headers.get("Content-Type")
                self._check_type(content_type, url, status)
                body = self._read(response, url, started)
                complete = True
            finally:
                if not complete:  # a half-read body: the connection cannot be reused
                    response.close()
                response.release_conn()
            page = Page(requested_url=url, final_url=current, status=status,
                        content_type=content_type,
                        fetched_at=dt.datetime.now(dt.timezone.utc).isoformat(
                            timespec="seconds"),
                        sha256=hashlib.sha256(body).hexdigest(), redirects=tuple(redirects),
                        body=body)
            if page.format is None:
                raise FetchError(f"content type {content_type or '(none)'} and the first "
                                 "bytes are not a web page, feed or PDF", url, status)
            return page

    def _check_type(self, content_type: str | None, url: str, status: int) -> None:
        bare = (content_type or "").split(";", 1)[0].strip().lower()
        if bare in _VAGUE or bare in CONTENT_TYPES:
            return
        raise FetchError(f"content type {bare} is not a web page, feed or PDF (accepted: "
                         "text/html, application/xhtml+xml, RSS/Atom feeds, application/pdf)",
                         url, status)

    def _read(self, response: Any, url: str, started: float) -> bytes:
        """The body, stopped at the size limit and the total time limit while it streams."""
        import urllib3

        limit = self.options.max_bytes
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(f"the page is {int(declared):,} bytes, over the size limit of "
                             f"{limit:,} (--max-bytes)", url, response.status)
        deadline = started + self.options.timeout * TOTAL_TIMEOUT_FACTOR
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.stream(64 * 1024, decode_content=True):
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"the page is over the size limit of {limit:,} bytes "
                                     "(--max-bytes); it was cut off while streaming",
                                     url, response.status)
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise _Retryable(f"the answer took more than "
                                     f"{self.options.timeout * TOTAL_TIMEOUT_FACTOR:g} s")
        except (urllib3.exceptions.TimeoutError, urllib3.exceptions.ProtocolError) as exc:
            raise _Retryable(self._network_reason(exc)) from exc
        except urllib3.exceptions.DecodeError as exc:
            raise FetchError(f"the body cannot be decompressed ({exc})", url,
                             response.status) from exc
        return b"".join(chunks)

    def _network_reason(self, exc: Exception) -> str:
        import urllib3

        if isinstance(exc, urllib3.exceptions.TimeoutError):
            return f"no answer within {self.options.timeout:g} s (--timeout)"
        if isinstance(exc, urllib3.exceptions.NameResolutionError):
            return "the host name cannot be resolved"
        if isinstance(exc, urllib3.exceptions.NewConnectionError):
            return "the connection was refused or cannot be made"
        if isinstance(exc, urllib3.exceptions.SSLError):
            return f"TLS error ({exc})"
        if isinstance(exc, urllib3.exceptions.ProtocolError):
            return "the connection was dropped"
        return f"network error ({type(exc).__name__}: {exc})"


class _Retryable(Exception):
    """A failure worth another try: a timeout, a dropped connection, a 5xx answer."""

    def __init__(self, reason: str, status: int | None = None,
                 retry_after: float = 0.0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
