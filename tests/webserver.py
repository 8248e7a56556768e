"""A real HTTP server for the fetching tests, on 127.0.0.1 and a free port, in a thread.

It serves the news pages of ``tests/fixtures/pages`` and the awkward cases a fetcher meets: a
redirect, a 404, a 500 that recovers on retry, a page that never answers, a page larger than
the size limit streamed without a ``Content-Length``, a wrong content type, a feed. It counts
the requests per path, so a test can tell whether a rerun fetched anything. Everything it does
is bounded (a hanging answer gives up after ``HANG_SECONDS``, the large page stops at
``HUGE_BYTES``), and it stops when its ``with`` block ends (or after ``LIFETIME`` seconds).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).parent / "fixtures" / "pages"
#: How long the page that never answers keeps the connection open.
HANG_SECONDS = 8.0
#: How many bytes the page without a Content-Length sends at most.
HUGE_BYTES = 3_000_000
#: The server stops by itself after this long, whatever the test does.
LIFETIME = 300.0

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Wire Digest</title><link>{base}/</link><description>Test feed</description>
<item><title>Stellantis e Mistral AI</title><link>{base}/news/it_corriere.html</link>
  <pubDate>Mon, 10 Feb 2025 12:05:00 +0100</pubDate><author>desk@example.org (Desk)</author></item>
<item><title>Feed title of a page without metadata</title><link>/bare</link>
  <pubDate>Tue, 11 Feb 2025 08:00:00 +0100</pubDate></item>
<item><title>Moved story</title><link>{base}/moved</link></item>
<item><title>Gone</title><link>{base}/missing</link></item>
<item><title>No link here</title><description>An item without a link.</description></item>
</channel></rss>
"""

BARE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="text">
<p>Die Stadtwerke haben am Dienstag einen neuen Tarif für Strom aus Windkraft vorgestellt,
der ab dem ersten April für alle Haushalte in der Region gelten soll.</p>
<p>Der Preis liegt nach Angaben des Unternehmens rund acht Prozent unter dem bisherigen
Grundtarif, die Mindestlaufzeit beträgt zwölf Monate.</p></div></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    server: TestServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # quiet

    def _send(self, status: int, body: bytes, content_type: str,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        counted = self.path.startswith("/slow/")  # answers being sent at once (concurrency)
        with self.server.lock:
            self.server.active += counted
            self.server.peak = max(self.server.peak, self.server.active)
        try:
            self._get()
        finally:
            with self.server.lock:
                self.server.active -= counted

    def _get(self) -> None:
        path = self.path.split("?", 1)[0]
        with self.server.lock:
            self.server.hits[path] += 1
            count = self.server.hits[path]
        self.server.agents.add(self.headers.get("User-Agent", ""))
        html = "text/html; charset=utf-8"
        if path.startswith("/news/") and (PAGES / path[len("/news/"):]).is_file():
            self._send(200, (PAGES / path[len("/news/"):]).read_bytes(), html)
        elif path == "/feed.xml":
            self._send(200, FEED.format(base=self.server.base).encode("utf-8"),
                       "application/rss+xml; charset=utf-8")
        elif path == "/bare":
            self._send(200, BARE.encode("utf-8"), html)
        elif path == "/moved":
            self._send(301, b"", html, {"Location": "/news/ar_alkhabar.html"})
        elif path == "/missing":
            self._send(404, b"<html><body>Not found</body></html>", html)
        elif path == "/flaky":  # 500 on the first request, the page after
            if count == 1:
                self._send(500, b"<html><body>Internal error</body></html>", html)
            else:
                self._send(200, (PAGES / "tr_gunlukhaber.html").read_bytes(), html)
        elif path == "/hang":
            self.server.stopping.wait(HANG_SECONDS)  # never answers (until it gives up)
        elif path == "/huge":  # no Content-Length: only a streaming limit stops it
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.end_headers()
            chunk = b"<p>" + b"Lorem ipsum dolor sit amet. " * 2000 + b"</p>\n"
            sent = 0
            try:
                self.wfile.write(b"<!DOCTYPE html><html><body>")
                while sent < HUGE_BYTES and not self.server.stopping.is_set():
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                pass  # the client cut it off, as it should
        elif path.startswith("/slow/"):  # a page that takes a moment (concurrency)
            time.sleep(0.3)
            self._send(200, (PAGES / "de_tagespost.html").read_bytes(), html)
        elif path == "/logo.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        elif path in self.server.extra:
            status, body, content_type = self.server.extra[path]()
            self._send(status, body, content_type)
        else:
            self._send(404, b"no such test page", "text/plain")


class TestServer(ThreadingHTTPServer):
    __test__ = False  # not a test class, whatever its name
    """The server; ``base`` is its address, ``hits`` the requests per path."""

    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.extra: dict[str, Callable[[], tuple[int, bytes, str]]] = {}
        self.active = 0
        self.peak = 0

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serving() -> Iterator[TestServer]:
    """Run a :class:`TestServer` for the block; it stops at the end (or after LIFETIME)."""
    server = TestServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    def stop() -> None:
        server.stopping.set()
        server.shutdown()

    watchdog = threading.Timer(LIFETIME, stop)
    watchdog.daemon = True
    watchdog.start()
    started = time.monotonic()
    try:
        yield server
    finally:
        server.stopping.set()
        watchdog.cancel()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        assert time.monotonic() - started < LIFETIME + 10
