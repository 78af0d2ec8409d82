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
