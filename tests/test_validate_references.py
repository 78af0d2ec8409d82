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


REVIEW_URL = "  url: https://review.example.org/planning-note?x=1&y='quoted'#a&b"

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
    pytest.param("sources", REVIEW_URL, "  url: https://me:secret@review.example.org/x",
                 ["data/sources.yaml:{L}: 2.url: 'https://me:secret@review.example.org/x' must not carry credentials"],
                 id="credentials"),
    pytest.param("sources", REVIEW_URL, '  url: "https://review.example.org/a review"',
                 ["data/sources.yaml:{L}: 2.url: 'https://review.example.org/a review' has a space in it"], id="space"),
    pytest.param("sources", REVIEW_URL, '  url: "https://review.example.org/<script>"',
                 ["data/sources.yaml:{L}: 2.url: 'https://review.example.org/<script>' has < > in it, which a URL writes "
                  "percent-encoded"], id="markup-in-url"),
    pytest.param("sources", REVIEW_URL, "  url: http://review.example.org/x",
                 ["data/sources.yaml:{L}: 2.url: use the https: address; if the page is known only at http:, say so with "
                  "http_only: true"], id="http-without-reason"),
    pytest.param("sources", REVIEW_URL, "  url: https://daily.example.org/explainer",
                 ["data/sources.yaml:{L}: 2.url: https://daily.example.org/explainer is already the url of the source "
                  "on line 8",
                  "data/sources.yaml:{L+2}: 2.link: says own, but the page is on the site of Fixture Daily, not of Fixture "
                  "Review <i>italic</i> whose text it is, so its link is licensed (a partner's or licensee's republication) "
                  "or copy"], id="duplicate-url"),
    # Outlets: every host declared once, no blocked host, no bare IP, odd port or punycode domain.
    pytest.param("sources", REVIEW_URL, "  url: https://elsewhere.example.com/x",
                 ["data/sources.yaml:{L}: 2.url: the host elsewhere.example.com is not declared: add it to the hosts of its "
                  "outlet in data/outlets.yaml (or a new outlet, saying what it is)"], id="undeclared-host"),
    pytest.param("sources", REVIEW_URL, "  url: https://casino.example.com/x",
                 ["data/sources.yaml:{L}: 2.url: A casino site (casino.example.com) is blocked: gambling advertisements "
                  "around scraped news; link the outlet's own page or another source"], id="blocked-host"),
    pytest.param("sources", REVIEW_URL, "  url: https://122.224.56.14/x",
                 ["data/sources.yaml:{L}: 2.url: https://122.224.56.14/x is on a bare IP address (122.224.56.14), where "
                  "only copies are: link the outlet's own page"], id="bare-ip"),
    pytest.param("sources", REVIEW_URL, "  url: https://review.example.org:99/x",
                 ["data/sources.yaml:{L}: 2.url: https://review.example.org:99/x names port 99, where only copies are: "
                  "link the outlet's own page"], id="odd-port"),
    pytest.param("sources", REVIEW_URL, "  url: https://xn--znx16ot8z.example.net/x",
                 ["data/sources.yaml:{L}: 2.url: https://xn--znx16ot8z.example.net/x is on a punycode domain "
                  "(xn--znx16ot8z.example.net), where only copies are: link the outlet's own page"], id="punycode"),
    pytest.param("sources", "  outlet: fixture-review\n", "  outlet: fixture-wire\n",
                 ["data/sources.yaml:{L}: 2.outlet: unknown outlets id 'fixture-wire'"], id="unknown-outlet"),
    pytest.param("sources", "  link: official\n", "  link: own\n",
                 ["data/sources.yaml:{L}: 3.link: says own, but the page is on Fixture Gazette's own site "
                  "(gazette.example.org), so its link is official (the outlet's kind: Chinese Party or government body)"],
                 id="own-for-official"),
    pytest.param("sources", "  link: own\n", "  link: copy\n",
                 ["data/sources.yaml:{L-4}: 2: 'link_note' is a required property"], id="copy-without-a-note"),
    pytest.param("sources", "  link: own\n", "  link: copy\n  link_note: Searched nowhere.\n",
                 ["data/sources.yaml:{L}: 2.link: says copy, but the page is on Fixture Review <i>italic</i>'s own site "
                  "(review.example.org), so its link is own"], id="copy-on-own-site"),
    pytest.param("sources", "  link: copy\n  link_note: Searched", "  link: licensed\n  link_note: Searched",
                 [], id="licensed-copy-is-the-curators-call"),
    pytest.param("outlets", "  hosts: [review.example.org]\n", "  hosts: [review.example.org, daily.example.org]\n",
                 ["data/outlets.yaml:{L}: 2.hosts.1: daily.example.org is already a host of the outlet on line 5; a host "
                  "belongs to one outlet"], id="host-declared-twice"),
    pytest.param("outlets", "  kind: think-tank\n", "  kind: independent analysis\n",
                 ["data/outlets.yaml:{L}: 2.kind: 'independent analysis' is not one of ['state-media', 'party-government', "
                  "'foreign-government', 'international-organisation', 'hk-macao-press', 'taiwan-press', 'foreign-press', "
                  "'wire-agency', 'think-tank', 'university-journal', 'business-association', 'company', 'individual', "
                  "'reference-work', 'aggregator']"], id="unknown-outlet-kind"),
    pytest.param("debate", "    - source: fixture-review-2025-03-05-planning-note\n",
                 "    - source: fixture-gazette-2026-03-12-plan\n",
                 ["data/sources.yaml:44: 2.id: no fact cites this reference; cite it or remove it"], id="reference-never-cited"),
    pytest.param("sources", "  url_note: Made up; searched nowhere. <b>Markup</b> & \"quotes\" in a note.\n", "",
                 ["data/sources.yaml:{L-2}: 1.id: give the url of the article's original, or a url_note saying what was "
                  "searched"], id="article-without-original"),
    pytest.param("sources", "  link: own\n", "  link: own\n  file: seeds/x.txt\n",
                 ["data/sources.yaml:{L+1}: 2.file: `file` belongs to an article (a text in seeds/) only, and this source is "
                  "a reference (a public page): remove the field or change the kind"],
                 id="reference-with-an-article-field"),
    pytest.param("sources", "  outlet_basis: The headline names the paper", "  checked: \"2026-12-08\"\n  outlet_basis: The headline names the paper",
                 ["data/sources.yaml:{L}: 0.checked: `checked` belongs to a reference (a public page) only, and this source "
                  "is an article (a text in seeds/): remove the field or change the kind"],
                 id="article-with-a-reference-field"),
]


@pytest.mark.parametrize("name, old, new, expected", CASES)
def test_each_mistake_is_reported_exactly(project, name, old, new, expected):
    found, line = problems(project, name, old, new)
    assert found == [e.format(L=line, **{"L-1": line - 1, "L-2": line - 2, "L-4": line - 4, "L+1": line + 1, "L+2": line + 2})
                     for e in expected]


def test_the_fixture_with_both_kinds_of_source_is_valid(project):
    assert run_checks(load_curated(project / "data")) == []
