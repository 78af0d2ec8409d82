"""Golden files: each page type built from the fixture data, compared byte for byte.

Only the page's own content (the ``<article>``) is compared, so a theme
change does not churn the files. The fixture site is built with a fixed
``SOURCE_DATE_EPOCH``, so no date in it moves with a commit. The about page's
list of the validator's rules (the checks' docstrings, tested on their own)
is cut out. After an intended change, rewrite the files with
``NQPF_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_site_golden.py``
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


def normalised(site: Path, name: str) -> str:
    content = article((site / PAGES[name]).read_text("utf-8"))
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
