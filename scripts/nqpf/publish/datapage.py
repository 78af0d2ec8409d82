"""The Data page (``/data/``): downloads, feeds, how to cite, and the data dictionary."""

from __future__ import annotations

from typing import Any

from ..site import Site
from . import dictionary, exports, feeds
from .citations import Citation, Publication


def context(site: Site, pub: Publication, dataset_citation: Citation) -> dict[str, Any]:
    example = next(iter(site.entries(feeds.feed_kind().name)), None)
    return {
        "pub": pub, "combined": exports.COMBINED, "tables": exports.TABLES,
        "datasets": dictionary.datasets(site.project.schemas), "shared": dictionary.shared_structures(site.project.schemas),
        "long_tables": dictionary.long_tables(), "atom": feeds.ATOM, "ics": feeds.ICS, "left_out": feeds.left_out(site),
        "dataset_citation": dataset_citation,
        "example_link": pub.url(feeds.feed_kind().url, example["id"]) if example else pub.url(),
    }
