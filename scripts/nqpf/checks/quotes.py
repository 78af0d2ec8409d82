"""Every quote is verbatim in its source; curated prose is never a copy of it.

Matching folds only whitespace and quote-mark styles (see
:func:`nqpf.ingest.typography.fold`), so a quote must be the source's own
words, garbles included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..curated import Curated
from ..ingest.typography import fold
from ..kinds import DATASET_NAMES
from ..report import Problem
from .walk import evidence_items, find_key

# A run of this many words shared with the source means the summary was
# copied, not written.
COPIED_WORDS = 10


def _longest_found_prefix(quote: str, text: str) -> int:
    low, high = 0, len(quote)
    while low < high:
        mid = (low + high + 1) // 2
        if quote[:mid] in text:
            low = mid
        else:
            high = mid - 1
    return low


def _not_found(quote: str, text: str) -> str:
    found = _longest_found_prefix(quote, text)
    if found < 12:
        return "not found in the source"
    at = text.index(quote[:found])
    return (
        f"not found in the source: the first {found} characters match, then the quote has "
        f"{quote[found:found + 30]!r} where the source has {text[at + found:at + found + 30]!r}"
    )


def check_quotes(curated: Curated) -> Iterable[Problem]:
    """Each evidence quote occurs in the cleaned text of the source it names."""
    for name in DATASET_NAMES:
        doc = curated.docs.get(name)
        if doc is None or name == "sources":
            continue
        for where, item in evidence_items(doc.data):
            quote, source = item.get("quote"), item.get("source")
            article = curated.article(source) if isinstance(source, str) else None
            if not isinstance(quote, str) or article is None:
                continue
            text = curated.corpus.folded[article.path]
            if fold(quote) not in text:
                yield doc.problem(where + ("quote",), _not_found(fold(quote), text))


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", fold(text).lower())


@lru_cache(maxsize=64)
def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = _words(text)
    return frozenset(tuple(words[i : i + COPIED_WORDS]) for i in range(len(words) - COPIED_WORDS + 1))


def check_own_words(curated: Curated) -> Iterable[Problem]:
    """Summaries and definitions are our own words: no 10-word run copied from any source."""
    shingles = frozenset().union(*(_shingles(text) for text in curated.corpus.folded.values())) if curated.corpus.folded else frozenset()
    for name in DATASET_NAMES:
        doc = curated.docs.get(name)
        if doc is None or name == "sources":
            continue
        for field in ("summary", "short", "long"):
            for where, value in find_key(doc.data, field):
                if not isinstance(value, str):
                    continue
                words = _words(value)
                for i in range(len(words) - COPIED_WORDS + 1):
                    if tuple(words[i : i + COPIED_WORDS]) in shingles:
                        run = " ".join(words[i : i + COPIED_WORDS])
                        yield doc.problem(where, f"copies the source word for word ({run!r}); write it in your own words and quote the source in evidence")
                        break
