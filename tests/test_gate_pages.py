"""Every built page, in real Chromium, served under a sub-path as on GitHub Pages:
it loads with no console error, no failed or foreign request and no
Content-Security-Policy violation, and axe-core finds nothing in the light palette at
1280 px. The phone and the dark palette are in test_gate_phone.py, a file of its own so that
the two halves can run on two workers.

The light palette's axe run reads the page the load gate has just opened, under the site's own
policy (axe is evaluated through the DevTools protocol, which the policy does not govern): one
visit per page for both."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import sitekit


def test_page_loads_cleanly_and_axe_finds_no_violation_in_the_light_palette(open_gate_page, built_page):
    page, visit = open_gate_page(built_page, settle=True, color_scheme="light")
    assert visit.status == (404 if built_page == "404.html" else 200)
    assert visit.console_errors == []
    assert visit.page_errors == []
    assert visit.failed_requests == []
    assert visit.foreign_requests == [], "the site must load nothing from another host"
    assert visit.csp_violations == []
    sitekit.assert_axe_passes(page, "light")


def test_page_declares_a_content_security_policy(served_site, built_page):
    html = (served_site.dir / built_page).read_text("utf-8")
    policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert len(policies) == 1, "exactly one CSP meta tag"
    directives = dict(d.strip().split(" ", 1) for d in policies[0].split(";") if d.strip())
    assert directives["default-src"] == "'self'"
    assert "unsafe-inline" not in directives.get("script-src", "") and "unsafe-eval" not in directives.get("script-src", "")
    # A meta CSP only applies to what follows it: it must come before any script or style.
    assert html.index("Content-Security-Policy") < min(i for i in (html.find("<script"), html.find("<link"), html.find("<style")) if i >= 0)


class _Inline(HTMLParser):
    """What a ``script-src 'self'; style-src 'self'`` policy would block in one page."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...> (an inline event handler)")
        if "style" in attrs:
            self.found.append(f"<{tag} style={attrs['style']!r}> (style it with a class in a stylesheet)")
        if tag == "style":
            self.found.append("<style> element (move it into a stylesheet)")
        if tag == "script" and "src" not in attrs:
            self._script_type = (attrs.get("type") or "").lower()

    def handle_data(self, data):
        if self._script_type is not None and self._script_type in ("", "text/javascript", "application/javascript", "module") and data.strip():
            self.found.append(f"inline <script>{data.strip()[:60]}...</script> (move it into a file)")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script_type = None


def test_page_has_nothing_the_policy_blocks(served_site, built_page):
    """Read from the HTML, so a blocked inline script is named even where the browser stays quiet."""
    parser = _Inline()
    parser.feed((served_site.dir / built_page).read_text("utf-8"))
    assert parser.found == []


def test_the_load_gate_catches_errors_csp_violations_and_foreign_requests(tmp_path, new_page):
    """The gate itself, on a page that does everything wrong."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self' https:\"><title>bad</title>"
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head><body>'
        '<script>document.title = "ran"</script><p style="color: red">x</p><img src="missing.png" alt="">'
        '<script src="broken.js"></script></body></html>', "utf-8")
    (tmp_path / "broken.js").write_text("undefinedFunction();", "utf-8")
    with sitekit.PagesServer(tmp_path, sitekit.PREFIX) as server:
        page = new_page()
        visit = sitekit.load(page, server.url, server.origin)
    assert visit.foreign_requests == ["https://fonts.googleapis.com/css?family=Roboto"]
    assert [v.split(" at ")[0] for v in visit.csp_violations] == ["script-src-elem blocked inline", "style-src-attr blocked inline"]
    assert f"{server.url}missing.png: HTTP 404" in visit.failed_requests
    assert visit.page_errors == ["undefinedFunction is not defined"]
    assert any("Content Security Policy" in e for e in visit.console_errors)
    assert page.title() == "bad"


def test_axe_runs_under_the_pages_own_policy_and_finds_what_is_wrong(tmp_path, new_page):
    """axe itself, on a page whose policy refuses every inline script: it still runs, and finds a
    missing text alternative and faint text; limited to the colour rules, only the faint text."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"><title>axe</title>"
        '<link rel="stylesheet" href="faint.css"></head><body><main><h1>Axe</h1>'
        '<img src="picture.png"><p class="faint">Hardly readable text.</p></main></body></html>', "utf-8")
    (tmp_path / "faint.css").write_text(".faint { color: #ddd; background: #fff; }", "utf-8")
    (tmp_path / "picture.png").write_bytes(b"")
    with sitekit.PagesServer(tmp_path, sitekit.PREFIX) as server:
        page = new_page()
        page.goto(server.url, wait_until="load")
        found = {v["id"] for v in sitekit.run_axe(page)}
        colours = {v["id"] for v in sitekit.run_axe(page, rules=sitekit.AXE_COLOUR_RULES)}
    assert {"image-alt", "color-contrast"} <= found
    assert colours == {"color-contrast"}


def test_the_phone_rules_catch_a_target_too_small_and_too_close(tmp_path, new_page):
    """axe's target-size rule, as the phone gate runs it: two 12 px buttons side by side fail (neither is
    24 px, and a 24 px circle on one reaches the other); the same buttons 40 px apart pass."""
    css = "button { width: 12px; height: 12px; padding: 0; border: 0; margin: 0; } .apart button + button { margin-left: 40px; }"
    (tmp_path / "small.css").write_text(css, "utf-8")
    page_html = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>targets</title>'
                 '<link rel="stylesheet" href="small.css"></head><body><main><h1>Targets</h1>'
                 '<p class="{cls}"><button aria-label="one"></button><button aria-label="two"></button></p></main></body></html>')
    for name, cls in (("close", ""), ("apart", "apart")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(page_html.format(cls=cls), "utf-8")
        (tmp_path / name / "small.css").write_text(css, "utf-8")
    found = {}
    with sitekit.PagesServer(tmp_path, sitekit.PREFIX) as server:
        page = new_page()
        for name in ("close", "apart"):
            page.goto(f"{server.url}{name}/", wait_until="load")
            found[name] = {v["id"] for v in sitekit.run_axe(page, rules=sitekit.AXE_PHONE_RULES)}
    assert "target-size" in found["close"]
    assert "target-size" not in found["apart"]
