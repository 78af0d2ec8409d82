"""The gates' harness: a missing tool skips locally but fails in CI."""

from __future__ import annotations

import pytest

import sitekit


def test_missing_tool_skips_with_its_reason(monkeypatch):
    monkeypatch.delenv("NQPF_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="^no chromium$"):
        sitekit.require(False, "no chromium")


def test_missing_tool_fails_when_ci_requires_the_gates(monkeypatch):
    monkeypatch.setenv("NQPF_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match=r"^no chromium \(NQPF_REQUIRE_BROWSER=1: the gates must run\)$"):
        sitekit.require(False, "no chromium")


def test_chromium_is_found_from_the_environment_first(monkeypatch, tmp_path):
    browser = tmp_path / "chrome"
    browser.write_text("#!/bin/sh\n", "utf-8")
    browser.chmod(0o755)
    monkeypatch.setenv("CHROMIUM", str(browser))
    assert sitekit.chromium_path() == str(browser)


@pytest.mark.parametrize(("page", "url"), [("index.html", ""), ("sources/index.html", "sources/"), ("feed.xml", "feed.xml")])
def test_page_url_path(page, url):
    assert sitekit.page_url_path(page) == url
