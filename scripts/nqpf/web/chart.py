"""Bar charts of figure series, laid out in Python and drawn as inline SVG.

A series is every figure sharing a ``series`` id. Values are put on one
scale first ("832.7 billion yuan" and "1.6 trillion yuan" become 0.8327 and
1.6 trillion yuan); a series whose units cannot share a scale is not drawn.
A series over time (distinct periods) gets vertical bars labelled by period;
a comparison within one period gets horizontal bars labelled by measure.
A flagged figure (one whose printed value does not add up) is never drawn as a
data point: the chart leaves it out and its caption says so.
The template turns a :class:`Chart` into SVG; the figures table is its text
alternative.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from ..datefmt import short as human_date
from .render import number

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALED = re.compile(r"^(thousand|million|billion|trillion)\s+(.+)$")

WIDTH = 640
TIME_HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 300, 56, 16, 28, 44
ROW, ROW_GAP = 22, 30


@dataclass(frozen=True)
class Bar:
    figure: str
    label: str
    value_label: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True)
class Chart:
    series: str
    kind: str  # "time" (vertical bars by period) or "compare" (horizontal bars by measure)
    title: str
    unit: str
    description: str
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    height: int
    left_out: tuple[tuple[str, str], ...] = ()  # (figure id, label) of flagged figures not drawn
    width: int = WIDTH
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    baseline: int = 0


def split_unit(unit: str) -> tuple[float, str]:
    """``billion yuan`` → ``(1e9, "yuan")``; ``percent`` → ``(1, "percent")``."""
    m = _SCALED.match(unit.strip())
    return (SCALES[m[1]], m[2]) if m else (1.0, unit.strip())


def round_axis(value: float) -> tuple[float, float]:
    """A round step and the first multiple of it at or above ``value``: 3.6 → (1, 4)."""
    if value <= 0:
        return 1.0, 1.0
    raw = value / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(s * magnitude for s in (1, 2, 2.5, 5, 10) if s * magnitude >= raw)
    return step, step * math.ceil(round(value / step, 9))


def _scale_name(scale: float) -> str:
    return next((name for name, size in SCALES.items() if size == scale), "")


def ticks(step: float, top: float, position) -> tuple[Tick, ...]:
    return tuple(Tick(at=round(position(k * step), 1), label=number(round(k * step, 6))) for k in range(round(top / step) + 1))


def _time_chart(series: str, unit: str, points: list[tuple[str, dict, float]]) -> Chart:
    step, top = round_axis(max(v for _, _, v in points))
    baseline = TIME_HEIGHT - BOTTOM
    plot_h = baseline - TOP
    slot = (WIDTH - LEFT - RIGHT) / len(points)
    bar_w = min(72.0, slot * 0.6)
    bars = tuple(
        Bar(
            figure=figure["id"],
            label=figure.get("period_label") or human_date(period),
            value_label=number(round(value, 4)),
            x=round(LEFT + slot * i + (slot - bar_w) / 2, 1),
            y=round(baseline - plot_h * value / top, 1),
            width=round(bar_w, 1),
            height=round(plot_h * value / top, 1),
        )
        for i, (period, figure, value) in enumerate(points)
    )
    title = points[-1][1]["measure"]
    description = (
        f"Bar chart of {title}, in {unit}, from {bars[0].label} to {bars[-1].label}: "
        + "; ".join(f"{b.label}: {b.value_label}" for b in bars) + "."
    )
    axis_ticks = ticks(step, top, lambda v: baseline - plot_h * v / top)
    return Chart(series, "time", title, unit, description, bars, axis_ticks, height=TIME_HEIGHT, baseline=baseline)


def _compare_chart(series: str, unit: str, points: list[tuple[str, dict, float]]) -> Chart:
    step, top = round_axis(max(v for _, _, v in points))
    left, right = 8, WIDTH - 80
    plot_w = right - left
    bars = tuple(
        Bar(
            figure=figure["id"],
            label=figure["measure"],
            value_label=number(round(value, 4)),
            x=left,
            y=TOP + i * (ROW + ROW_GAP) + 18,
            width=round(plot_w * value / top, 1),
            height=ROW,
        )
        for i, (_, figure, value) in enumerate(points)
    )
    period = points[0][1].get("period_label") or human_date(points[0][0])
    title = f"Figures for {period} compared"
    description = f"Horizontal bar chart, in {unit}: " + "; ".join(f"{b.label}: {b.value_label}" for b in bars) + "."
    height = TOP + len(bars) * (ROW + ROW_GAP) + 24
    axis_ticks = ticks(step, top, lambda v: left + plot_w * v / top)
    return Chart(series, "compare", title, unit, description, bars, axis_ticks, height=height, left=left, right=right,
                 baseline=height - 20)


def chart(series: str, figures: list[dict]) -> Chart | None:
    units = [split_unit(f["unit"]) for f in figures]
    if len({base for _, base in units}) != 1 or len(figures) < 2:
        return None
    scale = max(s for s, _ in units)
    unit = f"{_scale_name(scale)} {units[0][1]}".strip()
    points = sorted(
        ((f["period"], f, f["value"] * s / scale) for f, (s, _) in zip(figures, units, strict=True)),
        key=lambda p: p[0],
    )
    over_time = len({period for period, _, _ in points}) == len(points)
    return (_time_chart if over_time else _compare_chart)(series, unit, points)


def charts(figures: list[dict]) -> list[Chart]:
    """A chart for every series with at least two unflagged figures sharing a unit, in data order."""
    by_series: dict[str, list[dict]] = defaultdict(list)
    for figure in figures:
        if figure.get("series"):
            by_series[figure["series"]].append(figure)
    out = []
    for series, items in by_series.items():
        drawn = chart(series, [f for f in items if "flag" not in f])
        if drawn:
            left_out = tuple((f["id"], f.get("period_label") or human_date(f["period"])) for f in items if "flag" in f)
            out.append(dataclasses.replace(drawn, left_out=left_out))
    return out
