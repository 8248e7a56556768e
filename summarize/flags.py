"""Command-line flags generated from the option dataclasses, and options built back from them.

Every field of ``summarize.options`` whose metadata has ``help`` becomes ``--field-name`` on the
commands it names, with the field's default and, for ``Literal`` fields, its choices; a
boolean that defaults to ``False`` is a switch (``--no-cache``), one that defaults to ``True``
is turned off by ``--no-<name>`` (``--no-retry``). Parsing the flags gives back the option
objects unchanged: ``options_from_args(parse(["run", …, "--batch-size", "8"]))`` equals
``TranslationOptions(batch_size=8)``.
"""

from __future__ import annotations

import argparse
import json
import typing
from dataclasses import MISSING, Field, fields
from functools import cache
from typing import Any, get_args, get_origin

from summarize.options import OPTION_CLASSES


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from exc
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of at least 0, got {value}")
    return value


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value.strip()


def _json_or_text(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _choices(hint: Any) -> tuple[str, ...] | None:
    if get_origin(hint) is typing.Literal:
        return tuple(str(c) for c in get_args(hint))
    return None


def _default(f: Field[Any]) -> Any:
    if f.default is not MISSING:
        return f.default
    if f.default_factory is not MISSING:
        return f.default_factory()
    return None


def option_fields(command: str) -> list[tuple[type, Field[Any]]]:
    """The option fields that are flags of ``command``, in help order."""
    return [(cls, f) for cls in OPTION_CLASSES for f in fields(cls)
            if "help" in f.metadata and command in f.metadata["commands"]]


def add_option_flags(parser: argparse.ArgumentParser, command: str) -> None:
    """Add a flag for every option field of ``command``."""
    for cls, f in option_fields(command):
        meta = f.metadata
        flag = "--" + f.name.replace("_", "-")
        default = _default(f)
        help_text = str(meta["help"])
        if isinstance(default, bool):
            if default:
                parser.add_argument("--no-" + f.name.replace("_", "-"), dest=f.name,
                                    action="store_false", help=help_text)
            else:
                parser.add_argument(flag, dest=f.name, action="store_true", help=help_text)
            continue
        kwargs: dict[str, Any] = {"dest": f.name, "help": help_text, "metavar": meta["metavar"]}
        choices = _choices(_hints(cls)[f.name])
        if choices:
            kwargs.update(choices=choices, metavar=None)
        kind = meta["kind"]
        if kind in ("pairs", "json_pairs"):
            kwargs.update(action="append", type=_key_value, default=[])
        else:
            kwargs["default"] = default
            if kind == "positive":
                kwargs["type"] = _positive
            elif kind == "number":
                kwargs["type"] = float
            elif kind == "count":
                kwargs["type"] = _count
        if default not in (None, {}, []) and not isinstance(default, dict):
            kwargs["help"] += f" (default: {default})"
        parser.add_argument(flag, **kwargs)


def options_from_args(args: argparse.Namespace) -> dict[type, Any]:
    """The option objects a parsed command line asks for, by class (defaults for fields the
    command has no flag for).

    Raises:
        OptionsError: a value the options refuse (e.g. ``--digest-sentences 30``).
        LanguageError: an unknown language code (``--source-lang xx``, ``--model xx=…``).
    """
    from summarize.languages import validate_code

    values: dict[type, dict[str, Any]] = {cls: {} for cls in OPTION_CLASSES}
    for cls, f in option_fields(args.command):
        value = getattr(args, f.name)
        kind = f.metadata["kind"]
        if kind == "pairs":
            value = {validate_code(k) if f.name == "model" else k: v for k, v in value}
        elif kind == "json_pairs":
            value = {k: _json_or_text(v) for k, v in value}
        elif kind == "language" and value is not None:
            value = validate_code(value)
        values[cls][f.name] = value
    return {cls: cls(**kwargs) for cls, kwargs in values.items()}
