"""Link integrity of the site served under a sub-path: every internal link, asset and
``#anchor`` resolves, with no redirect, from every page (404 page included)."""

from __future__ import annotations

import pytest

import sitekit


@pytest.fixture(scope="session")
def crawled(served_site):
    return sitekit.crawl(served_site)


def test_every_link_and_anchor_resolves(crawled, built_page):
    problems = crawled.problems.get(built_page)
    assert problems is not None, f"the crawl never reached {built_page}"
    assert problems == [], "\n" + "\n".join(problems)


def test_every_page_is_reachable_from_the_home_page(crawled, served_site):
    assert set(served_site.pages) - crawled.reached == set()


def test_the_crawler_catches_broken_links_and_anchors(tmp_path):
    """The gate itself: a broken page, a broken anchor and a link that ignores the sub-path are caught."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#here">ok</a> <a href="a/#gone">bad anchor</a> <a href="missing/">bad page</a>'
        ' <a href="/a/">outside</a> <a href="javascript:alert(1)">js</a> <img src="a/x.png">', "utf-8")
    (tmp_path / "a" / "index.html").write_text('<h1 id="here">A</h1><a href="../">home</a>', "utf-8")
    (tmp_path / "404.html").write_text("<p>not found</p>", "utf-8")
    with sitekit.PagesServer(tmp_path, sitekit.PREFIX) as server:
        site = sitekit.BuiltSite(server, tmp_path, sitekit.page_paths(tmp_path))
        result = sitekit.crawl(site)
    assert result.reached == {"index.html", "a/index.html", "404.html"}
    assert result.problems["a/index.html"] == []
    assert result.problems["index.html"] == [
        "<a> 'a/#gone': no element with id 'gone' on /nqpf/a/",
        "<a> 'missing/': HTTP 404 for /nqpf/missing/",
        "<a> '/a/': resolves to /a/, outside the site's sub-path /nqpf/",
        "<a> 'javascript:alert(1)': a javascript: URL",
        "<img> 'a/x.png': HTTP 404 for /nqpf/a/x.png",
    ]


def test_every_external_link_is_well_formed(crawled):
    """Links that leave the site are checked for shape, never fetched: there is no network in tests.
    The same rule as the validator's for a source's url (nqpf.checks.evidence)."""
    from nqpf.checks.evidence import url_problem

    assert len(crawled.external) > 25, "the references' pages are linked"
    bad = {url: problem for url in sorted(crawled.external) if (problem := url_problem(url))}
    assert bad == {}
