"""Bar charts of figure series, laid out in Python and drawn as inline SVG.

A series is every figure sharing a ``series`` id. Values are put on one
scale first ("832.7 billion yuan" and "1.6 trillion yuan" become 0.8327 and
1.6 trillion yuan); a series whose units cannot share a scale is not drawn.
The template turns a :class:`Chart` into SVG; the figures table is its text
alternative.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from .render import human_date, number

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALED = re.compile(r"^(thousand|million|billion|trillion)\s+(.+)$")

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 28, 44


@dataclass(frozen=True)
class Bar:
    figure: str
    label: str
    value_label: str
    flagged: bool
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    series: str
    title: str
    unit: str
    description: str
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    baseline: int = HEIGHT - BOTTOM


def split_unit(unit: str) -> tuple[float, str]:
    """``billion yuan`` → ``(1e9, "yuan")``; ``percent`` → ``(1, "percent")``."""
    m = _SCALED.match(unit.strip())
    return (SCALES[m[1]], m[2]) if m else (1.0, unit.strip())


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _scale_name(scale: float) -> str:
    return next((name for name, size in SCALES.items() if size == scale), "")


def chart(series: str, figures: list[dict]) -> Chart | None:
    units = [split_unit(f["unit"]) for f in figures]
    if len({base for _, base in units}) != 1 or len(figures) < 2:
        return None
    base = units[0][1]
    scale = max(s for s, _ in units)
    unit = f"{_scale_name(scale)} {base}".strip()
    points = sorted(
        ((f["period"], f, f["value"] * s / scale) for f, (s, _) in zip(figures, units, strict=True)),
        key=lambda p: p[0],
    )
    top = _nice_ceiling(max(v for _, _, v in points))
    plot_h = HEIGHT - TOP - BOTTOM
    plot_w = WIDTH - LEFT - RIGHT
    slot = plot_w / len(points)
    bar_w = min(72.0, slot * 0.6)
    bars = []
    for i, (period, figure, value) in enumerate(points):
        height = plot_h * value / top
        bars.append(Bar(
            figure=figure["id"],
            label=figure.get("period_label") or human_date(period),
            value_label=number(round(value, 4)),
            flagged="flag" in figure,
            x=round(LEFT + slot * i + (slot - bar_w) / 2, 1),
            y=round(HEIGHT - BOTTOM - height, 1),
            width=round(bar_w, 1),
            height=round(height, 1),
        ))
    ticks = tuple(
        Tick(y=round(HEIGHT - BOTTOM - plot_h * k / 4, 1), label=number(round(top * k / 4, 4))) for k in range(5)
    )
    first, last = points[0], points[-1]
    description = (
        f"Bar chart of {figures[0]['measure']} in {unit}: "
        + "; ".join(f"{b.label}: {b.value_label}" for b in bars)
        + f". From {human_date(first[0])} to {human_date(last[0])}."
    )
    return Chart(series, figures[0]["measure"], unit, description, tuple(bars), ticks)


def charts(figures: list[dict]) -> list[Chart]:
    """A chart for every series with at least two figures sharing a unit, in data order."""
    by_series: dict[str, list[dict]] = defaultdict(list)
    for figure in figures:
        if figure.get("series"):
            by_series[figure["series"]].append(figure)
    return [c for series, items in by_series.items() if (c := chart(series, items))]
