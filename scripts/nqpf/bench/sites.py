"""The two sites a benchmark compares: ours, and a plain Material site of the same size.

The plain site is what ``mkdocs new`` plus Material gives: default theme settings,
the search plugin, and ``font: false`` (the only change: without it every page loads
Google Fonts, which our site never does and which cannot load here). Its pages carry
generated English prose so that its pages and search index are not empty.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# What a copy of our project needs to build: config, pages, data, articles, theme overrides, hook.
# Everything a build reads (mkdocs.yml watches CITATION.cff, so it must come along).
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "seeds", "overrides", "scripts", "CITATION.cff")

_WORDS = ("growth technology industry policy province innovation research capital labour market digital green energy "
          "manufacturing productivity reform science talent finance investment quality development strategy").split()


def env(site_url: str | None = None) -> dict[str, str]:
    """The environment for a build: the caller's, with MkDocs' banners off and the site URL set."""
    values = {k: v for k, v in os.environ.items() if not k.startswith("MKDOCS_")}
    values["NO_MKDOCS_2_WARNING"] = "1"
    if site_url:
        values["SITE_URL"] = site_url
    return values


def copy_project(dest: Path) -> Path:
    """A throw-away copy of the project that a benchmark or a test may change."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif source.is_file():
            shutil.copy2(source, dest / part)
    return dest


def _prose(seed: int, paragraphs: int = 4) -> str:
    out = []
    for p in range(paragraphs):
        words = [_WORDS[(seed * 7 + p * 13 + i * i) % len(_WORDS)] for i in range(60)]
        out.append(" ".join(words).capitalize() + ".")
    return "\n\n".join(out)


def plain_material(dest: Path, pages: int, site_url: str) -> Path:
    """A default Material project with ``pages`` pages (home included)."""
    docs = dest / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(f"# Welcome\n\n{_prose(0)}\n", "utf-8")
    for n in range(1, pages):
        (docs / f"page-{n:04d}.md").write_text(f"# Page {n}\n\n## Section one\n\n{_prose(n)}\n\n## Section two\n\n{_prose(n + 1)}\n", "utf-8")
    (dest / "mkdocs.yml").write_text(
        f"site_name: Plain Material\nsite_url: {site_url}\ntheme:\n  name: material\n  font: false\n", "utf-8")
    return dest


def _block(config: str, key: str) -> str:
    """A top-level key of a YAML file and everything indented under it, as written."""
    m = re.search(rf"^{key}:\n(?:(?:[ #].*)?\n)*", config, re.M)
    return m[0] if m else ""


def plain_material_same_markdown(dest: Path, site_url: str, project: Path = ROOT) -> Path:
    """A default Material project building the very Markdown our plugin hands MkDocs (written out by
    ``nqpf.bench.phases markdown``), with our Markdown extensions and nav, so that the two builds
    differ only by what the nqpf plugin and the theme overrides add. Not strict: its pages link to
    downloads and feeds only our plugin makes."""
    dest.mkdir(parents=True, exist_ok=True)
    done = timed([sys.executable, "-m", "nqpf.bench.phases", "markdown", str(project), str(dest / "docs")], project, site_url)
    require_ok(done, "writing out our pages' Markdown")
    ours = (project / "mkdocs.yml").read_text("utf-8")
    (dest / "mkdocs.yml").write_text(
        f"site_name: Plain Material\nsite_url: {site_url}\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n" + _block(ours, "markdown_extensions") + _block(ours, "nav"), "utf-8")
    return dest


@dataclass
class Timed:
    seconds: float
    returncode: int
    stderr: str
    stdout: str = ""


def timed(argv: list[str], cwd: Path, site_url: str | None = None) -> Timed:
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=cwd, env=env(site_url), capture_output=True, text=True, timeout=3600)
    return Timed(time.perf_counter() - start, result.returncode, result.stderr[-4000:], result.stdout[-100_000:])


def mkdocs_build(project: Path, out: Path, site_url: str) -> Timed:
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)], project, site_url)


def validate(project: Path) -> Timed:
    return timed([sys.executable, "-m", "nqpf", "validate"], project)


def html_pages(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def require_ok(result: Timed, what: str) -> None:
    if result.returncode != 0:
        raise BenchError(f"{what} failed (exit {result.returncode}):\n{result.stderr}")


class BenchError(Exception):
    """A part could not measure; the message says why."""
