"""What a reader does, in real Chromium under the site's Content-Security-Policy: switch
to the dark palette, search in English and Chinese, read a glossary tooltip by mouse
and by keyboard, follow a province on the tile map, filter the timeline.

A test for a page that does not exist yet skips and says so; it runs as soon as a
built page carries the markup the site's conventions give:
glossary terms are ``.nqpf-term`` (``<abbr>`` or link) inside the content, map tiles
are ``<a>`` inside ``svg.nqpf-tilemap``, and the timeline filter is a
``form.nqpf-timeline-filter`` whose controls hide ``.nqpf-event`` items.
"""

from __future__ import annotations

import pytest

import sitekit


@pytest.fixture
def reader(served_site, new_page):
    """Open a page as a reader would; after the test, the page must have logged no error."""
    visits: list[sitekit.Visit] = []

    def open_(page_path: str = "index.html", **options):
        page = new_page(**options)
        visit = sitekit.load(page, served_site.url_of(page_path), served_site.server.origin)
        visits.append(visit)
        return page

    yield open_
    for visit in visits:
        assert (visit.console_errors, visit.page_errors, visit.csp_violations, visit.foreign_requests) == ([], [], [], []), visit


def pages_with(served_site, marker: str) -> list[str]:
    """Built pages whose HTML contains ``marker``."""
    return [p for p in served_site.pages if marker in (served_site.dir / p).read_text("utf-8")]


def search(page, query: str) -> list[str]:
    """Type ``query`` into Material's search as a person does; the result links."""
    opener = page.locator("label.md-header__button[for='__search']")  # the magnifier on narrow screens
    (opener if opener.is_visible() else page.locator(".md-search__input")).click()
    page.keyboard.type(query, delay=20)
    # Material reads key events; after CJK text it needs one more key to run the query.
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.eval_on_selector_all(".md-search-result__item a.md-search-result__link", "els => els.map(a => a.href)")


# -- Palette -----------------------------------------------------------------------------------------------

def test_dark_palette_toggles_and_is_remembered(reader):
    page = reader(color_scheme="light")
    scheme = lambda: page.get_attribute("body", "data-md-color-scheme")  # noqa: E731
    assert scheme() == "default"
    page.click("form[data-md-component='palette'] label:not([hidden])")
    assert scheme() == "slate"
    # The choice is stored by Material's scope script, which the CSP forces into a file.
    page.reload(wait_until="load")
    assert scheme() == "slate"
    page.click("form[data-md-component='palette'] label:not([hidden])")
    assert scheme() == "default"


# -- Search ------------------------------------------------------------------------------------------------

def test_search_in_english_finds_the_sources_page(reader, served_site):
    page = reader()
    links = search(page, "outlet")
    assert any(link.startswith(served_site.url + "sources/") for link in links), links


def index_requests(page) -> list[str]:
    return page.evaluate("""() => performance.getEntriesByType('resource').map(e => e.name)
                                  .filter(n => n.endsWith('/search/search_index.json'))""")


@pytest.mark.parametrize("reach", ["click", "shortcut"])
def test_the_search_index_loads_only_when_a_reader_reaches_for_search(reader, reach):
    page = reader()
    assert index_requests(page) == [], "the index was fetched on page load"
    if reach == "click":
        search(page, "outlet")
    else:
        page.keyboard.press("s")  # Material's shortcut opens search and focuses its box
        page.keyboard.type("glossary", delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert len(index_requests(page)) == 1


def test_a_shared_search_link_loads_the_index_at_once(reader):
    page = reader("glossary/index.html?h=innovation")
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('/search/search_index.json'))",
                           timeout=10_000)


def test_search_in_chinese_finds_the_term(reader, served_site):
    page = reader()
    links = search(page, "新质生产力")
    assert links, "searching for 新质生产力 found nothing"
    assert all(link.startswith(served_site.url) for link in links)


# -- Glossary tooltip --------------------------------------------------------------------------------------

TOOLTIP = "[role='tooltip']"


def visible_tooltip_text(page) -> str:
    page.wait_for_selector(f"{TOOLTIP} >> visible=true", timeout=5_000)
    return " ".join(t.strip() for t in page.locator(f"{TOOLTIP} >> visible=true").all_inner_texts())


def first_term_page(served_site) -> str:
    pages = pages_with(served_site, "nqpf-term")
    assert pages, "no glossary term (.nqpf-term) on any page"
    return "glossary/index.html" if "glossary/index.html" in pages else pages[0]


def test_glossary_tooltip_shows_on_hover(reader, served_site):
    page = reader(first_term_page(served_site))
    term = page.locator(".md-content .nqpf-term").first
    term.scroll_into_view_if_needed()
    term.hover()
    assert visible_tooltip_text(page)


def test_glossary_tooltip_shows_on_keyboard_focus(reader, served_site):
    page = reader(first_term_page(served_site))
    term = page.locator(".md-content .nqpf-term").first
    focusable = term.evaluate("el => el.tabIndex >= 0")
    assert focusable, "a glossary term must be reachable with the Tab key"
    for _ in range(300):  # Tab through the page as a keyboard user does, until the term has focus
        page.keyboard.press("Tab")
        if term.evaluate("el => el === document.activeElement || el.contains(document.activeElement)"):
            break
    else:
        pytest.fail("Tab never reached the first glossary term")
    assert visible_tooltip_text(page)


# -- Province tile map -------------------------------------------------------------------------------------

def test_a_map_tile_navigates(reader, served_site):
    pages = pages_with(served_site, "nqpf-tilemap")
    assert pages, "no province tile map (svg.nqpf-tilemap) on any page"
    page = reader("provinces/index.html" if "provinces/index.html" in pages else pages[0])
    tile = page.locator("svg.nqpf-tilemap a").first
    href = tile.get_attribute("href") or tile.get_attribute("xlink:href")
    assert href, "a map tile must be a link"
    before = page.url
    tile.click()
    page.wait_for_url(lambda url: url != before, wait_until="load")
    assert page.url.startswith(served_site.url)
    fragment = page.url.partition("#")[2]
    if fragment:  # the tile's target entry exists on the page it lands on
        assert page.locator(f"[id='{fragment}']").count() == 1


def test_a_map_tile_works_from_the_keyboard(reader, served_site):
    pages = pages_with(served_site, "nqpf-tilemap")
    assert pages, "no province tile map (svg.nqpf-tilemap) on any page"
    page = reader("provinces/index.html" if "provinces/index.html" in pages else pages[0])
    tile = page.locator("svg.nqpf-tilemap a").first
    tile.focus()
    before = page.url
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != before, wait_until="load")


# -- Timeline filter ---------------------------------------------------------------------------------------

EVENTS = "li.nqpf-event, article.nqpf-event"


def visible_events(page) -> int:
    return page.locator(EVENTS).evaluate_all("els => els.filter(e => e.offsetParent !== null).length")


def test_the_timeline_filter_hides_and_shows_events(reader, served_site):
    pages = pages_with(served_site, "nqpf-timeline-filter")
    assert pages, "no timeline filter (form.nqpf-timeline-filter) on any page"
    page = reader("timeline/index.html" if "timeline/index.html" in pages else pages[0])
    total = visible_events(page)
    assert total > 1, "the timeline shows its events before any filter is used"
    form = page.locator("form.nqpf-timeline-filter")
    control = form.locator("select, input[type=checkbox], input[type=radio], input[type=search], input[type=text]").first
    kind = control.evaluate("el => el.tagName === 'SELECT' ? 'select' : el.type")
    if kind == "select":
        values = control.evaluate("el => [...el.options].map(o => o.value)")
        assert len(values) > 1, "a filter needs a choice"
        control.select_option(values[1])
        undo = lambda: control.select_option(values[0])  # noqa: E731
    elif kind == "checkbox":
        control.click()
        undo = control.click
    elif kind == "radio":
        checked = form.locator(f"input[type=radio][name='{control.get_attribute('name')}']:checked")
        first_checked = checked.first.get_attribute("value")
        form.locator(f"input[type=radio][name='{control.get_attribute('name')}']:not(:checked)").first.click()
        undo = lambda: form.locator(f"input[type=radio][value='{first_checked}']").click()  # noqa: E731
    else:
        control.click()
        page.keyboard.type("no event has this text", delay=5)
        undo = lambda: control.fill("") or control.dispatch_event("input")  # noqa: E731
    filtered = visible_events(page)
    assert filtered < total, f"the filter left all {total} events visible"
    undo()
    assert visible_events(page) == total, "undoing the filter shows every event again"
