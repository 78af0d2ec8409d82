"""Precision and recall of the extractor on hand-labelled articles (tests/labels/).

The set holds the five seeds and synthetic articles in other formats; see
tests/labels/README.md for how each field is labelled and compared.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from nqpf.extract import Reference, extract
from nqpf.ingest import clean

LABELS = ROOT / "tests" / "labels"
SCORED = ("dates", "places", "people", "figures")
MIN_RECALL, MIN_PRECISION = 0.9, 0.9
CURRENCIES = {"CNY", "USD", "EUR", "GBP", "HKD", "JPY", "KRW", "TWD"}


def _date_text(text: str) -> str:
    text = text.lower()
    text = re.sub(r"^(?:on|in|at|from|since|by|during|until|till|through|around)\s+", "", text)
    return re.sub(r"^the\s+", "", text)


def _date_value(iso: str | None, end: str | None = None) -> str | None:
    return f"{iso}..{end}" if end else iso


def _unit(unit: str) -> str:
    return unit if unit in CURRENCIES or unit == "percent" else "other"


def expected(label: dict) -> dict[str, set]:
    return {
        "dates": {(_date_text(text), value) for text, value in label["dates"]},
        "places": {(name, code) for name, code in label["places"].items()},
        "people": set(label["people"]),
        "figures": {(round(float(amount), 4), unit) for amount, unit in label["figures"]},
    }


def found(record: dict) -> dict[str, set]:
    return {
        "dates": {(_date_text(d["text"]), _date_value(d["iso"], d.get("end"))) for d in record["dates"]},
        "places": {(p["name"], "region" if p["kind"] == "region" else p["code"]) for p in record["places"]},
        "people": {p["name"] for p in record["people"]},
        "figures": {(round(float(f["amount"]), 4), _unit(f["unit"])) for f in record["figures"]},
    }


def load_labels() -> list[dict]:
    return [yaml.safe_load(path.read_text("utf-8")) | {"label_file": path.name} for path in sorted(LABELS.glob("*.yaml"))]


def run_label(label: dict) -> dict:
    path = ROOT / label["file"]
    text = path.read_text("utf-8")
    reference = Reference(dt.date.fromisoformat(label["reference"]), "label") if label.get("reference") else None
    return extract(clean(label["file"], text), text, reference)


def score() -> tuple[dict[str, dict[str, float]], list[str]]:
    totals = {field: {"tp": 0, "fp": 0, "fn": 0} for field in SCORED}
    misses: list[str] = []
    for label in load_labels():
        want, got = expected(label), found(run_label(label))
        for field in SCORED:
            tp = want[field] & got[field]
            totals[field]["tp"] += len(tp)
            totals[field]["fp"] += len(got[field] - want[field])
            totals[field]["fn"] += len(want[field] - got[field])
            misses += [f"{label['label_file']}: {field}: missed {item!r}" for item in sorted(want[field] - got[field], key=str)]
            misses += [f"{label['label_file']}: {field}: extra {item!r}" for item in sorted(got[field] - want[field], key=str)]
    table = {}
    for field, t in totals.items():
        table[field] = {
            "precision": t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0,
            "recall": t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0,
            "labelled": t["tp"] + t["fn"],
        }
    return table, misses


def format_table(table: dict) -> str:
    lines = [f"{'field':<10}{'labelled':>10}{'precision':>11}{'recall':>8}"]
    for field, row in table.items():
        lines.append(f"{field:<10}{row['labelled']:>10}{row['precision']:>11.3f}{row['recall']:>8.3f}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def scored():
    return score()


def test_the_labelled_set_is_varied():
    labels = load_labels()
    assert sum(1 for label in labels if label["file"].startswith("seeds/")) >= 6, "the five seeds and a real article added later"
    assert sum(1 for label in labels if not label["file"].startswith("seeds/")) >= 25
    for label in labels:
        assert (ROOT / label["file"]).is_file(), label["file"]
        assert set(SCORED) <= set(label), label["label_file"]


def test_the_labelled_set_holds_every_way_an_article_is_dated():
    """Header line, byline, dateline, a reference only, and nothing at all."""
    ways = set()
    for label in load_labels():
        record = run_label(label)
        if record["published"]:
            ways.add(record["published"]["basis"])
        else:
            ways.add("reference" if "reference" in record else "undated")
    assert ways == {"header line", "byline", "dateline", "reference", "undated"}


@pytest.mark.parametrize("field", SCORED)
def test_precision_and_recall(scored, field):
    table, misses = scored
    print("\n" + format_table(table))
    print("\n".join(m for m in misses if f": {field}: " in m))
    row = table[field]
    assert row["recall"] >= MIN_RECALL, f"{field} recall {row['recall']:.3f}"
    assert row["precision"] >= MIN_PRECISION, f"{field} precision {row['precision']:.3f}"


if __name__ == "__main__":
    table, misses = score()
    print(format_table(table))
    print("\n".join(misses))
    Path(".").resolve()
