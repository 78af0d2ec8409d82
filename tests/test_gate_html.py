"""The W3C Nu HTML checker finds no error in any built page (Material's own markup included)."""

from __future__ import annotations

import shutil

import pytest

import sitekit


@pytest.fixture(scope="session")
def nu_errors(served_site):
    sitekit.require(shutil.which("java") is not None, "java is not installed: the Nu checker needs Java 11 or newer")
    sitekit.require(sitekit.VNU_JAR.is_file(), f"{sitekit.VNU_JAR} is missing: run `npm ci --ignore-scripts`")
    return sitekit.run_nu(served_site.dir)


def test_nu_checker_finds_no_error(nu_errors, built_page):
    errors = nu_errors.get(built_page, [])
    assert errors == [], "\n" + "\n".join(errors)


def test_nu_checker_reports_only_built_pages(nu_errors, served_site):
    """An error outside a page (say, a file it cannot read) would otherwise go unreported."""
    assert set(nu_errors) <= set(served_site.pages), nu_errors
