"""Candidate facts from any article: dates, places, people, figures, definitions, industries, terms.

:func:`extract` turns one cleaned article into one record of candidates, each
carrying the sentence it came from and that sentence's raw line numbers as
``evidence``. Candidates are what a curator reviews; nothing here writes to
curated data. One module per field does the finding; this one walks the
sentences, feeds each field, and merges repeated mentions.

Relative and yearless dates count from the article's own date (header line,
byline, dateline with a year: ``published``). Without one they count from the
``reference`` given (``--reference``, or data/sources.yaml), except that a
yearless dateline ("BEIJING, Feb. 7 (Xinhua) --") keeps its own day and takes
only the year from the reference. With neither, the record says so under
``undated`` and those dates stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..ingest import Article, front
from ..ingest.article import dateline_date
from ..ingest.noise import HEADER_RE
from . import dates, definitions, figures, industries, people, places, terms
from .gazetteer import fold
from .sentences import Sentence, sentences

FIELDS = ("dates", "places", "people", "figures", "definitions", "industries", "terms")


@dataclass
class Reference:
    """The date relative expressions count from, and where it came from."""

    date: dt.date
    basis: str

    @property
    def label(self) -> str:
        return f"{self.date.isoformat()} ({self.basis})"


def _published(article: Article, raw_lines: list[str]) -> dict | None:
    iso, basis = article.published
    if not iso:
        return None
    if basis == "header line":
        number = next((r.lines[0] for r in article.removed if r.kind == "header-line"), 1)
        header = HEADER_RE.match(raw_lines[number - 1])  # without the headline that may follow on its line
        evidence = {"sentence": header["header"] if header else raw_lines[number - 1].strip(), "lines": [number]}
    elif basis == "byline":
        # The first byline that carries the date: "By Global Times" may come before "Published: Apr 24, 2024".
        byline = next((p for p in article.paragraphs if p.kind == "byline" and front.date_of(p.text) == iso), article.first("byline"))
        evidence = {"sentence": byline.text, "lines": byline.lines}
    else:
        evidence = {"sentence": article.dateline.text, "lines": [article.dateline.line]}
    return {"date": iso, "basis": basis, "evidence": evidence}


def reference_of(article: Article, fallback: Reference | None = None) -> Reference | None:
    """The article's own date; else a yearless dateline's day in the year ``fallback``
    gives; else ``fallback`` itself (None when there is none)."""
    iso, basis = article.published
    if iso:
        return Reference(dt.date.fromisoformat(iso), basis)
    if fallback is not None and article.dateline is not None and (day := dateline_date(article.dateline, fallback.date)):
        return Reference(dt.date.fromisoformat(day), f'dateline "{article.dateline.date}", year from {fallback.basis} {fallback.date.isoformat()}')
    return fallback


def undated(article: Article, unresolved: int) -> str:
    """Why the article has no date to count from, and what to do about it."""
    missing = "no header line, no byline or date line with a whole date, no dateline with a year"
    partial = [f'"{p.text}" gives no day' for p in article.paragraphs if p.kind == "byline" and front.month_only(p.text)]
    if article.dateline is not None and article.dateline.date:
        partial.append(f'the dateline gives "{article.dateline.date}" but no year')
    if partial:
        missing += f" ({'; '.join(partial)})"
    return (
        f"no date of its own: {missing}; {unresolved} relative or yearless date(s) left unresolved; "
        "give the date to count from with --reference YYYY-MM-DD"
    )


def _date_key(candidate: dates.DateCandidate) -> tuple:
    text = re.sub(r"^(?:on|in|at|from|since|by|during|until|the|of)\s+", "", candidate.text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:the\s+)", "", text, flags=re.IGNORECASE)
    return (text.lower(), candidate.iso, candidate.end)


class _Merger:
    """Keeps the first mention of each candidate and counts the rest."""

    def __init__(self) -> None:
        self.items: dict[object, dict] = {}

    def add(self, key: object, record: dict, evidence: dict) -> dict:
        if key in self.items:
            self.items[key]["mentions"] += 1
            return self.items[key]
        record["mentions"] = 1
        record["evidence"] = evidence
        self.items[key] = record
        return record

    def values(self) -> list[dict]:
        return list(self.items.values())


def _byline_role(sentence: Sentence, person: people.Person) -> tuple[str | None, str | None]:
    """A byline names the writer; a photo credit in a caption, the photographer."""
    if sentence.kind == "byline":
        outlet = re.search(r"\|\s*([A-Z][^|]+?)\s*\|", sentence.text)
        return "writer", outlet.group(1) if outlet else None
    credit = re.search(rf"\[[^\]]*{re.escape(person.printed_as)}\s*/\s*(?:FOR\s+)?([^\]]+)\]", sentence.text)
    if credit:
        return "photographer", credit.group(1).strip().title()
    return None, None


def extract(article: Article, raw_text: str | None = None, reference: Reference | None = None) -> dict:
    """The candidates of one article. ``reference`` dates an article that has no date of its own."""
    raw_lines = raw_text.split("\n") if raw_text is not None else []
    published = _published(article, raw_lines) if raw_text is not None else None
    ref = reference_of(article, reference)
    record: dict = {"source": article.path, "published": published}
    if published is None and ref is not None:
        record["reference"] = {"date": ref.date.isoformat(), "basis": ref.basis}
    elif published is None:
        record["undated"] = None  # says why once the dates left unresolved are counted, in this place in the record

    found = {name: _Merger() for name in FIELDS}
    sentence_list = sentences(article, raw_text)
    if article.dateline:
        dateline = Sentence(article.dateline.text, (article.dateline.line,), "dateline")
        for mention in places.find_places(article.dateline.place):
            found["places"].add(places.key(mention), places.describe(mention), dateline.evidence())

    heading: str | None = None
    last_term: tuple[int, str] | None = None  # (sentence index, term) of the last definition with a term
    surnames: list[tuple[str, dict]] = []
    for index, sentence in enumerate(sentence_list):
        text = sentence.text
        evidence = sentence.evidence()
        if sentence.kind in ("heading", "headline") or text.endswith("?"):
            heading = text

        date_list, date_spans = dates.find_dates_and_spans(text, ref.date if ref else None, ref.label if ref else None)
        if sentence.kind != "byline":  # a byline's date is the article's own, under `published`
            for candidate in date_list:
                found["dates"].add(_date_key(candidate), candidate.to_dict(), evidence)

        named = people.find_people(text)
        for person in named:
            role, affiliation = person.role, person.affiliation
            if role is None:
                role, affiliation = _byline_role(sentence, person)
            entry = found["people"].add(
                person.name, {"name": person.name, "role": role, "affiliation": affiliation, "printed_as": set()}, evidence
            )
            entry["printed_as"].add(person.printed_as)
            if entry["role"] is None and role:
                entry.update(role=role, affiliation=affiliation, evidence=evidence)
        surnames.extend((surname, evidence) for surname, _, _ in people.surname_mentions(text))

        for mention in places.find_places(text, [(p.start, p.end) for p in named]):
            found["places"].add(places.key(mention), places.describe(mention), evidence)

        for figure in figures.find_figures(text, date_spans):
            found["figures"].add((figure.text, figure.unit, figure.amount, text), figure.to_dict(), evidence)

        if definition := definitions.find_definition(text, heading):
            term = definition.term
            if term is None and last_term and index - last_term[0] <= 2:
                term = last_term[1]  # "This kind of productivity is characterized by ..." follows its definition
            if term:
                last_term = (index, term)
            found["definitions"].add(text, {"term": term, "pattern": definition.pattern}, evidence)

        for industry in industries.find_industries(text):
            found["industries"].add(industry.name.lower(), {"name": industry.name, "kinds": list(industry.kinds)}, evidence)

        for term in terms.find_terms(text):
            data = {"term": term.term, "kind": term.kind}
            if term.alias:
                data["alias"] = term.alias
            found["terms"].add(fold(term.term), data, evidence)

    if "undated" in record:
        record["undated"] = undated(article, sum(1 for d in found["dates"].values() if d.get("unresolved")))
    _count_surnames(found["people"], surnames)
    _add_recurring(found["terms"], sentence_list)
    _count_terms(found["terms"], sentence_list)

    for name in FIELDS:
        items = found[name].values()
        if name == "people":
            for item in items:
                printed = sorted(item.pop("printed_as") - {item["name"]})
                if printed:
                    item["printed_as"] = printed
        if name == "figures":
            for item in items:
                item.pop("mentions")
        record[name] = items
    return record


def _count_surnames(merger: _Merger, mentions: list[tuple[str, dict]]) -> None:
    """"Mr. Pan" and "Wang said" are further mentions of the one full name with that surname."""
    for surname, _ in mentions:
        owners = [item for item in merger.values() if item["name"].split()[0] == surname]
        if len(owners) == 1:
            owners[0]["mentions"] += 1


def _count_terms(merger: _Merger, sentence_list: list[Sentence]) -> None:
    """A term's mentions are its occurrences anywhere in the article, in any case."""
    text = "\n".join(s.text for s in sentence_list).lower()
    for item in merger.values():
        item["mentions"] = max(1, len(re.findall(r"(?<![\w-])" + re.escape(item["term"].lower()) + r"(?![\w-])", text)))


def _add_recurring(merger: _Merger, sentence_list: list[Sentence]) -> None:
    body = [s.text for s in sentence_list if s.kind not in ("byline", "caption")]
    for phrase, count in sorted(terms.recurring(body).items()):
        key = fold(phrase)
        if key in merger.items:
            continue
        first = next((s for s in sentence_list if phrase in s.text.lower()), None)
        if first is not None:
            entry = merger.add(key, {"term": phrase, "kind": "recurring"}, first.evidence())
            entry["mentions"] = count
