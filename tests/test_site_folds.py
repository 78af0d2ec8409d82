"""What a compact entry folds, on the real site: a long glossary definition under its short one, the
timeline's date reasoning beside the date, and context under its label; nothing folded is lost."""

from __future__ import annotations

import yaml

from conftest import DATA
from sitepages import page

LONG_FOLD = 200  # characters, as glossary.md.j2 sets it


def entries(name):
    return yaml.safe_load((DATA / f"{name}.yaml").read_text("utf-8"))


def test_a_long_definition_is_folded_under_its_short_one(served_site):
    glossary = page(served_site.dir, "glossary")
    terms = entries("glossary")
    folded = {t["id"] for t in terms if len(t.get("long") or "") > LONG_FOLD}
    assert folded and folded != {t["id"] for t in terms}, "some definitions fold and some do not"
    for term in terms:
        (section,) = glossary.find("section", **{"data-term": term["id"]})
        inside = [e for e in glossary.elements if section in e.ancestors]
        mores = [e for e in inside if e.tag == "details" and "nqpf-more" in (e.attrs.get("class") or "")]
        assert len(mores) == (term["id"] in folded), term["id"]
        shown = next(e for e in inside if e.tag == "p" and "nqpf-def" in (e.attrs.get("class") or ""))
        assert shown.text.strip().startswith(term["short"].split()[0]), term["id"]
        if mores:
            assert mores[0].text.strip().startswith("More") and "open" not in mores[0].attrs
            assert term["long"].split()[0] in mores[0].text


def test_the_date_reasoning_is_folded_beside_the_date_it_explains(served_site):
    timeline = page(served_site.dir, "timeline")
    reasoned = [e for e in entries("timeline") if e.get("date_basis")]
    assert reasoned
    for event in reasoned:
        (heading,) = timeline.find(id=event["id"])
        (item,) = [a for a in heading.ancestors if a.tag == "li"]
        folds = [e for e in timeline.elements if item in e.ancestors and e.tag == "details"
                 and "nqpf-date-basis" in (e.attrs.get("class") or "")]
        assert len(folds) == 1 and folds[0].text.strip().startswith("How it was dated"), event["id"]
        assert any("nqpf-entry-meta" in (a.attrs.get("class") or "") for a in folds[0].ancestors), event["id"]


def test_context_is_folded_under_a_label_naming_its_first_page(served_site):
    glossary = page(served_site.dir, "glossary")
    boxes = glossary.find("details", **{"class": "nqpf-context-box"})
    assert boxes
    for box in boxes:
        summary = next(e for e in glossary.elements if e.tag == "summary" and box in e.ancestors)
        assert summary.text.strip().startswith("Context, from ")
        links = [e for e in glossary.elements if e.tag == "a" and box in e.ancestors and e.attrs.get("rel") == "noopener noreferrer"]
        assert links, "the pages behind the context stay linked inside the fold"
        assert not [e for e in glossary.elements if e.tag == "a" and summary in e.ancestors], "a summary holds no link"
