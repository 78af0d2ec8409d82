"""The curated data files under data/, loaded together with their line maps."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import paths
from .corpus import Corpus, read_corpus
from .report import Problem
from .yamlfile import Document, load

# Every curated file, in the order a reader meets them; each has a schema
# data/schemas/<name>.schema.json.
DATASETS = ("sources", "concept", "timeline", "provinces", "glossary", "people", "figures", "pinyin-allow")


@dataclass
class Curated:
    root: Path
    docs: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Files with entries blanked for failing their schema: rules about the file
    # as a whole (counts, coverage) skip them rather than report echoes.
    partial: set[str] = field(default_factory=set)

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

    def schema(self, name: str) -> dict:
        return json.loads((self.root / paths.SCHEMAS.relative_to(paths.DATA) / f"{name}.schema.json").read_text("utf-8"))

    @cached_property
    def corpus(self) -> Corpus:
        """Every seed article, cleaned; sources point into it by ``file``."""
        base = self.root.parent
        return read_corpus(sorted((base / paths.SEEDS).glob("*.txt")), base)

    def article(self, source_id: str):
        for _, item in self.items("sources"):
            if item.get("id") == source_id:
                return self.corpus.articles.get(str(item.get("file")))
        return None


def data_directory(project: Path) -> Path:
    """The data folder of a project: ``data/``, or ``$NQPF_DATA`` (test fixtures),
    relative to the working directory where possible so messages stay short."""
    path = project / os.environ.get("NQPF_DATA", "data")
    return path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path


def _fingerprint(root: Path) -> tuple:
    files = [*root.glob("*.yaml"), *(root / "schemas").glob("*.json"), *(root.parent / paths.SEEDS).glob("*.txt")]
    return tuple(sorted((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))


_loaded: dict[str, tuple[tuple, Curated]] = {}


def load_curated_once(root: Path) -> Curated:
    """:func:`load_curated`, shared by the site's hooks within one build: loaded again
    only when a data, schema or seed file changed (as under ``mkdocs serve``)."""
    key, fingerprint = str(Path(root).resolve()), _fingerprint(Path(root))
    cached = _loaded.get(key)
    if cached is None or cached[0] != fingerprint:
        cached = (fingerprint, load_curated(Path(root)))
        _loaded[key] = cached
    return cached[1]


def load_curated(root: Path = paths.DATA) -> Curated:
    curated = Curated(root)
    for name in DATASETS:
        path = root / f"{name}.yaml"
        doc, problems = load(path)
        curated.docs[name] = doc
        curated.problems.extend(problems)
    return curated
