"""Dates that name a span or part of a year or month, and months in a relative year.

"the end of January", "the first half of 2024", "from April to June",
"January and February", "early March", "mid-September last year", "last
week". A part of a month is that month, precision month, and the candidate's
rule says so; a part of a year is its months, from ``iso`` to ``end``.
"""

from __future__ import annotations

import datetime as dt
import re

from ..months import month_number
from .datecore import (
    MONTH_REL_YEAR,
    NUMBER_WORDS,
    ORDINALS,
    REL_MONTH,
    YEAR_SHIFT,
    DateCandidate,
    M,
    Resolver,
    Y,
    day_number,
    iso_week,
    month_iso,
    real_date,
    shift_month,
)


def part_of_month(candidate: DateCandidate, which: str | None) -> DateCandidate:
    """"early", "mid" and "late" March are March, precision month: the rule says so."""
    which = (which or "").lower()
    if which in ("early", "mid", "late") and candidate.iso is not None:
        part = f'"{which}" names part of the month, so the precision is month'
        candidate.rule = f"{candidate.rule}; {part}" if candidate.rule else part
    return candidate


def month_in_relative_year(text: str, which: str | None, month: int, day: str | None, rel: str, r: Resolver) -> DateCandidate | None:
    """"mid-September last year", "in March this year", "March 5 next year"."""
    rel = " ".join(rel.lower().split())
    rule = f"{rel} counted from the article's year"
    if day is not None:
        if real_date(2024, month, day_number(day)) is None:
            return None
        date = real_date(r.ref.year + YEAR_SHIFT[rel], month, day_number(day)) if r.ref else None
        if r.ref is not None and date is None:
            return None  # February 29 of a year without one
        return r.relative(text, date.isoformat() if date else None, "day", rule)
    iso = month_iso(r.ref.year + YEAR_SHIFT[rel], month) if r.ref else None
    return part_of_month(r.relative(text, iso, "month", rule), which)


def relative_unit(text: str, which: str, unit: str, r: Resolver) -> DateCandidate | None:
    if which == "the past":
        return None  # "the past year" is a span that ends now, not a date
    offset = {"last": -1, "the previous": -1, "the same period last": -1, "next": 1}.get(which, 0)
    ref = r.ref
    rule = f"{which} {unit} counted from the article date"
    if ref is None:
        return r.relative(text, None, unit, rule)
    if unit == "year":
        return r.relative(text, str(ref.year + offset), "year", rule)
    if unit == "month":
        return r.relative(text, month_iso(*shift_month(ref.year, ref.month, offset)), "month", rule)
    return r.relative(text, iso_week(ref + dt.timedelta(weeks=offset)), "week", rule)


def period(text: str, which: str, of: str, r: Resolver) -> DateCandidate | None:
    """"the end of January", "the first half of 2024", "the end of last year", "the end of this month"."""
    which = " ".join(which.lower().split()).removeprefix("the ")
    of_l = " ".join(of.lower().split())
    ref = r.ref
    relative = None
    if re.fullmatch(Y, of):
        year = int(of)
    elif m := re.match(rf"({M}),?\s+({Y})", of):
        return month_part(text, int(m[2]), month_number(m[1]), which, None, r)
    elif m := re.fullmatch(rf"({M})\s+({MONTH_REL_YEAR})", of):
        rel = " ".join(m[2].lower().split())
        rule = f"{rel} counted from the article's year"
        if ref is None:
            return r.relative(text, None, "month", rule)
        return month_part(text, ref.year + YEAR_SHIFT[rel], month_number(m[1]), which, rule, r)
    elif re.fullmatch(REL_MONTH, of):
        rule = f"{'this month' if of_l == 'the month' else of_l} counted from the article's month"
        if ref is None:
            return r.relative(text, None, "month", rule)
        shift = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(of_l.rsplit(" ", 1)[0], 0)
        return month_part(text, *shift_month(ref.year, ref.month, shift), which, rule, r)
    elif re.fullmatch(M, of):
        month = month_number(of)
        base = r.month(of, month, "in")
        if base.iso is None or base.iso.startswith("--"):
            return DateCandidate(text, base.iso, "month", unresolved=base.unresolved)
        return month_part(text, int(base.iso[:4]), month, which, base.rule, r)
    else:
        offset = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(of_l.rsplit(" ", 1)[0], 0)
        of_l = "this year" if of_l == "the year" else of_l
        if ref is None:
            return r.relative(text, None, "month", f"{of_l} counted from the article's year")
        year = ref.year + offset
        relative = f"{of_l} counted from the article's year"
    if which.startswith(("end", "close", "turn")):
        months = (12, 12)
    elif which.startswith(("beginning", "start")):
        months = (1, 1)
    elif which.startswith("middle"):
        months = (6, 7)
    elif "half" in which:
        months = (1, 6) if which.startswith("first") else (7, 12)
    elif "quarter" in which and "first " in which and which.split()[1] in NUMBER_WORDS:
        n = NUMBER_WORDS[which.split()[1]]
        months = (1, n if "months" in which else 3 * n)
    elif "quarter" in which:
        q = ORDINALS[which.split()[0]]
        months = (3 * q - 2, 3 * q)
    else:
        n = NUMBER_WORDS.get(which.split()[1], 1)
        months = (1, n if "months" in which else 3 * n)
    start, end = month_iso(year, months[0]), month_iso(year, months[1])
    candidate = DateCandidate(text, start, "month", end=end if end != start else None)
    if relative:
        candidate.resolved_from, candidate.rule = f'"{text}" relative to {r.ref_label}', relative
    return candidate


def month_range(text: str, first: int, last: int, year: str | None, r: Resolver) -> DateCandidate | None:
    if year:
        start_year = int(year) - (1 if last < first else 0)
        return DateCandidate(text, month_iso(start_year, first), "month", end=month_iso(int(year), last))
    start = r.month(text, first, "from")
    if start.iso is None or start.iso.startswith("--"):
        return start
    start_year = int(start.iso[:4])
    start.end = month_iso(start_year + (1 if last < first else 0), last)
    return start


def month_part(text: str, year: int, month: int, which: str, rule: str | None, r: Resolver) -> DateCandidate:
    """Part of a month ("the end of January"): that month, precision month. ``rule``,
    when given, is how the month was resolved against the article date."""
    candidate = DateCandidate(text, month_iso(year, month), "month")
    part = f'"the {which}" names part of the month, so the precision is month'
    if rule:
        candidate.resolved_from, candidate.rule = f'"{text}" relative to {r.ref_label}', f"{rule}; {part}"
    else:
        candidate.rule = part
    return candidate
