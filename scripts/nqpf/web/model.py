"""What every page needs, derived from the curated data once per build.

The hook builds one :class:`Site` in ``on_config``; page builders and marker
fillers read it and never re-parse the data. Lookups are by id, in data
order, and :attr:`Site.citations` answers "which facts cite this source".
"""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..curated import Curated

# The generated page each kind of entry lives on; an entry's anchor is its id.
PAGE = {
    "concept": "definition.md",
    "timeline": "timeline.md",
    "provinces": "provinces.md",
    "glossary": "glossary.md",
    "people": "people.md",
    "figures": "figures.md",
    "sources": "sources.md",
}

# Where each part of concept.yaml is shown: (page, anchor, label). A list part
# whose items carry ids is shown item by item, anchored on the item's id.
CONCEPT_PARTS = {
    "names": ("definition.md", "names", "Names and translations"),
    "definition": ("definition.md", "official-definition", "The official definition"),
    "formulations": ("definition.md", "formulations", "Other formulations"),
    "basic_meaning": ("definition.md", "basic-meaning", "Basic meaning"),
    "hallmark": ("definition.md", "hallmark", "Hallmark"),
    "core": ("definition.md", "core", "Core"),
    "key": ("definition.md", "key", "Key"),
    "essence": ("definition.md", "essence", "Essence"),
    "why_it_matters": ("definition.md", "why-it-matters", "Why it matters"),
    "drivers": ("drivers.md", "drivers", "The three drivers"),
    "measures": ("drivers.md", "measures", "Measures"),
    "industries": ("drivers.md", "industries", "Industries"),
}

DATE_FORM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Citation:
    """One fact that cites a source: where it is shown and what to call it."""

    dataset: str
    page: str
    anchor: str
    label: str


@dataclass
class Site:
    curated: Curated
    updated: str
    concept: dict[str, Any]
    sources: dict[str, dict] = field(default_factory=dict)
    people: dict[str, dict] = field(default_factory=dict)
    events: dict[str, dict] = field(default_factory=dict)
    provinces: dict[str, dict] = field(default_factory=dict)
    glossary: dict[str, dict] = field(default_factory=dict)
    figures: dict[str, dict] = field(default_factory=dict)
    citations: dict[str, list[Citation]] = field(default_factory=dict)
    events_by_person: dict[str, list[dict]] = field(default_factory=dict)
    events_by_province: dict[str, list[dict]] = field(default_factory=dict)
    formulations_by_person: dict[str, list[dict]] = field(default_factory=dict)


def _by_id(curated: Curated, name: str) -> dict[str, dict]:
    return {item["id"]: item for _, item in curated.items(name)}


def build_site(curated: Curated, data_dir: Path) -> Site:
    concept = curated.data("concept") or {}
    site = Site(
        curated=curated,
        updated=last_updated(curated, data_dir),
        concept=concept,
        sources=_by_id(curated, "sources"),
        people=_by_id(curated, "people"),
        events=_by_id(curated, "timeline"),
        provinces=_by_id(curated, "provinces"),
        glossary=_by_id(curated, "glossary"),
        figures=_by_id(curated, "figures"),
    )
    site.citations = citations(site)
    by_person: dict[str, list[dict]] = defaultdict(list)
    by_province: dict[str, list[dict]] = defaultdict(list)
    for event in site.events.values():
        for person in event.get("people") or []:
            by_person[person].append(event)
        if province := (event.get("place") or {}).get("province"):
            by_province[province].append(event)
    site.events_by_person = dict(by_person)
    site.events_by_province = dict(by_province)
    formulations: dict[str, list[dict]] = defaultdict(list)
    for item in concept.get("formulations") or []:
        if item.get("speaker"):
            formulations[item["speaker"]].append(item)
    site.formulations_by_person = dict(formulations)
    return site


def last_updated(curated: Curated, data_dir: Path) -> str:
    """The day of the last commit touching the data; else the newest source's date.

    Never the clock: the same commit always builds the same site.
    """
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", "."],
            cwd=data_dir, capture_output=True, text=True, timeout=20, check=False,
        )
        day = result.stdout.strip()
        if result.returncode == 0 and DATE_FORM.match(day):
            return day
    except OSError:
        pass
    dates = [s["published"] for s in curated.data("sources") or [] if isinstance(s, dict) and s.get("published")]
    return max(dates, default="")


def _cited_sources(value: Any) -> Iterator[str]:
    """Every source id under a ``source`` key, at any depth."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key == "source" and isinstance(child, str):
                yield child
            else:
                yield from _cited_sources(child)
    elif isinstance(value, list):
        for child in value:
            yield from _cited_sources(child)


def _facts(site: Site) -> Iterator[tuple[Citation, Any]]:
    """Each fact shown on the site with its anchor, and the data behind it."""
    for key, (page, anchor, label) in CONCEPT_PARTS.items():
        part = site.concept.get(key)
        if isinstance(part, list) and key in ("formulations", "drivers", "measures"):
            for item in part:
                title = item.get("name") or item.get("title") or item.get("summary")
                yield Citation("concept", page, item["id"], f"{label}: {title}"), item
        elif key == "industries":
            for item in part or []:
                yield Citation("concept", page, industries_anchor(item["source"]), label), item
        elif part:
            yield Citation("concept", page, anchor, label), part
    for event in site.events.values():
        yield Citation("timeline", PAGE["timeline"], event["id"], event["title"]), event
    for province in site.provinces.values():
        yield Citation("provinces", PAGE["provinces"], province["id"], province["name"]), province
    for term in site.glossary.values():
        yield Citation("glossary", PAGE["glossary"], term["id"], term["term"]), term
    for person in site.people.values():
        yield Citation("people", PAGE["people"], person["id"], person["name"]), person
    for figure in site.figures.values():
        label = f"{figure['measure']} ({figure.get('period_label') or figure['period']})"
        yield Citation("figures", PAGE["figures"], figure["id"], label), figure


def industries_anchor(source_id: str) -> str:
    return f"industries-{source_id}"


def citations(site: Site) -> dict[str, list[Citation]]:
    cited: dict[str, list[Citation]] = {source: [] for source in site.sources}
    for citation, data in _facts(site):
        for source in dict.fromkeys(_cited_sources(data)):
            if source in cited and citation not in cited[source]:
                cited[source].append(citation)
    return cited
