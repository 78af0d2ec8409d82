"""Shape: each file against its JSON Schema, and ids unique within a file."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import jsonschema

from ..curated import Curated
from ..drafts import is_todo
from ..kinds import DATASET_NAMES
from ..report import Problem
from .walk import repeats, strings


def _describe(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field(s)")
    if error.validator == "pattern" and isinstance(error.instance, str):
        return f"{error.instance!r} does not have the expected form (pattern {error.validator_value})"
    return error.message


def schema_errors(curated: Curated, name: str) -> list[jsonschema.ValidationError]:
    """The schema errors of one file, computed once per loaded data set."""
    memo = curated.__dict__.setdefault("_schema_errors", {})
    if name not in memo:
        memo[name] = _schema_errors(curated, name)
    return memo[name]


# Keywords that describe and never constrain: a ``$ref`` beside only these is the schema it points to.
_ANNOTATIONS = frozenset({"description", "title", "$comment", "examples", "default"})


def inline_refs(schema: dict, load) -> dict:
    """``schema`` with every ``$ref`` replaced by the schema it points to (``file.schema.json#/$defs/x``
    or ``#/$defs/x``), ``load(file)`` giving a file's schema. Following references was 40 % of
    validating the data; the schemas have no cycle. A reference with constraints of its own beside it
    becomes ``allOf`` the two, which checks the same."""
    def resolve(node, base: dict, stack: tuple[str, ...]):
        if isinstance(node, list):
            return [resolve(n, base, stack) for n in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if not isinstance(ref, str):
            return {k: resolve(v, base, stack) for k, v in node.items()}
        if ref in stack:
            raise ValueError(f"schema reference cycle: {' -> '.join((*stack, ref))}")
        file, _, pointer = ref.partition("#")
        doc = load(file) if file else base
        target = doc
        for step in filter(None, pointer.split("/")):
            target = target[step.replace("~1", "/").replace("~0", "~")]
        target = resolve(target, doc, (*stack, ref))
        rest = {k: resolve(v, base, stack) for k, v in node.items() if k != "$ref"}
        if set(rest) <= _ANNOTATIONS:
            return {**target, **rest}
        return {"allOf": [target], **rest}

    return resolve(schema, schema, ())


def _inlined(schema_dir: Path, name: str) -> dict:
    """The file's schema with its references written in, made once for each content of the schema
    folder: a schema edited while ``make serve`` runs is read again at the next build."""
    files = tuple(sorted((p.name, p.read_bytes()) for p in schema_dir.glob("*.schema.json")))
    return _inline_files(files, name)


@lru_cache(maxsize=64)
def _inline_files(files: tuple[tuple[str, bytes], ...], name: str) -> dict:
    import json

    texts = dict(files)

    def load(file: str) -> dict:
        return json.loads(texts[file].decode("utf-8"))

    return inline_refs(load(f"{name}.schema.json"), load)


def _schema_errors(curated: Curated, name: str) -> list[jsonschema.ValidationError]:
    doc = curated.docs.get(name)
    if doc is None or (doc.data is None and not doc.lines):
        return []
    # Its references are written in: it needs no registry to follow them.
    validator = jsonschema.Draft202012Validator(_inlined(curated.project.schemas, name))
    # A draft's TODO: marker stands where only a curator can write; check_no_todo reports it.
    errors = [d for e in validator.iter_errors(doc.data) if not is_todo((d := _deepest(e)).instance)]
    return sorted(errors, key=lambda e: (doc.line(tuple(e.absolute_path)), e.message))


def _deepest(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """For a value that fits none of a field's shapes (``oneOf``), the most telling reason:
    ``language.quality: 'excellent' is not one of [...]`` rather than "not valid under any"."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        deepest = max(error.context, key=lambda e: (len(e.absolute_path), -len(e.message)))
        return _deepest(deepest)
    return error


def check_schemas(curated: Curated) -> Iterable[Problem]:
    """Every data file matches data/schemas/<name>.schema.json."""
    for name in DATASET_NAMES:
        doc = curated.docs.get(name)
        for error in schema_errors(curated, name):
            where = tuple(error.absolute_path)
            if error.validator == "additionalProperties" and isinstance(error.instance, dict):
                # Point at each unknown key's own line, not at the mapping's first line.
                allowed = error.schema.get("properties", {})
                for key in error.instance:
                    if key not in allowed:
                        yield doc.problem(where + (key,), "unknown field")
                continue
            yield doc.problem(where, _describe(error))


def only_sound(curated: Curated) -> Curated:
    """The data the other checks may rely on: entries that fail their schema are
    blanked (``None``, so positions and line numbers stay put), and a file whose
    top level is malformed is dropped. Shape problems are reported once, by
    :func:`check_schemas`, instead of crashing or echoing through every rule."""
    sound = copy.copy(curated)
    sound.docs = dict(curated.docs)
    sound.partial = set(curated.partial)
    sound.blanked = {name: set(ids) for name, ids in curated.blanked.items()}
    sound.__dict__["_schema_errors"] = {}  # its data differs, so it must not share the memo
    for name in DATASET_NAMES:
        doc = curated.docs.get(name)
        errors = schema_errors(curated, name)
        if doc is None or not errors:
            continue
        data = doc.data
        bad = {e.absolute_path[0] for e in errors if len(e.absolute_path) > 0}
        if isinstance(data, list) and all(len(e.absolute_path) > 0 or e.validator in ("minItems", "maxItems") for e in errors):
            sound.blanked[name] = {item["id"] for i, item in enumerate(data)
                                   if i in bad and isinstance(item, dict) and isinstance(item.get("id"), str)}
            data = [None if i in bad else item for i, item in enumerate(data)]
        else:
            data = None
        sound.docs[name] = dataclasses.replace(doc, data=data)
        sound.partial.add(name)
    return sound


def check_unique_ids(curated: Curated) -> Iterable[Problem]:
    """Within a file, no two entries share an id (ids are permanent anchors)."""
    for name in DATASET_NAMES:
        doc = curated.docs.get(name)
        for i, ident, first in repeats(doc, curated.items(name), "id"):
            yield doc.problem((i, "id"), f"duplicate id {ident!r} (first used on line {first})")


def check_schema_comment(curated: Curated) -> Iterable[Problem]:
    """Each data file names its schema on line 1, so editors check it as the curator types."""
    for name in DATASET_NAMES:
        path = curated.path(name)
        expected = f"# yaml-language-server: $schema=schemas/{name}.schema.json"
        try:
            first = path.read_text("utf-8").split("\n", 1)[0]
        except (OSError, UnicodeDecodeError):
            continue  # unreadable files are already reported by the loader
        if first != expected:
            yield Problem(curated.show(path), 1, f"the first line must be {expected!r}")


TODO_LEFT = "TODO left: "


def check_no_todo(curated: Curated) -> Iterable[Problem]:
    """No value starts with `TODO:`, the marker a draft leaves where only a curator can write
    (in a draft it is a warning; accept refuses an entry that still holds one)."""
    for name in DATASET_NAMES:
        doc = curated.docs.get(name)
        if doc is None:
            continue
        for where, value in strings(doc.data):
            if is_todo(value):
                yield doc.problem(where, TODO_LEFT + value[len("TODO:"):].strip())




# -- Free text ------------------------------------------------------------------------------------------------

def _constraints(node: object, path: tuple = (), out: dict | None = None) -> dict[tuple, list[dict]]:
    """Every schema node that constrains a path (``"*"`` for any list item), through allOf/oneOf/anyOf
    and if/then/else."""
    out = {} if out is None else out
    if not isinstance(node, dict):
        return out
    if any(k in node for k in ("type", "enum", "const", "pattern", "format", "maxLength")):
        out.setdefault(path, []).append(node)
    for key in ("allOf", "oneOf", "anyOf"):
        for sub in node.get(key, []):
            _constraints(sub, path, out)
    for key in ("then", "else"):
        if key in node:
            _constraints(node[key], path, out)
    for key, sub in node.get("properties", {}).items():
        _constraints(sub, (*path, key), out)
    if isinstance(node.get("items"), dict):
        _constraints(node["items"], (*path, "*"), out)
    return out


def _free(node: dict) -> bool:
    return node.get("type") in (None, "string") and not any(k in node for k in ("enum", "const", "format")) \
        and node.get("pattern") in (None, "\\S")


def text_paths(schema_dir: Path, name: str) -> dict[tuple, int | None]:
    """A data file's free-text fields, each with its greatest length if the schema sets one: strings
    the schema leaves free (no enum, no pattern beyond "not blank", no format), wherever they sit
    (``("*", "evidence", "*", "quote")``). What the site shows of these is what a curator types, so it
    is what must reach every page escaped."""
    found = {}
    for path, nodes in sorted(_constraints(_inlined(schema_dir, name)).items()):
        if any(n.get("type") == "string" for n in nodes) and all(map(_free, nodes)):
            limits = [n["maxLength"] for n in nodes if "maxLength" in n]
            found[path] = min(limits) if limits else None
    return found
