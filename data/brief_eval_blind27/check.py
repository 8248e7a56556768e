#!/usr/bin/env python3
"""Consistency checker for the twenty-seventh blind brief set, blind27 (standard library only): the
second set's checker (data/brief_eval_blind2/check.py, whose docstring lists the checks) run on
this folder. Usage: python3 data/brief_eval_blind27/check.py [-v]   (exit status 1 on errors)"""
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.argv = [sys.argv[0], str(HERE), "blind27", *sys.argv[1:]]
runpy.run_path(str(HERE.parent / "brief_eval_blind2" / "check.py"), run_name="__main__")
