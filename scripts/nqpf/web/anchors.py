"""Anchors that moved keep working: an old ``#id`` leads to where its entry lives now.

Ids never change, but an entry can be merged into another or move to another
page. ``moved_anchors`` in the plugin's configuration maps each old anchor
(``page/#old-id``) to its new place (``page/#new-id``). On the same
page the old id becomes an empty element at the start of the new one (in a
table row, of its first cell, where HTML allows it), so a link from a report
still lands on the entry, with or without JavaScript; on
another page it becomes a short note at the end of the old page linking on.
Whole pages that move get a redirect page from ``mkdocs-redirects``.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser


def split(address: str) -> tuple[str, str]:
    """``page/#old-id`` → ``("page/", "old-id")``."""
    page, _, anchor = address.partition("#")
    return page, anchor


class _Ids(HTMLParser):
    """Every element id of a page, read in one pass: where each element starts, and where its content
    (or, for a table row, the content of its first cell) begins."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.at: dict[str, tuple[int, int]] = {}
        self.inside: dict[str, tuple[int, int]] = {}
        self._row: str | None = None  # a row whose first cell is still to come

    def _end_of_tag(self) -> tuple[int, int]:
        line, column = self.getpos()
        text = self.get_starttag_text() or ""
        lines = text.split("\n")
        return (line + len(lines) - 1, (column if len(lines) == 1 else 0) + len(lines[-1]))

    def handle_starttag(self, tag, attrs):
        if self._row is not None and tag in ("td", "th"):
            self.inside.setdefault(self._row, self._end_of_tag())
            self._row = None
        ident = dict(attrs).get("id")
        if ident is None or ident in self.at:
            return
        self.at[ident] = self.getpos()
        if tag == "tr":
            self._row = ident
        else:
            self.inside[ident] = self._end_of_tag()

    def handle_startendtag(self, tag, attrs):
        ident = dict(attrs).get("id")
        if ident is not None:
            self.at.setdefault(ident, self.getpos())

    @classmethod
    def of(cls, html: str) -> _Ids:
        ids = cls()
        ids.feed(html)
        ids.close()
        return ids


def _offset(html: str, line: int, column: int) -> int:
    lines = html.split("\n")
    return sum(len(text) + 1 for text in lines[: line - 1]) + column


def add_aliases(html: str, page_url: str, moved: dict[str, str], relative, exists=None) -> str:
    """``html`` of the page at ``page_url`` with an element for each old anchor that ``moved`` names
    on this page; ``relative(target)`` is a link to another page's address from this one, and
    ``exists(address)`` says whether an anchor on another page exists (a move to nowhere adds nothing:
    the same configuration builds other data, such as the test fixture)."""
    notes = []
    here = [(old, new) for old, new in sorted(moved.items()) if split(old)[0] == page_url]
    if not here:
        return html
    ids = _Ids.of(html)
    inserts: list[tuple[int, str]] = []
    for old, new in here:
        old_id = split(old)[1]
        new_page, new_id = split(new)
        if old_id in ids.at:  # the old anchor is back (or never left): nothing to stand in for
            continue
        if new_page == page_url:
            if new_id in ids.inside:
                inserts.append((_offset(html, *ids.inside[new_id]), f'<span class="nqpf-alias" id="{escape(old_id)}"></span>'))
            continue
        if exists is not None and not exists(new):
            continue
        notes.append(f'<p class="nqpf-moved" id="{escape(old_id)}">This entry has moved: '
                     f'<a href="{escape(relative(new))}">{escape(new)}</a>.</p>')
    # From the end, so that each offset, read from the page as it was, still holds.
    for at, element in sorted(inserts, reverse=True):
        html = html[:at] + element + html[at:]
    return html + "".join(notes)
