"""Dates are real, agree with their precision, and the timeline is in order."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ..curated import Curated
from ..kinds import DATASET_NAMES, role
from ..report import Problem
from .walk import find_key

_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PRECISION = {1: "year", 2: "month", 3: "day"}


def parse(value: str) -> tuple[dt.date, str] | None:
    """``2024-01`` → (2024-01-01, "month"); None if not a real date."""
    m = _FORM.match(value)
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        return dt.date(year, month, day), PRECISION[len(value.split("-"))]
    except ValueError:
        return None


_ID_DATE = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)-(?!\d{2}(?:-|$))")


def order_key(entry: object) -> tuple:
    """Where an event stands on the timeline: by its start date, then its id (the order
    :func:`check_timeline` requires, and the one accept keeps)."""
    parsed = parse(str(entry.get("date", ""))) if isinstance(entry, dict) else None
    return (parsed[0] if parsed else dt.date.max, str(entry.get("id")) if isinstance(entry, dict) else "")


def _dated_by(ident: str, date: str) -> bool:
    """The date an id starts with is the event's date or a less precise form of it: an id
    never changes, so ``2023-09-...`` stays when the date becomes ``2023-09-07``."""
    m = _ID_DATE.match(ident)
    return bool(m) and (date == m[1] or date.startswith(m[1] + "-"))


def check_real_dates(curated: Curated) -> Iterable[Problem]:
    """Every date, end, period and published value is a real calendar date."""
    for name in DATASET_NAMES:
        doc = curated.docs.get(name)
        if doc is None:
            continue
        for field in ("date", "end", "period", "published"):
            for where, value in find_key(doc.data, field):
                if isinstance(value, str) and _FORM.match(value) and parse(value) is None:
                    yield doc.problem(where, f"{value} is not a real date")


def check_timeline(curated: Curated) -> Iterable[Problem]:
    """Precision matches the date's form, the id starts with the date (or, once the date is made
    more precise, with its earlier form), ends follow starts,
    events are in date order, and exactly five are marked key."""
    dataset = role("feed").dataset  # the dated kind: the timeline
    doc = curated.docs.get(dataset)
    previous: tuple[dt.date, str] | None = None
    keys = []
    for i, event in curated.items(dataset):
        date, precision = event.get("date"), event.get("precision")
        parsed = parse(date) if isinstance(date, str) else None
        if parsed is None:
            continue
        start, form = parsed
        if precision in PRECISION.values() and precision != form:
            yield doc.problem((i, "precision"), f"is {precision!r} but the date {date} has {form} precision")
        ident = event.get("id")
        if isinstance(ident, str) and not _dated_by(ident, date):
            yield doc.problem((i, "id"), f"must start with the event's date ({date}-...) or a less precise form of it")
        end = event.get("end")
        if isinstance(end, str) and (ended := parse(end)) and ended[0] <= start:
            yield doc.problem((i, "end"), f"{end} is not after the start date {date}")
        if previous and (start, str(ident)) < previous:
            yield doc.problem((i, "date"), f"{date} is out of order: the timeline runs oldest first, and the event before is on {previous[0]}")
        previous = (start, str(ident))
        if event.get("key"):
            keys.append(i)
    if doc is not None and doc.data and dataset not in curated.partial and len(keys) != 5:
        yield doc.problem((), f"{len(keys)} events are marked key: true; the home page shows exactly 5")
