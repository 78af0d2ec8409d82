"""The timeline's time axis, laid out in Python and drawn as inline SVG by ``timeline.md.j2``.

The axis runs from September 2023, the month the phrase was first used, to the end of the
month of the latest event. Events that begin earlier are background: each of their years gets a
short slot of its own before a break in the axis, so that 2012 does not squeeze eleven years
into the picture. Time is linear within the main axis and within each slot.

Every event is one mark, a link to its entry in the list below (the list is the axis's text
alternative):

- a **point** for an event on one day;
- a **span** from its first to its last day for an event of several days (``end``);
- an **uncertain** span, drawn dashed, covering the whole month or year for an event the
  sources date only to the month or the year.

Key events are drawn larger. Marks that would overlap are stacked in lanes above the axis
(the earliest first, each in the lowest lane where it fits), so any number of events on
the same days stays readable. Months are labelled under the axis by their initial, or by their
abbreviation where a month is wide enough, and years under the months. Everything here is plain
data; the template writes the SVG, and the stylesheet gives it its colours in both palettes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import datefmt

START = dt.date(2023, 9, 1)  # the month Xi first used the phrase, in Heilongjiang

WIDTH = 680          # viewBox width, and the least width (34rem) the stylesheet draws it at
PAD = 10             # left and right margin
SLOT = 46            # width of one background year
BREAK = 22           # the gap that shows the break between background and the main axis
LANE = 18            # height of one lane of marks
TOP = 10             # space above the highest lane
POINT_R, KEY_R = 4.5, 7.0
BAR_H, KEY_BAR_H = 9.0, 13.0
GAP = 3.0            # the least room between two marks in one lane
CAPTION_CHARS = 72   # a caption (shown on hover and focus) longer than this is cut at a word


@dataclass(frozen=True)
class Mark:
    id: str
    title: str
    when: str          # the date in words, at its precision
    label: str         # the mark's accessible name
    caption: str
    category: str
    year: str
    key: bool
    shape: str         # "point", "span" or "uncertain"
    x: float           # a point's centre, a span's left edge
    width: float       # 0 for a point
    lane: int
    y: float           # the centre line of the mark's lane
    r: float           # a point's radius, half a span's height
    caption_x: float
    caption_anchor: str

    @property
    def left(self) -> float:
        return self.x - self.r if self.shape == "point" else self.x

    @property
    def right(self) -> float:
        return self.x + self.r if self.shape == "point" else self.x + self.width


@dataclass(frozen=True)
class Label:
    x: float
    text: str
    anchor: str = "middle"


@dataclass(frozen=True)
class Axis:
    width: int
    height: int
    marks: tuple[Mark, ...]
    axis_y: float
    lanes_top: float
    left: float              # where the main axis starts
    right: float
    background: tuple[Label, ...]   # one per background year, centred in its slot
    slots: tuple[tuple[float, float], ...]  # (x, width) of each background slot
    break_x: float | None
    month_ticks: tuple[float, ...]
    months: tuple[Label, ...]
    year_lines: tuple[float, ...]   # 1 January of each year after the first, on the main axis
    years: tuple[Label, ...]
    month_y: float
    year_y: float
    caption_y: float
    title: str
    description: str


# -- Dates ------------------------------------------------------------------------------------------------

def _month_after(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def extent(event: dict) -> tuple[dt.date, dt.date]:
    """The days an event covers, as [first, after-last): a day, its span, or its whole month or year."""
    parts = [int(p) for p in str(event["date"]).split("-")]
    precision = event.get("precision") or ("day", "month", "year")[3 - len(parts)]
    if precision == "year" or len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0] + 1, 1, 1)
    if precision == "month" or len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        return first, _month_after(first)
    first = dt.date(*parts)
    last = dt.date.fromisoformat(str(event["end"])) if event.get("end") else first
    return first, max(last, first) + dt.timedelta(days=1)


def shape(event: dict) -> str:
    first, after = extent(event)
    if event.get("precision") in ("month", "year") or len(str(event["date"]).split("-")) < 3:
        return "uncertain"
    return "span" if (after - first).days > 1 else "point"


def _cut(text: str, limit: int = CAPTION_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# -- Layout -----------------------------------------------------------------------------------------------

def _lanes(items: list[tuple[float, float]]) -> list[int]:
    """The lowest lane in which each (left, right) interval, taken in order, overlaps nothing."""
    ends: list[float] = []
    out = []
    for left, right in items:
        for lane, end in enumerate(ends):
            if left >= end + GAP:
                ends[lane] = right
                out.append(lane)
                break
        else:
            ends.append(right)
            out.append(len(ends) - 1)
    return out


def layout(events: list[dict], start: dt.date = START) -> Axis | None:
    """The axis for ``events`` (timeline entries), or None when there is nothing to draw."""
    if not events:
        return None
    spans = {e["id"]: extent(e) for e in events}
    background_years = sorted({first.year for first, _ in spans.values() if first < start})
    end = max(after for _, after in spans.values())
    end = end if end.day == 1 else _month_after(end)
    end = max(end, _month_after(start))

    slots = tuple((PAD + i * SLOT, SLOT - 6.0) for i in range(len(background_years)))
    left = PAD + len(background_years) * SLOT + (BREAK if background_years else 0)
    right = WIDTH - PAD
    days = (end - start).days
    scale = (right - left) / days

    def x_of(day: dt.date) -> float:
        if day >= start:
            return left + (day - start).days * scale
        slot_x, slot_w = slots[background_years.index(day.year)]
        year_days = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
        return slot_x + slot_w * (day - dt.date(day.year, 1, 1)).days / year_days

    def x_end(first: dt.date, after: dt.date) -> float:
        if first >= start:
            return x_of(after)
        slot_x, slot_w = slots[background_years.index(first.year)]
        return x_of(after) if after.year == first.year else slot_x + slot_w

    # Geometry first (x, width, radius), then lanes in order of time, longer marks first.
    drafts = []
    for e in events:
        first, after = spans[e["id"]]
        kind = shape(e)
        key = bool(e.get("key"))
        x0, x1 = x_of(first), x_end(first, after)
        if kind == "point":
            r = KEY_R if key else POINT_R
            drafts.append((e, kind, key, (x0 + x1) / 2, 0.0, r))
        else:
            r = (KEY_BAR_H if key else BAR_H) / 2
            width = max(x1 - x0, 2 * r)
            drafts.append((e, kind, key, x0, width, r))
    order = sorted(range(len(drafts)), key=lambda i: (spans[drafts[i][0]["id"]][0], -drafts[i][4], drafts[i][0]["id"]))
    intervals = [(d[3] - d[5], d[3] + d[5]) if d[1] == "point" else (d[3], d[3] + d[4]) for d in (drafts[i] for i in order)]
    lane_of = dict(zip(order, _lanes(intervals), strict=True))
    lanes = max(lane_of.values()) + 1

    lanes_top = TOP
    axis_y = lanes_top + lanes * LANE + 6
    month_y, year_y = axis_y + 15, axis_y + 31
    caption_y = axis_y + 52
    height = int(caption_y + 10)

    marks = []
    for i, (e, kind, key, x, width, r) in enumerate(drafts):
        lane = lane_of[i]
        y = axis_y - 6 - LANE / 2 - lane * LANE
        centre = x if kind == "point" else x + width / 2
        when = datefmt.spell_span(str(e["date"]), e.get("end"))
        precision = {"uncertain": "; the sources give only the " + ("year" if e.get("precision") == "year" else "month"),
                     "span": "", "point": ""}[kind]
        label = f"{when}: {e['title']}{' (key event)' if key else ''}{precision}"
        anchor = "start" if centre < WIDTH / 3 else "end" if centre > 2 * WIDTH / 3 else "middle"
        caption_x = max(PAD, centre - 4) if anchor == "start" else min(WIDTH - PAD, centre + 4) if anchor == "end" else centre
        marks.append(Mark(
            id=e["id"], title=str(e["title"]), when=when, label=label,
            caption=_cut(f"{datefmt.span(str(e['date']), e.get('end'))}: {e['title']}"),
            category=str(e["category"]), year=str(e["date"])[:4], key=key, shape=kind,
            x=round(x, 1), width=round(width, 1), lane=lane, y=round(y, 1), r=r,
            caption_x=round(caption_x, 1), caption_anchor=anchor,
        ))

    # Months and years along the main axis.
    month_ticks, months, year_lines, years = [], [], [], []
    month = start
    wide = (x_of(_month_after(start)) - x_of(start)) >= 26
    while month < end:
        following = _month_after(month)
        x0, x1 = x_of(month), x_of(following)
        month_ticks.append(round(x0, 1))
        name = datefmt.month_name(month.month, "abbreviated" if wide else "narrow")
        months.append(Label(round((x0 + x1) / 2, 1), name))
        if month.month == 1 or month == start:
            years.append(Label(round(x0 + 1, 1), str(month.year), "start"))
            if month != start:
                year_lines.append(round(x0, 1))
        month = following
    month_ticks.append(round(x_of(end), 1))

    background = tuple(Label(round(x + w / 2, 1), str(y)) for (x, w), y in zip(slots, background_years, strict=True))
    count = len(events)
    last = end - dt.timedelta(days=1)
    span_text = f"{datefmt.month_name(start.month)} {start.year} to {datefmt.month_name(last.month)} {last.year}"
    title = f"Time axis of the {count} event{'s' if count != 1 else ''} on this page, {span_text}"
    before = (f" Before the break in the axis, the earlier background year{'s' if len(background_years) > 1 else ''} "
              f"{', '.join(map(str, background_years))}.") if background_years else ""
    description = (
        "Each mark is an event and links to its entry in the list below, which gives every event in words. "
        "A dot is an event on one day, a bar an event of several days, and a dashed bar an event the sources date "
        "only to the month or the year, drawn across that whole month or year. Larger marks are key events."
        + before
    )
    return Axis(
        width=WIDTH, height=height, marks=tuple(marks), axis_y=round(axis_y, 1), lanes_top=lanes_top,
        left=round(left, 1), right=right, background=background, slots=tuple((round(x, 1), w) for x, w in slots),
        break_x=round(left - BREAK / 2, 1) if background_years else None,
        month_ticks=tuple(month_ticks), months=tuple(months), year_lines=tuple(year_lines), years=tuple(years),
        month_y=month_y, year_y=year_y, caption_y=caption_y, title=title, description=description,
    )
