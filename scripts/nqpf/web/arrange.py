"""How a generated page arranges its entries: plain data for its template.

Each function takes the :class:`~nqpf.site.Site` and returns the extra context
its page's template needs beyond ``site``, ``kind`` and ``entries`` (grouping by
year and month, by letter, the time axis, the tile map, the charts). The registry
(:mod:`nqpf.kinds`) names the function a kind uses; a kind that needs nothing
more than its entries names none.
"""

from __future__ import annotations

from typing import Any

from .. import datefmt
from . import axis, chart, tilemap


def industries_anchor(source_id: str) -> str:
    """The anchor of one source's industry lists on the drivers page."""
    return f"industries-{source_id}"


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


def timeline(site: Any) -> dict:
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


def province_statuses(site: Any) -> dict[str, str]:
    return {p["id"]: tilemap.status(p, site.referring("timeline", "place", p["id"])) for p in site.entries("province")}


def provinces(site: Any) -> dict:
    entries = site.entries("province")
    statuses = province_statuses(site)
    width, height = tilemap.size()
    legend = [{"key": k, "label": text, "count": sum(1 for s in statuses.values() if s == k)} for k, text in tilemap.STATUSES]
    return {
        "statuses": dict(tilemap.STATUSES), "status": statuses, "tiles": tilemap.tiles(entries, statuses),
        "width": width, "height": height, "tile_w": tilemap.TILE_W, "tile_h": tilemap.TILE_H, "legend": legend,
    }


def _letter(term: str) -> str:
    first = term.lstrip("\"'“‘(")[:1].upper()
    return first if first.isalpha() and first.isascii() else "#"


def letter_anchor(letter: str) -> str:
    return "letter-0-9" if letter == "#" else f"letter-{letter.lower()}"


def glossary(site: Any) -> dict:
    terms = sorted(site.entries("term"), key=lambda t: (_letter(t["term"]), t["term"].lower()))
    letters: dict[str, list[dict]] = {}
    for term in terms:
        letters.setdefault(_letter(term["term"]), []).append(term)
    alphabet = ["#", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    index = [{"letter": a, "anchor": letter_anchor(a), "present": a in letters} for a in alphabet if a != "#" or "#" in letters]
    groups = [{"letter": a, "anchor": letter_anchor(a), "terms": letters[a]} for a in alphabet if a in letters]
    return {"index": index, "groups": groups, "total": len(terms)}


def figures(site: Any) -> dict:
    return {"charts": chart.charts(site.entries("figure"))}


def sources(site: Any) -> dict:
    listed = [{"s": s, "groups": site.citing(s["id"]), "total": len(site.cited_by.get(s["id"], []))}
              for s in site.entries("source")]
    references = [e for e in listed if e["s"].get("kind") == "reference"]
    references.sort(key=lambda e: (str(e["s"]["outlet"]).lower(), str(e["s"]["published"])))
    return {"articles": [e for e in listed if e["s"].get("kind") != "reference"], "references": references,
            "coverage": site.coverage, "drafts": site.drafts}


def definition(site: Any) -> dict:
    by_speaker: dict[str, dict] = {}
    for item in site.concept.get("formulations") or []:
        key = item.get("speaker") or item.get("speaker_label")
        by_speaker.setdefault(key, {"speaker": item, "items": []})["items"].append(item)
    names = [{"name": n, "sources": site.sources_of(n)} for n in site.concept.get("names") or []]
    return {"c": site.concept, "speakers": list(by_speaker.values()), "names": names}


def drivers(site: Any) -> dict:
    by_source: dict[str, list[dict]] = {}
    for entry in site.concept.get("industries") or []:
        by_source.setdefault(entry["source"], []).append(entry)
    industries = [{"source": source, "anchor": industries_anchor(source), "entries": entries} for source, entries in by_source.items()]
    return {"c": site.concept, "industries": industries}


TOPICS = (
    ("made-in-china-2025", "Continuity with Made in China 2025"),
    ("overcapacity", "Overcapacity and trade tensions"),
    ("involution", "Local governments chasing the same industries (“involution”)"),
    ("relabelling", "Relabelling business as new productive forces"),
)


def debate(site: Any) -> dict:
    views = site.entries("view")
    topics = [{"key": key, "label": label, "anchor": f"topic-{key}",
               "views": sorted((v for v in views if v["topic"] == key), key=lambda v: (str(v["date"]), v["id"]))}
              for key, label in TOPICS]
    return {"topics": [t for t in topics if t["views"]]}


def corrections(site: Any) -> dict:
    return {"corrections": sorted(site.entries("correction"), key=lambda c: (c["date"], c["id"]), reverse=True)}
