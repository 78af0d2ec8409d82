"""Template filters, the markers of hand-written pages, and the model behind the pages."""

from __future__ import annotations

import pytest

from conftest import FIXTURE_DATA, ROOT
from nqpf.project import Project
from nqpf.publish import citations
from nqpf.web import pages, render
from nqpf.web.render import label, md, number


@pytest.mark.parametrize(("value", "expected"), [
    ("a *b* _c_", r"a \*b\* \_c\_"),
    ("[x](javascript:alert(1))", r"\[x\]\(javascript:alert\(1\)\)"),
    ("<script>&", "&lt;script&gt;&amp;"),
    ("one\n\n1. two\n---", "one 1. two ---"),
    ("{ #id }", r"\{ \#id \}"),
])
def test_md_escapes_markdown_and_html(value, expected):
    assert md(value) == expected


@pytest.mark.parametrize(("value", "expected"), [(832.7, "832.7"), (1.0, "1"), (12000, "12,000"), (0.8327, "0.8327")])
def test_number(value, expected):
    assert number(value) == expected


def test_label():
    assert label("inspection-tour") == "Inspection tour"


@pytest.fixture(scope="module")
def env(fixture_model):
    pub = citations.publication(fixture_model, "https://example.org/nqpf/", "NQPF")
    return render.environment(lambda kind, item: citations.for_entry(kind, item, pub))


def test_markers_are_filled(fixture_model, env):
    out = pages.fill_markers(env, fixture_model, "other.md", "# A\n\n<!-- nqpf:updated -->\n")
    assert out.startswith("# A\n\n<p class=\"nqpf-updated\" markdown=\"span\">What the sources cover: 2 articles, 12–25 Mar 2024;")
    assert f'datetime="{fixture_model.edited}"' in out


@pytest.mark.parametrize(("markdown", "src_uri", "message"), [
    ("<!-- nqpf:nonsense -->", "other.md",
     "docs/other.md: unknown marker(s) nonsense; known: answer, checks, cite, counts, drivers, key-dates, provinces, updated"),
    ("<!-- nqpf:answer -->", "index.md",
     "docs/index.md: missing marker(s) <!-- nqpf:drivers -->, <!-- nqpf:key-dates -->, <!-- nqpf:provinces -->, <!-- nqpf:updated -->"),
    ("no markers", "about.md",
     "docs/about.md: missing marker(s) <!-- nqpf:checks -->, <!-- nqpf:cite -->, <!-- nqpf:counts -->, <!-- nqpf:updated -->"),
])
def test_unknown_or_missing_marker_is_refused(fixture_model, env, markdown, src_uri, message):
    with pytest.raises(pages.MarkerError) as error:
        pages.fill_markers(env, fixture_model, src_uri, markdown)
    assert str(error.value) == message


def test_a_page_without_markers_is_left_alone(fixture_model, env):
    assert pages.fill_markers(env, fixture_model, "other.md", "# Plain\n") is None


def test_every_kind_has_a_generated_page_with_its_template(fixture_model):
    from nqpf.kinds import KINDS, by_page

    generated = pages.generated(fixture_model)
    for kind in KINDS.values():
        template, _ = generated[kind.page]
        # A kind without a page of its own is shown by its host page's template (outlets by the Sources page's).
        assert template == (kind.template or by_page(kind.page).template) and (render.TEMPLATES / template).is_file()


def test_data_folder_comes_from_nqpf_data(monkeypatch, tmp_path):
    monkeypatch.delenv("NQPF_DATA", raising=False)
    assert Project.at(tmp_path).data == tmp_path.resolve() / "data"
    monkeypatch.setenv("NQPF_DATA", "tests/fixtures/data")
    assert Project.at(tmp_path).data == tmp_path.resolve() / "tests/fixtures/data"


def test_the_project_is_found_from_any_folder_inside_it(tmp_path):
    assert Project.find(ROOT / "scripts" / "nqpf").root == ROOT
    # tests/fixtures is a project of its own: data/ beside seeds/.
    assert Project.find(FIXTURE_DATA).root == FIXTURE_DATA.parent
    # Outside any project, the package's own checkout.
    assert Project.find(tmp_path).root == ROOT


def test_citations_name_every_fact_citing_a_source(fixture_model):
    cited = {(c.page, c.anchor) for c in fixture_model.cited_by["fixture-beta-2024-03-25-hostile"]}
    assert {("people.md", "li-wenhua"), ("figures.md", "rnd-spending-2024"),
            ("provinces.md", "zhejiang"), ("definition.md", "beta-buzzword"), ("definition.md", "names"),
            ("drivers.md", "industries-fixture-beta-2024-03-25-hostile")} <= cited
    assert len(cited) == len(fixture_model.cited_by["fixture-beta-2024-03-25-hostile"])


def test_a_rejected_reading_is_not_what_an_entry_rests_on(fixture_model):
    """The Sources page and the entry's own citation agree: Beta gives only the date we do not use."""
    event = fixture_model.entry("event", "2024-03-05-npc-opens")
    pub = citations.publication(fixture_model, "https://example.org/nqpf/", "NQPF")
    cited = [o.id for o in citations.for_entry("event", event, pub).originals]
    assert cited == fixture_model.sources_of(event) == ["fixture-daily-2024-03-12-explainer"]
    assert ("timeline.md", "2024-03-05-npc-opens") not in {
        (c.page, c.anchor) for c in fixture_model.cited_by["fixture-beta-2024-03-25-hostile"]}


def test_model_indexes_what_refers_to_an_entry(fixture_model):
    assert [e["id"] for e in fixture_model.referring("timeline", "place", "beijing")] == [
        "2024-01-31-politburo-study-session", "2024-03-05-npc-opens"]
    assert [f["id"] for f in fixture_model.referring("concept", "formulations", "zhang-hua")] == ["zhang-core-element"]
    assert fixture_model.curated.root == FIXTURE_DATA


DRAFT = """source: seeds/900_new.txt
add:
  sources:
    - id: xinhua-2026-11-20-harbin
      title: Harbin sets out a plan <for> the new forces
  timeline:
    - id: 2026-11-20-harbin-plan
      title: 'TODO: a one-line title in our own words'
      summary: 'TODO: what the quotes say'
    - id: 2026-11-21-harbin-forum
  people:
    - id: zhao-lixin
extend:
  - file: provinces
    id: heilongjiang
    at: mentions
    add:
      - {source: xinhua-2026-11-20-harbin, summary: 'TODO: one line'}
"""


def test_the_sources_page_counts_a_waiting_draft_apart_from_the_curated_data(fixture_model, env, tmp_path):
    import shutil

    from nqpf.site import Site

    assert not fixture_model.drafts
    def sources_page(site):
        template, context = pages.generated(site)["sources.md"]
        return pages.render(env, site, template, context())

    plain = sources_page(fixture_model)
    assert "Not counted yet" not in plain
    shutil.copytree(FIXTURE_DATA.parent, tmp_path / "fixtures")
    data = tmp_path / "fixtures" / FIXTURE_DATA.name
    (data / "drafts").mkdir()
    (data / "drafts" / "xinhua-2026-11-20-harbin.yaml").write_text(DRAFT, "utf-8")
    site = Site.load(ROOT, data=data)
    # The draft adds nothing to the site: every count stays that of the curated data.
    assert {k: len(v) for k, v in site.of.items()} == {k: len(v) for k, v in fixture_model.of.items()}
    (draft,) = site.drafts
    assert (draft["article"], draft["source"]["id"], draft["new"], draft["added"], draft["todo"]) == (
        "seeds/900_new.txt", "xinhua-2026-11-20-harbin", [(2, "timeline entries"), (1, "person entry")], 1, 3)
    out = sources_page(site)
    note = out[out.index("**Not counted yet:**"):out.index("</div>")]
    assert "1 draft waits" in note and "2 new timeline entries, 1 new person entry, 1 item of evidence" in note
    assert "3 values still to be written" in note and "&lt;for&gt;" in note and "<for>" not in note
