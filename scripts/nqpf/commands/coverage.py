"""Count, per source, how many of its candidate facts the curated data covers.

Runs the extractor over every source's article and writes the counts to
build/coverage/ with a fingerprint of the data, the articles and the
extractor, for the Sources page. The site build only reads that file (it never
runs the extractor) and leaves the counts out when the file is missing or
stale; ``make site`` runs this command first.
"""

from __future__ import annotations

import argparse

from .. import counts
from ..checks.schema import schema_errors
from ..curated import load_curated
from ..extract.coverage import coverage
from ..project import Project
from ..report import report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", help="data folder (default: data/ of the project, or $NQPF_DATA)")


def run(args: argparse.Namespace) -> int:
    project = Project.find(data=args.data)
    if counts.read(project) is not None:
        print(f"{project.show(project.coverage)}: up to date")
        return 0
    curated = load_curated(project)
    if curated.problems or any(schema_errors(curated, name) for name in curated.docs):
        # The build that follows reports each problem at its file:line; counting broken data would not help.
        print(f"{project.show(project.coverage)}: not counted, the data has problems (python -m nqpf validate lists them)")
        return 0
    found = coverage(curated)
    path = counts.write(project, found)
    covered, total = sum(c for c, _ in found.values()), sum(t for _, t in found.values())
    print(f"{project.show(path)}: {covered} of {total} candidates in {len(found)} sources are curated")
    return report(curated.corpus.problems)
