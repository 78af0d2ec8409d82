"""Find values in nested data by path pattern ("*" matches any key or index)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Where = tuple[Any, ...]


def walk(data: Any, pattern: Where, where: Where = ()) -> Iterator[tuple[Where, Any]]:
    if not pattern:
        yield where, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
        for key, child in children:
            yield from walk(child, rest, where + (key,))
    elif isinstance(data, dict) and head in data:
        yield from walk(data[head], rest, where + (head,))


def strings(data: Any, where: Where = ()) -> Iterator[tuple[Where, str]]:
    """Every string at any depth, with where it is."""
    if isinstance(data, dict):
        for key, item in data.items():
            yield from strings(item, where + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from strings(item, where + (i,))
    elif isinstance(data, str):
        yield where, data


def find_key(data: Any, key: str, where: Where = ()) -> Iterator[tuple[Where, Any]]:
    """Every value stored under ``key`` at any depth."""
    if isinstance(data, dict):
        for k, child in data.items():
            if k == key:
                yield where + (k,), child
            else:
                yield from find_key(child, key, where + (k,))
    elif isinstance(data, list):
        for i, child in enumerate(data):
            yield from find_key(child, key, where + (i,))


def evidence_items(data: Any) -> Iterator[tuple[Where, dict]]:
    """Every ``{source, quote}`` item of every evidence list."""
    for where, evidence in find_key(data, "evidence"):
        if isinstance(evidence, list):
            for i, item in enumerate(evidence):
                if isinstance(item, dict):
                    yield where + (i,), item


def repeats(doc, items, key: str) -> Iterator[tuple[int, Any, int]]:
    """``(index, value, line of its first use)`` for each entry of ``items`` (``(index,
    entry)`` pairs) whose ``key`` repeats an earlier entry's; ``doc`` gives the lines."""
    first: dict[Any, int] = {}
    for i, item in items:
        value = item.get(key)
        if not isinstance(value, str):
            continue
        if value in first:
            yield i, value, first[value]
        else:
            first[value] = doc.line((i, key))
