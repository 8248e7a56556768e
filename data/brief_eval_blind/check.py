#!/usr/bin/env python3
"""Consistency checker for the blind held-out brief set (standard library only): the second
set's checker (data/brief_eval_blind2/check.py, whose docstring lists the checks) run on this
folder with the looser limits this set was written to (4-9 paragraphs, 2-5 key facts, no
sentence, url or outlet checks). Usage: python3 data/brief_eval_blind/check.py [-v]"""
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.argv = [sys.argv[0], str(HERE), "blind", "--first", *sys.argv[1:]]
runpy.run_path(str(HERE.parent / "brief_eval_blind2" / "check.py"), run_name="__main__")
