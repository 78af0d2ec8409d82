"""Facts agree with their own evidence and with the gazetteer."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pycountry

from ..curated import Curated
from ..ingest.typography import fold
from ..report import Problem
from .walk import find_key, repeats

OUTSIDE_MAINLAND = {"CN-HK", "CN-MO", "CN-TW"}


def mainland_codes() -> set[str]:
    return {s.code for s in pycountry.subdivisions.get(country_code="CN")} - OUTSIDE_MAINLAND


def _folded_lower(text: str) -> str:
    return fold(text).lower()


def check_provinces(curated: Curated) -> Iterable[Problem]:
    """provinces.yaml lists each of the 31 mainland ISO 3166-2:CN divisions exactly once."""
    doc = curated.docs.get("provinces")
    if doc is None or not isinstance(doc.data, list):
        return
    expected = mainland_codes()
    items = curated.items("provinces")
    for i, code, first in repeats(doc, items, "code"):
        yield doc.problem((i, "code"), f"{code} is listed twice (first on line {first})")
    codes = {item["code"] for _, item in items if isinstance(item.get("code"), str)}
    for i, item in items:
        if item.get("code") in codes - expected:
            yield doc.problem((i, "code"), f"{item['code']} is not a mainland ISO 3166-2:CN division")
    if "provinces" in curated.partial:
        return
    for code in sorted(expected - codes):
        name = pycountry.subdivisions.get(code=code).name
        yield doc.problem((), f"{code} ({name}) is missing; list all 31 divisions, even those the sources never mention")


def check_names_in_quotes(curated: Curated) -> Iterable[Problem]:
    """Each English name of the concept occurs in every quote given for it."""
    doc = curated.docs.get("concept")
    concept = curated.data("concept")
    if not isinstance(concept, dict):
        return
    for i, entry in enumerate(concept.get("names") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            continue
        for j, item in enumerate(entry.get("evidence") or []):
            quote = item.get("quote") if isinstance(item, dict) else None
            if isinstance(quote, str) and _folded_lower(entry["name"]) not in _folded_lower(quote):
                yield doc.problem(("names", i, "evidence", j, "quote"), f"does not contain the name {entry['name']!r}")


def check_printed_names(curated: Curated) -> Iterable[Problem]:
    """A name a source is said to print is printed in that source."""
    doc = curated.docs.get("people")
    for i, person in curated.items("people"):
        for j, printed in enumerate(person.get("printed_as") or []):
            if not isinstance(printed, dict):
                continue
            article = curated.article(str(printed.get("source")))
            if article is not None and fold(str(printed.get("name"))) not in curated.corpus.folded[article.path]:
                yield doc.problem((i, "printed_as", j, "name"), f"{printed.get('name')!r} is not printed in {printed.get('source')}")


def _number_forms(value: float) -> set[str]:
    text = f"{value:,.10f}".rstrip("0").rstrip(".")
    return {text, text.replace(",", "")}


def check_figure_values(curated: Curated) -> Iterable[Problem]:
    """A figure's value, its change and its dollar conversion are written in one of its quotes
    (a figure that rests on references alone has no quote: its locator says where the number is)."""
    doc = curated.docs.get("figures")
    for i, figure in curated.items("figures"):
        quoted = [e for e in figure.get("evidence") or [] if isinstance(e, dict) and "quote" in e]
        if not quoted:
            continue
        quotes = " ".join(fold(str(e.get("quote"))) for e in quoted)
        numbers = set(re.findall(r"\d[\d,]*(?:\.\d+)?", quotes))
        printed = figure.get("value_as_printed")
        if isinstance(printed, str) and fold(printed).lower() not in quotes.lower():
            yield doc.problem((i, "value_as_printed"), f"{printed!r} does not appear in the figure's quotes")
        for where, value in (((i, "value"), None if printed else figure.get("value")),
                             ((i, "change", "value"), (figure.get("change") or {}).get("value")),
                             ((i, "usd", "value"), (figure.get("usd") or {}).get("value"))):
            if isinstance(value, (int, float)) and not isinstance(value, bool) and not (_number_forms(value) & numbers):
                yield doc.problem(where, f"{value:g} does not appear in the figure's quotes")


def check_conflicts(curated: Curated) -> Iterable[Problem]:
    """A conflict's chosen reading is one of its readings."""
    for doc in curated.docs.values():
        if doc.data is None:
            continue
        for where, conflicts in find_key(doc.data, "conflicts"):
            for k, conflict in enumerate(conflicts if isinstance(conflicts, list) else []):
                if not isinstance(conflict, dict):
                    continue
                values = [r.get("value") for r in conflict.get("readings") or [] if isinstance(r, dict)]
                if "chosen" in conflict and conflict["chosen"] not in values:
                    yield doc.problem(where + (k, "chosen"), f"{conflict['chosen']!r} is not one of the readings {values}")
