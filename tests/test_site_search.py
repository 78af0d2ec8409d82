"""Search finds English and Chinese: the index of the fixture site answers the three reader queries."""

from __future__ import annotations

import pytest

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
