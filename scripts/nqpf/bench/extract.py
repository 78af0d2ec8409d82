"""How fast extraction is: 1,000 and 2,000 articles made from the seeds' paragraphs.

Articles are recombined from the cleaned paragraphs of the seeds with a fixed
random seed (a header date, a headline, 6 to 14 paragraphs), written to a
temporary folder and extracted the way the ``extract`` command does (read,
clean, extract), in one process and in two. Each run happens in a fresh
process, so its time includes building the gazetteer and its peak memory
(maximum resident set size) is its own.

Target: 1,000 articles in under 20 s on two cores, and 2,000 taking at most
2.2 times as long as 1,000.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import resource
import tempfile
import time
from pathlib import Path

from .. import paths
from ..corpus import read_corpus

SEED = 20240206
SIZES = (1000, 2000)
JOBS = (1, 2)
REPEAT = 2
TARGET_SECONDS = 20.0
MAX_GROWTH = 2.2


def generate(count: int, folder: Path, seed: int = SEED) -> list[Path]:
    """``count`` articles recombined from the seeds' paragraphs, the same every time."""
    corpus = read_corpus(sorted(paths.SEEDS.glob("*.txt")))
    headlines = [p.text for a in corpus.articles.values() for p in a.paragraphs if p.kind in ("headline", "heading")]
    body = [p.text for a in corpus.articles.values() for p in a.paragraphs if p.kind in ("body", "list-item", "caption")]
    rng = random.Random(seed)
    start = dt.date(2023, 9, 1)
    files = []
    for i in range(count):
        date = start + dt.timedelta(days=rng.randrange(240))
        paragraphs = [rng.choice(headlines)] + rng.sample(body, rng.randint(6, 14))
        path = folder / f"bench_{i:05d}.txt"
        path.write_text(f" date {date.isoformat()} \n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        files.append(path)
    return files


def _measure(files: list[Path], jobs: int, queue) -> None:
    from ..extract.run import extract_files

    def cpu() -> float:
        return sum(r.ru_utime + r.ru_stime for r in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))

    started, cpu_started = time.perf_counter(), cpu()
    records = sum(1 for _, record, _ in extract_files(files, jobs=jobs, progress=False, sources={}) if record is not None)
    elapsed, cpu_used = time.perf_counter() - started, cpu() - cpu_started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    queue.put({"seconds": elapsed, "cpu_seconds": cpu_used, "records": records, "peak_rss_mb": round(max(own, children) / 1024, 1)})


def measure(files: list[Path], jobs: int, repeat: int = REPEAT) -> dict:
    """Extract ``files`` with ``jobs`` processes, each time in a fresh process;
    the fastest of ``repeat`` runs (other work on the machine only ever slows a run down)."""
    context = multiprocessing.get_context("spawn")
    runs = []
    for _ in range(repeat):
        queue = context.Queue()
        process = context.Process(target=_measure, args=(files, jobs, queue))
        process.start()
        runs.append(queue.get())
        process.join()
    return min(runs, key=lambda r: r["seconds"])


def run_bench(sizes: tuple[int, ...] = SIZES, jobs_options: tuple[int, ...] = JOBS) -> dict:
    results: dict = {"articles": {}, "target": {"seconds_for_1000": TARGET_SECONDS, "max_growth_2000_vs_1000": MAX_GROWTH}}
    with tempfile.TemporaryDirectory(prefix="nqpf-bench-") as tmp:
        folder = Path(tmp)
        files = generate(max(sizes), folder)
        size_kb = sum(p.stat().st_size for p in files[: min(sizes)]) / min(sizes) / 1024
        results["mean_article_kb"] = round(size_kb, 1)
        for jobs in jobs_options:
            for size in sizes:
                r = measure(files[:size], jobs)
                r["ms_per_article"] = round(1000 * r["seconds"] / size, 2)
                r["seconds"] = round(r["seconds"], 2)
                r["cpu_seconds"] = round(r["cpu_seconds"], 2)
                results["articles"][f"{size}x{jobs}"] = {"articles": size, "jobs": jobs, **r}
    for jobs in jobs_options:
        small, large = results["articles"][f"{min(sizes)}x{jobs}"], results["articles"][f"{max(sizes)}x{jobs}"]
        results[f"growth_{jobs}_jobs"] = round(large["seconds"] / small["seconds"], 3)
        results[f"cpu_growth_{jobs}_jobs"] = round(large["cpu_seconds"] / small["cpu_seconds"], 3)
    best = min(results["articles"][f"{min(sizes)}x{j}"]["seconds"] for j in jobs_options)
    results["target_met"] = best < TARGET_SECONDS and all(results[f"growth_{j}_jobs"] <= MAX_GROWTH for j in jobs_options)
    return results


def table(results: dict) -> str:
    lines = [f"extract: articles recombined from seed paragraphs (mean {results['mean_article_kb']} KB)", ""]
    lines.append(f"{'articles':>8} {'processes':>9} {'seconds':>8} {'cpu s':>7} {'ms/article':>10} {'peak MB':>8}")
    for row in results["articles"].values():
        lines.append(
            f"{row['articles']:>8} {row['jobs']:>9} {row['seconds']:>8.2f} {row['cpu_seconds']:>7.2f} {row['ms_per_article']:>10.2f} {row['peak_rss_mb']:>8.1f}"
        )
    lines.append("")
    for key in sorted(k for k in results if k.startswith("growth_")):
        jobs = key.split("_")[1]
        lines.append(
            f"2,000 vs 1,000 ({jobs} process(es)): {results[key]:.2f}x wall, {results['cpu_growth_' + jobs + '_jobs']:.2f}x cpu (target <= {MAX_GROWTH}x)"
        )
    lines.append(f"target (1,000 in < {TARGET_SECONDS:.0f} s, growth <= {MAX_GROWTH}x): {'met' if results['target_met'] else 'NOT met'}")
    return "\n".join(lines)
