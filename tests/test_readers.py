"""Reading web pages, PDF, Word and JSON Lines: the article kept, boilerplate dropped or flagged,
metadata taken, and a file that cannot be read failing alone with a clear message."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from summarize.documents import read_document
from summarize.errors import InputError
from summarize.inputs import collect_inputs
from summarize.pipeline import segment_document
from tests.docfixtures import (
    FOOTER,
    HEADER,
    HEADLINE,
    MEMO_TABLE,
    memo_docx,
    release_pdf,
    scanned_pdf,
)
from tests.test_misuse import cli, record_of

ROOT = Path(__file__).parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages"
sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction_quality import gold, measure, strip_labels  # noqa: E402

#: page → (title, author, date, outlet, canonical URL start, declared language)
EXPECTED = {
    "tr_gunlukhaber": ("Yerli yapay zekâ girişimi 40 milyon dolar yatırım aldı", "Ayşe Yıldırım",
                       "2025-03-04", "Günlük Haber", "https://www.gunlukhaber.example/ekonomi/",
                       "tr"),
    "ar_alkhabar": ("شركة ناشئة سعودية تجمع 120 مليون دولار لتطوير الذكاء الاصطناعي",
                    "سارة العتيبي", "2025-03-09", "الخبر اليوم",
                    "https://www.alkhabar-alyawm.example/economy/", "ar"),
    "de_tagespost": ("Mistral AI baut Rechenzentrum bei Paris", "Wolfgang Übel", "2025-02-11",
                     "Rheinische Tagespost", "https://www.rheinische-tagespost.example/",
                     "de-DE"),
    "it_corriere": ("Stellantis e Mistral AI firmano un accordo sull'intelligenza artificiale",
                    "Redazione Economia", "2025-02-10", "Il Corriere Digitale",
                    "https://www.corrieredigitale.example/economia/", "it"),
    "it_gazzetta": ("Auto, intesa tra Stellantis e Mistral AI", "Giulia Ferraris", "2025-02-10",
                    "La Gazzetta del Nord", "https://gazzettadelnord.example/2025/", "it-IT"),
}


def _unlabelled(tmp_path: Path, name: str) -> Path:
    page = tmp_path / f"{name}.html"
    page.write_text(strip_labels((PAGES / f"{name}.html").read_text(encoding="utf-8")),
                    encoding="utf-8")
    return page


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_news_page_gives_its_article_and_metadata(tmp_path: Path, name: str) -> None:
    document = read_document(_unlabelled(tmp_path, name))
    title, author, date, outlet, url, language = EXPECTED[name]
    assert document.metadata["title"] == title
    assert document.metadata["author"] == author
    assert document.metadata["date"] == date  # JSON-LD datePublished, not dateModified
    assert document.metadata["outlet"] == outlet
    assert document.metadata["url"].startswith(url)
    assert document.metadata["language"] == language
    assert document.encoding == "utf-8"
    assert document.paragraphs[0] == title and 0 in document.headings
    assert not any("<" in p or "gtag(" in p for p in document.paragraphs)  # no markup, no script
    score = measure(PAGES / f"{name}.html")
    assert score["kept"] >= int(str(score["article"])) - 1, score["missed"]
    assert score["leaked_unflagged"] == 0, score["leaked_lines"]


def test_comments_menus_and_cookie_banners_are_dropped(tmp_path: Path) -> None:
    text = "\n".join(read_document(_unlabelled(tmp_path, "de_tagespost")).paragraphs)
    for dropped in ("Cookies", "Alle akzeptieren", "Kommentare", "Symbolpolitik", "Impressum",
                    "OpenAI eröffnet Büro", "Jetzt abonnieren", "Anzeige"):
        assert dropped not in text
    article, _ = gold((PAGES / "de_tagespost.html").read_text(encoding="utf-8"))
    assert all(sentence in text for sentence in article)
    assert "Unabhängigkeit von amerikanischen Anbietern" in text  # the subheading is kept


def test_a_page_without_an_article_fails_with_a_clear_message() -> None:
    with pytest.raises(InputError, match="no article text found in the page"):
        read_document(PAGES / "index_only.html")


def test_a_legacy_encoded_page_is_decoded_by_its_meta_charset(tmp_path: Path) -> None:
    html = (PAGES / "tr_gunlukhaber.html").read_text(encoding="utf-8")
    page = tmp_path / "eski.htm"
    page.write_bytes(strip_labels(html).replace('charset="utf-8"', 'charset="windows-1254"')
                     .replace("Yerli yapay zekâ", "Yerli yapay zeka").encode("cp1254"))
    document = read_document(page)
    assert document.encoding == "cp1254"
    assert "İstanbul merkezli yapay zekâ girişimi Dilbaz" in document.text


def test_a_pdf_press_release_rebuilds_paragraphs_and_marks_headers_and_footers(
        tmp_path: Path) -> None:
    document = read_document(release_pdf(tmp_path / "release.pdf"))
    paragraphs = list(document.paragraphs)
    assert document.metadata == {"title": "Northwind Energy raises forecast",
                                 "author": "Northwind Energy AG"}
    assert paragraphs.index(HEADLINE) in document.headings
    body = [p for i, p in enumerate(paragraphs) if i not in document.boilerplate]
    assert len(body) == 10  # the headline and nine paragraphs, in order
    assert body[1].startswith("Hamburg, 12 March 2025.")
    assert "substantial investments in storage technology" in body[3]  # "invest-" + "ments"
    assert body[8].endswith("construction would start in 2026 at the earliest, after the "
                            "permits are granted.")  # one paragraph over the page break
    marked = {paragraphs[i]: reason for i, reason in document.boilerplate.items()}
    assert marked == {HEADER: "running header (pages 1–2)",
                      FOOTER: "running footer (pages 1–2)",
                      "Page 1 of 2": "page number (page 1)",
                      "Page 2 of 2": "page number (page 2)"}
    records = segment_document(document, "en", detect_mixed=False)
    flags = {r.source: [f for f in r.flags if f.code == "boilerplate"] for r in records}
    assert [(f.reason, f.severity) for f in flags[HEADER]] == [
        ("running header (pages 1–2)", 0)]


def test_a_scanned_pdf_fails_alone_and_the_rest_are_digested(tmp_path: Path) -> None:
    release_pdf(tmp_path / "release.pdf")
    scanned_pdf(tmp_path / "scan.pdf")
    done = cli("digest", "release.pdf", "scan.pdf", "--out", "o", "--quiet", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "scan.pdf: no text layer (scanned PDF); OCR is not supported" in done.stderr
    assert done.stderr.count("scan.pdf") == 1
    (release,) = [d for d in record_of(tmp_path / "o")["documents"] if d["id"] == "release"]
    header = [s for s in release["sentences"] if s["source"] == HEADER]
    assert header and {"code": "boilerplate", "reason": "running header (pages 1–2)",
                       "severity": 0} in header[0]["flags"]
    quoted = " ".join(line["text"] for line in release["digest"])
    assert HEADER not in quoted and FOOTER not in quoted and "Page 1" not in quoted
    digest = (tmp_path / "o" / "digests" / "release.md").read_text(encoding="utf-8")
    assert "**Northwind Energy raises forecast**" in digest


def test_a_word_memo_gives_headings_tables_and_flagged_margins(tmp_path: Path) -> None:
    document = read_document(memo_docx(tmp_path / "memo.docx"))
    paragraphs = list(document.paragraphs)
    assert paragraphs.index("Northwind reports a record first quarter") in document.headings
    for row in MEMO_TABLE:
        assert " | ".join(row) in paragraphs
    marked = {paragraphs[i]: reason for i, reason in document.boilerplate.items()}
    assert marked == {"Embargoed until 8:00 CET": "page header", FOOTER: "page footer"}
    assert document.metadata["title"] == "Quarterly update"


def test_a_folder_reads_pages_pdf_word_and_feeds_and_skips_the_rest(tmp_path: Path) -> None:
    shutil.copy(PAGES / "de_tagespost.html", tmp_path)
    release_pdf(tmp_path / "release.pdf")
    memo_docx(tmp_path / "memo.docx")
    (tmp_path / "feed.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel>'
                                       "<title>x</title></channel></rss>", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset/>', encoding="utf-8")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    found = collect_inputs([tmp_path])
    assert sorted(s.id for s in found.sources) == ["de_tagespost", "feed", "memo", "release"]
    assert {Path(s.path).name: s.reason for s in found.skipped} == {
        "sheet.xlsx": "unsupported format .xlsx",
        "sitemap.xml": "unsupported format .xml (not an RSS or Atom feed)"}


JSONL = [
    {"id": "wire-1", "text": "Carrefour said on Monday it would open 40 new stores in Spain "
     "this year. The retailer expects sales there to grow by five percent.",
     "lang": "en", "date": "2025-03-03T09:00:00Z", "url": "https://wire.example/1",
     "title": "Carrefour to open 40 stores"},
    "this is not json",
    {"id": "no-text"},
    {"id": "wire-1", "text": "A second line with the same id is refused."},
    {"id": "bad-lang", "text": "Some text here.", "lang": "xx"},
    {"id": "bad/date", "text": "Lidl opened its first shop in Lisbon.", "date": "3 March"},
    {"id": 17, "text": "Aldi said its prices would fall by two percent from April. The "
     "discounter cited lower energy costs."},
]


def _jsonl() -> bytes:
    return "\n".join(json.dumps(x) if isinstance(x, dict) else x for x in JSONL).encode() + \
        b"\n\n"


def test_json_lines_from_stdin_stream_one_document_per_line(tmp_path: Path) -> None:
    done = cli("digest", "-", "--input-format", "jsonl", "--format", "jsonl", "--out",
               str(tmp_path / "o"), "--quiet", stdin=_jsonl())
    assert done.returncode == 1, done.stderr
    lines: list[dict[str, Any]] = [json.loads(line) for line in done.stdout.splitlines()]
    assert sorted(d["id"] for d in lines) == ["17", "bad-date", "bad-lang", "no-text",
                                              "stdin-line2", "stdin-line4", "wire-1"]
    by_id = {d["id"]: d for d in record_of(tmp_path / "o")["documents"]}
    assert by_id["wire-1"]["metadata"] == {"date": "2025-03-03", "url": "https://wire.example/1",
                                           "title": "Carrefour to open 40 stores",
                                           "language": "en"}
    assert by_id["wire-1"]["language"] == "en" and by_id["wire-1"]["digest"]
    assert by_id["17"]["error"] is None
    errors = sorted(d["error"] for d in by_id.values() if d["error"])
    assert errors[0].startswith("line 2: not valid JSON")
    assert 'line 3: no "text" string' in errors
    assert "line 4: id 'wire-1' is given again (first on line 1)" in errors
    assert any(e.startswith("line 5: unknown language code 'xx'") for e in errors)
    assert by_id["17"]["language"] == "en"
    assert "line 6: date '3 March' is not an ISO 8601 date (YYYY-MM-DD)" in errors
    assert "<stdin>: line 2: not valid JSON" in done.stderr
    streamed = {d["id"]: d for d in lines}
    assert streamed["wire-1"]["digest"] == by_id["wire-1"]["digest"]


@pytest.mark.parametrize(("urls", "ids"), [
    (["https://www.gunlukhaber.example/ekonomi/yerli-yapay-zeka-4471102"],
     ["yerli-yapay-zeka-4471102"]),
    (["https://www.news.example/"], ["news-example"]),
    (["https://a.example/eco/mistral.html", "https://b.example/mistral"],
     ["mistral", "b-example-mistral"]),
    (["https://x.example/article.php?id=123"], ["article-id-123"]),
    (["https://x.example/eco/index.html"], ["eco"]),
    (["https://x.example/%C3%BCbel-news"], ["übel-news"])])
def test_a_web_address_gets_a_readable_id(urls: list[str], ids: list[str]) -> None:
    from summarize.inputs import url_ids

    assert url_ids(urls, set()) == ids
    assert url_ids(urls, set(ids)) != ids  # ids already taken are not reused


@pytest.mark.parametrize(("name", "data", "message"), [
    ("broken.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "not a readable PDF"),
    ("broken.docx", b"PK\x03\x04\x14\x00\x06\x00", "not a readable .docx file"),
    ("empty.html", b"", "the page is empty"),
    ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
     "no article text found in the page"),
    ("feed.rss", b"<html><body>not a feed</body></html>", "not an RSS or Atom feed")])
def test_a_damaged_file_fails_alone_with_what_is_wrong(tmp_path: Path, name: str, data: bytes,
                                                       message: str) -> None:
    from summarize.reading import read_all

    (tmp_path / name).write_bytes(data)
    shutil.copy(ROOT / "tests" / "fixtures" / "english" / "carrefour_wire.txt", tmp_path)
    reading = read_all([tmp_path / name, tmp_path / "carrefour_wire.txt"])
    assert [d.id for d in reading.documents] == ["carrefour_wire"]
    (failure,) = reading.failures
    assert failure.source_path == str(tmp_path / name)
    assert (failure.error or "").startswith(message), failure.error


def test_digest_names_a_declared_language_as_given_not_detected(tmp_path: Path) -> None:
    line = json.dumps({"id": "de-1", "lang": "de", "text": "Der Umsatz stieg im Dezember "
                       "deutlich an und das Unternehmen stellte neue Leute ein."})
    done = cli("digest", "-", "--input-format", "jsonl", "--out", str(tmp_path / "o"),
               "--quiet", stdin=(line + "\n").encode())
    assert done.returncode == 1
    assert "<stdin>:1: not English (given as de); digest takes English text" in done.stderr
