"""Joining (or starting) Ray for a run, and the errors of the Ray engine."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from summarize.errors import ClusterError, SummarizeError

__all__ = ["INSTALL_HINT", "ClusterError", "describe", "ray_session"]

INSTALL_HINT = "pip install 'summarize[ray]'"


@contextmanager
def ray_session(address: str | None) -> Iterator[None]:
    """Join the Ray cluster at ``address`` (``None``: start a local Ray) for the block.

    A process that has already joined a cluster (``ray.init`` called by the caller) keeps it,
    and it stays up afterwards; a session this function opened is closed at the end. Worker
    output is not echoed on the driver (errors come back per batch); it stays in the logs of
    the Ray session.

    Raises:
        ClusterError: Ray is not installed, or cannot be started or reached.
    """
    try:
        import ray
    except ImportError as exc:
        raise ClusterError(f"engine_cluster 'ray' needs Ray: {INSTALL_HINT}") from exc
    if ray.is_initialized():
        yield
        return
    kwargs: dict[str, Any] = {"address": address, "log_to_driver": False,
                              "logging_level": logging.WARNING}
    if address is None:
        kwargs["include_dashboard"] = False
    try:
        ray.init(**kwargs)
    except Exception as exc:  # ConnectionError, RuntimeError, ValueError …
        where = f"at {address}" if address else "on this machine"
        raise ClusterError(f"cannot start or join Ray {where}: {exc}") from exc
    try:
        yield
    finally:
        ray.shutdown()


def describe(exc: BaseException) -> str:
    """A one-line account of an error, for a document's ``error``."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, SummarizeError):
        return message or type(exc).__name__
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
