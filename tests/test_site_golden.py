"""Golden files: each page type built from the fixture data, compared byte for byte.

Only the page's own content (the ``<article>``) is compared, so a theme
change does not churn the files. The data's "last updated" day comes from
git and is replaced by a placeholder, and so is the about page's list of the
validator's rules (taken from the checks' docstrings; tested on its own). After an intended change, rewrite the
files with ``NQPF_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_site_golden.py``
and review the diff.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from sitepages import PAGES, article

GOLDEN = Path(__file__).parent / "golden"
_RULES = re.compile(r'(<ol class="nqpf-rules">).*?(</ol>)', re.DOTALL)
_UPDATED = re.compile(r'<time class="nqpf-updated-date" datetime="(\d{4}-\d{2}-\d{2})">([^<]+)</time>')


def normalised(site: Path, name: str) -> str:
    content = article((site / PAGES[name]).read_text("utf-8"))
    home = (site / PAGES["home"]).read_text("utf-8")
    m = _UPDATED.search(home)
    assert m, "the home page does not say when the data was last updated"
    content = content.replace(f'datetime="{m[1]}"', 'datetime="UPDATED"').replace(f">{m[2]}<", ">UPDATED<")
    content = _RULES.sub(r"\1<li>RULES</li>\2", content)
    return "\n".join(line.rstrip() for line in content.strip().splitlines()) + "\n"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_its_golden_file(fixture_site, name):
    actual = normalised(fixture_site, name)
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("NQPF_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, "utf-8")
    expected = golden.read_text("utf-8") if golden.is_file() else ""
    if actual != expected:
        diff = "".join(list(difflib.unified_diff(
            expected.splitlines(True), actual.splitlines(True), f"golden/{name}.html", "built"))[:80])
        pytest.fail(f"{name} differs from tests/golden/{name}.html (NQPF_UPDATE_GOLDEN=1 rewrites it):\n{diff}")
