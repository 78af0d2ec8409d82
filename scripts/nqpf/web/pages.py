"""Which page is built from which data: the site's table of contents.

Each builder owns one page: it takes the curated data and returns the page's
Markdown. :data:`PAGES` maps a page's source path to its builder.
"""

from __future__ import annotations

from collections.abc import Callable

from ..curated import Curated
from ..extract.coverage import coverage
from .render import render


def sources_page(curated: Curated) -> str:
    sources = [item for _, item in curated.items("sources")]
    return render("sources.md.j2", sources=sources, coverage=coverage(curated))


PAGES: dict[str, Callable[[Curated], str]] = {
    "sources.md": sources_page,
}
