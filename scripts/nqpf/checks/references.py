"""Every id that points somewhere resolves, as the registry declares (:mod:`nqpf.kinds`)."""

from __future__ import annotations

from collections.abc import Iterable

from ..curated import Curated
from ..kinds import DATASETS, KINDS
from ..report import Problem
from .walk import evidence_items, walk


def check_references(curated: Curated) -> Iterable[Problem]:
    """Each reference names an existing id of the right file; an entry never refers to itself.
    References into a file that could not be read are not checked (its own problem is reported)."""
    for dataset in DATASETS:
        doc = curated.docs.get(dataset.name)
        if doc is None or doc.data is None:
            continue
        for ref in dataset.refs:
            target = KINDS[ref.target].dataset
            target_doc = curated.docs.get(target)
            if target_doc is None or target_doc.data is None:
                continue  # a file that cannot be read is reported once, by the loader
            known = curated.known_ids(target)
            pattern = ref.path if dataset.kind is None else ("*", *ref.path)
            for where, value in walk(doc.data, pattern):
                if isinstance(value, str) and value not in known:
                    yield doc.problem(where, f"unknown {target} id {value!r}")
                elif target == dataset.name and dataset.kind is not None and value == _entry(doc.data, where).get("id"):
                    yield doc.problem(where[:2], "an entry cannot refer to itself")
    sources = curated.known_ids(KINDS["source"].dataset)
    for dataset in DATASETS:
        doc = curated.docs.get(dataset.name)
        if doc is None or dataset.kind is KINDS["source"]:
            continue
        for where, item in evidence_items(doc.data):
            source = item.get("source")
            if isinstance(source, str) and source not in sources:
                yield doc.problem(where + ("source",), f"unknown source id {source!r}")


def _entry(data, where) -> dict:
    item = data[where[0]]
    return item if isinstance(item, dict) else {}


def check_shown(curated: Curated) -> Iterable[Problem]:
    """Every entry of a kind shown through another (a debate topic, shown through its views) is named by
    at least one entry of that kind: otherwise its page would silently show nothing of it."""
    for kind in KINDS.values():
        if kind.shown_through is None:
            continue
        through = KINDS[kind.shown_through]
        doc, through_doc = curated.docs.get(kind.dataset), curated.docs.get(through.dataset)
        if doc is None or doc.data is None or through_doc is None or through_doc.data is None:
            continue
        if through.dataset in curated.partial:
            continue  # entries set aside for their schema may be the ones that name it
        named = {value for ref in through.refs if ref.target == kind.name
                 for _, value in walk(through_doc.data, ("*", *ref.path)) if isinstance(value, str)}
        for i, item in curated.items(kind.dataset):
            if item.get("id") not in named:
                yield doc.problem((i, "id"), f"no {through.name} names this {kind.name} ({through.dataset}.yaml), so the "
                                             f"{kind.page.removesuffix('.md')} page would not show it: give it one or remove it")
