"""Our build against plain Material building the same Markdown, and where our time goes.

Ours is the build ``make site`` runs: ``mkdocs build --strict``, whose first step validates the
data. The plain site is default Material (``font: false``, the search plugin) with our Markdown
extensions and nav, building the Markdown of our pages exactly as our plugin hands it to MkDocs
(:func:`nqpf.bench.sites.plain_material_same_markdown`): the difference is what the nqpf plugin and
the theme overrides cost. Both run in the same environment (jieba installed: Material's search cuts
the Chinese text with it in both). Runs alternate so that both see the same machine; each figure is
the median of its runs. One more run of each, in process, says where the time goes
(:mod:`nqpf.bench.phases`).
"""

from __future__ import annotations

import json
import statistics
import sys

from . import sites
from .context import Context

GOAL_RATIO = 1.5


def _phases(project, out, site_url: str) -> dict:
    done = sites.timed([sys.executable, "-m", "nqpf.bench.phases", "time", str(project), str(out)], project, site_url)
    sites.require_ok(done, "the timed build")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(ctx: Context) -> dict:
    pages = ctx.page_count()
    url = "https://example.org/nqpf/"
    plain = sites.plain_material_same_markdown(ctx.tmp / "plain-same-markdown", url)
    ours_runs, plain_runs = [], []
    for n in range(ctx.runs):
        built = sites.mkdocs_build(sites.ROOT, ctx.tmp / f"build-ours-{n}", url)
        sites.require_ok(built, "our build")
        plain_built = sites.timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir",
                                   str(ctx.tmp / f"build-plain-{n}")], plain, url)
        sites.require_ok(plain_built, "the plain Material build")
        ours_runs.append(built.seconds)
        plain_runs.append(plain_built.seconds)
        ctx.log(f"build run {n + 1}/{ctx.runs}: ours {ours_runs[-1]:.2f} s, plain {plain_runs[-1]:.2f} s")
    ours, plain_s = statistics.median(ours_runs), statistics.median(plain_runs)
    return {
        "pages": pages,
        "runs": ctx.runs,
        "plain": "default Material building the same Markdown (our pages written out)",
        "ours_s": round(ours, 3),
        "plain_s": round(plain_s, 3),
        "ratio": round(ours / plain_s, 3),
        "goal_ratio": GOAL_RATIO,
        "meets_goal": ours / plain_s <= GOAL_RATIO,
        "ours_runs_s": [round(x, 3) for x in ours_runs],
        "plain_runs_s": [round(x, 3) for x in plain_runs],
        "ours_phases": _phases(sites.ROOT, ctx.tmp / "build-ours-phases", url),
        "plain_phases": _phases(plain, ctx.tmp / "build-plain-phases", url),
    }


def _where(phases: dict) -> str:
    parts = [("imports", phases["python_and_imports_s"]), ("config", phases["config_s"]),
             *phases["events_s"].items(), ("MkDocs+Material", phases["mkdocs_and_theme_s"])]
    return ", ".join(f"{name} {seconds:.2f}" for name, seconds in parts if seconds >= 0.01)


def table(result: dict) -> list[tuple[str, str, str, str]]:
    rows = [("build: mkdocs build (s)", f"{result['ours_s']:.2f}", f"{result['plain_s']:.2f}",
             f"ratio {result['ratio']:.2f} (goal <= {result['goal_ratio']}), {result['pages']} pages, same Markdown")]
    for side in ("ours", "plain"):
        if f"{side}_phases" in result:
            rows.append((f"  where the time goes, {side} (s)", "", "", _where(result[f"{side}_phases"])))
    return rows
