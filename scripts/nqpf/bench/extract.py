"""How fast extraction is: 1,000 and 2,000 articles made from the seeds' paragraphs.

Articles are recombined from the cleaned paragraphs of the seeds with a fixed
random seed (a header date, a headline, 6 to 14 paragraphs), written to a
temporary folder and extracted the way the ``extract`` command does (read,
clean, extract), in one process and in two. Each run happens in a fresh
process, so its time includes building the gazetteer and its peak memory
(maximum resident set size) is its own.

Target: 1,000 articles in under 20 s on two cores, and 2,000 taking at most
2.2 times as long as 1,000. Growth is judged on CPU time, which other work on
a shared machine does not inflate; wall time is reported beside it.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import resource
import time
from pathlib import Path

from ..corpus import read_corpus
from ..project import Project

SEED = 20240206
SIZES = (1000, 2000)
JOBS = (1, 2)
REPEAT = 2
TARGET_SECONDS = 20.0
MAX_GROWTH = 2.2


def generate(count: int, folder: Path, seed: int = SEED) -> list[Path]:
    """``count`` articles recombined from the seeds' paragraphs, the same every time."""
    seeds = Project.find().seeds
    corpus = read_corpus(sorted(seeds.glob("*.txt")), seeds.parent)
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


def run(ctx) -> dict:
    """The ``extract`` part of ``python -m nqpf bench``."""
    sizes, jobs_options = SIZES, JOBS
    results: dict = {"target": {"seconds_for_1000": TARGET_SECONDS, "max_growth_2000_vs_1000": MAX_GROWTH}, "runs": {}}
    folder = ctx.tmp / "extract-articles"
    folder.mkdir(parents=True, exist_ok=True)
    files = generate(max(sizes), folder)
    results["mean_article_kb"] = round(sum(p.stat().st_size for p in files) / len(files) / 1024, 1)
    for jobs in jobs_options:
        for size in sizes:
            ctx.log(f"extracting {size} articles with {jobs} process(es)")
            r = measure(files[:size], jobs)
            results["runs"][f"{size}x{jobs}"] = {
                "articles": size,
                "jobs": jobs,
                "seconds": round(r["seconds"], 2),
                "cpu_seconds": round(r["cpu_seconds"], 2),
                "ms_per_article": round(1000 * r["seconds"] / size, 2),
                "peak_rss_mb": r["peak_rss_mb"],
            }
    for jobs in jobs_options:
        small, large = results["runs"][f"{min(sizes)}x{jobs}"], results["runs"][f"{max(sizes)}x{jobs}"]
        results[f"growth_{jobs}_jobs"] = round(large["seconds"] / small["seconds"], 3)
        results[f"cpu_growth_{jobs}_jobs"] = round(large["cpu_seconds"] / small["cpu_seconds"], 3)
    best = min(results["runs"][f"{min(sizes)}x{j}"]["seconds"] for j in jobs_options)
    results["seconds_for_1000"] = best
    results["target_met"] = best < TARGET_SECONDS and all(results[f"cpu_growth_{j}_jobs"] <= MAX_GROWTH for j in jobs_options)
    return results


def table(result: dict) -> list[tuple[str, str, str, str]]:
    """Rows for the bench table: (figure, ours, plain Material, notes)."""
    rows = []
    for row in result["runs"].values():
        rows.append((
            f"extract {row['articles']:,} articles, {row['jobs']} process(es)",
            f"{row['seconds']:.2f} s ({row['ms_per_article']:.1f} ms/article)",
            "-",
            f"{row['cpu_seconds']:.2f} s CPU, peak {row['peak_rss_mb']:.0f} MB",
        ))
    for jobs in JOBS:
        rows.append((
            f"extract 2,000 vs 1,000, {jobs} process(es)",
            f"{result[f'growth_{jobs}_jobs']:.2f}x wall, {result[f'cpu_growth_{jobs}_jobs']:.2f}x CPU",
            "-",
            f"target <= {MAX_GROWTH}x",
        ))
    rows.append((
        "extract target", "met" if result["target_met"] else "NOT met", "-",
        f"1,000 articles in < {TARGET_SECONDS:.0f} s (best {result['seconds_for_1000']:.2f} s), growth <= {MAX_GROWTH}x",
    ))
    return rows
