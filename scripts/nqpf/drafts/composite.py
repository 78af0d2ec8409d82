"""A draft checked by the same rules as the curated data: the data as if the draft were accepted.

:func:`combine` lays the draft's entries over the curated files in memory:
``add`` entries go after each file's own, ``extend`` items after an entry's own
list items. Every rule then runs unchanged on the combination; a problem in a
drafted part points at the draft's own ``file:line`` (the :class:`Overlay`
documents translate the position), a problem elsewhere at its curated file.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..checks import run_checks
from ..checks.dates import order_key
from ..checks.schema import TODO_LEFT
from ..curated import Curated
from ..kinds import DATASET_NAMES, role
from ..report import Problem
from ..yamlfile import Document

Where = tuple[Any, ...]
DATED = role("feed").dataset


@dataclass
class Overlay(Document):
    """A curated file with a draft's entries and items laid over it."""

    base: Document | None = None
    draft: Document | None = None
    name: str = ""
    # For each entry of the combination, where it comes from: ("base", index in the curated file)
    # or ("add", index in the draft's add.<name>).
    origin: list[tuple[str, int]] = field(default_factory=list)
    extended: dict[tuple[int, str], tuple[int, int]] = field(default_factory=dict)  # (base entry, field) -> (extend #, own items)

    def _target(self, where: Where) -> tuple[Document, Where]:
        where = tuple(where)
        if where and isinstance(where[0], int) and where[0] < len(self.origin):
            kind, j = self.origin[where[0]]
            if kind == "add":
                return self.draft, ("add", self.name, j, *where[1:])
            if len(where) >= 3 and (j, where[1]) in self.extended and isinstance(where[2], int):
                k, own = self.extended[(j, where[1])]
                if where[2] >= own:
                    return self.draft, ("extend", k, "add", where[2] - own, *where[3:])
            return self.base, (j, *where[1:])
        return self.base, where

    def line(self, where: Where) -> int:
        doc, inner = self._target(where)
        return doc.line(inner)

    def problem(self, where: Where, message: str) -> Problem:
        doc, inner = self._target(where)
        label = ".".join(str(p) for p in inner)
        return Problem(doc.path, doc.line(inner), f"{label}: {message}" if label else message)


def _entries(value: Any) -> list:
    return value if isinstance(value, list) else []


def shape_problems(draft: Document) -> list[Problem]:
    """The draft's own frame: ``add`` maps data files to lists, ``extend`` names existing entries."""
    data = draft.data
    if not isinstance(data, dict):
        return [draft.problem((), "a draft is a mapping with `add` and `extend`")]
    problems = []
    for key in data:
        if key not in ("source", "add", "extend"):
            problems.append(draft.problem((key,), "unknown part of a draft (source, add, extend)"))
    for name, entries in (data.get("add") or {}).items():
        if name not in DATASET_NAMES:
            problems.append(draft.problem(("add", name), f"no data file {name!r}"))
        elif not isinstance(entries, list):
            problems.append(draft.problem(("add", name), "a list of entries"))
    for k, ext in enumerate(_entries(data.get("extend"))):
        if not isinstance(ext, dict) or not {"file", "id", "at", "add"} <= set(ext) or not isinstance(ext.get("add"), list):
            problems.append(draft.problem(("extend", k), "each extension names file, id, at (a list field) and add (its new items)"))
    return problems


def combine(curated: Curated, draft: Document, only: Iterable[str] | None = None) -> tuple[Curated, list[Problem]]:
    """The curated data with ``draft`` laid over it (only the data files ``only`` names, if given)."""
    chosen = set(only) if only is not None else None
    data = draft.data if isinstance(draft.data, dict) else {}
    combined = dataclasses.replace(curated, docs=dict(curated.docs), problems=list(curated.problems), partial=set(),
                                   blanked={})
    combined.__dict__.pop("_schema_errors", None)
    combined.__dict__["corpus"] = curated.corpus
    overlays: dict[str, Overlay] = {}
    problems: list[Problem] = []

    def overlay(name: str) -> Overlay:
        if name not in overlays:
            base = curated.docs[name]
            own = copy.deepcopy(base.data) if isinstance(base.data, list) else []
            overlays[name] = Overlay(base.path, own, base.lines, base=base, draft=draft, name=name,
                                     origin=[("base", i) for i in range(len(own))])
        return overlays[name]

    for name, entries in (data.get("add") or {}).items():
        if name in DATASET_NAMES and isinstance(entries, list) and (chosen is None or name in chosen):
            layer = overlay(name)
            layer.data.extend(entries)
            layer.origin.extend(("add", j) for j in range(len(entries)))
            if name == DATED:  # accept puts new events in date order: check them there
                order = sorted(range(len(layer.data)), key=lambda i: order_key(layer.data[i]))
                layer.data[:] = [layer.data[i] for i in order]
                layer.origin[:] = [layer.origin[i] for i in order]
    for k, ext in enumerate(_entries(data.get("extend"))):
        if not isinstance(ext, dict) or ext.get("file") not in DATASET_NAMES or (chosen is not None and ext["file"] not in chosen):
            continue
        layer = overlay(ext["file"])
        index = next((i for i, (e, (kind, _)) in enumerate(zip(layer.data, layer.origin, strict=True))
                      if kind == "base" and isinstance(e, dict) and e.get("id") == ext.get("id")), None)
        if index is None:
            problems.append(draft.problem(("extend", k, "id"), f"no entry {ext.get('id')!r} in data/{ext['file']}.yaml"))
            continue
        entry, at = layer.data[index], ext.get("at")
        own = entry.get(at)
        if own is not None and not isinstance(own, list):
            problems.append(draft.problem(("extend", k, "at"), f"{at!r} of {ext['id']} is not a list"))
            continue
        entry[at] = list(own or []) + list(ext.get("add") or [])
        layer.extended[(layer.origin[index][1], at)] = (k, len(own or []))
    combined.docs.update(overlays)
    return combined, problems


def check(curated: Curated, draft: Document, only: Iterable[str] | None = None, debug: bool = False) -> tuple[list[Problem], list[Problem]]:
    """``(errors, warnings)`` of the draft: what any rule finds in the data as if it were accepted
    (and not already in the curated data alone), and each `TODO:` left in it."""
    shape = shape_problems(draft)
    if shape:
        return shape, []
    combined, problems = combine(curated, draft, only)
    before = set(run_checks(curated, debug=debug))
    found = [p for p in run_checks(combined, debug=debug) + problems if p not in before]
    warnings = [p for p in found if p.path == draft.path and TODO_LEFT in p.message]
    errors = [p for p in found if p not in warnings]
    return errors, warnings
