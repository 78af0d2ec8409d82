"""Lighthouse (mobile, its default) on the key pages, ours and plain Material's, in one run.

Both sites are served by :mod:`nqpf.ghpages` (gzip, ``Cache-Control``) under a
sub-path, as GitHub Pages serves them. Lighthouse is pinned in
tools/lighthouse/package-lock.json (12.x: 13 needs Node 22) and installed there on
first use, so neither ``make test`` nor CI pays for it.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile

from . import sites
from .context import Context
from .weight import FLAGS

TOOL = sites.ROOT / "tools" / "lighthouse"
CLI = TOOL / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index",
           "total-byte-weight")
# The targets (issue 12): each key page, on a phone.
GOALS = {"performance": 95, "total_blocking_time_ms": 200, "home_kib": 100}
# The key pages; a page not built yet is reported as missing.
OURS = ("index.html", "glossary/index.html", "timeline/index.html", "provinces/index.html", "indicators/index.html",
        "debate/index.html", "sources/index.html", "people/index.html")


def ensure_installed(log) -> None:
    if CLI.is_file():
        return
    if shutil.which("npm") is None:
        raise sites.BenchError("npm is needed to install Lighthouse (tools/lighthouse)")
    log("installing Lighthouse into tools/lighthouse (npm ci)")
    installed = subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                               cwd=TOOL, capture_output=True, text=True)
    if installed.returncode != 0:
        raise sites.BenchError(f"npm ci in tools/lighthouse failed:\n{installed.stderr[-2000:]}")


def audit(url: str, chromium: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="nqpf-lh-") as profile:
        flags = " ".join(FLAGS + [f"--user-data-dir={profile}"])
        result = subprocess.run(
            ["node", str(CLI), url, "--output=json", "--output-path=stdout", "--quiet", f"--chrome-flags={flags}",
             "--only-categories=" + ",".join(CATEGORIES)],
            env=dict(os.environ, CHROME_PATH=chromium), capture_output=True, text=True, timeout=300,
        )
    if result.returncode != 0:
        raise sites.BenchError(f"Lighthouse failed on {url}: {result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise sites.BenchError(f"Lighthouse could not load {url}: {report['runtimeError']}")
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = sorted({
        ref["id"]
        for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
        # Metrics (numeric audits) are reported as figures; a 0.99 on one is not a failure.
        if ref.get("weight", 0) > 0 and report["audits"][ref["id"]].get("scoreDisplayMode") != "numeric"
        and report["audits"][ref["id"]].get("score") is not None and report["audits"][ref["id"]]["score"] < 1
    })
    metrics = {m: report["audits"][m].get("numericValue") for m in METRICS}
    return {"scores": scores, "failing_audits": failing, "metrics": metrics}


def _median(runs: list[dict]) -> dict:
    if len(runs) == 1:
        return runs[0]
    best = {c: statistics.median(r["scores"][c] for r in runs) for c in CATEGORIES}
    return {"scores": best, "failing_audits": sorted({a for r in runs for a in r["failing_audits"]}),
            "metrics": {m: statistics.median(r["metrics"][m] or 0 for r in runs) for m in METRICS}, "runs": len(runs)}


def run(ctx: Context) -> dict:
    ensure_installed(ctx.log)
    chromium = ctx.chromium()
    ours, plain = ctx.ours(), ctx.plain()
    content = next(p for p in plain.pages if p.startswith("page-"))
    targets = [("ours", page, ours) for page in OURS] + [("plain", "index.html", plain), ("plain", content, plain)]
    result: dict = {"ours": {}, "plain": {}, "missing": []}
    for side, page, site in targets:
        if page not in site.pages:
            result["missing"].append(page)
            continue
        ctx.log(f"lighthouse: {side} {page}")
        result[side][page] = _median([audit(site.url_of(page), chromium) for _ in range(ctx.lighthouse_runs)])
    result["goals"] = {"targets": GOALS, "met": goals(result)}
    return result


def _fmt(scores: dict) -> str:
    return "/".join(str(round(scores[c])) for c in CATEGORIES)


def goals(result: dict) -> dict:
    """Whether each key page meets the targets: performance, Total Blocking Time (both medians)."""
    out = {}
    for page, ours in result["ours"].items():
        tbt = ours["metrics"]["total-blocking-time"] or 0
        out[page] = {"performance": ours["scores"]["performance"] >= GOALS["performance"],
                     "total_blocking_time": tbt <= GOALS["total_blocking_time_ms"]}
    return out


def table(result: dict) -> list[tuple[str, str, str, str]]:
    plain = result["plain"]
    base_home = plain.get("index.html")
    base_page = next((v for k, v in plain.items() if k != "index.html"), base_home)
    rows = []
    for page, ours in result["ours"].items():
        base = base_home if page == "index.html" else base_page
        note = "failing: " + (", ".join(ours["failing_audits"]) or "none")
        rows.append((f"lighthouse {page} (perf/a11y/bp/seo)", _fmt(ours["scores"]), _fmt(base["scores"]) if base else "-", note))
        tbt, weight = ours["metrics"]["total-blocking-time"] or 0, (ours["metrics"].get("total-byte-weight") or 0) / 1024
        base_tbt = base["metrics"]["total-blocking-time"] or 0 if base else 0
        base_weight = (base["metrics"].get("total-byte-weight") or 0) / 1024 if base else 0
        met = result.get("goals", {}).get("met", {}).get(page, {})
        rows.append((f"  {page}: TBT ms, KiB (Lighthouse)", f"{tbt:.0f}, {weight:.1f}", f"{base_tbt:.0f}, {base_weight:.1f}",
                     f"perf >= {GOALS['performance']}: {'met' if met.get('performance') else 'NOT met'}; "
                     f"TBT <= {GOALS['total_blocking_time_ms']} ms: {'met' if met.get('total_blocking_time') else 'NOT met'}"
                     + (f"; median of {ours['runs']} runs" if ours.get("runs") else "")))
    for page in result["missing"]:
        rows.append((f"lighthouse {page}", "not built yet", "-", ""))
    if base_home:
        rows.append(("  plain Material fails", "", "", ", ".join(base_home["failing_audits"])))
    return rows
