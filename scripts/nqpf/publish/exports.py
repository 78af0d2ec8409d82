"""The downloads under ``/data/``: the curated data as JSON, CSV and YAML, and its schemas.

* ``<name>.yaml`` and ``schemas/<name>.schema.json`` are byte copies of
  ``data/``, laid out as in the repository so the YAML files' ``$schema``
  comments and the schemas' ``$ref``s resolve on the site too.
* ``<name>.json`` is each file as JSON; ``nqpf.json`` holds them all, with the
  date of the data, the licence and how to cite it.
* One CSV per table (:data:`TABLES`), flattened for spreadsheets: nested
  lists are joined with ``"; "``, every row carries its permanent link, and
  two long tables keep what does not flatten: ``evidence.csv`` (every quote)
  and ``claims.csv`` (every sourced statement inside an entry). CSV files are
  UTF-8 with a byte-order mark (so Excel reads the Chinese correctly), comma
  separated, CRLF line ends, quoted as RFC 4180 says.

Each CSV column says which schema field it comes from, so the data
dictionary describes the columns with the schemas' own descriptions.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..evidence import sources_of
from ..kinds import DATASET_NAMES, KINDS, Kind, Table, by_dataset, number_text
from ..site import Site
from .citations import Publication

LIST_SEPARATOR = "; "
COMBINED = "nqpf.json"


PERMALINK_ABOUT = "The entry's permanent URL: its page on this site, anchored at its id. Cite it, link to it."


# table -> the kind whose entries are its rows: one CSV per kind, named after its data file.
TABLES: dict[str, Kind] = {kind.dataset: kind for kind in KINDS.values()}

LONG_TABLES: dict[str, list[tuple[str, str]]] = {
    "evidence": [
        ("dataset", "The data file the quote is in (timeline, glossary, ...)."),
        ("entry_id", "The id of the entry (for the concept file, the concept's id)."),
        ("path", "Where in the entry the quote sits, as a JSON Pointer (RFC 6901) into the entry: /evidence/0 is its "
                 "first quote, /plans/1/evidence/0 the first quote of its second plan."),
        ("source", "The id of the article quoted (see sources.csv)."),
        ("quote", "The quote, verbatim from the article."),
    ],
    "claims": [
        ("dataset", "The data file the statement is in (provinces, people, concept)."),
        ("entry_id", "The id of the entry (for the concept file, the concept's id)."),
        ("path", "Where in the entry the statement sits, as a JSON Pointer (RFC 6901) into the entry."),
        ("claim_id", "The statement's own permanent id, when it has one."),
        ("summary", "The statement, in our own words."),
        ("note", "Our comment on the statement."),
        ("sources", "Ids of the articles behind the statement (see sources.csv)."),
    ],
}


# A text cell a spreadsheet would read as a formula (OWASP's "CSV injection"): it starts with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(text: str) -> str:
    """Text that a spreadsheet shows and never runs: a leading formula character gets an apostrophe
    before it, as OWASP's advice on CSV injection has it."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _raw(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number_text(value)
    if isinstance(value, list):
        items = [_raw(v) for v in value]
        clash = [v for v in items if LIST_SEPARATOR in v]
        if clash:
            raise ValueError(f"cannot join a list in one CSV cell: {clash[0]!r} contains {LIST_SEPARATOR!r}")
        return LIST_SEPARATOR.join(items)
    if isinstance(value, dict):
        raise TypeError("a nested object cannot go in one CSV cell")
    return str(value)


def _cell(value: Any) -> str:
    """One CSV cell: a number stays a number, whatever its sign; text never starts a formula."""
    if value is None or isinstance(value, (bool, int, float)):
        return _raw(value)
    return text_cell(_raw(value))


def _csv(header: list[str], rows: Iterator[list[Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_csv(site: Site, table: str, pub: Publication) -> bytes:
    kind = TABLES[table]
    rows = ([*(c.get(item) for c in kind.columns), pub.url(kind.url, kind.anchor(str(item["id"])))] for item in site.entries(kind.name))
    return _csv([*(c.name for c in kind.columns), "permalink"], rows)


# table name -> (its kind, the table): the tables a kind declares beyond its own.
KIND_TABLES: dict[str, tuple[Kind, Table]] = {t.name: (kind, t) for kind in KINDS.values() for t in kind.tables}


def kind_table_csv(site: Site, name: str, pub: Publication) -> bytes:
    """A table a kind declares (``Kind.tables``): each entry's rows, each with the entry's permalink."""
    kind, table = KIND_TABLES[name]
    rows = ([*(c.get(row) for c in table.columns), pub.url(kind.url, kind.anchor(str(entry["id"])))]
            for entry in site.entries(kind.name) for row in table.rows(entry))
    return _csv([*(c.name for c in table.columns), "permalink"], rows)


def _entries(curated, dataset: str) -> Iterator[tuple[str, Any]]:
    data = curated.data(dataset)
    if isinstance(data, dict):
        yield str(data.get("id", "")), data
    else:
        for _, item in curated.items(dataset):
            yield str(item.get("id", "")), item


def _walk(value: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    yield pointer, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, f"{pointer}/{i}")


def evidence_csv(site: Site) -> bytes:
    curated = site.curated

    def rows() -> Iterator[list[Any]]:
        for dataset in DATASET_NAMES:
            for entry_id, entry in _entries(curated, dataset):
                for pointer, value in _walk(entry, ""):
                    if pointer.endswith("/evidence") and isinstance(value, list):
                        for i, e in enumerate(value):
                            yield [dataset, entry_id, f"{pointer}/{i}", e.get("source"), " ".join(str(e.get("quote")).split())]
    return _csv([name for name, _ in LONG_TABLES["evidence"]], rows())


def claims_csv(site: Site) -> bytes:
    curated = site.curated

    def rows() -> Iterator[list[Any]]:
        for dataset in DATASET_NAMES:
            for entry_id, entry in _entries(curated, dataset):
                for pointer, value in _walk(entry, ""):
                    if pointer and isinstance(value, dict) and "summary" in value and "evidence" in value and "/conflicts/" not in pointer:
                        yield [dataset, entry_id, pointer, value.get("id"), value.get("summary"), value.get("note"), sources_of(value)]
    return _csv([name for name, _ in LONG_TABLES["claims"]], rows())


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def dataset(site: Site, name: str) -> Any:
    """One data file as the downloads give it: as curated, with the fields a kind derives added to each
    entry (a source's outlet name and kind), so a reader gets them without joining tables."""
    kind = by_dataset(name)
    if kind is not None and kind.derive is not None:
        return site.entries(kind.name)
    return site.curated.data(name)


def combined_json(site: Site, about: dict[str, Any]) -> bytes:
    return _json({**about, "datasets": {name: dataset(site, name) for name in DATASET_NAMES}})


def downloads(site: Site, pub: Publication, about: dict[str, Any]) -> dict[str, bytes]:
    """Every download, as ``{path below /data/: content}``, in a stable order."""
    files: dict[str, bytes] = {COMBINED: combined_json(site, about)}
    for name in DATASET_NAMES:
        files[f"{name}.json"] = _json(dataset(site, name))
    for table in TABLES:
        files[f"{table}.csv"] = table_csv(site, table, pub)
    for name in KIND_TABLES:
        files[f"{name}.csv"] = kind_table_csv(site, name, pub)
    files["evidence.csv"] = evidence_csv(site)
    files["claims.csv"] = claims_csv(site)
    for name in DATASET_NAMES:
        files[f"{name}.yaml"] = site.curated.path(name).read_bytes()
    for schema in sorted(site.project.schemas.glob("*.schema.json")):
        files[f"schemas/{schema.name}"] = schema.read_bytes()
    return files


def media_type(path: str) -> str:
    """The IANA media type of a download, by its name."""
    if path.endswith(".schema.json"):
        return "application/schema+json"
    return {".json": "application/json", ".csv": "text/csv", ".yaml": "application/yaml"}[Path(path).suffix]
