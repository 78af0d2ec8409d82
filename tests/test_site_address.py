"""The site's address: SITE_URL, else the git remote's GitHub Pages address, else none; never a
loopback address in a build meant for publishing; the preview keeps 127.0.0.1:8000."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, ROOT
from nqpf import address
from nqpf.bench.sites import copy_project


@pytest.mark.parametrize(("remote", "expected"), [
    ("git@github.com:owner/nqpf.git", "https://owner.github.io/nqpf/"),
    ("https://github.com/Owner/nqpf", "https://owner.github.io/nqpf/"),
    ("https://github.com/owner/nqpf.git/", "https://owner.github.io/nqpf/"),
    ("https://token@github.com/owner/my.site.git", "https://owner.github.io/my.site/"),
    ("ssh://git@github.com/owner/nqpf.git", "https://owner.github.io/nqpf/"),
    ("git@github.com:owner/owner.github.io.git", "https://owner.github.io/"),
    ("git@gitlab.com:owner/nqpf.git", None),
    ("/srv/git/nqpf.git", None),
    ("https://github.com/owner", None),
    ("https://github.example.com/owner/nqpf", None),
])
def test_a_github_remote_gives_its_pages_address(remote, expected):
    assert address.from_remote(remote) == expected


@pytest.mark.parametrize(("url", "loopback"), [
    ("http://127.0.0.1:8000/", True), ("http://localhost/nqpf/", True), ("http://[::1]:8000/", True),
    ("http://127.1.2.3/", True), ("http://app.localhost/", True),
    ("https://owner.github.io/nqpf/", False), ("https://example.org/", False), (None, False), ("", False),
])
def test_loopback_addresses_are_recognised(url, loopback):
    assert address.is_loopback(url) is loopback


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def test_the_address_comes_from_origin_first(tmp_path):
    git(tmp_path, "init", "-q")
    assert address.derive(tmp_path) == (None, "there is no git remote")
    git(tmp_path, "remote", "add", "backup", "https://gitlab.com/x/y.git")
    found, why = address.derive(tmp_path)
    assert found is None and "no git remote is on GitHub" in why and "gitlab.com" in why
    git(tmp_path, "remote", "add", "upstream", "git@github.com:other/nqpf.git")
    git(tmp_path, "remote", "add", "origin", "git@github.com:me/nqpf.git")
    assert address.derive(tmp_path) == ("https://me.github.io/nqpf/", "the git remote origin (git@github.com:me/nqpf.git)")
    assert address.derive(tmp_path / "not-a-repo") == (None, "there is no git remote")


# -- Builds -------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project in a repository of its own (its remotes are the test's to set)."""
    dest = copy_project(tmp_path_factory.mktemp("address") / "project")
    git(dest, "init", "-q")
    return dest


def build(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess:
    """A publishing build of the copy; of the fixture data, which has every page the address reaches
    and builds in a third of the time."""
    base = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "NQPF_PUBLISH") and not k.startswith("MKDOCS_")}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=project,
                          env={**base, "NO_MKDOCS_2_WARNING": "1", "NQPF_PUBLISH": "1", "NQPF_DATA": str(FIXTURE_DATA), **env},
                          capture_output=True, text=True, timeout=600)


def written(site: Path) -> str:
    return "\n".join(p.read_text("utf-8", "replace") for p in site.rglob("*")
                     if p.is_file() and p.suffix in (".html", ".xml", ".txt", ".ics", ".json", ".csv", ".yaml"))


def test_unset_site_url_takes_the_github_remote(project, tmp_path):
    git(project, "remote", "add", "origin", "git@github.com:someone/nqpf-site.git")
    try:
        done = build(project, tmp_path / "site")
    finally:
        git(project, "remote", "remove", "origin")
    assert done.returncode == 0, done.stderr
    assert "site address https://someone.github.io/nqpf-site/, from the git remote origin" in done.stderr
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert '<link rel="canonical" href="https://someone.github.io/nqpf-site/">' in home
    text = written(tmp_path / "site")
    assert "https://someone.github.io/nqpf-site/glossary/#" in text
    assert not re.search(r"127\.0\.0\.1|localhost", text), "no loopback address anywhere in a published build"


def test_without_a_usable_remote_canonical_links_are_left_out_and_the_build_says_so(project, tmp_path):
    done = build(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    assert "no site address: SITE_URL is unset and there is no git remote. Canonical links" in done.stderr
    site = tmp_path / "site"
    home = (site / "index.html").read_text("utf-8")
    assert 'rel="canonical"' not in home and 'property="og:url"' not in home
    assert "Sitemap:" not in (site / "robots.txt").read_text("utf-8")
    assert "<loc>" not in (site / "sitemap.xml").read_text("utf-8")
    text = written(site)
    assert not re.search(r"127\.0\.0\.1|localhost", text)
    assert "New Quality Productive Forces explained. glossary/#" in (site / "glossary" / "index.html").read_text("utf-8")


def test_a_build_meant_for_publishing_refuses_a_loopback_address(project, tmp_path):
    done = build(project, tmp_path / "site", SITE_URL="http://127.0.0.1:8000/")
    assert done.returncode != 0
    assert "site_url http://127.0.0.1:8000/ is a loopback address" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_make_site_publishes_and_make_serve_previews_on_127_0_0_1_8000():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    site = re.search(r"^site:.*?(?=^\S)", makefile, re.M | re.S)[0]
    serve = re.search(r"^serve:.*?(?=^\S|\Z)", makefile, re.M | re.S)[0]
    assert "NQPF_PUBLISH=1 $(PY) -m mkdocs build" in site and "SITE_URL" not in site.split("\n", 1)[1]
    assert "SITE_URL=http://127.0.0.1:8000/ $(PY) -m mkdocs serve" in serve and "--dev-addr 127.0.0.1:8000" in serve
    assert 'site_url: !ENV [SITE_URL, ""]' in (ROOT / "mkdocs.yml").read_text("utf-8")
