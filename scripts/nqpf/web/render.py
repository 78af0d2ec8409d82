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
    """Escape for Markdown inline context: Markdown syntax and HTML. Line breaks become
    spaces: inline text that broke its line would end a heading before its ``{ #id }``."""
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
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
