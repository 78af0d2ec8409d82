"""The province tile map: every mainland division placed once, no two on one tile."""

from __future__ import annotations

import pytest

from nqpf.checks.consistency import mainland_codes
from nqpf.web import tilemap


def test_every_mainland_division_is_placed_exactly_once():
    assert set(tilemap.POSITIONS) == mainland_codes()
    assert len(tilemap.POSITIONS) == 31


def test_no_two_divisions_share_a_tile():
    tiles = list(tilemap.POSITIONS.values())
    assert len(tiles) == len(set(tiles))


def test_tiles_lie_on_the_grid():
    for code, (column, row) in tilemap.POSITIONS.items():
        assert 0 <= column < tilemap.COLUMNS and 0 <= row < tilemap.ROWS, code


def test_tiles_are_roughly_where_the_divisions_lie():
    col = {code: c for code, (c, _) in tilemap.POSITIONS.items()}
    row = {code: r for code, (_, r) in tilemap.POSITIONS.items()}
    assert col["CN-XJ"] < col["CN-GS"] < col["CN-SN"] < col["CN-HA"] < col["CN-SD"]  # west to east
    assert row["CN-HL"] < row["CN-BJ"] < row["CN-HA"] < row["CN-HB"] < row["CN-GD"] < row["CN-HI"]  # north to south


@pytest.mark.parametrize(("province", "events", "expected"), [
    ({"role": {"summary": "x"}}, [], "plans"),
    ({"plans": [{"summary": "x"}]}, [], "plans"),
    ({"cities": [{"name": "x"}]}, [], "mentioned"),
    ({"mentions": [{"summary": "x"}]}, [], "mentioned"),
    ({"industries": {"emerging": ["x"]}}, [], "mentioned"),
    ({}, [{"id": "2024-x"}], "mentioned"),
    ({}, [], "none"),
    ({"plans": []}, [], "none"),
])
def test_status_says_what_the_sources_report(province, events, expected):
    assert tilemap.status(province, events) == expected


def test_tiles_are_in_reading_order_with_their_status_label():
    provinces = [{"id": "hainan", "code": "CN-HI", "name": "Hainan"}, {"id": "inner-mongolia", "code": "CN-NM", "name": "Inner Mongolia"}]
    tiles = tilemap.tiles(provinces, {"hainan": "plans", "inner-mongolia": "none"})
    assert [t.anchor for t in tiles] == ["inner-mongolia", "hainan"]
    assert tiles[0].lines == ("Inner", "Mongolia") and tiles[1].lines == ("Hainan",)
    assert tiles[1].status_label == "Role or plans reported"
    assert (tiles[1].x, tiles[1].y) == (4 * (tilemap.TILE_W + tilemap.GAP), 7 * (tilemap.TILE_H + tilemap.GAP))
