"""The gates' harness: build the site once, serve it under a sub-path, drive Chromium.

The site is built with ``SITE_URL`` pointing at a loopback server that mounts
it under ``/nqpf/``, as GitHub Pages mounts a project site under
``/<repo>/``, so every link, canonical URL and asset is tested where it will
really live. The build happens at most once per test session, the first time
something asks for it (collection asks, to parametrise the gates by page).

Tools the gates need are found, never assumed: Chromium from ``$CHROMIUM``,
then ``/usr/bin/chromium``, then Playwright's own; axe-core and the Nu checker
from ``node_modules`` (``make test`` runs ``npm ci``); Java from ``PATH``. A
missing tool skips its tests with the reason, unless ``NQPF_REQUIRE_BROWSER=1``
(CI sets it), where it fails them.
"""

from __future__ import annotations

import atexit
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import pytest

from nqpf.bench.sites import copy_project  # noqa: F401 - the gates copy the project the way the bench does
from nqpf.ghpages import PagesServer

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "/nqpf/"
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Without these Chromium waits on the closed network (see shared/NOTES.md).
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# What the project copy for a hostile build needs: the config, the hand-written
# pages, the data, the articles the validator compares it with, the theme
# overrides and the hook (whose path mkdocs.yml gives relative to itself).


def require(condition: bool, reason: str) -> None:
    """Skip when a tool is missing, or fail under ``NQPF_REQUIRE_BROWSER=1``."""
    if condition:
        return
    if os.environ.get("NQPF_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (NQPF_REQUIRE_BROWSER=1: the gates must run)", pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str | None:
    """Chromium to drive, or None to let Playwright use its own build."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


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


# -- The browser -------------------------------------------------------------------------------------------

@dataclass
class Visit:
    """What happened while a page loaded: the evidence the gates judge."""

    url: str
    status: int | None = None
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)


# Recorded before any page script runs; injected through the DevTools protocol,
# so the page's own Content-Security-Policy does not apply to it.
_RECORD_CSP = """
window.__nqpfCsp = [];
document.addEventListener("securitypolicyviolation", e => {
  window.__nqpfCsp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def watch(page, visit: Visit, origin: str) -> None:
    """Record console errors, failed and foreign requests on ``page``; block the foreign ones."""
    page.add_init_script(_RECORD_CSP)
    def on_console(message):
        # Chromium logs the 404 page's own status as an error; that status is the point of the page.
        if message.type == "error" and not (visit.url.endswith("/no-such-page/") and message.location.get("url") == visit.url):
            visit.console_errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", on_console)
    page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
    page.on("requestfailed", lambda r: visit.failed_requests.append(f"{r.url}: {r.failure}"))

    def on_response(response):
        # The 404 page is meant to answer 404; anything else must be found.
        if response.status >= 400 and not (response.request.is_navigation_request() and visit.url.endswith("/no-such-page/")):
            visit.failed_requests.append(f"{response.url}: HTTP {response.status}")

    page.on("response", on_response)

    def route(route):
        url = route.request.url
        if url.startswith(origin + "/") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            visit.foreign_requests.append(url)
            route.abort()

    page.route("**/*", route)


def load(page, url: str, origin: str, settle: bool = False) -> Visit:
    """Open ``url`` and wait for its ``load`` event; the record of what happened, which goes on
    growing while the page stays open. With ``settle``, wait until the network has been idle for
    half a second too: for the gate on everything a page fetches by itself, and only there, since
    that wait costs each page 0.5 s."""
    visit = Visit(url)
    watch(page, visit, origin)
    response = page.goto(url, wait_until="networkidle" if settle else "load")
    visit.status = response.status if response else None
    visit.csp_violations.extend(page.evaluate("window.__nqpfCsp || []"))
    return visit


def axe_source() -> str:
    return AXE_JS.read_text("utf-8")


# The rules whose verdict depends on the colours painted: axe's "cat.color" rules, less the AAA one
# (color-contrast-enhanced) that axe runs only on request. What a second palette can change on the
# same document.
AXE_COLOUR_RULES = ("color-contrast", "link-in-text-block")
# On a phone, in the dark palette: the colour rules, and the size and spacing of targets (WCAG 2.2, 2.5.8,
# the rule Lighthouse's target-size audit runs), which only a narrow layout can break.
AXE_PHONE_RULES = (*AXE_COLOUR_RULES, "target-size")


def run_axe(page, rules: tuple[str, ...] | None = None) -> list[dict]:
    """axe-core's violations on the open page (every rule axe runs by default, or only ``rules``),
    with every entry drawn.

    Entries far from the screen are not rendered (content-visibility: auto), and Chromium answers
    getComputedStyle inside them with styles from before the palette was applied: axe would judge
    a dark page by its light colours. A reader only ever sees an entry drawn, so axe does too."""
    page.evaluate("""async () => {
        document.querySelectorAll('.nqpf-entry, .nqpf-entry > *').forEach(e => e.style.setProperty('content-visibility', 'visible'));
        await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    }""")
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern
    # (a <script> tag of it would be refused): the page is judged under its own policy.
    page.evaluate(axe_source() + "\n;0")
    return page.evaluate(
        """async rules => {
            const options = {resultTypes: ["violations"]};
            if (rules) options.runOnly = {type: "rule", values: rules};
            const result = await axe.run(document, options);
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\\s+/g, " ")),
            }));
        }""",
        list(rules) if rules else None,
    )


def assert_axe_passes(page, scheme: str, rules: tuple[str, ...] | None = None) -> None:
    """axe finds nothing on ``page`` in the palette ``scheme`` (light: every rule; dark: the colour rules,
    or ``rules``)."""
    require(AXE_JS.is_file(), f"{AXE_JS} is missing: run `npm ci --ignore-scripts`")
    expected = "slate" if scheme == "dark" else "default"
    # The palette follows the reader's preference once the theme's script has run: wait for it, never race it.
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{expected}'", timeout=15_000)
    # The palette changes colours only, on the same document: in the dark one, the rules that read colours.
    violations = run_axe(page, rules=rules or (AXE_COLOUR_RULES if scheme == "dark" else None))
    assert violations == [], "\n" + format_violations(violations)


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {n}" for n in v["nodes"][:5])
    return "\n".join(lines)


# -- The Nu HTML checker -----------------------------------------------------------------------------------

def run_nu(site_dir: Path) -> dict[str, list[str]]:
    """The Nu checker's errors over the whole site, by page path (one Java start for all pages)."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", str(site_dir)],
        capture_output=True, text=True, timeout=600,
    )
    # vnu exits 1 when it found errors; its JSON report goes to stderr.
    try:
        messages = json.loads(result.stderr or "{}").get("messages", [])
    except json.JSONDecodeError as error:
        raise RuntimeError(f"the Nu checker did not report JSON (exit {result.returncode}): {result.stderr[:2000]}") from error
    by_page: dict[str, list[str]] = {}
    root = site_dir.resolve()
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        url = m.get("url", "")
        path = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else None
        page = path.relative_to(root).as_posix() if path is not None and path.is_relative_to(root) else url
        where = f"{m.get('lastLine', '?')}.{m.get('firstColumn') or m.get('lastColumn', '?')}"
        extract = (m.get("extract") or "").strip().replace("\n", " ")[:160]
        by_page.setdefault(page, []).append(f"{page}:{where}: {m.get('message')}  [{extract}]")
    return by_page


# -- The link crawler --------------------------------------------------------------------------------------

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


# -- Screenshots -------------------------------------------------------------------------------------------

def png_pixels(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Decode a PNG as Chromium writes it (8-bit RGB or RGBA, not interlaced): (width, height,
    rows of raw pixel bytes, bytes per pixel). Enough to judge a screenshot without an imaging library."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    at, chunks, header = 8, [], None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        at += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, f"unsupported PNG: depth {depth}, colour type {colour}"
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    rows, previous = [], bytes(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = previous[i]
            corner = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows, bpp


def colours(data: bytes) -> dict[tuple[int, int, int], int]:
    """How many pixels of each colour a PNG screenshot has."""
    from collections import Counter

    width, _, rows, bpp = png_pixels(data)
    counted: Counter = Counter()
    for row in rows:
        counted.update(tuple(row[i:i + 3]) for i in range(0, width * bpp, bpp))
    return dict(counted)
