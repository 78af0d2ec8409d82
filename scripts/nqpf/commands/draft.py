"""Draft curated entries from a new article: data/drafts/<source id>.yaml.

Reads the article (cleaned as ``ingest`` does), runs the extractor, and writes
one draft per article: a sources.yaml entry filled from what the cleaner finds,
and candidate entries for the timeline, people, figures, provinces and glossary,
each with its sentence as a verbatim quote. Values a curator must write begin
with ``TODO:``. A candidate matching an existing entry is added to it as
evidence (``extend``), never made a second entry. Never touches the curated
files; an existing draft is kept unless ``--force``.
"""

from __future__ import annotations

import argparse

from ..curated import load_curated
from ..drafts import make
from ..drafts.emit import mapping_text
from ..extract import Reference
from ..project import Project
from ..report import Problem, report
from .extract import _date

HEADER = """\
# yaml-language-server: $schema=../schemas/draft.schema.json
#
# A draft made by `python -m nqpf draft` from {article}: nothing here is curated yet.
# Replace every value that begins with "TODO:" (its hint says what to write), delete what is not
# worth keeping, run `python -m nqpf validate`, then `python -m nqpf accept {draft}`.
# Ids become permanent anchors once accepted: change any you want to change now.
# `add` holds new entries by data file; `extend` new evidence or statements for existing entries.

"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", help="the new articles (in seeds/)")
    parser.add_argument("--reference", type=_date, help="the date relative dates count from, if the article gives none")
    parser.add_argument("--force", action="store_true", help="replace an existing draft")


def run(args: argparse.Namespace) -> int:
    project = Project.find()
    curated = load_curated(project)
    problems: list[Problem] = []
    reference = Reference(args.reference, "--reference") if args.reference else None
    for path in project.seed_files(args.files):
        draft, found = make.make(project, curated, path, reference)
        problems.extend(found)
        if draft is None:
            continue
        source = draft["add"]["sources"][0]
        if source["id"] in curated.ids("sources"):
            problems.append(Problem(project.show(path), None, f"is already a curated source ({source['id']}); add to it by hand"))
            continue
        target = project.drafts / f"{source['id']}.yaml"
        if target.exists() and not args.force:
            problems.append(Problem(project.show(target), None, "a draft exists: edit it, accept it, or run again with --force"))
            continue
        project.drafts.mkdir(parents=True, exist_ok=True)
        body = "\n".join(mapping_text(draft)) + "\n"
        target.write_text(HEADER.format(article=project.show(path), draft=project.show(target)) + body, "utf-8")
        counts = ", ".join(f"{len(v)} {k}" for k, v in draft["add"].items()) + f"; {len(draft.get('extend', []))} extensions"
        print(f"{project.show(path)}: draft {project.show(target)} ({counts})")
    return report(problems)
