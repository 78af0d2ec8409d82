"""``make site`` time against a plain Material site with the same number of pages.

Ours is what ``make site`` runs: ``mkdocs build --strict``, whose first step
validates the data; the plain site is built with ``mkdocs build --strict``. Runs alternate so that
both see the same machine; each figure is the median of its runs.
"""

from __future__ import annotations

import statistics

from . import sites
from .context import Context

GOAL_RATIO = 1.5


def run(ctx: Context) -> dict:
    pages = ctx.page_count()
    url = "http://127.0.0.1:8000/"
    plain = sites.plain_material(ctx.tmp / "plain-build-project", pages, url)
    ours_runs, plain_runs = [], []
    for n in range(ctx.runs):
        built = sites.mkdocs_build(sites.ROOT, ctx.tmp / f"build-ours-{n}", url)
        sites.require_ok(built, "our build")
        plain_built = sites.mkdocs_build(plain, ctx.tmp / f"build-plain-{n}", url)
        sites.require_ok(plain_built, "the plain Material build")
        ours_runs.append(built.seconds)
        plain_runs.append(plain_built.seconds)
        ctx.log(f"build run {n + 1}/{ctx.runs}: ours {ours_runs[-1]:.2f} s, plain {plain_runs[-1]:.2f} s")
    ours, plain_s = statistics.median(ours_runs), statistics.median(plain_runs)
    return {
        "pages": pages,
        "runs": ctx.runs,
        "ours_s": round(ours, 3),
        "plain_s": round(plain_s, 3),
        "ratio": round(ours / plain_s, 3),
        "goal_ratio": GOAL_RATIO,
        "meets_goal": ours / plain_s <= GOAL_RATIO,
        "ours_runs_s": [round(x, 3) for x in ours_runs],
        "plain_runs_s": [round(x, 3) for x in plain_runs],
    }


def table(result: dict) -> list[tuple[str, str, str, str]]:
    return [("build: make site (s)", f"{result['ours_s']:.2f}", f"{result['plain_s']:.2f}",
             f"ratio {result['ratio']:.2f} (goal <= {result['goal_ratio']}), {result['pages']} pages")]
