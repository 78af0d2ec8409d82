"""Reading built pages in tests: the page content, its elements and their ids."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from nqpf.kinds import KINDS

# The page types of the reading site and where each is built: the pages no kind owns, then one per
# kind with a page of its own (read from the registry, so a new kind's page is tested without a list).
PAGES = {
    "home": "index.html",
    "definition": "definition/index.html",
    "drivers": "drivers/index.html",
    **{k.url.rstrip("/"): k.url + "index.html" for k in KINDS.values() if k.own_page},
    "about": "about/index.html",
    "404": "404.html",
}

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)


def article(html: str) -> str:
    """The page's own content: what the templates and the Markdown produced."""
    m = _ARTICLE.search(html)
    assert m, "no <article> in the page"
    return m[1]


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""
    ancestors: list[Element] = field(default_factory=list)


class Parsed(HTMLParser):
    """Every element of a page with its attributes and its text (descendants' included)."""

    def __init__(self):
        super().__init__()
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), ancestors=list(self._open))
        self.elements.append(element)
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr", "source"):
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, dict(attrs), ancestors=list(self._open)))

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        for element in self._open:
            element.text += data

    def ids(self) -> list[str]:
        return [e.attrs["id"] for e in self.elements if e.attrs.get("id")]

    def find(self, tag: str | None = None, **attrs: str) -> list[Element]:
        def matches(e: Element) -> bool:
            for key, value in attrs.items():
                key = key.rstrip("_").replace("_", "-")
                if key == "class":
                    if value not in (e.attrs.get("class") or "").split():
                        return False
                elif e.attrs.get(key) != value:
                    return False
            return tag is None or e.tag == tag

        return [e for e in self.elements if matches(e)]


def parse(html: str) -> Parsed:
    parsed = Parsed()
    parsed.feed(html)
    parsed.close()
    return parsed


def page(site: Path, name: str) -> Parsed:
    return parse((site / PAGES[name]).read_text("utf-8"))
