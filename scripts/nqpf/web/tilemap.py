"""The province map: one equal tile per mainland division, placed roughly as on a map.

Equal tiles give every division the same weight (Shanghai is as visible as
Xinjiang) and need no borders, so nothing on the map can be read as a claim
about a boundary. Positions are (column, row) on an 8 x 8 grid, keyed by the
ISO 3166-2:CN code; row 0 is the north.
"""

from __future__ import annotations

from dataclasses import dataclass

POSITIONS: dict[str, tuple[int, int]] = {
    "CN-HL": (7, 0),
    "CN-NM": (4, 1), "CN-BJ": (5, 1), "CN-LN": (6, 1), "CN-JL": (7, 1),
    "CN-XJ": (0, 2), "CN-GS": (2, 2), "CN-NX": (3, 2), "CN-SX": (4, 2), "CN-HE": (5, 2), "CN-TJ": (6, 2),
    "CN-QH": (1, 3), "CN-SN": (3, 3), "CN-HA": (4, 3), "CN-SD": (5, 3), "CN-JS": (6, 3),
    "CN-XZ": (0, 4), "CN-SC": (2, 4), "CN-CQ": (3, 4), "CN-HB": (4, 4), "CN-AH": (5, 4), "CN-SH": (6, 4),
    "CN-YN": (2, 5), "CN-GZ": (3, 5), "CN-HN": (4, 5), "CN-JX": (5, 5), "CN-ZJ": (6, 5),
    "CN-GX": (3, 6), "CN-GD": (4, 6), "CN-FJ": (5, 6),
    "CN-HI": (4, 7),
}

# Names too long for one line of a tile are split; the full name is the tile's label.
LINES = {"CN-NM": ("Inner", "Mongolia")}

TILE_W, TILE_H, GAP = 88, 56, 4
COLUMNS, ROWS = 8, 8

# What the sources report about a division, strongest first: (key, legend text).
STATUSES = (
    ("plans", "Role or plans reported"),
    ("mentioned", "Mentioned only"),
    ("none", "Nothing reported"),
)


@dataclass(frozen=True)
class Tile:
    code: str
    anchor: str
    name: str
    lines: tuple[str, ...]
    status: str
    status_label: str
    x: int
    y: int


def status(province: dict, events: list[dict]) -> str:
    """``plans`` if a role or plans are reported, ``mentioned`` if anything else is, else ``none``."""
    if province.get("role") or province.get("plans"):
        return "plans"
    if province.get("industries") or province.get("cities") or province.get("mentions") or events:
        return "mentioned"
    return "none"


def tiles(provinces: list[dict], statuses: dict[str, str]) -> list[Tile]:
    """One tile per division with a known position, in reading order (north to south, west to east)."""
    labels = dict(STATUSES)
    out = []
    for province in provinces:
        column, row = POSITIONS[province["code"]]
        key = statuses[province["id"]]
        out.append(Tile(
            code=province["code"],
            anchor=province["id"],
            name=province["name"],
            lines=LINES.get(province["code"], (province["name"],)),
            status=key,
            status_label=labels[key],
            x=column * (TILE_W + GAP),
            y=row * (TILE_H + GAP),
        ))
    return sorted(out, key=lambda t: (t.y, t.x))


def size() -> tuple[int, int]:
    return COLUMNS * (TILE_W + GAP) - GAP, ROWS * (TILE_H + GAP) - GAP
