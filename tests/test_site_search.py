"""Search finds English and Chinese: the index of the fixture site answers the three reader queries,
and holds what a reader searches for (names, definitions, summaries) without what only supports it
(citations, quotes, the data dictionary's tables, the time axis and the map's labels)."""

from __future__ import annotations

import pytest
import yaml

from conftest import FIXTURE_DATA
from searchindex import SearchIndex

# (query, the entry a reader wants among the first results)
QUERIES = [
    ("新质生产力", "glossary/#new-quality-productive-forces"),
    ("因地制宜", "glossary/#adapt-to-local-conditions"),
    ("total factor productivity", "glossary/#total-factor-productivity"),
]


@pytest.fixture(scope="module")
def index(fixture_site):
    return SearchIndex(fixture_site / "search" / "search_index.json")


@pytest.mark.parametrize(("query", "wanted"), QUERIES)
def test_query_finds_the_entry_first(index, query, wanted):
    hits = [h.location for h in index.search(query)]
    assert hits[:1] == [wanted], f"{query!r} gives {hits[:5]}"


def test_chinese_terms_stay_whole_in_the_index(index):
    assert {"新质生产力", "因地制宜", "全要素生产率"} <= index.vocabulary


def test_chinese_query_is_segmented_by_the_index(index):
    assert index.terms("因地制宜 新质生产力") == ["因地制宜", "新质生产力"]


def test_every_glossary_entry_is_its_own_search_result(index):
    glossary = {location for location, *_ in index.docs if location.startswith("glossary/#") and "letter-" not in location}
    assert "glossary/#total-factor-productivity" in glossary and len(glossary) == 42


@pytest.mark.parametrize(("text", "joined"), [
    ("可\u200b持续\u200b振兴\u200b新\u200b局面", "可持续\u200b振兴新\u200b局面"),
    ("向\u200b“\u200b新\u200b”\u200b攀高", "向“新”攀高"),
    ("新质生产力\u200b作出\u200b新\u200b指引", "新质生产力\u200b作出新\u200b指引"),
    ("drops 质 (quality", "drops 质 (quality"),
])
def test_no_lone_han_character_is_a_word_of_the_index(text, joined):
    """Material splits a Chinese query by the index's words and never tries it whole: a lone 新 in the
    index would make 新质生产力 a search for 新 and 质."""
    from nqpf.web.searchfix import join_lone_characters

    assert join_lone_characters(text) == joined


# -- What the index leaves out ------------------------------------------------------------------------------

def _strings(value, key: str):
    """Every string under ``key`` anywhere in a YAML or JSON document."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key and isinstance(v, str):
                yield v
            else:
                yield from _strings(v, key)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)


@pytest.fixture(scope="module")
def indexed(fixture_site):
    """Every indexed text and title, whitespace folded, markup removed."""
    import html
    import json
    import re

    docs = json.loads((fixture_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", d["title"] + " " + d["text"])).replace("\u200b", "").split())
            for d in docs]


def test_citations_are_not_indexed(indexed):
    assert not [t for t in indexed if "@misc{" in t or "The nqpf explainer contributors" in t]


def test_evidence_quotes_are_not_indexed(indexed):
    quotes = {" ".join(q.split()) for f in FIXTURE_DATA.glob("*.yaml") for q in _strings(yaml.safe_load(f.read_text("utf-8")), "quote")}
    assert quotes, "the fixture quotes its sources"
    leaked = sorted(q for q in quotes if any(q[:60] in t for t in indexed))
    assert leaked == []


def test_the_data_dictionary_tables_are_not_indexed(indexed):
    import json

    def fields(schema):
        """The descriptions of fields (what the tables show), not of whole structures."""
        if isinstance(schema, dict):
            for name, value in schema.items():
                if name == "properties":
                    for field in value.values():
                        if isinstance(field.get("description"), str):
                            yield field["description"]
                yield from fields(value)
        elif isinstance(schema, list):
            for value in schema:
                yield from fields(value)

    schemas = FIXTURE_DATA / "schemas"
    descriptions = {" ".join(d.split()) for f in schemas.glob("*.json") for d in fields(json.loads(f.read_text("utf-8")))}
    long = [d for d in descriptions if len(d) > 50]
    assert long
    assert not [d for d in long if any(d[:50] in t for t in indexed)]


def test_the_time_axis_and_the_map_labels_are_not_indexed(indexed):
    assert not [t for t in indexed if "Time axis of the" in t or "Tile map of mainland China" in t]


def test_what_a_reader_searches_for_is_indexed(index):
    """Every entry's own name and its definition or summary stay searchable."""
    glossary = {location: text for location, _, _, text in index.docs if location.startswith("glossary/#")}
    for term in yaml.safe_load((FIXTURE_DATA / "glossary.yaml").read_text("utf-8")):
        words = [w.lower() for w in index.separator.split(term["short"]) if w][:5]
        tokens = glossary[f"glossary/#{term['id']}"]
        assert all(w.strip(".,;:\"'()") in " ".join(tokens) for w in words), term["id"]
