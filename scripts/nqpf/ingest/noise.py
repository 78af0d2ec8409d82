"""What a scrape adds around an article, recognised line by line.

Each rule is a named pattern; :func:`classify_line` returns the rule's name
for a noise line and ``None`` for article text. The comment-form footer is
different: everything after its heading is dropped, so it is found by
:func:`footer_start`.

The scraper's header line is " date YYYY-MM-DD", perhaps with a time, and
some scrapes put the headline on the same line after it
(" date 2025-02-13 Several provinces ..."): :data:`HEADER_RE` gives the date
and, as ``rest``, whatever follows it.
"""

from __future__ import annotations

import re

HEADER_RE = re.compile(
    r"^\s*(?P<header>date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)(?:\s+(?P<rest>\S.*?))?\s*$"
)

_LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "php-warning",
        re.compile(
            r"^\s*(?:PHP\s+)?(?:Warning|Notice|Deprecated|Fatal error|Parse error|Strict Standards)\s*:"
            r".*\bon line\s+\d+\s*$"
        ),
    ),
    (
        "share-widget",
        re.compile(
            r"^\s*(?:Share(?: this)?(?: on \w+)?|Tweet|Print|Email|Like this|Loading\.\.\.|Click to share.*"
            r"|Share this (?:article|story)|Follow us on .*|Subscribe(?: to our newsletter)?)\s*:?\s*$",
            re.IGNORECASE,
        ),
    ),
    # A press release's banner, above its date line and headline.
    ("release-banner", re.compile(r"^\s*(?:FOR IMMEDIATE RELEASE|For Immediate Release|(?:NEWS|PRESS) RELEASE|(?:News|Press) Release)\s*:?\s*$")),
    ("advertisement", re.compile(r"^\s*(?:Advertisement|ADVERTISEMENT|Sponsored(?: content)?)\s*$")),
    (
        "editor-credit",
        re.compile(r"^\s*[\[(]?\s*(?:Web )?Editors?\s*:\s*[^\]\).]{1,60}[\])]?\s*$", re.IGNORECASE),
    ),
    ("copyright", re.compile(r"^\s*(?:Copyright\s*)?(?:©|\(c\))\s*.{0,100}$|^.{0,80}All rights reserved\.?\s*$", re.IGNORECASE)),
    ("related-links", re.compile(r"^\s*(?:Related(?: (?:stories|articles|news|posts))?|Read more|Recommended)\s*:?\s*$", re.IGNORECASE)),
]

_FOOTER_RE = re.compile(
    r"^\s*(?:Leave a (?:Reply|Comment)|Post a Comment|Add a comment|\d+\s+(?:Comments?|Responses?)"
    r"|Your email address will not be published\..*)\s*$",
    re.IGNORECASE,
)
# A comment form is short; a heading like "Leave a Reply" halfway up an
# article is more likely to be text, so only a tail this short is dropped.
FOOTER_MAX_LINES = 25


def classify_line(line: str) -> str | None:
    for name, pattern in _LINE_RULES:
        if pattern.match(line):
            return name
    return None


def footer_start(lines: list[str]) -> int | None:
    """Index of the first line of a trailing comment form, if there is one."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    for i in content:
        if _FOOTER_RE.match(lines[i]):
            tail = [j for j in content if j >= i]
            if len(tail) <= FOOTER_MAX_LINES:
                return i
            return None
    return None
