"""Check the curated data: YAML, schemas, ids, references, quotes, dates, pinyin.

Every problem is reported at once as ``data/FILE.yaml:LINE: path: message``;
the exit status is 1 if there is any. ``--debug`` lets a rule that fails
inside raise its error (with its traceback) instead of reporting it.
"""

from __future__ import annotations

import argparse

from ..checks import run_checks
from ..curated import load_curated
from ..project import Project
from ..report import report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", help="data folder (default: data/ of the project, or $NQPF_DATA)")
    parser.add_argument("--debug", action="store_true", help="raise inside a failing rule instead of reporting an internal error")


def run(args: argparse.Namespace) -> int:
    project = Project.find(data=args.data)
    curated = load_curated(project)
    status = report(run_checks(curated, debug=args.debug))
    if status == 0:
        counts = ", ".join(f"{len(d.data) if isinstance(d.data, (list, dict)) else 0} {n}" for n, d in curated.docs.items())
        print(f"{project.show(project.data)}: valid ({counts})")
    return status
