"""Where the gates' tools are, and what happens when one is missing: skip, or fail under ``NQPF_REQUIRE_BROWSER=1``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nqpf.bench.sites import copy_project  # noqa: F401 - the gates copy the project the way the bench does

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "/nqpf/"
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def require(condition: bool, reason: str) -> None:
    """Skip when a tool is missing, or fail under ``NQPF_REQUIRE_BROWSER=1``."""
    if condition:
        return
    if os.environ.get("NQPF_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (NQPF_REQUIRE_BROWSER=1: the gates must run)", pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str | None:
    """Chromium to drive, or None to let Playwright use its own build."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


