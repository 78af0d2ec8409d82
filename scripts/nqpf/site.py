"""The model every page, download and feed is built from: the data, loaded once.

``Site.load(root)`` reads the project's data, validates it (a problem raises
:class:`DataError` with every ``file:line``), and indexes it by kind and id. It
also answers, once, what several layers need: what each entry rests on
(:func:`nqpf.evidence.sources_of`), which facts cite each source, which entries
refer to an entry, the date of the data and of the site, and the Sources
page's curation counts. Nothing here depends on MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from . import counts, dating, outlets
from .checks import run_checks
from .checks.walk import strings
from .curated import Curated, load_curated
from .drafts import is_todo
from .evidence import sources_of
from .kinds import CITING_ORDER, CONCEPT, CONCEPT_PARTS, DATASETS, KINDS, Kind, by_dataset, industries_anchor
from .project import Project
from .report import Problem


class DataError(Exception):
    """The data does not validate, or cannot be dated; ``problems`` says where."""

    def __init__(self, problems: list[Problem] | str):
        self.problems = [Problem("data", None, problems)] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class Fact:
    """One fact shown on the site that cites sources: where it is, and what to call it."""

    kind: str  # a kind's name, or "concept"
    page: str
    anchor: str
    label: str


class Site:
    def __init__(self, curated: Curated):
        self.curated = curated
        self.project: Project = curated.project
        concept = curated.data(CONCEPT)
        self.concept: dict[str, Any] = concept if isinstance(concept, dict) else {}
        # kind name -> id -> entry, in data order; templates write site.of[kind][id]. An entry of a kind
        # that derives fields (a source's outlet name and kind) is a copy with those fields added.
        raw: dict[str, dict[str, dict]] = {
            k.name: {item["id"]: item for _, item in curated.items(k.dataset)} for k in KINDS.values()
        }
        self.of: dict[str, dict[str, dict]] = {
            name: ({i: {**e, **kind.derive(e, raw)} for i, e in entries.items()} if kind.derive else entries)
            for name, entries in raw.items() for kind in [KINDS[name]]
        }
        self.outlets = outlets.Registry(raw["outlet"].values())
        self._backlinks = self._index_references()

    @classmethod
    def load(cls, root: Path | str | None = None, *, data: Path | str | None = None, validate: bool = True,
             debug: bool = False) -> Site:
        project = Project.at(root, data) if root is not None else Project.find(data=data)
        curated = load_curated(project)
        if validate:
            problems = run_checks(curated, debug=debug)
            if problems:
                raise DataError(problems)
        return cls(curated)

    # -- entries --------------------------------------------------------------------------------------

    def entries(self, kind: str) -> list[dict]:
        return list(self.of[kind].values())

    def entry(self, kind: str, ident: str) -> dict:
        return self.of[kind][ident]

    @staticmethod
    def kind(name: str) -> Kind:
        return KINDS[name]

    sources_of = staticmethod(sources_of)

    def _index_references(self) -> dict[tuple[str, str], dict[str, list]]:
        """``(dataset, first key of the path) -> target id -> what refers to it``: the entry,
        or for the concept the item (a formulation, the definition) that holds the id."""
        from .checks.walk import walk

        index: dict[tuple[str, str], dict[str, list]] = {}
        for dataset in DATASETS:
            for ref in dataset.refs:
                found = index.setdefault((dataset.name, ref.path[0]), {})
                if dataset.kind is not None:
                    pairs = ((entry, value) for entry in self.entries(dataset.kind.name) for _, value in walk(entry, ref.path))
                else:
                    pairs = ((self._concept_item(where), value) for where, value in walk(self.concept, ref.path))
                for holder, value in pairs:
                    if isinstance(value, str):
                        holders = found.setdefault(value, [])
                        if not any(h is holder for h in holders):
                            holders.append(holder)
        return index

    def _concept_item(self, where: tuple) -> Any:
        value: Any = self.concept
        for key in where[: 2 if len(where) > 2 else 1]:
            value = value[key]
        return value

    def referring(self, dataset: str, field: str, ident: str) -> list:
        """What in ``dataset`` names ``ident`` under ``field`` (a path the registry declares as a reference)."""
        return self._backlinks.get((dataset, field), {}).get(ident, [])

    # -- what cites what -----------------------------------------------------------------------------

    def _facts(self) -> Iterator[tuple[Fact, Any]]:
        for part in CONCEPT_PARTS:
            value = self.concept.get(part.key)
            if not value:
                continue
            if part.per_item:
                for item in value:
                    title = item.get("name") or item.get("title") or item.get("summary") or item.get("zh")
                    yield Fact(CONCEPT, part.page, item["id"], f"{part.label}: {title}"), item
            elif part.key == "industries":
                for item in value:
                    yield Fact(CONCEPT, part.page, industries_anchor(item["source"]), part.label), item
            else:
                yield Fact(CONCEPT, part.page, part.anchor, part.label), value
        for name in CITING_ORDER:
            kind = KINDS[name]
            for entry in self.entries(name):
                yield Fact(name, kind.page, kind.anchor(entry["id"]), kind.fact_label(entry)), entry

    @cached_property
    def cited_by(self) -> dict[str, list[Fact]]:
        """Source id -> the facts that rest on it, concept first, then kind by kind."""
        cited: dict[str, list[Fact]] = {source: [] for source in self.of["source"]}
        for fact, data in self._facts():
            for source in sources_of(data):
                if source in cited and fact not in cited[source]:
                    cited[source].append(fact)
        return cited

    def citing(self, source_id: str) -> list[dict]:
        """The facts resting on a source, grouped as the Sources page shows them."""
        facts = self.cited_by.get(source_id, [])
        groups = [("concept", "Concept and drivers"), *((name, KINDS[name].group) for name in CITING_ORDER)]
        return [{"label": label, "facts": found} for key, label in groups if (found := [f for f in facts if f.kind == key])]

    # -- dates and counts ----------------------------------------------------------------------------

    @cached_property
    def edited(self) -> str:
        """The date of the data (its last commit; ``SOURCE_DATE_EPOCH`` wins): "last edited"."""
        try:
            return dating.data_date(self.project.data, {d.name: self.curated.data(d.name) for d in DATASETS})
        except dating.DateError as error:
            raise DataError(str(error)) from error

    @cached_property
    def changed(self) -> str:
        """The date of the site's last change, for the sitemap."""
        try:
            return dating.from_epoch() or dating.git_day(self.project.root) or self.edited
        except dating.DateError as error:
            raise DataError(str(error)) from error

    @cached_property
    def primary_sources(self) -> frozenset[str]:
        """Ids of the references whose text is a primary source (:func:`nqpf.outlets.primary`): an official
        text or an official record, wherever the page carrying it is. Pages name these first."""
        return frozenset(s["id"] for s in self.entries("source")
                         if s.get("kind") == "reference" and outlets.primary(self.outlets.by_id.get(s["outlet"])))

    @cached_property
    def covers(self) -> dict[str, dict]:
        """What the sources cover, by kind of source: ``{"article": {"count": 5, "first": "2024-02-01",
        "last": "2024-03-25"}, "reference": {...}}`` (a kind with no source is left out)."""
        out: dict[str, dict] = {}
        for source in self.entries("source"):
            kind, published = source.get("kind", "article"), str(source["published"])
            found = out.setdefault(kind, {"count": 0, "first": published, "last": published})
            found["count"] += 1
            found["first"], found["last"] = min(found["first"], published), max(found["last"], published)
        return {kind: out[kind] for kind in ("article", "reference") if kind in out}

    @cached_property
    def coverage(self) -> dict[str, tuple[int, int]]:
        """Source id -> (candidates curated, candidates), if ``python -m nqpf coverage`` counted them
        for exactly this data; else empty, and the Sources page leaves the counts out."""
        return counts.read(self.project) or {}

    @cached_property
    def drafts(self) -> list[dict[str, Any]]:
        """What each draft in ``data/drafts/`` would add, not yet accepted: ``{"path", "article",
        "source" (the new source entry, if any), "new" ([(count, "timeline entries")]), "added" (items for
        entries already curated), "todo" (values still marked TODO:)}``. Nothing in a draft is on the
        site; the Sources page only counts what waits."""
        out = []
        for path, draft in sorted(self.curated.drafts.items()):
            draft = draft or {}
            add = draft.get("add") if isinstance(draft.get("add"), dict) else {}
            new_sources = [s for s in add.get("sources") or [] if isinstance(s, dict)]
            new = [(len(entries), _plural((kind.label if kind else name).lower(), len(entries)))
                   for name, entries in add.items() if name != "sources" and isinstance(entries, list) and entries
                   for kind in [by_dataset(name)]]
            extend = [e for e in draft.get("extend") or [] if isinstance(e, dict)]
            out.append({"path": path, "article": draft.get("source"), "source": new_sources[0] if new_sources else None,
                        "new": new, "added": sum(len(e.get("add") or []) for e in extend),
                        "todo": sum(is_todo(value) for _, value in strings(draft))})
        return out

    @cached_property
    def cff(self) -> dict[str, Any]:
        """``CITATION.cff`` at the project root, as data (``{}`` if absent)."""
        path = self.project.root / "CITATION.cff"
        if not path.is_file():
            return {}
        try:
            data = yaml.safe_load(path.read_text("utf-8"))
        except yaml.YAMLError as error:
            raise DataError(f"CITATION.cff is not valid YAML: {error}") from error
        return data if isinstance(data, dict) else {}


def _plural(label: str, n: int) -> str:
    if n == 1:
        return label
    return label[:-1] + "ies" if label.endswith("y") else label + "s"
