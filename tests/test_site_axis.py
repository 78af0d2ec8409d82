"""The timeline's time axis: laid out in Python (nqpf.web.axis), drawn as SVG by the template."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
import yaml

from conftest import FIXTURE_DATA
from nqpf.web import axis
from sitepages import page


def event(ident: str, date: str, precision: str = "day", end: str | None = None, key: bool = False,
          category: str = "meeting") -> dict:
    e = {"id": ident, "date": date, "precision": precision, "title": f"Event {ident}", "category": category, "key": key}
    if end:
        e["end"] = end
    return e


def test_what_each_event_covers():
    assert axis.extent(event("a", "2024-03-05")) == (dt.date(2024, 3, 5), dt.date(2024, 3, 6))
    assert axis.extent(event("b", "2024-03-05", end="2024-03-11")) == (dt.date(2024, 3, 5), dt.date(2024, 3, 12))
    assert axis.extent(event("c", "2023-12", "month")) == (dt.date(2023, 12, 1), dt.date(2024, 1, 1))
    assert axis.extent(event("d", "2024", "year")) == (dt.date(2024, 1, 1), dt.date(2025, 1, 1))
    assert [axis.shape(e) for e in (event("a", "2024-03-05"), event("b", "2024-03-05", end="2024-03-11"),
                                     event("c", "2023-12", "month"), event("d", "2024", "year"))] == [
        "point", "span", "uncertain", "uncertain"]


# About 35 events over 2023-2026, as the timeline will soon hold: clusters at each March's sessions.
def busy_timeline() -> list[dict]:
    events = [event("2012-background", "2012", "year"), event("2023-background", "2023", "year"),
              event("2023-09-tour", "2023-09", "month", key=True)]
    for year in (2024, 2025, 2026):
        events.append(event(f"{year}-03-05-npc", f"{year}-03-05", end=f"{year}-03-11", key=year == 2024))
        events += [event(f"{year}-03-{d:02d}-x{i}", f"{year}-03-{d:02d}") for i, d in enumerate((5, 5, 6, 7, 7, 8, 11))]
        events.append(event(f"{year}-report", str(year), "year"))
    events += [event("2024-07-15-plenum", "2024-07-15", end="2024-07-18", key=True), event("2024-12-cewc", "2024-12", "month"),
               event("2025-10-20-plenum", "2025-10-20", end="2025-10-23"), event("2025-06-plan", "2025-06", "month"),
               event("2024-05-24-tour", "2024-05-24", category="inspection-tour")]
    return events


@pytest.fixture(scope="module")
def busy():
    return axis.layout(busy_timeline())


def test_the_axis_runs_from_september_2023_to_the_end_of_the_latest_events_month(busy):
    assert busy.years[0].text == "2023" and busy.months[0].text == "S"
    assert [y.text for y in busy.years] == ["2023", "2024", "2025", "2026"]
    # The latest event is the 2026 report, dated to the year: the axis runs to the end of 2026.
    assert len(busy.months) == 4 + 12 + 12 + 12
    only_days = axis.layout([event("a", "2023-09-07"), event("b", "2024-03-05", end="2024-03-11")])
    assert [m.text for m in only_days.months] == ["Sept", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]


def test_earlier_years_stand_before_a_break(busy):
    assert [b.text for b in busy.background] == ["2012", "2023"]
    assert busy.break_x is not None and busy.slots[-1][0] + busy.slots[-1][1] < busy.break_x < busy.left
    for mark in busy.marks:
        if mark.id.endswith("background"):
            assert mark.right <= busy.break_x, mark.id
        else:
            assert mark.left >= busy.left - mark.r, mark.id
    assert axis.layout([event("a", "2024-03-05")]).break_x is None


def test_every_mark_is_drawn_inside_the_picture_and_none_overlaps_another(busy):
    assert len(busy.marks) == len(busy_timeline()) >= 35
    for mark in busy.marks:
        assert axis.PAD - 0.1 <= mark.left and mark.right <= axis.WIDTH - axis.PAD + 0.1, mark.id
        assert busy.lanes_top <= mark.y - mark.r and mark.y + mark.r <= busy.axis_y, mark.id
    for a, b in itertools.combinations(busy.marks, 2):
        if a.lane == b.lane:
            assert a.right <= b.left or b.right <= a.left, (a.id, b.id)
    # Thirty-five events with the March clusters stay a band, not a tower.
    assert busy.height <= 320


def test_spans_uncertain_dates_and_key_events_are_drawn_as_such(busy):
    marks = {m.id: m for m in busy.marks}
    npc = marks["2024-03-05-npc"]
    assert npc.shape == "span" and npc.key and npc.r > marks["2025-03-05-npc"].r
    assert marks["2024-03-05-x0"].shape == "point"
    report = marks["2024-report"]
    assert report.shape == "uncertain" and report.width >= 11 * (marks["2024-12-cewc"].width - 1)
    assert "the sources give only the year" in report.label
    assert "the sources give only the month" in marks["2024-12-cewc"].label
    assert marks["2023-09-tour"].label.startswith("September 2023: Event 2023-09-tour (key event)")


def test_title_and_description_say_what_the_picture_shows(busy):
    assert busy.title == "Time axis of the 35 events on this page, September 2023 to December 2026"
    assert "dashed bar" in busy.description and "list below" in busy.description
    assert busy.description.endswith("the earlier background years 2012, 2023.")


def test_captions_are_cut_at_a_word():
    long = event("a", "2024-03-05")
    long["title"] = "A very long title " * 10
    mark = axis.layout([long]).marks[0]
    assert mark.caption.endswith("…") and len(mark.caption) <= axis.CAPTION_CHARS + 1


def test_no_events_no_axis():
    assert axis.layout([]) is None


# -- The axis on the fixture site's timeline page ----------------------------------------------------------

def test_the_timeline_page_draws_every_event_as_a_link_to_its_entry(fixture_site):
    parsed = page(fixture_site, "timeline")
    events = yaml.safe_load((FIXTURE_DATA / "timeline.yaml").read_text("utf-8"))
    (svg,) = parsed.find("svg", class_="nqpf-axis-svg")
    assert svg.attrs["role"] == "group"
    assert [e.text.strip() for e in parsed.find("title") if e.attrs.get("id") == "nqpf-axis-title"]
    assert parsed.find("desc", id="nqpf-axis-desc")
    marks = parsed.find("a", class_="nqpf-axis-mark")
    assert sorted(m.attrs["href"] for m in marks) == sorted(f"#{e['id']}" for e in events)
    ids = set(parsed.ids())
    assert all(m.attrs["href"][1:] in ids for m in marks)
    by_id = {m.attrs["href"][1:]: m for m in marks}
    assert "nqpf-axis-mark--span" in by_id["2024-03-05-npc-opens"].attrs["class"]
    assert "nqpf-axis-mark--uncertain" in by_id["2023-09-heilongjiang-tour"].attrs["class"]
    for e in events:
        mark = by_id[e["id"]]
        assert mark.attrs["data-category"] == e["category"] and mark.attrs["data-year"] == e["date"][:4]
        assert ("nqpf-axis-mark--key" in mark.attrs["class"]) == bool(e.get("key"))
    region = next(e for e in svg.ancestors if e.attrs.get("role") == "region")
    assert "nqpf-axis-scroll" in region.attrs["class"] and region.attrs.get("aria-label")
