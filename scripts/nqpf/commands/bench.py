"""Measure the pipeline: each part prints a table and merges its figures into bench/results.json.

Parts: ``extract`` (1,000 and 2,000 articles recombined from the seeds, in
one and two processes: time per article, growth, peak memory). Not part of
``make test``: timings depend on the machine.
"""

from __future__ import annotations

import argparse

from ..bench import RESULTS, merge_results

PARTS = ("extract",)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("parts", nargs="*", metavar="part", help=f"what to measure: {', '.join(PARTS)} (default: all)")


def run(args: argparse.Namespace) -> int:
    unknown = sorted(set(args.parts) - set(PARTS))
    if unknown:
        print(f"python -m nqpf bench: unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
        return 2
    status = 0
    for part in args.parts or PARTS:
        if part == "extract":
            from ..bench.extract import run_bench, table

            results = run_bench()
            print(table(results))
            merge_results("extract", results)
            status |= 0 if results["target_met"] else 1
    print(f"\nwritten to {RESULTS}")
    return status
