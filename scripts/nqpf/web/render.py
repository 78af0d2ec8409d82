"""One Jinja environment for our templates; layout in templates, every value escaped.

Templates produce Markdown with HTML blocks. Autoescaping makes every value
safe inside HTML; text that lands in Markdown (headings, list items) goes
through the ``md`` filter as well, so a ``*`` or ``[x](javascript:...)`` in
the data stays literal text.

Our templates render in one environment of their own (autoescaping, strict
undefineds), made once per build; MkDocs renders the generated Markdown after
that. The same filters and globals are registered on the theme's environment
too (the adapter does it in ``on_env``), so the theme's partials format dates
and citations as our pages do.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .. import datefmt

TEMPLATES = Path(__file__).parent / "templates"

# Python-Markdown honours a backslash only before these; "-" and "." matter
# only at the start of a line, where generated text never begins.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!])")
_CODE = re.compile(r"`([^`]+)`")


def md(value: object) -> Markup:
    """Escape for Markdown inline context: Markdown syntax and HTML.

    Whitespace collapses to single spaces, so data text never starts a line
    (where ``1.``, ``-`` or ``===`` would turn it into a list or heading).
    """
    return escape(_MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split())))


def inline_code(value: object) -> Markup:
    """Escape for HTML, then show `backticked` words as code, as the schemas write them."""
    return Markup(_CODE.sub(r"<code>\1</code>", str(escape(value))))


def number(value: float | int) -> str:
    """``832.7`` → ``832.7``; ``1.0`` → ``1``; ``12000`` → ``12,000``."""
    return f"{value:,.10f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"


def label(value: str) -> str:
    """An enum value as a label: ``inspection-tour`` → ``Inspection tour``."""
    text = str(value).replace("-", " ")
    return text[:1].upper() + text[1:]


FILTERS = {
    "md": md, "inline_code": inline_code, "number": number, "label": label,
    "human_date": datefmt.short, "date_range": datefmt.span, "spell": datefmt.spell,
}

_OPTIONS = dict(
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
)


def register(env: jinja2.Environment, citations) -> None:
    """Our filters and globals, on ``env`` (the theme's, or our own); ``citations``
    maps ``(kind, entry)`` to its :class:`~nqpf.publish.citations.Citation`."""
    from ..kinds import KINDS  # the registry imports the page arrangers, which use the filters above

    env.filters.update(FILTERS)
    env.globals.update(kinds=KINDS, entry_citation=citations)


def environment(citations) -> jinja2.Environment:
    """The environment our templates render in."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), **_OPTIONS)
    register(env, citations)
    return env
