"""One house style for text from any scrape.

Quote marks fold to ASCII (so a curator's typed quote matches the article and
extractors need one pattern, not four), exotic spaces become plain spaces,
invisible characters go, and runs of spaces collapse. Chinese characters and
full-width punctuation are left alone.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
    }
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
_TWO_APOSTROPHES = re.compile(r"''|``")
_DOUBLE_HYPHEN = re.compile(r"(?<=\s)--+(?=\s|$)")
_RUNS = re.compile(r" {2,}")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_INVISIBLE)
    text = _SPACES.sub(" ", text)
    text = text.translate(_QUOTES)
    text = _TWO_APOSTROPHES.sub('"', text)
    text = _DOUBLE_HYPHEN.sub("\u2014", text)
    text = _RUNS.sub(" ", text)
    return text.strip()


def fold(text: str) -> str:
    """The matching key for quotes: house style, then all whitespace as one space."""
    return " ".join(normalise(text).split())
