"""Cleaning articles the cleaner has never seen: each header, dateline and byline form."""

from __future__ import annotations

import pytest

from nqpf.ingest import clean

BODY = "The provincial government pledged to cultivate new quality productive forces in 2024."


def first_body(article):
    return next(p for p in article.paragraphs if p.kind == "body")


@pytest.mark.parametrize(
    "first_line, place, date, iso, agency",
    [
        ("BEIJING, Feb. 6, 2024 /PRNewswire/ — ", "BEIJING", "Feb. 6, 2024", "2024-02-06", "PRNewswire"),
        ("BEIJING, Feb. 7 (Xinhua) -- ", "BEIJING", "Feb. 7", "2024-02-07", "Xinhua"),
        ("Beijing (FN), Apr. 24 – ", "Beijing", "Apr. 24", "2024-04-24", "FN"),
        ("HONG KONG, March 3 (Reuters) - ", "HONG KONG", "March 3", "2024-03-03", "Reuters"),
        ("SHANGHAI, Sept 28, 2023 /PRNewswire/ -- ", "SHANGHAI", "Sept 28, 2023", "2023-09-28", "PRNewswire"),
        ("HARBIN -- ", "HARBIN", None, None, None),
    ],
)
def test_datelines(first_line, place, date, iso, agency):
    article = clean("x.txt", f" date 2024-05-01 \n\n{first_line}{BODY}\n")
    assert article.dateline.place == place
    assert article.dateline.date == date
    assert article.dateline.iso == iso
    assert article.dateline.agency == agency
    assert first_body(article).text == BODY


def test_yearless_dateline_takes_the_year_before_when_it_would_be_in_the_future():
    article = clean("x.txt", f" date 2024-01-02 \n\nBEIJING, Dec. 30 (Xinhua) -- {BODY}\n")
    assert article.dateline.iso == "2023-12-30"


def test_dateline_without_any_reference_date_gives_no_year():
    article = clean("x.txt", f"BEIJING, Feb. 7 (Xinhua) -- {BODY}\n")
    assert article.dateline.iso is None
    assert article.published == (None, None)


def test_dateline_with_year_dates_the_article_without_header():
    article = clean("x.txt", f"BEIJING, Feb. 6, 2024 /PRNewswire/ — {BODY}\n")
    assert article.published == ("2024-02-06", "dateline")


def test_sentence_with_a_dash_is_not_a_dateline():
    text = "Xi Jinping - the top leader - spoke on Monday about growth drivers and innovation.\n"
    article = clean("x.txt", text)
    assert article.dateline is None
    assert article.paragraphs[0].text.startswith("Xi Jinping")


@pytest.mark.parametrize("header", ["", " date 2024-03-25 \n\n\n\n", "date 2024-03-25\n"])
def test_with_and_without_header_line(header):
    article = clean("x.txt", f"{header}{BODY}\n")
    assert first_body(article).text == BODY
    assert article.header_date == ("2024-03-25" if header else None)


def test_impossible_header_date_is_not_a_date():
    article = clean("x.txt", f" date 2024-02-30 \n\n{BODY}\n")
    assert article.header_date is None
    assert article.removed[0].kind == "header-line"


def test_headline_and_byline_with_date():
    text = (
        "Guangdong bets on 6G and humanoid robots\n\n"
        "By ZHANG YU in Guangzhou | China Daily | Updated: 2024-03-25 07:12\n\n"
        f"{BODY}\n\nA second paragraph follows here.\n"
    )
    article = clean("x.txt", text)
    assert article.headline.text == "Guangdong bets on 6G and humanoid robots"
    assert article.first("byline").text.startswith("By ZHANG YU")
    assert article.published == ("2024-03-25", "byline")
    assert first_body(article).text == BODY


def test_byline_date_in_words():
    article = clean("x.txt", f"By Li Ming\n\nPublished: March 8, 2024\n\n{BODY}\n")
    assert [p.text for p in article.paragraphs if p.kind == "byline"] == ["By Li Ming", "Published: March 8, 2024"]
    assert article.headline is None
    assert article.published == ("2024-03-08", "byline")


def test_sentence_starting_with_by_a_year_is_not_a_byline():
    article = clean("x.txt", "By 2025, China aims to lead in future industries such as 6G and humanoid robots.\n")
    assert article.first("byline") is None


def test_article_without_headline_starts_with_body():
    article = clean("x.txt", f"{BODY}\n\nIt also plans more.\n")
    assert article.headline is None
    assert [p.kind for p in article.paragraphs] == ["body", "body"]


def test_hard_wrapped_paragraphs_are_joined_with_their_lines():
    text = (
        "BEIJING, Feb. 7 (Xinhua) -- Chinese President Xi Jinping has called for\n"
        "efforts to accelerate the development of new quality productive forces and\n"
        "promote high-quality development.\n"
        "Xi made the remarks at a study session.\n"
    )
    article = clean("x.txt", text)
    assert [p.lines for p in article.paragraphs] == [[1, 2, 3], [4]]
    assert article.paragraphs[0].text.endswith("forces and promote high-quality development.")


@pytest.mark.parametrize("credit", ["[Photo/Xinhua]", "[ZHU HAIPENG/FOR CHINA DAILY]", "(Xinhua/Li Xin)", "[Photo/VCG]"])
def test_photo_credits_mark_captions(credit):
    article = clean("x.txt", f"Workers assemble batteries in Ningde, Fujian province. {credit}\n\n{BODY}\n")
    assert [p.kind for p in article.paragraphs] == ["caption", "body"]


def test_photo_taken_on_caption():
    article = clean("x.txt", f"This aerial photo taken on May 5, 2024 shows a wind farm in Hebei.\n\n{BODY}\n")
    assert article.paragraphs[0].kind == "caption"


def test_acronym_in_brackets_is_not_a_caption():
    article = clean("x.txt", "He spoke to the Communist Party of China (CPC).\n")
    assert article.paragraphs[0].kind == "body"


@pytest.mark.parametrize(
    "noise, kind",
    [
        ("Warning: Undefined variable $x in /var/www/html/index.php on line 12", "php-warning"),
        ("Notice: Trying to access array offset on value of type null in /srv/a.php on line 3", "php-warning"),
        ("Deprecated: Function create_function() is deprecated in /srv/b.php on line 9", "php-warning"),
        ("Share this:", "share-widget"),
        ("Advertisement", "advertisement"),
        ("(Editor: Wang Xin)", "editor-credit"),
        ("Copyright © 2024 China Daily. All rights reserved.", "copyright"),
    ],
)
def test_scrape_noise_lines_are_removed(noise, kind):
    article = clean("x.txt", f"{noise}\n\n{BODY}\n\n{noise}\n")
    assert [p.text for p in article.paragraphs] == [BODY]
    assert [(r.kind, r.lines) for r in article.removed] == [(kind, [1, 5])]


def test_comment_form_is_dropped_to_the_end():
    form = "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nComment *\n\nName *\n\nPost Comment\n"
    article = clean("x.txt", f"{BODY}\n\n{form}")
    assert [p.text for p in article.paragraphs] == [BODY]
    assert article.removed[0].kind == "comment-form"


def test_a_long_article_after_leave_a_reply_is_not_a_footer():
    tail = "\n\n".join(f"Paragraph {i} of a long article about industrial policy." for i in range(40))
    article = clean("x.txt", f"Leave a Reply\n\n{tail}\n")
    assert not article.removed
    assert len(article.paragraphs) == 41


def test_typography():
    article = clean("x.txt", "\u201cNew\u00a0productivity\u201d  is \u2018key\u2019\u200b -- he said. ''Yes.''\n")
    assert article.paragraphs[0].text == "\"New productivity\" is 'key' \u2014 he said. \"Yes.\""


def test_bulleted_lists_become_list_items():
    article = clean("x.txt", f"{BODY}\n\n\u2013Strengthen basic research.\n\n- Cultivate talent.\n\n\u2022 Open up.\n")
    assert [(p.kind, p.text) for p in article.paragraphs[1:]] == [
        ("list-item", "Strengthen basic research."),
        ("list-item", "Cultivate talent."),
        ("list-item", "Open up."),
    ]


# A weekly magazine's page, trimmed to its shape (section label, headline, byline, one paragraph; the words
# are ours): the byline's ISO date between middle dots dates the piece, not the print issue after "Source:".
MAGAZINE = """ECONOMY

Coastal robot makers look inland for workers and land

By Zhou Minhui  ·  2024-09-12  ·   Source: NO.38 SEPTEMBER 19, 2024

{body}
"""


def test_a_magazine_byline_with_an_iso_date_dates_the_article():
    article = clean("x.txt", MAGAZINE.format(body=BODY))
    assert article.published == ("2024-09-12", "byline")
    assert article.published_line == 5
    assert article.headline.text == "Coastal robot makers look inland for workers and land"
    assert [p.kind for p in article.paragraphs] == ["heading", "headline", "byline", "body"]


@pytest.mark.parametrize("byline", [
    "By Zhou Minhui · 2024-09-12 · Source: NO.38 SEPTEMBER 19, 2024",
    "By Zhou Minhui | 2024-09-12 | Source: NO.38 SEPTEMBER 19, 2024",
    "By Zhou Minhui - 2024-09-12 - Source: NO.38 SEPTEMBER 19, 2024",
    "By Zhou Minhui – 2024-09-12",
    "2024-09-12 · Source: NO.38 SEPTEMBER 19, 2024",
    "Source: NO.38 SEPTEMBER 19, 2024 · 2024-09-12",
    "By Zhou Minhui · 2024-09-12",
])
def test_byline_variants_with_an_iso_date_between_separators(byline):
    article = clean("x.txt", f"Coastal robot makers look inland for workers and land\n\n{byline}\n\n{BODY}\n")
    assert article.published == ("2024-09-12", "byline")
    assert article.published_line == 3


def test_a_dash_inside_a_sentence_does_not_make_a_byline():
    text = "Officials - and 2,000 workers - met on 2024-09-12 in Ganzhou to sign the lease, the bureau said."
    article = clean("x.txt", f"Coastal robot makers look inland\n\n{text}\n\n{BODY}\n")
    assert article.published == (None, None)
