"""What every date rule shares: the pieces of pattern, the candidate, and the resolver.

The :class:`Resolver` puts one expression against the article date (``ref``)
by the rules listed in :mod:`nqpf.extract.dates`, and each candidate it makes
states its rule. Without an article date a relative expression stays
unresolved and says why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..months import MONTH_PATTERN

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}

M = f"(?:{MONTH_PATTERN})"
D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
Y = r"(?:1[89]\d\d|20\d\d|2100)"
WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUMW = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
REL_YEAR = r"(?i:(?:last|this|next|the previous|the following|the past)\s+year|the\s+year)"
REL_MONTH = r"(?i:(?:last|this|next|the previous|the following)\s+month|the\s+month)"
MONTH_REL_YEAR = r"(?i:last|this|next)\s+(?i:year)"

_FUTURE_WORDS = r"\b(?:will|shall|is to be|are to be|to be held|scheduled|upcoming|is expected to|are expected to|plans? to)\b"
_FUTURE = re.compile(_FUTURE_WORDS, re.I)
# Weaker signs, trusted only before the date they govern: in "said in March that
# it would open in October" the future is October's, not March's.
_FUTURE_BEFORE = re.compile(rf"{_FUTURE_WORDS}|\bwould\b(?!\s+have)|\b(?:is|are)\s+due\s+(?:in|on|by)\b", re.I)

YEAR_SHIFT = {"last year": -1, "this year": 0, "next year": 1}


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


def day_number(value: str) -> int:
    return int(re.match(r"\d+", value).group())


def real_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def month_iso(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + delta
    return index // 12, index % 12 + 1


def nearest_year(month: int, day: int, ref: dt.date) -> dt.date | None:
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := real_date(y, month, day))]
    return min(options, key=lambda d: (abs((d - ref).days), d)) if options else None


def count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


class Resolver:
    def __init__(self, ref: dt.date | None, ref_label: str | None, sentence: str):
        self.ref = ref
        self.ref_label = ref_label
        self.sentence = sentence
        self.start = 0  # where the expression being resolved starts in the sentence
        self.future = bool(_FUTURE.search(sentence))

    def future_before(self) -> bool:
        return bool(_FUTURE_BEFORE.search(self.sentence, 0, self.start))

    def relative(self, text: str, iso: str | None, precision: str, rule: str, end: str | None = None) -> DateCandidate:
        if self.ref is None:
            return DateCandidate(text, None, precision, end=None, rule=rule, unresolved="the article has no date to count from")
        return DateCandidate(text, iso, precision, end=end, resolved_from=f'"{text}" relative to {self.ref_label}', rule=rule)

    def month_day(self, text: str, month: int, day: int, year: int | None) -> DateCandidate | None:
        if year is not None:
            date = real_date(year, month, day)
            return DateCandidate(text, date.isoformat(), "day") if date else None
        if real_date(2024, month, day) is None:
            return None
        if self.ref is None:
            return DateCandidate(text, f"--{month:02d}-{day:02d}", "day", unresolved="no year, and the article has no date")
        date = nearest_year(month, day, self.ref)
        return self.relative(text, date.isoformat(), "day", "the year that puts the day nearest the article date")

    def month(self, text: str, month: int, which: str) -> DateCandidate:
        if self.ref is None:
            return DateCandidate(text, f"--{month:02d}", "month", unresolved="no year, and the article has no date")
        y = self.ref.year
        which = which.lower()
        later = month > self.ref.month and which not in ("last", "earlier this", "since", "after") and (self.future or self.future_before())
        earlier = month < self.ref.month and which not in ("last", "this", "earlier this", "later this", "since", "after") and self.future_before()
        if which == "next" or later or earlier:
            rule = "the next such month after the article's month" + ("" if which == "next" else ": the sentence speaks of the future")
            year = y if month > self.ref.month else y + 1
        elif which == "last":
            year, rule = (y if month < self.ref.month else y - 1), "the latest such month before the article's month"
        elif which in ("this", "earlier this", "later this"):
            year, rule = y, "the month of the article's year"
        else:
            year, rule = (y if month <= self.ref.month else y - 1), "the latest such month on or before the article's month"
        return self.relative(text, month_iso(year, month), "month", rule)

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


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
