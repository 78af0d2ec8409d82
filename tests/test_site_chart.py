"""Charts of figure series: one scale per chart, time or comparison layout, text alternative."""

from __future__ import annotations

import pytest

from nqpf.web import chart


def figure(id_, value, unit, period, **extra):
    return {"id": id_, "measure": f"Measure {id_}", "value": value, "unit": unit, "period": period, **extra}


@pytest.mark.parametrize(("unit", "expected"), [
    ("billion yuan", (1e9, "yuan")),
    ("trillion yuan", (1e12, "yuan")),
    ("million", (1.0, "million")),
    ("percent", (1.0, "percent")),
])
def test_split_unit(unit, expected):
    assert chart.split_unit(unit) == expected


def test_values_share_the_largest_scale():
    c = chart.chart("s", [figure("a", 832.7, "billion yuan", "2018"), figure("b", 1.6, "trillion yuan", "2023")])
    assert c.kind == "time" and c.unit == "trillion yuan"
    assert [b.value_label for b in c.bars] == ["0.8327", "1.6"]
    assert [b.label for b in c.bars] == ["2018", "2023"]
    assert [t.label for t in c.ticks] == ["0", "0.5", "1", "1.5", "2"]
    assert c.description.endswith("2018: 0.8327; 2023: 1.6.")


def test_bars_follow_the_period_and_heights_the_value():
    c = chart.chart("s", [figure("late", 4, "percent", "2024-03"), figure("early", 2, "percent", "2023-01")])
    assert [b.figure for b in c.bars] == ["early", "late"]
    assert c.bars[1].height == pytest.approx(2 * c.bars[0].height, abs=0.2)
    assert [b.label for b in c.bars] == ["Jan 2023", "Mar 2024"]


def test_a_flagged_figure_is_never_a_data_point():
    """A garbled value (1.6 for 1.06 trillion) drawn as a bar would show spending nearly doubling."""
    figures = [figure("a", 832.7, "billion yuan", "2018", series="s"), figure("b", 1.6, "trillion yuan", "2023", series="s",
                                                                              flag={"issue": "x"}),
               figure("c", 900, "billion yuan", "2020", series="s")]
    (c,) = chart.charts(figures)
    assert [b.figure for b in c.bars] == ["a", "c"]
    assert c.left_out == (("b", "2023"),)
    assert chart.charts(figures[:2]) == [], "one unflagged figure is no series"


def test_one_period_makes_a_comparison_labelled_by_measure():
    c = chart.chart("s", [figure("a", 1.66, "million", "2023-12", period_label="end of 2023"), figure("b", 1.17, "million", "2023-12")])
    assert c.kind == "compare" and c.title == "Figures for end of 2023 compared"
    assert [b.label for b in c.bars] == ["Measure a", "Measure b"]
    assert c.bars[0].width > c.bars[1].width


@pytest.mark.parametrize("figures", [
    [figure("a", 1, "billion yuan", "2020"), figure("b", 5, "percent", "2021")],
    [figure("a", 1, "billion yuan", "2020")],
])
def test_no_chart_when_units_differ_or_one_figure(figures):
    assert chart.chart("s", figures) is None


def test_charts_group_by_series_in_data_order():
    figures = [figure("a", 1, "percent", "2020", series="y"), figure("b", 2, "percent", "2021", series="x"),
               figure("c", 3, "percent", "2022", series="y"), figure("d", 4, "percent", "2022", series="x"),
               figure("e", 4, "percent", "2022")]
    assert [c.series for c in chart.charts(figures)] == ["y", "x"]
