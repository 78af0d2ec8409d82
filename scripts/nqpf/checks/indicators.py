"""Indicator series: every value has a period at its series' frequency, and a period (and division)
holds one value, or a preliminary and a final one; every target is for a period of its series."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..curated import Curated
from ..kinds import KINDS
from ..report import Problem

DATASET = KINDS["indicator"].dataset

# What a period looks like at each frequency (the schema's enum of `frequency`).
PERIODS: dict[str, tuple[re.Pattern[str], str]] = {
    "year": (re.compile(r"^\d{4}$"), "a year, YYYY"),
    "quarter": (re.compile(r"^\d{4}-Q[1-4]$"), "a quarter, YYYY-Qn"),
    "month": (re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"), "a month, YYYY-MM"),
}


def _target_period_ok(period: str, frequency: str) -> bool:
    pattern = PERIODS[frequency][0]
    if "/" in period:
        start, _, end = period.partition("/")
        return bool(pattern.match(start) and pattern.match(end)) and start < end
    return bool(pattern.match(period))


def check_indicator_periods(curated: Curated) -> Iterable[Problem]:
    """A value's period is at its series' frequency (a yearly series holds YYYY, a quarterly one YYYY-Qn,
    a monthly one YYYY-MM); a target's period is one such period or a span start/end of them, start first."""
    doc = curated.docs.get(DATASET)
    for i, series in curated.items(DATASET):
        frequency = series.get("frequency")
        if frequency not in PERIODS:
            continue  # the schema reports it
        form = PERIODS[frequency][1]
        for j, value in enumerate(series.get("values") or []):
            period = str(value.get("period", ""))
            if not PERIODS[frequency][0].match(period):
                yield doc.problem((i, "values", j, "period"), f"{period!r} is not {form}, the frequency of this series ({frequency}): "
                                                              "a value of another period belongs to a series of its own, or in its note")
        for j, target in enumerate(series.get("targets") or []):
            period = str(target.get("period", ""))
            if not _target_period_ok(period, frequency):
                yield doc.problem((i, "targets", j, "period"), f"{period!r} is not {form}, nor a span of two of them (start/end)")


def check_indicator_values(curated: Curated) -> Iterable[Problem]:
    """One value per period and division, or two where a preliminary value was revised: one marked
    preliminary and one final. Two values with nothing to tell them apart would leave the page to guess."""
    doc = curated.docs.get(DATASET)
    for i, series in curated.items(DATASET):
        seen: dict[tuple[str, str | None], list[tuple[int, str | None]]] = {}
        for j, value in enumerate(series.get("values") or []):
            key = (str(value.get("period")), value.get("division"))
            earlier = seen.setdefault(key, [])
            revisions = [r for _, r in earlier] + [value.get("revision")]
            if earlier and (len(revisions) > 2 or sorted(map(str, revisions)) != ["final", "preliminary"]):
                where = f"{key[0]}" + (f" in {key[1]}" if key[1] else "")
                yield doc.problem((i, "values", j), f"a second value for {where} (the first is value {earlier[0][0]}): mark one "
                                                    "revision: preliminary and the other revision: final, or keep one")
            earlier.append((j, value.get("revision")))
