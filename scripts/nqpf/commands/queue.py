"""List, per source, the candidate facts the curated data does not cover yet.

Extracts candidates from each seed (or the articles given) and checks them
against data/: a date not on the timeline, a place whose province has
nothing reported, a person not in people.yaml, a figure not in figures.yaml,
a term not in the glossary. Ends with a summary count, and names the articles
drafted in data/drafts/ but not accepted yet. Reads data/ only;
writes nothing. A file that cannot be read is reported as ``path: message``
and the exit status is 1; otherwise it is 0, however long the queue.
"""

from __future__ import annotations

import argparse
from collections import Counter

from ..curated import load_curated
from ..extract.coverage import QUEUED, Curation, source_records, uncovered
from ..extract.run import extract_files, known_sources
from ..project import Project
from ..report import Problem, report

LABELS = {"dates": "date", "places": "place", "people": "person", "figures": "figure", "terms": "term"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", help="articles to check (default: every source in data/sources.yaml)")
    parser.add_argument("--data", help="data folder (default: data/ of the project, or $NQPF_DATA)")


def describe(field: str, candidate: dict) -> str:
    if field == "dates":
        when = candidate["iso"] + (f"..{candidate['end']}" if candidate.get("end") else "")
        return f"{when} ({candidate['precision']}) \"{candidate['text']}\""
    if field == "places":
        where = candidate.get("code") or ",".join(candidate.get("codes", []))
        extra = "" if candidate.get("mainland", True) else ", outside the 31 mainland divisions"
        return f"{candidate['name']} ({candidate['kind']}, {where}{extra})"
    if field == "people":
        role = ", ".join(x for x in (candidate.get("role"), candidate.get("affiliation")) if x)
        return candidate["name"] + (f" ({role})" if role else "")
    if field == "figures":
        measure = f" - {candidate['measure']}" if candidate.get("measure") else ""
        return f"{candidate['text']}{measure}"
    return f"{candidate['term']} ({candidate['kind']}{', ' + str(candidate['mentions']) + ' mentions' if candidate.get('mentions', 1) > 1 else ''})"


def _records(args: argparse.Namespace, curated, problems: list[Problem]):
    if not args.files:
        yield from ((source_id, record["source"], record) for source_id, record in source_records(curated))
        return
    project = curated.project
    files = project.seed_files(args.files)
    for path, record, found in extract_files(files, sources=known_sources(project.data), project=project):
        problems.extend(found)
        if record is not None:
            yield record.get("source_id"), project.show(path), record


def run(args: argparse.Namespace) -> int:
    curated = load_curated(Project.find(data=args.data))
    index = Curation.of(curated)
    problems: list[Problem] = []
    left_by_field: Counter = Counter()
    all_left = all_total = sources = 0
    for source_id, path, record in _records(args, curated, problems):
        left, total = uncovered(record, index)
        sources += 1
        all_left += len(left)
        all_total += total
        name = f"{path} ({source_id})" if source_id else path
        print(f"{name}: {len(left)} of {total} candidates not curated")
        for field, candidate in left:
            left_by_field[field] += 1
            lines = ",".join(str(n) for n in candidate["evidence"]["lines"])
            print(f"  {LABELS[field]:<7} {describe(field, candidate)}  [line {lines}]")
    by_field = ", ".join(f"{left_by_field[f]} {f}" for f in QUEUED)
    print(f"\n{all_left} of {all_total} candidates in {sources} sources not curated yet ({by_field})")
    curated_files = {str(item.get("file")) for _, item in curated.items("sources")}
    waiting = {file: draft for file, draft in curated.drafted.items() if file not in curated_files}
    for file, draft in sorted(waiting.items()):
        print(f"{file}: drafted in {draft}, not accepted yet (python -m nqpf accept {draft})")
    return report(problems)
