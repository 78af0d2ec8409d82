"""How much page an entry takes: the median height of an entry, measured in Chromium.

Each entry page of our site is opened at 1280 and 360 px (a phone, in the light palette, with the
system fonts the site uses); for each kind of entry the median of two figures is reported:

- ``box``: the height of the entry's own box (heading to its last line of sources);
- ``pitch``: the distance from one entry's top to the next one's in the same group, which adds the
  space between entries (what the issue's "px per term" means to a reader scrolling the page).

Targets (issue 12): a glossary term at most 260 px at 1280 px and 400 px at 360 px; a timeline event
at most 330 and 500 px. Both figures are held to them.
"""

from __future__ import annotations

import statistics

from .context import Context
from .weight import FLAGS

WIDTHS = (1280, 360)
ENTRIES = {
    "glossary/index.html": ".nqpf-term-entry",
    "timeline/index.html": "li.nqpf-event",
    "provinces/index.html": ".nqpf-province",
    "people/index.html": ".nqpf-person",
    "debate/index.html": ".nqpf-view",
    "sources/index.html": ".nqpf-source",
}
TARGETS = {"glossary/index.html": {1280: 260, 360: 400}, "timeline/index.html": {1280: 330, 360: 500}}

UNSKIP = ".md-typeset .nqpf-entry, .md-typeset .nqpf-entry > * { content-visibility: visible !important; }"

_MEASURE = """sel => {
    const els = [...document.querySelectorAll(sel)];
    const boxes = els.map(e => e.getBoundingClientRect().height);
    const pitches = els.map(e => [e, e.nextElementSibling]).filter(([e, n]) => n && n.matches(sel))
        .map(([e, n]) => n.getBoundingClientRect().top - e.getBoundingClientRect().top);
    return {boxes, pitches, page: document.documentElement.scrollHeight};
}"""


def run(ctx: Context) -> dict:
    from playwright.sync_api import sync_playwright

    ours = ctx.ours()
    result: dict = {"targets": {p: {str(w): t for w, t in by.items()} for p, by in TARGETS.items()}, "pages": {}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=ctx.chromium(), args=FLAGS)
        for width in WIDTHS:
            # bypass_csp: the site's policy forbids the style added below, as it should for everyone else.
            options = {"viewport": {"width": width, "height": 900}, "bypass_csp": True}
            if width < 600:
                options.update(is_mobile=True, has_touch=True)
            context = browser.new_context(**options)
            tab = context.new_page()
            for page, selector in ENTRIES.items():
                if page not in ours.pages:
                    continue
                tab.goto(ours.url_of(page), wait_until="networkidle")
                # Entries far from the screen are not laid out (content-visibility) and report a
                # placeholder height: lay every one out, to measure what a reader scrolls past.
                tab.add_style_tag(content=UNSKIP)
                found = tab.evaluate(_MEASURE, selector)
                if not found["boxes"]:
                    continue
                row = {
                    "entries": len(found["boxes"]),
                    "box_px": round(statistics.median(found["boxes"])),
                    "pitch_px": round(statistics.median(found["pitches"])) if found["pitches"] else None,
                    "tallest_px": round(max(found["boxes"])),
                    "page_px": found["page"],
                }
                target = TARGETS.get(page, {}).get(width)
                if target:
                    row["target_px"] = target
                    row["meets_target"] = row["box_px"] <= target and (row["pitch_px"] or 0) <= target
                result["pages"].setdefault(page, {})[str(width)] = row
            context.close()
        browser.close()
    return result


def table(result: dict) -> list[tuple[str, str, str, str]]:
    rows = []
    for page, by_width in result["pages"].items():
        for width, row in by_width.items():
            goal = (f"target <= {row['target_px']}: {'met' if row['meets_target'] else 'NOT met'}; "
                    if "target_px" in row else "")
            rows.append((f"layout: {page.split('/')[0]} entry at {width} px (median)", f"{row['box_px']} px", "-",
                         f"{goal}pitch {row['pitch_px']} px, tallest {row['tallest_px']} px, {row['entries']} entries"))
    return rows
