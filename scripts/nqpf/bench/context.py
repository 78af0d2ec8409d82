"""What the parts of one bench run share: a scratch folder, and the two sites, each
built once for and served by a GitHub-Pages-like server under ``/nqpf/``."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..ghpages import PagesServer
from . import sites

PREFIX = "/nqpf/"


@dataclass
class Served:
    name: str
    dir: Path
    server: PagesServer
    pages: list[str]

    @property
    def url(self) -> str:
        return self.server.url

    def url_of(self, page: str) -> str:
        return self.url + (page[: -len("index.html")] if page.endswith("index.html") else page)


@dataclass
class Context:
    tmp: Path
    runs: int = 3
    sizes: tuple[int, ...] = (100, 1000, 5000)
    lighthouse_runs: int = 3
    log: callable = print
    _served: dict[str, Served] = field(default_factory=dict)
    _stack: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)

    def chromium(self) -> str:
        for candidate in (os.environ.get("CHROMIUM"), os.environ.get("CHROME_PATH"), "/usr/bin/chromium"):
            if candidate and Path(candidate).is_file():
                return candidate
        raise sites.BenchError("no Chromium: set CHROMIUM or `apt-get install chromium`")

    def ours(self) -> Served:
        if "ours" not in self._served:
            out = self.tmp / "served-ours"
            server = self._stack.enter_context(PagesServer(out, PREFIX))
            self.log("building our site for " + server.url)
            sites.require_ok(sites.mkdocs_build(sites.ROOT, out, server.url), "our site's build")
            self._served["ours"] = Served("ours", out, server, sites.html_pages(out))
        return self._served["ours"]

    def page_count(self) -> int:
        """Pages a reader can open (the 404 page is not counted; both sites have one)."""
        return len([p for p in self.ours().pages if p != "404.html"])

    def plain(self) -> Served:
        if "plain" not in self._served:
            out = self.tmp / "served-plain"
            server = self._stack.enter_context(PagesServer(out, PREFIX))
            project = sites.plain_material(self.tmp / "plain-served-project", self.page_count(), server.url)
            self.log(f"building a plain Material site of {self.page_count()} pages for {server.url}")
            sites.require_ok(sites.mkdocs_build(project, out, server.url), "the plain Material build")
            self._served["plain"] = Served("plain", out, server, sites.html_pages(out))
        return self._served["plain"]

    def close(self) -> None:
        self._stack.close()
