"""The data dictionary: every field of every data file, from the JSON Schemas.

Descriptions are the schemas' own ``description``s (a field without one takes
that of the definition it refers to), so the dictionary, editors' hover help
and the schemas can never disagree. Shared structures (evidence, claim,
conflict) are described once and referred to by name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..kinds import DATASET_NAMES, by_dataset
from .exports import KIND_TABLES, LONG_TABLES, PERMALINK_ABOUT, TABLES

SHARED = ("evidence", "claim", "conflict")
# The type of a field the model derives: in the JSON and CSV downloads, never in the YAML.
DERIVED = "derived (in the JSON and CSV downloads, not typed in the YAML)"
# Data files refer to common.schema.json's definitions; it refers to its own.
_COMMON = "common.schema.json#/$defs/"

# How each common definition reads in the "type" column.
_COMMON_TYPES = {
    "id": "id (lower-case letters, digits and hyphens)",
    "text": "text",
    "day": "date: YYYY-MM-DD",
    "date": "date: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the sources",
    "chinese": "simplified Chinese",
    "pinyin": "pinyin with tone marks",
    "sourceref": "list of ids",
    "url": "URL (http: or https:)",
    "context": "list of claim",
}


@dataclass(frozen=True)
class FieldDoc:
    path: str
    type: str
    required: bool
    description: str
    values: tuple[str, ...] = ()
    shared: str | None = None

    @property
    def anchor(self) -> str:
        return "-".join(p for p in self.path.replace("[]", "").split(".") if p)


@dataclass(frozen=True)
class ColumnDoc:
    name: str
    field: str | None
    description: str


@dataclass
class DatasetDoc:
    name: str
    title: str
    shape: str
    fields: list[FieldDoc] = field(default_factory=list)
    columns: list[ColumnDoc] = field(default_factory=list)


def _load(schemas: Path, name: str) -> dict[str, Any]:
    return json.loads((schemas / f"{name}.schema.json").read_text("utf-8"))


def _type(node: dict[str, Any], common: dict[str, Any]) -> tuple[str, str | None, dict[str, Any]]:
    """``(type in words, shared structure it is, the node to describe further)``."""
    ref = node.get("$ref", "").replace(_COMMON, "#/$defs/")
    if ref.startswith("#/$defs/"):
        name = ref[len("#/$defs/"):]
        target = common[name]
        if name in SHARED:
            return ("list of " + name if target.get("type") == "array" else name), name, target
        return _COMMON_TYPES.get(name, name), None, target
    if "enum" in node:
        return "one of the values listed", None, node
    if "oneOf" in node:
        # A field of two shapes (a source's language: an article's object or a reference's code):
        # describe the object, whose fields the dictionary lists, and say what else it may be.
        shapes = [_type(option, common) for option in node["oneOf"]]
        described = next((target for text, _, target in shapes if target.get("type") == "object"), node)
        return " or ".join(text for text, _, _ in shapes), None, described
    kind = node.get("type")
    if kind == "array":
        item_type, shared, _ = _type(node.get("items", {}), common)
        return f"list of {'objects' if item_type == 'object' else item_type}", shared, node
    if isinstance(kind, list):
        return " or ".join(kind), None, node
    if kind == "string" and node.get("pattern"):
        return f"text matching {node['pattern']}", None, node
    if kind == "string":
        return ("URL" if node.get("format") == "uri" else "text"), None, node
    if kind == "boolean":
        return "true or false", None, node
    return kind or "any", None, node


def _fields(node: dict[str, Any], common: dict[str, Any], prefix: str = "") -> list[FieldDoc]:
    docs: list[FieldDoc] = []
    required = set(node.get("required", []))
    for name, prop in node.get("properties", {}).items():
        type_text, shared, target = _type(prop, common)
        path = prefix + name
        description = prop.get("description") or target.get("description") or ""
        docs.append(FieldDoc(path, type_text, name in required, description, tuple(str(v) for v in prop.get("enum", ())), shared))
        if shared:
            continue
        if target.get("type") == "object":
            docs.extend(_fields(target, common, path + "."))
        elif target.get("type") == "array" and isinstance(target.get("items"), dict) and target["items"].get("type") == "object":
            docs.extend(_fields(target["items"], common, path + "[]."))
    return docs


def shared_structures(schemas: Path) -> list[DatasetDoc]:
    common = _load(schemas, "common")["$defs"]
    docs = []
    for name in SHARED:
        node = common[name]
        shape = "a list of objects" if node.get("type") == "array" else "an object"
        item = node.get("items", node)
        docs.append(DatasetDoc(name, node.get("description", ""), shape, _fields(item, common)))
    return docs


def _columns(table: str, fields: list[FieldDoc]) -> list[ColumnDoc]:
    by_path = {f.path.replace("[]", ""): f for f in fields}
    if table in LONG_TABLES:
        return [ColumnDoc(name, None, about) for name, about in LONG_TABLES[table]]
    docs = []
    for column in TABLES[table].columns:
        described = by_path.get(column.field or "")
        docs.append(ColumnDoc(column.name, column.field, column.about or (described.description if described else "")))
    docs.append(ColumnDoc("permalink", None, PERMALINK_ABOUT))
    return docs


def datasets(schemas: Path) -> list[DatasetDoc]:
    common = _load(schemas, "common")["$defs"]
    docs = []
    for name in DATASET_NAMES:
        schema = _load(schemas, name)
        is_list = schema.get("type") == "array"
        root = schema["items"] if is_list else schema
        doc = DatasetDoc(name, schema.get("title", name), "a list of entries" if is_list else "one object", _fields(root, common))
        kind = by_dataset(name)
        for field_name, about in kind.derived if kind else ():
            doc.fields.append(FieldDoc(field_name, DERIVED, False, about))
        if name in TABLES:
            doc.columns = _columns(name, doc.fields)
        docs.append(doc)
    return docs


def long_tables() -> list[DatasetDoc]:
    about = {
        "evidence": "Every verbatim quote in the data, one row each, wherever it sits (entries, statements, conflicting readings).",
        "claims": "Every sourced statement inside an entry (a province's plans, a person's points, the concept's definition...).",
    }
    docs = [DatasetDoc(name, about[name], "a table", columns=_columns(name, [])) for name in LONG_TABLES]
    for name, (_kind, table) in KIND_TABLES.items():
        columns = [ColumnDoc(c.name, c.field, c.about or "") for c in table.columns]
        docs.append(DatasetDoc(name, table.about, "a table", columns=[*columns, ColumnDoc("permalink", None, PERMALINK_ABOUT)]))
    return docs
