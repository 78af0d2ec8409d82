"""Anchors that moved keep working: an old ``#id`` leads to where its entry lives now.

Ids never change, but an entry can be merged into another or move to another
page. ``moved_anchors`` in the plugin's configuration maps each old anchor
(``timeline/#old-id``) to its new place (``timeline/#new-id``). On the same
page the old id becomes an empty element just before the new one, so a link
from a report still lands on the entry, with or without JavaScript; on
another page it becomes a short note at the end of the old page linking on.
Whole pages that move get a redirect page from ``mkdocs-redirects``.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

# Where an empty <span> may not stand beside the element (a table row, a list item, a cell), it goes
# inside it instead: in a row, inside its first cell.
_INSIDE = frozenset("li dt dd td th option".split())
_CELL = re.compile(r"<t[dh](?=[\s>/])[^>]*>")


def split(address: str) -> tuple[str, str]:
    """``timeline/#old-id`` → ``("timeline/", "old-id")``."""
    page, _, anchor = address.partition("#")
    return page, anchor


class _Find(HTMLParser):
    def __init__(self, ident: str):
        super().__init__(convert_charrefs=True)
        self.ident = ident
        self.at: tuple[int, int] | None = None
        self.tag = ""
        self.start_tag = ""

    def handle_starttag(self, tag, attrs):
        if self.at is None and dict(attrs).get("id") == self.ident:
            self.at = self.getpos()
            self.tag, self.start_tag = tag, self.get_starttag_text() or ""

    handle_startendtag = handle_starttag

    @classmethod
    def present(cls, html: str, ident: str) -> bool:
        finder = cls(ident)
        finder.feed(html)
        finder.close()
        return finder.at is not None


def _offset(html: str, line: int, column: int) -> int:
    lines = html.split("\n")
    return sum(len(text) + 1 for text in lines[: line - 1]) + column


def add_aliases(html: str, page_url: str, moved: dict[str, str], relative) -> str:
    """``html`` of the page at ``page_url`` with an element for each old anchor that ``moved`` names
    on this page; ``relative(target)`` is a link to another page's address from this one."""
    notes = []
    for old, new in sorted(moved.items()):
        old_page, old_id = split(old)
        if old_page != page_url:
            continue
        new_page, new_id = split(new)
        if _Find.present(html, old_id):  # the old anchor is back (or never left): nothing to stand in for
            continue
        if new_page == page_url:
            finder = _Find(new_id)
            finder.feed(html)
            finder.close()
            if finder.at is not None:
                at = _offset(html, *finder.at)
                if finder.tag == "tr":
                    cell = _CELL.search(html, at + len(finder.start_tag))
                    at = cell.end() if cell else at
                elif finder.tag in _INSIDE:
                    at += len(finder.start_tag)
                html = html[:at] + f'<span class="nqpf-alias" id="{escape(old_id)}"></span>' + html[at:]
                continue
        notes.append(f'<p class="nqpf-moved" id="{escape(old_id)}">This entry has moved: '
                     f'<a href="{escape(relative(new))}">{escape(new)}</a>.</p>')
    return html + "".join(notes)
