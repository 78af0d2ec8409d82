"""Split cleaned paragraphs into sentences that remember their raw line numbers.

Every candidate fact cites the sentence it came from, so the sentence must be
a real sentence ("Feb. 6" and "Mr. Xi" do not end one) and must point back to
the raw lines of the seed file, also inside hard-wrapped paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ingest import Article, Paragraph
from ..ingest.typography import normalise

# Words that end in a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st sr jr gen gov sen rep rev capt col lt sgt messrs
    jan feb mar apr jun jul aug sep sept oct nov dec
    no nos co corp inc ltd plc dept est approx vs etc al fig vol op
    u.s u.k u.n e.g i.e a.m p.m
    """.split()
)

# A full stop, question or exclamation mark (or a Chinese one), perhaps a
# closing quote or bracket, then space and what can start a sentence.
_BOUNDARY = re.compile(r"""([.!?]+["')\]]*|[。！？]["”’)\]]*)(\s+)(?=["'(\[]?[A-Z\u2013\u2014\u4e00-\u9fff])|[。！？](?=\S)""")
MAX_SENTENCE = 1500
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Sentence:
    text: str
    lines: tuple[int, ...]
    kind: str  # the paragraph's kind: headline, byline, caption, heading, body, list-item

    def evidence(self) -> dict:
        return {"sentence": self.text, "lines": list(self.lines)}


def _ends_sentence(text: str, stop: int) -> bool:
    """Whether the full stop at ``text[stop]`` ends a sentence."""
    if text[stop] != ".":
        return True
    m = _WORD_BEFORE.search(text, max(0, stop - 40), stop)
    if not m:
        return True
    word = m.group(1).lower()
    if word in ABBREVIATIONS:
        return False
    # An initial ("J. Smith") or an acronym written with dots ("U.S.").
    return not (len(word) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def split_text(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of one paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if not _ends_sentence(text, m.start()):
            continue
        end = m.end(1) if m.group(1) else m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    spans = [piece for span in spans for piece in _cut(text, *span)]
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A "sentence" longer than any real one (a run-on scrape, a wall of text)
    is cut at spaces into pieces of at most MAX_SENTENCE characters, so no
    extractor ever works on an unbounded string."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _line_offsets(paragraph: Paragraph, raw_lines: list[str] | None) -> list[tuple[int, int]]:
    """``(offset in paragraph text, raw line number)`` where each raw line starts.

    The paragraph text is the raw lines normalised and joined by spaces,
    minus whatever the cleaner cut from its start (a dateline, a bullet), so
    the offsets are counted from the end of the joined text.
    """
    if raw_lines is None or len(paragraph.lines) == 1:
        return [(0, paragraph.lines[0])]
    parts = [normalise(raw_lines[n - 1]) for n in paragraph.lines]
    joined_length = sum(len(p) for p in parts) + len(parts) - 1
    shift = joined_length - len(paragraph.text)
    offsets, position = [], 0
    for part, number in zip(parts, paragraph.lines, strict=True):
        offsets.append((max(0, position - shift), number))
        position += len(part) + 1
    return offsets


def _lines_of(offsets: list[tuple[int, int]], start: int, end: int) -> tuple[int, ...]:
    first = max((n for o, n in offsets if o <= start), default=offsets[0][1])
    last = max((n for o, n in offsets if o < end), default=first)
    return tuple(range(first, max(first, last) + 1))


def sentences(article: Article, raw_text: str | None = None) -> list[Sentence]:
    """Every sentence of ``article``, in order; ``raw_text`` locates wrapped lines."""
    raw_lines = raw_text.split("\n") if raw_text is not None else None
    out: list[Sentence] = []
    for paragraph in article.paragraphs:
        offsets = _line_offsets(paragraph, raw_lines)
        for start, end in split_text(paragraph.text):
            out.append(Sentence(paragraph.text[start:end], _lines_of(offsets, start, end), paragraph.kind))
    return out
