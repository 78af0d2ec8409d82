"""Citations of entries and pages: exact APA lines and BibTeX, escaping, authors."""

from __future__ import annotations

import dataclasses
import re

import pytest

from nqpf.datefmt import spell
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


# One entry of each kind: its APA line is the authors and the date of the data, the title, the label and
# what it rests on (each source by outlet and date, in the order first quoted), the site and the link.
EXAMPLES = [
    ("event", "2024-01-31-politburo-study-session", "Xi defines new productive forces at a Politburo group study session",
     "Timeline entry, 31 January 2024"),
    ("event", "2023-09-heilongjiang-first-mention", 'Xi first raises "new quality productive forces" in Heilongjiang',
     "Timeline entry, 6–8 September 2023"),
    ("term", "new-quality-productive-forces", "new quality productive forces (新质生产力)", "Glossary entry"),
    ("province", "liaoning", "Liaoning (辽宁)", "Province entry"),
    ("person", "xi-jinping", "Xi Jinping (习近平)", "Person entry"),
    ("figure", "fiscal-st-spending-2018", "National fiscal spending on science and technology, 2018: 832.7 billion yuan",
     "Figure entry"),
    ("source", "globaltimes-2024-03-12-xiconomics-new-quality-productive-forces",
     "Xiconomics in Practice: Xi puts new quality productive forces at front and center in China's economic agenda", "Source entry"),
    ("source", "prnewswire-2024-02-06-xi-new-productive-forces", "[Xi calls for faster development of new productive forces]",
     "Source entry"),
]


@pytest.mark.parametrize("kind, entry_id, title, label", EXAMPLES)
def test_apa_line_of_each_kind(curated, pub, kind, entry_id, title, label):
    item = entry(curated, kind, entry_id)
    cite = citations.for_entry(kind, item, pub)
    rests_on = [entry_id] if kind == "source" else curated.sources_of(item)
    based = "; ".join(f"{curated.entry('source', s)['outlet_name']}, {spell(curated.entry('source', s)['published'])}" for s in rests_on)
    url = f"{SITE}{KINDS[kind].url}#{entry_id}"
    assert cite.apa == f"{US} {title} [{label}; based on {based}]. {TAIL} {url}"
    assert cite.url == url
    assert cite.key == f"nqpf:{kind}:{entry_id}"


def made_up() -> citations.Publication:
    sources = {"a-1": {"outlet_name": "Outlet A", "title": "A headline", "title_is_ours": False, "published": "2024-02-01"},
               "b-2": {"outlet_name": "Outlet & B", "title": "A title of ours", "title_is_ours": True, "published": "2024-03"}}
    return citations.Publication(SITE, NAME, ({"name": "The nqpf explainer contributors"},), "2026-11-23", sources)


def test_bibtex_of_an_event_resting_on_an_article_and_a_reference():
    event = {"id": "2024-01-31-study-session", "title": "A study session on 50% of R&D", "date": "2024-01-31",
             "evidence": [{"source": "a-1", "quote": "a quote"}, {"source": "b-2", "locator": "paragraph 2"}]}
    cite = citations.for_entry("event", event, made_up())
    assert cite.apa == (f"{US} A study session on 50% of R&D [Timeline entry, 31 January 2024; based on Outlet A, 1 February 2024; "
                        f"Outlet & B, March 2024]. {TAIL} {SITE}timeline/#2024-01-31-study-session")
    assert cite.bibtex == """\
@misc{nqpf:event:2024-01-31-study-session,
  author       = {{The nqpf explainer contributors}},
  title        = {{A study session on 50\\% of R\\&D}},
  howpublished = {New Quality Productive Forces explained},
  year         = {2026},
  month        = nov,
  date         = {2026-11-23},
  url          = {https://example.github.io/nqpf/timeline/#2024-01-31-study-session},
  note         = {Timeline entry, 31 January 2024. Data as of 23 November 2026. Based on: Outlet A, A headline, 1 February 2024; \
Outlet \\& B, [A title of ours], March 2024.}
}"""


def test_an_event_over_several_days_is_labelled_with_its_span():
    event = {"id": "2024-03-05-session", "title": "A session", "date": "2024-03-05", "end": "2024-03-11", "evidence": []}
    assert citations.for_entry("event", event, made_up()).label == "Timeline entry, 5–11 March 2024"


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
