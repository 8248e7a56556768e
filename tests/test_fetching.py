"""Fetching pages and feeds from a real HTTP server on 127.0.0.1 (``tests/webserver.py``):
polite and bounded, cached, and failing one page at a time. No other address is ever asked."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.fetching import Fetcher
from summarize.options import FetchOptions
from summarize.pagecache import PageCache, page_key, pages_folder
from summarize.reading import read_all
from tests.test_misuse import cli, record_of
from tests.webserver import PAGES, TestServer, serving

#: Proxy variables pointing at a port where nothing listens: a client that used them would fail.
DEAD_PROXY = {name: "http://127.0.0.1:9" for name in (
    "http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")}
FAST = FetchOptions(timeout=1.0, max_bytes=1_000_000, retries=1, concurrency=4)


@pytest.fixture(scope="module")
def server() -> Iterator[TestServer]:
    with serving() as running:
        yield running


def _fetcher(tmp_path: Path, options: FetchOptions = FAST,
             waits: list[float] | None = None) -> Fetcher:
    return Fetcher(options, PageCache(pages_folder(tmp_path / "cache")),
                   sleep=(waits.append if waits is not None else lambda _: None))


def test_each_awkward_page_fails_alone_with_its_reason(
        server: TestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in DEAD_PROXY.items():
        monkeypatch.setenv(name, value)
    paths = ["/news/de_tagespost.html", "/moved", "/missing", "/flaky", "/hang", "/huge",
             "/logo.png", "/news/index_only.html"]
    before = dict(server.hits)
    waits: list[float] = []
    started = time.monotonic()
    reading = read_all([server.url(p) for p in paths], fetcher=_fetcher(tmp_path, waits=waits))
    assert time.monotonic() - started < 10
    hits = {p: server.hits[p] - before.get(p, 0) for p in paths}
    assert hits == {"/news/de_tagespost.html": 1, "/moved": 1, "/missing": 1, "/flaky": 2,
                    "/hang": 2, "/huge": 1, "/logo.png": 1, "/news/index_only.html": 1}
    assert waits == [0.5, 0.5]  # one backoff each for the 500 and the timeout; none for 404
    documents = {d.id: d for d in reading.documents}
    assert sorted(documents) == ["de_tagespost", "flaky", "moved"]
    moved = documents["moved"].fetch or {}
    assert moved["requested_url"] == server.url("/moved")
    assert moved["final_url"] == server.url("/news/ar_alkhabar.html")
    assert moved["redirects"] == [{"url": server.url("/news/ar_alkhabar.html"), "status": 301}]
    page = documents["de_tagespost"].fetch or {}
    assert page["status"] == 200 and page["fetched_at"].endswith("+00:00")
    assert page["sha256"] == hashlib.sha256(
        (PAGES / "de_tagespost.html").read_bytes()).hexdigest()
    assert documents["flaky"].metadata["outlet"] == "Günlük Haber"
    errors = {f.id: f.error for f in reading.failures}
    assert errors == {
        "missing": "HTTP 404 Not Found",
        "hang": "no answer within 1 s (--timeout) (2 tries)",
        "huge": "the page is over the size limit of 1,000,000 bytes (--max-bytes); it was cut "
                "off while streaming",
        "logo": "content type image/png is not a web page, feed or PDF (accepted: text/html, "
                "application/xhtml+xml, RSS/Atom feeds, application/pdf)",
        "index_only": "no article text found in the page (no paragraph of at least 10 words): "
                      "it may be an index page, a paywall or a page that needs JavaScript"}
    assert server.agents >= {FAST.user_agent}


def test_a_feed_expands_into_its_items_with_the_feeds_metadata(server: TestServer,
                                                               tmp_path: Path) -> None:
    reading = read_all([server.url("/feed.xml")], fetcher=_fetcher(tmp_path))
    (feed,) = reading.feeds
    assert feed["title"] == "Wire Digest" and feed["without_link"] == 1
    assert feed["items"] == ["it_corriere", "bare", "moved", "missing"]
    documents = {d.id: d for d in reading.documents}
    assert sorted(documents) == ["bare", "it_corriere", "moved"]
    assert documents["bare"].metadata == {"title": "Feed title of a page without metadata",
                                          "date": "2025-02-11", "outlet": "Wire Digest",
                                          "url": server.url("/bare")}
    assert documents["it_corriere"].metadata["outlet"] == "Il Corriere Digitale"  # page wins
    assert [f.id for f in reading.failures] == ["missing"]
    feed_file = tmp_path / "saved.rss"
    feed_file.write_text('<rss version="2.0"><channel><title>Saved</title><item><link>'
                         f'{server.url("/news/tr_gunlukhaber.html")}</link></item>'
                         "</channel></rss>", encoding="utf-8")
    saved = read_all([feed_file], fetcher=_fetcher(tmp_path))
    assert [d.id for d in saved.documents] == ["tr_gunlukhaber"]


def test_a_pdf_and_a_feed_served_as_a_web_page_are_read_as_what_they_are(
        server: TestServer, tmp_path: Path) -> None:
    from tests.docfixtures import HEADER, release_pdf

    pdf = release_pdf(tmp_path / "release.pdf").read_bytes()
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Misnamed</title><item>'
            f'<link>{server.url("/news/de_tagespost.html")}</link></item></channel></rss>')
    server.extra["/press/release.pdf"] = lambda: (200, pdf, "application/pdf")
    server.extra["/misnamed-feed"] = lambda: (200, feed.encode(), "text/html")
    reading = read_all([server.url("/press/release.pdf"), server.url("/misnamed-feed")],
                       fetcher=_fetcher(tmp_path))
    documents = {d.id: d for d in reading.documents}
    assert sorted(documents) == ["de_tagespost", "release"]
    release = documents["release"]
    assert release.paragraphs[0] == HEADER and release.boilerplate[0].startswith("running header")
    assert (release.fetch or {})["content_type"] == "application/pdf"
    assert reading.feeds[0]["title"] == "Misnamed"


def test_a_rerun_fetches_nothing_and_refetch_fetches_again(server: TestServer,
                                                           tmp_path: Path) -> None:
    urls = [server.url("/news/tr_gunlukhaber.html"), server.url("/moved")]
    first = read_all(urls, fetcher=_fetcher(tmp_path))
    hits = dict(server.hits)
    again = read_all(urls, fetcher=_fetcher(tmp_path))
    assert dict(server.hits) == hits and again.fetched == 0
    assert [d.fetch for d in again.documents] == [d.fetch for d in first.documents]
    assert [d.paragraphs for d in again.documents] == [d.paragraphs for d in first.documents]
    refetched = read_all(urls, fetcher=_fetcher(tmp_path, FetchOptions(refetch=True)))
    assert refetched.fetched == 2 and server.hits["/moved"] == hits["/moved"] + 1


def test_a_page_a_killed_run_left_half_written_is_fetched_again(server: TestServer,
                                                                tmp_path: Path) -> None:
    urls = [server.url("/news/it_gazzetta.html"), server.url("/news/de_tagespost.html")]
    read_all(urls, fetcher=_fetcher(tmp_path))
    folder = pages_folder(tmp_path / "cache")
    assert (folder.parent / ".summarize").is_file()
    # kill -9 between writing the body and its record leaves a body alone, and a temporary file
    (folder / f"{page_key(urls[0])}.json").unlink()
    (folder / f".{page_key(urls[0])}.json.x.tmp").write_bytes(b'{"version": 1, "requ')
    # a body cut short (torn by a crash of the machine) no longer matches its record's hash
    body = folder / f"{page_key(urls[1])}.body"
    body.write_bytes(body.read_bytes()[:100])
    hits = dict(server.hits)
    reading = read_all(urls, fetcher=_fetcher(tmp_path))
    assert reading.fetched == 2 and len(reading.documents) == 2
    assert server.hits["/news/it_gazzetta.html"] == hits["/news/it_gazzetta.html"] + 1
    assert read_all(urls, fetcher=_fetcher(tmp_path)).fetched == 0


FETCH_ALL = """
import sys
from summarize.options import FetchOptions
from summarize.reading import read_all
read_all(sys.argv[2:], fetch=FetchOptions(concurrency=1, timeout=2.0), cache=sys.argv[1])
"""


def test_a_run_killed_while_fetching_is_finished_by_the_rerun(server: TestServer,
                                                              tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    urls = [server.url(f"/slow/killed-{n}") for n in range(8)]
    cache = tmp_path / "cache"
    process = subprocess.Popen([sys.executable, "-c", FETCH_ALL, str(cache), *urls],
                               env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    folder = pages_folder(cache)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(folder.glob("*.json"))) < 3:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    saved = {p.stem for p in folder.glob("*.json")}
    kept = len(saved)
    assert 3 <= kept < len(urls)
    hits = dict(server.hits)
    rerun = read_all(urls, fetcher=_fetcher(tmp_path))
    assert rerun.fetched == len(urls) - kept and len(rerun.documents) == len(urls)
    # No kept page is downloaded again, and every other one is. (A request the killed run
    # sent just before it died may reach the server after ``hits`` was read: it is of a page
    # that was not kept, so it is not counted against the rerun.)
    new = {u: server.hits[u.removeprefix(server.base)] - hits.get(u.removeprefix(server.base), 0)
           for u in urls}
    assert all(new[u] == 0 for u in urls if page_key(u) in saved)
    assert all(new[u] >= 1 for u in urls if page_key(u) not in saved)
    assert read_all(urls, fetcher=_fetcher(tmp_path)).fetched == 0


def test_only_a_few_pages_are_fetched_at_once(server: TestServer, tmp_path: Path) -> None:
    server.peak = 0
    options = FetchOptions(timeout=2.0, concurrency=2)
    reading = read_all([server.url(f"/slow/{n}") for n in range(6)],
                       fetcher=_fetcher(tmp_path, options))
    assert len(reading.documents) == 6
    assert server.peak == 2


def test_pages_from_the_web_translated_digested_and_recorded(
        server: TestServer, tmp_path: Path, seed_model_args: list[str]) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# Italian wire copies\n{server.url('/news/it_gazzetta.html')}\n\n",
                    encoding="utf-8")
    args = [server.url("/news/de_tagespost.html"), server.url("/news/it_corriere.html"),
            "--urls", str(urls), "--cache", str(tmp_path / "cache"), "--quiet", "--beams", "1",
            "--no-retry", "--timeout", "2", *seed_model_args]
    first = cli("run", *args, "--out", str(tmp_path / "first"), env=DEAD_PROXY)
    assert first.returncode == 0, first.stderr
    hits = dict(server.hits)
    second = cli("run", *args, "--out", str(tmp_path / "second"), env=DEAD_PROXY)
    assert second.returncode == 0, second.stderr
    assert dict(server.hits) == hits  # nothing fetched again
    records = [record_of(tmp_path / name) for name in ("first", "second")]
    for record in records:
        record.pop("timings")
    assert records[0] == records[1]
    record = records[0]
    by_id = {d["id"]: d for d in record["documents"]}
    assert sorted(by_id) == ["de_tagespost", "it_corriere", "it_gazzetta"]
    fetch = by_id["de_tagespost"]["fetch"]
    assert fetch["requested_url"] == fetch["final_url"] == server.url("/news/de_tagespost.html")
    assert fetch["status"] == 200 and len(fetch["sha256"]) == 64
    assert by_id["it_gazzetta"]["metadata"]["author"] == "Giulia Ferraris"
    (group,) = record["syndication"]
    assert group["documents"] == ["it_corriere", "it_gazzetta"]
    assert group["links"][0]["basis"] == "source" and group["links"][0]["containment"] > 0.8
    assert record["settings"]["timeout"] == 2.0 and record["settings"]["urls"] == str(urls)
    brief = (tmp_path / "first" / "brief.md").read_text(encoding="utf-8")
    assert "3 documents: 3 outlets, 2 independent." in brief
    assert "Il Corriere Digitale, 2025-02-10, https://www.corrieredigitale.example/" in brief
    assert "same story as [it_gazzetta]" in brief
    translation = (tmp_path / "first" / "translations" / "de_tagespost.en.md").read_text(
        encoding="utf-8")
    assert f"- Source page: `{server.url('/news/de_tagespost.html')}`" in translation
    for line in ("- Title: Mistral AI baut Rechenzentrum bei Paris", "- Author: Wolfgang Übel",
                 "- Published: 2025-02-11", "- Outlet: Rheinische Tagespost",
                 "- Declared language: de-DE", f"- Fetched: {fetch['final_url']} (HTTP 200"):
        assert line in translation
    report = (tmp_path / "first" / "report.html").read_text(encoding="utf-8")
    assert "Rheinische Tagespost" in report and "<dt>Fetched</dt>" in report
