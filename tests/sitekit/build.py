"""Building the real site once and serving it under the project sub-path, as GitHub Pages does."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from nqpf.bench.sites import copy_project  # noqa: F401 - the gates copy the project the way the bench does
from nqpf.ghpages import PagesServer

from .tools import PREFIX, ROOT


def mkdocs_env(site_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MKDOCS_")}
    env.update(SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    return env


def build(project: Path, out: Path, site_url: str) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of ``project`` into ``out`` for ``site_url``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=project, env=mkdocs_env(site_url), capture_output=True, text=True, timeout=900,
    )


def page_paths(site_dir: Path) -> list[str]:
    """Every built HTML page, relative to the site root, ``index.html`` first."""
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    return sorted(pages, key=lambda p: (p != "index.html", p))


def page_url_path(page: str) -> str:
    """``sources/index.html`` → ``sources/``: the URL a reader uses."""
    return page[: -len("index.html")] if page.endswith("index.html") else page


@dataclass
class BuiltSite:
    """The site built for the loopback server; ``error`` holds a failed build's log."""

    server: PagesServer
    dir: Path
    pages: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def site(self) -> Path:
        """The built site's folder (the publishing tests' name for it)."""
        return self.dir

    def url_of(self, page: str) -> str:
        """The URL to open ``page`` at; ``404.html`` is reached as a reader reaches it."""
        if page == "404.html":
            return self.url + "no-such-page/"
        return self.url + page_url_path(page)

    def page_for(self, url: str) -> str | None:
        """The built page a same-site URL lands on, or None."""
        path = urlsplit(url).path
        if not path.startswith(PREFIX):
            return None
        rel = path[len(PREFIX):]
        candidate = rel + "index.html" if rel == "" or rel.endswith("/") else rel
        return candidate if candidate in self.pages else None


# Set by the controller of a parallel run (conftest.pytest_configure) for its workers: the real site,
# built and served once for all of them, as JSON (folder, URL, origin, pages, build error).
SHARED_SITE = "NQPF_TEST_REAL_SITE"


@dataclass
class SharedServer:
    """The server another process (the run's controller) keeps for the shared build."""

    url: str
    origin: str

    def start(self) -> SharedServer:
        return self


def share(site: BuiltSite) -> str:
    """``site``, served from now on, as the value of :data:`SHARED_SITE`."""
    site.server.start()
    return json.dumps({"dir": str(site.dir), "url": site.server.url, "origin": site.server.origin,
                       "pages": site.pages, "error": site.error})


@lru_cache(maxsize=1)
def built_site() -> BuiltSite:
    """Build the real project once, for a server bound now and started later; in a worker of a
    parallel run, the build its controller made and serves."""
    shared = os.environ.get(SHARED_SITE)
    if shared:
        info = json.loads(shared)
        return BuiltSite(SharedServer(info["url"], info["origin"]), Path(info["dir"]), info["pages"], info["error"])
    out = Path(tempfile.mkdtemp(prefix="nqpf-site-"))
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    server = PagesServer(out, PREFIX)
    atexit.register(server.stop)
    result = build(ROOT, out, server.url)
    if result.returncode != 0:
        return BuiltSite(server, out, error=result.stderr + result.stdout)
    return BuiltSite(server, out, page_paths(out))


