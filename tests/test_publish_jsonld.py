"""JSON-LD: the objects for the glossary, timeline and data pages, and serialisation that
no string in the data can break out of."""

from __future__ import annotations

import dataclasses
import json

import pytest

from nqpf.publish import citations, jsonld
from publishkit import Page

SITE = "https://example.github.io/nqpf/"
HOSTILE = '</script><script>alert("x")</script><!-- & </SCRIPT >'


@pytest.fixture(scope="module")
def curated(real_model):
    return real_model


@pytest.fixture(scope="module")
def pub(real_model):
    return dataclasses.replace(citations.publication(real_model, SITE, "New Quality Productive Forces explained"),
                               data_date="2026-11-23")


def embed(text: str) -> Page:
    return Page(f'<html><head><script type="application/ld+json">{text}</script></head><body><p id="after">x</p></body></html>')


def test_dumps_escapes_what_could_end_the_script_element():
    text = jsonld.dumps({"name": HOSTILE, "list": [HOSTILE]})
    assert "<" not in text and ">" not in text and "&" not in text
    parsed = embed(text)
    assert len(parsed.scripts) == 1 and "after" in parsed.ids
    assert json.loads(parsed.jsonld()[0]) == {"name": HOSTILE, "list": [HOSTILE]}


def test_a_hostile_glossary_term_stays_inside_its_block(curated, pub):
    item = dict(curated.entries("term")[0], short=HOSTILE, term=HOSTILE)

    class Stub:
        def entries(self, kind):
            return [item] if kind == "term" else []

    data = jsonld.defined_term_set(Stub(), pub, "term")
    parsed = embed(jsonld.dumps(data))
    assert len(parsed.scripts) == 1
    assert json.loads(parsed.jsonld()[0])["hasDefinedTerm"][0]["description"] == HOSTILE


def test_glossary_is_a_defined_term_set(curated, pub):
    data = jsonld.defined_term_set(curated, pub, "term")
    assert data["@type"] == "DefinedTermSet" and data["@id"] == f"{SITE}glossary/"
    terms = {t["termCode"]: t for t in data["hasDefinedTerm"]}
    assert len(terms) == len(curated.entries("term"))
    nqpf = terms["new-quality-productive-forces"]
    assert nqpf == {
        "@type": "DefinedTerm", "@id": f"{SITE}glossary/#new-quality-productive-forces",
        "url": f"{SITE}glossary/#new-quality-productive-forces", "name": "new quality productive forces",
        "alternateName": ["new productive forces", "new productivity", {"@value": "新质生产力", "@language": "zh-Hans"},
                          {"@value": "xīn zhì shēngchǎnlì", "@language": "zh-Latn-pinyin"}],
        "termCode": "new-quality-productive-forces",
        "description": nqpf["description"], "inDefinedTermSet": f"{SITE}glossary/",
    }
    assert nqpf["description"] == next(t for t in curated.entries("term") if t["id"] == "new-quality-productive-forces")["short"]


def test_timeline_events_keep_their_precision(curated, pub):
    graph = {e["@id"].split("#")[1]: e for e in jsonld.events(curated, pub, "event")["@graph"]}
    assert len(graph) == len(curated.entries("event"))
    assert all(e["@type"] == "Event" for e in graph.values())
    assert (graph["2023-09-heilongjiang-first-mention"]["startDate"], graph["2023-09-heilongjiang-first-mention"]["endDate"]) == (
        "2023-09-06", "2023-09-08")
    assert graph["2023-11-politburo-study-foreign-related-law"]["startDate"] == "2023-11"
    assert graph["2023-two-sessions-three-meetings"]["startDate"] == "2023"
    session = graph["2024-01-31-politburo-study-session"]
    assert session["startDate"] == "2024-01-31"
    assert session["location"] == {"@type": "Place", "name": "Beijing",
                                   "address": {"@type": "PostalAddress", "addressRegion": "Beijing", "addressCountry": "CN"}}
    assert session["attendee"] == [{"@type": "Person", "@id": f"{SITE}people/#xi-jinping", "name": "Xi Jinping"}]
    assert [a["@id"] for a in session["subjectOf"]] == [
        f"{SITE}sources/#{source}" for source in curated.sources_of(curated.entry("event", "2024-01-31-politburo-study-session"))]
    assert session["subjectOf"][0]["@id"] == f"{SITE}sources/#explainer-2024-02-01-what-are-new-productive-forces"
    assert "location" not in graph["2024-01-future-industries-guideline"]


def test_dataset_lists_every_download(curated, pub):
    about = {"title": "T", "abstract": "A" * 60, "version": "0.1.0", "keywords": ["k"]}
    data = jsonld.dataset(curated, pub, about, ["nqpf.json", "timeline.csv", "schemas/common.schema.json"])
    assert data["@type"] == "Dataset" and data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    days = sorted(item["date"] for item in curated.entries("event"))
    assert data["dateModified"] == "2026-11-23" and data["temporalCoverage"] == f"{days[0]}/{days[-1]}"
    assert data["distribution"] == [
        {"@type": "DataDownload", "name": "nqpf.json", "encodingFormat": "application/json", "contentUrl": f"{SITE}data/nqpf.json"},
        {"@type": "DataDownload", "name": "timeline.csv", "encodingFormat": "text/csv", "contentUrl": f"{SITE}data/timeline.csv"},
        {"@type": "DataDownload", "name": "schemas/common.schema.json", "encodingFormat": "application/schema+json",
         "contentUrl": f"{SITE}data/schemas/common.schema.json"}]
