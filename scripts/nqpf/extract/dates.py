"""Date expressions, absolute and relative, resolved to ISO 8601 with a precision.

Resolution rules, each stated in the candidate's ``rule``:

- A day without a year ("Dec. 12", "from September 6 to 8") is in the year
  that puts it nearest the article date.
- A month without a year ("in May") is the latest such month on or before
  the article's month: news reports what happened. It is the next such month
  after the article's month instead when the sentence speaks of the future:
  a later month in a sentence with "will", "plans to" and the like anywhere,
  an earlier month (so next year's) only when "will", "would" or "due in"
  comes before it ("said it would open in March"). "next"/"last" move it
  forward or back.
- A month with a relative year ("mid-September last year", "March 5 this
  year") is in that year counted from the article's year.
- A weekday ("on Thursday") is the latest such day on or before the article
  date: news reports what happened. "next Thursday" is the first one after.
- "last year", "this year", "earlier this year" and the like count from the
  article's year.
- "early", "mid" and "late" March, and "the end" or "the beginning of"
  January or of a month ("the end of this month") name part of a month: the
  candidate is that month, precision month, and its rule says so.

Precision is ``day``, ``week``, ``month`` or ``year``. A range ("from
September 6 to 8", "15–18 July") has ``iso`` for its start and ``end`` for
its end. When the article has no date, a relative date keeps ``iso: null``
and a yearless one an ISO partial date (``--03-05``, a range ``--09-06`` to
``--09-08``), and ``unresolved`` says why. Month names may be capitalised or
in capitals ("SEPTEMBER 21, 2023").
"""

from __future__ import annotations

import datetime as dt
import re

from ..months import month_number, month_pattern
from . import periods
from .datecore import (
    MONTH_REL_YEAR,
    NUMW,
    REL_MONTH,
    REL_YEAR,
    WD,
    D,
    DateCandidate,
    M,
    Resolver,
    Y,
    count,
    day_number,
    iso_week,
    month_iso,
    real_date,
    shift_month,
)

__all__ = ["DateCandidate", "date_spans", "find_dates", "find_dates_and_spans"]

_TO = r"(?:-|–|—|(?i:to|through|until))"
# "January and February": two consecutive months, which statistics report as one span.
_PAIR = "|".join(rf"{month_pattern(n)}\s+(?i:and)\s+{month_pattern(n + 1)}" for n in range(1, 12))
_PART = (
    r"(?:the\s+)?(?:first|second|third|fourth)\s+(?:half|quarter)"
    r"|(?:the\s+)?first\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven)\s+(?:months|quarters)"
)
_PERIOD = rf"(?i:(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of|(?:{_PART})\s+of)"
_NOT_AFTER = r"(?![\w-])"  # not glued to a following word, unit or hyphen ("2024-25" is handled as a range)

_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"\b(?P<iso_y>{Y})[-/](?P<iso_m>0?[1-9]|1[0-2])[-/](?P<iso_d>[12]\d|3[01]|0?[1-9])\b"),
    ("zh_full", rf"(?P<zh_y>{Y})年(?P<zh_m>1[0-2]|0?[1-9])月(?:(?P<zh_d>[12]\d|3[01]|0?[1-9])日)?"),
    ("zh_md", r"(?<!\d)(?P<zhmd_m>1[0-2]|0?[1-9])月(?P<zhmd_d>[12]\d|3[01]|0?[1-9])日"),
    # "mid-September last year", "in March this year", "March 5 last year"
    (
        "month_rel_year",
        rf"(?:(?P<mry_which>(?i:early|mid|late|in|since|until|by|from|during|before|after|through|of))[\s-]+)?"
        rf"(?P<mry_m>{M})(?:\s+(?P<mry_d>{D}))?,?\s+(?P<mry_rel>{MONTH_REL_YEAR})\b",
    ),
    # "from September 6 to 8", "Sept. 6-8, 2023", "between March 4 and 11"
    (
        "md_range",
        rf"(?:(?i:from)\s+|(?P<r_between>(?i:between)\s+))?(?P<r_m1>{M})\s+(?P<r_d1>{D})\s*(?:{_TO}|(?(r_between)(?i:and)|(?!)))\s*"
        rf"(?:(?P<r_m2>{M})\s+)?(?P<r_d2>{D})\b(?:,?\s+(?P<r_y>{Y}))?{_NOT_AFTER}",
    ),
    # "6-8 September 2023", "15–18 July", "30 August to 2 September"
    (
        "dm_range",
        rf"\b(?P<rb_d1>{D})(?:\s+(?P<rb_m1>{M}))?\s*{_TO}\s*(?P<rb_d2>{D})\s+(?P<rb_m>{M})(?:,?\s+(?P<rb_y>{Y}))?{_NOT_AFTER}",
    ),
    # "from April to June", "January-March 2024", "between April and June"
    (
        "month_range",
        rf"(?:(?i:from)\s+|(?P<mr_between>(?i:between)\s+))?(?P<mr_m1>{M})\s*(?:{_TO}|(?(mr_between)(?i:and)|(?!)))\s*"
        rf"(?P<mr_m2>{M})(?!\s*\d{{1,2}}\b(?!,?\s*\d{{4}}))(?:,?\s+(?P<mr_y>{Y}))?{_NOT_AFTER}",
    ),
    ("month_pair", rf"(?:(?i:in|during|for|over)\s+)?(?P<mp>{_PAIR})(?!\s*\d{{1,2}}\b(?!,?\s*\d{{4}}))(?:,?\s+(?P<mp_y>{Y}))?{_NOT_AFTER}"),
    ("mdy", rf"(?P<a_m>{M})\s+(?P<a_d>{D}),?\s+(?P<a_y>{Y}){_NOT_AFTER}"),
    ("dmy", rf"\b(?P<b_d>{D})\s+(?:of\s+)?(?P<b_m>{M}),?\s+(?P<b_y>{Y}){_NOT_AFTER}"),
    ("md", rf"(?<!Long )(?P<c_m>{M})\s+(?P<c_d>{D})\b(?![,.]?\d)(?!\s*(?:percent|%|per cent|million|billion))"),
    ("dm", rf"\b(?P<e_d>{D})\s+(?:of\s+)?(?P<e_m>{M})(?![\w-])"),
    # "from 2018 to 2023", "2021-2025", "between 2020 and 2022"
    (
        "year_range",
        rf"(?:(?i:from)\s+|(?P<y_between>(?i:between)\s+))?(?<![\d$.,])(?P<y1>{Y})\s*(?:-|–|to|through|until|(?(y_between)and|(?!)))\s*(?P<y2>{Y}|\d\d)(?![\d%])(?!\s*(?:percent|yuan|dollars))",
    ),
    (
        "period",
        rf"(?P<p_which>{_PERIOD})\s+(?P<p_of>{REL_YEAR}|{REL_MONTH}|(?:{M})(?:,?\s+{Y}|\s+{MONTH_REL_YEAR})?|{Y})(?![\w-])",
    ),
    ("bare_period", rf"(?P<bp_which>(?i:{_PART}))(?![\w-])(?!\s+of\b)"),
    ("qualified_year", rf"\b(?P<q_which>(?i:early|mid|late|earlier|later))[- ](?P<q_of>{Y}|(?i:this year|last year|next year))\b"),
    # "late March 2024"
    ("part_month_year", rf"\b(?P<pm_which>(?i:early|mid|late))[\s-]+(?P<pm_m>{M}),?\s+(?P<pm_y>{Y}){_NOT_AFTER}"),
    ("month_year", rf"(?P<my_m>{M}),?\s+(?P<my_y>{Y}){_NOT_AFTER}"),
    (
        "rel_month",
        rf"\b(?P<rm_which>(?i:last|this|next|early|late|mid|earlier this|later this|in|since|until|by|from|during|before|after|through|of))"
        rf"[\s-]+(?P<rm_m>{M})(?!\s*\d)(?![\w-])",
    ),
    (
        "weekday",
        r"\b(?:(?P<w_which>(?i:on|last|next|this|since|by|until|till|through|from|before|early|late|this coming))\s+)?"
        rf"(?:(?i:the\s+(?:morning|afternoon|evening|night)\s+of)\s+)?(?P<w_day>{WD})(?![\w-])",
    ),
    ("ago", rf"\b(?P<ago_n>(?i:{NUMW}))\s+(?P<ago_unit>day|week|month|year)s?\s+(?:ago|earlier)\b"),
    (
        "rel_unit",
        r"\b(?P<ru_which>(?i:last|this|next|earlier this|later this|early this|late this|the previous|the same period last|the past))"
        r"\s+(?P<ru_unit>week|month|year)\b(?!-)",
    ),
    ("rel_day", r"\b(?P<rd>(?i:today|yesterday|tomorrow))\b"),
    ("year", rf"(?<![\w$¥€£.,-])(?P<yr>{Y})(?![\w%])(?!,\d)(?!\.\d)(?!\s*(?:percent|per cent|yuan|dollars|people|km|tons|tonnes|units|times))"),
]

# Every expression starts at the start of a word: the gate in front spares the
# engine trying each alternative at every character, which is most of the cost.
_RE = re.compile("(?<![A-Za-z0-9])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS) + ")")


def _resolve(kind: str, m: re.Match, text: str, r: Resolver) -> DateCandidate | None:
    g = m.group
    ref = r.ref
    if kind == "iso":
        date = real_date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        return DateCandidate(text, date.isoformat(), "day") if date else None
    if kind == "zh_full":
        if g("zh_d"):
            date = real_date(int(g("zh_y")), int(g("zh_m")), int(g("zh_d")))
            return DateCandidate(text, date.isoformat(), "day") if date else None
        return DateCandidate(text, month_iso(int(g("zh_y")), int(g("zh_m"))), "month")
    if kind == "zh_md":
        return r.month_day(text, int(g("zhmd_m")), int(g("zhmd_d")), None)
    if kind == "month_rel_year":
        return periods.month_in_relative_year(text, g("mry_which"), month_number(g("mry_m")), g("mry_d"), g("mry_rel"), r)
    if kind in ("md_range", "dm_range"):
        if kind == "md_range":
            m1, d1, m2, d2, y = g("r_m1"), g("r_d1"), g("r_m2") or g("r_m1"), g("r_d2"), g("r_y")
        else:
            m1, d1, m2, d2, y = g("rb_m1") or g("rb_m"), g("rb_d1"), g("rb_m"), g("rb_d2"), g("rb_y")
        start = r.month_day(text, month_number(m1), day_number(d1), int(y) if y else None)
        month2 = month_number(m2)
        if start is not None and start.iso is not None and start.iso.startswith("--"):
            # No year to put it in: the end is a partial date too.
            if real_date(2024, month2, day_number(d2)) is not None:
                start.end = f"--{month2:02d}-{day_number(d2):02d}"
            return start
        if start is None or start.iso is None:
            return start
        sy = int(start.iso[:4])
        end = real_date(sy + (1 if month2 < month_number(m1) else 0), month2, day_number(d2))
        if end is None or end.isoformat() < start.iso:
            return None
        start.end = end.isoformat()
        return start
    if kind == "mdy":
        return r.month_day(text, month_number(g("a_m")), day_number(g("a_d")), int(g("a_y")))
    if kind == "dmy":
        return r.month_day(text, month_number(g("b_m")), day_number(g("b_d")), int(g("b_y")))
    if kind == "md":
        return r.month_day(text, month_number(g("c_m")), day_number(g("c_d")), None)
    if kind == "dm":
        return r.month_day(text, month_number(g("e_m")), day_number(g("e_d")), None)
    if kind == "year_range":
        y1, y2 = int(g("y1")), g("y2")
        y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if not y1 < y2 <= y1 + 100:
            return None
        return DateCandidate(text, str(y1), "year", end=str(y2))
    if kind == "period":
        return periods.period(text, g("p_which"), g("p_of"), r)
    if kind == "bare_period":
        return periods.period(text, g("bp_which"), "this year", r)
    if kind == "month_range":
        return periods.month_range(text, month_number(g("mr_m1")), month_number(g("mr_m2")), g("mr_y"), r)
    if kind == "month_pair":
        first, second = (month_number(name) for name in re.findall(M, g("mp")))
        return periods.month_range(text, first, second, g("mp_y"), r)
    if kind == "qualified_year":
        of = g("q_of").lower()
        if of[0].isdigit():
            return DateCandidate(text, of, "year")
        year = {"this year": 0, "last year": -1, "next year": 1}[of]
        return r.relative(text, str(ref.year + year) if ref else None, "year", f"{of} counted from the article's year")
    if kind == "part_month_year":
        candidate = DateCandidate(text, month_iso(int(g("pm_y")), month_number(g("pm_m"))), "month")
        return periods.part_of_month(candidate, g("pm_which"))
    if kind == "month_year":
        return DateCandidate(text, month_iso(int(g("my_y")), month_number(g("my_m"))), "month")
    if kind == "rel_month":
        which = g("rm_which").lower()
        return periods.part_of_month(r.month(text, month_number(g("rm_m")), which), which)
    if kind == "weekday":
        return r.weekday(text, g("w_day"), g("w_which"))
    if kind == "ago":
        n = count(g("ago_n"))
        unit = g("ago_unit").lower()
        if ref is None:
            return r.relative(text, None, {"week": "week"}.get(unit, unit), f"{n} {unit}(s) before the article date")
        if unit == "day":
            return r.relative(text, (ref - dt.timedelta(days=n)).isoformat(), "day", f"{n} day(s) before the article date")
        if unit == "week":
            return r.relative(text, iso_week(ref - dt.timedelta(weeks=n)), "week", f"{n} week(s) before the article date")
        if unit == "month":
            return r.relative(text, month_iso(*shift_month(ref.year, ref.month, -n)), "month", f"{n} month(s) before the article's month")
        return r.relative(text, str(ref.year - n), "year", f"{n} year(s) before the article's year")
    if kind == "rel_unit":
        return periods.relative_unit(text, g("ru_which").lower(), g("ru_unit").lower(), r)
    if kind == "rel_day":
        word = g("rd").lower()
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
        return r.relative(text, (ref + dt.timedelta(days=shift)).isoformat() if ref else None, "day", f"{word}: the article date {shift:+d} day(s)")
    if kind == "year":
        return DateCandidate(text, g("yr"), "year")
    return None


def find_dates_and_spans(sentence: str, ref: dt.date | None = None, ref_label: str | None = None) -> tuple[list[DateCandidate], list[tuple[int, int]]]:
    """Every date expression in ``sentence``, resolved against the article date ``ref``,
    and where each sits (so other extractors can skip them: a year is not a figure)."""
    resolver = Resolver(ref, ref_label or (ref.isoformat() if ref else None), sentence)
    found: list[DateCandidate] = []
    spans: list[tuple[int, int]] = []
    for m in _RE.finditer(sentence):
        spans.append(m.span())
        kind = m.lastgroup
        resolver.start = m.start()
        candidate = _resolve(kind, m, m.group(kind).strip(), resolver)
        if candidate is not None:
            found.append(candidate)
    return found, spans


def find_dates(sentence: str, ref: dt.date | None = None, ref_label: str | None = None) -> list[DateCandidate]:
    return find_dates_and_spans(sentence, ref, ref_label)[0]


def date_spans(sentence: str) -> list[tuple[int, int]]:
    return find_dates_and_spans(sentence)[1]
