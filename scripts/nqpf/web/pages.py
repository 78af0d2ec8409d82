"""Which page is built from which data: the site's table of contents.

Each builder owns one page: it takes the :class:`~nqpf.web.model.Site` built
once from the curated data, arranges plain data for its template and returns
the page's Markdown. :data:`PAGES` maps a generated page's source path to its
builder. Hand-written pages (home, about) hold named markers such as
``<!-- nqpf:key-dates -->``; :data:`MARKERS` maps each marker to the builder
of the Markdown that replaces it, and :data:`REQUIRED_MARKERS` says which
markers each hand-written page must have.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..checks import CHECKS, schema
from ..extract.coverage import coverage
from . import chart, tilemap
from .model import Site, industries_anchor
from .render import render


def _months_of(events: list[dict]) -> list[dict]:
    """A year's events by month; events dated to the year alone come first."""
    groups: dict[str, list[dict]] = {}
    for event in events:
        groups.setdefault(event["date"][:7] if event["precision"] != "year" else "", []).append(event)
    months = []
    for key in sorted(groups):
        if key:
            label = dt.date(int(key[:4]), int(key[5:7]), 1).strftime("%B %Y")
            months.append({"label": label, "anchor": f"month-{key}", "events": groups[key]})
        else:
            year = events[0]["date"][:4]
            months.append({"label": f"{year}, month not given", "anchor": f"year-{year}-undated", "events": groups[key]})
    return months


def timeline_page(site: Site) -> str:
    events = list(site.events.values())
    by_year: dict[str, list[dict]] = {}
    for event in events:
        by_year.setdefault(event["date"][:4], []).append(event)
    years = [{"year": y, "count": len(items), "months": _months_of(items)} for y, items in sorted(by_year.items())]
    counts: dict[str, int] = {}
    for event in events:
        counts[event["category"]] = counts.get(event["category"], 0) + 1
    categories = [{"value": c, "count": n} for c, n in sorted(counts.items())]
    return render("timeline.md.j2", site=site, years=years, categories=categories, total=len(events))


def definition_page(site: Site) -> str:
    by_speaker: dict[str, dict] = {}
    for item in site.concept.get("formulations") or []:
        key = item.get("speaker") or item.get("speaker_label")
        by_speaker.setdefault(key, {"speaker": item, "items": []})["items"].append(item)
    sources_by_name = [
        {"name": n, "sources": list(dict.fromkeys(e["source"] for e in n["evidence"]))} for n in site.concept["names"]
    ]
    return render("definition.md.j2", site=site, c=site.concept, speakers=list(by_speaker.values()), names=sources_by_name)


def drivers_page(site: Site) -> str:
    by_source: dict[str, list[dict]] = {}
    for entry in site.concept.get("industries") or []:
        by_source.setdefault(entry["source"], []).append(entry)
    industries = [{"source": source, "anchor": industries_anchor(source), "entries": entries} for source, entries in by_source.items()]
    return render("drivers.md.j2", site=site, c=site.concept, industries=industries)


def provinces_page(site: Site) -> str:
    provinces = list(site.provinces.values())
    statuses = {p["id"]: tilemap.status(p, site.events_by_province.get(p["id"], [])) for p in provinces}
    tiles = tilemap.tiles(provinces, statuses)
    width, height = tilemap.size()
    legend = [{"key": k, "label": text, "count": sum(1 for s in statuses.values() if s == k)} for k, text in tilemap.STATUSES]
    return render(
        "provinces.md.j2", site=site, provinces=provinces, statuses=dict(tilemap.STATUSES), status=statuses,
        tiles=tiles, width=width, height=height, tile_w=tilemap.TILE_W, tile_h=tilemap.TILE_H, legend=legend,
    )


def _letter(term: str) -> str:
    first = term.lstrip("\"'“‘(")[:1].upper()
    return first if first.isalpha() and first.isascii() else "#"


def glossary_page(site: Site) -> str:
    terms = sorted(site.glossary.values(), key=lambda t: (_letter(t["term"]), t["term"].lower()))
    letters: dict[str, list[dict]] = {}
    for term in terms:
        letters.setdefault(_letter(term["term"]), []).append(term)
    alphabet = ["#", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    index = [{"letter": a, "anchor": letter_anchor(a), "present": a in letters} for a in alphabet if a != "#" or "#" in letters]
    groups = [{"letter": a, "anchor": letter_anchor(a), "terms": letters[a]} for a in alphabet if a in letters]
    return render("glossary.md.j2", site=site, index=index, groups=groups, total=len(terms))


def letter_anchor(letter: str) -> str:
    return "letter-0-9" if letter == "#" else f"letter-{letter.lower()}"


def people_page(site: Site) -> str:
    return render("people.md.j2", site=site, people=list(site.people.values()))


def figures_page(site: Site) -> str:
    figures = list(site.figures.values())
    return render("figures.md.j2", site=site, figures=figures, charts=chart.charts(figures))


# How the sources page groups the facts that cite a source.
CITING = (
    ("concept", "Concept and drivers"),
    ("timeline", "Timeline events"),
    ("provinces", "Provinces"),
    ("glossary", "Glossary terms"),
    ("people", "People"),
    ("figures", "Figures"),
)


def sources_page(site: Site) -> str:
    sources = []
    for source in site.sources.values():
        cited = site.citations.get(source["id"], [])
        groups = [
            {"label": label, "facts": facts}
            for dataset, label in CITING
            if (facts := [c for c in cited if c.dataset == dataset])
        ]
        sources.append({"s": source, "groups": groups, "total": len(cited)})
    return render("sources.md.j2", site=site, sources=sources, coverage=coverage(site.curated))


PAGES: dict[str, Callable[[Site], str]] = {
    "definition.md": definition_page,
    "drivers.md": drivers_page,
    "timeline.md": timeline_page,
    "provinces.md": provinces_page,
    "glossary.md": glossary_page,
    "people.md": people_page,
    "figures.md": figures_page,
    "sources.md": sources_page,
}


# ---- Markers in hand-written pages -------------------------------------------


def answer_marker(site: Site) -> str:
    return render("markers/answer.md.j2", site=site, c=site.concept)


def drivers_marker(site: Site) -> str:
    return render("markers/drivers.md.j2", site=site, c=site.concept)


def key_dates_marker(site: Site) -> str:
    return render("markers/key-dates.md.j2", site=site, events=[e for e in site.events.values() if e.get("key")])


def provinces_marker(site: Site) -> str:
    provinces = list(site.provinces.values())
    with_plans = [p for p in provinces if tilemap.status(p, site.events_by_province.get(p["id"], [])) == "plans"]
    return render("markers/provinces.md.j2", site=site, with_plans=with_plans, total=len(provinces))


def updated_marker(site: Site) -> str:
    return render("markers/updated.md.j2", site=site)


def counts_marker(site: Site) -> str:
    counts = [
        (len(site.sources), "source articles", "sources.md"),
        (len(site.events), "dated events", "timeline.md"),
        (len(site.glossary), "glossary terms", "glossary.md"),
        (len(site.people), "people", "people.md"),
        (len(site.figures), "figures", "figures.md"),
        (len(site.provinces), "provincial-level divisions", "provinces.md"),
    ]
    return render("markers/counts.md.j2", site=site, counts=counts)


# The validator's rules in the order it applies them: shape first, then the rest.
RULES = (schema.check_schemas, schema.check_schema_comment, *CHECKS)


def checks_marker(site: Site) -> str:
    rules = [" ".join((check.__doc__ or "").split()) for check in RULES]
    return render("markers/checks.md.j2", site=site, rules=[r for r in rules if r])


def cite_marker(site: Site) -> str:
    example = next((e for e in site.events.values() if e.get("key")), None)
    return render("markers/cite.md.j2", site=site, example=example)


MARKERS: dict[str, Callable[[Site], str]] = {
    "answer": answer_marker,
    "drivers": drivers_marker,
    "key-dates": key_dates_marker,
    "provinces": provinces_marker,
    "updated": updated_marker,
    "counts": counts_marker,
    "checks": checks_marker,
    "cite": cite_marker,
}

REQUIRED_MARKERS: dict[str, frozenset[str]] = {
    "index.md": frozenset({"answer", "drivers", "key-dates", "provinces", "updated"}),
    "about.md": frozenset({"counts", "checks", "cite", "updated"}),
}
