"""Clean raw articles: drop scrape noise, split paragraphs, keep raw line numbers.

Writes ``<out>/<name>.json`` (paragraphs with kinds and raw line numbers, the
header date, dateline and what was removed) and ``<out>/<name>.txt`` (the
clean text) for every file that reads cleanly. A file that cannot be read is
reported as ``path: message``; the others are still cleaned; the exit status
is then 1.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from ..ingest import clean
from ..project import Project
from ..rawtext import read_text
from ..report import Problem, report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", help="articles or folders of them (default: seeds/*.txt)")
    parser.add_argument("--out", type=Path, help="output folder (default: build/clean/ of the project)")


def _summary(article) -> str:
    kinds = Counter(p.kind for p in article.paragraphs)
    removed = Counter()
    for r in article.removed:
        removed[r.kind] += len(r.lines)
    published, basis = article.published
    parts = [f"{kinds['body'] + kinds['list-item']} body paragraphs"]
    if kinds["caption"]:
        parts.append(f"{kinds['caption']} caption(s)")
    parts.append(f"published {published} ({basis}, line {article.published_line})" if published else "no date found")
    if removed:
        parts.append("removed " + ", ".join(f"{n} {k}" for k, n in sorted(removed.items())))
    return "; ".join(parts)


def run(args: argparse.Namespace) -> int:
    problems: list[Problem] = []
    project = Project.find()
    out = args.out or project.clean
    files = project.seed_files(args.files)
    if not files:
        problems.append(Problem(" ".join(args.files) or project.show(project.seeds), None, "no articles found"))
    for path in files:
        text, found = read_text(path, shown=project.show(path))
        if found:
            problems.extend(found)
            continue
        article = clean(project.show(path), text)
        out.mkdir(parents=True, exist_ok=True)
        stem = out / path.stem
        stem.with_suffix(".json").write_text(
            json.dumps(article.to_dict(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        stem.with_suffix(".txt").write_text(article.text(), encoding="utf-8")
        print(f"{project.show(path)}: {_summary(article)}")
    return report(problems)
