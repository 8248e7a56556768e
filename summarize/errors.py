"""Exceptions raised by summarize. Each carries a message meant for the person running it."""

from __future__ import annotations


class SummarizeError(Exception):
    """Base class for every error summarize raises on purpose."""


class InputError(SummarizeError):
    """An input file cannot be read or decoded; the message names the file and the reason."""


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


class LanguageError(SummarizeError):
    """A language cannot be detected or has no translation model."""


class DeviceError(SummarizeError, ValueError):
    """The device or precision asked for is not available here."""
