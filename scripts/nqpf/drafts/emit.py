"""New entries written as the curated files write them: block YAML, two-space indents,
list items under their key, dates in double quotes, long text folded (``>-``).

ruamel.yaml writes each new entry (so quoting is always right); the text is then
indented to sit in its file. Existing lines are never re-written: see accept.py.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
WIDTH = 96


def _yaml() -> YAML:
    y = YAML()
    y.width = WIDTH
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _prepare(value: Any) -> Any:
    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _prepare(item)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_prepare(v) for v in value)
        if value and all(isinstance(v, str) and len(v) < 40 and not _DATE.match(v) for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        if _DATE.match(value):
            return DoubleQuotedScalarString(value)
        if len(value) > 70 and "\n" not in value and "  " not in value and value == value.strip():
            return FoldedScalarString(value)
    return value


def mapping_text(entry: dict) -> list[str]:
    """The lines of ``entry`` as a top-level mapping."""
    out = io.StringIO()
    _yaml().dump(_prepare(entry), out)
    return out.getvalue().rstrip("\n").split("\n")


def item_text(entry: dict, indent: int = 0) -> str:
    """``entry`` as one item of a block list whose dash sits at column ``indent``."""
    lines = mapping_text(entry)
    pad = " " * indent
    body = [pad + "- " + lines[0]] + [(pad + "  " + line) if line else "" for line in lines[1:]]
    return "\n".join(body) + "\n"


def key_text(key: str, items: list[dict], indent: int) -> str:
    """``key:`` with ``items`` as its block list, the key at column ``indent``."""
    return " " * indent + f"{key}:\n" + "".join(item_text(item, indent + 2) for item in items)
