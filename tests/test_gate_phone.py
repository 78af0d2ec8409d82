"""Every built page on a phone (360 px) in the dark palette: nothing scrolls sideways, and axe-core's
colour rules and its target-size rule (24 px targets, or room around them: WCAG 2.2, 2.5.8) pass; the
wide layout's sidebars, in the dark palette, once."""

from __future__ import annotations

import sitekit


def test_at_360_px_nothing_scrolls_sideways_and_the_dark_palette_passes_axe(open_gate_page, built_page):
    """A phone, in the dark palette: the page is no wider than the screen, its colours pass and every
    target is big enough or far enough from the next (every page's content, in the phone's own layout;
    the sidebars are checked below)."""
    page, _ = open_gate_page(built_page, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, color_scheme="dark")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page is {width} px wide at a 360 px viewport"
    sitekit.assert_axe_passes(page, "dark", rules=sitekit.AXE_PHONE_RULES)


def test_the_wide_layout_passes_axe_in_the_dark_palette(open_gate_page):
    """The navigation and the table of contents show only on a wide screen and are styled alike on
    every page: checked in the dark palette on the timeline, which has both and the time axis."""
    page, _ = open_gate_page("timeline/index.html", color_scheme="dark")
    assert page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()
    assert page.locator(".md-sidebar--secondary .md-nav__link").first.is_visible()
    sitekit.assert_axe_passes(page, "dark")
