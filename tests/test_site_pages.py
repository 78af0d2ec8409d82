"""The reading site built from the fixture: anchors, structure and behaviour hooks of each page."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import FIXTURE_DATA
from sitepages import PAGES, page, parse


def data(name):
    return yaml.safe_load((FIXTURE_DATA / f"{name}.yaml").read_text("utf-8"))


def concept_ids():
    c = data("concept")
    return {
        "definition": [f["id"] for f in c["formulations"]] + [p["id"] for p in c["basic_meaning"]["components"]]
        + ["names", "official-definition", "basic-meaning", "hallmark", "core", "key", "essence", "why-it-matters"],
        "drivers": [d["id"] for d in c["drivers"]] + [m["id"] for m in c["measures"]]
        + [f"industries-{i['source']}" for i in c["industries"]],
    }


# Every entry of every data file, and the page whose element ids must include it.
ANCHORS = [
    ("timeline", lambda: [e["id"] for e in data("timeline")]),
    ("glossary", lambda: [t["id"] for t in data("glossary")]),
    ("provinces", lambda: [p["id"] for p in data("provinces")]),
    ("people", lambda: [p["id"] for p in data("people")]),
    ("figures", lambda: [f["id"] for f in data("figures")]),
    ("sources", lambda: [s["id"] for s in data("sources")] + [f"outlet-{o['id']}" for o in data("outlets")]),
    ("indicators", lambda: [i["id"] for i in data("indicators")] + [f"index-{i['id']}" for i in data("indices")]
     + ["fixture-rd-spending-2022", "fixture-rd-spending-2022-preliminary", "fixture-rd-spending-2024",
        "fixture-rd-by-division-2023-beijing", "index-systems", "index-leaders"]),
    ("debate", lambda: [v["id"] for v in data("debate")] + [f"topic-{t['id']}" for t in data("topics")] + ["holders"]),
    ("definition", lambda: concept_ids()["definition"]),
    ("drivers", lambda: concept_ids()["drivers"]),
]


@pytest.mark.parametrize(("name", "ids"), ANCHORS, ids=[a[0] for a in ANCHORS])
def test_every_entry_has_its_id_as_anchor(fixture_site, name, ids):
    present = set(page(fixture_site, name).ids())
    missing = [i for i in ids() if i not in present]
    assert not missing, f"{name}: no element with id {missing}"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_ids_are_unique_and_headings_never_numbered(fixture_site, name):
    parsed = page(fixture_site, name)
    ids = parsed.ids()
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted({i for i in ids if ids.count(i) > 1})}"
    for heading in (e for e in parsed.elements if re.fullmatch(r"h[1-6]", e.tag)):
        if "md-content" in (heading.attrs.get("class") or ""):
            continue
        hid = heading.attrs.get("id") or ""
        # Python-Markdown numbers ids it cannot slug: "_1", "_2", or "title_1" for a repeated title.
        assert hid and not re.fullmatch(r"_\d+|.+_\d+", hid), (
            f"<{heading.tag}> {heading.text.strip()!r} has id {hid!r}: give it an explicit id"
        )


def test_timeline_shows_each_date_at_its_precision(fixture_site):
    events = {e.attrs["id"]: e for e in page(fixture_site, "timeline").find("h4")}
    assert set(events) == {e["id"] for e in data("timeline")}
    times = [t.text for t in page(fixture_site, "timeline").find("time")]
    assert {"Sept 2023", "2024", "31 Jan 2024", "5–11 Mar 2024"} <= set(times)


def test_timeline_groups_by_year_and_month(fixture_site):
    parsed = page(fixture_site, "timeline")
    assert [h.attrs["id"] for h in parsed.find("h2")] == ["year-2023", "year-2024"]
    assert [h.text.strip("¶ ") for h in parsed.find("h3")] == ["September 2023", "2024, month not given", "January 2024", "March 2024"]


def test_timeline_conflict_shows_both_readings_and_the_choice(fixture_site):
    conflict = page(fixture_site, "timeline").find("div", class_="nqpf-conflict")[0]
    text = " ".join(conflict.text.split())
    assert "The sources disagree on the date. We use 5 Mar 2024:" in text
    assert "5 Mar 2024 (used here)" in text and "6 Mar 2024" in text


def test_timeline_filter_is_a_hidden_form_and_every_event_shows_without_script(fixture_site):
    parsed = page(fixture_site, "timeline")
    form = parsed.find("form", class_="nqpf-timeline-filter")[0]
    assert "hidden" in form.attrs
    assert [o.attrs["value"] for o in parsed.find("option") if o.attrs["value"]] == [
        "inspection-tour", "legislative-session", "meeting", "publication", "study-session", "2023", "2024"]
    events = parsed.find("li", class_="nqpf-event")
    assert len(events) == len(data("timeline"))
    assert all("hidden" not in e.attrs and e.attrs["data-category"] and e.attrs["data-year"] for e in events)


def test_tilemap_has_a_named_link_per_division(fixture_site):
    parsed = page(fixture_site, "provinces")
    svg = parsed.find("svg", class_="nqpf-tilemap")
    assert len(svg) == 1
    tiles = [e for e in parsed.find("a") if "nqpf-tile" in (e.attrs.get("class") or "")]
    assert len(tiles) == 31
    ids = set(parsed.ids())
    for tile in tiles:
        assert tile.attrs["href"][1:] in ids
        assert re.fullmatch(r"[A-Z][\w ()]+: (role or plans reported|mentioned only|nothing reported)", tile.attrs["aria-label"])
    labels = {t.attrs["href"]: t.attrs["aria-label"] for t in tiles}
    assert labels["#guangdong"] == "Guangdong: role or plans reported"
    assert labels["#zhejiang"] == "Zhejiang: mentioned only"
    assert labels["#heilongjiang"] == "Heilongjiang: mentioned only"
    assert labels["#tibet"] == "Tibet: nothing reported"


def test_province_without_reports_says_so(fixture_site):
    section = next(s for s in page(fixture_site, "provinces").find("section") if "Tianjin" in s.text)
    assert "The sources report nothing about Tianjin yet." in section.text


def test_glossary_has_a_to_z_jump_links(fixture_site):
    parsed = page(fixture_site, "glossary")
    nav = parsed.find("nav", class_="nqpf-az")[0]
    links = [a.attrs["href"] for a in parsed.find("a") if a.attrs.get("href", "").startswith("#letter-")]
    assert "#letter-t" in links and nav.text.split()[:3] == ["A", "B", "C"]
    ids = set(parsed.ids())
    assert all(link[1:] in ids for link in links)


def test_first_use_of_a_term_links_to_the_glossary_with_a_tooltip(fixture_site):
    parsed = page(fixture_site, "definition")
    terms = parsed.find("a", class_="nqpf-term")
    tfp = [t for t in terms if t.attrs["href"] == "../glossary/#total-factor-productivity"]
    assert len(tfp) == 1
    tip = parsed.find("span", id=tfp[0].attrs["aria-describedby"])[0]
    assert tip.attrs["role"] == "tooltip"
    assert tip.text == next(t["short"] for t in data("glossary") if t["id"] == "total-factor-productivity")
    hrefs = [t.attrs["href"] for t in terms]
    assert len(hrefs) == len(set(hrefs)), "a term is linked more than once on one page"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_terms_are_never_linked_in_headings_links_code_quotes_or_chinese(fixture_site, name):
    for term in page(fixture_site, name).find("a", class_="nqpf-term"):
        for outer in term.ancestors:
            assert outer.tag not in ("h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "blockquote", "svg"), (
                f"{name}: {term.text!r} is linked inside <{outer.tag}>"
            )
            assert not (outer.attrs.get("lang") or "").startswith("zh"), f"{name}: {term.text!r} is linked in Chinese text"


def test_sources_page_lists_the_facts_citing_each_source(fixture_site):
    parsed = page(fixture_site, "sources")
    cited = {e.attrs["id"]: e for e in parsed.find("h4")}
    assert "Facts that cite it (" in cited["fixture-daily-2024-03-12-explainer-cited-by"].text
    links = {a.attrs["href"] for a in parsed.find("a")}
    for href in ("../timeline/#2024-03-05-npc-opens", "../glossary/#total-factor-productivity", "../people/#li-wenhua",
                 "../figures/#rnd-spending-2024", "../provinces/#guangdong", "../definition/#official-definition",
                 "../drivers/#industries-fixture-beta-2024-03-25-hostile"):
        assert href in links, f"the sources page does not link {href}"


def test_debate_shows_each_topic_with_its_frame_its_count_per_side_and_its_holders(fixture_site):
    parsed = page(fixture_site, "debate")
    topic = next(s for s in parsed.find("section", class_="nqpf-topic"))
    text = " ".join(topic.text.split())
    # The question is the heading (its markup escaped), then the frame, then the count per side.
    heading = next(h for h in parsed.find("h2") if h.attrs.get("id") == "topic-overcapacity")
    assert "Do the made-up factories build too much <em>stuff</em>?" in heading.text
    for part in ("What both sides accept. Both sides accept that the factories are large.",
                 "What they dispute. Whether they build more than is sold.",
                 "What would settle it. A count of unsold made-up goods.",
                 "2 views; officials and state media: 1; other voices: 1."):
        assert part in text, part
    # A view names its holder's outlet and kind from the registry, and its side; a reply says where its source says so.
    answer = next(s for s in parsed.find("section", class_="nqpf-view") if "made-up ministry answered" in s.text)
    answer_text = " ".join(answer.text.split())
    assert "Officials and state media · Fixture Gazette, Chinese Party or government body" in answer_text
    assert "Answers: Fixture Review, an analysis house <b>bold</b>. The gazette names the Review's note" in answer_text
    review = next(s for s in parsed.find("section", class_="nqpf-view") if "Fixture Review argued" in s.text)
    assert "Other voices · Fixture Review <i>italic</i>, think tank (tied to a made-up university)" in " ".join(review.text.split())
    # The index of holders links each outlet's entry and all its views.
    holders = [li for li in parsed.find("li") if any(a.tag == "div" and "nqpf-holders" in (a.attrs.get("class") or "")
                                                     for a in li.ancestors)]
    assert len(holders) == 2
    hrefs = {a.attrs["href"] for a in parsed.find("a") if any(x in holders for x in a.ancestors)}
    assert {"../sources/#outlet-fixture-review", "../sources/#outlet-fixture-gazette", "#fixture-review-overcapacity",
            "#fixture-gazette-answer"} <= hrefs


def test_indicators_page_charts_each_series_with_gaps_revisions_and_targets(fixture_site):
    parsed = page(fixture_site, "indicators")
    desc = next(e for e in parsed.find("desc") if e.attrs.get("id") == "chart-fixture-rd-spending-desc").text
    # The final figure is charted (a floor says so), the preliminary one is marked, the empty year is named.
    assert "2022: more than 3 (revised; the preliminary figure is marked)" in desc and "No value for 2023." in desc
    assert "Dashed lines: target 4 (The made-up five-year plan, 2021/2025)." in desc
    svg = next(e for e in parsed.find("svg") if e.attrs.get("aria-labelledby", "").startswith("chart-fixture-rd-spending-title"))
    assert svg.attrs["role"] == "img"
    gaps = [e for e in parsed.find("text", class_="nqpf-chart-gap")]
    assert [g.text for g in gaps] == ["no value"]
    assert len(parsed.find("line", class_="nqpf-chart-revised")) == 1 and len(parsed.find("line", class_="nqpf-chart-target")) == 1
    # Every charted value links to its row, where its evidence is; the revised preliminary row is kept, marked.
    caption = next(f for f in parsed.find("figure") if f.attrs.get("id") == "chart-fixture-rd-spending")
    links = {a.attrs["href"] for a in parsed.find("a") if caption in a.ancestors}
    assert links == {"#fixture-rd-spending-2022", "#fixture-rd-spending-2024"}
    superseded = next(r for r in parsed.find("tr") if r.attrs.get("id") == "fixture-rd-spending-2022-preliminary")
    assert "nqpf-superseded" in superseded.attrs.get("class", "") and "preliminary, revised: not shown" in superseded.text
    target = " ".join(next(t for t in parsed.find("table", class_="nqpf-targets")).text.split())
    assert "at least 4" in target and "2021–2025 (a year on average)" in target and "target was in reach" in target
    # Divisions: largest first, named; the index systems side by side, who leads in each.
    division_desc = next(e for e in parsed.find("desc") if e.attrs.get("id") == "chart-fixture-rd-by-division-desc").text
    assert "largest first: Beijing: 6.7; Guangdong: 3.4." in division_desc
    leaders = " ".join(next(t for t in parsed.find("table", class_="nqpf-index-leaders")).text.split())
    assert "Beijing named as leading not named" in leaders and "Guangdong not named named as leading" in leaders
    heading = next(h for h in parsed.find("h3") if h.attrs.get("id") == "index-fixture-index-a")
    assert "A made-up index <i>italic</i>" in heading.text


def test_provinces_page_shows_each_divisions_indicator_values(fixture_site):
    parsed = page(fixture_site, "provinces")
    heading = next(h for h in parsed.find("h4") if h.attrs.get("id") == "beijing-indicators")
    assert heading
    links = {a.attrs["href"]: a.text for a in parsed.find("a")}
    assert links["../indicators/#fixture-rd-by-division-2023-beijing"] == "Made-up R&D intensity by division"


def test_about_page_counts_sources_as_the_articles_and_public_pages_it_describes(fixture_site):
    text = " ".join(page(fixture_site, "about").find("article")[0].text.split())
    counted = int(re.search(r"(\d+) sources \(articles and public pages\)", text)[1])
    articles, public = (int(n) for n in re.search(r"What the sources cover: (\d+) articles?, .*?; (\d+) public pages", text).groups())
    assert counted == articles + public == len(data("sources"))
    assert "source articles" not in text


def test_people_page_explains_name_corrections(fixture_site):
    person = next(s for s in page(fixture_site, "people").find("section") if "Li Wenhua" in s.text)
    text = " ".join(person.text.split())
    assert "Name correction." in text and "prints “Li Wenhau”" in text and "李文华" in text


def test_figures_page_has_a_chart_with_text_alternatives_and_flags(fixture_site):
    parsed = page(fixture_site, "figures")
    charts = parsed.find("figure", class_="nqpf-chart")
    # The R&D series has one sound figure beside a flagged one: a flagged value is never drawn, so no chart.
    assert [c.attrs["id"] for c in charts] == ["chart-fiscal-st-spending"]
    svg = [s for s in parsed.find("svg") if s.attrs.get("role") == "img"]
    for chart in svg:
        title, desc = chart.attrs["aria-labelledby"].split()
        assert parsed.find(id=title) and parsed.find(id=desc)
    assert "Check:" in parsed.find("tr", id="rnd-spending-2024")[0].text
    assert "nqpf-flagged" in parsed.find("tr", id="rnd-spending-2024")[0].attrs["class"]


def test_home_answers_and_links_every_done_when_item(fixture_site):
    parsed = page(fixture_site, "home")
    text = " ".join(parsed.find("article")[0].text.split())
    assert "新质生产力 xīn zhì shēngchǎnlì" in text
    assert "Advanced productivity led by innovation that leaves the old growth path behind." in text
    # What the sources cover, and an edit date nobody takes for the end of that coverage.
    assert "What the sources cover: 2 articles, 12–25 Mar 2024; 3 public pages cited as references, Mar 2025 – 12 Mar 2026." in text
    assert "Last edited 1 Apr 2024: the date of the last change to the data, not of the news it covers." in text
    hrefs = {a.attrs["href"] for a in parsed.find("a")}
    for href in ("definition/", "timeline/#2023-09-heilongjiang-tour", "provinces/#guangdong", "glossary/",
                 "glossary/#total-factor-productivity", "sources/#fixture-daily-2024-03-12-explainer",
                 "drivers/#technology-breakthroughs"):
        assert href in hrefs, f"the home page does not link {href}"
    key_dates = parsed.find("ol", class_="nqpf-key-dates")[0]
    assert key_dates.text.count("\n") >= 5 and "Sept 2023" in key_dates.text


def test_no_page_loads_anything_from_another_host(fixture_site):
    for path in fixture_site.rglob("*.html"):
        parsed = parse(path.read_text("utf-8"))
        for e in parsed.elements:
            loads = e.tag == "link" and not {"canonical", "alternate"} & set((e.attrs.get("rel") or "").split())
            url = e.attrs.get("src") or (e.attrs.get("href") if loads else None) or ""
            assert not re.match(r"^(?:https?:)?//", url), f"{path.relative_to(fixture_site)} loads {url}"


def test_not_found_page_links_home_under_the_sub_path(fixture_site):
    links = [a for a in page(fixture_site, "404").find("a") if any(o.tag == "article" for o in a.ancestors)]
    hrefs = {a.attrs["href"] for a in links}
    assert {"/nqpf/", "/nqpf/glossary/", "/nqpf/timeline/"} <= hrefs


def test_about_page_lists_every_rule_of_the_validator(fixture_site):
    from nqpf.web.pages import RULES

    about = page(fixture_site, "about")
    rules = about.find("ol", class_="nqpf-rules")[0]
    items = [e.text for e in about.find("li") if any(outer is rules for outer in e.ancestors)]
    assert items == [" ".join(rule.__doc__.split()) for rule in RULES]
    assert items[0] == "Every data file matches data/schemas/<name>.schema.json."


def test_the_glossarys_table_of_contents_lists_letters_not_terms(fixture_site):
    """The A-Z index and the letters are the glossary's navigation; 74 term links more in the sidebar
    made each of Material's scroll-spy updates read 74 offsets more."""
    parsed = page(fixture_site, "glossary")
    toc = [e.attrs["href"] for e in parsed.find("a", class_="md-nav__link")
           if any("md-nav--secondary" in (a.attrs.get("class") or "") for a in e.ancestors)]
    terms = [t["id"] for t in data("glossary")]
    assert toc and all(href.startswith("#letter-") or href == "#glossary" for href in toc), toc
    assert not set(terms) & {href[1:] for href in toc}
    assert set(terms) <= set(parsed.ids())
    provinces = page(fixture_site, "provinces")
    assert any(e.attrs.get("href") == f"#{data('provinces')[0]['id']}" for e in provinces.find("a", class_="md-nav__link"))
