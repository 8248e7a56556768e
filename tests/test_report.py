"""The review page: content, escaping, and a real headless browser (Debian's chromium)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from summarize.cli import main
from summarize.outputs import write_outputs
from summarize.records import (
    Brief,
    Comparison,
    DigestLine,
    DocumentResult,
    FigureVariant,
    Flag,
    KeyFact,
    RunResult,
    SentenceRecord,
    Story,
    TimelineEntry,
)
from summarize.report import render_report
from summarize.view import risk_records

ROOT = Path(__file__).parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LONG_URL = "www.example.com/" + "-".join(["mistral-ai-raises-funding"] * 8) + ".html"


def sample_run() -> RunResult:
    arabic = DocumentResult(
        id="001_ar", source_path="seeds/001_ar.txt", language="ar", language_confidence=1.0,
        encoding="utf-8", translator={"engine": "ctranslate2", "model": "facebook/nllb"},
        sentences=[
            SentenceRecord("001_ar:1:1", 1, "استثمرت ASML مبلغ 1.3 مليار يورو.",
                           "ASML invested 1.3 billion euros.", score=-0.4213),
            SentenceRecord("001_ar:1:2", 1, "حصلت الشركة على حصة بنسبة 11%.",
                           "The company got a stake <script>alert(1)</script>.",
                           [Flag("number_lost", 'source number "11%" is not in the English', 2)]),
        ])
    arabic.digest = [DigestLine("ASML invested 1.3 billion euros.", ("001_ar:1:1",))]
    german = DocumentResult(
        id="003_de", source_path="seeds/003_de.txt", language="de", language_confidence=1.0,
        encoding="cp1252", translator={"engine": "transformers", "model": "opus-mt-de-en"},
        sentences=[SentenceRecord("003_de:1:1", 1, "Mistral muss Umsatz machen, sagte er.",
                                  "Mistral has to make revenue, he said.",
                                  [Flag("split", "translated in 2 pieces", 0)]),
                   SentenceRecord("003_de:2:1", 2, f"Mehr unter {LONG_URL}.",
                                  f"More at {LONG_URL}.")])
    german.digest = [
        DigestLine("Mistral has to make revenue, he said.", ("003_de:1:1",)),
        DigestLine("Mistral makes <b>money</b>.", ("003_de:1:1",), "abstractive",
                   (Flag("unsupported_name", "Lyon not in its source sentences", 2),)),
        DigestLine("Mistral has to make revenue, he said.", ("003_de:1:1",), "extractive",
                   (Flag("replaced", "quoted instead of the generated sentence", 1),),
                   replaced="Mistral earns 9 billion in Lyon.")]
    documents = [arabic, german]
    return RunResult(version="0.test", settings={"beams": 4, "summarizer_signature": {
                         "summarizer": "abstractive", "model": "tiny-bart"}},
                     documents=documents,
                     brief=Brief(stories=[Story(
                         "story-1", "ASML", "entity", ("001_ar", "003_de"), 1.5,
                         facts=(KeyFact("ASML invested 1.3 billion euros.", ("001_ar", "003_de"),
                                        ("001_ar:1:1", "003_de:1:1"), 1.5),
                                KeyFact("The start-up is known in the region as الشركة الناشئة",
                                        ("001_ar", "003_de"), ("001_ar:1:2", "003_de:1:1"),
                                        1.0)),
                         disagreements=(Comparison("disagreement", "investment", "ASML",
                                                   "same subject, measure, event and time", (
                             FigureVariant("1.3 billion euros", "ASML invested 1.3 billion "
                                           "euros.", ("001_ar",), ("001_ar:1:1",), ("c1",)),
                             FigureVariant("1.4 billion <euros>", "ASML put in 1.4 billion.",
                                           ("003_de",), ("003_de:1:1",), ("c2",)))),),
                         timeline=(
                             TimelineEntry("stake", "2024-06-01", "2024-06", "9%", 9.0, "%",
                                           ("001_ar",), ("001_ar:1:1",), ("c3",)),
                             TimelineEntry("stake", "2025-09-01", "2025-09", "11%", 11.0, "%",
                                           ("003_de",), ("003_de:1:1",), ("c4",))))],
                         undated=["003_de"]),
                     models=[{"model": "facebook/nllb", "revision": "abc123", "engine":
                              "ctranslate2", "device": "cpu", "languages": ["ar"]}],
                     timings={"translate": 1.2}, risks=risk_records(documents))


def test_page_content_links_and_escaping() -> None:
    page = render_report(sample_run().to_dict())
    assert page.startswith("<!doctype html>") and "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'id="s-001_ar-1-2"' in page and 'href="#s-001_ar-1-1"' in page
    assert 'lang="ar" dir="auto"' in page and 'lang="de" dir="auto"' in page
    assert "<bdi>ASML invested 1.3 billion euros.</bdi>" in page  # document text is isolated
    assert page.index('id="brief"') < page.index('id="risks"') < page.index('id="d-001_ar"')
    assert "number_lost" in page and "is not in the English" in page
    assert "abc123" in page and "ctranslate2" in page  # how the run was made
    assert "http://" not in page and "https://" not in page  # nothing fetched from outside
    assert "tiny-bart" in page  # nested settings (the summarizer's signature) are shown
    assert "model score -0.42" in page  # the model's own confidence, where it gave one


def test_brief_shows_stories_disagreements_and_an_inline_timeline_chart() -> None:
    page = render_report(sample_run().to_dict())
    brief = page[page.index('id="brief"'):page.index('id="risks"')]
    assert "<h3>1. <bdi>ASML</bdi></h3>" in brief and "Sources disagree" in brief
    assert "1.4 billion &lt;euros&gt;" in brief  # escaped
    assert brief.count("<svg") == 1 and brief.count("<circle") == 2 and "<title>" in brief
    assert "Dates are relative" in brief


def test_generated_and_replaced_digest_lines_are_marked() -> None:
    page = render_report(sample_run().to_dict())
    german = page[page.index('id="d-003_de"'):]
    assert ('<bdi>Mistral makes &lt;b&gt;money&lt;/b&gt;.</bdi> <span class="muted">(generated)'
            '</span>' in german)
    assert 'class="sev-2"><span class="code">unsupported_name</span>' in german
    assert "Generated sentence not used: <bdi>Mistral earns 9 billion in Lyon.</bdi>" in german


def test_report_command_and_run_outputs(tmp_path: Path) -> None:
    write_outputs(sample_run(), tmp_path)
    assert (tmp_path / "report.html").is_file()
    (tmp_path / "report.html").unlink()
    assert main(["report", str(tmp_path / "run.json")]) == 0
    assert (tmp_path / "report.html").read_text(encoding="utf-8").count("<tr id=") == 4
    assert main(["report", str(tmp_path / "missing.json")]) == 2


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                             "(apt-get install chromium)")
def test_page_in_a_real_headless_browser(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    write_outputs(sample_run(), tmp_path)
    url = (tmp_path / "report.html").resolve().as_uri()
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"])
        page = browser.new_page(viewport={"width": 1200, "height": 700})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        assert page.title().startswith("summarize review")
        direction = page.eval_on_selector('#s-001_ar-1-1 td.src',
                                          "el => getComputedStyle(el).direction")
        assert direction == "rtl"
        assert page.eval_on_selector('#s-003_de-1-1 td.src',
                                     "el => getComputedStyle(el).direction") == "ltr"
        # A brief item ending in Arabic keeps its citations in order: [001, 003], not [003, 001].
        cites = page.locator("#brief .story ul li:nth-of-type(2) .cites a")
        first, second = (cites.nth(i).bounding_box() for i in range(2))
        assert first is not None and second is not None and first["x"] < second["x"]
        # A long URL wraps: no sideways scrolling, and the Arabic column keeps its width.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        column = page.locator("#s-001_ar-1-1 td.src").bounding_box()
        assert column is not None and column["width"] > 300
        # The risk queue shows each flagged sentence and its English, not only ids and codes.
        risks = page.locator("#risks li").first.inner_text()
        assert "حصلت الشركة على حصة" in risks and "The company got a stake" in risks
        page.click('#d-003_de ol a[href="#s-003_de-1-1"]')  # a digest line's evidence link
        assert page.evaluate("location.hash") == "#s-003_de-1-1"
        box = page.locator("#s-003_de-1-1").bounding_box()
        assert box is not None and 0 <= box["y"] < 700  # scrolled into view
        assert page.eval_on_selector("#s-003_de-1-1", "el => el.matches(':target')")
        browser.close()
    assert errors == []
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_report_of_a_real_run_record_is_valid_json_roundtrip(tmp_path: Path) -> None:
    written = write_outputs(sample_run(), tmp_path)
    record = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert render_report(record) == (tmp_path / "report.html").read_text(encoding="utf-8")
    assert tmp_path / "report.html" in written
