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


class _Find(HTMLParser):
    """Where an element with ``ident`` starts, and where its content (or, for a table row, the
    content of its first cell) begins."""

    def __init__(self, ident: str):
        super().__init__(convert_charrefs=True)
        self.ident = ident
        self.at: tuple[int, int] | None = None
        self.inside: tuple[int, int] | None = None
        self._row = False

    def _end_of_tag(self) -> tuple[int, int]:
        line, column = self.getpos()
        text = self.get_starttag_text() or ""
        lines = text.split("\n")
        return (line + len(lines) - 1, (column if len(lines) == 1 else 0) + len(lines[-1]))

    def handle_starttag(self, tag, attrs):
        if self.at is None and dict(attrs).get("id") == self.ident:
            self.at = self.getpos()
            if tag == "tr":
                self._row = True
            else:
                self.inside = self._end_of_tag()
        elif self._row and self.inside is None and tag in ("td", "th"):
            self.inside = self._end_of_tag()

    def handle_startendtag(self, tag, attrs):
        if self.at is None and dict(attrs).get("id") == self.ident:
            self.at = self.getpos()

    @classmethod
    def present(cls, html: str, ident: str) -> bool:
        finder = cls(ident)
        finder.feed(html)
        finder.close()
        return finder.at is not None


def _offset(html: str, line: int, column: int) -> int:
    lines = html.split("\n")
    return sum(len(text) + 1 for text in lines[: line - 1]) + column


def add_aliases(html: str, page_url: str, moved: dict[str, str], relative, exists=None) -> str:
    """``html`` of the page at ``page_url`` with an element for each old anchor that ``moved`` names
    on this page; ``relative(target)`` is a link to another page's address from this one, and
    ``exists(address)`` says whether an anchor on another page exists (a move to nowhere adds nothing:
    the same configuration builds other data, such as the test fixture)."""
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
            if finder.inside is not None:
                at = _offset(html, *finder.inside)
                html = html[:at] + f'<span class="nqpf-alias" id="{escape(old_id)}"></span>' + html[at:]
            continue
        if exists is not None and not exists(new):
            continue
        notes.append(f'<p class="nqpf-moved" id="{escape(old_id)}">This entry has moved: '
                     f'<a href="{escape(relative(new))}">{escape(new)}</a>.</p>')
    return html + "".join(notes)
