"""Template filters and the hook's markers, data folder and last-updated date."""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from conftest import FIXTURE_DATA
from nqpf.curated import data_directory, load_curated
from nqpf.web import hooks
from nqpf.web.model import build_site, last_updated
from nqpf.web.render import date_range, human_date, label, md, number


@pytest.mark.parametrize(("value", "expected"), [
    ("a *b* _c_", r"a \*b\* \_c\_"),
    ("[x](javascript:alert(1))", r"\[x\]\(javascript:alert\(1\)\)"),
    ("<script>&", "&lt;script&gt;&amp;"),
    ("one\n\n1. two\n---", "one 1. two ---"),
    ("{ #id }", r"\{ \#id \}"),
])
def test_md_escapes_markdown_and_html(value, expected):
    assert md(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-01-31", "31 Jan 2024"),
    ("2023-09", "Sept 2023"),
    ("2023", "2023"),
])
def test_human_date_keeps_the_precision(value, expected):
    assert human_date(value) == expected


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2024-03-05", None, "5 Mar 2024"),
    ("2024-03-05", "2024-03-11", "5–11 Mar 2024"),
    ("2024-02-28", "2024-03-02", "28 Feb – 2 Mar 2024"),
    ("2023-12-30", "2024-01-02", "30 Dec 2023 – 2 Jan 2024"),
])
def test_date_range(start, end, expected):
    assert date_range(start, end) == expected


@pytest.mark.parametrize(("value", "expected"), [(832.7, "832.7"), (1.0, "1"), (12000, "12,000"), (0.8327, "0.8327")])
def test_number(value, expected):
    assert number(value) == expected


def test_label():
    assert label("inspection-tour") == "Inspection tour"


@pytest.fixture(scope="module")
def fixture_model():
    curated = load_curated(FIXTURE_DATA)
    return build_site(curated, FIXTURE_DATA)


def page(src_uri):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def test_markers_are_filled(fixture_model, monkeypatch):
    monkeypatch.setitem(hooks._state, "site", fixture_model)
    out = hooks.on_page_markdown("# A\n\n<!-- nqpf:updated -->\n", page("other.md"), None, None)
    assert out.startswith("# A\n\n<p class=\"nqpf-updated\">Data last updated <time class=\"nqpf-updated-date\"")


@pytest.mark.parametrize(("markdown", "src_uri", "message"), [
    ("<!-- nqpf:nonsense -->", "other.md",
     "docs/other.md: unknown marker(s) nonsense; known: answer, checks, cite, counts, drivers, key-dates, provinces, updated"),
    ("<!-- nqpf:answer -->", "index.md",
     "docs/index.md: missing marker(s) <!-- nqpf:drivers -->, <!-- nqpf:key-dates -->, <!-- nqpf:provinces -->, <!-- nqpf:updated -->"),
    ("no markers", "about.md",
     "docs/about.md: missing marker(s) <!-- nqpf:checks -->, <!-- nqpf:cite -->, <!-- nqpf:counts -->, <!-- nqpf:updated -->"),
])
def test_unknown_or_missing_marker_fails_the_build(fixture_model, monkeypatch, markdown, src_uri, message):
    monkeypatch.setitem(hooks._state, "site", fixture_model)
    with pytest.raises(PluginError) as error:
        hooks.on_page_markdown(markdown, page(src_uri), None, None)
    assert str(error.value) == message


def test_generated_pages_are_left_alone(fixture_model, monkeypatch):
    monkeypatch.setitem(hooks._state, "site", fixture_model)
    assert hooks.on_page_markdown("<!-- nqpf:nonsense -->", page("timeline.md"), None, None) is None


def test_data_folder_comes_from_nqpf_data(monkeypatch, tmp_path):
    monkeypatch.delenv("NQPF_DATA", raising=False)
    assert data_directory(tmp_path) == tmp_path / "data"
    monkeypatch.setenv("NQPF_DATA", "tests/fixtures/data")
    assert data_directory(tmp_path) == tmp_path / "tests/fixtures/data"


def test_last_updated_is_the_newest_source_outside_git(tmp_path):
    curated = SimpleNamespace(data=lambda name: [{"published": "2024-03-12"}, {"published": "2024-03-25"}, {}])
    assert last_updated(curated, tmp_path) == "2024-03-25"


def test_last_updated_is_the_last_commit_touching_the_data(fixture_model):
    day = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "."], cwd=FIXTURE_DATA, capture_output=True, text=True).stdout.strip()
    assert fixture_model.updated == (day or "2024-03-25")


def test_citations_name_every_fact_citing_a_source(fixture_model):
    cited = {(c.page, c.anchor) for c in fixture_model.citations["fixture-beta-2024-03-25-hostile"]}
    assert {("timeline.md", "2024-03-05-npc-opens"), ("people.md", "li-wenhua"), ("figures.md", "rnd-spending-2024"),
            ("provinces.md", "zhejiang"), ("definition.md", "beta-buzzword"), ("definition.md", "names"),
            ("drivers.md", "industries-fixture-beta-2024-03-25-hostile")} <= cited
    assert len(cited) == len(fixture_model.citations["fixture-beta-2024-03-25-hostile"])


def test_model_indexes_events_by_person_and_province(fixture_model):
    assert [e["id"] for e in fixture_model.events_by_province["beijing"]] == [
        "2024-01-31-politburo-study-session", "2024-03-05-npc-opens"]
    assert [f["id"] for f in fixture_model.formulations_by_person["zhang-hua"]] == ["zhang-core-element"]
    assert Path(fixture_model.curated.root) == FIXTURE_DATA
