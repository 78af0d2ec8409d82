"""Dates in words, at the precision the sources give, the same on every machine.

Month names come from CLDR through babel (``en_GB``: "Sept", not the locale's
``%b``), so a build in any locale writes the same text. Dates are ISO strings
at one of three precisions: ``2024-01-31``, ``2023-09``, ``2023``.
"""

from __future__ import annotations

from functools import cache

from babel.dates import get_month_names

LOCALE = "en_GB"


@cache
def _months(width: str) -> tuple[str, ...]:
    names = get_month_names(width, locale=LOCALE)
    return tuple(names[m] for m in range(1, 13))


def month_name(month: int, width: str = "wide") -> str:
    """``9`` → ``September``; ``width="abbreviated"`` → ``Sept``."""
    return _months(width)[month - 1]


def _parts(date: str) -> list[int]:
    return [int(p) for p in str(date).split("-")]


def spell(date: str) -> str:
    """``2024-01-31`` → ``31 January 2024``; ``2023-09`` → ``September 2023``; ``2023`` → ``2023``."""
    parts = _parts(date)
    if len(parts) == 1:
        return str(parts[0])
    month = month_name(parts[1])
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def short(date: str) -> str:
    """``2024-01-31`` → ``31 Jan 2024``; ``2023-09`` → ``Sept 2023``; ``2023`` → ``2023``."""
    parts = _parts(date)
    if len(parts) == 1:
        return str(parts[0])
    month = month_name(parts[1], "abbreviated")
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def span(start: str, end: str | None = None) -> str:
    """A date, or a span written once where its parts agree: ``5–11 Mar 2024``, ``28 Feb – 2 Mar 2024``."""
    return _span(start, end, short)


def spell_span(start: str, end: str | None = None) -> str:
    """``31 January 2024``, or a span written once where its parts agree: ``6–8 September 2023``,
    ``28 February – 2 March 2024``, ``30 December 2023 – 2 January 2024``."""
    return _span(start, end, spell)


def _span(start: str, end: str | None, write) -> str:
    """``start`` (to ``end``) written by ``write``, leaving out of the start what both ends share."""
    if not end:
        return write(start)
    first, last = write(start).split(" "), write(end).split(" ")
    if first[1:] == last[1:]:
        return f"{first[0]}\u2013{write(end)}"
    if first[2:] == last[2:]:
        return f"{' '.join(first[:2])} \u2013 {write(end)}"
    return f"{write(start)} \u2013 {write(end)}"


def apa(day: str) -> str:
    """``2026-11-23`` → ``2026, November 23``, as an APA reference dates a work."""
    year, month, date = _parts(day)
    return f"{year}, {month_name(month)} {date}"


def month_heading(year_month: str) -> str:
    """``2024-03`` → ``March 2024``."""
    return spell(year_month)
