"""The data dictionary describes every field of every file, from the schemas."""

from __future__ import annotations

import pytest

from conftest import DATA
from nqpf.kinds import DATASET_NAMES as DATASETS
from nqpf.publish import dictionary, exports
from publishkit import page

SCHEMAS = DATA / "schemas"


def all_docs():
    return dictionary.shared_structures(SCHEMAS) + dictionary.datasets(SCHEMAS) + dictionary.long_tables()


@pytest.mark.parametrize("doc", all_docs(), ids=lambda d: d.name)
def test_every_field_and_column_has_a_description(doc):
    assert doc.title
    assert [f.path for f in doc.fields if not f.description.strip()] == []
    assert [c.name for c in doc.columns if not c.description.strip()] == []


def test_every_dataset_is_described_with_its_fields():
    docs = {d.name: d for d in dictionary.datasets(SCHEMAS)}
    assert list(docs) == list(DATASETS)
    timeline = {f.path: f for f in docs["timeline"].fields}
    assert timeline["precision"].values == ("day", "month", "year")
    assert timeline["place.name"].required and not timeline["place"].required
    assert timeline["evidence"].shared == "evidence" and timeline["evidence"].type == "list of evidence"
    assert timeline["conflicts"].shared == "conflict"
    assert {f.path for f in docs["people"].fields} >= {"printed_as[].name", "printed_as[].source", "points"}


def test_every_csv_column_comes_from_a_field_or_says_what_it_is():
    docs = {d.name: d for d in dictionary.datasets(SCHEMAS)}
    for table, kind in exports.TABLES.items():
        columns = kind.columns
        paths = {f.path.replace("[]", "") for f in docs[table].fields}
        for column in columns:
            assert column.about or column.field in paths, f"{table}.csv column {column.name}"
        assert [c.name for c in docs[table].columns] == [c.name for c in columns] + ["permalink"]


def test_the_data_page_shows_every_field(published_site):
    site = published_site
    ids = page(site.site / "data" / "index.html").ids
    for doc in dictionary.shared_structures(SCHEMAS):
        assert doc.name in ids
        for f in doc.fields:
            assert f"field-shared-{f.anchor}" in ids
    for doc in dictionary.datasets(SCHEMAS):
        assert doc.name in ids
        for f in doc.fields:
            assert f"field-{doc.name}-{f.anchor}" in ids
