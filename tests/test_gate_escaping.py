"""Hostile data is shown as text everywhere, never run: pages, tooltips, JSON-LD, feeds, calendar.

One build of a throw-away copy of the project with the fixture data (every kind of entry, at a
tenth of the real data's build time), with script and markup payloads written into every free-text
value of every kind, the schemas saying which fields those are (:data:`INJECTIONS`), and into a URL.
Each injection point carries its own number inside its payloads, so a failure names the field the
unescaped text came from. A new kind or field is covered once its schema and fixture entry exist.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

import sitekit
from nqpf.checks.schema import text_paths
from nqpf.kinds import DATASET_NAMES, by_dataset

FIXTURES = sitekit.ROOT / "tests" / "fixtures"
SCHEMAS = sitekit.ROOT / "data" / "schemas"

# Free-text fields the validator compares with the articles, so that a payload there is refused as it
# should be: a quote (verbatim in its article), a concept's name (which its quotes must contain), a printed
# form of a name (which its article must print), a titled article's headline and its dateline (which the
# cleaner finds). Every other free-text field of every kind is injected.
RULE_BOUND: tuple[tuple[str, tuple], ...] = (
    ("*", ("quote",)),
    ("concept", ("names", "*", "name")),
    ("people", ("*", "printed_as", "*", "name")),
    ("sources", ("*", "dateline")),
)


def _bound(name: str, path: tuple) -> bool:
    return any(file in ("*", name) and path[-len(tail):] == tail for file, tail in RULE_BOUND)


def _walk(data, pattern: tuple, where: tuple = ()):
    if not pattern:
        if isinstance(data, str):
            yield where
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        for i, item in enumerate(data) if isinstance(data, list) else ():
            yield from _walk(item, rest, (*where, i))
    elif isinstance(data, dict) and head in data:
        yield from _walk(data[head], rest, (*where, head))


def injection_points() -> list[tuple[str, tuple, int | None]]:
    """Every free-text value of the fixture data, as ``(data file, path)``: the schemas say which fields
    are free text (:func:`nqpf.checks.schema.text_paths`), so a new kind or field is covered the day it is
    declared. A titled article's headline stays as the article prints it."""
    points = []
    for name in DATASET_NAMES:
        data = yaml.safe_load((FIXTURES / "data" / f"{name}.yaml").read_text("utf-8"))
        for pattern, longest in text_paths(SCHEMAS, name).items():
            if _bound(name, pattern):
                continue
            for where in _walk(data, pattern):
                if name == "sources" and where[-1] == "title" and data[where[0]].get("title_is_ours") is False:
                    continue
                points.append((f"{name}.yaml", where, longest))
    return points


# (data file, path to the value, the field's greatest length or None)
INJECTIONS: list[tuple[str, tuple, int | None]] = injection_points()

# (data file, path to a URL). A URL the validator accepts may still carry quotes and ampersands meant to
# break out of an href: ``hostile_url`` appends them, with no space (which the validator refuses).
URL_INJECTIONS: list[tuple[str, tuple]] = [
    ("sources.yaml", ({"id": "fixture-review-2025-03-05-planning-note"}, "url")),
]

# A CITATION.cff whose title and abstract try to close the JSON-LD script and open another.
HOSTILE_CFF = '</script><script>alert("x")</script><!-- & </SCRIPT >'


def payloads(n: int) -> list[str]:
    """The attacks placed in injection point ``n``; each names ``n`` so a leak can be traced."""
    return [
        f"<script>alert({n}01)</script>",
        f"</script><script>alert({n}02)</script>",
        f"[x](javascript:alert({n}03))",
        f'" onmouseover="alert({n}04)',
        f"' onfocus='alert({n}05)",
        f"<img src=x onerror=alert({n}06)>",
        f"]]><script>alert({n}07)</script>",
        f"\nX-NQPF-INJECTED:{n}08",
    ]


def payloads_for(n: int, longest: int | None) -> list[str]:
    """The payloads of point ``n``: all of them, or for a field with a greatest length the three that
    try markup, a live link and an event handler."""
    every = payloads(n)
    return every if longest is None else [every[0], every[2], every[5]]


def hostile_value(original: object, n: int, longest: int | None = None) -> str:
    attack = " ".join(payloads_for(n, longest))
    if longest is None:
        return f"{original} {attack}"
    return f"{str(original)[: max(0, longest - len(attack) - 1)]} {attack}"


def hostile_url(original: str, n: int) -> str:
    return f"{original}?q={n}09'onmouseover='alert({n}09)'&amp;x=1&r=1#'onfocus='alert({n}05)"


def _step(node, step):
    if isinstance(step, dict):
        for item in node:
            if isinstance(item, dict) and all(item.get(k) == v for k, v in step.items()):
                return item
        raise LookupError(f"no item with {step}")
    return node[step]


def schema_comment(text: str) -> str:
    """The file's ``# yaml-language-server: $schema=...`` line, which the validator requires."""
    first = text.split("\n", 1)[0]
    return first + "\n" if first.startswith("# yaml-language-server:") else ""


def inject(data_dir: Path) -> dict[int, str]:
    """Write the payloads into the copy's data; the injection points by number (from 1)."""
    by_file: dict[str, list[tuple[int, tuple, object]]] = {}
    for n, (name, path, longest) in enumerate(INJECTIONS, start=1):
        by_file.setdefault(name, []).append((n, path, lambda value, n, longest=longest: hostile_value(value, n, longest)))
    for n, (name, path) in enumerate(URL_INJECTIONS, start=len(INJECTIONS) + 1):
        by_file.setdefault(name, []).append((n, path, hostile_url))
    where = {}
    for name, points in by_file.items():
        file = data_dir / name
        text = file.read_text("utf-8")
        data = yaml.safe_load(text)
        for n, path, hostile in points:
            parent = data
            for step in path[:-1]:
                parent = _step(parent, step)
            parent[path[-1]] = hostile(parent[path[-1]], n)
            where[n] = f"data/{name}: {' > '.join(map(str, path))}"
        file.write_text(schema_comment(text) + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), "utf-8")
    return where


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = sitekit.copy_project(tmp_path_factory.mktemp("hostile-project"))
    for part in ("data", "seeds"):
        shutil.rmtree(project / part)
        shutil.copytree(FIXTURES / part, project / part)
    where = inject(project / "data")
    cff = (project / "CITATION.cff").read_text("utf-8")
    cff = cff.replace('title: "New quality', f"title: '{HOSTILE_CFF} New quality").replace("explainer\"\n", "explainer'\n", 1)
    cff = cff.replace("abstract: >-\n", f"abstract: >-\n  {HOSTILE_CFF.replace('<!--', 'x')}\n", 1)
    (project / "CITATION.cff").write_text(cff, "utf-8")
    out = tmp_path_factory.mktemp("hostile-site")
    server = sitekit.PagesServer(out, sitekit.PREFIX)
    result = sitekit.build(project, out, server.url)
    assert result.returncode == 0, "the hostile data must still build (it is valid data):\n" + result.stderr
    with server:
        yield HostileSite(server, out, sitekit.page_paths(out), where=where)


@dataclass
class HostileSite(sitekit.BuiltSite):
    where: dict[int, str] = field(default_factory=dict)


# -- What counts as a leak ---------------------------------------------------------------------------------

MARK = re.compile(r"alert\((\d+)0(\d)\)")
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _Audit(HTMLParser):
    """Leaks in one HTML page: event-handler attributes, javascript: URLs, payloads inside
    executable scripts, data blocks that do not parse; and the page's visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.leaks: list[str] = []
        self.text: list[str] = []
        self._script: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        href = (values.get("href") or "").strip()
        if tag == "a" and href.startswith(("http:", "https:")) and not href.startswith(("http://127.0.0.1", "http://localhost")):
            rel = set((values.get("rel") or "").split())
            if not {"noopener", "noreferrer"} <= rel:
                self.leaks.append(f"<a href={href[:80]!r}> leads off the site without rel=\"noopener noreferrer\"")
        for name, value in attrs:
            if name.startswith("on"):
                self.leaks.append(f"<{tag}> has an event handler attribute {name}={value!r}")
            if name in ("href", "src", "xlink:href", "action", "formaction") and value and value.strip().lower().startswith("javascript:"):
                self.leaks.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self._script = ((dict(attrs).get("type") or "").lower(), [])

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            kind, parts = self._script
            body = "".join(parts)
            if kind in JS_TYPES and MARK.search(body):
                self.leaks.append(f"a payload runs as script: {body[:120]!r}")
            elif kind.endswith("json"):
                try:
                    json.loads(body)
                except json.JSONDecodeError as error:
                    self.leaks.append(f"<script type={kind}> is no longer JSON (a break-out?): {error}: {body[:120]!r}")
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
        else:
            self.text.append(data)


def audit_html(text: str) -> tuple[list[str], str]:
    parser = _Audit()
    parser.feed(text)
    parser.close()
    return parser.leaks, "".join(parser.text)


def audit_xml(text: str) -> list[str]:
    """Feeds and sitemaps: well-formed, and no payload markup in any text (readers render
    feed text as HTML, so a payload must arrive there still escaped)."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        return [f"no longer well-formed XML: {error}"]
    leaks = []
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1].lower() == "script":
            leaks.append("a <script> element")
        if element.get("type") in ("html", "xhtml"):
            # Declared HTML: readers render it, so audit it as the HTML it is.
            found, _ = audit_html(element.text or "")
            leaks.extend(f"in feed HTML: {leak}" for leak in found)
            continue
        for value in [element.text or "", *element.attrib.values()]:
            # Plain text a careless reader might still render as HTML: no tags may survive.
            if MARK.search(value) and re.search(r"<(script|img)\b|<\w+[^>]*\son\w+=", value, re.I):
                leaks.append(f"payload markup unescaped in feed text: {value[:160]!r}")
    return leaks


def audit_ics(text: str) -> list[str]:
    """Calendars: a payload's line break must not start a property of its own."""
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    return [f"injected calendar line: {line!r}" for line in unfolded.splitlines() if line.startswith("X-NQPF-INJECTED")]


def leaks_in(site: sitekit.BuiltSite) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for file in sorted(site.dir.rglob("*")):
        rel = file.relative_to(site.dir).as_posix()
        if file.suffix == ".html":
            leaks = audit_html(file.read_text("utf-8"))[0]
        elif file.suffix in (".xml", ".rss", ".atom"):
            leaks = audit_xml(file.read_text("utf-8"))
        elif file.suffix == ".ics":
            leaks = audit_ics(file.read_text("utf-8"))
        elif file.suffix in (".json", ".jsonld"):
            try:
                json.loads(file.read_text("utf-8"))
                leaks = []
            except json.JSONDecodeError as error:
                leaks = [f"no longer JSON: {error}"]
        else:
            continue
        if leaks:
            found[rel] = leaks
    return found


def trace(site: HostileSite, leaks: list[str]) -> str:
    """Name the data field each leaked payload came from."""
    lines = []
    for leak in leaks:
        fields = sorted({site.where.get(int(m.group(1)), "?") for m in MARK.finditer(leak)})
        lines.append(f"{leak}\n      from {', '.join(fields) or 'no injected field'}")
    return "\n".join(lines)


# -- The gates ---------------------------------------------------------------------------------------------

def test_no_payload_escapes_anywhere(hostile_site):
    found = leaks_in(hostile_site)
    assert found == {}, "\n" + "\n".join(f"{page}:\n  {trace(hostile_site, leaks)}" for page, leaks in found.items())


@pytest.fixture(scope="module")
def page_texts(hostile_site) -> list[str]:
    """Every page's visible text, whitespace folded, read once for all the points."""
    return [" ".join(audit_html((hostile_site.dir / page).read_text("utf-8"))[1].split()) for page in hostile_site.pages]


@pytest.mark.parametrize("n", range(1, len(INJECTIONS) + 1), ids=[f"{f}:{'>'.join(map(str, p))}" for f, p, _ in INJECTIONS])
def test_each_payload_is_shown_as_text(hostile_site, page_texts, n):
    """Proof that the payloads reached a page at all (else the test above passes by default)."""
    wanted = [" ".join(p.split()) for p in payloads_for(n, INJECTIONS[n - 1][2])]
    if not any(all(p in text for p in wanted) for text in page_texts):
        pytest.fail(f"the payloads of {hostile_site.where[n]} appear as text on no page")


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(v for k, v in attrs if k == "id" and v)


def test_hostile_text_moves_no_anchor(hostile_site, tmp_path):
    """Every entry's permanent anchor survives: a payload's line break must not push the
    ``{ #id }`` off its heading."""
    ids = set()
    for page in hostile_site.pages:
        parser = _Ids()
        parser.feed((hostile_site.dir / page).read_text("utf-8"))
        ids |= parser.ids
    for name in sorted({name for name, _, _ in INJECTIONS}):
        data = yaml.safe_load((FIXTURES / "data" / name).read_text("utf-8"))
        kind = by_dataset(name.removesuffix(".yaml"))
        entry_ids = {kind.anchor(item["id"]) for item in data if isinstance(item, dict) and "id" in item} if kind and isinstance(data, list) else set()
        assert entry_ids - ids == set(), f"data/{name}: these entries lost their anchor"


def test_search_results_show_payloads_as_text(hostile_site, new_page):
    page = new_page()
    visit = sitekit.load(page, hostile_site.url, hostile_site.server.origin)
    page.locator(".md-search__input").click()
    page.keyboard.type("onerror", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    injected = page.evaluate("""() => [...document.querySelectorAll('.md-search-result *')]
        .filter(el => el.tagName === 'SCRIPT' || el.tagName === 'IMG' || [...el.attributes].some(a => a.name.startsWith('on')))
        .map(el => el.outerHTML.slice(0, 160))""")
    assert injected == []
    assert visit.console_errors == [] and visit.csp_violations == [] and visit.page_errors == []


def test_the_audit_catches_each_kind_of_leak():
    """The gate itself: each break-out shape is reported."""
    leaks, _ = audit_html(
        '<p onmouseover="alert(104)">x</p><a href=" JavaScript:alert(103)">y</a><script>alert(101)</script>'
        '<script type="application/ld+json">{"name": "</script><script>alert(102)</script>"}</script>'
    )
    assert leaks == [
        "<p> has an event handler attribute onmouseover='alert(104)'",
        "<a href=' JavaScript:alert(103)'>",
        "a payload runs as script: 'alert(101)'",
        "<script type=application/ld+json> is no longer JSON (a break-out?): Unterminated string starting at: line 1 column 10 (char 9): "
        "'{\"name\": \"'",
        "a payload runs as script: 'alert(102)'",
    ]
    assert audit_xml("<rss><title>&lt;script>alert(101)&lt;/script></title></rss>") == [
        "payload markup unescaped in feed text: '<script>alert(101)</script>'"
    ]
    assert audit_xml("<rss><title>&amp;lt;script&amp;gt;alert(101)</title></rss>") == []
    assert audit_xml('<feed><summary type="html">&lt;img src=x onerror=alert(102)&gt;</summary></feed>') == [
        "in feed HTML: <img> has an event handler attribute onerror='alert(102)'"
    ]
    assert audit_xml('<feed><summary type="html">&amp;lt;img src=x onerror=alert(102)&amp;gt;</summary></feed>') == []
    assert audit_ics("BEGIN:VCALENDAR\r\nSUMMARY:x\r\nX-NQPF-INJECTED:108\r\nEND:VCALENDAR\r\n") == [
        "injected calendar line: 'X-NQPF-INJECTED:108'"
    ]


def test_a_hostile_url_stays_inside_its_href(hostile_site):
    """The quotes in the URL are escaped within the attribute: the page still links the URL, whole."""
    n = len(INJECTIONS) + 1
    sources = (hostile_site.dir / "sources" / "index.html").read_text("utf-8")
    hrefs = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "a":
                hrefs.append(dict(attrs).get("href", ""))

    Links().feed(sources)
    assert any(h.endswith(f"?q={n}09'onmouseover='alert({n}09)'&amp;x=1&r=1#'onfocus='alert({n}05)") for h in hrefs), hrefs[:5]


def test_a_hostile_citation_cff_cannot_break_the_data_page(hostile_site):
    """The copy has no .git, so its data is dated by the newest day in it; CITATION.cff's title and
    abstract try to close the JSON-LD script and open another."""
    html = (hostile_site.dir / "data" / "index.html").read_text("utf-8")
    assert '<script>alert("x")' not in html
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    assert blocks and blocks[0]["name"].startswith(HOSTILE_CFF)
    combined = json.loads((hostile_site.dir / "data" / "nqpf.json").read_text("utf-8"))
    newest = max(re.findall(r'"(\d{4}-\d{2}-\d{2})"', json.dumps(combined["datasets"])))
    assert combined["data_date"] == newest

