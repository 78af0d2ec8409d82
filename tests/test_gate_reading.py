"""Reading the site in real Chromium: the time axis and the compact entries in both palettes at
1280 and 360 px (screenshots, judged by their pixels), the axis's marks and their links, keyboard
focus, the timeline filter on the axis, "Cite" with and without JavaScript, and the printed page.

Screenshots are written under pytest's tmp_path (``pytest --basetemp DIR`` keeps them somewhere
known) and each is asserted on: the axis is on screen, drawn in the palette's own background with
its marks' colour, and not blank."""

from __future__ import annotations

import re

import pytest

import sitekit

WIDTHS = [1280, 360]
SCHEMES = ["light", "dark"]
TIMELINE, GLOSSARY = "timeline/index.html", "glossary/index.html"


@pytest.fixture
def open_page(served_site, new_page):
    visits: list[sitekit.Visit] = []

    def visit(page_path: str, **options):
        page = new_page(**options)
        visits.append(sitekit.load(page, served_site.url_of(page_path), served_site.server.origin))
        return page

    yield visit
    for v in visits:
        assert (v.console_errors, v.page_errors, v.csp_violations, v.foreign_requests, v.failed_requests) == ([],) * 5, v


def viewport(width: int) -> dict:
    return {"viewport": {"width": width, "height": 900}, **({"is_mobile": True, "has_touch": True} if width < 600 else {})}


def rgb(css: str, over: tuple[int, int, int] = (255, 255, 255)) -> tuple[int, int, int]:
    """A computed CSS colour as the pixel it paints, ``rgba()`` blended over ``over``."""
    parts = [float(x) for x in re.findall(r"[\d.]+", css)]
    alpha = parts[3] if len(parts) > 3 else 1.0
    return tuple(round(c * alpha + o * (1 - alpha)) for c, o in zip(parts[:3], over, strict=True))


def near(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 10) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def luminance(c: tuple[int, int, int]) -> float:
    return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255


# -- Screenshots -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_time_axis_is_drawn_in_each_palette_and_width(open_page, tmp_path, scheme, width):
    page = open_page(TIMELINE, color_scheme=scheme, **viewport(width))
    figure = page.locator("figure.nqpf-axis")
    assert figure.is_visible()
    figure.scroll_into_view_if_needed()
    box = page.locator(".nqpf-axis-scroll").bounding_box()
    svg = page.locator("svg.nqpf-axis-svg").bounding_box()
    assert box["width"] >= width - 40 - (2 * 242 if width > 1200 else 0) - 120 and svg["height"] >= 80
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    shot = figure.screenshot(path=tmp_path / f"axis-{scheme}-{width}.png")
    counts = sitekit.colours(shot)
    background = rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
    commonest = max(counts, key=counts.get)
    assert near(commonest, background), f"the axis's ground is {commonest}, the page's {background}"
    assert (luminance(background) < 0.3) == (scheme == "dark")
    dot = rgb(page.eval_on_selector(".nqpf-axis-mark--uncertain .nqpf-axis-shape", "e => getComputedStyle(e).stroke"))
    marks = sum(n for c, n in counts.items() if near(c, dot, 16))
    assert marks >= 40, f"only {marks} pixels in the marks' colour {dot}: the axis looks blank"
    assert len(counts) >= 12, "a drawn axis has labels, lines and marks in many shades"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page_path, entry", [(GLOSSARY, ".nqpf-term-entry"), (TIMELINE, "li.nqpf-event")])
def test_compact_entries_in_each_palette_and_width(open_page, tmp_path, scheme, width, page_path, entry):
    page = open_page(page_path, color_scheme=scheme, **viewport(width))
    first = page.locator(entry).first
    first.scroll_into_view_if_needed()
    heading = first.locator("h3, h4").first.bounding_box()
    cite = first.locator("details.nqpf-cite > summary").bounding_box()
    # "Cite" stands beside the heading, on its first line, at its right.
    assert cite["x"] > heading["x"] + heading["width"] / 2
    assert heading["y"] <= cite["y"] + cite["height"] / 2 <= heading["y"] + 32
    # The definition or summary comes straight after the heading; quotes are folded.
    after = first.locator(":scope > :is(p, div.nqpf-entry-meta)").first.bounding_box()
    assert after["y"] - (heading["y"] + heading["height"]) < 40
    assert first.locator("details.nqpf-quotes[open]").count() == 0
    assert not first.locator(".nqpf-cite__panel").is_visible()
    shot = first.screenshot(path=tmp_path / f"{page_path.split('/')[0]}-entry-{scheme}-{width}.png")
    counts = sitekit.colours(shot)
    background = rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
    text = rgb(page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).color"), background)
    assert sum(n for c, n in counts.items() if near(c, text, 24)) >= 50, "no text in the screenshot"
    assert len(counts) >= 12


# -- The axis's marks --------------------------------------------------------------------------------------

def test_every_axis_mark_links_to_an_event_on_the_page(open_page, served_site):
    page = open_page(TIMELINE)
    found = page.eval_on_selector_all("a.nqpf-axis-mark", """marks => marks.map(m => {
        const id = decodeURIComponent(m.getAttribute("href").slice(1));
        const target = document.getElementById(id);
        return [id, !!target && !!target.closest(".nqpf-event"), m.getAttribute("aria-label") || ""];
    })""")
    events = page.eval_on_selector_all("li.nqpf-event h4[id]", "hs => hs.map(h => h.id)")
    assert found and sorted(i for i, _, _ in found) == sorted(events)
    assert [i for i, ok, _ in found if not ok] == []
    assert all(label.strip() for _, _, label in found)
    mark = page.locator("a.nqpf-axis-mark").nth(len(found) // 2)
    ident = mark.get_attribute("href")[1:]
    mark.locator(".nqpf-axis-shape").click()  # the mark itself (its hidden caption widens the link's box)
    page.wait_for_function("id => location.hash === '#' + id", arg=ident)
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", ident)
    assert 0 <= top < 900, "following a mark brings its entry into view"


def test_the_axis_scrolls_inside_its_region_at_360_px_and_the_page_never_does(open_page):
    page = open_page(TIMELINE, **viewport(360))
    region = page.locator(".nqpf-axis-scroll")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth"), "the axis scrolls at 360 px"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    region.evaluate("r => { r.scrollLeft = r.scrollWidth; }")
    assert region.evaluate("r => r.scrollLeft") > 0, "the axis scrolls sideways in its region"
    page.mouse.wheel(400, 0)
    assert page.evaluate("window.scrollX") == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_keyboard_focus_on_a_mark_is_visible(open_page):
    page = open_page(TIMELINE)
    page.locator("form.nqpf-timeline-filter button[type=reset]").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.matches('a.nqpf-axis-mark')")
    assert focused, "Tab from the filter reaches the first mark of the axis"
    ring = page.evaluate("getComputedStyle(document.activeElement.querySelector('.nqpf-axis-ring')).visibility")
    caption = page.evaluate("getComputedStyle(document.activeElement.querySelector('.nqpf-axis-caption')).visibility")
    assert (ring, caption) == ("visible", "visible")
    stroke = page.evaluate("getComputedStyle(document.activeElement.querySelector('.nqpf-axis-ring')).strokeWidth")
    assert float(stroke.removesuffix("px")) >= 2


def test_the_timeline_filter_applies_to_the_axis(open_page):
    page = open_page(TIMELINE)
    shown = "els => els.filter(e => getComputedStyle(e).display !== 'none').length"
    total = page.eval_on_selector_all("a.nqpf-axis-mark", shown)
    select = page.locator("#nqpf-filter-category")
    values = select.evaluate("s => [...s.options].map(o => o.value).filter(Boolean)")
    select.select_option(values[0])
    marks = page.eval_on_selector_all("a.nqpf-axis-mark", shown)
    events = page.eval_on_selector_all("li.nqpf-event", "els => els.filter(e => !e.hidden).length")
    assert 0 < marks == events < total
    categories = page.eval_on_selector_all(
        "a.nqpf-axis-mark", "els => [...new Set(els.filter(e => getComputedStyle(e).display !== 'none').map(e => e.dataset.category))]")
    assert categories == [values[0]]
    select.select_option("")
    assert page.eval_on_selector_all("a.nqpf-axis-mark", shown) == total


# -- "Cite" ------------------------------------------------------------------------------------------------

def test_cite_opens_without_javascript(open_page):
    page = open_page(GLOSSARY, java_script_enabled=False)
    first = page.locator(".nqpf-term-entry").first
    panel = first.locator(".nqpf-cite__panel")
    assert not panel.is_visible()
    first.locator("details.nqpf-cite > summary").click()
    assert panel.is_visible()
    assert first.locator(".nqpf-cite__apa").inner_text().startswith("The nqpf explainer contributors")
    assert "@misc{nqpf:term:" in first.locator(".nqpf-cite__bibtex").inner_text()
    assert not first.locator(".nqpf-cite__copy").is_visible(), "copy buttons need the script"


def test_cite_copies_with_javascript_and_escape_closes_it(open_page, served_site):
    page = open_page(GLOSSARY)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.server.origin)
    first = page.locator(".nqpf-term-entry").first
    first.locator("details.nqpf-cite > summary").click()
    apa = first.locator(".nqpf-cite__apa").inner_text()
    first.get_by_role("button", name="Copy APA").click()
    page.wait_for_function("() => document.querySelector('button.nqpf-copied')")
    assert page.evaluate("navigator.clipboard.readText()") == apa
    first.get_by_role("button", name="Copy link").click()
    ident = first.locator("h3").get_attribute("id")
    page.wait_for_function("id => navigator.clipboard.readText().then(t => t.endsWith('/glossary/#' + id))", arg=ident)
    page.keyboard.press("Escape")
    assert not first.locator(".nqpf-cite__panel").is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"


# -- Print -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("page_path", [TIMELINE, GLOSSARY])
def test_a_page_prints_its_content_sources_and_citation_without_controls(open_page, page_path):
    page = open_page(page_path)
    if page_path == TIMELINE:  # a filter on screen does not thin out the printed page
        page.locator("#nqpf-filter-year").select_option(index=1)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # Material opens every <details> then
    for hidden in (".md-header", ".md-sidebar--primary", ".md-search", "form[data-md-component=palette]",
                   "form.nqpf-timeline-filter", "nav.nqpf-az", "details.nqpf-cite", ".md-footer"):
        assert page.locator(hidden).evaluate_all("els => els.every(e => !e.checkVisibility())"), f"{hidden} prints"
    assert page.locator(".md-content h1").is_visible()
    assert page.locator(".nqpf-sources").first.is_visible()
    assert page.locator(".nqpf-quote").first.is_visible(), "folded quotes print open"
    assert page.locator(".nqpf-page-tools .nqpf-cite__apa").is_visible(), "the page's citation prints as text"
    assert not page.locator(".nqpf-page-tools .nqpf-cite__bibtex").is_visible()
    events = page.locator("li.nqpf-event")
    assert events.evaluate_all("els => els.every(e => e.checkVisibility())")
    if page_path == TIMELINE:
        svg = page.locator("svg.nqpf-axis-svg").bounding_box()
        content = page.locator(".md-content").bounding_box()
        assert svg["width"] <= content["width"] + 1, "the axis prints whole, as a picture of the page's width"
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
