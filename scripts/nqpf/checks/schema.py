"""Shape: each file against its JSON Schema, and ids unique within a file."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import jsonschema
from referencing import Registry, Resource

from ..curated import DATASETS, Curated
from ..report import Problem


@lru_cache(maxsize=8)
def _registry(schema_dir: Path) -> Registry:
    import json

    resources = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        contents = json.loads(path.read_text("utf-8"))
        resources.append((path.name, Resource.from_contents(contents)))
    return Registry().with_resources(resources)


def _describe(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field(s)")
    if error.validator == "pattern" and isinstance(error.instance, str):
        return f"{error.instance!r} does not have the expected form (pattern {error.validator_value})"
    return error.message


def check_schemas(curated: Curated) -> Iterable[Problem]:
    """Every data file matches data/schemas/<name>.schema.json."""
    registry = _registry((curated.root / "schemas").resolve())
    for name in DATASETS:
        doc = curated.docs.get(name)
        if doc is None or (doc.data is None and not doc.lines):
            continue
        validator = jsonschema.Draft202012Validator(curated.schema(name), registry=registry)
        errors = sorted(validator.iter_errors(doc.data), key=lambda e: (doc.line(tuple(e.absolute_path)), e.message))
        for error in errors:
            yield doc.problem(tuple(error.absolute_path), _describe(error))


def check_unique_ids(curated: Curated) -> Iterable[Problem]:
    """Within a file, no two entries share an id (ids are permanent anchors)."""
    for name in DATASETS:
        seen: dict[str, int] = {}
        doc = curated.docs.get(name)
        for i, item in curated.items(name):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                yield doc.problem((i, "id"), f"duplicate id {ident!r} (first used on line {seen[ident]})")
            else:
                seen[ident] = doc.line((i, "id"))
