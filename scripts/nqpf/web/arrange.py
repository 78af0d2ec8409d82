"""How a generated page arranges its entries: plain data for its template.

Each function takes the :class:`~nqpf.site.Site` and returns the extra context
its page's template needs beyond ``site``, ``kind`` and ``entries`` (grouping by
year and month, by letter, the time axis, the tile map, the charts). :data:`BY_KIND`
names the function each kind's page uses (a kind that needs nothing more than its
entries has none), :data:`CONCEPT_PAGES` those of the concept's pages. This is the
page layer: the registry (:mod:`nqpf.kinds`) knows nothing of it.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import datefmt, outlets
from ..kinds import KINDS, industries_anchor, shown_values
from ..site import Site
from . import axis, chart, series_chart, tilemap


def _months_of(events: list[dict]) -> list[dict]:
    """A year's events by month; events dated to the year alone come first."""
    groups: dict[str, list[dict]] = {}
    for event in events:
        groups.setdefault(event["date"][:7] if event["precision"] != "year" else "", []).append(event)
    months = []
    for key in sorted(groups):
        if key:
            months.append({"label": datefmt.month_heading(key), "anchor": f"month-{key}", "events": groups[key]})
        else:
            year = events[0]["date"][:4]
            months.append({"label": f"{year}, month not given", "anchor": f"year-{year}-undated", "events": groups[key]})
    return months


def timeline(site: Site) -> dict:
    events = site.entries("event")
    by_year: dict[str, list[dict]] = {}
    for event in events:
        by_year.setdefault(event["date"][:4], []).append(event)
    years = [{"year": y, "count": len(items), "months": _months_of(items)} for y, items in sorted(by_year.items())]
    counts: dict[str, int] = {}
    for event in events:
        counts[event["category"]] = counts.get(event["category"], 0) + 1
    categories = [{"value": c, "count": n} for c, n in sorted(counts.items())]
    return {"years": years, "categories": categories, "total": len(events), "axis": axis.layout(events)}


def province_statuses(site: Site) -> dict[str, str]:
    return {p["id"]: tilemap.status(p, site.referring("timeline", "place", p["id"])) for p in site.entries("province")}


def provinces(site: Site) -> dict:
    entries = site.entries("province")
    statuses = province_statuses(site)
    width, height = tilemap.size()
    legend = [{"key": k, "label": text, "count": sum(1 for s in statuses.values() if s == k)} for k, text in tilemap.STATUSES]
    return {
        "statuses": dict(tilemap.STATUSES), "status": statuses, "tiles": tilemap.tiles(entries, statuses),
        "width": width, "height": height, "tile_w": tilemap.TILE_W, "tile_h": tilemap.TILE_H, "legend": legend,
        "indicators": division_values(site),
    }


def division_values(site: Site) -> dict[str, list[dict]]:
    """Province id -> the indicator values of that division, each with its series and its anchor on the
    Indicators page (only the values a page shows)."""
    out: dict[str, list[dict]] = {}
    for series in site.entries("indicator"):
        for value in shown_values(series):
            if value.get("division"):
                out.setdefault(str(value["division"]), []).append(
                    {"series": series, "value": value, "anchor": series_chart.value_anchor(series["id"], value)})
    return out


def indicators(site: Site) -> dict:
    """Each series with its chart and its rows (every value, the shown one marked, in period order), the
    series over time first and those of divisions after; the index systems, and the divisions each names
    as leading, side by side."""
    names = {p["id"]: p["name"] for p in site.entries("province")}
    over_time, divisions = [], []
    for series in site.entries("indicator"):
        shown = {id(v) for v in shown_values(series)}
        rows = sorted(({"value": v, "anchor": series_chart.value_anchor(series["id"], v), "shown": id(v) in shown,
                        "division": names.get(str(v.get("division")))} for v in series["values"]),
                      key=lambda r: (str(r["value"]["period"]), -float(r["value"]["value"]) if r["division"] else 0,
                                     r["value"].get("revision") != "preliminary"))
        item = {"s": series, "chart": series_chart.chart(series, names), "rows": rows}
        (divisions if any(v.get("division") for v in series["values"]) else over_time).append(item)
    indices = site.entries("index")
    leading = sorted({d for i in indices for d in i.get("leaders") or []}, key=lambda d: names.get(d, d))
    return {"over_time": over_time, "divisions": divisions, "indices": indices,
            "leaders": [{"id": d, "name": names.get(d, d), "by": [i["id"] for i in indices if d in (i.get("leaders") or [])]}
                        for d in leading]}


def _letter(term: str) -> str:
    first = term.lstrip("\"'“‘(")[:1].upper()
    return first if first.isalpha() and first.isascii() else "#"


def letter_anchor(letter: str) -> str:
    return "letter-0-9" if letter == "#" else f"letter-{letter.lower()}"


def glossary(site: Site) -> dict:
    terms = sorted(site.entries("term"), key=lambda t: (_letter(t["term"]), t["term"].lower()))
    letters: dict[str, list[dict]] = {}
    for term in terms:
        letters.setdefault(_letter(term["term"]), []).append(term)
    alphabet = ["#", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    index = [{"letter": a, "anchor": letter_anchor(a), "present": a in letters} for a in alphabet if a != "#" or "#" in letters]
    groups = [{"letter": a, "anchor": letter_anchor(a), "terms": letters[a]} for a in alphabet if a in letters]
    return {"index": index, "groups": groups, "total": len(terms)}


def figures(site: Site) -> dict:
    return {"charts": chart.charts(site.entries("figure"))}


def sources(site: Site) -> dict:
    listed = [{"s": s, "groups": site.citing(s["id"]), "total": len(site.cited_by.get(s["id"], []))}
              for s in site.entries("source")]
    references = [e for e in listed if e["s"].get("kind") == "reference"]
    references.sort(key=lambda e: (str(e["s"]["outlet_name"]).lower(), str(e["s"]["published"]), e["s"]["id"]))
    return {"articles": [e for e in listed if e["s"].get("kind") != "reference"], "references": references,
            "coverage": site.coverage, "drafts": site.drafts, **outlet_tables(site, [e["s"] for e in references])}


def outlet_tables(site: Site, references: list[dict]) -> dict:
    """The Sources page read by outlet and by kind of link: every outlet by kind, with the sources whose
    text is its own and the pages its site carries for others; the references by kind of link."""
    by_text: dict[str, list[dict]] = {}
    by_site: dict[str, list[dict]] = {}
    for s in site.entries("source"):
        by_text.setdefault(s["outlet"], []).append(s)
        if s.get("link") and s.get("host_outlet") and s["host_outlet"] != s["outlet"]:
            by_site.setdefault(s["host_outlet"], []).append(s)
    kinds = []
    for key, label in outlets.OUTLET_KINDS.items():
        found = [{"o": o, "own": by_text.get(o["id"], []), "carried": by_site.get(o["id"], [])}
                 for o in site.entries("outlet") if o["kind"] == key]
        if found:
            found.sort(key=lambda row: str(row["o"]["name"]).lower())
            kinds.append({"key": key, "label": label, "outlets": found})
    links = [{"key": key, "label": label, "refs": [r for r in references if r.get("link") == key]}
             for key, label in outlets.LINKS.items()]
    return {"outlet_kinds": kinds, "links": links, "link_labels": outlets.LINKS, "kind_labels": outlets.OUTLET_KINDS}


def definition(site: Site) -> dict:
    by_speaker: dict[str, dict] = {}
    for item in site.concept.get("formulations") or []:
        key = item.get("speaker") or item.get("speaker_label")
        by_speaker.setdefault(key, {"speaker": item, "items": []})["items"].append(item)
    names = [{"name": n, "sources": site.sources_of(n)} for n in site.concept.get("names") or []]
    return {"c": site.concept, "speakers": list(by_speaker.values()), "names": names}


def drivers(site: Site) -> dict:
    by_source: dict[str, list[dict]] = {}
    for entry in site.concept.get("industries") or []:
        by_source.setdefault(entry["source"], []).append(entry)
    industries = [{"source": source, "anchor": industries_anchor(source), "entries": entries} for source, entries in by_source.items()]
    return {"c": site.concept, "industries": industries}


def debate(site: Site) -> dict:
    """The topics in their declared order, each with its views by date and its count of views per side;
    then every holder (the outlet a view names) with all its views, for the index at the end."""
    views = sorted(site.entries("view"), key=lambda v: (str(v["date"]), v["id"]))
    topics = []
    for topic in site.entries("topic"):
        shown = [v for v in views if v["topic"] == topic["id"]]
        sides = {side: sum(v["side"] == side for v in shown) for side in outlets.SIDES}
        topics.append({"topic": topic, "anchor": KINDS["topic"].anchor(topic["id"]), "views": shown, "sides": sides})
    holders: dict[str, list[dict]] = {}
    for v in views:
        holders.setdefault(v["outlet"], []).append(v)
    by_holder = sorted(({"outlet": site.of["outlet"][o], "views": vs} for o, vs in holders.items()),
                       key=lambda h: str(h["outlet"]["name"]).casefold())
    return {"topics": topics, "holders": by_holder, "sides": outlets.SIDES, "kind_labels": outlets.OUTLET_KINDS}


def corrections(site: Site) -> dict:
    return {"corrections": sorted(site.entries("correction"), key=lambda c: (c["date"], c["id"]), reverse=True)}


# kind name -> the extra context of its page; the concept's pages, by source path.
BY_KIND: dict[str, Callable[[Site], dict]] = {
    "source": sources, "event": timeline, "province": provinces, "term": glossary, "figure": figures,
    "view": debate, "correction": corrections, "indicator": indicators,
}
CONCEPT_PAGES: dict[str, Callable[[Site], dict]] = {"definition.md": definition, "drivers.md": drivers}
