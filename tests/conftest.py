"""What the whole suite shares: paths, the command line, and the builds.

Two sites are built, each at most once per session:

* the fixture site (``tests/fixtures/data``), in-process, with a fixed
  ``SOURCE_DATE_EPOCH`` so that its pages are the same at every commit: the
  page, golden, escaping and search tests read it;
* the real site, under ``/nqpf/`` as GitHub Pages serves a project site
  (``sitekit.built_site``): every gate, link and publishing test reads it.

Nothing here changes the working directory: commands and builds find the
project from their own files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
# Built under a sub-path, as GitHub Pages serves a project site.
FIXTURE_SITE_URL = "http://127.0.0.1:8000/nqpf/"
# 2024-04-01T00:00:00Z: the fixture site's "last edited" date, fixed so its pages never churn.
FIXTURE_EPOCH = "1711929600"


def run_cli(*args: str, cwd: Path = ROOT, separate: bool = False) -> subprocess.CompletedProcess:
    """``python -m nqpf ARGS`` run from ``cwd``: in this process (``nqpf.cli.main``, with its output
    captured and any exception written as the traceback Python would print), or with ``separate``
    as a process of its own, for what only a real process shows (a terminal, the exit code of a crash)."""
    if separate:
        return subprocess.run([sys.executable, "-m", "nqpf", *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    import contextlib
    import io
    import traceback

    from nqpf.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse refusing its arguments
            code = exit_.code if isinstance(exit_.code, int) else 2
        except Exception:
            traceback.print_exc(file=err)
            code = 1
    return subprocess.CompletedProcess(["nqpf", *args], code, out.getvalue(), err.getvalue())


def build_in_process(out: Path, data: Path | None = None, site_url: str = FIXTURE_SITE_URL, epoch: str | None = None,
                     project: Path = ROOT) -> None:
    """``mkdocs build --strict`` of ``project`` into ``out``, in this process; raises on a failed build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    saved = {k: os.environ.get(k) for k in ("NQPF_DATA", "SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING")}
    os.environ.update(NO_MKDOCS_2_WARNING="1")
    for key, value in (("NQPF_DATA", data), ("SOURCE_DATE_EPOCH", epoch)):
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = str(value)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(out), site_url=site_url, strict=True)
        build(config)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The site built once from the fixture data, for the page, golden, escaping and search tests,
    after counting its curated candidates as ``make site`` does (``python -m nqpf coverage``)."""
    assert run_cli("coverage", "--data", str(FIXTURE_DATA)).returncode == 0
    out = tmp_path_factory.mktemp("fixture-site")
    build_in_process(out, data=FIXTURE_DATA, epoch=FIXTURE_EPOCH)
    return out


@pytest.fixture(scope="session")
def fixture_model():
    """The fixture data as the site builds it (:class:`nqpf.site.Site`)."""
    from nqpf.site import Site

    return Site.load(ROOT, data=FIXTURE_DATA)


@pytest.fixture(scope="session")
def real_model():
    from nqpf.site import Site

    return Site.load(ROOT)


# -- Skips -------------------------------------------------------------------------------------------------

@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A skip is only ever for a missing tool (sitekit.require); where every tool must be there
    (``NQPF_REQUIRE_BROWSER=1``, as in CI), any skip is a failure."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("NQPF_REQUIRE_BROWSER") == "1" and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped where every tool must be present (NQPF_REQUIRE_BROWSER=1): {report.longrepr}"


# -- The gates over the built site (harness in sitekit.py) -------------------------------------------------

def pytest_configure(config):
    """In a parallel run the controller builds and serves the real site before its workers start,
    and they all read that one build (each worker built its own: two builds' work more on 3
    workers). A worker inherits the controller's environment, which carries where it is."""
    import sitekit

    parallel = getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput")
    if parallel and not os.environ.get(sitekit.SHARED_SITE):
        os.environ[sitekit.SHARED_SITE] = sitekit.share(sitekit.built_site())


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


# The publishing tests read the same build.
published_site = served_site


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


@pytest.fixture
def open_gate_page(served_site, new_page):
    """Open a page of the real site as the page gates do: the page and the record of its load."""
    import sitekit

    def visit(page_path: str, settle: bool = False, **options):
        page = new_page(**options)
        return page, sitekit.load(page, served_site.url_of(page_path), served_site.server.origin, settle=settle)

    return visit
