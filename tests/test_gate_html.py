"""The W3C Nu HTML checker finds no error in any built page (Material's own markup included).

One test for the whole site, so that one worker starts Java once (a start per worker cost 5 s of
CPU each); its message names every page and line with an error."""

from __future__ import annotations

import shutil

import sitekit


def test_nu_checker_finds_no_error_in_any_page_and_reports_only_built_pages(served_site):
    sitekit.require(shutil.which("java") is not None, "java is not installed: the Nu checker needs Java 11 or newer")
    sitekit.require(sitekit.VNU_JAR.is_file(), f"{sitekit.VNU_JAR} is missing: run `npm ci --ignore-scripts`")
    errors = sitekit.run_nu(served_site.dir)
    # An error outside a page (say, a file it cannot read) would otherwise go unreported.
    assert set(errors) <= set(served_site.pages), errors
    checked = [page for page in served_site.pages if page.endswith(".html")]
    assert checked, "no page was built"
    found = [line for page in checked for line in errors.get(page, [])]
    assert found == [], "\n" + "\n".join(found)
