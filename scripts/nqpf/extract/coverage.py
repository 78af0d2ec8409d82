"""Which candidates the curated data already covers, and which are left to curate.

A candidate is covered when:

- a date: a timeline date or a figure's period starts with it (a month is
  covered by any event in that month); a range when both its ends are;
- a place: its province has something reported in provinces.yaml (a role,
  plans, industries, cities or mentions), and a city is also among that
  province's ``cities``; a region when any of its provinces has something;
- a person: people.yaml has the name, or prints it so (``printed_as``);
- a figure: figures.yaml has the same amount in the same unit, as its value,
  its dollar conversion or its change;
- a term: glossary.yaml has it as a term, an alias or in Chinese, or
  concept.yaml lists it among the names of the concept (case, "the" and a
  plural "s" aside).

Dates the article cannot resolve (no date to count from) and definitions
and industries are not counted: the queue lists what a curator can act on.
Missing curated files count as empty, so the queue works on a partial
knowledge base too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..curated import Curated
from . import Reference, extract
from .gazetteer import fold

QUEUED = ("dates", "places", "people", "figures", "terms")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_CURRENCIES = {"yuan": "CNY", "renminbi": "CNY", "us dollars": "USD", "dollars": "USD", "hong kong dollars": "HKD", "euros": "EUR"}
_CHANGE_WORDS = {"percent": "percent", "percentage points": "percentage points"}


def _unit_amount(value: float, unit: str) -> tuple[float, str]:
    """``(1.06, "trillion yuan")`` → ``(1.06e12, "CNY")``; ``(29, "percent")`` → ``(29, "percent")``."""
    unit = re.sub(r"\s*\(.*\)$", "", unit.strip().lower())
    words = unit.split(" ", 1)
    factor = _SCALES.get(words[0], 1)
    rest = words[1] if words[0] in _SCALES and len(words) > 1 else ("" if words[0] in _SCALES else unit)
    kind = _CURRENCIES.get(rest) or _CHANGE_WORDS.get(rest) or ("count" if not rest else rest)
    return round(value * factor, 6), kind


def _candidate_unit(figure: dict) -> str:
    unit = figure["unit"]
    if unit in ("CNY", "USD", "HKD", "EUR", "GBP", "JPY", "KRW", "TWD", "percent", "percentage points"):
        return unit
    return "count" if unit == "count" else unit.lower()


def _term_keys(term: str) -> set[str]:
    key = fold(term).removeprefix("the ")
    keys = {key, key.replace("-", " ")}
    keys |= {k[:-1] for k in keys if k.endswith("s")} | {k + "s" for k in keys}
    return keys


@dataclass
class Curation:
    """What the curated data holds, indexed the way candidates are looked up."""

    dates: set[str] = field(default_factory=set)
    reported: set[str] = field(default_factory=set)  # province codes with something reported
    cities: dict[str, set[str]] = field(default_factory=dict)  # code -> folded city names
    people: set[str] = field(default_factory=set)
    figures: set[tuple[float, str]] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, curated: Curated) -> Curation:
        index = cls()
        for _, item in curated.items("timeline"):
            if isinstance(item.get("date"), str):
                index.dates.add(item["date"])
        for _, item in curated.items("figures"):
            if isinstance(item.get("period"), str):
                index.dates.add(item["period"])
            for part in (item, item.get("usd"), item.get("change")):
                if isinstance(part, dict) and isinstance(part.get("value"), (int, float)) and isinstance(part.get("unit"), str):
                    index.figures.add(_unit_amount(float(part["value"]), part["unit"]))
        for _, item in curated.items("provinces"):
            code = item.get("code")
            if any(item.get(key) for key in ("role", "plans", "industries", "cities", "mentions")):
                index.reported.add(code)
            index.cities[code] = {fold(c["name"]) for c in item.get("cities") or [] if isinstance(c, dict) and "name" in c}
        for _, item in curated.items("people"):
            names = [item.get("name")] + [p.get("name") for p in item.get("printed_as") or [] if isinstance(p, dict)]
            index.people |= {fold(n) for n in names if isinstance(n, str)}
        for _, item in curated.items("glossary"):
            for name in [item.get("term"), item.get("chinese"), *(item.get("aliases") or [])]:
                if isinstance(name, str):
                    index.terms |= _term_keys(name)
        concept = curated.data("concept")
        if isinstance(concept, dict):
            for entry in concept.get("names") or []:
                if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                    index.terms |= _term_keys(entry["name"])
        return index

    def _date(self, iso: str) -> bool:
        if iso.startswith("--"):
            return any(d.endswith(iso[1:]) for d in self.dates)
        return any(d.startswith(iso) for d in self.dates)

    def covers(self, field_name: str, candidate: dict) -> bool | None:
        """Whether ``candidate`` is curated; None when it does not count (an unresolved date)."""
        if field_name == "dates":
            if candidate["iso"] is None:
                return None
            return self._date(candidate["iso"]) and (candidate.get("end") is None or self._date(candidate["end"]))
        if field_name == "places":
            codes = candidate.get("codes") or [candidate["code"]]
            if not self.reported.intersection(codes):
                return False
            if candidate["kind"] == "city":
                return fold(candidate["name"]) in self.cities.get(candidate["code"], set())
            return True
        if field_name == "people":
            return fold(candidate["name"]) in self.people
        if field_name == "figures":
            return (round(float(candidate["amount"]), 6), _candidate_unit(candidate)) in self.figures
        if field_name == "terms":
            return bool(_term_keys(candidate["term"]) & self.terms)
        return None


def uncovered(record: dict, index: Curation) -> tuple[list[tuple[str, dict]], int]:
    """The candidates of ``record`` not curated yet, and how many candidates count at all."""
    left: list[tuple[str, dict]] = []
    total = 0
    for field_name in QUEUED:
        for candidate in record.get(field_name, []):
            covered = index.covers(field_name, candidate)
            if covered is None:
                continue
            total += 1
            if not covered:
                left.append((field_name, candidate))
    return left, total


def source_records(curated: Curated) -> Iterable[tuple[str, dict]]:
    """``(source id, candidates)`` for every curated source whose article is in the corpus."""
    for _, source in curated.items("sources"):
        article = curated.corpus.articles.get(str(source.get("file")))
        if article is None:
            continue
        reference = None
        if isinstance(source.get("published"), str):
            try:
                reference = Reference(dt.date.fromisoformat(source["published"]), "published date in data/sources.yaml")
            except ValueError:
                reference = None
        yield source["id"], _cached_extract(article, curated.corpus.raw[article.path], reference,
                                            curated.project.build / "cache" / "extract")


@cache
def _code_version() -> str:
    """A hash of the extractor's own source: a change to it invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cached_extract(article, raw: str | None, reference: Reference | None, cache: Path) -> dict:
    """:func:`extract`, remembered under build/cache/ by article text, reference date and
    extractor code, so ``queue`` and ``coverage`` do not extract every seed again.
    The cache is a build product: deleting it only costs time."""
    key = hashlib.sha256(
        "\x00".join([_code_version(), article.path, raw or "", reference.date.isoformat() if reference else "",
                     reference.basis if reference else ""]).encode()
    ).hexdigest()[:32]
    path = cache / f"{key}.json"
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        pass
    record = extract(article, raw, reference)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")  # renamed into place: no reader sees half a file
        partial.write_text(json.dumps(record, ensure_ascii=False, sort_keys=True), "utf-8")
        partial.replace(path)
    except OSError:
        pass  # a read-only checkout still builds, just slower
    return record


def coverage(curated: Curated) -> dict[str, tuple[int, int]]:
    """``source id -> (curated candidates, candidates)`` for the Sources page."""
    index = Curation.of(curated)
    out: dict[str, tuple[int, int]] = {}
    for source_id, record in source_records(curated):
        left, total = uncovered(record, index)
        out[source_id] = (total - len(left), total)
    return out
