"""Data is text, never markup: hostile strings in the fixture stay inert on every page.

The fixture puts ``<script>``, ``</script>``, ``[x](javascript:...)`` and
``" onmouseover=`` into a glossary term (and its short definition, shown as
a tooltip), an event title and summary, a source's title and outlet, a
person's affiliation, a figure's measure, a province's plan, a formulation's
speaker and an industry name.
"""

from __future__ import annotations

import json
import re

import pytest

from sitepages import PAGES, page, parse

# Text that appears only where a hostile string is shown, escaped, as text.
SHOWN_AS_TEXT = {
    "glossary": ["Hostile <script>alert('term')</script> </script> [x](javascript:alert(1)) \" onmouseover=\"alert(1)"],
    "timeline": [
        "Hostile <script>alert('event')</script> </script> [x](javascript:alert(1)) \" onmouseover=\"alert(1)",
        "tries <img src=x onerror=alert(1)> and *emphasis* and [a link](javascript:alert(2)).",
    ],
    "sources": ["Hostile <script>alert('title')</script> [x](javascript:alert(1)) \" onmouseover=\"alert(1)"],
    "people": ["Hostile \" onmouseover=\"alert(1) <i>delegation</i>"],
    "figures": ["Research and development spending <script>alert('fig')</script>"],
    "provinces": ["Spend more on basic research <script>alert('plan')</script>."],
    "definition": ["Observers <em>quoted</em> by Beta Wire"],
    "drivers": ["digital economy <script>x</script>"],
}


def all_pages(site):
    return sorted(site.rglob("*.html"))


def test_no_page_runs_or_links_a_payload(fixture_site):
    for path in all_pages(fixture_site):
        parsed = parse(path.read_text("utf-8"))
        where = path.relative_to(fixture_site)
        for element in parsed.elements:
            handlers = [name for name in element.attrs if name.startswith("on")]
            assert not handlers, f"{where}: <{element.tag}> has event handler attribute(s) {handlers}"
            for name in ("href", "src", "action", "formaction", "xlink:href"):
                value = (element.attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:text/html")), f"{where}: <{element.tag} {name}={value!r}>"
            if element.tag == "script" and element.attrs.get("type") == "application/ld+json":
                # Data, not script: it must stay one JSON value, with no tag that could close it.
                json.loads(element.text)
                assert "</" not in element.text, f"{where}: JSON-LD could close its script element"
            elif element.tag == "script":
                assert "alert" not in element.text, f"{where}: a script runs {element.text[:80]!r}"
            assert element.tag not in ("img",) or element.attrs.get("src") != "x", f"{where}: an <img> from the data"


@pytest.mark.parametrize("name", sorted(SHOWN_AS_TEXT))
def test_hostile_text_is_shown_as_text(fixture_site, name):
    html = (fixture_site / PAGES[name]).read_text("utf-8")
    parsed = parse(re.sub(r'<span class="nqpf-tip".*?</span>', "", html))  # tooltips interrupt the sentence
    text = " ".join(" ".join(e.text.split()) for e in parsed.elements if e.tag == "article")
    for value in SHOWN_AS_TEXT[name]:
        assert value in text, f"{name}: {value!r} is not shown as text"


def test_tooltip_of_a_hostile_term_is_text(fixture_site):
    tips = page(fixture_site, "timeline").find("span", class_="nqpf-tip")
    hostile = [t for t in tips if "markup" in t.text]
    assert hostile and hostile[0].text == "A made-up term with <b>markup</b> & [a link](javascript:alert(3)) in its definition."


def test_search_index_holds_hostile_text_escaped(fixture_site):
    index = json.loads((fixture_site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            value = doc[key]
            assert "<script" not in value and "<img" not in value and "<b>" not in value, f"{doc['location']}: {value[:120]!r}"
    assert any("&lt;script&gt;alert(&#x27;event&#x27;)" in d["title"] or "&lt;script&gt;alert('event')" in d["title"]
               for d in index["docs"]), "the hostile event title is missing from the index"

