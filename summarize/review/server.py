"""Starting the review server: a socket, fresh secrets, the URL printed, uvicorn.

The server listens on 127.0.0.1 unless told otherwise, on the port asked for (0: a free one
chosen by the system), and prints the address with its token (as Jupyter does); that address
is the only way in. uvicorn runs it in this process until Ctrl-C or ``kill``.
"""

from __future__ import annotations

import socket
import sys
import threading
from typing import TYPE_CHECKING, TextIO

from summarize.errors import ReviewError

if TYPE_CHECKING:
    from summarize.options import ReviewOptions
    from summarize.review.session import ReviewSession


def bind(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port`` (port 0: a free one).

    Raises:
        ReviewError: the address cannot be used (taken, or not this machine's).
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise ReviewError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)  # connections wait in the backlog until uvicorn accepts them
    except OSError as exc:
        sock.close()
        raise ReviewError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return sock


def url_host(host: str) -> str:
    """How the host appears in a URL (``[::1]``; a wildcard address as ``127.0.0.1``)."""
    if host in ("", "0.0.0.0"):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


def serve(session: ReviewSession, options: ReviewOptions, *, out: TextIO | None = None) -> None:
    """Serve the review of ``session`` until interrupted.

    Args:
        session: The review.
        options: Host, port and whether to open a browser.
        out: Where the address is printed (standard output by default).

    Raises:
        ReviewError: the address cannot be used.
    """
    import uvicorn

    from summarize.review.app import ReviewApp
    from summarize.review.security import LOOPBACK, Secrets, allowed_hosts

    out = out or sys.stdout
    sock = bind(options.host, options.port)
    port = int(sock.getsockname()[1])
    keys = Secrets(port)
    app = ReviewApp(session, keys, allowed_hosts(options.host, port))
    url = f"http://{url_host(options.host)}:{port}/?token={keys.token}"
    if options.host not in LOOPBACK:
        print(f"summarize: warning: listening on {options.host}, not only on this machine; "
              "anyone who learns the address with its token can edit this review",
              file=sys.stderr)
    print(f"summarize: reviewing {session.out_dir} (store {session.store.path})\n"
          f"    {url}\nPress Ctrl-C to stop.", file=out, flush=True)
    config = uvicorn.Config(app.asgi(), log_level="warning", access_log=False,
                            server_header=False, proxy_headers=False, lifespan="off",
                            http="h11", loop="asyncio", ws="none", timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    if options.browser:
        threading.Thread(target=_open_when_started, args=(server, url), daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


def _open_when_started(server: object, url: str) -> None:
    import time
    import webbrowser

    for _ in range(200):
        if getattr(server, "started", False):
            webbrowser.open(url)
            return
        time.sleep(0.05)
