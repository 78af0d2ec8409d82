"""The built site under a project sub-path: no broken link or anchor, a 404 page that
works at any depth, head tags on every page, sitemap and robots.txt, and builds that
are byte-identical whatever the clock says."""

from __future__ import annotations

import filecmp
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest

from conftest import ROOT
from nqpf.kinds import KINDS
from publishkit import PREFIX, Page, html_pages, mkdocs_build, page

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def site(published_site):
    return published_site


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urlopen(url, timeout=30) as response:
            return response.status, response.read(), response.url
    except HTTPError as error:
        return error.code, error.read(), url


def test_crawl_from_home_finds_no_broken_link_or_anchor(site):
    """Follow every link inside the site from its home page; fetch every resource; check every #anchor."""
    origin = f"{urlsplit(site.url).scheme}://{urlsplit(site.url).netloc}"
    pages: dict[str, Page] = {}
    queue, seen, broken, anchors = [site.url], {site.url}, [], []
    while queue:
        url = queue.pop()
        status, body, _ = fetch(url)
        if status != 200:
            broken.append(f"{url}: HTTP {status}")
            continue
        if not url.endswith("/") and not url.endswith(".html"):
            continue
        pages[url] = parsed = Page(body.decode("utf-8"))
        for _, _, link in parsed.links:
            target, fragment = urldefrag(urljoin(url, link))
            if not target.startswith(origin):
                continue
            assert target.startswith(site.url), f"{url} links outside the project path: {link}"
            if fragment:
                anchors.append((url, target, fragment))
            if target not in seen:
                seen.add(target)
                queue.append(target)
    for source, target, fragment in anchors:
        if target in pages and fragment not in pages[target].ids:
            broken.append(f"{source}: #{fragment} is not an anchor of {target}")
    assert not broken, "\n".join(sorted(set(broken)))
    built_pages = {str(p.relative_to(site.site)) for p in html_pages(site.site)} - {"404.html"}
    crawled = {urlsplit(u).path[len(PREFIX):] + ("index.html" if u.endswith("/") else "") for u in pages}
    assert built_pages <= crawled, f"pages no link reaches: {sorted(built_pages - crawled)}"
    assert {"data/", "feed.xml", "timeline.ics", "data/timeline.csv", "data/nqpf.json"} <= {u[len(site.url):] for u in seen}


@pytest.mark.parametrize("path", ["nqpf/missing", "nqpf/some/deep/missing/path", "nqpf/data/schemas/missing.json"])
def test_404_page_works_at_any_depth(site, path):
    origin = site.url[: -len(PREFIX)]
    status, body, _ = fetch(f"{origin}/{path}")
    assert status == 404
    parsed = Page(body.decode("utf-8"))
    assert "not found" in body.decode("utf-8").lower()
    config = (ROOT / "mkdocs.yml").read_text("utf-8").split("site_description: >-\n")[1].split("\nsite_url")[0]
    assert parsed.meta["description"] == [" ".join(config.split())], "the description, quotes and all, in one attribute"
    assets = [(tag, link) for tag, attribute, link in parsed.links if tag in ("link", "script", "img") or link.startswith("/")]
    assert any(tag == "link" and link.endswith(".css") for tag, link in assets)
    assert any(tag == "script" and link.endswith(".js") for tag, link in assets)
    for _, link in assets:
        target = urljoin(f"{origin}/{path}", link)
        if target.startswith(origin):
            assert fetch(target)[0] == 200, f"404 page at /{path} loads {link}, which is missing"


def test_every_page_has_description_canonical_open_graph_and_twitter_tags(site):
    for path in html_pages(site.site):
        if path.name == "404.html" and path.parent == site.site:
            continue
        parsed = page(path)
        url = site.url + str(path.relative_to(site.site)).removesuffix("index.html")
        description = parsed.meta.get("description", [])
        assert len(description) == 1 and len(description[0]) > 30, f"{path}: meta description {description}"
        assert len(description[0]) <= 200
        canonical = [link["href"] for link in parsed.link_rels if link.get("rel") == "canonical"]
        assert canonical == [url], path
        assert parsed.meta["og:url"] == [url]
        assert parsed.meta["og:description"] == description
        assert parsed.meta["og:title"][0] and parsed.meta["twitter:title"] == parsed.meta["og:title"]
        assert parsed.meta["twitter:card"] == ["summary"]
        assert parsed.meta["og:type"] == ["website" if url == site.url else "article"]


def test_every_page_offers_its_citation_and_links_to_the_data(site):
    for path in html_pages(site.site):
        if path.name == "404.html" and path.parent == site.site:
            continue
        text = path.read_text("utf-8")
        url = site.url + str(path.relative_to(site.site)).removesuffix("index.html")
        assert '<aside class="nqpf-page-tools"' in text, path
        assert f"[Web page]. New Quality Productive Forces explained. {url}</p>" in text or url == site.url
        hrefs = {urljoin(url, link) for tag, _, link in page(path).links if tag == "a"}
        assert f"{site.url}data/" in hrefs, f"{path} does not link to the downloads"


# Material's search plugin strips the data-search-exclude attribute once it has indexed the page.
CITE = '<details class="nqpf-cite nqpf-noterms">'


def test_sources_page_has_a_citation_and_copy_link_per_entry(site):
    html = (site.site / "sources" / "index.html").read_text("utf-8")
    parsed = page(site.site / "sources" / "index.html")
    permalinks = [link for tag, _, link in parsed.links if tag == "a" and link.startswith("#")]
    import yaml
    for source in yaml.safe_load((ROOT / "data" / "sources.yaml").read_text("utf-8")):
        anchor = f"#{source['id']}"
        assert permalinks.count(anchor) >= 1, "the heading's ¶"
        assert f'data-permalink="{site.url}sources/{anchor}"' in html, "the copy-link button"
        assert f"@misc{{nqpf:source:{source['id']}," in html
    assert html.count(CITE) == len(yaml.safe_load((ROOT / "data" / "sources.yaml").read_text("utf-8")))
    assert html.count('<details class="nqpf-page-cite">') == 1


def test_the_one_script_of_ours_is_same_origin_deferred_and_loaded(site):
    html = (site.site / "sources" / "index.html").read_text("utf-8")
    scripts = [link for tag, attribute, link in page(site.site / "sources" / "index.html").links if tag == "script"]
    assert "../javascripts/nqpf.js" in scripts
    assert '<script src="../javascripts/nqpf.js" defer></script>' in html
    assert (site.site / "javascripts" / "nqpf.js").is_file()
    assert not (site.site / "javascripts" / "permalink.js").exists(), "merged into nqpf.js"


def test_sitemap_lists_every_page_with_the_date_of_the_site(site, real_model):
    """One date for every page: the site's last change as the model dates it (tests/test_dating.py
    checks that date against a repository with known commit dates)."""
    root = ET.fromstring((site.site / "sitemap.xml").read_bytes())
    locs = [u.findtext(f"{SITEMAP_NS}loc") for u in root.findall(f"{SITEMAP_NS}url")]
    assert f"{site.url}data/" in locs
    assert all(loc.startswith(site.url) for loc in locs)
    lastmods = {u.findtext(f"{SITEMAP_NS}lastmod") for u in root.findall(f"{SITEMAP_NS}url")}
    assert lastmods == {real_model.changed}


def test_robots_txt_points_at_the_sitemap(site):
    lines = (site.site / "robots.txt").read_text("utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {site.url}sitemap.xml" in lines


_SHIFTED_CLOCK = """
import datetime, sys, time
SHIFT = 400 * 86400
real_time = time.time
time.time = lambda: real_time() + SHIFT
class ShiftedDatetime(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return super().now(tz) + datetime.timedelta(seconds=SHIFT)
    @classmethod
    def utcnow(cls):
        return super().utcnow() + datetime.timedelta(seconds=SHIFT)
    @classmethod
    def today(cls):
        return super().today() + datetime.timedelta(seconds=SHIFT)
datetime.datetime = ShiftedDatetime
from mkdocs.__main__ import cli
sys.argv[0] = "mkdocs"
cli()
"""


def test_two_builds_are_byte_identical_even_with_another_clock_and_time_zone(site, tmp_path):
    """The second build runs 400 days in the future, in UTC+14: nothing may change."""
    again = tmp_path / "again"
    result = mkdocs_build(again, site.url, python_prefix=[sys.executable, "-c", _SHIFTED_CLOCK], TZ="Pacific/Kiritimati")
    assert result.returncode == 0, result.stderr
    first = sorted(str(p.relative_to(site.site)) for p in site.site.rglob("*"))
    second = sorted(str(p.relative_to(again)) for p in again.rglob("*"))
    assert first == second
    different = [name for name in first if (site.site / name).is_file()
                 and not filecmp.cmp(site.site / name, again / name, shallow=False)]
    assert different == []


def test_jsonld_on_every_page_parses(site):
    found = 0
    for path in html_pages(site.site):
        for block in page(path).jsonld():
            data = json.loads(block)
            assert data["@context"] == "https://schema.org"
            found += 1
    assert found >= 1


@pytest.mark.parametrize("path, kind", [("glossary/index.html", "DefinedTermSet"), ("timeline/index.html", "Event"),
                                        ("data/index.html", "Dataset")])
def test_structured_data_of_the_glossary_timeline_and_data_pages(site, path, kind):
    file = site.site / path
    blocks = [json.loads(b) for b in page(file).jsonld()]
    types = {b.get("@type") for b in blocks} | {g.get("@type") for b in blocks for g in b.get("@graph", [])}
    assert kind in types
    # Every @id that points into the site points at a real anchor.
    ids = [b["@id"] for b in blocks if "@id" in b] + [g["@id"] for b in blocks for g in b.get("@graph", []) + b.get("hasDefinedTerm", [])]
    anchors: dict[Path, set[str]] = {}  # each page the ids point into, parsed once
    for ref in ids:
        target, fragment = urldefrag(ref)
        local = site.site / target[len(site.url):] / "index.html"
        if fragment and local.is_file():
            if local not in anchors:
                anchors[local] = set(page(local).ids)
            assert fragment in anchors[local], f"{ref} is not an anchor"


def test_the_built_site_is_in_one_folder_without_stray_files(site):
    top = sorted(p.name for p in site.site.iterdir())
    assert {"404.html", "data", "feed.xml", "index.html", "robots.txt", "sitemap.xml", "timeline.ics"} <= set(top)
    assert not any(p.suffix in (".j2", ".pyc") for p in Path(site.site).rglob("*"))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_entry_offers_its_citation_and_copy_link(site, real_model, kind):
    """Every kind's page calls the `cite` macro of _cite.j2 for each of its entries, beside a ¶ link
    to the entry (Material's on a heading, our own on a table row)."""
    file = site.site / KINDS[kind].url / "index.html"
    html = file.read_text("utf-8")
    parsed = page(file)
    ids = parsed.ids
    links = {link for tag, _, link in parsed.links if tag == "a"}
    declared = KINDS[kind]
    for item in real_model.entries(kind):
        anchor = declared.anchor(item["id"])
        url = f"{site.url}{declared.url}#{anchor}"
        assert anchor in ids, f"no anchor for {url}"
        assert f"#{anchor}" in links, f"no ¶ link to {url}"
        if not declared.own_page:
            continue  # an entry shown on another kind's page (an outlet on the Sources page) has its anchor and ¶ only
        assert f'<div class="nqpf-cite__panel" data-permalink="{url}">' in html, f"no permanent link to copy for {url}"
        assert f"@misc{{nqpf:{kind}:{item['id']}," in html, f"no citation for {url}"
