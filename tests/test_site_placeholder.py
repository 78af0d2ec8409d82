"""Placeholders of skipped entries: each long-list entry gets a size class that the stylesheet defines,
longer entries get taller placeholders, and other markup is left alone."""

from __future__ import annotations

import re
from pathlib import Path

from nqpf.web import placeholder

CSS = (Path(__file__).resolve().parent.parent / "docs" / "stylesheets" / "nqpf.css").read_text("utf-8")


def entry(words: int, blocks: int = 1) -> str:
    body = "".join(f"<p>{'word ' * (words // blocks)}</p>" for _ in range(blocks))
    return f'<section class="nqpf-entry nqpf-source"><h3 id="x">Title</h3>{body}</section>'


def test_every_size_the_estimate_can_give_is_defined_by_the_stylesheet():
    for size in placeholder.SIZES:
        assert re.search(rf"\.nqpf-entry\.nqpf-size-{size} \{{ contain-intrinsic-size: auto {size}rem; \}}", CSS), size


def test_a_longer_entry_gets_a_taller_placeholder_and_a_closed_fold_counts_as_its_summary():
    short, long = placeholder.estimate_rem(entry(10)), placeholder.estimate_rem(entry(900, 12))
    assert placeholder.MIN_REM == short < long <= placeholder.MAX_REM
    folded = '<section class="nqpf-entry nqpf-source"><details><summary>Cite</summary>' + "<p>x</p>" * 300 + "</details></section>"
    assert placeholder.estimate_rem(folded) == placeholder.MIN_REM


def test_sized_marks_each_entry_and_nothing_else():
    html = "<article>" + entry(10) + entry(900, 12) + '<section class="nqpf-topic"><p>other</p></section></article>'
    out = placeholder.sized(html)
    classes = re.findall(r'class="nqpf-entry nqpf-source nqpf-size-(\d+)"', out)
    assert len(classes) == 2 and int(classes[0]) < int(classes[1])
    assert '<section class="nqpf-topic">' in out and placeholder.sized("<p>none</p>") == "<p>none</p>"
