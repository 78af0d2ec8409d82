"""Check the curated data: YAML, schemas, ids, references, quotes, dates, pinyin.

Every problem is reported at once as ``data/FILE.yaml:LINE: path: message``;
the exit status is 1 if there is any.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import paths
from ..checks import run_checks
from ..curated import load_curated
from ..report import report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=paths.DATA, help="data folder (default: %(default)s)")


def run(args: argparse.Namespace) -> int:
    curated = load_curated(args.data)
    status = report(run_checks(curated))
    if status == 0:
        counts = ", ".join(f"{len(d.data) if isinstance(d.data, (list, dict)) else 0} {n}" for n, d in curated.docs.items())
        print(f"{args.data}: valid ({counts})")
    return status
