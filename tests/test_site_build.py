"""The strict MkDocs build of the real data (the gates' one build)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml

from conftest import DATA


@pytest.fixture(scope="module")
def site(served_site):
    return served_site.dir


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") in ("stylesheet", "preload", "preconnect", "icon"):
            self.urls.append(attrs["href"])
        if attrs.get("id"):
            self.ids.append(attrs["id"])


def parse(path):
    parser = _Resources()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_home_page_is_built(site):
    assert (site / "index.html").is_file()


def test_every_source_has_a_permanent_anchor_on_the_sources_page(site):
    sources = yaml.safe_load((DATA / "sources.yaml").read_text("utf-8"))
    ids = parse(site / "sources" / "index.html").ids
    for source in sources:
        assert source["id"] in ids


def test_sources_page_shows_outlet_date_and_quality(site):
    html = (site / "sources" / "index.html").read_text("utf-8")
    assert '<time datetime="2024-03-12">12 Mar 2024</time>' in html
    # The outlet from the registry, linked to its entry, with what it is; the article's own note after it.
    assert '<a href="#outlet-global-times">Global Times</a> (Chinese state media), as republished on a third-party WordPress site.' in html
    assert "<strong>Language:</strong> clean." in html


def test_no_page_loads_anything_from_another_host(site):
    for page in site.rglob("*.html"):
        for url in parse(page).urls:
            assert not re.match(r"^(?:https?:)?//", url), f"{page.relative_to(site)} loads {url}"


def _glossary_entry(**wanted):
    terms = yaml.safe_load((DATA / "glossary.yaml").read_text("utf-8"))
    return next(t["id"] for t in terms if all(t.get(k) == v for k, v in wanted.items()))


# The "done when" queries against the real data: the wanted entry is looked up by content, not id.
REAL_QUERIES = [
    ("新质生产力", {"chinese": "新质生产力"}),
    ("因地制宜", {"chinese": "因地制宜"}),
    ("total factor productivity", {"term": "total factor productivity"}),
]


@pytest.mark.parametrize(("query", "wanted"), REAL_QUERIES, ids=[q for q, _ in REAL_QUERIES])
def test_search_finds_the_glossary_entry_first(site, query, wanted):
    from searchindex import SearchIndex

    hits = [h.location for h in SearchIndex(site / "search" / "search_index.json").search(query)]
    assert hits[:1] == [f"glossary/#{_glossary_entry(**wanted)}"], f"{query!r} gives {hits[:5]}"


def test_every_data_entry_has_its_anchor(site, real_model):
    from nqpf.kinds import KINDS

    for kind in KINDS.values():
        ids = set(parse(site / kind.url / "index.html").ids)
        assert not [e["id"] for e in real_model.entries(kind.name) if kind.anchor(e["id"]) not in ids], f"{kind.url}: entries without anchors"


def test_ids_are_unique_and_no_heading_id_is_numbered(site):
    from sitepages import parse as parse_page

    for path in site.rglob("*.html"):
        ids = parse(path).ids
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        assert not duplicates, f"{path.relative_to(site)}: duplicate ids {duplicates}"
        for heading in parse_page(path.read_text("utf-8")).elements:
            if re.fullmatch(r"h[1-6]", heading.tag) and "md-content" not in (heading.attrs.get("class") or ""):
                hid = heading.attrs.get("id") or ""
                assert hid and not re.fullmatch(r"_\d+|.+_\d+", hid), f"{path.relative_to(site)}: {heading.text.strip()!r} id {hid!r}"
