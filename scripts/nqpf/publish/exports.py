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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..curated import DATASETS, Curated
from .citations import KINDS, Publication, evidence_sources, number_text

LIST_SEPARATOR = "; "
COMBINED = "nqpf.json"


@dataclass(frozen=True)
class Column:
    """One CSV column: its name, the schema field it comes from (a dotted path
    inside an entry) or, for a derived column, its own description."""

    name: str
    get: Callable[[dict], Any]
    field: str | None = None
    about: str | None = None


def _at(path: str) -> Callable[[dict], Any]:
    def get(item: dict) -> Any:
        value: Any = item
        for key in path.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        return value
    return get


def _field(name: str, path: str | None = None) -> Column:
    return Column(name, _at(path or name), field=path or name)


def _sources(item: dict) -> list[str]:
    return list(dict.fromkeys(evidence_sources(item)))


def _names(key: str, path: str) -> Callable[[dict], list[str]]:
    return lambda item: [x.get(key) for x in (item.get(path) or []) if isinstance(x, dict)]


def _claims_count(*paths: str) -> Callable[[dict], int]:
    def count(item: dict) -> int:
        total = 0
        for path in paths:
            value = item.get(path)
            total += len(value) if isinstance(value, list) else int(isinstance(value, dict))
        return total
    return count


SOURCES_COLUMN = Column("sources", _sources, about="Ids of the articles the entry rests on (see sources.csv), in the order "
                                                   "the entry first quotes them; rejected readings of a conflict are not counted.")


PERMALINK_ABOUT = "The entry's permanent URL: its page on this site, anchored at its id. Cite it, link to it."


TABLES: dict[str, tuple[str, list[Column]]] = {
    # table -> (kind of entry, columns); the table's rows are the entries of data/<table>.yaml.
    "timeline": ("event", [
        _field("id"), _field("date"), _field("precision"), _field("end"), _field("title"), _field("summary"),
        _field("category"), _field("place", "place.name"), _field("province", "place.province"), _field("people"),
        Column("key", lambda item: bool(item.get("key")), field="key"), _field("date_basis"),
        Column("conflicts", lambda item: [c.get("field") for c in item.get("conflicts") or []], field="conflicts",
               about="The fields on which the sources disagree (each reading is in the JSON and YAML; their quotes in evidence.csv)."),
        SOURCES_COLUMN,
    ]),
    "glossary": ("term", [
        _field("id"), _field("term"), _field("aliases"), _field("chinese"), _field("pinyin"), _field("category"),
        _field("short"), _field("long"), _field("related"), SOURCES_COLUMN,
    ]),
    "provinces": ("province", [
        _field("id"), _field("code"), _field("name"), _field("chinese"), _field("pinyin"), _field("kind"), _field("region"),
        Column("role", _at("role.summary"), field="role.summary",
               about="The role the sources give it in new quality productive forces, in our words; its quotes are in evidence.csv."),
        _field("emerging_industries", "industries.emerging"),
        _field("future_industries", "industries.future"), Column("cities", _names("name", "cities"), field="cities.name"),
        Column("statements", _claims_count("role", "plans", "mentions"),
               about="How many sourced statements (role, plans, mentions) the data records about it; each is a row of claims.csv."),
        SOURCES_COLUMN,
    ]),
    "people": ("person", [
        _field("id"), _field("name"), _field("chinese"), Column("printed_as", _names("name", "printed_as"), field="printed_as.name"),
        _field("name_note"), _field("role"), _field("affiliation"),
        Column("statements", _claims_count("points"),
               about="How many of their points the data records; each is a row of claims.csv."),
        SOURCES_COLUMN,
    ]),
    "figures": ("figure", [
        _field("id"), _field("measure"), _field("value"), _field("value_as_printed"), _field("unit"), _field("period"),
        _field("period_label"), _field("usd_value", "usd.value"), _field("usd_unit", "usd.unit"),
        _field("change_value", "change.value"), _field("change_unit", "change.unit"), _field("change_basis", "change.basis"),
        _field("series"), _field("place"), _field("flag_issue", "flag.issue"), _field("flag_arithmetic", "flag.arithmetic"),
        _field("note"), SOURCES_COLUMN,
    ]),
    "sources": ("source", [
        _field("id"), _field("outlet"), _field("outlet_basis"), _field("title"), _field("title_is_ours"), _field("url"),
        _field("dateline"), _field("published"), _field("published_basis"), _field("published_note"),
        _field("language_quality", "language.quality"), _field("language_note", "language.note"),
        Column("noise", _names("kind", "noise"), field="noise.kind"), _field("file"),
    ]),
}

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


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number_text(value)
    if isinstance(value, list):
        items = [_cell(v) for v in value]
        clash = [v for v in items if LIST_SEPARATOR in v]
        if clash:
            raise ValueError(f"cannot join a list in one CSV cell: {clash[0]!r} contains {LIST_SEPARATOR!r}")
        return LIST_SEPARATOR.join(items)
    if isinstance(value, dict):
        raise TypeError("a nested object cannot go in one CSV cell")
    return str(value)


def _csv(header: list[str], rows: Iterator[list[Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_csv(curated: Curated, table: str, pub: Publication) -> bytes:
    kind, columns = TABLES[table]
    rows = ([*(c.get(item) for c in columns), pub.url(KINDS[kind].page, str(item["id"]))] for _, item in curated.items(table))
    return _csv([*(c.name for c in columns), "permalink"], rows)


def _entries(curated: Curated, dataset: str) -> Iterator[tuple[str, Any]]:
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


def evidence_csv(curated: Curated) -> bytes:
    def rows() -> Iterator[list[Any]]:
        for dataset in DATASETS:
            for entry_id, entry in _entries(curated, dataset):
                for pointer, value in _walk(entry, ""):
                    if pointer.endswith("/evidence") and isinstance(value, list):
                        for i, e in enumerate(value):
                            yield [dataset, entry_id, f"{pointer}/{i}", e.get("source"), " ".join(str(e.get("quote")).split())]
    return _csv([name for name, _ in LONG_TABLES["evidence"]], rows())


def claims_csv(curated: Curated) -> bytes:
    def rows() -> Iterator[list[Any]]:
        for dataset in DATASETS:
            for entry_id, entry in _entries(curated, dataset):
                for pointer, value in _walk(entry, ""):
                    if pointer and isinstance(value, dict) and "summary" in value and "evidence" in value and "/conflicts/" not in pointer:
                        yield [dataset, entry_id, pointer, value.get("id"), value.get("summary"), value.get("note"), _sources(value)]
    return _csv([name for name, _ in LONG_TABLES["claims"]], rows())


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def combined_json(curated: Curated, about: dict[str, Any]) -> bytes:
    return _json({**about, "datasets": {name: curated.data(name) for name in DATASETS}})


def downloads(curated: Curated, pub: Publication, about: dict[str, Any]) -> dict[str, bytes]:
    """Every download, as ``{path below /data/: content}``, in a stable order."""
    root = Path(curated.root)
    files: dict[str, bytes] = {COMBINED: combined_json(curated, about)}
    for name in DATASETS:
        files[f"{name}.json"] = _json(curated.data(name))
    for table in TABLES:
        files[f"{table}.csv"] = table_csv(curated, table, pub)
    files["evidence.csv"] = evidence_csv(curated)
    files["claims.csv"] = claims_csv(curated)
    for name in DATASETS:
        files[f"{name}.yaml"] = (root / f"{name}.yaml").read_bytes()
    for schema in sorted((root / "schemas").glob("*.schema.json")):
        files[f"schemas/{schema.name}"] = schema.read_bytes()
    return files


def media_type(path: str) -> str:
    """The IANA media type of a download, by its name."""
    if path.endswith(".schema.json"):
        return "application/schema+json"
    return {".json": "application/json", ".csv": "text/csv", ".yaml": "application/yaml"}[Path(path).suffix]
