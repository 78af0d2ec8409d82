"""bench/results.json: one key per part, merged so other writers' keys survive."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path


def merge(path: Path, updates: dict) -> dict:
    """Write ``updates`` over the keys already in ``path``; the whole result."""
    current: dict = {}
    if path.is_file():
        try:
            current = json.loads(path.read_text("utf-8"))
        except json.JSONDecodeError:
            current = {}
    current.update(updates)
    current["updated"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(current, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
    os.replace(tmp, path)
    return current
