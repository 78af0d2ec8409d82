"""Load curated YAML with every value's line number, and without YAML 1.1 traps.

PyYAML follows YAML 1.1: ``2024-03-01`` becomes a date, ``no`` and ``on``
become booleans, and a repeated key silently wins. Curated data must not
change meaning like that, so this loader keeps dates and yes/no/on/off words
as strings (only ``true`` and ``false`` are booleans), reports duplicate keys,
and remembers the line of every value so that any later check can point at
``file:line``. The global PyYAML loader is left untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .rawtext import MAX_DATA_BYTES, read_text
from .report import Problem

Path_ = tuple[Any, ...]


# libyaml's parser when PyYAML was built with it (ten times faster on our files);
# resolving and constructing stay in Python either way, so behaviour is the same.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_Base):
    """SafeLoader minus the timestamp resolver and the yes/no/on/off booleans."""


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class Document:
    """One loaded YAML file: its data and the line of every value in it."""

    path: str
    data: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, where: Path_) -> int:
        """The line of the value at ``where``, or of its nearest ancestor."""
        where = tuple(where)
        while where not in self.lines and where:
            where = where[:-1]
        return self.lines.get(where, 1)

    def problem(self, where: Path_, message: str) -> Problem:
        label = ".".join(str(p) for p in where)
        return Problem(self.path, self.line(where), f"{label}: {message}" if label else message)


def _build(node: yaml.Node, loader: StrictLoader, doc: Document, where: Path_, problems: list[Problem]) -> Any:
    doc.lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                problems.append(Problem(doc.path, key_node.start_mark.line + 1, "a mapping key must be plain text"))
                continue
            if key in result:
                first = doc.lines.get(where + (key,), "?")
                problems.append(
                    Problem(doc.path, key_node.start_mark.line + 1, f"duplicate key {key!r} (first defined on line {first})")
                )
                continue
            result[key] = _build(value_node, loader, doc, where + (key,), problems)
            doc.lines[where + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loader, doc, where + (i,), problems) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _yaml_problem(path: str, err: yaml.YAMLError) -> Problem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    reason = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context", None)
    message = f"YAML syntax error: {reason}" + (f" ({context})" if context else "")
    if "\t" in message or "'\\t'" in message or "tab character" in message:
        message += "; indent with spaces, not tabs"
    return Problem(path, line, message)


def parse(path: str, text: str) -> tuple[Document, list[Problem]]:
    doc = Document(path)
    problems: list[Problem] = []
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            doc.data = _build(node, loader, doc, (), problems)
    except yaml.YAMLError as err:
        problems.append(_yaml_problem(path, err))
        doc.data = None
    finally:
        loader.dispose()
    return doc, problems


def load(path: str | Path, shown: str | None = None) -> tuple[Document, list[Problem]]:
    """Read, check and parse one YAML file; never raises. Problems name it ``shown`` (default: as given)."""
    name = shown or str(path)
    text, problems = read_text(path, shown=name, limit=MAX_DATA_BYTES)
    if text is None:
        return Document(name), problems
    return parse(name, text)
