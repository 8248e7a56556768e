#!/usr/bin/env python3
"""Consistency checker for the third blind brief set, blind3 (standard library only).

The checker of the second blind set (data/brief_eval_blind2/check.py), run on this folder with
the split name blind3: the helper who wrote this set adapted that checker, changing only the
split name, the paths and this docstring, so the two are one program.

What it checks is listed in that checker's docstring.

Usage: python3 data/brief_eval_blind3/check.py   (exit status 1 on any error)
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location(
    "blind2_check", HERE.parent / "brief_eval_blind2" / "check.py")
assert _SPEC is not None and _SPEC.loader is not None
_CHECK = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_CHECK)

if __name__ == "__main__":
    sys.exit(_CHECK.main(HERE, "blind3"))
