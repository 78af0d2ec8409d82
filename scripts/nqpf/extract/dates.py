"""Date expressions, absolute and relative, resolved to ISO 8601 with a precision.

Resolution rules, each stated in the candidate's ``rule``:

- A day or month without a year ("Dec. 12", "in May") is the nearest such
  date to the article date for a day, and the latest such month on or before
  the article's month for a month; "next"/"last" move it forward or back.
- A weekday ("on Thursday") is the latest such day on or before the article
  date: news reports what happened. "next Thursday" is the first one after.
- "last year", "this year", "earlier this year" and the like count from the
  article's year; "the end of January" is January, precision month.

Precision is ``day``, ``week``, ``month`` or ``year``. A range ("from
September 6 to 8") has ``iso`` for its start and ``end`` for its end. When
the article has no date, a relative date keeps ``iso: null`` and a yearless
one an ISO partial date (``--03-05``), and ``unresolved`` says why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..months import MONTH_PATTERN, month_number

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}

_M = f"(?:{MONTH_PATTERN})"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d|2100)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMW = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
_REL_YEAR = r"(?i:(?:last|this|next|the previous|the following|the past)\s+year|the\s+year)"
_PART = (
    r"(?:the\s+)?(?:first|second|third|fourth)\s+(?:half|quarter)"
    r"|(?:the\s+)?first\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven)\s+(?:months|quarters)"
)
_PERIOD = rf"(?i:(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of|(?:{_PART})\s+of)"
_NOT_AFTER = r"(?![\w-])"  # not glued to a following word, unit or hyphen ("2024-25" is handled as a range)

_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"\b(?P<iso_y>{_Y})[-/](?P<iso_m>0?[1-9]|1[0-2])[-/](?P<iso_d>[12]\d|3[01]|0?[1-9])\b"),
    ("zh_full", rf"(?P<zh_y>{_Y})年(?P<zh_m>1[0-2]|0?[1-9])月(?:(?P<zh_d>[12]\d|3[01]|0?[1-9])日)?"),
    ("zh_md", r"(?<!\d)(?P<zhmd_m>1[0-2]|0?[1-9])月(?P<zhmd_d>[12]\d|3[01]|0?[1-9])日"),
    # "from September 6 to 8", "Sept. 6-8, 2023", "between March 4 and 11"
    (
        "md_range",
        rf"(?:(?i:from)\s+|(?P<r_between>(?i:between)\s+))?(?P<r_m1>{_M})\s+(?P<r_d1>{_D})\s*(?:-|–|to|through|until|(?(r_between)and|(?!)))\s*"
        rf"(?:(?P<r_m2>{_M})\s+)?(?P<r_d2>{_D})\b(?:,?\s+(?P<r_y>{_Y}))?{_NOT_AFTER}",
    ),
    # "6-8 September 2023"
    ("dm_range", rf"\b(?P<rb_d1>{_D})\s*(?:-|–|to)\s*(?P<rb_d2>{_D})\s+(?P<rb_m>{_M})(?:,?\s+(?P<rb_y>{_Y}))?{_NOT_AFTER}"),
    # "from April to June", "January-March 2024", "between April and June"
    (
        "month_range",
        rf"(?:(?i:from)\s+|(?P<mr_between>(?i:between)\s+))?(?P<mr_m1>{_M})\s*(?:-|–|to|through|until|(?(mr_between)and|(?!)))\s*"
        rf"(?P<mr_m2>{_M})(?!\s*\d{{1,2}}\b(?!,?\s*\d{{4}}))(?:,?\s+(?P<mr_y>{_Y}))?{_NOT_AFTER}",
    ),
    ("mdy", rf"(?P<a_m>{_M})\s+(?P<a_d>{_D}),?\s+(?P<a_y>{_Y}){_NOT_AFTER}"),
    ("dmy", rf"\b(?P<b_d>{_D})\s+(?:of\s+)?(?P<b_m>{_M}),?\s+(?P<b_y>{_Y}){_NOT_AFTER}"),
    ("md", rf"(?<!Long )(?P<c_m>{_M})\s+(?P<c_d>{_D})\b(?![,.]?\d)(?!\s*(?:percent|%|per cent|million|billion))"),
    ("dm", rf"\b(?P<e_d>{_D})\s+(?:of\s+)?(?P<e_m>{_M})(?![\w-])"),
    # "from 2018 to 2023", "2021-2025", "between 2020 and 2022"
    (
        "year_range",
        rf"(?:(?i:from)\s+|(?P<y_between>(?i:between)\s+))?(?<![\d$.,])(?P<y1>{_Y})\s*(?:-|–|to|through|until|(?(y_between)and|(?!)))\s*(?P<y2>{_Y}|\d\d)(?![\d%])(?!\s*(?:percent|yuan|dollars))",
    ),
    ("period", rf"(?P<p_which>{_PERIOD})\s+(?P<p_of>{_REL_YEAR}|(?:{_M})(?:,?\s+{_Y})?|{_Y})(?![\w-])"),
    ("bare_period", rf"(?P<bp_which>(?i:{_PART}))(?![\w-])(?!\s+of\b)"),
    ("qualified_year", rf"\b(?P<q_which>(?i:early|mid|late|earlier|later))[- ](?P<q_of>{_Y}|(?i:this year|last year|next year))\b"),
    ("month_year", rf"(?P<my_m>{_M}),?\s+(?P<my_y>{_Y}){_NOT_AFTER}"),
    (
        "rel_month",
        rf"\b(?P<rm_which>(?i:last|this|next|early|late|mid|earlier this|later this|in|since|until|by|from|during|before|after|through|of))"
        rf"[\s-]+(?P<rm_m>{_M})(?!\s*\d)(?![\w-])",
    ),
    (
        "weekday",
        r"\b(?:(?P<w_which>(?i:on|last|next|this|since|by|until|till|through|from|before|early|late|this coming))\s+)?"
        rf"(?:(?i:the\s+(?:morning|afternoon|evening|night)\s+of)\s+)?(?P<w_day>{_WD})(?![\w-])",
    ),
    ("ago", rf"\b(?P<ago_n>(?i:{_NUMW}))\s+(?P<ago_unit>day|week|month|year)s?\s+(?:ago|earlier)\b"),
    (
        "rel_unit",
        r"\b(?P<ru_which>(?i:last|this|next|earlier this|later this|early this|late this|the previous|the same period last|the past))"
        r"\s+(?P<ru_unit>week|month|year)\b(?!-)",
    ),
    ("rel_day", r"\b(?P<rd>(?i:today|yesterday|tomorrow))\b"),
    ("year", rf"(?<![\w$¥€£.,-])(?P<yr>{_Y})(?![\w%])(?!,\d)(?!\.\d)(?!\s*(?:percent|per cent|yuan|dollars|people|km|tons|tonnes|units|times))"),
]

# Every expression starts at the start of a word: the gate in front spares the
# engine trying each alternative at every character, which is most of the cost.
_RE = re.compile("(?<![A-Za-z0-9])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS) + ")")
_FUTURE = re.compile(r"\b(?:will|shall|is to be|are to be|to be held|scheduled|upcoming|is expected to|are expected to|plans? to)\b", re.I)


@dataclass
class DateCandidate:
    text: str
    iso: str | None
    precision: str
    end: str | None = None
    resolved_from: str | None = None
    rule: str | None = None
    unresolved: str | None = None

    def to_dict(self) -> dict:
        out = {"text": self.text, "iso": self.iso, "precision": self.precision}
        for key in ("end", "resolved_from", "rule", "unresolved"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


def _day(value: str) -> int:
    return int(re.match(r"\d+", value).group())


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_iso(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + delta
    return index // 12, index % 12 + 1


def _nearest_year(month: int, day: int, ref: dt.date) -> dt.date | None:
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _date(y, month, day))]
    return min(options, key=lambda d: (abs((d - ref).days), d)) if options else None


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


class _Resolver:
    def __init__(self, ref: dt.date | None, ref_label: str | None, sentence: str):
        self.ref = ref
        self.ref_label = ref_label
        self.future = bool(_FUTURE.search(sentence))

    def relative(self, text: str, iso: str | None, precision: str, rule: str, end: str | None = None) -> DateCandidate:
        if self.ref is None:
            return DateCandidate(text, None, precision, end=None, rule=rule, unresolved="the article has no date to count from")
        return DateCandidate(text, iso, precision, end=end, resolved_from=f'"{text}" relative to {self.ref_label}', rule=rule)

    def month_day(self, text: str, month: int, day: int, year: int | None) -> DateCandidate | None:
        if year is not None:
            date = _date(year, month, day)
            return DateCandidate(text, date.isoformat(), "day") if date else None
        if _date(2024, month, day) is None:
            return None
        if self.ref is None:
            return DateCandidate(text, f"--{month:02d}-{day:02d}", "day", unresolved="no year, and the article has no date")
        date = _nearest_year(month, day, self.ref)
        return self.relative(text, date.isoformat(), "day", "the year that puts the day nearest the article date")

    def month(self, text: str, month: int, which: str) -> DateCandidate:
        if self.ref is None:
            return DateCandidate(text, f"--{month:02d}", "month", unresolved="no year, and the article has no date")
        y = self.ref.year
        which = which.lower()
        if which == "next" or (which not in ("last", "earlier this", "since", "after") and self.future and month > self.ref.month):
            year, rule = (y if month > self.ref.month else y + 1), "the next such month after the article date"
        elif which == "last":
            year, rule = (y if month < self.ref.month else y - 1), "the latest such month before the article's month"
        elif which in ("this", "earlier this", "later this"):
            year, rule = y, "the month of the article's year"
        else:
            year, rule = (y if month <= self.ref.month else y - 1), "the latest such month on or before the article's month"
        return self.relative(text, _month_iso(year, month), "month", rule)

    def weekday(self, text: str, name: str, which: str | None) -> DateCandidate:
        target = WEEKDAYS.index(name.lower())
        which = (which or "").lower()
        if self.ref is None:
            return DateCandidate(text, None, "day", rule="a weekday needs the article date", unresolved="the article has no date to count from")
        back = (self.ref.weekday() - target) % 7
        if which == "next":
            ahead = (target - self.ref.weekday()) % 7 or 7
            return self.relative(text, (self.ref + dt.timedelta(days=ahead)).isoformat(), "day", f"the first {name} after the article date")
        if which in ("until", "till", "through", "this coming"):
            ahead = (target - self.ref.weekday()) % 7
            return self.relative(text, (self.ref + dt.timedelta(days=ahead)).isoformat(), "day", f"the first {name} on or after the article date (a deadline)")
        if which == "last" and back == 0:
            back = 7
        rule = f"the latest {name} on or before the article date" if which != "last" else f"the latest {name} before the article date"
        return self.relative(text, (self.ref - dt.timedelta(days=back)).isoformat(), "day", rule)


def _resolve(kind: str, m: re.Match, text: str, r: _Resolver) -> DateCandidate | None:
    g = m.group
    ref = r.ref
    if kind == "iso":
        date = _date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        return DateCandidate(text, date.isoformat(), "day") if date else None
    if kind == "zh_full":
        if g("zh_d"):
            date = _date(int(g("zh_y")), int(g("zh_m")), int(g("zh_d")))
            return DateCandidate(text, date.isoformat(), "day") if date else None
        return DateCandidate(text, _month_iso(int(g("zh_y")), int(g("zh_m"))), "month")
    if kind == "zh_md":
        return r.month_day(text, int(g("zhmd_m")), int(g("zhmd_d")), None)
    if kind in ("md_range", "dm_range"):
        if kind == "md_range":
            m1, d1, m2, d2, y = g("r_m1"), g("r_d1"), g("r_m2") or g("r_m1"), g("r_d2"), g("r_y")
        else:
            m1, d1, m2, d2, y = g("rb_m"), g("rb_d1"), g("rb_m"), g("rb_d2"), g("rb_y")
        start = r.month_day(text, month_number(m1), _day(d1), int(y) if y else None)
        if start is None or start.iso is None or start.iso.startswith("--"):
            return start
        sy = int(start.iso[:4])
        month2 = month_number(m2)
        end = _date(sy + (1 if month2 < month_number(m1) else 0), month2, _day(d2))
        if end is None or end.isoformat() < start.iso:
            return None
        start.end = end.isoformat()
        return start
    if kind == "mdy":
        return r.month_day(text, month_number(g("a_m")), _day(g("a_d")), int(g("a_y")))
    if kind == "dmy":
        return r.month_day(text, month_number(g("b_m")), _day(g("b_d")), int(g("b_y")))
    if kind == "md":
        return r.month_day(text, month_number(g("c_m")), _day(g("c_d")), None)
    if kind == "dm":
        return r.month_day(text, month_number(g("e_m")), _day(g("e_d")), None)
    if kind == "year_range":
        y1, y2 = int(g("y1")), g("y2")
        y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if not y1 < y2 <= y1 + 100:
            return None
        return DateCandidate(text, str(y1), "year", end=str(y2))
    if kind == "period":
        return _period(text, g("p_which"), g("p_of"), r)
    if kind == "bare_period":
        return _period(text, g("bp_which"), "this year", r)
    if kind == "month_range":
        return _month_range(text, month_number(g("mr_m1")), month_number(g("mr_m2")), g("mr_y"), r)
    if kind == "qualified_year":
        of = g("q_of").lower()
        if of[0].isdigit():
            return DateCandidate(text, of, "year")
        year = {"this year": 0, "last year": -1, "next year": 1}[of]
        return r.relative(text, str(ref.year + year) if ref else None, "year", f"{of} counted from the article's year")
    if kind == "month_year":
        return DateCandidate(text, _month_iso(int(g("my_y")), month_number(g("my_m"))), "month")
    if kind == "rel_month":
        which = g("rm_which").lower()
        return r.month(text, month_number(g("rm_m")), which)
    if kind == "weekday":
        return r.weekday(text, g("w_day"), g("w_which"))
    if kind == "ago":
        n = _count(g("ago_n"))
        unit = g("ago_unit").lower()
        if ref is None:
            return r.relative(text, None, {"week": "week"}.get(unit, unit), f"{n} {unit}(s) before the article date")
        if unit == "day":
            return r.relative(text, (ref - dt.timedelta(days=n)).isoformat(), "day", f"{n} day(s) before the article date")
        if unit == "week":
            return r.relative(text, _iso_week(ref - dt.timedelta(weeks=n)), "week", f"{n} week(s) before the article date")
        if unit == "month":
            return r.relative(text, _month_iso(*_shift_month(ref.year, ref.month, -n)), "month", f"{n} month(s) before the article's month")
        return r.relative(text, str(ref.year - n), "year", f"{n} year(s) before the article's year")
    if kind == "rel_unit":
        return _relative_unit(text, g("ru_which").lower(), g("ru_unit").lower(), r)
    if kind == "rel_day":
        word = g("rd").lower()
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
        return r.relative(text, (ref + dt.timedelta(days=shift)).isoformat() if ref else None, "day", f"{word}: the article date {shift:+d} day(s)")
    if kind == "year":
        return DateCandidate(text, g("yr"), "year")
    return None


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _relative_unit(text: str, which: str, unit: str, r: _Resolver) -> DateCandidate | None:
    if which == "the past":
        return None  # "the past year" is a span that ends now, not a date
    offset = {"last": -1, "the previous": -1, "the same period last": -1, "next": 1}.get(which, 0)
    ref = r.ref
    rule = f"{which} {unit} counted from the article date"
    if ref is None:
        return r.relative(text, None, unit, rule)
    if unit == "year":
        return r.relative(text, str(ref.year + offset), "year", rule)
    if unit == "month":
        return r.relative(text, _month_iso(*_shift_month(ref.year, ref.month, offset)), "month", rule)
    return r.relative(text, _iso_week(ref + dt.timedelta(weeks=offset)), "week", rule)


def _period(text: str, which: str, of: str, r: _Resolver) -> DateCandidate | None:
    """"the end of January", "the first half of 2024", "the end of last year"."""
    which = " ".join(which.lower().split()).removeprefix("the ")
    of_l = of.lower()
    ref = r.ref
    relative = None
    if re.fullmatch(_Y, of):
        year = int(of)
    elif m := re.match(rf"({_M}),?\s+({_Y})", of):
        return _month_part(text, int(m[2]), month_number(m[1]), which, None, r)
    elif re.fullmatch(_M, of):
        month = month_number(of)
        base = r.month(of, month, "in")
        if base.iso is None or base.iso.startswith("--"):
            return DateCandidate(text, base.iso, "month", unresolved=base.unresolved)
        return _month_part(text, int(base.iso[:4]), month, which, base.rule, r)
    else:
        offset = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(of_l.rsplit(" ", 1)[0], 0)
        of_l = "this year" if of_l == "the year" else of_l
        if ref is None:
            return r.relative(text, None, "month", f"{of_l} counted from the article's year")
        year = ref.year + offset
        relative = f"{of_l} counted from the article's year"
    if which.startswith(("end", "close", "turn")):
        months = (12, 12)
    elif which.startswith(("beginning", "start")):
        months = (1, 1)
    elif which.startswith("middle"):
        months = (6, 7)
    elif "half" in which:
        months = (1, 6) if which.startswith("first") else (7, 12)
    elif "quarter" in which and "first " in which and which.split()[1] in NUMBER_WORDS:
        n = NUMBER_WORDS[which.split()[1]]
        months = (1, n if "months" in which else 3 * n)
    elif "quarter" in which:
        q = ORDINALS[which.split()[0]]
        months = (3 * q - 2, 3 * q)
    else:
        n = NUMBER_WORDS.get(which.split()[1], 1)
        months = (1, n if "months" in which else 3 * n)
    start, end = _month_iso(year, months[0]), _month_iso(year, months[1])
    candidate = DateCandidate(text, start, "month", end=end if end != start else None)
    if relative:
        candidate.resolved_from, candidate.rule = f'"{text}" relative to {r.ref_label}', relative
    return candidate


def _month_range(text: str, first: int, last: int, year: str | None, r: _Resolver) -> DateCandidate | None:
    if year:
        start_year = int(year) - (1 if last < first else 0)
        return DateCandidate(text, _month_iso(start_year, first), "month", end=_month_iso(int(year), last))
    start = r.month(text, first, "from")
    if start.iso is None or start.iso.startswith("--"):
        return start
    start_year = int(start.iso[:4])
    start.end = _month_iso(start_year + (1 if last < first else 0), last)
    return start


def _month_part(text: str, year: int, month: int, which: str, rule: str | None, r: _Resolver) -> DateCandidate:
    candidate = DateCandidate(text, _month_iso(year, month), "month")
    if rule:
        candidate.resolved_from, candidate.rule = f'"{text}" relative to {r.ref_label}', rule
    return candidate


def find_dates_and_spans(sentence: str, ref: dt.date | None = None, ref_label: str | None = None) -> tuple[list[DateCandidate], list[tuple[int, int]]]:
    """Every date expression in ``sentence``, resolved against the article date ``ref``,
    and where each sits (so other extractors can skip them: a year is not a figure)."""
    resolver = _Resolver(ref, ref_label or (ref.isoformat() if ref else None), sentence)
    found: list[DateCandidate] = []
    spans: list[tuple[int, int]] = []
    for m in _RE.finditer(sentence):
        spans.append(m.span())
        kind = m.lastgroup
        candidate = _resolve(kind, m, m.group(kind).strip(), resolver)
        if candidate is not None:
            found.append(candidate)
    return found, spans


def find_dates(sentence: str, ref: dt.date | None = None, ref_label: str | None = None) -> list[DateCandidate]:
    return find_dates_and_spans(sentence, ref, ref_label)[0]


def date_spans(sentence: str) -> list[tuple[int, int]]:
    return find_dates_and_spans(sentence)[1]
