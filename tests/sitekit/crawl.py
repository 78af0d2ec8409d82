"""Following every link of the built site, as a reader would, and recording what answers."""

from __future__ import annotations

import http.client
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from nqpf.bench.sites import copy_project  # noqa: F401 - the gates copy the project the way the bench does

from .build import BuiltSite
from .tools import PREFIX


class _Links(HTMLParser):
    """Ids (anchor targets) and every URL-valued attribute of one HTML page."""

    URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "poster", "data"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in self.URL_ATTRIBUTES and not (tag == "meta"):
                self.urls.append((tag, value.strip()))
            elif name == "srcset":
                self.urls.extend((tag, part.strip().split(" ")[0]) for part in value.split(",") if part.strip())


@dataclass
class Crawl:
    """Every same-site page reached from the home page, and each page's broken links."""

    reached: set[str] = field(default_factory=set)
    problems: dict[str, list[str]] = field(default_factory=dict)
    external: set[str] = field(default_factory=set)


def _fetch(url: str) -> tuple[int, str, bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", parts.path or "/")
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        conn.close()


def crawl(site: BuiltSite) -> Crawl:
    """Follow every link and asset from the home page and from the 404 page (served at a
    deep missing path, as Pages serves it), without redirects: each same-site URL must
    answer 200 under the sub-path, and each ``#fragment`` must name an id on its target."""
    result = Crawl()
    fetched: dict[str, tuple[int, str, set[str] | None]] = {}  # url without fragment -> (status, type, ids)
    queue: list[tuple[str, str]] = [(site.url, "index.html"), (site.url + "no/such/deep/page", "404.html")]
    seen_pages: set[str] = set()

    def get(url: str) -> tuple[int, str, set[str] | None, _Links | None]:
        status, ctype, body = _fetch(url)
        links = None
        if ctype.startswith("text/html"):
            links = _Links()
            links.feed(body.decode("utf-8", "replace"))
        fetched[url] = (status, ctype, links.ids if links else None)
        return status, ctype, links.ids if links else None, links

    while queue:
        url, page = queue.pop(0)
        if url in seen_pages:
            continue
        seen_pages.add(url)
        status, _, _, links = get(url)
        problems = result.problems.setdefault(page, [])
        if links is None:
            continue
        result.reached.add(page)
        for tag, raw in links.urls:
            target = urljoin(url, raw)
            parts = urlsplit(target)
            if parts.scheme in ("mailto", "tel"):
                continue
            if parts.scheme not in ("http", "https"):
                problems.append(f"<{tag}> {raw!r}: a {parts.scheme}: URL")
                continue
            if f"{parts.scheme}://{parts.netloc}" != site.server.origin:
                result.external.add(target)
                continue
            if not parts.path.startswith(PREFIX):
                problems.append(f"<{tag}> {raw!r}: resolves to {parts.path}, outside the site's sub-path {PREFIX}")
                continue
            bare = urlunsplit(parts._replace(fragment="", query=""))
            if bare not in fetched:
                get(bare)
            status, ctype, ids = fetched[bare]
            if status != 200:
                problems.append(f"<{tag}> {raw!r}: HTTP {status} for {parts.path}")
                continue
            fragment = unquote(parts.fragment)
            if fragment and fragment.lower() != "top" and ids is not None and fragment not in ids:
                problems.append(f"<{tag}> {raw!r}: no element with id {fragment!r} on {parts.path}")
            target_page = site.page_for(bare)
            if ids is not None and target_page and bare not in seen_pages:
                queue.append((bare, target_page))
    return result


