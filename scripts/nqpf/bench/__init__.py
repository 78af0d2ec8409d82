"""Benchmarks behind ``make bench``: each part measures one pipeline step.

Results merge into ``bench/results.json`` under the part's own key, so parts
written later (site build, checks) add to the file rather than replace it.
"""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path("bench") / "results.json"


def merge_results(key: str, value: dict, path: Path = RESULTS) -> None:
    data = {}
    if path.is_file():
        try:
            data = json.loads(path.read_text("utf-8"))
        except ValueError:
            data = {}
    data[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
