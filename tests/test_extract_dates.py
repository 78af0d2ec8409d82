"""The article's own date in every shape real scrapes print it, and the date shapes it resolves.

Each article here is synthetic, written for the test. The article date is
checked twice: as ``published`` (value, basis, evidence) and through what it
is for, an "on Monday" in the body resolving to the right day.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from nqpf.extract import Reference, extract
from nqpf.extract.dates import find_dates
from nqpf.ingest import clean

BODY = "The plan was announced on Monday, the provincial government said."


def record_of(raw: str, reference: Reference | None = None) -> dict:
    return extract(clean("x.txt", raw), raw, reference)


def monday(record: dict) -> str | None:
    (found,) = [d for d in record["dates"] if d["text"] == "on Monday"]
    return found["iso"]


# (raw article, published ISO, basis, evidence sentence, evidence line, the body's "on Monday")
ARTICLE_DATES = {
    "header line": (f" date 2025-02-13 \n\n{BODY}\n", "2025-02-13", "header line", "date 2025-02-13", 1, "2025-02-10"),
    "header line with a time": (f" date 2025-02-13 10:53\n\n{BODY}\n", "2025-02-13", "header line", "date 2025-02-13 10:53", 1, "2025-02-10"),
    "header line and headline": (
        f" date 2025-02-13 Several provinces step up support for new industries\n\n{BODY}\n",
        "2025-02-13", "header line", "date 2025-02-13", 1, "2025-02-10",
    ),
    "time, date and By": (
        f"Coastal city opens robot training ground\n\n10:41, March 14, 2025 By Chen Lu ( People's Daily Online )\n\n{BODY}\n",
        "2025-03-14", "byline", "10:41, March 14, 2025 By Chen Lu ( People's Daily Online )", 3, "2025-03-10",
    ),
    "outlet | Updated:": (
        f"Battery plants multiply\n\nXinhua | Updated: 2024-05-01 21:05\n\n{BODY}\n",
        "2024-05-01", "byline", "Xinhua | Updated: 2024-05-01 21:05", 3, "2024-04-29",
    ),
    "By | site | Updated:": (
        f"Hefei chip plant begins trial output\n\nBy Li Hua | chinadaily.com.cn | Updated: 2025-03-05 09:12\n\n{BODY}\n",
        "2025-03-05", "byline", "By Li Hua | chinadaily.com.cn | Updated: 2025-03-05 09:12", 3, "2025-03-03",
    ),
    "credit, then Published: with a clock time": (
        f"Rust belt city retools\n\nBy Global Times\nPublished: Apr 24, 2024 10:07 PM\n\n{BODY}\n",
        "2024-04-24", "byline", "Published: Apr 24, 2024 10:07 PM", 4, "2024-04-22",
    ),
    "Published: time, day month year": (
        f"Shanghai hosts air show\n\nPublished: 14:30, 2 July 2024\n\n{BODY}\n",
        "2024-07-02", "byline", "Published: 14:30, 2 July 2024", 3, "2024-07-01",
    ),
    "ISO date first, then fields": (
        f"Inland province pins hopes on computing\n\n2024-08-16 15:40 | Source: Guizhou Daily\n\n{BODY}\n",
        "2024-08-16", "byline", "2024-08-16 15:40 | Source: Guizhou Daily", 3, "2024-08-12",
    ),
    "issue line in capitals": (
        f"NO.38 SEPTEMBER 21, 2023\n\nCold-weather test tracks warm up a border city\n\nBy Sun Wenjie\n\n{BODY}\n",
        "2023-09-21", "byline", "NO.38 SEPTEMBER 21, 2023", 1, "2023-09-18",
    ),
    "release banner and a date line in capitals": (
        f"FOR IMMEDIATE RELEASE\n\nSEPTEMBER 3, 2024\n\nLanxin Photonics opens a research center\n\n{BODY}\n",
        "2024-09-03", "byline", "SEPTEMBER 3, 2024", 3, "2024-09-02",
    ),
    "PR Newswire dateline": (
        f"BEIJING, Feb. 6, 2024 /PRNewswire/ -- {BODY}\n", "2024-02-06", "dateline", "BEIJING, Feb. 6, 2024 /PRNewswire/ \u2014", 1, "2024-02-05",
    ),
    "dateline with the month in capitals": (
        f"SUZHOU, China, SEPT. 3, 2024 /PRNewswire/ -- {BODY}\n",
        "2024-09-03", "dateline", "SUZHOU, China, SEPT. 3, 2024 /PRNewswire/ \u2014", 1, "2024-09-02",
    ),
}


@pytest.mark.parametrize("raw, iso, basis, sentence, line, on_monday", ARTICLE_DATES.values(), ids=ARTICLE_DATES)
def test_the_article_dates_itself(raw, iso, basis, sentence, line, on_monday):
    record = record_of(raw)
    assert record["published"] == {"date": iso, "basis": basis, "evidence": {"sentence": sentence, "lines": [line]}}
    assert "undated" not in record
    assert monday(record) == on_monday


def test_a_headline_on_the_header_line_is_the_headline_and_its_own_paragraph():
    raw = " date 2025-02-13 Several provinces step up support\nHubei issued a plan on February 5.\n"
    article = clean("x.txt", raw)
    assert article.header_date == "2025-02-13"
    assert [(r.kind, r.lines) for r in article.removed] == [("header-line", [1])]
    # Not joined to the next line although no blank line follows.
    assert [(p.kind, p.text, p.lines) for p in article.paragraphs] == [
        ("headline", "Several provinces step up support", [1]),
        ("body", "Hubei issued a plan on February 5.", [2]),
    ]
    record = extract(article, raw)
    assert [(d["text"], d["iso"]) for d in record["dates"]] == [("February 5", "2025-02-05")]  # the header's date is not a candidate


def test_an_issue_line_above_the_headline_leaves_the_headline_a_headline():
    article = clean("x.txt", f"NO.38 SEPTEMBER 21, 2023\n\nCold-weather test tracks warm up a border city\n\nBy Sun Wenjie\n\n{BODY}\n")
    assert [p.kind for p in article.paragraphs] == ["byline", "headline", "byline", "body"]


def test_the_release_banner_is_noise():
    article = clean("x.txt", f"FOR IMMEDIATE RELEASE\n\nSEPTEMBER 3, 2024\n\nLanxin opens a center\n\n{BODY}\n")
    assert [(r.kind, r.lines) for r in article.removed] == [("release-banner", [1])]
    assert article.headline.text == "Lanxin opens a center"


@pytest.mark.parametrize(
    "first",
    [
        "September 3, 2024 marked a turning point for the company, which said so on Monday.",
        "By 2025, the province aims to double output.",
        "2024-05-01 was the day the rules took effect, officials said on Monday.",
    ],
)
def test_a_sentence_that_starts_with_a_date_is_not_a_byline(first):
    article = clean("x.txt", f"{first}\n\nA second paragraph follows.\n")
    assert article.first("byline") is None
    assert article.published == (None, None)


def test_an_issue_number_is_not_a_day():
    article = clean("x.txt", f"VOL.67 NO.3 MARCH 2024\n\nSmart farms take root\n\n{BODY}\n")
    assert article.paragraphs[0].kind == "byline"
    assert article.published == (None, None)  # March 2024 has no day; "NO.3" is the issue, not 3 March
    record = extract(article, f"VOL.67 NO.3 MARCH 2024\n\nSmart farms take root\n\n{BODY}\n")
    assert '("VOL.67 NO.3 MARCH 2024" gives no day)' in record["undated"]


# -- No date of its own ------------------------------------------------------------------------------------


def test_without_a_date_the_record_says_so_and_dates_stay_unresolved():
    record = record_of(f"{BODY} Trials ran from September 6 to 8.\n")
    assert record["published"] is None and "reference" not in record
    assert record["undated"] == (
        "no date of its own: no header line, no byline or date line with a whole date, no dateline with a year; "
        "2 relative or yearless date(s) left unresolved; give the date to count from with --reference YYYY-MM-DD"
    )
    assert [(d["text"], d["iso"], d.get("end"), d["unresolved"]) for d in record["dates"]] == [
        ("on Monday", None, None, "the article has no date to count from"),
        ("from September 6 to 8", "--09-06", "--09-08", "no year, and the article has no date"),
    ]


def test_a_yearless_dateline_names_itself_in_the_undated_note():
    record = record_of(f"Beijing (FN), Apr. 24 \u2013 {BODY}\n")
    assert '(the dateline gives "Apr. 24" but no year)' in record["undated"]


def test_a_reference_dates_an_undated_article():
    record = record_of(f"{BODY}\n", Reference(dt.date(2024, 3, 13), "--reference"))
    assert "undated" not in record
    assert record["reference"] == {"date": "2024-03-13", "basis": "--reference"}
    assert monday(record) == "2024-03-11"


@pytest.mark.parametrize(
    "dateline, printed, reference, article_date, on_monday",
    [
        ("BEIJING, Feb. 7 (Xinhua) -- ", "Feb. 7", "2024-02-12", "2024-02-07", "2024-02-05"),
        ("Beijing (FN), Apr. 24 \u2013 ", "Apr. 24", "2024-05-02", "2024-04-24", "2024-04-22"),
        ("HANGZHOU, SEPT. 3 (Xinhua) -- ", "SEPT. 3", "2024-09-20", "2024-09-03", "2024-09-02"),
        # In the reference's year it would be more than a week after the reference: the year before.
        ("BEIJING, Dec. 30 (Xinhua) -- ", "Dec. 30", "2024-01-02", "2023-12-30", "2023-12-25"),
    ],
)
def test_a_yearless_dateline_keeps_its_day_and_takes_the_year_from_the_reference(dateline, printed, reference, article_date, on_monday):
    record = record_of(f"{dateline}{BODY}\n", Reference(dt.date.fromisoformat(reference), "--reference"))
    assert record["published"] is None
    assert record["reference"] == {"date": article_date, "basis": f'dateline "{printed}", year from --reference {reference}'}
    assert monday(record) == on_monday


# -- Date shapes -------------------------------------------------------------------------------------------

NEAREST = "the year that puts the day nearest the article date"
LATEST_MONTH = "the latest such month on or before the article's month"
FUTURE_MONTH = "the next such month after the article's month: the sentence speaks of the future"


def part(word: str) -> str:
    return f'"{word}" names part of the month, so the precision is month'


@pytest.mark.parametrize(
    "text, ref, found",
    [
        # Months in capitals
        ("NO.38 SEPTEMBER 21, 2023", None, ("SEPTEMBER 21, 2023", "2023-09-21", "day", None, None)),
        ("THE MARCH 2024 ISSUE", None, ("MARCH 2024", "2024-03", "month", None, None)),
        ("FROM SEPTEMBER 6 TO 8", "2023-09-21", ("FROM SEPTEMBER 6 TO 8", "2023-09-06", "day", "2023-09-08", NEAREST)),
        ("HELD ON SEPT. 12", "2023-09-21", ("SEPT. 12", "2023-09-12", "day", None, NEAREST)),
        # Ranges
        ("It ran from September 6 to 8.", "2023-09-21", ("from September 6 to 8", "2023-09-06", "day", "2023-09-08", NEAREST)),
        ("It runs 15–18 July in Shanghai.", "2024-07-02", ("15–18 July", "2024-07-15", "day", "2024-07-18", NEAREST)),
        ("It ran from 15 to 18 July.", "2024-07-02", ("15 to 18 July", "2024-07-15", "day", "2024-07-18", NEAREST)),
        ("A fair held July 15 to 18, 2024 drew crowds.", "2025-03-05", ("July 15 to 18, 2024", "2024-07-15", "day", "2024-07-18", None)),
        ("It ran from August 30 to September 2.", "2024-08-16", ("from August 30 to September 2", "2024-08-30", "day", "2024-09-02", NEAREST)),
        ("It ran 30 August to 2 September.", "2024-08-16", ("30 August to 2 September", "2024-08-30", "day", "2024-09-02", NEAREST)),
        ("It ran from Dec. 30 to Jan. 2.", "2024-01-10", ("from Dec. 30 to Jan. 2", "2023-12-30", "day", "2024-01-02", NEAREST)),
        ("Between March 4 and 11, leases were signed.", "2024-08-16", ("Between March 4 and 11", "2024-03-04", "day", "2024-03-11", NEAREST)),
        ("Sales rebounded in January and February.", "2024-03-14", ("in January and February", "2024-01", "month", "2024-02", LATEST_MONTH)),
        ("Data for January and February 2023 came out.", "2024-03-14", ("for January and February 2023", "2023-01", "month", "2023-02", None)),
        # Parts of a month
        ("Towers shipped in early March.", "2024-04-24", ("early March", "2024-03", "month", None, f"{LATEST_MONTH}; {part('early')}")),
        ("A line started in mid-April.", "2024-04-24", ("mid-April", "2024-04", "month", None, f"{LATEST_MONTH}; {part('mid')}")),
        ("It was approved in late March.", "2024-04-24", ("late March", "2024-03", "month", None, f"{LATEST_MONTH}; {part('late')}")),
        ("It was approved in late March 2023.", "2024-04-24", ("late March 2023", "2023-03", "month", None, part("late"))),
        (
            "Tools were installed at the end of January.", "2025-03-05",
            ("the end of January", "2025-01", "month", None, f"{LATEST_MONTH}; {part('the end of')}"),
        ),
        (
            "It will open two more by the end of June.", "2025-03-14",
            ("the end of June", "2025-06", "month", None, f"{FUTURE_MONTH}; {part('the end of')}"),
        ),
        (
            "Rules come at the end of this month.", "2025-03-14",
            ("the end of this month", "2025-03", "month", None, f"this month counted from the article's month; {part('the end of')}"),
        ),
        (
            "Rules come at the end of next month.", "2024-12-10",
            ("the end of next month", "2025-01", "month", None, f"next month counted from the article's month; {part('the end of')}"),
        ),
        (
            "It closed at the end of January last year.", "2025-03-14",
            ("the end of January last year", "2024-01", "month", None, f"last year counted from the article's year; {part('the end of')}"),
        ),
        # A month in a year counted from the article's
        (
            "It opened in mid-September last year.", "2024-07-02",
            ("mid-September last year", "2023-09", "month", None, f"last year counted from the article's year; {part('mid')}"),
        ),
        ("Output rose in March this year.", "2024-07-02", ("in March this year", "2024-03", "month", None, "this year counted from the article's year")),
        ("It opened on March 5 last year.", "2024-07-02", ("March 5 last year", "2023-03-05", "day", None, "last year counted from the article's year")),
        # Yearless days and months against the article date
        ("Hubei issued a plan on February 5.", "2025-02-13", ("February 5", "2025-02-05", "day", None, NEAREST)),
        ("The talks were on Dec. 30.", "2024-01-02", ("Dec. 30", "2023-12-30", "day", None, NEAREST)),
        ("The fair opens on Jan. 3.", "2023-12-30", ("Jan. 3", "2024-01-03", "day", None, NEAREST)),
        ("A second track would open in mid-October.", "2023-09-21", ("mid-October", "2023-10", "month", None, f"{FUTURE_MONTH}; {part('mid')}")),
        ("A second plant will open in mid-February.", "2024-11-20", ("mid-February", "2025-02", "month", None, f"{FUTURE_MONTH}; {part('mid')}")),
        ("Rules are due in early August.", "2024-07-02", ("early August", "2024-08", "month", None, f"{FUTURE_MONTH}; {part('early')}")),
        ("In March, the firm said it would grow.", "2024-09-20", ("In March", "2024-03", "month", None, LATEST_MONTH)),
        ("The plant opened in October.", "2024-09-20", ("in October", "2023-10", "month", None, LATEST_MONTH)),
        # A full stop after a month ends the sentence, it is not an abbreviation's
        ("It ends in June.", "2024-09-20", ("in June", "2024-06", "month", None, LATEST_MONTH)),
    ],
)
def test_date_shapes(text, ref, found):
    reference = dt.date.fromisoformat(ref) if ref else None
    (date,) = find_dates(text, reference)
    assert (date.text, date.iso, date.precision, date.end, date.rule) == found
    # Counted from the article date unless the expression gives its year.
    counted = reference is not None and not re.search(r"\b(?:19|20)\d\d\b", date.text)
    assert date.resolved_from == (f'"{date.text}" relative to {ref}' if counted else None)


@pytest.mark.parametrize(
    "text, found",
    [
        ("Trials ran from September 6 to 8.", ("from September 6 to 8", "--09-06", "--09-08", "no year, and the article has no date")),
        ("It runs 15–18 July.", ("15–18 July", "--07-15", "--07-18", "no year, and the article has no date")),
        ("It was approved in late March.", ("late March", "--03", None, "no year, and the article has no date")),
        ("It closes at the end of the month.", ("the end of the month", None, None, "the article has no date to count from")),
        ("It opened in mid-September last year.", ("mid-September last year", None, None, "the article has no date to count from")),
        ("It opened on March 5 last year.", ("March 5 last year", None, None, "the article has no date to count from")),
    ],
)
def test_without_an_article_date_the_shapes_stay_unresolved(text, found):
    (date,) = find_dates(text, None)
    assert (date.text, date.iso, date.end, date.unresolved) == found


@pytest.mark.parametrize("text", ["In May and June 5 it rose.", "Sales in March and September rose."])
def test_months_that_do_not_follow_each_other_are_not_one_span(text):
    assert all(d.end is None for d in find_dates(text, dt.date(2024, 10, 1)))
