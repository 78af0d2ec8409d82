"""Every id that points somewhere resolves: sources, people, events, provinces, terms."""

from __future__ import annotations

from collections.abc import Iterable

from ..curated import DATASETS, Curated
from ..report import Problem
from .walk import evidence_items, walk

# (file, path to the referring value, file whose ids it must name)
REFERENCES = [
    ("concept", ("definition", "speaker"), "people"),
    ("concept", ("definition", "event"), "timeline"),
    ("concept", ("formulations", "*", "speaker"), "people"),
    ("concept", ("formulations", "*", "event"), "timeline"),
    ("concept", ("industries", "*", "source"), "sources"),
    ("timeline", ("*", "people", "*"), "people"),
    ("timeline", ("*", "place", "province"), "provinces"),
    ("glossary", ("*", "related", "*"), "glossary"),
    ("people", ("*", "printed_as", "*", "source"), "sources"),
]


def check_references(curated: Curated) -> Iterable[Problem]:
    """Each reference names an existing id of the right file; a term never relates to itself."""
    for name, pattern, target in REFERENCES:
        doc = curated.docs.get(name)
        if doc is None or doc.data is None:
            continue
        known = curated.ids(target)
        for where, value in walk(doc.data, pattern):
            if isinstance(value, str) and value not in known:
                yield doc.problem(where, f"unknown {target} id {value!r}")
    glossary = curated.docs.get("glossary")
    for i, item in curated.items("glossary"):
        if item.get("id") in (item.get("related") or []):
            yield glossary.problem((i, "related"), "a term cannot be related to itself")
    sources = curated.ids("sources")
    for name in DATASETS:
        doc = curated.docs.get(name)
        if doc is None or name == "sources":
            continue
        for where, item in evidence_items(doc.data):
            source = item.get("source")
            if isinstance(source, str) and source not in sources:
                yield doc.problem(where + ("source",), f"unknown source id {source!r}")
