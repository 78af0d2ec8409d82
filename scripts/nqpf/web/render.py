"""Jinja rendering for generated pages: layout in templates, data escaped.

Templates produce Markdown with HTML blocks. Autoescaping makes every value
safe inside HTML; text that lands in Markdown (headings, list items) goes
through the ``md`` filter as well, so a ``*`` or ``[x](javascript:...)`` in
the data stays literal text.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).parent / "templates"

# Python-Markdown honours a backslash only before these; "-" and "." matter
# only at the start of a line, where generated text never begins.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!])")


def md(value: object) -> Markup:
    """Escape for Markdown inline context: Markdown syntax and HTML.

    Whitespace collapses to single spaces, so data text never starts a line
    (where ``1.``, ``-`` or ``===`` would turn it into a list or heading).
    """
    return escape(_MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split())))


def human_date(value: str) -> str:
    """``2024-01-31`` → ``31 Jan 2024``; ``2023-09`` → ``Sept 2023``; ``2023`` → ``2023``."""
    parts = str(value).split("-")
    if len(parts) == 1:
        return parts[0]
    month = dt.date(2000, int(parts[1]), 1).strftime("%b")
    month = "Sept" if month == "Sep" else month
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def date_range(start: str, end: str | None = None) -> str:
    """A date at its precision, or a span: ``5–11 Mar 2024``, ``28 Feb – 2 Mar 2024``."""
    if not end:
        return human_date(start)
    first, last = human_date(start).split(" "), human_date(end).split(" ")
    if first[1:] == last[1:]:
        return f"{first[0]}\u2013{human_date(end)}"
    if first[2:] == last[2:]:
        return f"{' '.join(first[:2])} \u2013 {human_date(end)}"
    return f"{human_date(start)} \u2013 {human_date(end)}"


def number(value: float | int) -> str:
    """``832.7`` → ``832.7``; ``1.0`` → ``1``; ``12000`` → ``12,000``."""
    return f"{value:,.10f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"


def label(value: str) -> str:
    """An enum value as a label: ``inspection-tour`` → ``Inspection tour``."""
    text = str(value).replace("-", " ")
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["human_date"] = human_date
    env.filters["date_range"] = date_range
    env.filters["number"] = number
    env.filters["label"] = label
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
