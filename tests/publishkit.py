"""Helpers for the linking-and-reuse tests: the real site (the gates' build, served
under a project sub-path the way GitHub Pages does) and reading its HTML."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT

PREFIX = "/nqpf/"


def build_env(site_url: str, **extra: str) -> dict[str, str]:
    """A clean environment: no SOURCE_DATE_EPOCH, so dates must come from git."""
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "SITE_URL": site_url,
           "HOME": os.environ.get("HOME", "/tmp"), "LC_ALL": "C.UTF-8"}
    env.update(extra)
    return env


def mkdocs_build(out: Path, site_url: str, *, cwd: Path = ROOT, python_prefix: list[str] | None = None,
                 **env: str) -> subprocess.CompletedProcess:
    command = python_prefix or [sys.executable, "-m", "mkdocs"]
    return subprocess.run(
        [*command, "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=cwd, capture_output=True, text=True, timeout=600, env=build_env(site_url, **env),
    )


def built():
    """The real site, the gates' one build, served under /nqpf/ (the server gzips only for a
    client that asks, so these tests read bodies as they are)."""
    import sitekit

    site = sitekit.built_site()
    site.server.start()
    return site


class Page(HTMLParser):
    """The parts of an HTML page the tests look at."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.meta: dict[str, list[str]] = {}
        self.link_rels: list[dict[str, str]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: tuple[dict[str, str], list[str]] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for attribute in ("href", "src"):
            if attrs.get(attribute) and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.links.append((tag, attribute, attrs[attribute]))
        if tag == "meta":
            key = attrs.get("name") or attrs.get("property")
            if key:
                self.meta.setdefault(key, []).append(attrs.get("content", ""))
        if tag == "link":
            self.link_rels.append(attrs)
        if tag == "script":
            self._script = (attrs, [])

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None

    def jsonld(self) -> list[str]:
        return [text for attrs, text in self.scripts if attrs.get("type") == "application/ld+json"]


def page(path: Path) -> Page:
    return Page(path.read_text("utf-8"))


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
