"""Citations of entries and pages: exact APA lines and BibTeX, escaping, authors."""

from __future__ import annotations

import dataclasses
import re

import pytest

from nqpf.kinds import KINDS
from nqpf.publish import citations

SITE = "https://example.github.io/nqpf/"
NAME = "New Quality Productive Forces explained"
US = "The nqpf explainer contributors. (2026, November 23)."
TAIL = "New Quality Productive Forces explained."


@pytest.fixture(scope="module")
def curated(real_model):
    return real_model


@pytest.fixture(scope="module")
def pub(real_model):
    # The date of the data fixed, as SOURCE_DATE_EPOCH would fix it.
    return dataclasses.replace(citations.publication(real_model, SITE, NAME), data_date="2026-11-23")


def entry(site, kind, entry_id):
    return site.entry(kind, entry_id)


@pytest.mark.parametrize("kind, entry_id, apa", [
    ("event", "2024-01-31-politburo-study-session",
     f"{US} Xi defines new productive forces at a Politburo group study session [Timeline entry, 31 January 2024; "
     "based on China.org.cn (from a clean copy that credits it), 1 February 2024; China Daily (inferred), 25 March 2024; "
     f"PR Newswire, carrying a Global Times report, 6 February 2024]. {TAIL} {SITE}timeline/#2024-01-31-politburo-study-session"),
    ("event", "2023-09-heilongjiang-first-mention",
     f"{US} Xi first raises \"new quality productive forces\" in Heilongjiang [Timeline entry, September 2023; based on "
     "Global Times (republished on a third-party WordPress site), 12 March 2024; China Daily (inferred), 25 March 2024; "
     "PR Newswire, carrying a Global Times report, 6 February 2024; China.org.cn (from a clean copy that credits it), "
     f"1 February 2024]. {TAIL} {SITE}timeline/#2023-09-heilongjiang-first-mention"),
    ("term", "new-quality-productive-forces",
     f"{US} new quality productive forces (新质生产力) [Glossary entry; based on Global Times (republished on a third-party "
     f"WordPress site), 12 March 2024; gov.cn English site, republishing Xinhua, 1 February 2024]. {TAIL} "
     f"{SITE}glossary/#new-quality-productive-forces"),
    ("province", "liaoning",
     f"{US} Liaoning (辽宁) [Province entry; based on China.org.cn (from a clean copy that credits it), 1 February 2024]. "
     f"{TAIL} {SITE}provinces/#liaoning"),
    ("person", "xi-jinping",
     f"{US} Xi Jinping (习近平) [Person entry; based on Global Times (republished on a third-party WordPress site), 12 March 2024; "
     "China.org.cn (from a clean copy that credits it), 1 February 2024; China Daily, 6 February 2024; Jagran Josh, "
     "17 November 2012; Teller Report, republishing China News Service, 6 March 2024]. "
     f"{TAIL} {SITE}people/#xi-jinping"),
    ("figure", "fiscal-st-spending-2018",
     f"{US} National fiscal spending on science and technology, 2018: 832.7 billion yuan [Figure entry; based on People's "
     "Daily Online (en.people.cn), republishing Xinhua, 2 February 2024; UrduPoint, republishing Xinhua, 21 February 2024; "
     "MENAFN, republishing AzerNews's copy of Xinhua, 8 March 2024; PR Newswire, carrying a Global Times report, "
     f"6 February 2024]. {TAIL} {SITE}figures/#fiscal-st-spending-2018"),
    ("source", "globaltimes-2024-03-12-xiconomics-new-quality-productive-forces",
     f"{US} Xiconomics in Practice: Xi puts new quality productive forces at front and center in China's economic agenda "
     f"[Source entry; based on Global Times (republished on a third-party WordPress site), 12 March 2024]. {TAIL} "
     f"{SITE}sources/#globaltimes-2024-03-12-xiconomics-new-quality-productive-forces"),
    ("source", "prnewswire-2024-02-06-xi-new-productive-forces",
     f"{US} [Xi calls for faster development of new productive forces] [Source entry; based on PR Newswire, carrying a "
     f"Global Times report, 6 February 2024]. {TAIL} {SITE}sources/#prnewswire-2024-02-06-xi-new-productive-forces"),
])
def test_apa_line_of_each_kind(curated, pub, kind, entry_id, apa):
    cite = citations.for_entry(kind, entry(curated, kind, entry_id), pub)
    assert cite.apa == apa
    assert cite.url == apa.rsplit(" ", 1)[1]
    assert cite.key == f"nqpf:{kind}:{entry_id}"


def test_bibtex_of_the_politburo_study_session(curated, pub):
    cite = citations.for_entry("event", entry(curated, "event", "2024-01-31-politburo-study-session"), pub)
    assert cite.bibtex == """\
@misc{nqpf:event:2024-01-31-politburo-study-session,
  author       = {{The nqpf explainer contributors}},
  title        = {{Xi defines new productive forces at a Politburo group study session}},
  howpublished = {New Quality Productive Forces explained},
  year         = {2026},
  month        = nov,
  date         = {2026-11-23},
  url          = {https://example.github.io/nqpf/timeline/#2024-01-31-politburo-study-session},
  note         = {Timeline entry, 31 January 2024. Data as of 23 November 2026. Based on: China.org.cn (from a clean copy that \
credits it), [What are “new productive forces”? An explainer], 1 February 2024; China Daily (inferred), [“New quality productive \
forces” at the 2024 two sessions: lawmakers and advisers], 25 March 2024; PR Newswire, carrying a Global Times report, [Xi calls \
for faster development of new productive forces], 6 February 2024.}
}"""


def test_bibtex_of_a_figure(curated, pub):
    cite = citations.for_entry("figure", entry(curated, "figure", "fiscal-st-spending-2018"), pub)
    assert cite.bibtex == """\
@misc{nqpf:figure:fiscal-st-spending-2018,
  author       = {{The nqpf explainer contributors}},
  title        = {{National fiscal spending on science and technology, 2018: 832.7 billion yuan}},
  howpublished = {New Quality Productive Forces explained},
  year         = {2026},
  month        = nov,
  date         = {2026-11-23},
  url          = {https://example.github.io/nqpf/figures/#fiscal-st-spending-2018},
  note         = {Figure entry. Data as of 23 November 2026. Based on: People's Daily Online (en.people.cn), republishing Xinhua, \
China's annual sci-tech expenditure up 6.4 pct in past 6 years, 2 February 2024; UrduPoint, republishing Xinhua, Chinese Yuan \
Strengthens To 7.1030 Against USD Wednesday, 21 February 2024; MENAFN, republishing AzerNews's copy of Xinhua, Chinese Yuan \
Strengthens To 7.0978 Against USD Friday, 8 March 2024; PR Newswire, carrying a Global Times report, [Xi calls for faster \
development of new productive forces], 6 February 2024.}
}"""


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_entry_of_every_kind_has_a_balanced_bibtex_entry(curated, pub, kind):
    for item in curated.entries(kind):
        bibtex = citations.for_entry(kind, item, pub).bibtex
        unescaped = re.sub(r"\\[{}]", "", bibtex)
        depth = 0
        for char in unescaped:
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 0, bibtex
        assert depth == 0, bibtex
        assert f"url          = {{{SITE}{KINDS[kind].url}#{item['id']}}}" in bibtex


def test_page_citation(pub):
    cite = citations.for_page("Sources", "sources/", pub)
    assert cite.apa == f"{US} Sources [Web page]. {TAIL} {SITE}sources/"
    assert cite.key == "nqpf:page:sources"
    assert cite.originals == ()
    home = citations.for_page(NAME, "", pub)
    assert home.apa == f"{US} {NAME} [Web page]. {SITE}"
    assert home.key == "nqpf:page:home"


def test_an_entry_with_no_evidence_names_no_source(pub):
    cite = citations.for_entry("term", {"id": "x-y", "term": "a term", "chinese": "词"}, pub)
    assert cite.apa == f"{US} a term (词) [Glossary entry]. {TAIL} {SITE}glossary/#x-y"
    assert "Based on" not in cite.bibtex


def test_rejected_readings_of_a_conflict_are_not_sources(curated, pub):
    item = entry(curated, "event", "2024-01-31-politburo-study-session")
    assert "globaltimes-2024-03-12-xiconomics-new-quality-productive-forces" in str(item["conflicts"])
    ids = [o.id for o in citations.for_entry("event", item, pub).originals]
    assert "globaltimes-2024-03-12-xiconomics-new-quality-productive-forces" not in ids


@pytest.mark.parametrize("text, escaped", [
    ("50% of R&D", r"50\% of R\&D"),
    ("a_b #1 $2", r"a\_b \#1 \$2"),
    ("{braces} \\ ~ ^", r"\{braces\} \textbackslash{} \textasciitilde{} \textasciicircum{}"),
    ("spread\n  over   lines", "spread over lines"),
])
def test_bibtex_escapes_latex(text, escaped):
    assert citations._tex(text) == escaped


@pytest.mark.parametrize("authors, apa, bibtex", [
    (({"name": "The nqpf explainer contributors"},), "The nqpf explainer contributors.", "{The nqpf explainer contributors}"),
    (({"family-names": "Li", "given-names": "Ming Hua"},), "Li, M. H.", "Li, Ming Hua"),
    (({"family-names": "Li", "given-names": "Ming"}, {"family-names": "Smith", "given-names": "Jo"}, {"name": "Lab & Co"}),
     "Li, M., Smith, J., & Lab & Co.", r"Li, Ming and Smith, Jo and {Lab \& Co}"),
])
def test_authors(authors, apa, bibtex):
    assert citations.apa_authors(authors) == apa
    assert citations.bibtex_authors(authors) == bibtex


def test_unknown_kind_is_refused(pub):
    with pytest.raises(KeyError, match="unknown kind of entry 'quote'"):
        citations.for_entry("quote", {"id": "x"}, pub)
