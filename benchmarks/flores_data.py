"""The FLORES-200 files both audit benchmarks read, and the split they share.

``data/flores/`` holds line-aligned FLORES-200 dev sentences (source, human reference, and the
real opus-mt and NLLB-200 outputs; see its README). Every line belongs to one half, fixed before
the audits were tuned: an even 0-based line *tunes* (its errors may be read), an odd one is
*held out* (only scored). A few Arabic lines are left out of both halves: their source is a
different sentence from the reference.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parents[1]
#: MT systems of the FLORES folder: file stem → how the tables name it.
SYSTEMS = {"opusmt": "opus-mt", "nllb": "NLLB-200"}
#: 0-based lines whose Arabic source is a different sentence from the reference (checked by hand:
#: both MT outputs follow the source, e.g. line 125 is about Louis XVI, its reference about The
#: Onion). They are left out, since the reference cannot judge them.
MISALIGNED = {"ar": frozenset({125, 130, 165})}

Half = Literal["tuning", "held-out"]


def half_of(index: int) -> Half:
    """The half of a 0-based FLORES line: even lines tune, odd lines are held out."""
    return "tuning" if index % 2 == 0 else "held-out"


def scored(lang: str, index: int, half: Half | None = None) -> bool:
    """Whether a line is scored in ``half`` (or in either, for None)."""
    return index not in MISALIGNED.get(lang, ()) and half in (None, half_of(index))


def default_flores() -> Path:
    """The FLORES folder of the repository, or the shared copy."""
    local = ROOT / "data" / "flores"
    return local if local.is_dir() else Path("/work/shared/data/flores")


def read_lines(folder: Path, name: str) -> list[str]:
    """One file of the FLORES folder, as lines."""
    return (folder / name).read_text(encoding="utf-8").splitlines()
