"""``draft``: what one article offers the curated data, shaped as entries to review.

Everything is filled in that the article itself shows (dates, names, figures,
the quotes as evidence, the source's headline, date and noise). What only a
curator can write, a summary in our own words, a title, the kind of event,
starts with ``TODO:`` and says what to write. A candidate that matches an
existing entry (an event on the same date, a person already named, a province,
a glossary term) becomes new evidence for that entry under ``extend``, never a
second entry.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..curated import Curated
from ..extract import Reference, extract
from ..extract.coverage import _term_keys
from ..extract.gazetteer import fold
from ..ingest import Article, clean
from ..ingest.typography import fold as fold_quote
from ..kinds import KINDS
from ..project import Project
from ..rawtext import read_text
from ..report import Problem
from . import TODO

NOISE_NOTES = {
    "header-line": "the scraper's \" date YYYY-MM-DD\" line",
    "php-warning": "web-server (PHP) warnings around the text",
    "comment-form": "the comment form after the article",
    "share-widget": "share buttons and their labels",
    "advertisement": "advertisement labels",
    "release-banner": "a press-release banner",
    "editor-credit": "the editor's credit line",
    "copyright": "the copyright line",
    "related-links": "links to related articles",
}

# Where an outlet names itself in a dateline or byline: (pattern, its id in data/outlets.yaml, its name, what shows it).
OUTLETS = (
    (re.compile(r"\(Xinhua\)|Xinhua"), "xinhua", "Xinhua", "The dateline names Xinhua."),
    (re.compile(r"/PRNewswire/"), "pr-newswire", "PR Newswire", "The dateline names PR Newswire."),
    (re.compile(r"chinadaily\.com\.cn|China Daily", re.I), "china-daily", "China Daily", "The byline names China Daily."),
    (re.compile(r"Global Times", re.I), "global-times", "Global Times", "The byline names the Global Times."),
    (re.compile(r"\(FN\)"), "financial-news", "Financial News (FN)", "The dateline carries \"(FN)\"."),
    (re.compile(r"\(Reuters\)|Reuters"), "reuters", "Reuters", "The dateline names Reuters."),
)


def slug(text: str, words: int = 6) -> str:
    parts = re.findall(r"[a-z0-9]+", fold(text).lower())
    stop = {"the", "a", "an", "of", "and", "in", "on", "to", "for", "at", "by", "with", "is", "are", "its", "as"}
    kept = [p for p in parts if p not in stop][:words] or ["entry"]
    return "-".join(kept)[:60].strip("-")


def _todo(hint: str) -> str:
    return f"{TODO} {hint}"


def _outlet(article: Article, declared: set[str]) -> tuple[str, str, str]:
    """``(outlet id, how it was established, a word for the source id)``; an outlet the registry does not
    declare yet is left for the curator, with its name."""
    heads = [article.dateline.text if article.dateline else ""] + [p.text for p in article.paragraphs if p.kind == "byline"]
    for pattern, ident, name, basis in OUTLETS:
        if any(pattern.search(h) for h in heads):
            if ident in declared:
                return ident, basis, name
            return _todo(f"{name}'s id in data/outlets.yaml: declare the outlet there ({basis[:-1].lower()})"), basis, name
    return _todo("the id of its outlet in data/outlets.yaml: the article names no outlet in its dateline or byline"), _todo(
        "how the outlet was established (a credit line, the house style, the page it came from)"), "article"


def _quality(article: Article) -> str:
    """A first guess at the language: garbled text breaks sentences off and repeats words."""
    text = " ".join(p.text for p in article.body)
    breaks = len(re.findall(r"\. [a-z]|\b(\w+) \1\b|\.\s*\.", text))  # not ".The": scrapes drop spaces
    per_thousand = 1000 * breaks / max(1, len(text.split()))
    return "garbled" if per_thousand > 4 else "machine-translated" if per_thousand > 1 else "clean"


def source_entry(project: Project, path: Path, article: Article, reference: Reference | None = None,
                 declared: set[str] = frozenset()) -> dict:
    published, basis = article.published
    headline = article.headline.text if article.headline else None
    outlet, outlet_basis, known = _outlet(article, declared)
    title = headline or _todo("a descriptive title in our own words (the article has no headline)")
    day = published or (reference.date.isoformat() if reference else "undated")
    ident = f"{slug(known, 2)}-{day}-{slug(headline or path.stem, 5)}"
    entry: dict[str, Any] = {
        "id": ident, "kind": "article", "file": project.show(path), "outlet": outlet, "outlet_basis": outlet_basis,
        "title": title, "title_is_ours": headline is None,
    }
    if article.dateline:
        entry["dateline"] = article.dateline.text
    if published:
        entry.update(published=published, published_basis=basis, published_note=f"The {basis} (raw line {article.published_line}) reads {published}.")
    elif reference is not None:
        entry.update(published=reference.date.isoformat(), published_basis="inferred",
                     published_note=_todo(f"why {reference.date.isoformat()} (given with --reference): the article prints no date"))
    else:
        entry.update(published=_todo("the publication date, YYYY-MM-DD (the article gives none)"), published_basis="inferred",
                     published_note=_todo("how the date was worked out, in our own words"))
    entry["language"] = {"quality": _quality(article),
                         "note": _todo("check the guessed quality against a few paragraphs and say why")}
    entry["noise"] = [{"kind": kind, "note": NOISE_NOTES.get(kind, kind)}
                      for kind in dict.fromkeys(r.kind for r in article.removed)]
    entry["url_note"] = _todo("search for the article's original: give its url, or say what was searched and not found")
    return entry


class _Draft:
    def __init__(self, curated: Curated, source_id: str, article: Article):
        self.curated, self.source_id = curated, source_id
        self.text = fold_quote("\n".join(p.text for p in article.paragraphs))
        self.add: dict[str, list[dict]] = {}
        self.extend: dict[tuple[str, str, str], list[dict]] = {}
        self.quoted: set[tuple[str, str, str]] = set()

    def evidence(self, sentence: str) -> dict:
        return {"source": self.source_id, "quote": sentence}

    def quotable(self, candidate: dict) -> bool:
        """A candidate whose sentence is not verbatim in the cleaned text (a dateline, a headline
        run into the body) cannot be quoted: the draft leaves it out."""
        return fold_quote(candidate["evidence"]["sentence"]) in self.text

    def new(self, kind: str, entry: dict) -> None:
        entries = self.add.setdefault(KINDS[kind].dataset, [])
        if not any(e["id"] == entry["id"] for e in entries):
            entries.append(entry)

    def more(self, kind: str, ident: str, field: str, item: dict, sentence: str) -> None:
        """Add ``item`` to the list ``field`` of an existing entry, once per sentence."""
        key = (KINDS[kind].dataset, ident, field)
        if (*key[:2], sentence) in self.quoted:
            return
        self.quoted.add((*key[:2], sentence))
        self.extend.setdefault(key, []).append(item)

    def as_data(self, source: dict, article_path: str) -> dict:
        out: dict[str, Any] = {"source": article_path, "add": {"sources": [source], **self.add}}
        if self.extend:
            out["extend"] = [{"file": f, "id": i, "at": at, "add": items} for (f, i, at), items in self.extend.items()]
        return out


def _events(draft: _Draft, record: dict) -> None:
    existing = {(e["date"], e["precision"]): e["id"] for e in draft.curated.data("timeline") or [] if isinstance(e, dict)}
    for c in record.get("dates", []):
        if not draft.quotable(c):
            continue
        if not c.get("iso") or c["precision"] not in ("day", "month") or c["iso"].startswith("--"):
            continue
        sentence = c["evidence"]["sentence"]
        match = existing.get((c["iso"], c["precision"]))
        if match:
            draft.more("event", match, "evidence", draft.evidence(sentence), sentence)
            continue
        drafted = next((e for e in draft.add.get(KINDS["event"].dataset, []) if (e["date"], e["precision"]) == (c["iso"], c["precision"])), None)
        if drafted is not None:  # a second sentence about the same day: one event, two quotes
            if draft.evidence(sentence) not in drafted["evidence"]:
                drafted["evidence"].append(draft.evidence(sentence))
            continue
        event = {"id": f"{c['iso']}-{slug(sentence, 5)}", "date": c["iso"], "precision": c["precision"]}
        if c.get("end"):
            event["end"] = c["end"]
        event.update({
            "title": _todo("a one-line title in our own words"),
            "summary": _todo(f"what happened, in our own words, from the quote (\"{c['text']}\")"),
            "category": _todo("one of the timeline's categories (meeting, conference, policy-document, ...)"),
            "date_basis": f"\"{c['text']}\": {c.get('resolved_from') or c['iso']}; {c['rule']}." if c.get("rule")
                          else f"\"{c['text']}\" in the article.",
            "evidence": [draft.evidence(sentence)],
        })
        draft.new("event", event)


def _people(draft: _Draft, record: dict, as_of: str | None) -> None:
    known: dict[str, str] = {}
    for person in draft.curated.data("people") or []:
        if isinstance(person, dict):
            for name in [person.get("name")] + [p.get("name") for p in person.get("printed_as") or []]:
                if isinstance(name, str):
                    known[fold(name)] = person["id"]
    for c in (c for c in record.get("people", []) if draft.quotable(c)):
        sentence = c["evidence"]["sentence"]
        point = {"summary": _todo(f"what {c['name']} said or did, in our own words"), "evidence": [draft.evidence(sentence)]}
        match = known.get(fold(c["name"]))
        if match:
            draft.more("person", match, "points", point, sentence)
            continue
        person = {"id": slug(c["name"], 4), "name": c["name"],
                  "role": c.get("role") or _todo("their role, as the article gives it"),
                  "affiliation": c.get("affiliation") or _todo("where they work, as the article gives it")}
        if as_of:
            person["as_of"] = as_of
        person["points"] = [point]
        draft.new("person", person)


def _figures(draft: _Draft, record: dict) -> None:
    for c in (c for c in record.get("figures", []) if draft.quotable(c)):
        sentence, text = c["evidence"]["sentence"], c["text"]
        unit = re.sub(r"^[\s$€£¥]*[\d.,]+\s*", "", text).strip() or c.get("unit") or _todo("the unit, as printed")
        measure = c.get("measure") or _todo("what the figure measures, in our own words")
        figure = {"id": slug(f"{measure if not str(measure).startswith(TODO) else 'figure'} {text}", 7),
                  "measure": measure[:1].upper() + measure[1:] if not measure.startswith(TODO) else measure,
                  "value": c["value"], "unit": unit,
                  "period": _todo("the year or date the figure describes (YYYY, YYYY-MM or YYYY-MM-DD)"),
                  "evidence": [draft.evidence(sentence)]}
        draft.new("figure", figure)


def _provinces(draft: _Draft, record: dict) -> None:
    by_code = {p["code"]: p for p in draft.curated.data("provinces") or [] if isinstance(p, dict)}
    for c in (c for c in record.get("places", []) if draft.quotable(c)):
        codes = c.get("codes") or [c.get("code")]
        for code in codes:
            province = by_code.get(code)
            if province is None or not c.get("mainland", True):
                continue
            sentence = c["evidence"]["sentence"]
            mention = {"summary": _todo(f"what the article says about {province['name']}, in our own words"),
                       "evidence": [draft.evidence(sentence)]}
            draft.more("province", province["id"], "mentions", mention, sentence)


def _terms(draft: _Draft, record: dict) -> None:
    known: dict[str, str] = {}
    for term in draft.curated.data("glossary") or []:
        if isinstance(term, dict):
            for name in [term.get("term"), term.get("chinese"), *(term.get("aliases") or [])]:
                if isinstance(name, str):
                    for key in _term_keys(name):
                        known[key] = term["id"]
    for c in (c for c in record.get("terms", []) if draft.quotable(c)):
        sentence = c["evidence"]["sentence"]
        match = next((known[k] for k in _term_keys(c["term"]) if k in known), None)
        if match:
            draft.more("term", match, "evidence", draft.evidence(sentence), sentence)
            continue
        draft.new("term", {
            "id": slug(c["term"], 6), "term": c["term"],
            "chinese": _todo("the Chinese term, in simplified characters"), "pinyin": _todo("its pinyin, with tone marks"),
            "category": _todo("policy term, economic concept, institution, meeting, document, technology or place"),
            "short": _todo("a one-line definition in our own words"), "long": _todo("a fuller definition in our own words"),
            "evidence": [draft.evidence(sentence)],
        })


def make(project: Project, curated: Curated, path: Path, reference: Reference | None = None) -> tuple[dict | None, list[Problem]]:
    """The draft for the article at ``path``, or the problems that stop it."""
    text, problems = read_text(path, shown=project.show(path))
    if text is None:
        return None, problems
    article = clean(project.show(path), text)
    record = extract(article, text, reference)
    source = source_entry(project, path, article, reference, curated.ids("outlets"))
    draft = _Draft(curated, source["id"], article)
    published = article.published[0] or (reference.date.isoformat() if reference else None)
    _events(draft, record)
    _people(draft, record, published[:7] if published else None)
    _figures(draft, record)
    _provinces(draft, record)
    _terms(draft, record)
    events = draft.add.get(KINDS["event"].dataset)
    if events:
        events.sort(key=lambda e: (e["date"], e["id"]))
    return draft.as_data(source, project.show(path)), []
