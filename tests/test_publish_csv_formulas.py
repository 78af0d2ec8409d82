"""No CSV the site writes starts a cell with a spreadsheet formula: text beginning with =, +, -, @, a tab
or a carriage return gets an apostrophe first, so Excel and LibreOffice show it and never run it.
Numbers stay numbers, negative ones included."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from conftest import FIXTURE_DATA
from nqpf.publish import citations, exports
from nqpf.site import Site

PAYLOADS = ('=HYPERLINK("http://example.invalid","x")', "+1+1", "-2+3", "@SUM(A1:A2)")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    root = tmp_path_factory.mktemp("formulas")
    shutil.copytree(FIXTURE_DATA, root / "data")
    shutil.copytree(FIXTURE_DATA.parent / "seeds", root / "seeds")
    glossary = root / "data" / "glossary.yaml"
    text = glossary.read_text("utf-8")
    first_short = next(line for line in text.splitlines() if line.startswith("  short: "))
    glossary.write_text(text.replace(first_short, f"  short: '{PAYLOADS[0]}'", 1), "utf-8")
    indicators = root / "data" / "indicators.yaml"
    text = indicators.read_text("utf-8")
    text = text.replace("  measures: What the made-up bureau spends on research & development.",
                        f"  measures: '{PAYLOADS[1]}'", 1).replace("  source_body: The made-up bureau", f"  source_body: '{PAYLOADS[2]}'", 1)
    text = text.replace("  note: No source gives 2023, so it stays empty.", f"  note: '{PAYLOADS[3]}'", 1)
    indicators.write_text(text, "utf-8")
    site = Site.load(root)
    pub = citations.Publication("https://example.org/nqpf/", "NQPF", ({"name": "x"},), "2026-12-08")
    return exports.downloads(site, pub, {})


def cells(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")) for cell in row]


def test_no_cell_of_any_csv_starts_a_formula(files):
    written = {name: cells(data) for name, data in files.items() if name.endswith(".csv")}
    assert written
    for name, found in written.items():
        starts = [c for c in found if c[:1] in exports.FORMULA_START]
        assert not starts, f"{name}: {starts[:3]}"


def test_each_payload_is_kept_as_text_behind_an_apostrophe(files):
    everything = {c for name, data in files.items() if name.endswith(".csv") for c in cells(data)}
    for payload in PAYLOADS:
        assert "'" + payload in everything, payload


def test_negative_numbers_stay_numbers():
    assert exports._cell(-2.5) == "-2.5" and exports._cell("-2.5") == "'-2.5"
