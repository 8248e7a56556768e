"""A real `summarize review` server in a subprocess, and a small HTTP client for it."""

from __future__ import annotations

import http.client
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).parents[2]
URL = re.compile(r"http://\S+/\?token=\S+")


@dataclass
class Answer:
    """One HTTP answer."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class ReviewServer:
    """``python -m summarize review OUT --no-browser --port 0 …``, started and stopped."""

    def __init__(self, out: Path, cache: Path, *extra: str) -> None:
        self.args = [sys.executable, "-m", "summarize", "review", str(out), "--no-browser",
                     "--port", "0", "--cache", str(cache), *extra]
        self.process: subprocess.Popen[str] | None = None
        self.url = ""
        self.lines: list[str] = []

    def start(self, timeout: float = 30.0) -> ReviewServer:
        self.process = subprocess.Popen(self.args, cwd=ROOT, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True,
                                        env={**os.environ, "PYTHONUNBUFFERED": "1"})
        found: queue.Queue[str] = queue.Queue()

        def read() -> None:
            assert self.process is not None and self.process.stdout is not None
            for line in self.process.stdout:
                self.lines.append(line)
                match = URL.search(line)
                if match:
                    found.put(match.group(0))

        threading.Thread(target=read, daemon=True).start()
        try:
            self.url = found.get(timeout=timeout)
        except queue.Empty as exc:
            self.stop()
            raise AssertionError("the review server printed no URL:\n"
                                 + "".join(self.lines)) from exc
        return self

    @property
    def port(self) -> int:
        port = urlsplit(self.url).port
        assert port is not None
        return port

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def token(self) -> str:
        return self.url.split("token=", 1)[1]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body: bytes | str | dict[str, Any] | None = None,
                headers: dict[str, str] | None = None, *, auth: bool = True,
                csrf: str | None = None, timeout: float = 10.0) -> Answer:
        """One request; ``auth`` sends the token as a bearer, ``csrf`` the CSRF header."""
        sent = {"Content-Type": "application/json"} if body is not None else {}
        if auth:
            sent["Authorization"] = f"Bearer {self.token}"
        if csrf is not None:
            sent["X-CSRF-Token"] = csrf
        sent.update(headers or {})
        data = (json.dumps(body).encode() if isinstance(body, dict)
                else body.encode() if isinstance(body, str) else body)
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()},
                          response.read())
        finally:
            connection.close()

    def csrf(self) -> str:
        return str(self.request("GET", "/api/session").json()["csrf"])

    def act(self, item: str, action: str, version: int, csrf: str, **extra: Any) -> Answer:
        return self.request("POST", "/api/action", {"item": item, "action": action,
                                                    "version": version, **extra}, csrf=csrf)

    def item(self, item: str) -> dict[str, Any]:
        from urllib.parse import quote

        answer = self.request("GET", f"/api/items?id={quote(item)}")
        assert answer.status == 200, answer.text
        return dict(answer.json()["item"])

    def kill(self) -> None:
        """``kill -9``: nothing gets a chance to finish."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> ReviewServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
