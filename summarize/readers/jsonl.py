"""JSON Lines input: one document per line, ``{"id", "text", "lang"?, "date"?, "url"?,
"title"?}`` (``author`` and ``outlet`` are read too; other keys are ignored).

A line that cannot be used (not JSON, no ``id`` or ``text``, an unknown language code, a date
that is not ISO 8601, an id given twice) fails alone with its line number; the others are read.
An id is made safe as a file name: characters other than letters, digits, ``-``, ``_`` and
``.`` become ``-``. ``lang`` is trusted: the document is not run through language detection.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from summarize.errors import InputError, LanguageError

_UNSAFE = re.compile(r"[^\w.-]+")
_TEXT_KEYS = ("title", "url", "author", "outlet")


@dataclass(frozen=True)
class Line:
    """One line of a JSON Lines input.

    Attributes:
        number: The line number (1-based).
        id: The document id (made safe), if the line has a usable one.
        text: The document's text, None when the line failed.
        language: The declared language (``lang``), ISO 639-1.
        metadata: ``date``, ``url``, ``title``, ``author``, ``outlet`` as given.
        error: Why the line cannot be read, or None.
    """

    number: int
    id: str | None
    text: str | None = None
    language: str | None = None
    metadata: dict[str, str] = field(default_factory=dict, hash=False)
    error: str | None = None


def safe_id(value: object) -> str:
    """A document id usable as a file name (``"2025/03 x"`` → ``"2025-03-x"``)."""
    return _UNSAFE.sub("-", str(value)).strip("-.")


def _iso_date(value: str) -> str:
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ValueError(f"date {value!r} is not an ISO 8601 date (YYYY-MM-DD)") from None


def _line(number: int, raw: str, seen: dict[str, int]) -> Line:
    try:
        record = json.loads(raw)
    except ValueError as exc:
        return Line(number, None, error=f"line {number}: not valid JSON ({exc})")
    if not isinstance(record, dict):
        return Line(number, None, error=f"line {number}: not a JSON object")
    given = record.get("id")
    if isinstance(given, bool) or not isinstance(given, str | int) or not safe_id(given):
        return Line(number, None, error=f'line {number}: no usable "id" (a string or number)')
    doc_id = safe_id(given)
    if doc_id in seen:
        return Line(number, None, error=f"line {number}: id {doc_id!r} is given again (first "
                                        f"on line {seen[doc_id]})")
    seen[doc_id] = number
    text = record.get("text")
    if not isinstance(text, str):
        return Line(number, doc_id, error=f'line {number}: no "text" string')
    metadata: dict[str, str] = {}
    language = None
    try:
        for key in _TEXT_KEYS:
            value = record.get(key)
            if value is not None:
                if not isinstance(value, str):
                    raise ValueError(f'"{key}" must be a string')
                if value.strip():
                    metadata[key] = " ".join(value.split())
        if record.get("date") is not None:
            if not isinstance(record["date"], str):
                raise ValueError('"date" must be a string')
            metadata["date"] = _iso_date(record["date"])
        if record.get("lang") is not None:
            from summarize.languages import validate_code

            if not isinstance(record["lang"], str):
                raise ValueError('"lang" must be a string')
            language = validate_code(re.split(r"[-_]", record["lang"].strip())[0])
            metadata["language"] = record["lang"].strip()
    except (ValueError, LanguageError) as exc:
        return Line(number, doc_id, error=f"line {number}: {exc}")
    return Line(number, doc_id, text, language, metadata)


def read_jsonl(data: bytes, name: str, **_: object) -> list[Line]:
    """Read every line of a JSON Lines input; blank lines are passed over.

    Raises:
        InputError: the input is not UTF-8 (the whole input fails: its lines cannot be told).
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"JSON Lines must be UTF-8 (byte {exc.start} is not)", name) from exc
    seen: dict[str, int] = {}
    return [_line(number, raw, seen) for number, raw in enumerate(text.splitlines(), start=1)
            if raw.strip()]
