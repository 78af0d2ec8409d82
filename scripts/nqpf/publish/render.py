"""Jinja rendering for the generated Data page, with the same escaping rules as
:mod:`nqpf.web.render` (autoescape, ``md`` for Markdown context).

Templates come from ``publish/templates`` first, then the site's
``web/templates``, so the Data page can use the site's ``_cite.j2`` macro.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..web.render import TEMPLATES as SITE_TEMPLATES
from ..web.render import human_date, md
from .datadate import spell

TEMPLATES = Path(__file__).parent / "templates"

_CODE = re.compile(r"`([^`]+)`")


def inline_code(value: object) -> Markup:
    """Escape for HTML, then show `backticked` words as code, as the schemas write them."""
    return Markup(_CODE.sub(r"<code>\1</code>", str(escape(value))))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(TEMPLATES), jinja2.FileSystemLoader(SITE_TEMPLATES)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, human_date=human_date, spell=spell, inline_code=inline_code)
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
