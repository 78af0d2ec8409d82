"""Turn one raw scraped article into clean, classified paragraphs.

Every cleaned paragraph keeps the raw line numbers it came from, so a fact
quoted from it can always be traced back to the untouched seed file.

A raw line is either kept (in a paragraph) or removed (as noise), with one
exception: a header line with text after it, the headline in the scrapes
seen (" date 2025-02-13 Several provinces ..."), is both, its header removed
and the rest kept as a paragraph of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from ..months import MONTH_PATTERN, month_number
from . import front, noise
from .typography import normalise

BODY_KINDS = ("body", "list-item", "heading")

_TERMINAL = tuple('.!?:;,"\')]\u2026')
_BULLET_RE = re.compile(r"^\s*(?:[\u2013\u2014\u2022\u00b7*]|-(?!-))\s*(?=\S)")
_CAPTION_RE = re.compile(
    r"(?:[\[(][^\[\]()]{0,60}(?:Photo|PHOTO|photo|/|VCG|CFP|Getty|IC\b)[^\[\]()]{0,60}[\])]\s*$)"
    r"|^(?:(?:A |This )?(?:file |aerial |drone )?photo taken on\b|File photo\b|Photo\s*:)",
    re.IGNORECASE,
)

_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'\- ]{1,30}?(?:,\s(?!" + MONTH_PATTERN + r")[A-Z][A-Za-z.'\- ]{0,20}?)?)"
    r"(?:\s*\((?P<agency>[^()]{1,30})\))?"
    r"(?:,?\s+(?P<date>" + MONTH_PATTERN + r"\s+\d{1,2}(?:,?\s+\d{4})?))?"
    r"\s*(?:/(?P<wire>[^/]{1,30})/|\((?P<agency2>[^()]{1,30})\))?"
    r"\s*(?:\u2014|\u2013|-)\s+(?=\S)"
)


@dataclass
class Paragraph:
    kind: str
    text: str
    lines: list[int]


@dataclass
class Dateline:
    text: str
    place: str
    date: str | None
    iso: str | None
    agency: str | None
    line: int


@dataclass
class Removed:
    kind: str
    lines: list[int]


@dataclass
class Article:
    path: str
    header_date: str | None = None
    byline_date: str | None = None
    byline_line: int | None = None  # the raw line of the byline that dated the article
    dateline: Dateline | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)

    def first(self, kind: str) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.kind == kind), None)

    @property
    def headline(self) -> Paragraph | None:
        return self.first("headline")

    @property
    def body(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind in BODY_KINDS]

    @property
    def captions(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "caption"]

    @property
    def published(self) -> tuple[str | None, str | None]:
        """The article's own date and where it was read from."""
        if self.header_date:
            return self.header_date, "header line"
        if self.byline_date:
            return self.byline_date, "byline"
        if self.dateline and self.dateline.iso:
            return self.dateline.iso, "dateline"
        return None, None

    @property
    def published_line(self) -> int | None:
        """The raw line the article's own date was read from (the header line is line 1)."""
        basis = self.published[1]
        if basis == "header line":
            return 1
        if basis == "byline":
            return self.byline_line
        return self.dateline.line if basis == "dateline" and self.dateline else None

    def text(self) -> str:
        """The cleaned article as plain text, one paragraph per block."""
        return "\n\n".join(p.text for p in self.paragraphs) + "\n"

    def to_dict(self) -> dict:
        published, basis = self.published
        data = asdict(self)
        data["published"] = published
        data["published_basis"] = basis
        return data


def _real_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def dateline_date(dateline: Dateline, reference: dt.date) -> str | None:
    """The ISO date of a yearless dateline ("Feb. 7") in the year ``reference`` gives,
    by the rule of :func:`_resolve_month_day`; None if the dateline has no day."""
    if not dateline.date:
        return None
    parts = re.match(r"(\S+)\s+(\d{1,2})", dateline.date)
    return _resolve_month_day(month_number(parts[1]) or 0, int(parts[2]), reference)


def _resolve_month_day(month: int, day: int, reference: dt.date | None) -> str | None:
    """A yearless dateline belongs to the reference date's year, or the one before
    when that would put it more than a week after the reference."""
    if reference is None:
        return None
    for year in (reference.year, reference.year - 1):
        date = _real_date(year, month, day)
        if date and date <= reference + dt.timedelta(days=7):
            return date.isoformat()
    return None


def _is_title_like(text: str, allow_colon: bool = False) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 25
        and len(text) <= 180
        and not text.endswith((".", ",", ";"))
        and (allow_colon or not re.search(r"\w:\s+\S", text))
        and (text[0].isupper() or text[0] in "\"'0123456789")
    )


def _is_heading(text: str) -> bool:
    return _is_title_like(text) and len(text.split()) <= 15 and len(text) <= 120


def _joins(line: str, following: str) -> bool:
    """Whether a hard-wrapped ``line`` continues on ``following``.

    Scrapes put one paragraph on one line, but wire copy wraps at ~70
    columns; a long line that stops mid-sentence, or a next line that starts
    in lower case, is a wrap rather than a new paragraph.
    """
    line = line.rstrip()
    if _BULLET_RE.match(following) or line.endswith(_TERMINAL):
        return False
    return len(line) >= 55 or following.lstrip()[:1].islower()


def _blocks(lines: list[str], dropped: set[int], alone: set[int]) -> list[list[int]]:
    """Runs of consecutive kept, non-blank line indexes; a line in ``alone`` is a run of its own."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if i in dropped or not line.strip() or i in alone:
            if current:
                blocks.append(current)
                current = []
            if i in alone:
                blocks.append([i])
        else:
            current.append(i)
    if current:
        blocks.append(current)
    return blocks


def _paragraphs(lines: list[str], block: list[int]) -> list[tuple[str, list[int]]]:
    out: list[tuple[str, list[int]]] = []
    for i in block:
        if out and _joins(out[-1][0], lines[i]):
            text, numbers = out[-1]
            out[-1] = (text.rstrip() + " " + lines[i].strip(), numbers + [i + 1])
        else:
            out.append((lines[i], [i + 1]))
    return out


# A magazine's section label above the headline: one to three words in capitals, nothing else.
_SECTION_LABEL = re.compile(r"^[A-Z][A-Z&'-]*(?: [A-Z&'-]+){0,2}$")


def _classify(text: str) -> tuple[str, str]:
    if _CAPTION_RE.search(text):
        return "caption", text
    if bullet := _BULLET_RE.match(text):
        return "list-item", text[bullet.end():]
    if _is_heading(text):
        return "heading", text
    return "body", text


def _take_dateline(article: Article, reference: dt.date | None) -> None:
    for paragraph in article.paragraphs[:4]:
        if paragraph.kind != "body":
            continue
        m = _DATELINE_RE.match(paragraph.text)
        if m and (m["date"] or m["agency"] or m["wire"] or m["agency2"] or m["place"].isupper()):
            iso = None
            if m["date"]:
                parts = re.match(r"(\S+)\s+(\d{1,2})(?:,?\s+(\d{4}))?", m["date"])
                month, day = month_number(parts[1]) or 0, int(parts[2])
                if parts[3]:
                    date = _real_date(int(parts[3]), month, day)
                    iso = date.isoformat() if date else None
                else:
                    iso = _resolve_month_day(month, day, reference)
            article.dateline = Dateline(
                text=m.group(0).strip(),
                place=m["place"].strip(),
                date=m["date"],
                iso=iso,
                agency=m["wire"] or m["agency2"] or m["agency"],
                line=paragraph.lines[0],
            )
            paragraph.text = paragraph.text[m.end():]
        return


def clean(path: str, text: str) -> Article:
    """Clean ``text`` (already checked by :mod:`nqpf.rawtext`) read from ``path``."""
    lines = text.split("\n")
    article = Article(path=path)
    dropped: dict[int, str] = {}

    content = [i for i, line in enumerate(lines) if line.strip()]
    after_header: set[int] = set()
    for i in content[:3]:
        if m := noise.HEADER_RE.match(lines[i]):
            dropped[i] = "header-line"
            article.header_date = m["date"] if _real_date(*map(int, m["date"].split("-"))) else None
            if m["rest"]:
                # What follows the header on its line (the headline, in the scrapes seen) is kept as a
                # paragraph of its own: the scraper joined it to the header, not to the next line.
                after_header.add(i)
                lines = lines[:i] + [lines[i][m.start("rest"):]] + lines[i + 1:]
            break

    if (start := noise.footer_start(lines)) is not None:
        for i in content:
            if i >= start:
                dropped[i] = "comment-form"

    for i in content:
        if i not in dropped and (kind := noise.classify_line(lines[i])):
            dropped[i] = kind

    for i in sorted(dropped):
        kind = dropped[i]
        if article.removed and article.removed[-1].kind == kind:
            article.removed[-1].lines.append(i + 1)
        else:
            article.removed.append(Removed(kind, [i + 1]))

    for block in _blocks(lines, set(dropped) - after_header, after_header):
        for raw, numbers in _paragraphs(lines, block):
            cleaned = normalise(raw)
            if cleaned:
                kind, cleaned = _classify(cleaned)
                article.paragraphs.append(Paragraph(kind, cleaned, numbers))

    _mark_front_matter(article)
    reference = dt.date.fromisoformat(article.header_date) if article.header_date else None
    if reference is None and article.byline_date:
        reference = dt.date.fromisoformat(article.byline_date)
    _take_dateline(article, reference)
    return article


def _mark_front_matter(article: Article) -> None:
    """Headline and byline live before the body; find them there only.

    Bylines, date lines and issue lines (:mod:`.front`) are looked for in the
    first four paragraphs; the first one with a whole date dates the article.
    The headline is the first paragraph that is not one of them, when it reads
    like a title and is not the last paragraph: a magazine prints its issue
    line, a press release its date line, above the headline. A paragraph after
    a "By ..." credit is not a headline: credits follow headlines. A section
    label in capitals ("ECONOMY", "WORLD AFFAIRS") above a title stays a
    heading: the title under it is the headline.
    """
    paragraphs = article.paragraphs
    for paragraph in paragraphs[:4]:
        if paragraph.kind in ("body", "heading") and front.is_byline(paragraph.text):
            paragraph.kind = "byline"
            if article.byline_date is None and (found := front.date_of(paragraph.text)):
                article.byline_date, article.byline_line = found, paragraph.lines[0]
    first = next((i for i, p in enumerate(paragraphs) if p.kind != "byline"), None)
    if first is not None and first + 2 < len(paragraphs) and _SECTION_LABEL.match(paragraphs[first].text):
        first += 1
    if first and any(p.text.startswith("By ") for p in paragraphs[:first]):
        return
    if (
        first is not None
        and first < len(paragraphs) - 1
        and paragraphs[first].kind in ("heading", "body")
        and _is_title_like(paragraphs[first].text, allow_colon=True)
        and not _DATELINE_RE.match(paragraphs[first].text)
    ):
        paragraphs[first].kind = "headline"
