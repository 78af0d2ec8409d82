"""Driving Chromium: loading a page and recording what it asked for and what it broke."""

from __future__ import annotations

from dataclasses import dataclass, field

from nqpf.bench.sites import copy_project  # noqa: F401 - the gates copy the project the way the bench does

# Without these Chromium waits on the closed network (measured on these machines: without them a page load waits for
# background requests that never answer).
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]



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


