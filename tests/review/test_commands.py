"""`summarize review` refuses what it cannot serve, before listening; where it listens."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from summarize.cli import main
from summarize.errors import ReviewError
from summarize.options import ReviewOptions
from summarize.review.security import allowed_hosts
from summarize.review.server import bind, url_host
from tests.review.conftest import RunFolder


def test_a_folder_that_is_not_a_run_is_refused(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["review", str(tmp_path), "--no-browser", "--cache", str(tmp_path / "c")]) == 2
    assert "is not a run folder" in capsys.readouterr().err
    assert main(["review", str(tmp_path / "missing"), "--no-browser"]) == 2


def test_a_port_in_use_is_refused_before_anything_is_served(
        run_copy: RunFolder, capsys: pytest.CaptureFixture[str]) -> None:
    taken = bind("127.0.0.1", 0)
    port = taken.getsockname()[1]
    try:
        assert main(["review", str(run_copy.out), "--no-browser", "--port", str(port),
                     "--cache", str(run_copy.cache)]) == 2
    finally:
        taken.close()
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_it_listens_on_loopback_unless_told_otherwise() -> None:
    assert ReviewOptions().host == "127.0.0.1"
    sock = bind(ReviewOptions().host, 0)
    try:
        assert sock.family == socket.AF_INET and sock.getsockname()[0] == "127.0.0.1"
    finally:
        sock.close()
    assert allowed_hosts("127.0.0.1", 8000) == frozenset(
        {"127.0.0.1:8000", "localhost:8000", "[::1]:8000"})
    assert allowed_hosts("192.0.2.7", 8000) == frozenset({"192.0.2.7:8000"})
    assert allowed_hosts("0.0.0.0", 8000) is None  # any name: the token still guards it
    assert (url_host("::1"), url_host("0.0.0.0")) == ("[::1]", "127.0.0.1")
    with pytest.raises(ReviewError, match="cannot listen"):
        bind("192.0.2.1", 0)  # TEST-NET-1: not this machine's (and nothing is sent)
    with pytest.raises(ValueError, match="port"):
        ReviewOptions(port=70000)
