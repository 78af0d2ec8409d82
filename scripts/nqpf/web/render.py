"""One Jinja environment for our templates; layout in templates, every value escaped.

Templates produce Markdown with HTML blocks. Every value a template prints is
escaped for Markdown and HTML by default (the environment's ``finalize``), so a
``*`` or ``[x](javascript:...)`` in any data field stays literal text, whichever
field it is in and whether or not the template remembered a filter. A template
marks a value as safe only on purpose: ``html`` escapes for HTML alone, for
attribute values (URLs) and raw HTML blocks that Markdown does not read; a
macro's output and the ``md`` filter's are already escaped.

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
from ..kinds import KINDS

TEMPLATES = Path(__file__).parent / "templates"

# Python-Markdown honours a backslash only before these; "-" and "." matter
# only at the start of a line, where generated text never begins.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!])")
_CODE = re.compile(r"`([^`]+)`")


_LINE_BREAK = re.compile(r"\s*[\r\n]+\s*")


def escape_markdown(value: object) -> Markup:
    """What every printed value becomes unless it is already markup: Markdown syntax backslashed, HTML
    escaped, line breaks made spaces (so no data text starts a line, where ``1.`` or ``#`` would make a list
    or a heading). Spaces are kept as they are: a template's own ``", "`` stays two characters."""
    if isinstance(value, (Markup, jinja2.Undefined)):
        return value
    return escape(_MD_SPECIAL.sub(r"\\\1", _LINE_BREAK.sub(" ", str(value))))


def md(value: object) -> Markup:
    """Escape for Markdown inline context: Markdown syntax and HTML.

    Whitespace collapses to single spaces, so data text never starts a line
    (where ``1.``, ``-`` or ``===`` would turn it into a list or heading).
    """
    return escape(_MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split())))


_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


def toc_label(value: object) -> Markup:
    """Text for a heading's ``data-toc-label="..."`` (attr_list): every ASCII punctuation mark as a
    numeric character reference, so that no quote ends the value, no brace ends the attribute list and
    no ``*``, ``_`` or backtick becomes Markdown before attr_list reads it. The table of contents shows
    the references as the characters they stand for."""
    return Markup(_PUNCTUATION.sub(lambda m: f"&#{ord(m[0])};", " ".join(str(value).split())))


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


def entry_link(address: str) -> str:
    """A site address (``page/#anchor``, ``./``) as a link to its Markdown page, which MkDocs
    resolves and checks: ``page.md#anchor``."""
    page, _, anchor = str(address).partition("#")
    page = page.strip("/").removeprefix(".")
    target = f"{page}.md" if page and page != "data" else ("data/index.md" if page else "index.md")
    return target + (f"#{anchor}" if anchor else "")


def covers(site) -> str:
    """What the sources cover, in words: ``5 articles, 1 Feb – 25 Mar 2024; 30 references, ...``.
    The footer of every page and the home page say it, so no reader takes the site for more current
    than its sources."""
    parts = []
    for kind, one, many in (("article", "article", "articles"), ("reference", "public page cited as a reference",
                                                                   "public pages cited as references")):
        found = site.covers.get(kind)
        if found:
            name = one if found["count"] == 1 else many
            parts.append(f"{found['count']} {name}, {datefmt.span(found['first'], found['last'])}")
    return "; ".join(parts)


FILTERS = {
    "md": md, "html": escape, "toc_label": toc_label, "inline_code": inline_code, "number": number, "label": label,
    "human_date": datefmt.short, "date_range": datefmt.span, "spell": datefmt.spell, "entry_link": entry_link,
    "covers": covers,
}

_OPTIONS = dict(
    autoescape=True, finalize=escape_markdown, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
)


def register(env: jinja2.Environment, citations, site=None) -> None:
    """Our filters and globals, on ``env`` (the theme's, or our own): ``citations`` maps
    ``(kind, entry)`` to its :class:`~nqpf.publish.citations.Citation`; ``nqpf_site`` gives the
    footer what the sources cover and when the data was last edited."""
    env.filters.update(FILTERS)
    env.globals.update(kinds=KINDS, entry_citation=citations, nqpf_site=site)


def environment(citations, site=None) -> jinja2.Environment:
    """The environment our templates render in."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), **_OPTIONS)
    register(env, citations, site)
    return env
