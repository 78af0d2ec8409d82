"""Extract candidates from files: reading, dating, serialising, in one or more processes.

Shared by the ``extract``, ``queue`` and ``bench`` commands. A file that
cannot be read yields problems instead of a record; the others go on.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from ..ingest import clean
from ..project import Project
from ..rawtext import read_text
from ..report import Problem
from ..yamlfile import load
from . import Reference, extract


class _Dumper(yaml.SafeDumper):
    """Block YAML without anchors: every candidate reads on its own."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(record: dict) -> str:
    return yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def known_sources(data_dir: Path) -> dict[str, dict]:
    """Curated facts about seed files (id, date), keyed by file path, if data/sources.yaml is there."""
    path = data_dir / "sources.yaml"
    if not path.is_file():
        return {}
    doc, _ = load(path)
    if not isinstance(doc.data, list):
        return {}
    return {str(item["file"]): item for item in doc.data if isinstance(item, dict) and isinstance(item.get("file"), str)}


def _source_key(path: Path, project: Project) -> str:
    """How data/sources.yaml names an article: its path from the folder that holds seeds/."""
    try:
        return path.resolve().relative_to(project.seeds.parent).as_posix()
    except ValueError:
        return path.as_posix()


def fallback_reference(path: Path, sources: dict[str, dict], given: dt.date | None,
                       project: Project | None = None) -> tuple[Reference | None, str | None]:
    """The date to count from when the article has none: ``--reference``, else data/sources.yaml."""
    source = sources.get(_source_key(path, project or Project.find()))
    source_id = source.get("id") if source else None
    if given is not None:
        return Reference(given, "--reference"), source_id
    if source and isinstance(source.get("published"), str):
        try:
            return Reference(dt.date.fromisoformat(source["published"]), "published date in data/sources.yaml"), source_id
        except ValueError:
            pass
    return None, source_id


def extract_file(path: Path, reference: Reference | None = None, source_id: str | None = None,
                 name: str | None = None) -> tuple[dict | None, list[Problem]]:
    """Candidates in one article; ``name`` is how records and messages call it (default: the path given)."""
    name = name or str(path)
    text, problems = read_text(path, shown=name)
    if text is None:
        return None, problems
    record = extract(clean(name, text), text, reference)
    if source_id:
        record = {"source": record["source"], "source_id": source_id, **{k: v for k, v in record.items() if k != "source"}}
    return record, []


def warm_up() -> None:
    """Build what every extraction needs once: the gazetteer and the pinyin syllables."""
    from .gazetteer import gazetteer
    from .people import pinyin_syllables

    gazetteer()
    pinyin_syllables()


def _job(args: tuple[Path, Reference | None, str | None, str]) -> tuple[dict | None, list[Problem]]:
    return extract_file(*args)


def extract_files(
    files: list[Path], jobs: int = 1, given: dt.date | None = None, progress: bool = True, sources: dict[str, dict] | None = None,
    project: Project | None = None,
) -> Iterator[tuple[Path, dict | None, list[Problem]]]:
    """``(path, record, problems)`` for each file, in the order given."""
    from tqdm import tqdm

    project = project or Project.find()
    sources = known_sources(project.data) if sources is None else sources
    work = [(path, *fallback_reference(path, sources, given, project), project.show(path)) for path in files]
    bar = tqdm(total=len(work), unit="article", file=sys.stderr, disable=not (progress and sys.stderr.isatty()), leave=False)
    results: Iterable[tuple[dict | None, list[Problem]]]
    try:
        if jobs > 1 and len(work) > 1:
            warm_up()  # forked workers inherit the gazetteer instead of each building it
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                for (path, *_), result in zip(work, pool.map(_job, work, chunksize=max(1, len(work) // (jobs * 8))), strict=True):
                    bar.update()
                    yield path, *result
        else:
            for item in work:
                results = _job(item)
                bar.update()
                yield item[0], *results
    finally:
        bar.close()
