"""What an entry rests on: the articles its evidence quotes.

One rule for every layer (citations, the Sources page, CSV, JSON-LD, feeds):
an entry rests on every source quoted in an ``evidence`` list anywhere inside
it, in the order first quoted, except the readings of a conflict that the
entry does not use. A rejected reading is shown beside the entry, but the
entry does not rest on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def _quoted(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "conflicts" and isinstance(item, list):
                for conflict in item:
                    yield from _chosen(conflict)
            elif key == "evidence" and isinstance(item, list):
                yield from (e["source"] for e in item if isinstance(e, dict) and isinstance(e.get("source"), str))
            else:
                yield from _quoted(item)
    elif isinstance(value, list):
        for item in value:
            yield from _quoted(item)


def _chosen(conflict: Any) -> Iterator[str]:
    if not isinstance(conflict, dict):
        return
    for reading in conflict.get("readings") or []:
        if isinstance(reading, dict) and reading.get("value") == conflict.get("chosen"):
            yield from _quoted(reading.get("evidence") and {"evidence": reading["evidence"]})


def sources_of(entry: Any) -> list[str]:
    """Ids of the sources ``entry`` rests on, each once, in the order first quoted."""
    return list(dict.fromkeys(_quoted(entry)))
