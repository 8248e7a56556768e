"""The review server's guard: who may ask, and what every answer carries.

An ASGI middleware in front of the whole app (:class:`Guard`):

- **Host**: on a loopback address, the ``Host`` header must name the server
  (``127.0.0.1:PORT``, ``localhost:PORT``, ``[::1]:PORT``), which defeats DNS rebinding.
- **Token**: every request must carry the random token printed with the URL, as
  ``?token=`` (a ``GET`` with it is answered with a cookie, ``HttpOnly`` and
  ``SameSite=Strict``, and a redirect to the same address without it) or as
  ``Authorization: Bearer``; or the cookie. Anything else gets 403.
- **CSRF**: a request that changes anything is a ``POST`` (the routes refuse other
  methods), with the page's CSRF token in ``X-CSRF-Token``, a JSON body
  (``Content-Type: application/json``), and, when the browser says where it comes from
  (``Origin``, ``Sec-Fetch-Site``), this very origin.
- **Headers** on every answer: a Content-Security-Policy that allows nothing from outside
  (scripts and styles only from this server, no inline script, no frames), ``nosniff``,
  no referrer, no caching, ``X-Frame-Options: DENY``.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

if TYPE_CHECKING:
    from starlette.requests import Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = (
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=()"),
    ("cache-control", "no-store"),
)
SAFE_METHODS = frozenset({"GET", "HEAD"})
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def same(a: str | None, b: str) -> bool:
    """Constant-time comparison of a secret with what a request gave (any text)."""
    return a is not None and secrets.compare_digest(a.encode("utf-8", "replace"),
                                                    b.encode("utf-8"))


def allowed_hosts(host: str, port: int) -> frozenset[str] | None:
    """The ``Host`` headers the server answers to; None (any) on a wildcard address."""
    if host in ("", "0.0.0.0", "::"):
        return None
    names = set(LOOPBACK) if host in LOOPBACK else {host}
    return frozenset(f"[{n}]:{port}" if ":" in n else f"{n}:{port}" for n in names)


class Secrets:
    """The tokens of one server, made fresh each time it starts.

    Attributes:
        token: Goes into the printed URL; grants access.
        session: The cookie's value once the token was shown.
        csrf: Must accompany every POST (the page carries it).
        cookie: The cookie's name (one per port: cookies do not tell ports apart).
    """

    def __init__(self, port: int) -> None:
        self.token = secrets.token_urlsafe(32)
        self.session = secrets.token_urlsafe(32)
        self.csrf = secrets.token_urlsafe(32)
        self.cookie = f"summarize_review_{port}"


class Guard:
    """The middleware (see the module docstring).

    Args:
        app: The ASGI app it protects.
        keys: The server's secrets.
        hosts: The ``Host`` headers allowed (see :func:`allowed_hosts`).
    """

    def __init__(self, app: ASGIApp, keys: Secrets, hosts: frozenset[str] | None) -> None:
        self.app = app
        self.keys = keys
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return  # no websockets, no lifespan
        from starlette.requests import Request

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS]
                message["headers"] = headers
            await send(message)

        request = Request(scope)
        refusal = self._refusal(request)
        if refusal is not None:
            status, text = refusal
            await _answer(secured, status, text, json_body=request.url.path.startswith("/api"))
            return
        token = request.query_params.get("token")
        if token is not None and request.method in SAFE_METHODS:
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            location = request.url.path + (f"?{urlencode(rest)}" if rest else "")
            cookie = (f"{self.keys.cookie}={self.keys.session}; HttpOnly; SameSite=Strict; "
                      "Path=/")
            await secured({"type": "http.response.start", "status": 303, "headers": [
                (b"location", location.encode()), (b"set-cookie", cookie.encode()),
                (b"content-length", b"0")]})
            await secured({"type": "http.response.body", "body": b""})
            return
        await self.app(scope, receive, secured)

    def _refusal(self, request: Request) -> tuple[int, str] | None:
        """Why a request is refused (its status and reason), or None."""
        headers = request.headers
        host = headers.get("host", "").lower()
        if self.hosts is not None and host not in self.hosts:
            return 400, "unexpected Host header: this server answers to its own address only"
        auth = headers.get("authorization", "")
        bearer = auth[7:] if auth.lower().startswith("bearer ") else None
        if not (same(request.cookies.get(self.keys.cookie), self.keys.session)
                or same(bearer, self.keys.token)
                or same(request.query_params.get("token"), self.keys.token)):
            return 403, ("missing or wrong token: open the address `summarize review` "
                         "printed (it carries the token)")
        if request.method in SAFE_METHODS:
            return None
        origin = headers.get("origin")
        if origin is not None and origin.lower() != f"http://{host}":
            return 403, f"a request from another origin ({origin[:100]}) is refused"
        if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return 403, "a cross-site request is refused"
        if not same(headers.get("x-csrf-token"), self.keys.csrf):
            return 403, "missing or wrong CSRF token (X-CSRF-Token): reload the page"
        if headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            return 415, "send JSON (Content-Type: application/json)"
        return None


async def _answer(send: Send, status: int, text: str, *, json_body: bool) -> None:
    body = (json.dumps({"error": text}) if json_body else text + "\n").encode("utf-8")
    kind = b"application/json" if json_body else b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", kind), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
