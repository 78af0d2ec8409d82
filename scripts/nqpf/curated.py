"""The curated data files of a project, loaded together with their line maps.

Which files there are comes from the registry (:data:`nqpf.kinds.DATASETS`);
each has a schema ``data/schemas/<name>.schema.json``. Loading never raises:
what cannot be read becomes a :class:`~nqpf.report.Problem` with ``file:line``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .corpus import Corpus, read_corpus
from .kinds import DATASET_NAMES
from .project import Project
from .report import Problem
from .yamlfile import Document, load


@dataclass
class Curated:
    project: Project
    docs: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Files with entries blanked for failing their schema: rules about the file
    # as a whole (counts, coverage) skip them rather than report echoes.
    partial: set[str] = field(default_factory=set)
    # Ids of those blanked entries, by file: references to them are not reported again as unknown.
    blanked: dict[str, set[str]] = field(default_factory=dict)
    # Every draft in data/drafts/, by its shown path, as read (None when it is not a mapping).
    drafts: dict[str, Any] = field(default_factory=dict)

    @property
    def drafted(self) -> dict[str, str]:
        """Articles a draft in data/drafts/ describes (seeds/<name>.txt -> the draft): not yet curated, not missing."""
        out: dict[str, str] = {}
        for path, draft in self.drafts.items():
            add = (draft or {}).get("add")
            sources = add.get("sources") if isinstance(add, dict) else None
            for source in sources if isinstance(sources, list) else []:
                if isinstance(source, dict) and isinstance(source.get("file"), str):
                    out[source["file"]] = path
        return out

    @property
    def root(self) -> Path:
        """The data folder."""
        return self.project.data

    def path(self, name: str) -> Path:
        return self.root / f"{name}.yaml"

    def show(self, path: Path | str) -> str:
        return self.project.show(path)

    def data(self, name: str) -> Any:
        doc = self.docs.get(name)
        return doc.data if doc else None

    def items(self, name: str) -> list[tuple[int, dict]]:
        """``(index, item)`` for each well-formed entry of a list-shaped file."""
        data = self.data(name)
        if not isinstance(data, list):
            return []
        return [(i, item) for i, item in enumerate(data) if isinstance(item, dict)]

    def ids(self, name: str) -> set[str]:
        return {item["id"] for _, item in self.items(name) if isinstance(item.get("id"), str)}

    def known_ids(self, name: str) -> set[str]:
        """The ids a reference may name: the sound entries', and those blanked for their shape
        (whose problem is reported once, where it is)."""
        return self.ids(name) | self.blanked.get(name, set())

    @cached_property
    def corpus(self) -> Corpus:
        """Every seed article, cleaned; sources point into it by ``file`` (``seeds/<name>.txt``)."""
        return read_corpus(sorted(self.project.seeds.glob("*.txt")), self.project.seeds.parent)

    def article(self, source_id: str):
        for _, item in self.items("sources"):
            if item.get("id") == source_id:
                return self.corpus.articles.get(str(item.get("file")))
        return None


def load_curated(project: Project | Path | str) -> Curated:
    """Every data file of ``project`` (or of the data folder given)."""
    if not isinstance(project, Project):
        data = Path(project).resolve()
        project = Project.find(data, data=data)
    curated = Curated(project)
    for name in DATASET_NAMES:
        doc, problems = load(curated.path(name), shown=project.show(curated.path(name)))
        curated.docs[name] = doc
        curated.problems.extend(problems)
    for path in sorted(project.drafts.glob("*.yaml")):
        doc, _ = load(path)  # the draft's own problems are validate's to report
        curated.drafts[project.show(path)] = doc.data if isinstance(doc.data, dict) else None
    return curated
