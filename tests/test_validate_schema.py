"""The schemas with their references written in (``inline_refs``) check exactly what the schemas
with references do, and the validator gives the same errors through either."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource

from conftest import DATA
from nqpf.checks.schema import inline_refs
from nqpf.kinds import DATASET_NAMES

SCHEMAS = DATA / "schemas"


def load(file: str) -> dict:
    return json.loads((SCHEMAS / file).read_text("utf-8"))


def registry() -> Registry:
    """Every schema by its file name, for a validator that follows the references itself."""
    return Registry().with_resources((path.name, Resource.from_contents(load(path.name))) for path in sorted(SCHEMAS.glob("*.schema.json")))


def test_a_reference_becomes_its_target_and_keeps_its_own_constraints():
    common = {"$defs": {"id": {"type": "string", "pattern": "^[a-z]+$"}, "ids": {"type": "array", "items": {"$ref": "#/$defs/id"}}}}
    schema = {"properties": {
        "a": {"$ref": "common.json#/$defs/id", "description": "an id"},
        "b": {"$ref": "common.json#/$defs/id", "maxLength": 3},
        "c": {"$ref": "common.json#/$defs/ids"},
    }}
    out = inline_refs(schema, {"common.json": common}.__getitem__)
    assert out["properties"]["a"] == {"type": "string", "pattern": "^[a-z]+$", "description": "an id"}
    assert out["properties"]["b"] == {"allOf": [{"type": "string", "pattern": "^[a-z]+$"}], "maxLength": 3}
    assert out["properties"]["c"] == {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}}


def test_a_reference_cycle_is_refused():
    looped = {"$defs": {"x": {"items": {"$ref": "#/$defs/x"}}}, "$ref": "#/$defs/x"}
    with pytest.raises(ValueError, match="cycle"):
        inline_refs(looped, {}.__getitem__)


def _mangled(value, depth=0):
    """The real data with values of the wrong type and form, so that most rules have something to say."""
    if isinstance(value, dict):
        return {**{k: _mangled(v, depth + 1) for k, v in value.items()}, "unknown_field": 1}
    if isinstance(value, list):
        return [_mangled(v, depth + 1) for v in value[:3]] + [None]
    if isinstance(value, str):
        return value.upper() if depth % 2 else 12
    return "x"


@pytest.mark.parametrize("name", DATASET_NAMES)
def test_the_inlined_schema_gives_the_errors_the_referencing_one_gives(name):
    data = yaml.safe_load((DATA / f"{name}.yaml").read_text("utf-8"))
    schema = load(f"{name}.schema.json")
    by_ref = jsonschema.Draft202012Validator(schema, registry=registry())
    inlined = jsonschema.Draft202012Validator(inline_refs(schema, load))
    for instance in (data, _mangled(data)):
        expected = sorted((list(e.absolute_path), e.message) for e in by_ref.iter_errors(instance))
        assert sorted((list(e.absolute_path), e.message) for e in inlined.iter_errors(instance)) == expected
    assert list(by_ref.iter_errors(_mangled(data))), "the mangled data breaks some rule"


def test_a_schema_edited_between_two_loads_is_read_again(tmp_path):
    """``make serve`` validates at each rebuild in one process: a schema changed in between must apply."""
    import shutil

    from conftest import FIXTURE_DATA
    from nqpf.checks import run_checks
    from nqpf.curated import load_curated

    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data, symlinks=False)
    shutil.copytree(FIXTURE_DATA.parent / "seeds", tmp_path / "seeds")
    assert run_checks(load_curated(data)) == []
    path = data / "schemas" / "glossary.schema.json"
    schema = json.loads(path.read_text("utf-8"))
    schema["items"]["properties"]["short"] = {"type": "string", "maxLength": 3}
    path.write_text(json.dumps(schema), "utf-8")
    problems = [str(p) for p in run_checks(load_curated(data))]
    assert problems and all("is too long" in p and "glossary.yaml" in p for p in problems)
