"""Two kinds of evidence: articles are quoted, references are located, never copied.

An article (``kind: article``) is a raw text in seeds/: a fact resting on it
quotes it verbatim (:mod:`nqpf.checks.quotes` checks the quote). A reference
(``kind: reference``) is a public web page: a fact resting on it says where
on the page it is (``locator``) and stores none of its text.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from ..curated import Curated
from ..kinds import DATASET_NAMES, KINDS
from ..report import Problem
from .walk import evidence_items, find_key

SOURCES = KINDS["source"].dataset


def _kinds(curated: Curated) -> dict[str, str]:
    return {item["id"]: item.get("kind") for _, item in curated.items(SOURCES) if isinstance(item.get("id"), str)}


def check_evidence_kinds(curated: Curated) -> Iterable[Problem]:
    """An article is cited with a verbatim quote; a reference with a locator, and never a quote;
    background (a `context` statement) cites references only."""
    kinds = _kinds(curated)
    for name in DATASET_NAMES:
        doc = curated.docs.get(name)
        if doc is None or name == SOURCES:
            continue
        for where, item in evidence_items(doc.data):
            kind = kinds.get(item.get("source"))
            if kind == "article" and "quote" not in item:
                yield doc.problem(where, "an article is cited with a verbatim quote, not a locator")
            elif kind == "reference" and "quote" in item:
                yield doc.problem(where + ("quote",), "a reference is never quoted: state the fact in our own words and give a locator")
            elif kind == "reference" and "locator" not in item:
                yield doc.problem(where, "a reference needs a locator: where on the page the fact is")
        for where, context in find_key(doc.data, "context"):
            if not isinstance(context, list):
                continue
            for i, claim in enumerate(context):
                for j, item in enumerate((claim or {}).get("evidence") or []) if isinstance(claim, dict) else ():
                    if isinstance(item, dict) and kinds.get(item.get("source")) == "article":
                        yield doc.problem(where + (i, "evidence", j, "source"),
                                          "background cites a reference (a public page); what an article says goes outside `context`")


# Fields that describe one kind of source only, and how a message names each kind.
ONLY = {
    "article": ("file", "outlet_basis", "outlet_note", "title_is_ours", "dateline", "published_basis", "published_note",
                "noise", "url_note"),
    "reference": ("link", "link_note", "published_from", "checked"),
}
A_KIND = {"article": "an article (a text in seeds/)", "reference": "a reference (a public page)"}


def check_source_fields(curated: Curated) -> Iterable[Problem]:
    """A source carries only the fields of its kind: a reference has no file, noise or dateline;
    an article has no kind of link or day checked."""
    doc = curated.docs.get(SOURCES)
    for i, item in curated.items(SOURCES):
        kind = item.get("kind")
        for other, fields in ONLY.items():
            if other == kind or kind not in ONLY:
                continue
            for field in fields:
                if field in item:
                    yield doc.problem((i, field), f"`{field}` belongs to {A_KIND[other]} only, and this source is "
                                                  f"{A_KIND[kind]}: remove the field or change the kind")


def url_problem(url: str) -> str | None:
    if any(c.isspace() for c in url):
        return "has a space in it"
    bad = sorted(set(url) & set('<>"{}|\\^`'))
    if bad:
        return f"has {' '.join(bad)} in it, which a URL writes percent-encoded"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"must be an http: or https: URL, not {parts.scheme + ':' if parts.scheme else 'a relative one'}"
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "must not carry credentials"
    if not parts.hostname or "." not in parts.hostname:
        return "has no host name"
    return None


def check_urls(curated: Curated) -> Iterable[Problem]:
    """Every source URL is a well-formed http: or https: URL without credentials or spaces, used
    once; http: only where the page is known only at http: (`http_only: true`)."""
    doc = curated.docs.get(SOURCES)
    first: dict[str, int] = {}
    for i, item in curated.items(SOURCES):
        url = item.get("url")
        if not isinstance(url, str):
            continue
        problem = url_problem(url)
        if problem:
            yield doc.problem((i, "url"), f"{url!r} {problem}")
            continue
        if url.startswith("http:") and item.get("http_only") is not True:
            yield doc.problem((i, "url"), "use the https: address; if the page is known only at http:, say so with http_only: true")
        if url in first:
            yield doc.problem((i, "url"), f"{url} is already the url of the source on line {first[url]}")
        else:
            first[url] = doc.line((i, "url"))


def check_references_cited(curated: Curated) -> Iterable[Problem]:
    """Every reference is cited at least once; every article names its original (url) or says what
    was searched for it (url_note). While a file that may cite references cannot be read, or has
    entries set aside for failing their schema, uncited references are not reported."""
    doc = curated.docs.get(SOURCES)
    citing = [curated.docs.get(name) for name in DATASET_NAMES if name != SOURCES]
    unreadable = {p.path for p in curated.problems}
    complete = not any(d is None or d.path in unreadable for d in citing) and not (curated.partial - {SOURCES})
    cited = {item.get("source") for d in citing if d is not None for _, item in evidence_items(d.data)}
    for i, item in curated.items(SOURCES):
        if item.get("kind") == "reference" and complete and item.get("id") not in cited:
            yield doc.problem((i, "id"), "no fact cites this reference; cite it or remove it")
        if item.get("kind") == "article" and "url" not in item and "url_note" not in item:
            yield doc.problem((i, "id"), "give the url of the article's original, or a url_note saying what was searched")
