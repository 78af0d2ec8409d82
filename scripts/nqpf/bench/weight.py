"""Compressed page weight: the bytes a first visit transfers, per page type.

Each page is opened in a fresh Chromium profile (empty cache) from the gzip
server; every response's encoded body size is added up, split into the HTML and
everything else, with the search index shown apart. Plain Material fetches the
index as a page loads; this site fetches it when a reader first reaches for search
(overrides/assets/javascripts/nqpf/search-index.js), so on the home page the search box
is then focused and what that fetches is counted apart, as the cost of a first
search. Plain Material's home and a content page are the baseline.
"""

from __future__ import annotations

from .context import Context, Served

# The Chromium flags the closed network needs (see shared/NOTES.md).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def page_type(page: str) -> str:
    if page == "index.html":
        return "home"
    if page == "404.html":
        return "404"
    return page.split("/", 1)[0]


def _measure(browser, site: Served, page: str, search: bool = False) -> dict:
    context = browser.new_context()
    tab = context.new_page()
    responses = []
    tab.on("requestfinished", lambda request: responses.append(request))
    url = site.url + "no-such-page/" if page == "404.html" else site.url_of(page)
    tab.goto(url, wait_until="networkidle")
    tab.wait_for_timeout(300)  # the search worker's index request may start just after idle
    loaded = len(responses)
    if search:  # a reader reaches for search: what does that fetch on top?
        with tab.expect_request_finished(lambda r: r.url.endswith("search_index.json"), timeout=10_000):
            tab.focus(".md-search__input")
    html = total = index = 0
    on_search = sum(_size(r) for r in responses[loaded:])
    for request in responses[:loaded]:
        size = _size(request)
        total += size
        if request.resource_type == "document":
            html += size
        if request.url.endswith("search_index.json"):
            index += size
    context.close()
    return {"html_bytes": html, "total_bytes": total, "search_index_bytes": index, "requests": loaded,
            **({"first_search_bytes": on_search} if search else {})}


def _size(request) -> int:
    size = request.sizes()["responseBodySize"]
    if size == 0 and request.response() is not None:  # a worker's requests report no sizes
        size = int(request.response().header_value("content-length") or 0)
    return size


def run(ctx: Context) -> dict:
    from playwright.sync_api import sync_playwright

    ours, plain = ctx.ours(), ctx.plain()
    result: dict = {"ours": {}, "plain": {}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=ctx.chromium(), args=FLAGS)
        for page in ours.pages:
            result["ours"][page_type(page)] = _measure(browser, ours, page, search=page == "index.html") | {"page": page}
        content = next(p for p in plain.pages if p.startswith("page-"))
        for page, kind in (("index.html", "home"), (content, "content page"), ("404.html", "404")):
            result["plain"][kind] = _measure(browser, plain, page) | {"page": page}
        browser.close()
    home = result["ours"].get("home")
    if home:
        result["home_goal_kib"] = HOME_GOAL_KIB
        result["home_kib"] = round(home["total_bytes"] / 1024, 1)
        result["home_meets_goal"] = result["home_kib"] <= HOME_GOAL_KIB
    return result


HOME_GOAL_KIB = 100


def table(result: dict) -> list[tuple[str, str, str, str]]:
    rows = []
    home = result["ours"].get("home")
    if home:
        kib = home["total_bytes"] / 1024
        index = home["search_index_bytes"] / 1024
        rows.append(("weight: home (KiB)", f"{kib:.1f}", f"{result['plain']['home']['total_bytes'] / 1024:.1f}",
                     f"goal <= {HOME_GOAL_KIB} KiB: {'met' if kib <= HOME_GOAL_KIB else 'NOT met'}; "
                     f"of which the search index {index:.1f} KiB on load; a first search then fetches "
                     f"{home.get('first_search_bytes', 0) / 1024:.1f} KiB more"))
    for kind, ours in result["ours"].items():
        base = result["plain"].get(kind if kind in ("home", "404") else "content page")
        rows.append((f"weight: {kind} (gzip bytes)", f"{ours['total_bytes']:,}", f"{base['total_bytes']:,}",
                     f"HTML {ours['html_bytes']:,} vs {base['html_bytes']:,}; {ours['requests']} vs {base['requests']} requests"))
    return rows
