"""Links that leave the site open the other page without handing it ours.

Every ``<a>`` whose ``href`` is an absolute http(s) URL on another host gets
``rel="noopener noreferrer"``, whether it came from the data (a reference's
page) or from a hand-written page's Markdown. Read with the standard library's
HTML parser; only the opening tags of such links are rewritten.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

REL = ("noopener", "noreferrer")


class _External(HTMLParser):
    def __init__(self, own_host: str | None):
        super().__init__(convert_charrefs=True)
        self.own_host = own_host
        self.found: list[tuple[tuple[int, int], str, str]] = []  # (position, old tag, new tag)

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            return
        values = dict(attrs)
        href = (values.get("href") or "").strip()
        parts = urlsplit(href)
        if parts.scheme not in ("http", "https") or parts.hostname == self.own_host:
            return
        rel = (values.get("rel") or "").split()
        if all(r in rel for r in REL):
            return
        rel += [r for r in REL if r not in rel]
        values["rel"] = " ".join(rel)
        rebuilt = "<a" + "".join(f' {k}="{escape(v, quote=True)}"' if v is not None else f" {k}" for k, v in values.items()) + ">"
        self.found.append((self.getpos(), self.get_starttag_text(), rebuilt))


def _offset(lines: list[str], line: int, column: int) -> int:
    return sum(len(text) + 1 for text in lines[: line - 1]) + column


def mark_external(html: str, own_host: str | None = None) -> str:
    """``html`` with ``rel="noopener noreferrer"`` on every link to another host."""
    parser = _External(own_host)
    parser.feed(html)
    parser.close()
    if not parser.found:
        return html
    lines = html.split("\n")
    for (line, column), old, new in reversed(parser.found):
        at = _offset(lines, line, column)
        if html.startswith(old, at):
            html = html[:at] + new + html[at + len(old):]
    return html
