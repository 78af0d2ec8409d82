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


# -- The gates over the built site (harness in sitekit.py) -------------------------------------------------

def pytest_generate_tests(metafunc):
    """A test that takes ``built_page`` runs once per built page, named by it."""
    if "built_page" in metafunc.fixturenames:
        import sitekit

        site = sitekit.built_site()
        pages = site.pages if site.error is None else ["<the build failed>"]
        metafunc.parametrize("built_page", pages, ids=pages)


@pytest.fixture(scope="session")
def served_site():
    """The real site, built once for and served at ``http://127.0.0.1:<port>/nqpf/``."""
    import sitekit

    site = sitekit.built_site()
    if site.error is not None:
        pytest.fail("mkdocs build --strict failed:\n" + site.error, pytrace=False)
    site.server.start()
    return site


@pytest.fixture(scope="session")
def browser():
    """Chromium, headless, with a fresh profile (Playwright gives each launch its own)."""
    import sitekit

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sitekit.require(False, "the playwright package is not installed")
    executable = sitekit.chromium_path()
    with sync_playwright() as p:
        try:
            launched = p.chromium.launch(executable_path=executable, args=sitekit.CHROMIUM_FLAGS)
        except Exception as error:  # Playwright raises its own Error with the launch log
            sitekit.require(False, f"cannot start Chromium ({executable or 'Playwright build'}): set CHROMIUM or "
                                   f"`apt-get install chromium`; {str(error).splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts (no shared storage); closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def published_site():
    """The real site built once under /nqpf/ for the linking-and-reuse tests (publishkit.built)."""
    from publishkit import built

    b = built()
    if b.error:
        pytest.fail("mkdocs build --strict failed:\n" + b.error, pytrace=False)
    return b
