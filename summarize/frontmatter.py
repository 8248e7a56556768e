"""Front matter: a ``---`` YAML block at the top of a ``.md`` or ``.txt`` file.

::

    ---
    date: 2025-03-11
    title: Norvia Robotics raises €450 million
    outlet: Atlas Wire
    url: https://example.org/norvia
    author: Claire Fontaine
    ---
    Norvia Robotics, the French maker of warehouse robots, said on Tuesday …

The block gives the document's metadata (the brief dates relative expressions by ``date``);
the text after it is the document. Values are kept as strings (a YAML date becomes
``2025-03-11``); a block that is not a mapping of YAML scalars is left in the text, so nothing
is lost, and the reason is recorded under ``front_matter_error``.
"""

from __future__ import annotations

import datetime as _dt
import re

_BLOCK = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                    re.DOTALL | re.MULTILINE)
#: Front matter larger than this is not front matter.
MAX_FRONT_MATTER = 10_000


def _scalar(value: object) -> str:
    if isinstance(value, _dt.datetime | _dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``text`` into its front matter and the rest.

    Args:
        text: The whole file as decoded.

    Returns:
        The metadata (lower-case keys, string values; empty when there is no block) and the
        text without the block. When the block cannot be read, the text is returned whole
        and the metadata holds only ``front_matter_error``.
    """
    match = _BLOCK.match(text)
    if match is None or len(match.group(1)) > MAX_FRONT_MATTER:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())
        return {"front_matter_error": f"not valid YAML ({reason[:200]})"}, text
    if data is None:
        return {}, text[match.end():]
    if not isinstance(data, dict) or any(isinstance(v, dict | list) for v in data.values()):
        return {"front_matter_error": "not a mapping of plain values"}, text
    metadata = {str(k).strip().lower(): _scalar(v) for k, v in data.items() if v is not None}
    return metadata, text[match.end():]
