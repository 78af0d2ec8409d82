"""The kinds registry is consistent with every file a kind needs, so that a kind declared in
``scripts/nqpf/kinds.py`` cannot go missing from a layer silently (README, "Adding a kind of entry").
Each test names the kind and the file that lacks it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_DATA
from nqpf.kinds import DATASET_NAMES, KINDS, Kind

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "data" / "schemas"
TEMPLATES = ROOT / "scripts" / "nqpf" / "web" / "templates"
KIND_LIST = list(KINDS.values())


def schema(dataset: str) -> dict:
    return json.loads((SCHEMAS / f"{dataset}.schema.json").read_text("utf-8"))


def fields(dataset: str) -> dict:
    return schema(dataset)["items"]["properties"]


@pytest.mark.parametrize("kind", KIND_LIST, ids=lambda k: k.name)
def test_each_kind_has_its_schema_its_data_and_its_fixture(kind: Kind):
    for path in (SCHEMAS / f"{kind.dataset}.schema.json", ROOT / "data" / f"{kind.dataset}.yaml",
                 FIXTURE_DATA / f"{kind.dataset}.yaml"):
        assert path.is_file(), f"{kind.name}: {path.relative_to(ROOT)} is missing"
        if path.suffix == ".yaml":
            first = path.read_text("utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=schemas/{kind.dataset}.schema.json", path
    assert "id" in fields(kind.dataset), f"{kind.name}: its schema has no id"


@pytest.mark.parametrize("kind", KIND_LIST, ids=lambda k: k.name)
def test_each_kind_has_a_template_only_if_it_has_a_page_of_its_own(kind: Kind):
    if kind.own_page:
        assert (TEMPLATES / f"{kind.page}.j2").is_file(), f"{kind.name}: no template {kind.page}.j2"
    else:
        owner = [k for k in KIND_LIST if k.own_page and k.page == kind.page]
        assert owner, f"{kind.name} is shown on {kind.page}, which no kind owns"
        assert kind.anchor_prefix, f"{kind.name} shares {kind.page}: give it an anchor_prefix so its anchors keep apart"


def test_every_kind_page_is_in_the_nav():
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    nav = {next(iter(item.values())) for item in config["nav"]}
    missing = sorted({k.page for k in KIND_LIST} - nav)
    assert not missing, f"mkdocs.yml's nav lacks {missing}"


def test_a_draft_can_add_entries_of_every_kind_and_nothing_else():
    add = set(json.loads((SCHEMAS / "draft.schema.json").read_text("utf-8"))["properties"]["add"]["properties"])
    assert add == {k.dataset for k in KIND_LIST}, "draft.schema.json's add list and the registry differ"


@pytest.mark.parametrize("kind", KIND_LIST, ids=lambda k: k.name)
def test_refs_name_a_kind_and_a_field_of_the_schema(kind: Kind):
    for ref in kind.refs:
        assert ref.target in KINDS, f"{kind.name}: ref to unknown kind {ref.target}"
        node: dict = schema(kind.dataset)["items"]
        for step in ref.path:
            if step == "*":
                continue
            props = node.get("properties") or {}
            assert step in props, f"{kind.name}: ref path {'.'.join(ref.path)} is not in its schema"
            node = props[step].get("items", props[step]) if "$ref" not in props[step] else {}


@pytest.mark.parametrize("kind", [k for k in KIND_LIST if k.derived], ids=lambda k: k.name)
def test_derived_fields_are_derived_never_typed(kind: Kind, fixture_model):
    names = {name for name, _ in kind.derived}
    assert not names & set(fields(kind.dataset)), f"{kind.name}: a derived field is also in the schema"
    raw = {k.name: {e["id"]: e for e in fixture_model.curated.data(k.dataset) or []} for k in KIND_LIST}
    made = [set(kind.derive(e, raw)) for e in raw[kind.name].values()]
    assert made and all(m <= names for m in made), f"{kind.name}: derives a field it does not declare"
    assert names <= set().union(*made), f"{kind.name}: declares a derived field it never derives"


@pytest.mark.parametrize("kind", [k for k in KIND_LIST if k.counted], ids=lambda k: k.name)
def test_each_counted_kind_is_counted_on_the_about_page(kind: Kind, fixture_site):
    about = (fixture_site / "about" / "index.html").read_text("utf-8")
    assert kind.counted in about, f"the About page does not count {kind.counted}"


def test_every_data_file_is_a_dataset():
    files = {p.stem for p in (ROOT / "data").glob("*.yaml")}
    assert files == set(DATASET_NAMES), f"data files and registry differ: {sorted(files ^ set(DATASET_NAMES))}"
