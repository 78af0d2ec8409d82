"""One build, in a process of its own, timed phase by phase; or its pages' Markdown, written out.

``python -m nqpf.bench.phases time PROJECT OUT`` builds PROJECT into OUT (``mkdocs build --strict``,
in this process) and prints, as JSON, where the time went: starting Python and importing MkDocs,
loading the configuration, each plugin's events (ours by event), and the rest, which is MkDocs and
Material themselves (Markdown, the theme's templates, copying assets).

``python -m nqpf.bench.phases markdown PROJECT DEST`` builds PROJECT and writes, under DEST, the
Markdown of every page exactly as MkDocs received it from our plugin (generated pages, and
hand-written pages with their markers filled): what a plain Material site needs to build the same
pages. The bench's ``build`` part runs both.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

STARTED = time.perf_counter()


def _instrument(config, timings: dict[str, float], markdown: dict[str, str] | None) -> None:
    """Wrap every registered event method with a timer (and ours' on_page_markdown with a recorder)."""
    plugins = config.plugins
    for event, methods in plugins.events.items():
        wrapped = []
        for method in methods:
            origin = plugins._event_origins.get(method, "?")
            label = "nqpf" if origin == "nqpf" else origin.split("/")[-1]

            def timed(*args, __method=method, __key=f"{label}.on_{event}", __record=label == "nqpf" and event == "page_markdown",
                      **kwargs):
                start = time.perf_counter()
                try:
                    result = __method(*args, **kwargs)
                finally:
                    timings[__key] += time.perf_counter() - start
                if __record and markdown is not None:
                    markdown[kwargs["page"].file.src_uri] = result
                return result

            plugins._event_origins[timed] = origin
            wrapped.append(timed)
        plugins.events[event] = wrapped


def build(project: Path, out: Path, markdown: dict[str, str] | None = None) -> dict:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    imported = time.perf_counter()
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.chdir(project)
    started = time.perf_counter()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(out))  # strict as the project says
    loaded = time.perf_counter()
    timings: dict[str, float] = defaultdict(float)
    _instrument(config, timings, markdown)
    mkdocs_build(config)
    done = time.perf_counter()
    events = sum(timings.values())
    return {
        "total_s": round(done - STARTED, 3),
        "python_and_imports_s": round(started - STARTED, 3),
        "imports_of_mkdocs_s": round(started - imported, 3),
        "config_s": round(loaded - started, 3),
        "events_s": {k: round(v, 3) for k, v in sorted(timings.items(), key=lambda kv: -kv[1]) if v >= 0.001},
        "mkdocs_and_theme_s": round(done - loaded - events, 3),
    }


def main(argv: list[str]) -> int:
    what, project, dest = argv[0], Path(argv[1]).resolve(), Path(argv[2]).resolve()
    if what == "time":
        print(json.dumps(build(project, dest)))
        return 0
    markdown: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="nqpf-written-out-") as out:
        build(project, Path(out), markdown)
    for src_uri, text in markdown.items():
        path = dest / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    print(json.dumps(sorted(markdown)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
