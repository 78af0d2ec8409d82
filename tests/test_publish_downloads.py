"""Every download under /data/ of the built site parses back with a real parser and
matches the curated data."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import DATA
from nqpf.kinds import DATASET_NAMES as DATASETS
from nqpf.kinds import by_dataset
from nqpf.publish import exports
from nqpf.yamlfile import load


@pytest.fixture(scope="module")
def site(published_site):
    return published_site


@pytest.fixture(scope="module")
def curated(real_model):
    return real_model.curated


def rows(site, name):
    raw = (site.site / "data" / name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "spreadsheets need the byte-order mark to read UTF-8"
    text = raw.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("name", DATASETS)
def test_json_of_each_file_equals_the_yaml(site, name):
    """Each JSON download is its YAML file, with the fields a kind derives added to each entry (and only those)."""
    data = json.loads((site.site / "data" / f"{name}.json").read_text("utf-8"))
    doc, problems = load(DATA / f"{name}.yaml")
    assert problems == []
    kind = by_dataset(name)
    derived = {field for field, _ in kind.derived} if kind else set()
    if not derived:
        assert data == doc.data
        return
    assert [{k: v for k, v in e.items() if k not in derived} for e in data] == doc.data
    assert all(set(e) - set(y) <= derived for e, y in zip(data, doc.data, strict=True))


def test_sources_json_and_csv_carry_each_references_outlet_kind_link_and_checked_day(site):
    sources = json.loads((site.site / "data" / "sources.json").read_text("utf-8"))
    outlets = {o["id"]: o for o in json.loads((site.site / "data" / "outlets.json").read_text("utf-8"))}
    references = [s for s in sources if s["kind"] == "reference"]
    assert references
    for s in references:
        assert s["outlet_kind"] == outlets[s["outlet"]]["kind"], s["id"]
        assert s["link"] in ("own", "official", "licensed", "copy") and s["checked"], s["id"]
        assert s["outlet_name"] == outlets[s["outlet"]]["name"]
        assert urlsplit(s["url"]).hostname in outlets[s["host_outlet"]]["hosts"]
    by_id = {r["id"]: r for r in rows(site, "sources.csv")}
    for s in references:
        row = by_id[s["id"]]
        assert (row["outlet_kind"], row["link"], row["checked"], row["host_outlet"]) == (s["outlet_kind"], s["link"], s["checked"], s["host_outlet"])


def test_debate_json_and_csv_keep_each_views_topic_derived_holder_kind_side_and_replies(site):
    views = json.loads((site.site / "data" / "debate.json").read_text("utf-8"))
    outlets = {o["id"]: o for o in json.loads((site.site / "data" / "outlets.json").read_text("utf-8"))}
    topics = {t["id"] for t in json.loads((site.site / "data" / "topics.json").read_text("utf-8"))}
    assert views
    for v in views:
        assert v["topic"] in topics and v["holder_kind"] == outlets[v["outlet"]]["kind"], v["id"]
        assert v["side"] == ("official" if v["holder_kind"] in ("party-government", "state-media") else "outside"), v["id"]
    ids = {v["id"] for v in views}
    answers = [v for v in views if v.get("responds_to")]
    assert answers and all(set(v["responds_to"]) <= ids and v["responds_basis"] for v in answers)
    by_id = {r["id"]: r for r in rows(site, "debate.csv")}
    for v in views:
        row = by_id[v["id"]]
        assert (row["topic"], row["holder_kind"], row["side"]) == (v["topic"], v["holder_kind"], v["side"])
        assert row["responds_to"].split("|") == (v.get("responds_to") or [""]), v["id"]


def test_indicators_json_is_a_list_of_series_with_their_values_and_the_csv_one_row_per_value(site):
    series = json.loads((site.site / "data" / "indicators.json").read_text("utf-8"))
    assert series
    for s in series:
        assert {"id", "title", "unit", "values"} <= set(s), s["id"]
        assert all({"period", "value", "evidence"} <= set(v) for v in s["values"]), s["id"]
    values = rows(site, "indicator-values.csv")
    assert len(values) == sum(len(s["values"]) for s in series)
    shown = {}
    for r in values:
        if r["shown"] == "true":
            key = (r["series"], r["period"], r["division"])
            assert key not in shown, f"two values shown for {key}"
            shown[key] = r
    assert {(s["id"], str(v["period"]), v.get("division") or "") for s in series for v in s["values"]} == set(shown)
    revised = [r for r in values if r["revision"] == "preliminary" and (r["series"], r["period"], r["division"]) in shown
               and shown[(r["series"], r["period"], r["division"])] is not r]
    assert all(shown[(r["series"], r["period"], r["division"])]["revision"] == "final" for r in revised)
    assert json.loads((site.site / "data" / "indices.json").read_text("utf-8"))


def test_combined_json_has_every_file_and_its_provenance(site, curated):
    combined = json.loads((site.site / "data" / "nqpf.json").read_text("utf-8"))
    assert set(combined["datasets"]) == set(DATASETS)
    for name in DATASETS:
        expected = json.loads((site.site / "data" / f"{name}.json").read_text("utf-8"))
        assert combined["datasets"][name] == expected, name
    assert combined["license"] == "CC-BY-4.0"
    assert combined["data_date"] == (site.site / "data" / "index.html").read_text("utf-8").split('<time datetime="')[1][:10]
    assert combined["url"] == site.url + "data/"
    assert combined["cite_as"].startswith("The nqpf explainer contributors. (")


@pytest.mark.parametrize("name", DATASETS)
def test_yaml_copies_are_byte_identical_and_parse(site, curated, name):
    copy = site.site / "data" / f"{name}.yaml"
    assert copy.read_bytes() == (DATA / f"{name}.yaml").read_bytes()
    # Any YAML parser reads the same data as ours (a file of comments only is an empty list of entries).
    assert (yaml.safe_load(copy.read_text("utf-8")) or None) == (curated.data(name) or None)


def test_schemas_are_copied_and_parse(site):
    for schema in sorted((DATA / "schemas").glob("*.schema.json")):
        copy = site.site / "data" / "schemas" / schema.name
        assert copy.read_bytes() == schema.read_bytes()
        assert json.loads(copy.read_text("utf-8"))["$schema"].startswith("https://json-schema.org/")


@pytest.mark.parametrize("table", list(exports.TABLES))
def test_each_table_csv_has_one_row_per_entry_with_its_permalink(site, curated, table):
    kind = exports.TABLES[table]
    got = rows(site, f"{table}.csv")
    entries = [item for _, item in curated.items(table)]
    assert [r["id"] for r in got] == [e["id"] for e in entries]
    header = (site.site / "data" / f"{table}.csv").read_bytes().decode("utf-8-sig").splitlines()[0].split(",")
    assert header == [c.name for c in kind.columns] + ["permalink"]
    for row in got:
        # Each permalink is an anchor of the built page (tests/test_published.py keeps them from moving).
        anchor = kind.anchor(row["id"])
        assert row["permalink"] == f"{site.url}{kind.url}#{anchor}"
        assert f'id="{anchor}"' in (site.site / kind.url / "index.html").read_text("utf-8")


def test_csv_uses_crlf_and_quotes_as_rfc_4180(site):
    raw = (site.site / "data" / "glossary.csv").read_bytes().decode("utf-8-sig")
    assert raw.splitlines(keepends=True)[0].endswith("\r\n")
    assert raw.count("\r\n") >= 57


def test_glossary_csv_loads_as_a_spreadsheet_would(site, curated):
    got = {r["id"]: r for r in rows(site, "glossary.csv")}
    nqpf = got["new-quality-productive-forces"]
    assert nqpf["term"] == "new quality productive forces"
    assert nqpf["chinese"] == "新质生产力"
    assert nqpf["pinyin"] == "xīn zhì shēngchǎnlì"
    assert nqpf["aliases"] == "new productive forces; new productivity"
    assert nqpf["related"] == "productive-forces; high-quality-development; total-factor-productivity"
    assert nqpf["sources"].split("; ")[0] == "globaltimes-2024-03-12-xiconomics-new-quality-productive-forces"


def test_timeline_csv_keeps_dates_as_written(site):
    got = {r["id"]: r for r in rows(site, "timeline.csv")}
    # An id keeps the date it was published with; the dates are as precise as the sources allow now.
    assert (got["2023-09-heilongjiang-first-mention"]["date"], got["2023-09-heilongjiang-first-mention"]["end"]) == ("2023-09-06", "2023-09-08")
    assert got["2023-11-politburo-study-foreign-related-law"]["date"] == "2023-11"
    assert got["2023-11-politburo-study-foreign-related-law"]["precision"] == "month"
    assert got["2024-01-31-politburo-study-session"]["conflicts"] == "date"
    assert got["2024-01-31-politburo-study-session"]["key"] == "true"


def test_figures_csv_flattens_nested_fields(site):
    got = {r["id"]: r for r in rows(site, "figures.csv")}
    row = got["fiscal-st-spending-2023"]
    assert (row["value"], row["unit"], row["change_value"], row["change_basis"]) == ("1.6", "trillion yuan", "6.4", "average annual")
    assert row["flag_issue"].startswith("The printed 1.6 trillion yuan is a garble")
    assert got["fiscal-st-spending-2018"]["usd_value"] == "115.94"


def test_evidence_csv_holds_every_quote(site, curated):
    got = rows(site, "evidence.csv")

    def count(value):
        if isinstance(value, dict):
            return sum(len(v) if k == "evidence" and isinstance(v, list) else count(v) for k, v in value.items())
        if isinstance(value, list):
            return sum(count(v) for v in value)
        return 0

    assert len(got) == sum(count(curated.data(name)) for name in DATASETS)
    pointer = [r for r in got if r["entry_id"] == "2024-01-31-politburo-study-session" and r["path"].startswith("/conflicts/")]
    event = next(e for e in curated.data("timeline") if e["id"] == "2024-01-31-politburo-study-session")
    assert {r["path"] for r in pointer} == {f"/conflicts/0/readings/{i}/evidence/{j}" for i, reading in enumerate(event["conflicts"][0]["readings"])
                                            for j, _ in enumerate(reading["evidence"])}


def test_claims_csv_holds_the_statements_inside_entries(site):
    got = rows(site, "claims.csv")
    liaoning = [r for r in got if r["dataset"] == "provinces" and r["entry_id"] == "liaoning"]
    assert [r["path"] for r in liaoning][:2] == ["/role", "/plans/0"]
    assert {"concept", "provinces", "people"} <= {r["dataset"] for r in got}
    # Background statements (context) are claims too, wherever they sit.
    assert any(r["path"].startswith("/context/") for r in got if r["dataset"] == "timeline")


def test_a_list_item_holding_the_separator_is_refused():
    with pytest.raises(ValueError, match="cannot join a list in one CSV cell: 'a; b' contains '; '"):
        exports._cell(["a; b", "c"])


@pytest.mark.parametrize("path, media", [("timeline.csv", "text/csv"), ("nqpf.json", "application/json"),
                                          ("schemas/common.schema.json", "application/schema+json"),
                                          ("glossary.yaml", "application/yaml")])
def test_media_types(path, media):
    assert exports.media_type(path) == media
