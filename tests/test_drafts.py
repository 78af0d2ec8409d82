"""From a new article to curated data: ``draft`` writes a draft and touches nothing else; ``validate``
checks it as if accepted and warns at each TODO; ``accept`` adds lines to the curated files and
changes none, refuses a bad draft with file:line and writes nothing, and does nothing the second time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import DATA, SEEDS, build_in_process, run_cli
from sitepages import page

# A made-up wire report in the shape real scrapes have: the header line, a dateline with a year.
ARTICLE = """ date 2026-11-20
Harbin sets out a plan for new quality productive forces

HARBIN, Nov. 20, 2026 (Xinhua) -- Harbin on Friday published a three-year plan to develop new
quality productive forces in ice and snow equipment, said Zhao Lixin, deputy mayor of the city.

The plan puts 3.5 billion yuan into research on cold-climate batteries by 2028, Zhao said.

On Monday, Heilongjiang Province held a forum of deputies to the National People's Congress (NPC) in Harbin.
"""


@pytest.fixture
def project(tmp_path):
    from nqpf.bench.sites import copy_project

    copy_project(tmp_path)
    shutil.rmtree(tmp_path / "data" / "drafts", ignore_errors=True)
    (tmp_path / "seeds" / "900_harbin.txt").write_text(ARTICLE, "utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def drafted(project) -> Path:
    result = run_cli("draft", "seeds/900_harbin.txt", cwd=project)
    assert result.returncode == 0, result.stderr
    (path,) = (project / "data" / "drafts").glob("*.yaml")
    return path


def fill(path: Path) -> dict:
    """What a curator does: write every TODO, keep what is worth keeping."""
    data = yaml.safe_load(path.read_text("utf-8"))
    source = data["add"]["sources"][0]
    source.update(outlet_basis="The dateline names Xinhua.", language={"quality": "clean", "note": "Made up for the test, in plain English."},
                  url_note="Made up for the test; it has no original.")
    data["add"]["timeline"] = [e for e in data["add"]["timeline"] if e["date"] == "2026-11-20"]
    event = data["add"]["timeline"][0]
    event.update(title="Harbin publishes a three-year plan", category="policy-document",
                 summary="The city published a plan for the new forces in cold-weather equipment.")
    data["add"]["people"][0]["points"][0]["summary"] = "Announced the city's plan and its budget for battery research."
    figure = data["add"]["figures"][0]
    figure.update(period="2028", measure="Harbin's spending on cold-climate battery research")
    data["add"].pop("glossary", None)
    for ext in data.get("extend", []):
        for item in ext["add"]:
            if str(item.get("summary", "")).startswith("TODO:"):
                item["summary"] = "Its province held a forum of national lawmakers in Harbin."
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return data


def test_draft_writes_only_the_draft_with_todos_and_evidence(project):
    before = snapshot(project / "data")
    path = drafted(project)
    after = snapshot(project / "data")
    assert set(after) - set(before) == {f"drafts/{path.name}"} and all(after[k] == v for k, v in before.items())
    draft = yaml.safe_load(path.read_text("utf-8"))
    source = draft["add"]["sources"][0]
    assert (source["outlet"], source["published"], source["published_basis"]) == ("xinhua", "2026-11-20", "header line")
    assert source["title"] == "Harbin sets out a plan for new quality productive forces" and source["title_is_ours"] is False
    assert [n["kind"] for n in source["noise"]] == ["header-line"]
    event = next(e for e in draft["add"]["timeline"] if e["date"] == "2026-11-20")
    assert event["title"].startswith("TODO:") and event["summary"].startswith("TODO:")
    assert event["evidence"][0] == {"source": source["id"], "quote": event["evidence"][0]["quote"]}
    assert "Harbin on Friday published a three-year plan" in event["evidence"][0]["quote"]
    assert draft["add"]["people"][0]["name"] == "Zhao Lixin"
    assert draft["add"]["figures"][0]["value"] == 3.5
    # What matches an existing entry extends it instead of duplicating it.
    extends = {(e["file"], e["id"]) for e in draft["extend"]}
    assert ("provinces", "heilongjiang") in extends and ("glossary", "national-peoples-congress") in extends
    assert not any("national people" in t["term"].lower() for t in draft["add"].get("glossary", []))


def test_validate_warns_at_each_todo_and_passes(project):
    path = drafted(project)
    result = run_cli("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert warnings and all(line.startswith(f"data/drafts/{path.name}:") for line in warnings)
    assert any(": warning: add.timeline.0.title: TODO left: a one-line title in our own words" in line for line in warnings)


def test_accept_adds_lines_only_then_the_site_shows_the_new_entries(project, tmp_path):
    path = drafted(project)
    data = fill(path)
    before = snapshot(project / "data")
    result = run_cli("accept", f"data/drafts/{path.name}", cwd=project)
    assert result.returncode == 0, result.stderr
    assert run_cli("validate", cwd=project).returncode == 0
    for name, old in before.items():
        if name.startswith("drafts/"):
            continue
        new = (project / "data" / name).read_bytes()
        if new != old:  # every old line is still there, in order: the file only gained lines
            old_lines, new_lines = old.decode().splitlines(), iter(new.decode().splitlines())
            assert all(any(line == n for n in new_lines) for line in old_lines), f"data/{name} lost or changed a line"
    changed = {n for n in before if not n.startswith("drafts/") and (project / "data" / n).read_bytes() != before[n]}
    assert changed == {"sources.yaml", "timeline.yaml", "people.yaml", "figures.yaml", "provinces.yaml", "glossary.yaml"}
    event_id = data["add"]["timeline"][0]["id"]
    timeline = yaml.safe_load((project / "data" / "timeline.yaml").read_text("utf-8"))
    assert [e["id"] for e in timeline][-1] == event_id, "a new event goes in date order"
    # The draft keeps nothing accepted, and a second run does nothing.
    assert yaml.safe_load(path.read_text("utf-8"))["add"] == {}
    again = snapshot(project / "data")
    second = run_cli("accept", f"data/drafts/{path.name}", cwd=project)
    assert second.returncode == 0 and "nothing left to accept" in second.stdout
    assert snapshot(project / "data") == again
    # The site shows them.
    out = tmp_path / "site"
    build_in_process(out, data=None, project=project)
    assert event_id in page(out, "timeline").ids()
    assert "zhao-lixin" in page(out, "people").ids()


@pytest.mark.parametrize("break_it, message", [
    (lambda d: d["add"]["timeline"][0]["evidence"][0].update(quote="Harbin published nothing at all today"), "not found in the source"),
    (lambda d: d["add"]["timeline"][0].update(id="2024-01-31-politburo-study-session", date="2024-01-31"), "duplicate id"),
    (lambda d: d["add"]["timeline"][0]["evidence"][0].update(source="no-such-source"), "unknown source id 'no-such-source'"),
    (lambda d: d["add"]["timeline"][0].update(title="TODO: still to write"), "TODO left: still to write (write it before accepting)"),
], ids=["broken-quote", "duplicate-id", "missing-source", "todo-left"])
def test_a_bad_draft_is_refused_with_file_line_and_nothing_is_written(project, break_it, message):
    path = drafted(project)
    data = fill(path)
    break_it(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    before = snapshot(project / "data")
    result = run_cli("accept", f"data/drafts/{path.name}", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if message in line]
    assert lines and all(line.startswith(f"data/drafts/{path.name}:") for line in lines), result.stderr
    assert snapshot(project / "data") == before


def test_a_draft_with_a_tab_is_refused_with_its_line(project):
    path = drafted(project)
    text = path.read_text("utf-8").replace("\n  timeline:", "\n\ttimeline:", 1)
    path.write_text(text, "utf-8")
    before = snapshot(project / "data")
    result = run_cli("accept", f"data/drafts/{path.name}", cwd=project)
    assert result.returncode == 1 and "indent with spaces, not tabs" in result.stderr
    assert result.stderr.startswith(f"data/drafts/{path.name}:")
    assert snapshot(project / "data") == before


def test_only_accepts_the_files_named_and_keeps_the_rest(project):
    path = drafted(project)
    fill(path)
    result = run_cli("accept", f"data/drafts/{path.name}", "--only", "sources,people", cwd=project)
    assert result.returncode == 0, result.stderr
    left = yaml.safe_load(path.read_text("utf-8"))
    assert "sources" not in left["add"] and "people" not in left["add"] and left["add"]["timeline"]


def test_the_real_article_was_drafted_and_accepted():
    """Seed 005, a Global Times page of March 2025, went through draft and accept: its entries cite it."""
    source = "globaltimes-2025-03-03-cppcc-new-quality-productive-forces"
    citing = [name for name in ("timeline", "people", "figures", "provinces", "glossary")
              if source in (DATA / f"{name}.yaml").read_text("utf-8")]
    assert len(citing) >= 3, citing
    assert (SEEDS / "005_4941460956c3f6a9.txt").is_file()
