"""Check the curated data: YAML, schemas, ids, references, quotes, dates, pinyin; and the drafts.

Every problem is reported at once as ``data/FILE.yaml:LINE: path: message``;
the exit status is 1 if there is any. Each draft in data/drafts/ is checked by
the same rules, as if it were accepted; a ``TODO:`` left in a draft is a
warning (``file:line: warning: ...``), which does not change the exit status.
``--debug`` lets a rule that fails inside raise its error (with its
traceback) instead of reporting it.
"""

from __future__ import annotations

import argparse
import sys

from ..checks import run_checks
from ..curated import load_curated
from ..drafts import composite
from ..project import Project
from ..report import report
from ..yamlfile import load


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", help="data folder (default: data/ of the project, or $NQPF_DATA)")
    parser.add_argument("--debug", action="store_true", help="raise inside a failing rule instead of reporting an internal error")


def run(args: argparse.Namespace) -> int:
    project = Project.find(data=args.data)
    curated = load_curated(project)
    problems = run_checks(curated, debug=args.debug)
    drafts = sorted(project.drafts.glob("*.yaml"))
    for path in drafts:
        draft, found = load(path, shown=project.show(path))
        if found:
            problems.extend(found)
            continue
        errors, warnings = composite.check(curated, draft, debug=args.debug)
        problems.extend(errors)
        for warning in sorted(warnings, key=lambda p: (p.line or 0, p.message)):
            print(f"{warning.path}:{warning.line}: warning: {warning.message}", file=sys.stderr)
    status = report(problems)
    if status == 0:
        counts = ", ".join(f"{len(d.data) if isinstance(d.data, (list, dict)) else 0} {n}" for n, d in curated.docs.items())
        drafted = f"; {len(drafts)} draft{'s' if len(drafts) != 1 else ''} checked" if drafts else ""
        print(f"{project.show(project.data)}: valid ({counts}){drafted}")
    return status
