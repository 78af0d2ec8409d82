"""Charts of indicator series, laid out in Python and drawn as inline SVG by the Indicators template.

A series over time gets one slot per period from its first to its last: a period no source gives stays
an empty slot, drawn as a gap and named in the text alternative. The value shown for a period is the
final one; where a preliminary value was revised, a mark at the preliminary height says so. A floor
("more than 3 trillion") is labelled as one. A plan's target is a dashed line. A series of divisions
gets horizontal bars, largest first. Every bar links to its row of the table beside the chart, where
its evidence is.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kinds import shown_values
from .chart import Tick, round_axis, ticks
from .render import number

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 24, 28, 44
ROW, ROW_GAP, NAME_W = 18, 8, 112


@dataclass(frozen=True)
class Bar:
    anchor: str      # the id of the value's row in the table
    label: str       # the period or the division
    value_label: str
    x: float
    y: float
    width: float
    height: float
    revised_y: float | None = None  # where the preliminary value stood, for a revised period


@dataclass(frozen=True)
class Gap:
    label: str
    x: float


@dataclass(frozen=True)
class Line:
    label: str
    y: float


@dataclass(frozen=True)
class SeriesChart:
    series: str
    kind: str  # "time" or "divisions"
    unit: str
    description: str
    bars: tuple[Bar, ...]
    gaps: tuple[Gap, ...]
    targets: tuple[Line, ...]
    ticks: tuple[Tick, ...]
    height: int
    left: float
    right: float
    top: float
    baseline: float
    width: int = WIDTH


def value_anchor(series: str, value: dict) -> str:
    """The id of a value's row: ``rd-spending-2023``, ``rd-spending-2023-preliminary`` for a revised
    period's first figure, ``industrial-rd-by-division-2010-beijing`` for a division's."""
    parts = [series, str(value["period"])]
    if value.get("division"):
        parts.append(str(value["division"]))
    if value.get("revision") == "preliminary":
        parts.append("preliminary")
    return "-".join(parts)


def value_label(value: dict) -> str:
    return ("more than " if value.get("bound") == "at-least" else "") + number(value["value"])


def _years(first: str, last: str) -> list[str]:
    return [str(y) for y in range(int(first), int(last) + 1)]


def time_chart(series: dict) -> SeriesChart:
    shown = shown_values(series)
    by_period = {str(v["period"]): v for v in shown}
    preliminary = {str(v["period"]): v for v in series["values"] if v.get("revision") == "preliminary"}
    periods = _years(min(by_period), max(by_period)) if series.get("frequency") == "year" else sorted(by_period)
    targets = [t for t in series.get("targets") or []]
    step, top = round_axis(max([float(v["value"]) for v in series["values"]] + [float(t["value"]) for t in targets]))
    baseline, plot_h = HEIGHT - BOTTOM, HEIGHT - BOTTOM - TOP
    slot = (WIDTH - LEFT - RIGHT) / len(periods)
    bar_w = min(56.0, slot * 0.6)

    def y(v: float) -> float:
        return round(baseline - plot_h * v / top, 1)

    bars, gaps = [], []
    for i, period in enumerate(periods):
        x = round(LEFT + slot * i + (slot - bar_w) / 2, 1)
        value = by_period.get(period)
        if value is None:
            gaps.append(Gap(period, round(x + bar_w / 2, 1)))
            continue
        prelim = preliminary.get(period) if value.get("revision") == "final" else None
        bars.append(Bar(value_anchor(series["id"], value), period, value_label(value), x, y(float(value["value"])), round(bar_w, 1),
                        round(baseline - y(float(value["value"])), 1), revised_y=y(float(prelim["value"])) if prelim else None))
    lines = tuple(Line(f"target {number(t['value'])} ({t['plan'].split(' (')[0]}, {t['period']})", y(float(t["value"]))) for t in targets)
    described = "; ".join(
        f"{b.label}: {b.value_label}" + (" (revised; the preliminary figure is marked)" if b.revised_y is not None else "") for b in bars)
    description = f"Bar chart of {series['title']}, in {series['unit']}, {periods[0]} to {periods[-1]}: {described}."
    if gaps:
        description += " No value for " + ", ".join(g.label for g in gaps) + "."
    if lines:
        description += " Dashed lines: " + "; ".join(line.label for line in lines) + "."
    return SeriesChart(series["id"], "time", series["unit"], description, tuple(bars), tuple(gaps), lines, ticks(step, top, y), HEIGHT,
                       LEFT, WIDTH - RIGHT, TOP, baseline)


def division_chart(series: dict, names: dict[str, str]) -> SeriesChart:
    shown = sorted(shown_values(series), key=lambda v: -float(v["value"]))
    step, top = round_axis(max(float(v["value"]) for v in shown))
    left, right = NAME_W, WIDTH - 72
    plot_w = right - left
    bars = tuple(
        Bar(value_anchor(series["id"], v), names.get(str(v["division"]), str(v["division"])), value_label(v), left,
            TOP + i * (ROW + ROW_GAP), round(plot_w * float(v["value"]) / top, 1), ROW)
        for i, v in enumerate(shown)
    )
    height = int(TOP + len(bars) * (ROW + ROW_GAP) + 28)
    baseline = height - 24
    description = (f"Horizontal bar chart of {series['title']}, in {series['unit']}, largest first: "
                   + "; ".join(f"{b.label}: {b.value_label}" for b in bars) + ".")
    return SeriesChart(series["id"], "divisions", series["unit"], description, bars, (), (),
                       ticks(step, top, lambda v: left + plot_w * v / top), height, left, right, TOP, baseline)


def chart(series: dict, names: dict[str, str]) -> SeriesChart:
    if any(v.get("division") for v in series["values"]):
        return division_chart(series, names)
    return time_chart(series)
