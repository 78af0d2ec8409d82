"""A page's meta description: the text of its first paragraph, cut at a word."""

from __future__ import annotations

from html.parser import HTMLParser

DESCRIPTION_LENGTH = 160


class _FirstParagraph(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open <p> elements, counting from the first
        self.done = False
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "p" and not self.done:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data):
        if self.depth and not self.done:
            self.text.append(data)


def describe(content: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """The first paragraph of a page's HTML as plain text, cut at a word to ``limit`` characters."""
    parser = _FirstParagraph()
    parser.feed(content or "")
    parser.close()
    text = " ".join("".join(parser.text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def plain(html: str) -> str:
    """Text of an HTML fragment (a page title that carries markup)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.text)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []

    def handle_data(self, data):
        self.text.append(data)
