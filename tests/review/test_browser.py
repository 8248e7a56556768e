"""The whole loop in a real browser (Debian's chromium): approve, edit, filter, rebuild, reload,
restart the server, then a new run that takes the corrections without asking the model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import summarize
from tests.review.conftest import ARABIC, TURKISH, RunFolder
from tests.review.reviewserver import ReviewServer
from tests.translate.test_stage import RecordingRouter

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CORRECTED = ("French AI start-up Mistral AI said on Wednesday it will invest 1.2 billion "
             "euros (1.43 billion dollars) in digital infrastructure in Sweden.")
XSS = '<script>window.__xss = 1</script>"><img src=x onerror="window.__xss = 2">'


def row(page: Any, item: str) -> Any:
    return page.locator(f'tr[data-item="{item}"]')


def edit(page: Any, item: str, text: str) -> None:
    target = row(page, item)
    target.get_by_role("button", name="Edit").click()
    target.locator(".editor textarea").fill(text)
    target.get_by_role("button", name="Save").click()


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                             "(apt-get install chromium)")
def test_review_loop_in_a_real_browser(run_copy: RunFolder, tiny_models: dict[str, Path]) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    expect = sync_api.expect
    record = json.loads((run_copy.out / "run.json").read_text(encoding="utf-8"))
    turkish, arabic = record["documents"]
    body = [s for s in turkish["sentences"] if not s["heading"]]
    corrected, approved, hostile, contested = (f"sentence:{s['id']}" for s in body[:4])
    digest_items = ["digest:" + "+".join(line["evidence"]) for line in turkish["digest"]]
    rejected_evidence = turkish["digest"][-1]["evidence"]
    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[str] = []
    dialogs: list[str] = []
    server = ReviewServer(run_copy.out, run_copy.cache, "--reviewer", "Editor").start()
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            for tab in (page,):
                tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                tab.on("pageerror", lambda e: errors.append(str(e)))
                tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(server.url)
            assert page.url == f"http://127.0.0.1:{server.port}/"  # the token left the address
            second = context.new_page()  # another tab, same editor
            second.on("pageerror", lambda e: errors.append(str(e)))
            second.goto(f"http://127.0.0.1:{server.port}/")
            page.bring_to_front()  # a tab in the background is throttled

            row(page, approved).get_by_role("button", name="Approve").click()
            expect(row(page, approved).locator(".status")).to_have_text("approved")
            edit(page, corrected, CORRECTED)
            expect(row(page, corrected).locator(".status")).to_have_text("corrected")
            expect(row(page, corrected).locator(".text")).to_have_text(CORRECTED)
            edit(page, hostile, XSS)
            expect(row(page, hostile).locator(".text")).to_have_text(XSS)  # shown as text

            # Two tabs, one sentence: the second save is refused and shows both texts.
            edit(page, contested, "The first tab's English.")
            expect(row(page, contested).locator(".status")).to_have_text("corrected")
            second.bring_to_front()
            edit(second, contested, "The second tab's English.")
            conflict = row(second, contested).locator(".conflict")
            expect(conflict).to_be_visible()
            expect(conflict.locator(".theirs")).to_have_text("The first tab's English.")
            expect(conflict.locator("textarea.mine")).to_have_value("The second tab's English.")
            second.screenshot(path=str(ARTIFACTS / "review-conflict.png"))
            conflict.get_by_role("button", name="Save mine instead").click()
            expect(row(second, contested).locator(".text")).to_have_text(
                "The second tab's English.")
            expect(conflict).to_be_hidden()
            second.close()
            page.bring_to_front()

            first_line = page.locator(f'li[data-item="{digest_items[0]}"]')
            first_line.get_by_role("button", name="Approve").click()
            expect(first_line.locator(".status")).to_have_text("approved")
            last_line = page.locator(f'li[data-item="{digest_items[-1]}"]')
            last_line.get_by_role("button", name="Reject").click()
            expect(last_line.locator(".status")).to_have_text("rejected")
            last_line.locator("summary").click()  # its evidence, one click away
            expect(last_line.locator("details.evidence li").first).to_contain_text(
                rejected_evidence[0])
            page.screenshot(path=str(ARTIFACTS / "review-edited.png"))
            page.locator("#digests").screenshot(path=str(ARTIFACTS / "review-digests.png"))

            # Filters: one document (through the form), unreviewed only, one flag, riskiest.
            page.select_option('select[name="doc"]', arabic["id"])
            page.get_by_role("button", name="Show").click()
            shown = page.locator("#sentences tr.item")
            assert shown.count() == len(arabic["sentences"])
            assert page.eval_on_selector("#sentences tr.item td.src",
                                         "el => getComputedStyle(el).direction") == "rtl"
            page.goto(f"http://127.0.0.1:{server.port}/?unreviewed=1")
            reviewed = {corrected, approved, hostile, contested}
            ids = page.eval_on_selector_all("#sentences tr.item",
                                            "rs => rs.map(r => r.dataset.item)")
            assert ids and not reviewed & set(ids)
            page.goto(f"http://127.0.0.1:{server.port}/?flag=number_lost")
            codes = page.eval_on_selector_all(
                "#sentences tr.item", "rs => rs.map(r => [...r.querySelectorAll('.flags .code')]"
                ".map(c => c.textContent))")
            assert codes and all("number_lost" in c for c in codes)
            page.goto(f"http://127.0.0.1:{server.port}/?order=risk")
            risks = page.eval_on_selector_all("#sentences tr.item",
                                              "rs => rs.map(r => Number(r.dataset.risk))")
            assert risks == sorted(risks, reverse=True) and risks[0] > risks[-1]

            # Rebuild: the digests and brief are made again from the corrected English.
            with page.expect_navigation(timeout=30_000):
                page.click("#rebuild")
            expect(page.locator("#digests")).to_contain_text(CORRECTED)
            expect(row(page, corrected).locator(".status")).to_have_text("corrected")
            page.locator("#digests").screenshot(path=str(ARTIFACTS / "review-rebuilt.png"))
            page.reload()
            expect(row(page, approved).locator(".status")).to_have_text("approved")
            expect(page.locator(f'li[data-item="{digest_items[-1]}"] .status')).to_have_text(
                "rejected")

            # Restart the server (kill -9): every review is still there.
            server.kill()
            server = ReviewServer(run_copy.out, run_copy.cache).start()
            page.goto(server.url)
            expect(row(page, approved).locator(".status")).to_have_text("approved")
            expect(row(page, contested).locator(".text")).to_have_text("The second tab's English.")
            expect(row(page, corrected).locator(".text")).to_have_text(CORRECTED)
            page.screenshot(path=str(ARTIFACTS / "review-restarted.png"))
            assert page.evaluate("window.__xss") is None and dialogs == []
            browser.close()
    finally:
        server.stop()
    assert errors == []

    rebuilt = json.loads((run_copy.out / "run.json").read_text(encoding="utf-8"))
    sentences = {s["id"]: s for d in rebuilt["documents"] for s in d["sentences"]}
    assert sentences[corrected[9:]]["english"] == CORRECTED
    assert sentences[corrected[9:]]["origin"] == sentences[approved[9:]]["origin"] == "human"
    new_digest = rebuilt["documents"][0]["digest"]
    assert any(CORRECTED in line["text"] for line in new_digest)
    assert all(not set(line["evidence"]) & set(rejected_evidence) for line in new_digest)
    assert 'class="origin human"' in (run_copy.out / "report.html").read_text(encoding="utf-8")
    assert CORRECTED in (run_copy.out / "digests" / f"{turkish['id']}.md").read_text(
        encoding="utf-8")

    # A new run with the same cache takes the reviewed sentences from the memory.
    options = summarize.TranslationOptions(
        model={"tr": str(tiny_models["marian"])}, nllb_model=str(tiny_models["nllb"]), beams=2,
        retry=False, cache=str(run_copy.cache))
    router = RecordingRouter(options)
    result = summarize.run([TURKISH, ARABIC], translation=options, router=router)
    again = {s.id: s for d in result.documents for s in d.sentences}
    expected = {corrected: CORRECTED, approved: body[1]["english"], hostile: XSS,
                contested: "The second tab's English."}
    for item, english in expected.items():
        sentence = again[item[9:]]
        assert (sentence.english, sentence.origin) == (english, "human")
        assert [(f.code, f.severity) for f in sentence.flags] == [("human", 0)]
    sent = [t for r in router.wrapped.values() for texts, _ in r.calls for t in texts]
    sources = [again[item[9:]].source for item in expected]
    assert sent and all(t not in s and s not in t for t in sent for s in sources)
