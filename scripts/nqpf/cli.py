"""``python -m nqpf <command>``: one entry point for every pipeline step.

Each command lives in :mod:`nqpf.commands` as a module with a docstring (its
help), ``add_arguments(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib

COMMANDS = {
    "ingest": "clean raw articles from seeds/ into paragraphs with raw line numbers",
    "validate": "check the curated data in data/ and report every problem as file:line",
    "extract": "find candidate facts (dates, places, people, figures, ...) in articles",
    "draft": "draft curated entries from a new article into data/drafts/, never touching the curated files",
    "accept": "move a draft's reviewed entries into the curated files, adding lines only",
    "queue": "list, per source, the candidate facts the curated data does not cover yet",
    "coverage": "count, per source, the candidates the curated data covers, for the Sources page (build/coverage/)",
    "bench": "measure extraction, build time, scale, Lighthouse, page weight and search index against plain Material",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m nqpf", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="command")
    for name, summary in COMMANDS.items():
        module = importlib.import_module(f"nqpf.commands.{name}")
        command = sub.add_parser(name, help=summary, description=module.__doc__)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
