"""The date of the data comes from git or the data itself, never from the clock; dates in words
are the same in every locale. Each git test makes its own repository, with fixed commit dates."""

from __future__ import annotations

import subprocess

import pytest

from conftest import DATA
from nqpf import datefmt
from nqpf import dating as datadate


def git(*args, cwd):
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2024-05-06T10:00:00+00:00",
           "GIT_COMMITTER_DATE": "2024-05-06T10:00:00+00:00", "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yaml").write_text("x: 1\n")
    (tmp_path / "README").write_text("r\n")
    git("init", "-q", cwd=tmp_path)
    git("add", "data", cwd=tmp_path)
    git("commit", "-q", "-m", "data", cwd=tmp_path)
    return tmp_path


def test_data_date_is_the_last_commit_touching_data(repo):
    env_later = "2024-07-08T23:30:00-05:00"  # committer's own day, not UTC's
    subprocess.run(["git", "add", "README"], cwd=repo, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "docs"], cwd=repo, check=True,
                   env={"GIT_COMMITTER_DATE": env_later, "GIT_AUTHOR_DATE": env_later, "PATH": "/usr/bin:/bin"})
    assert datadate.data_date(repo / "data") == "2024-05-06"
    assert datadate.site_date(repo, repo / "data") == "2024-07-08"


def test_without_git_the_newest_day_in_the_data_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = {"a": [{"published": "2024-02-06", "quote": "on 2031-01-01 maybe"}], "b": {"date": "2024-03-25"}, "c": "2024-03"}
    assert datadate.data_date(tmp_path, data) == "2024-03-25"
    assert datadate.site_date(tmp_path, tmp_path, data) == "2024-03-25"


def test_no_git_and_no_date_is_an_error(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with pytest.raises(datadate.DateError, match="cannot date the data"):
        datadate.data_date(tmp_path, {"a": "no dates"})


def test_source_date_epoch_overrides_git(repo, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert datadate.data_date(repo / "data") == "2023-11-14"
    assert datadate.site_date(repo, repo / "data") == "2023-11-14"


@pytest.mark.parametrize("value", ["soon", "-5", "1.5"])
def test_a_bad_source_date_epoch_is_reported(monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(datadate.DateError, match=f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '{value}'"):
        datadate.data_date(DATA)


@pytest.mark.parametrize("value, words", [("2024-01-31", "31 January 2024"), ("2023-09", "September 2023"), ("2023", "2023")])
def test_spell(value, words):
    assert datefmt.spell(value) == words


def test_apa_date():
    assert datefmt.apa("2026-11-03") == "2026, November 3"


@pytest.mark.parametrize(("value", "expected"), [("2024-01-31", "31 Jan 2024"), ("2023-09", "Sept 2023"), ("2023", "2023"),
                                                 ("2024-06-05", "5 Jun 2024")])
def test_short_dates_keep_the_precision(value, expected):
    assert datefmt.short(value) == expected


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2024-03-05", None, "5 Mar 2024"),
    ("2024-03-05", "2024-03-11", "5–11 Mar 2024"),
    ("2024-02-28", "2024-03-02", "28 Feb – 2 Mar 2024"),
    ("2023-12-30", "2024-01-02", "30 Dec 2023 – 2 Jan 2024"),
])
def test_spans_write_shared_parts_once(start, end, expected):
    assert datefmt.span(start, end) == expected


def test_month_names_do_not_follow_the_locale():
    import subprocess
    import sys

    code = "from nqpf import datefmt; print(datefmt.spell('2024-09-07'), datefmt.short('2024-09'))"
    for locale in ("C.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env={"LC_ALL": locale, "LANG": locale, "PATH": "/usr/bin:/bin"}, check=True).stdout.strip()
        assert out == "7 September 2024 Sept 2024", locale


def test_with_source_date_epoch_every_date_of_the_site_agrees(monkeypatch):
    """The footer's "last edited", the citations and the sitemap all take the one date."""
    from conftest import FIXTURE_DATA, ROOT
    from nqpf.publish import citations
    from nqpf.site import Site

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = Site.load(ROOT, data=FIXTURE_DATA)
    pub = citations.publication(site, "https://example.org/nqpf/", "NQPF")
    event = site.entries("event")[0]
    assert site.edited == site.changed == pub.data_date == "2023-11-14"
    assert "(2023, November 14)" in citations.for_entry("event", event, pub).apa
