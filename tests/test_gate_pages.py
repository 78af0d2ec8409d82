"""Every built page, in real Chromium, served under a sub-path as on GitHub Pages:
it loads with no console error, no failed or foreign request and no
Content-Security-Policy violation; axe-core finds nothing, in the light and the
dark palette; and at 360 px nothing scrolls sideways."""

from __future__ import annotations

import re

import pytest
import sitekit


@pytest.fixture
def open_page(served_site, new_page):
    def visit(page_path: str, **options):
        page = new_page(**options)
        return page, sitekit.load(page, served_site.url_of(page_path), served_site.server.origin)

    return visit


def test_page_loads_cleanly(open_page, built_page):
    _, visit = open_page(built_page)
    assert visit.status == (404 if built_page == "404.html" else 200)
    assert visit.console_errors == []
    assert visit.page_errors == []
    assert visit.failed_requests == []
    assert visit.foreign_requests == [], "the site must load nothing from another host"
    assert visit.csp_violations == []


def test_page_declares_a_content_security_policy(served_site, built_page):
    html = (served_site.dir / built_page).read_text("utf-8")
    policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert len(policies) == 1, "exactly one CSP meta tag"
    directives = dict(d.strip().split(" ", 1) for d in policies[0].split(";") if d.strip())
    assert directives["default-src"] == "'self'"
    assert "unsafe-inline" not in directives.get("script-src", "") and "unsafe-eval" not in directives.get("script-src", "")
    # A meta CSP only applies to what follows it: it must come before any script or style.
    assert html.index("Content-Security-Policy") < min(i for i in (html.find("<script"), html.find("<link"), html.find("<style")) if i >= 0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation(served_site, new_page, built_page, scheme):
    sitekit.require(sitekit.AXE_JS.is_file(), f"{sitekit.AXE_JS} is missing: run `npm ci --ignore-scripts`")
    # axe is injected as an inline script, which the site's own CSP rightly refuses.
    page = new_page(bypass_csp=True, color_scheme=scheme)
    page.goto(served_site.url_of(built_page), wait_until="networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    violations = sitekit.run_axe(page)
    assert violations == [], "\n" + sitekit.format_violations(violations)


def test_nothing_scrolls_sideways_at_360_px(open_page, built_page):
    page, _ = open_page(built_page, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page is {width} px wide at a 360 px viewport"
