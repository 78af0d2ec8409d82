"""Move a draft's reviewed entries into the curated files, adding lines and changing none.

New entries are appended in each file's order (the timeline's by date); new
evidence and statements go after an entry's own. An entry that still holds a
``TODO:``, breaks a rule of the validator, or reuses an id is refused with its
``file:line``, and then nothing is written. ``--only timeline,people`` takes
those files' parts and leaves the rest in the draft. Run twice, the second run
finds nothing left to accept.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..drafts.accept import accept
from ..kinds import DATASET_NAMES
from ..project import Project
from ..report import Problem, report


def _files(value: str) -> set[str]:
    names = {n.strip() for n in value.split(",") if n.strip()}
    unknown = sorted(names - set(DATASET_NAMES))
    if unknown:
        raise argparse.ArgumentTypeError(f"no data file {', '.join(unknown)}; one of {', '.join(DATASET_NAMES)}")
    return names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", type=Path, help="data/drafts/<id>.yaml")
    parser.add_argument("--only", type=_files, help="accept only these data files' parts (comma-separated)")


def run(args: argparse.Namespace) -> int:
    project = Project.find()
    if not args.draft.is_file():
        return report([Problem(str(args.draft), None, "no such draft")])
    problems, done = accept(project, args.draft.resolve(), args.only)
    for line in done:
        print(line)
    return report(problems)
