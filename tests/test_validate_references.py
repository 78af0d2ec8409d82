"""Articles are quoted, references are located: each rule about the two kinds of source, fed
bad data, reports the exact ``file:line: path: message``. Cases edit a copy of the fixture."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURE_DATA
from nqpf.checks import run_checks
from nqpf.curated import load_curated


@pytest.fixture
def project(tmp_path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    shutil.copytree(FIXTURE_DATA.parent / "seeds", tmp_path / "seeds")
    return tmp_path


def problems(project, name: str, old: str, new: str) -> tuple[list[str], int]:
    path = project / "data" / f"{name}.yaml"
    text = path.read_text("utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), "utf-8")
    prefix = str(project / "data") + "/"
    return [str(p).replace(prefix, "data/") for p in run_checks(load_curated(project / "data"))], line


REVIEW_URL = "  url: https://example.org/review/planning-note?x=1&y='quoted'#a&b"

CASES = [
    pytest.param("debate", "      locator: second paragraph", "      quote: second paragraph of the made-up page",
                 ["data/debate.yaml:{L}: 0.evidence.0.quote: a reference is never quoted: state the fact in our own words and "
                  "give a locator"], id="reference-quoted"),
    pytest.param("glossary", "      quote: Xi Jinping first raised the idea of new quality productive forces",
                 "      locator: first paragraph",
                 ["data/glossary.yaml:{L-1}: 0.evidence.0: an article is cited with a verbatim quote, not a locator"],
                 id="article-located"),
    pytest.param("glossary", "          locator: section 2, paragraph 1", "          quote: section two of the page",
                 ["data/glossary.yaml:{L}: 0.context.0.evidence.0.quote: a reference is never quoted: state the fact in our "
                  "own words and give a locator"], id="context-quoted"),
    pytest.param("glossary", "        - source: fixture-gazette-2026-03-12-plan\n          locator: section 2, paragraph 1",
                 "        - source: fixture-daily-2024-03-12-explainer\n          quote: Xi Jinping first raised the idea",
                 ["data/glossary.yaml:{L}: 0.context.0.evidence.0.source: background cites a reference (a public page); what an "
                  "article says goes outside `context`"], id="context-cites-an-article"),
    pytest.param("sources", REVIEW_URL, "  url: javascript:alert(1)",
                 ["data/sources.yaml:{L}: 2.url: 'javascript:alert(1)' must be an http: or https: URL, not javascript:"],
                 id="javascript-url"),
    pytest.param("sources", REVIEW_URL, "  url: review/planning-note",
                 ["data/sources.yaml:{L}: 2.url: 'review/planning-note' must be an http: or https: URL, not a relative one"],
                 id="relative-url"),
    pytest.param("sources", REVIEW_URL, "  url: https://me:secret@example.org/review",
                 ["data/sources.yaml:{L}: 2.url: 'https://me:secret@example.org/review' must not carry credentials"],
                 id="credentials"),
    pytest.param("sources", REVIEW_URL, '  url: "https://example.org/a review"',
                 ["data/sources.yaml:{L}: 2.url: 'https://example.org/a review' has a space in it"], id="space"),
    pytest.param("sources", REVIEW_URL, '  url: "https://example.org/<script>"',
                 ["data/sources.yaml:{L}: 2.url: 'https://example.org/<script>' has < > in it, which a URL writes "
                  "percent-encoded"], id="markup-in-url"),
    pytest.param("sources", REVIEW_URL, "  url: http://example.org/review",
                 ["data/sources.yaml:{L}: 2.url: use the https: address; if the page is known only at http:, say so with "
                  "http_only: true"], id="http-without-reason"),
    pytest.param("sources", REVIEW_URL, "  url: https://example.org/fixture-daily/explainer",
                 ["data/sources.yaml:{L}: 2.url: https://example.org/fixture-daily/explainer is already the url of the source "
                  "on line 8"], id="duplicate-url"),
    pytest.param("debate", "    - source: fixture-review-2025-03-05-planning-note\n",
                 "    - source: fixture-gazette-2026-03-12-plan\n",
                 ["data/sources.yaml:43: 2.id: no fact cites this reference; cite it or remove it"], id="reference-never-cited"),
    pytest.param("sources", "  url_note: Made up; searched nowhere. <b>Markup</b> & \"quotes\" in a note.\n", "",
                 ["data/sources.yaml:{L-2}: 1.id: give the url of the article's original, or a url_note saying what was "
                  "searched"], id="article-without-original"),
    pytest.param("sources", "  outlet_kind: independent analysis\n", "  outlet_kind: independent analysis\n  file: seeds/x.txt\n",
                 ["data/sources.yaml:{L+1}: 2.file: only an article has a file; this source is a reference"],
                 id="reference-with-an-article-field"),
    pytest.param("sources", "  outlet_kind: independent analysis\n", "  outlet_kind: blog\n",
                 ["data/sources.yaml:{L}: 2.outlet_kind: 'blog' is not one of ['official', 'state media', 'independent analysis', "
                  "'academic', 'foreign press']"], id="unknown-outlet-kind"),
]


@pytest.mark.parametrize("name, old, new, expected", CASES)
def test_each_mistake_is_reported_exactly(project, name, old, new, expected):
    found, line = problems(project, name, old, new)
    assert found == [e.format(L=line, **{"L-1": line - 1, "L-2": line - 2, "L+1": line + 1}) for e in expected]


def test_the_fixture_with_both_kinds_of_source_is_valid(project):
    assert run_checks(load_curated(project / "data")) == []
