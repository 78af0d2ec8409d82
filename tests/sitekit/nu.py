"""The Nu HTML checker over every built page."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from nqpf.bench.sites import copy_project  # noqa: F401 - the gates copy the project the way the bench does

from .tools import VNU_JAR


def run_nu(site_dir: Path) -> dict[str, list[str]]:
    """The Nu checker's errors over the whole site, by page path (one Java start for all pages)."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", str(site_dir)],
        capture_output=True, text=True, timeout=600,
    )
    # vnu exits 1 when it found errors; its JSON report goes to stderr.
    try:
        messages = json.loads(result.stderr or "{}").get("messages", [])
    except json.JSONDecodeError as error:
        raise RuntimeError(f"the Nu checker did not report JSON (exit {result.returncode}): {result.stderr[:2000]}") from error
    by_page: dict[str, list[str]] = {}
    root = site_dir.resolve()
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        url = m.get("url", "")
        path = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else None
        page = path.relative_to(root).as_posix() if path is not None and path.is_relative_to(root) else url
        where = f"{m.get('lastLine', '?')}.{m.get('firstColumn') or m.get('lastColumn', '?')}"
        extract = (m.get("extract") or "").strip().replace("\n", " ")[:160]
        by_page.setdefault(page, []).append(f"{page}:{where}: {m.get('message')}  [{extract}]")
    return by_page


