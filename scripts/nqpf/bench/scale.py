"""Synthetic corpora of 100, 1,000 and 5,000 articles through the whole pipeline.

Each corpus is a throw-away copy of the project whose seeds/ holds the real
articles plus copies of them under new names, each copy with its own entry in
data/sources.yaml (the real entry under a new id), so the data stays valid and
every stage does real work. Every stage in :data:`STAGES` runs on each corpus
and is timed.

Hook for the extract step: ``python -m nqpf extract`` is timed between ingest
and validate as soon as it is registered in ``nqpf.cli.COMMANDS``; its owner
should check the arguments in :func:`_extract` (it runs in the copy, so it may
write there freely).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from ..cli import COMMANDS
from . import sites
from .context import Context

PY = [sys.executable, "-m", "nqpf"]


def _ingest(project: Path, work: Path) -> list[str]:
    return [*PY, "ingest", "seeds", "--out", str(work / "clean")]


def _extract(project: Path, work: Path) -> list[str]:
    return [*PY, "extract"]


def _validate(project: Path, work: Path) -> list[str]:
    return [*PY, "validate"]


def _build(project: Path, work: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(work / "site")]


# (stage, command in the corpus's project folder, whether it applies now).
STAGES: list[tuple[str, Callable[[Path, Path], list[str]], Callable[[], bool]]] = [
    ("ingest", _ingest, lambda: True),
    ("extract", _extract, lambda: "extract" in COMMANDS),
    ("validate", _validate, lambda: True),
    ("build", _build, lambda: True),
]


def synthetic_project(dest: Path, articles: int) -> Path:
    """A project copy with ``articles`` articles: the real ones, then copies of them."""
    project = sites.copy_project(dest)
    sources_file = project / "data" / "sources.yaml"
    text = sources_file.read_text("utf-8")
    sources = yaml.safe_load(text)
    real = [s for s in sources if isinstance(s, dict) and s.get("kind", "article") == "article"]
    for n in range(len(real), articles):
        original = real[n % len(real)]
        seed = project / original["file"]
        name = f"seeds/s{n:05d}_{seed.stem.split('_', 1)[-1]}.txt"
        shutil.copyfile(seed, project / name)
        clone = dict(original, id=f"{original['id'][:60]}-n{n}", file=name)
        if "url" in clone:  # a url belongs to one source: the copies say where theirs would be
            del clone["url"]
            clone.pop("http_only", None)
            clone["url_note"] = "A synthetic copy for the benchmark; it has no original."
        sources.append(clone)
    # The validator requires the file's first line, the schema comment, to stay.
    header = text.split("\n", 1)[0] + "\n" if text.startswith("#") else ""
    sources_file.write_text(header + yaml.safe_dump(sources, allow_unicode=True, sort_keys=False, width=10_000), "utf-8")
    return project


def run(ctx: Context) -> dict:
    result: dict = {}
    for size in ctx.sizes:
        work = ctx.tmp / f"scale-{size}"
        project = synthetic_project(work / "project", size)
        timings: dict = {}
        for stage, command, applies in STAGES:
            if not applies():
                timings[stage] = None
                continue
            ctx.log(f"scale {size}: {stage}")
            done = sites.timed(command(project, work), project, "http://127.0.0.1:8000/")
            sites.require_ok(done, f"{stage} of {size} articles")
            timings[stage] = round(done.seconds, 3)
        timings["total"] = round(sum(v for v in timings.values() if v), 3)
        result[str(size)] = timings
        shutil.rmtree(work, ignore_errors=True)
    return result


def table(result: dict) -> list[tuple[str, str, str, str]]:
    rows = []
    for size, t in ((k, v) for k, v in result.items() if isinstance(v, dict)):
        stages = ", ".join(f"{k} {v:.1f}" for k, v in t.items() if k != "total" and v is not None)
        missing = [k for k, v in t.items() if v is None]
        note = stages + (f" ({', '.join(missing)} not available yet)" if missing else "")
        rows.append((f"scale: {int(size):,} articles (s)", f"{t['total']:.1f}", "-", note))
    return rows
