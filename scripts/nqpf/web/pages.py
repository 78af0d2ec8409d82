"""Which page is built from which data, and what fills each marker of a hand-written page.

Every kind in the registry with a page of its own has a generated page, rendered
from its template with ``site``, ``kind``, ``entries`` and what its arranging
function adds (:data:`nqpf.web.arrange.BY_KIND`). The concept's pages and the Data page are generated the same way.
Hand-written pages (home, about) hold named markers such as
``<!-- nqpf:key-dates -->``; :data:`MARKERS` maps each to the context of its
template ``markers/<name>.md.j2``, and :data:`REQUIRED_MARKERS` says which
markers each hand-written page must have. All of this is plain Python: the
MkDocs adapter only calls it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import jinja2

from ..checks import RULES
from ..kinds import CONCEPT_PAGES, COUNTED_ORDER, KINDS, Kind
from ..site import Site
from . import arrange

DATA_PAGE = "data/index.md"
MARKER = re.compile(r"<!--\s*nqpf:([\w-]+)\s*-->")


def _kind_context(site: Site, kind: Kind) -> dict:
    extra = arrange.BY_KIND.get(kind.name)
    return {"kind": kind, "entries": site.entries(kind.name), **(extra(site) if extra else {})}


def generated(site: Site, data_page: Callable[[], dict] | None = None) -> dict[str, tuple[str, Callable[[], dict]]]:
    """``source path -> (template, context)`` for every page built from data; ``data_page`` gives the
    Data page's context (it needs the publication: see :func:`nqpf.publish.datapage.context`)."""
    pages: dict[str, tuple[str, Callable[[], dict]]] = {}
    for kind in KINDS.values():
        if kind.template:
            pages[kind.page] = (kind.template, lambda kind=kind: _kind_context(site, kind))
    for page in CONCEPT_PAGES:
        pages[page] = (page + ".j2", lambda context=arrange.CONCEPT_PAGES[page]: context(site))
    if data_page is not None:
        pages[DATA_PAGE] = ("data.md.j2", data_page)
    return pages


def render(env: jinja2.Environment, site: Site, template: str, context: dict[str, Any]) -> str:
    return env.get_template(template).render(site=site, **context)


# ---- Markers in hand-written pages -------------------------------------------


def _counts(site: Site) -> dict:
    return {"counts": [(len(site.entries(name)), KINDS[name].counted, KINDS[name].page) for name in COUNTED_ORDER]}


def _rules() -> list[str]:
    return [text for check in RULES if (text := " ".join((check.__doc__ or "").split()))]


MARKERS: dict[str, Callable[[Site], dict]] = {
    "answer": lambda site: {"c": site.concept},
    "drivers": lambda site: {"c": site.concept},
    "key-dates": lambda site: {"events": [e for e in site.entries("event") if e.get("key")]},
    "provinces": lambda site: {
        "with_plans": [p for p in site.entries("province") if arrange.province_statuses(site)[p["id"]] == "plans"],
        "total": len(site.of["province"]),
    },
    "updated": lambda site: {},
    "counts": _counts,
    "checks": lambda site: {"rules": _rules()},
    "cite": lambda site: {"example": next((e for e in site.entries("event") if e.get("key")), None)},
}

REQUIRED_MARKERS: dict[str, frozenset[str]] = {
    "index.md": frozenset({"answer", "drivers", "key-dates", "provinces", "updated"}),
    "about.md": frozenset({"counts", "checks", "cite", "updated"}),
}


class MarkerError(ValueError):
    """A hand-written page names a marker that does not exist, or lacks one it needs."""


def fill_markers(env: jinja2.Environment, site: Site, src_uri: str, markdown: str) -> str | None:
    """The page's Markdown with every marker filled, or None when it has none."""
    found = MARKER.findall(markdown)
    unknown = sorted(set(found) - set(MARKERS))
    if unknown:
        raise MarkerError(f"docs/{src_uri}: unknown marker(s) {', '.join(unknown)}; known: {', '.join(sorted(MARKERS))}")
    missing = sorted(REQUIRED_MARKERS.get(src_uri, frozenset()) - set(found))
    if missing:
        raise MarkerError(f"docs/{src_uri}: missing marker(s) {', '.join(f'<!-- nqpf:{m} -->' for m in missing)}")
    if not found:
        return None
    return MARKER.sub(lambda m: render(env, site, f"markers/{m[1]}.md.j2", MARKERS[m[1]](site)), markdown)
