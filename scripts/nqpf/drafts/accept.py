"""``accept``: move a draft's reviewed entries into the curated files, adding lines only.

The curated files are never loaded and dumped again: each new entry is written
as text (:mod:`nqpf.drafts.emit`) and inserted where it belongs, found from the
file's YAML nodes (``yaml.compose`` gives every node's start and end), so every
existing line and comment stays as it was. New entries go after a file's own
(the timeline's in date order); new evidence or statements go after the last
item of the entry's list. Nothing is written unless every chosen entry passes:
no ``TODO:`` left, every rule of the validator met, no id used twice. The draft
keeps what was not accepted (ruamel.yaml rewrites it, keeping its comments), so
a second run finds nothing to do.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import yaml
from ruamel.yaml import YAML

from ..checks import run_checks
from ..checks.dates import order_key
from ..curated import Curated, load_curated
from ..kinds import DATASET_NAMES, KINDS, role
from ..project import Project
from ..report import Problem
from ..yamlfile import load
from . import composite, emit

# The data file whose entries stay in date order, and the one whose entries stay by kind.
DATED = role("feed").dataset
SOURCES = KINDS["source"].dataset


@dataclass
class Insert:
    line: int  # 0-based: the text goes before this line (len(lines) appends)
    text: str
    replace: bool = False  # the text takes the place of the line (an empty "[]")


def _lines_of(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _last_line(node: yaml.Node) -> int:
    """The last line (0-based) holding ``node``'s own text: a block collection's end mark lies at
    the next token, past any blank line, so the end is its last scalar's."""
    if isinstance(node, yaml.ScalarNode):
        mark = node.end_mark
        return mark.line if mark.column > 0 else mark.line - 1
    children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
    return max((_last_line(child) for child in children), default=node.start_mark.line)


def _after(node: yaml.Node, lines: list[str]) -> int:
    """The first line after ``node``'s text (0-based); a folded scalar's end mark also lies past
    the blank lines that follow it."""
    last = _last_line(node)
    while last > node.start_mark.line and last < len(lines) and not lines[last].strip():
        last -= 1
    return last + 1


def _entry_node(root: yaml.Node, ident: str) -> yaml.MappingNode | None:
    if not isinstance(root, yaml.SequenceNode):
        return None
    for item in root.value:
        if isinstance(item, yaml.MappingNode) and any(k.value == "id" and getattr(v, "value", None) == ident for k, v in item.value):
            return item
    return None


def _inserts_for_adds(text: str, root: yaml.Node | None, name: str, entries: list[dict]) -> list[Insert]:
    lines = _lines_of(text)
    out: list[Insert] = []
    items = root.value if isinstance(root, yaml.SequenceNode) else []
    if isinstance(root, yaml.SequenceNode) and root.flow_style and not items:  # "[]": the first entries take its line
        return [Insert(root.start_mark.line, "\n".join(emit.item_text(e) for e in entries), replace=True)]
    data = yaml.safe_load(text) if items else []
    pairs = [(e, node) for e, node in zip(data or [], items, strict=False) if isinstance(e, dict)]
    for entry in entries:
        if name == DATED:  # in date order: before the first later event
            later = next((node for e, node in pairs if order_key(e) > order_key(entry)), None)
            if later is not None:
                out.append(Insert(later.start_mark.line, emit.item_text(entry) + "\n"))
                continue
        # After the last entry (of the same kind, for the sources), before any comment that closes the file.
        same = [node for e, node in pairs if name != SOURCES or e.get("kind") == entry.get("kind")] or [n for _, n in pairs]
        if same:
            out.append(Insert(_after(same[-1], lines), "\n" + emit.item_text(entry)))
        else:
            lead = "" if not lines or lines[-1].endswith("\n") else "\n"
            out.append(Insert(len(lines), lead + "\n" + emit.item_text(entry)))
    return out


def _inserts_for_extends(text: str, root: yaml.Node, file: str, extends: list[dict]) -> tuple[list[Insert], list[str]]:
    lines = _lines_of(text)
    out, missing = [], []
    for ext in extends:
        entry = _entry_node(root, ext["id"])
        if entry is None:
            missing.append(f"no entry {ext['id']!r} in data/{file}.yaml")
            continue
        value = next((v for k, v in entry.value if k.value == ext["at"]), None)
        if isinstance(value, yaml.SequenceNode) and value.value and not value.flow_style:
            last = value.value[-1]
            indent = max(0, last.start_mark.column - 2)
            out.append(Insert(_after(last, lines), "".join(emit.item_text(item, indent) for item in ext["add"])))
        elif value is None:
            indent = entry.start_mark.column
            out.append(Insert(_after(entry, lines), emit.key_text(ext["at"], ext["add"], indent)))
        else:
            missing.append(f"{ext['at']} of {ext['id']} in data/{file}.yaml is not a block list")
    return out, missing


def _apply(text: str, inserts: list[Insert]) -> str:
    lines = _lines_of(text)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    for insert in sorted(inserts, key=lambda i: i.line, reverse=True):
        lines[insert.line:insert.line + insert.replace] = [insert.text]
    return "".join(lines)


def _chosen(draft: dict, only: set[str] | None) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    adds = {name: list(entries) for name, entries in (draft.get("add") or {}).items()
            if isinstance(entries, list) and entries and (only is None or name in only)}
    extends: dict[str, list[dict]] = {}
    for ext in draft.get("extend") or []:
        if isinstance(ext, dict) and (only is None or ext.get("file") in only) and ext.get("add"):
            extends.setdefault(ext["file"], []).append(ext)
    return adds, extends


def _rewrite_draft(path: Path, adds: dict[str, list[dict]], extends: dict[str, list[dict]]) -> None:
    """The draft without what was accepted (its comments kept)."""
    y = YAML()
    y.width = emit.WIDTH
    y.indent(mapping=2, sequence=4, offset=2)
    data = y.load(path.read_text("utf-8"))
    add = data.get("add") or {}
    for name in list(add):
        if name in adds:
            del add[name]
    if "extend" in data:
        plain = yaml.safe_load(path.read_text("utf-8")).get("extend") or []
        keep = [node for node, ext in zip(data["extend"], plain, strict=False)
                if not any(ext == e for items in extends.values() for e in items)]
        if keep:
            data["extend"] = keep
        else:
            del data["extend"]
    out = io.StringIO()
    y.dump(data, out)
    path.write_text(out.getvalue(), "utf-8")


def accept(project: Project, draft_path: Path, only: set[str] | None = None) -> tuple[list[Problem], list[str]]:
    """Move the chosen parts of the draft at ``draft_path`` into the curated files.
    Returns the problems that refused it (nothing written), or what was done."""
    shown = project.show(draft_path)
    draft_doc, problems = load(draft_path, shown=shown)
    if problems:
        return problems, []
    shape = composite.shape_problems(draft_doc)
    if shape:
        return shape, []
    adds, extends = _chosen(draft_doc.data, only)
    if not adds and not extends:
        return [], [f"{shown}: nothing left to accept"]
    curated = load_curated(project)
    files = set(adds) | set(extends)
    errors, todos = composite.check(curated, draft_doc, only=files)
    refused = errors + [Problem(t.path, t.line, t.message + " (write it before accepting)") for t in todos]
    if refused:
        return refused, []
    originals: dict[str, str] = {}
    done: list[str] = []
    for name in sorted(files, key=DATASET_NAMES.index):
        path = curated.path(name)
        text = path.read_text("utf-8")
        root = yaml.compose(text)
        inserts = _inserts_for_adds(text, root, name, adds.get(name, []))
        more, missing = _inserts_for_extends(text, root, name, extends.get(name, [])) if name in extends else ([], [])
        if missing:
            _restore(curated, originals)
            return [Problem(shown, None, m) for m in missing], []
        originals[name] = text
        path.write_text(_apply(text, inserts + more), "utf-8")
        done.append(f"{project.show(path)}: {len(adds.get(name, []))} new, "
                    f"{sum(len(e['add']) for e in extends.get(name, []))} added to existing entries")
    after = run_checks(load_curated(project))
    if after:  # cannot happen when the draft passed; never leave the data broken
        _restore(curated, originals)
        return [Problem(p.path, p.line, f"accepting would break the data: {p.message}") for p in after], []
    _rewrite_draft(draft_path, adds, extends)
    return [], done


def _restore(curated: Curated, originals: dict[str, str]) -> None:
    for name, text in originals.items():
        curated.path(name).write_text(text, "utf-8")

