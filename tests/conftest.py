from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"


@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    """Commands resolve seeds/ and data/ against the working directory."""
    monkeypatch.chdir(ROOT)


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nqpf", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


# -- The reading site built from the test fixture (tests/fixtures/data) ----------------------------------

FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
# Built under a sub-path, as GitHub Pages serves a project site.
FIXTURE_SITE_URL = "http://127.0.0.1:8000/nqpf/"


def build_site(out: Path, data: Path = FIXTURE_DATA, site_url: str = FIXTURE_SITE_URL) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of the project with ``NQPF_DATA=data`` into ``out``."""
    env = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "NQPF_DATA": str(data), "SITE_URL": site_url}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env=env,
    )


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The site built once from the fixture data, for the page, golden and escaping tests."""
    out = tmp_path_factory.mktemp("fixture-site")
    result = build_site(out)
    assert result.returncode == 0, result.stderr
    return out
