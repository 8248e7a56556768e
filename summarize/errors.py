"""Exceptions raised by summarize. Each carries a message meant for the person running it."""

from __future__ import annotations


class SummarizeError(Exception):
    """Base class for every error summarize raises on purpose."""


class InputError(SummarizeError):
    """An input cannot be found, read or decoded; the message names the file and the reason.

    Attributes:
        reason: What is wrong, without the file name (a document's ``error``).
        path: The file, when the error is about one.
    """

    def __init__(self, reason: str, path: str | None = None) -> None:
        super().__init__(f"{path}: {reason}" if path else reason)
        self.reason = reason
        self.path = path


class FetchError(InputError):
    """A page or feed cannot be fetched: a network error, an HTTP error status, a refused
    content type or a page over the size limit. It fails only its document; ``path`` is the
    URL asked for.

    Attributes:
        status: The HTTP status of the last answer, if there was one.
    """

    def __init__(self, reason: str, url: str, status: int | None = None) -> None:
        super().__init__(reason, url)
        self.status = status


class ModelUnavailableError(SummarizeError):
    """A translation model cannot be found or loaded.

    Attributes:
        hint: How to provide the model; printed once after a list of such errors.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint

    def __str__(self) -> str:
        message = super().__str__()
        return f"{message}\n{self.hint}" if self.hint else message


class OutputError(SummarizeError):
    """The output folder cannot be used or written; the previous outputs are untouched."""


class LanguageError(SummarizeError):
    """A language cannot be detected or has no translation model."""


class TranslationError(SummarizeError):
    """A text could not be translated (its batch failed, or its language has no model)."""


class ClusterError(SummarizeError):
    """Ray is not installed or cannot be reached, or a Ray job failed as a whole."""


class DeviceError(SummarizeError, ValueError):
    """The device or precision asked for is not available here."""


class OptionsError(SummarizeError, ValueError):
    """An option has a value summarize cannot use; the message says which and why."""


class RunInterrupted(KeyboardInterrupt):
    """The run was interrupted (Ctrl-C); what was translated so far is in the cache.

    Attributes:
        cached: The run's distinct sentences whose translation is in the cache.
        total: The run's distinct sentences to translate.
    """

    def __init__(self, cached: int, total: int) -> None:
        super().__init__(f"interrupted; {cached} of {total} sentences are cached")
        self.cached = cached
        self.total = total
        self.signal: str | None = None
        """The signal that stopped the run, when it was not Ctrl-C (``SIGTERM``)."""


class ReviewError(SummarizeError):
    """A review action cannot be taken: an unknown item, an edit that cannot be used, a
    conflict with another reviewer's save, or a run folder that cannot be reviewed."""
