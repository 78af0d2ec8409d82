"""Links from reports never rot: every page and anchor ever published still resolves.

``tests/published.txt`` lists every public page and every anchor of the real site
(``timeline/``, ``timeline/#2024-01-31-politburo-study-session``; ``./`` is the home page), and
every download, one per line.
Lines are only ever added. A line that no longer resolves fails here until the
page gets a redirect (``redirects: redirect_maps`` in mkdocs.yml) or the anchor an
alias (``nqpf: moved_anchors``). A page or anchor the site has but the list lacks
fails too, so the list stays complete: ``NQPF_UPDATE_PUBLISHED=1`` appends the
new ones (and never removes a line).
"""

from __future__ import annotations

import os
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from nqpf.web.anchors import add_aliases, split
from sitepages import article, parse

LIST = Path(__file__).parent / "published.txt"
HEADER = "# Every public page and anchor of the site, one per line. Only ever add lines: see tests/test_published.py.\n"


# Files people link to besides pages: the downloads and the feeds.
DOWNLOADS = ("data/**/*.json", "data/**/*.csv", "data/**/*.yaml", "feed.xml", "timeline.ics")


def public(site_dir: Path) -> list[str]:
    """The site's public addresses: each page, and each id in its content but our internal ones (nqpf-...),
    then each download."""
    found = []
    for path in sorted(site_dir.rglob("index.html")):
        page = path.parent.relative_to(site_dir).as_posix() + "/" if path.parent != site_dir else "./"
        text = path.read_text("utf-8")
        if 'http-equiv="refresh"' in text:  # a redirect page stands for a page that moved
            continue
        found.append(page)
        for element in parse(article(text)).elements:
            ident = element.attrs.get("id")
            # Our own ids (nqpf-...) and the parts of a drawing (an SVG's title and description) are internal.
            if ident and not ident.startswith("nqpf-") and element.tag != "svg" and not any(a.tag == "svg" for a in element.ancestors):
                found.append(f"{page}#{ident}")
    files = {p.relative_to(site_dir).as_posix() for pattern in DOWNLOADS for p in site_dir.glob(pattern)}
    return found + sorted(files)


def recorded() -> list[str]:
    return [line for line in LIST.read_text("utf-8").splitlines() if line and not line.startswith("#")]


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)


@cache
def _page(path: Path) -> tuple[bool, set[str]]:
    """(is a redirect page, its ids)"""
    text = path.read_text("utf-8")
    parser = _Ids()
    parser.feed(text)
    return 'http-equiv="refresh"' in text, parser.ids


def resolves(site_dir: Path, address: str) -> bool:
    page, anchor = split(address)
    if page and not page.endswith("/"):
        return (site_dir / page).is_file()
    path = site_dir / page / "index.html"
    if not path.is_file():
        return False
    redirect, ids = _page(path)
    return not anchor or redirect or anchor in ids


def test_every_published_page_and_anchor_still_resolves(served_site):
    lost = [a for a in recorded() if not resolves(served_site.dir, a)]
    assert not lost, (
        "published addresses that no longer resolve; give each a redirect (mkdocs.yml, redirects: redirect_maps) "
        "or an alias (mkdocs.yml, nqpf: moved_anchors):\n  " + "\n  ".join(lost))


def test_the_list_holds_every_page_and_anchor_of_the_site(served_site):
    listed = set(recorded())
    new = [a for a in public(served_site.dir) if a not in listed]
    if new and os.environ.get("NQPF_UPDATE_PUBLISHED") == "1":
        with LIST.open("a", encoding="utf-8") as out:
            if LIST.stat().st_size == 0:
                out.write(HEADER)
            out.writelines(f"{a}\n" for a in new)
        new = []
    assert not new, (f"{len(new)} addresses are published but not recorded in tests/published.txt; "
                     "record them with NQPF_UPDATE_PUBLISHED=1 .venv/bin/python -m pytest tests/test_published.py:\n  "
                     + "\n  ".join(new[:20]))


def test_an_alias_on_the_same_page_stands_at_the_start_of_the_entry():
    html = '<h2 id="top">T</h2>\n<section>\n<h3 id="new-id">New</h3>\n</section>'
    out = add_aliases(html, "timeline/", {"timeline/#old-id": "timeline/#new-id"}, lambda target: "../" + target)
    assert out == '<h2 id="top">T</h2>\n<section>\n<h3 id="new-id"><span class="nqpf-alias" id="old-id"></span>New</h3>\n</section>'


def test_an_alias_in_a_table_row_stands_in_its_first_cell():
    html = '<table><tbody>\n<tr id="new-id"><td>x</td></tr></tbody></table>'
    out = add_aliases(html, "figures/", {"figures/#old-id": "figures/#new-id"}, lambda target: target)
    assert out == '<table><tbody>\n<tr id="new-id"><td><span class="nqpf-alias" id="old-id"></span>x</td></tr></tbody></table>'


def test_an_alias_whose_anchor_is_back_adds_nothing():
    html = '<h3 id="old-id">Old</h3><h3 id="new-id">New</h3>'
    assert add_aliases(html, "p/", {"p/#old-id": "p/#new-id"}, lambda target: target) == html


def test_an_alias_for_a_table_row_or_list_item_goes_inside_it():
    """A <span> may not stand between rows or list items (the Nu checker refuses it)."""
    html = '<table><tbody>\n<tr id="row"><td class="a">x</td></tr></tbody></table><ol><li id="item">y</li></ol>'
    out = add_aliases(html, "figures/", {"figures/#old-row": "figures/#row", "figures/#old-item": "figures/#item"}, str)
    assert out == ('<table><tbody>\n<tr id="row"><td class="a"><span class="nqpf-alias" id="old-row"></span>x</td></tr>'
                   '</tbody></table><ol><li id="item"><span class="nqpf-alias" id="old-item"></span>y</li></ol>')


def test_an_anchor_moved_to_another_page_leaves_a_link_behind():
    out = add_aliases("<p>x</p>", "timeline/", {"timeline/#old-id": "glossary/#new-id", "people/#a": "people/#b",
                                                 "timeline/#gone": "glossary/#nowhere"},
                      lambda target: "../" + target, lambda address: address != "glossary/#nowhere")
    assert out == ('<p>x</p><p class="nqpf-moved" id="old-id">This entry has moved: '
                   '<a href="../glossary/#new-id">glossary/#new-id</a>.</p>')


@pytest.mark.parametrize("address", ["./", "./#key-dates", "timeline/", "timeline/#2024-01-31-politburo-study-session", "glossary/#total-factor-productivity",
                                     "definition/#official-definition", "provinces/#heilongjiang", "sources/"])
def test_the_addresses_reports_cite_most_are_recorded(address):
    assert address in recorded()
