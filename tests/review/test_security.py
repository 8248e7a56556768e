"""The review server's security, over HTTP against a real server on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest

from tests.review.conftest import RunFolder
from tests.review.reviewserver import ReviewServer

TURKISH_FIRST = "sentence:000_10d260935c3fa862:1:1"
XSS = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'


@pytest.fixture(scope="module")
def server(review_run: RunFolder,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReviewServer]:
    root = tmp_path_factory.mktemp("security")
    shutil.copytree(review_run.out, root / "out")
    with ReviewServer(root / "out", root / "cache", "--reviewer", "Sec") as running:
        yield running


@pytest.fixture(scope="module")
def csrf(server: ReviewServer) -> str:
    return server.csrf()


def test_it_listens_on_loopback_and_everything_needs_the_token(server: ReviewServer) -> None:
    assert server.host == "127.0.0.1" and len(server.token) >= 40
    for path in ("/", "/api/items", "/api/session", "/static/review.js", "/nope"):
        answer = server.request("GET", path, auth=False)
        assert answer.status == 403, path
        assert "token" in answer.text
    wrong = server.request("GET", "/", auth=False, headers={"Authorization": "Bearer nope"})
    assert wrong.status == 403
    assert server.request("GET", "/?token=wrong", auth=False).status == 403
    assert server.request("POST", "/api/action", {"item": TURKISH_FIRST}, auth=False).status \
        == 403


def test_the_token_in_the_url_becomes_a_strict_cookie_and_leaves_the_address(
        server: ReviewServer) -> None:
    answer = server.request("GET", f"/?doc=x&token={server.token}", auth=False)
    assert answer.status == 303 and answer.headers["location"] == "/?doc=x"
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    name_value = cookie.split(";")[0]
    page = server.request("GET", "/", auth=False, headers={"Cookie": name_value})
    assert page.status == 200 and "<h1>Review of out</h1>" in page.text
    other_port = name_value.replace(f"_{server.port}=", "_1=")
    assert server.request("GET", "/", auth=False, headers={"Cookie": other_port}).status == 403


def test_security_headers_and_no_external_resources(server: ReviewServer) -> None:
    page = server.request("GET", "/")
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "server" not in page.headers
    for text in (page.text, server.request("GET", "/static/review.js").text,
                 server.request("GET", "/static/review.css").text):
        assert "http://" not in text and "https://" not in text and "//cdn" not in text
    assert "<script>" not in page.text and " style=" not in page.text  # nothing inline


def test_a_foreign_host_header_is_refused(server: ReviewServer) -> None:
    """DNS rebinding: a page of evil.example resolving to 127.0.0.1 sends its own Host."""
    answer = server.request("GET", "/", headers={"Host": f"evil.example:{server.port}"})
    assert answer.status == 400 and "Host" in answer.text
    assert server.request("GET", "/", headers={"Host": f"localhost:{server.port}"}).status == 200


@pytest.mark.parametrize(("headers", "status"), [
    ({"X-CSRF-Token": ""}, 403),
    ({"X-CSRF-Token": "forged"}, 403),
    ({"Origin": "http://evil.example"}, 403),
    ({"Sec-Fetch-Site": "cross-site"}, 403),
    ({"Content-Type": "text/plain"}, 415),
    ({"Content-Type": "application/x-www-form-urlencoded"}, 415),
])
def test_state_changing_requests_need_post_csrf_json_and_this_origin(
        server: ReviewServer, csrf: str, headers: dict[str, str], status: int) -> None:
    before = server.item(TURKISH_FIRST)
    sent = {"X-CSRF-Token": csrf, **headers}
    answer = server.request("POST", "/api/action", {"item": TURKISH_FIRST, "action": "approve",
                                                    "version": before["version"]},
                            headers=sent)
    assert answer.status == status, answer.text
    assert server.item(TURKISH_FIRST) == before  # nothing changed


def test_reading_routes_do_not_change_state_and_acting_ones_refuse_get(
        server: ReviewServer) -> None:
    assert server.request("GET", "/api/action").status == 405
    assert server.request("GET", "/api/rebuild").status == 405
    assert server.request("POST", "/").status in (403, 405)


@pytest.mark.parametrize(("body", "status", "reason"), [
    ({"item": TURKISH_FIRST, "action": "edit", "version": 0, "text": ""}, 400, "empty"),
    ({"item": TURKISH_FIRST, "action": "edit", "version": 0, "text": " \n "}, 400, "empty"),
    ({"item": TURKISH_FIRST, "action": "edit", "version": 0, "text": "x" * 1_000_000}, 413,
     "larger than 64 KiB"),
    ({"item": TURKISH_FIRST, "action": "edit", "version": 0, "text": "x" * 6000}, 400,
     "at most 5000"),
    ({"item": "sentence:nope:1:1", "action": "approve", "version": 0}, 404, "no item"),
    ({"item": "../../run.json", "action": "approve", "version": 0}, 404, "no item"),
    ({"item": TURKISH_FIRST, "action": "reject", "version": 0}, 400, "approve, edit"),
    ({"item": TURKISH_FIRST, "action": "approve", "version": "0"}, 400, "version"),
    ({"item": TURKISH_FIRST, "action": "approve", "version": -1}, 400, "version"),
    ({"item": TURKISH_FIRST, "action": "edit", "version": 0, "text": "a\u0000b"}, 400,
     "control"),
    ({"item": TURKISH_FIRST, "action": "approve", "version": 0, "reviewer": "x" * 200}, 400,
     "name"),
    ({"action": "approve", "version": 0}, 400, "item"),
])
def test_bad_input_gets_a_clear_4xx(server: ReviewServer, csrf: str, body: dict[str, object],
                                    status: int, reason: str) -> None:
    answer = server.request("POST", "/api/action", body, csrf=csrf)
    assert answer.status == status, answer.text
    assert reason in answer.json()["error"]


@pytest.mark.parametrize(("raw", "reason"), [
    (b'{"item": "\xff\xfe", "action": "approve", "version": 0}', "not valid UTF-8"),
    (b"{not json", "not JSON"),
    (b'["a list"]', "JSON object"),
    (b'{"item": "sentence:000_10d260935c3fa862:1:1", "action": "edit", "version": 0, '
     b'"text": "lone \\ud800"}', "surrogate"),
])
def test_bodies_that_are_not_utf8_json_objects_are_refused(
        server: ReviewServer, csrf: str, raw: bytes, reason: str) -> None:
    answer = server.request("POST", "/api/action", raw, csrf=csrf,
                            headers={"Content-Type": "application/json"})
    assert answer.status == 400 and reason in answer.json()["error"]


def test_paths_come_from_the_run_never_from_the_request(server: ReviewServer) -> None:
    for path in ("/run.json", "/static/../run.json", "/static/%2e%2e/run.json",
                 "/api/items?id=../../../etc/passwd", "/report.html"):
        assert server.request("GET", path).status == 404, path


def test_what_a_user_typed_is_escaped_and_a_second_save_on_one_version_conflicts(
        server: ReviewServer, csrf: str) -> None:
    item = "sentence:000_10d260935c3fa862:2:1"
    version = server.item(item)["version"]
    first = server.act(item, "edit", version, csrf, text=XSS)
    assert first.status == 200 and first.json()["item"]["text"] == XSS
    second = server.act(item, "edit", version, csrf, text="The second tab's text.")
    assert second.status == 409
    conflict = second.json()
    assert conflict["current"]["text"] == XSS and conflict["current"]["version"] == version + 1
    assert "nothing was saved" in conflict["error"]
    page = server.request("GET", "/").text
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert ("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x "
            "onerror=alert(2)&gt;") in page
    listed = server.request("GET", "/api/items").json()["items"]
    assert json.dumps([i for i in listed if i["id"] == item]).count("onerror") == 1
