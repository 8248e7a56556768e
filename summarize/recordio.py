"""Reading a run record (``run.json``) back into the typed records it was written from.

:func:`from_dict` rebuilds any record dataclass of ``summarize.records`` from the dictionary
``dataclasses.asdict`` made of it, by the field types: nested records, lists, tuples (fixed
and variable length), optionals and plain values. Keys a record does not have are ignored and
missing keys take the field's default, so a run.json of an older or newer version reads as
far as it agrees with this one. ``RunResult.from_dict(json.load(...))`` is the entry point.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any, TypeVar, get_args, get_origin

from summarize.errors import InputError

T = TypeVar("T")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild a record of type ``cls`` from its ``asdict`` dictionary.

    Raises:
        InputError: ``data`` lacks a field that has no default, or a value has the wrong
            shape.
    """
    if not isinstance(data, Mapping):
        raise InputError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
    hints = _hints(typing.cast(type, cls))
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.name in data:
            values[field.name] = _convert(hints[field.name], data[field.name], field.name)
        elif (field.default is dataclasses.MISSING
              and field.default_factory is dataclasses.MISSING):
            raise InputError(f"{cls.__name__} lacks {field.name!r}")
    return cls(**values)


def _convert(hint: Any, value: Any, name: str) -> Any:
    origin, args = get_origin(hint), get_args(hint)
    if value is None:
        return None
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        for option in options:
            try:
                return _convert(option, value, name)
            except (InputError, TypeError, ValueError):
                continue
        raise InputError(f"{name}: {value!r} fits none of {options}")
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    if origin in (list, tuple) or hint in (list, tuple):
        if not isinstance(value, list | tuple):
            raise InputError(f"{name}: expected a list, got {type(value).__name__}")
        if origin is list:
            return [_convert(args[0], v, name) for v in value] if args else list(value)
        if args and len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v, name) for v in value)
        if args:
            return tuple(_convert(a, v, name) for a, v in zip(args, value, strict=True))
        return tuple(value)
    if origin is dict or hint is dict:
        if not isinstance(value, Mapping):
            raise InputError(f"{name}: expected an object, got {type(value).__name__}")
        if len(args) == 2:
            return {k: _convert(args[1], v, name) for k, v in value.items()}
        return dict(value)
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if hint in (int, str, bool) and not isinstance(value, hint):
        raise InputError(f"{name}: expected {hint.__name__}, got {type(value).__name__}")
    return value
