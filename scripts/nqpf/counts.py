"""The Sources page's curation counts, kept in ``build/coverage/``.

Counting means running the extractor over every article, which the site build
must not do. ``python -m nqpf coverage`` (run by ``make site``) counts and
writes the file; the build only reads it. The file records a fingerprint of
what it was counted from (the data, the articles and the extractor's code), so
a stale file is never shown: the build then leaves the counts out.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .project import Project

_EXTRACTOR = Path(__file__).parent / "extract"


def fingerprint(project: Project) -> str:
    digest = hashlib.sha256()
    files = [*sorted(project.data.glob("*.yaml")), *sorted(project.seeds.glob("*.txt")), *sorted(_EXTRACTOR.glob("*.py"))]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def write(project: Project, counts: dict[str, tuple[int, int]]) -> Path:
    project.coverage.parent.mkdir(parents=True, exist_ok=True)
    body = {"fingerprint": fingerprint(project), "sources": {k: list(v) for k, v in sorted(counts.items())}}
    # Written aside, then renamed: a reader (a build, a parallel test) never sees half a file.
    partial = project.coverage.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(json.dumps(body, indent=1) + "\n", "utf-8")
    partial.replace(project.coverage)
    return project.coverage


def read(project: Project) -> dict[str, tuple[int, int]] | None:
    """``source id -> (curated, candidates)``, or None when the file is missing or stale."""
    try:
        body = json.loads(project.coverage.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(body, dict) or body.get("fingerprint") != fingerprint(project):
        return None
    return {k: (int(v[0]), int(v[1])) for k, v in body.get("sources", {}).items()}
