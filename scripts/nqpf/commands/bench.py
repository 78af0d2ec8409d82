"""Measure the site against a plain Material site built in the same run.

Prints a table and merges the figures into bench/results.json under one key per
part (extract, build, scale, lighthouse, weight, search, layout); other keys in the file are kept.
Not part of `make test`: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import importlib
import tempfile
import time
from pathlib import Path

from ..bench import results
from ..bench.context import Context
from ..bench.sites import BenchError
from ..report import Problem, report

PARTS = ("extract", "build", "scale", "lighthouse", "weight", "search", "layout")
OUT = Path("bench") / "results.json"


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",") if x.strip())


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("parts", nargs="*", metavar="part", help=f"parts to run (default: all): {', '.join(PARTS)}")
    parser.add_argument("--runs", type=int, default=3, help="build runs per site; the median counts (default: %(default)s)")
    parser.add_argument("--sizes", type=_sizes, default=(100, 1000, 5000), help="scale corpus sizes (default: 100,1000,5000)")
    parser.add_argument("--lighthouse-runs", type=int, default=3,
                        help="Lighthouse runs per page; the median counts (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=OUT, help="results file (default: %(default)s)")


def _print_table(rows: list[tuple[str, str, str, str]]) -> None:
    head = ("figure", "ours", "plain Material", "notes")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(3)]
    for row in [head, tuple("-" * w for w in widths) + ("-----",), *rows]:
        print("  ".join(cell.ljust(widths[i]) if i < 3 else cell for i, cell in enumerate(row)).rstrip())


def run(args: argparse.Namespace) -> int:
    unknown = [p for p in args.parts if p not in PARTS]
    if unknown:
        return report([Problem("bench", None, f"unknown part {p!r}; the parts are {', '.join(PARTS)}") for p in unknown])
    parts = args.parts or list(PARTS)
    problems: list[Problem] = []
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="nqpf-bench-") as tmp:
        ctx = Context(Path(tmp), runs=args.runs, sizes=args.sizes, lighthouse_runs=args.lighthouse_runs,
                      log=lambda message: print(f"bench: {message}", flush=True))
        try:
            for part in parts:
                module = importlib.import_module(f"nqpf.bench.{part}")
                start = time.perf_counter()
                try:
                    result = module.run(ctx)
                except BenchError as error:
                    problems.append(Problem(f"bench {part}", None, str(error)))
                    continue
                result["measured_in_s"] = round(time.perf_counter() - start, 1)
                results.merge(args.out, {part: result})
                rows.extend(module.table(result))
        finally:
            ctx.close()
    if rows:
        print()
        _print_table(rows)
        print(f"\nwritten to {args.out}")
    return report(problems)
