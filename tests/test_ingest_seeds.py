"""Cleaning the five real seed articles."""

from __future__ import annotations

import pytest

from conftest import SEEDS
from nqpf.ingest import clean
from nqpf.ingest.typography import fold
from nqpf.rawtext import read_text


def article(name: str):
    text, problems = read_text(SEEDS / name)
    assert not problems
    return clean(name, text), text.split("\n")


FIRST_BODY = {
    "000_3f91241d5409e152.txt": "Xi Jinping, General Secretary of the Central Committee of the Communist Party of China (CPC), calls for",
    "001_647f02aee0c9e382.txt": '"New quality productive capacity" is the catchphrase that defines two recently concluded',
    "002_8182cdfbd94dcf82.txt": "Since 2012, China has witnessed an extraordinary economic transition",
    "003_2082eeafcca6b19f.txt": "The development of new productive forces is an essential requirement and a key focus",
    "004_c644d251e1e23a76.txt": "Experts and enterprises believe that by focusing on developing new productive capacity",
}


@pytest.mark.parametrize("name, start", FIRST_BODY.items())
def test_first_body_paragraph(name, start):
    cleaned, _ = article(name)
    first = next(p for p in cleaned.paragraphs if p.kind == "body")
    assert first.text.startswith(start)


@pytest.mark.parametrize("name", sorted(FIRST_BODY))
def test_every_paragraph_maps_back_to_its_raw_lines(name):
    cleaned, raw = article(name)
    for paragraph in cleaned.paragraphs:
        source = fold(" ".join(raw[n - 1] for n in paragraph.lines))
        assert fold(paragraph.text) in source, (paragraph.lines, paragraph.text[:60])


@pytest.mark.parametrize("name", sorted(FIRST_BODY))
def test_no_line_is_both_kept_and_removed(name):
    cleaned, raw = article(name)
    kept = [n for p in cleaned.paragraphs for n in p.lines]
    removed = [n for r in cleaned.removed for n in r.lines]
    assert len(kept) == len(set(kept))
    assert not set(kept) & set(removed)
    non_blank = {i + 1 for i, line in enumerate(raw) if line.strip()}
    assert set(kept) | set(removed) == non_blank


def test_php_warnings_are_gone_and_counted():
    cleaned, raw = article("002_8182cdfbd94dcf82.txt")
    assert not any("Undefined array key" in p.text or "media.php" in p.text for p in cleaned.paragraphs)
    warnings = [n for r in cleaned.removed if r.kind == "php-warning" for n in r.lines]
    assert len(warnings) == sum("Undefined array key" in line for line in raw) == 164
    assert min(warnings) == 4 and max(warnings) == 330


def test_comment_form_footer_is_dropped():
    cleaned, _ = article("002_8182cdfbd94dcf82.txt")
    assert [r.lines for r in cleaned.removed if r.kind == "comment-form"] == [[401, 403]]
    assert cleaned.paragraphs[-1].text.startswith("Underscoring such policy support")


def test_headline_and_subheadings_of_the_global_times_article():
    cleaned, _ = article("002_8182cdfbd94dcf82.txt")
    assert cleaned.headline.text.startswith("Xiconomics in Practice: Xi puts new quality productive forces")
    assert cleaned.headline.lines == [1]
    headings = [p.text for p in cleaned.paragraphs if p.kind == "heading"]
    assert headings == ["Editor's Note:", "Top leader's focus at two sessions", "From concept to action", "Solid progress, great potential"]


def test_adjacent_lines_without_blank_stay_separate_paragraphs():
    cleaned, _ = article("002_8182cdfbd94dcf82.txt")
    by_line = {p.lines[0]: p for p in cleaned.paragraphs}
    assert by_line[338].lines == [338] and by_line[339].text.startswith("This year's two sessions")
    assert by_line[370].kind == "heading"


def test_header_line_and_dateline_of_the_wire_release():
    cleaned, _ = article("000_3f91241d5409e152.txt")
    assert cleaned.header_date == "2024-02-06"
    assert [r.lines for r in cleaned.removed] == [[1]]
    assert cleaned.dateline.place == "BEIJING"
    assert cleaned.dateline.agency == "PRNewswire"
    assert cleaned.dateline.iso == "2024-02-06"
    assert cleaned.published == ("2024-02-06", "header line")


@pytest.mark.parametrize(
    "name, caption",
    [
        ("001_647f02aee0c9e382.txt", "Engineers test high-tech power systems used in space applications"),
        ("004_c644d251e1e23a76.txt", "An employee supervises a smart robot processing furniture parts"),
    ],
)
def test_photo_captions_are_separated_from_the_body(name, caption):
    cleaned, _ = article(name)
    assert [p.text[: len(caption)] for p in cleaned.captions] == [caption]
    assert all(not p.text.startswith(caption) for p in cleaned.body)


def test_explainer_without_header_has_list_items_and_no_date():
    cleaned, _ = article("003_2082eeafcca6b19f.txt")
    assert cleaned.published == (None, None)
    assert cleaned.headline is None
    items = [p.text for p in cleaned.paragraphs if p.kind == "list-item"]
    assert items[0].startswith("Scientific and technological innovations have the potential")
    assert len(items) == 6


def test_typography_is_normalised():
    cleaned, _ = article("000_3f91241d5409e152.txt")
    text = cleaned.text()
    assert "\u201c" not in text and "\u201d" not in text and "''" not in text
    assert "  " not in text
