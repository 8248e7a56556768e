"""The review web app: a Starlette application over one :class:`ReviewSession`.

Routes (all behind :class:`~summarize.review.security.Guard`):

========================  ======  ====================================================
``/``                     GET     the review page (filters as query parameters:
                                  ``order=risk``, ``unreviewed=1``, ``doc=ID``,
                                  ``flag=CODE``)
``/static/review.js``     GET     the page's script
``/static/review.css``    GET     its styles
``/api/session``          GET     ``{"csrf", "reviewer"}``
``/api/items``            GET     every item's state (``?id=`` for one)
``/api/action``           POST    ``{"item", "action", "version", "text"?, "reviewer"?}``:
                                  200 with the item's new state, 409 with the current one
                                  when ``version`` is not the item's
``/api/rebuild``          POST    ``{"reviewer"?}``: apply the reviews, rebuild, rewrite
========================  ======  ====================================================

Items are found by id in the session; nothing in a request ever names a file.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from summarize.errors import ReviewError, SummarizeError
from summarize.review.security import ASGIApp, Guard, Secrets
from summarize.review.session import BusyError, ReviewSession, UnknownItemError
from summarize.review.store import ConflictError

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

#: The largest request body read, in bytes (an edit is one sentence).
MAX_BODY = 64 * 1024
#: A larger body is still read (and dropped) up to this, so that the client sees the 413.
DRAIN_LIMIT = 4 * 1024 * 1024


class BadRequest(Exception):
    """A request the app answers with a 4xx and a reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


async def read_json(request: Request) -> dict[str, Any]:
    """The JSON object of a request body.

    Raises:
        BadRequest: 413 over :data:`MAX_BODY` bytes; 400 not UTF-8, not JSON, not an object.
    """
    declared = request.headers.get("content-length", "")
    too_large = BadRequest(413, f"the request is larger than {MAX_BODY // 1024} KiB; one "
                                "sentence is much less")
    if declared.isdigit() and int(declared) > DRAIN_LIMIT:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > DRAIN_LIMIT:
            raise too_large
        if size <= MAX_BODY:
            chunks.append(chunk)
    if size > MAX_BODY:
        raise too_large
    try:
        text = b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(400, f"the request body is not valid UTF-8 (byte {exc.start})") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise BadRequest(400, f"the request body is not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise BadRequest(400, "the request body must be a JSON object")
    return data


def _version(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BadRequest(400, "version must be the item's version as the page showed it "
                              "(a whole number of at least 0)")
    return value


class ReviewApp:
    """The app's state: the session, the server's secrets and the routes over them.

    Args:
        session: The review.
        keys: The server's tokens.
        hosts: The ``Host`` headers allowed (``summarize.review.security.allowed_hosts``).
    """

    def __init__(self, session: ReviewSession, keys: Secrets,
                 hosts: frozenset[str] | None) -> None:
        self.session = session
        self.keys = keys
        self.hosts = hosts

    def asgi(self) -> ASGIApp:
        """The ASGI application: the routes behind the guard."""
        from starlette.applications import Starlette
        from starlette.routing import Route

        routes = [Route("/", self.page, methods=["GET"]),
                  Route("/static/review.js", self.script, methods=["GET"]),
                  Route("/static/review.css", self.styles, methods=["GET"]),
                  Route("/favicon.ico", self.favicon, methods=["GET"]),
                  Route("/api/session", self.session_info, methods=["GET"]),
                  Route("/api/items", self.items, methods=["GET"]),
                  Route("/api/action", self.action, methods=["POST"]),
                  Route("/api/rebuild", self.rebuild, methods=["POST"])]
        return Guard(Starlette(routes=routes), self.keys, self.hosts)

    async def page(self, request: Request) -> Response:
        """The review page, filtered as the query asks."""
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import HTMLResponse

        from summarize.review.pages import Filters, render_page

        filters = Filters.from_query(request.query_params)
        html = await run_in_threadpool(render_page, self.session, filters, self.keys.csrf)
        return HTMLResponse(html)

    async def script(self, request: Request) -> Response:
        """The page's script."""
        from starlette.responses import Response

        from summarize.review.assets import SCRIPT

        return Response(SCRIPT, media_type="text/javascript; charset=utf-8")

    async def styles(self, request: Request) -> Response:
        """The page's styles."""
        from starlette.responses import Response

        from summarize.review.assets import styles

        return Response(styles(), media_type="text/css; charset=utf-8")

    async def favicon(self, request: Request) -> Response:
        """No icon (and no 404 for the browser to report)."""
        from starlette.responses import Response

        return Response(status_code=204)

    async def session_info(self, request: Request) -> Response:
        """The CSRF token and the default reviewer, for API clients."""
        from starlette.responses import JSONResponse

        return JSONResponse({"csrf": self.keys.csrf, "reviewer": self.session.reviewer})

    async def items(self, request: Request) -> Response:
        """Every item's state, or one's (``?id=``)."""
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import JSONResponse

        wanted = request.query_params.get("id")
        try:
            if wanted is not None:
                view = await run_in_threadpool(self.session.view, wanted)
                return JSONResponse({"item": view.to_dict()})
            views = await run_in_threadpool(self.session.views)
        except UnknownItemError as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)
        return JSONResponse({"items": [v.to_dict() for v in views]})

    async def action(self, request: Request) -> Response:
        """One action on one item."""
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import JSONResponse

        try:
            data = await read_json(request)
            item, action = data.get("item"), data.get("action")
            if not isinstance(item, str) or not isinstance(action, str):
                raise BadRequest(400, "give the item's id and the action as text")
            version = _version(data.get("version"))
            view = await run_in_threadpool(
                lambda: self.session.act(item, action, version=version, text=data.get("text"),
                                         reviewer=data.get("reviewer")))
        except BadRequest as exc:
            return JSONResponse({"error": exc.reason}, status_code=exc.status)
        except ConflictError as exc:
            current = await run_in_threadpool(self.session.view, str(data["item"]))
            return JSONResponse({"error": str(exc), "current": current.to_dict()},
                                status_code=409)
        except UnknownItemError as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)
        except ReviewError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse({"item": view.to_dict()})

    async def rebuild(self, request: Request) -> Response:
        """Apply the reviews, rebuild digests and brief, rewrite the run's files."""
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import JSONResponse

        try:
            data = await read_json(request)
            done = await run_in_threadpool(self.session.rebuild, data.get("reviewer"))
        except BadRequest as exc:
            return JSONResponse({"error": exc.reason}, status_code=exc.status)
        except BusyError as exc:
            return JSONResponse({"error": str(exc)}, status_code=409)
        except ReviewError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        except SummarizeError as exc:  # the outputs could not be written: nothing changed
            return JSONResponse({"error": str(exc)}, status_code=500)
        return JSONResponse(done)
