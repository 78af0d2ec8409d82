"""The short lines above an article's body that date it: bylines, date lines, issue lines.

A front-matter paragraph (at most ``MAX_LENGTH`` characters) is a byline when it is:

- a credit: "By" and a capitalised name, perhaps with place, outlet and time
  ("By ZHANG YU in Guangzhou | China Daily | Updated: 2024-03-25 07:12");
- a labelled date: "Updated", "Published", "Posted", "Released" or "Date",
  then a date ("Published: Apr 24, 2024 10:07 PM", "Updated 2024-03-25");
- a date stamp and nothing else but a time, a "By ..." credit, an outlet in
  brackets or "Source: ..." ("10:53, February 13, 2025 By Li Hua",
  "SEPTEMBER 3, 2024", "Published: 14:30, 2 July 2024");
- short fields separated by "|", "·" or a spaced dash, one of them a date stamp
  ("Xinhua | Updated: 2024-05-01 21:05", "2024-08-16 15:40 | Source: Guizhou Daily",
  "By Wang Lin  ·  2024-09-12  ·  Source: NO.38 SEPTEMBER 19, 2024"); the byline's own stamp
  dates the article, not the print issue a "Source:" field names after it;
- an issue line: volume and issue numbers, then a date or a month
  ("NO.38 SEPTEMBER 21, 2023", "VOL.67 NO.3 MARCH 2024").

A date stamp is a whole date (ISO "2024-05-01", "February 13, 2025" or
"2 July 2024", month names capitalised or in capitals). A sentence never
matches: the stamp forms are anchored at both ends, so "September 3, 2024
marked a turn" or "By 2025, China aims ..." stay body text.
"""

from __future__ import annotations

import datetime as dt
import re

from ..months import MONTH_PATTERN, month_number

MAX_LENGTH = 140
_FIELD_LENGTH = 60

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
_ISO = r"(?P<iso>\d{4}-\d{2}-\d{2})"
_MDY = rf"(?P<mdy_m>{MONTH_PATTERN})\s+(?P<mdy_d>\d{{1,2}}),?\s+(?P<mdy_y>\d{{4}})"
_DMY = rf"(?P<dmy_d>\d{{1,2}})\s+(?P<dmy_m>{MONTH_PATTERN}),?\s+(?P<dmy_y>\d{{4}})"
_DATE = rf"(?:{_ISO}|{_MDY}|{_DMY})"
_LABEL = r"(?:Updated|Published|Posted|Released|Date)(?:\s+on)?\s*:?\s*"
_STAMP = rf"(?:{_LABEL})?(?:{_TIME},?\s+)?{_DATE}(?:,?\s+{_TIME})?"

_CREDIT = re.compile(r"^By\s+[A-Z][A-Za-z.'\-]+(?:\s+[A-Za-z.'\-|:]+|\s+\d[\d:\-]*){0,14}$")
_LABELLED = re.compile(rf"^{_LABEL}(?:{_TIME},?\s+)?(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{MONTH_PATTERN}|{MONTH_PATTERN}).*$")
_STAMP_LINE = re.compile(rf"^{_STAMP}(?:\s+(?:By\s+[A-Z].*|\(.*\)|Source:.*))?$")
_STAMP_FIELD = re.compile(rf"^{_STAMP}$")
_ISSUE_NUMBERS = r"(?:(?:VOL|Vol|NO|No|ISSUE|Issue)\.?\s?\d+[,\s·|/-]*)+"
_ISSUE = re.compile(rf"^{_ISSUE_NUMBERS}(?:{_DATE}|{MONTH_PATTERN},?\s+\d{{4}})$")
_FIND_DATE = re.compile(rf"(?<![\w-]){_DATE}(?![\w-])")
# Between the fields of a byline: a bar, a middle dot, or a dash with spaces around it (an ISO date's
# own hyphens have none).
_SEPARATOR = re.compile(r"\s*[|·]\s*|\s+[-–—]\s+")


def fields(text: str) -> list[str]:
    """A byline's fields: ``"By Wang Lin · 2024-09-12 · Source: ..."`` → three."""
    return [f.strip() for f in _SEPARATOR.split(text)]


def is_byline(text: str) -> bool:
    """Whether a front-matter paragraph is a byline, date line or issue line (rules above)."""
    if len(text) > MAX_LENGTH:
        return False
    if _CREDIT.match(text) or _LABELLED.match(text) or _STAMP_LINE.match(text) or _ISSUE.match(text):
        return True
    parts = fields(text)
    return len(parts) > 1 and all(0 < len(f) <= _FIELD_LENGTH for f in parts) and any(_STAMP_FIELD.match(f) for f in parts)


def _real(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_of(text: str) -> str | None:
    """The first whole date in ``text`` as ISO, or None (a month alone is not a date).

    An issue line's numbers are not a day: "NO.3 MARCH 2024" is March 2024. In a byline of fields, a
    field that is a date stamp wins over a date inside another field ("Source: NO.38 SEPTEMBER 19, 2024"
    names the print issue, not the day the piece was published)."""
    stamped = [f for f in fields(text) if _STAMP_FIELD.match(f)]
    if stamped and stamped[0] != text:
        text = stamped[0]
    m = _FIND_DATE.search(re.sub(rf"^{_ISSUE_NUMBERS}", "", text))
    if m is None:
        return None
    if m["iso"]:
        return _real(*map(int, m["iso"].split("-")))
    if m["mdy_m"]:
        return _real(int(m["mdy_y"]), month_number(m["mdy_m"]) or 0, int(m["mdy_d"]))
    return _real(int(m["dmy_y"]), month_number(m["dmy_m"]) or 0, int(m["dmy_d"]))


def month_only(text: str) -> bool:
    """Whether ``text`` names a month and year but no whole date ("VOL.67 NO.3 MARCH 2024")."""
    return date_of(text) is None and re.search(rf"(?<!\w){MONTH_PATTERN},?\s+\d{{4}}(?!\d)", text) is not None
