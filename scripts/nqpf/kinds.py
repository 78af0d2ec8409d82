"""The registry: every data file and every kind of entry, declared once.

A **kind** is a list of entries in one data file (``data/<dataset>.yaml``,
checked by ``data/schemas/<dataset>.schema.json``), shown on one generated page
(``<page>``, from the template ``<page>.j2``), each entry anchored at its id.
Its declaration says everything the other layers need:

- the page, the citation label and title, the label of a fact on the Sources page;
- the CSV columns of its table (each naming the schema field it comes from);
- the ids its entries refer to in other kinds (checked by the validator, and
  indexed both ways by :class:`nqpf.site.Site`);
- its role in the feeds and in JSON-LD.

Pages, citations, downloads, feeds, JSON-LD, the reference check and the tests
read :data:`KINDS`; "Adding a kind of entry" in the README is the recipe.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import datefmt, outlets

Entry = dict[str, Any]


def industries_anchor(source_id: str) -> str:
    """The anchor of one source's industry lists on the drivers page."""
    return f"industries-{source_id}"


# -- CSV columns ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    """One CSV column: its name, the schema field it comes from (a dotted path
    inside an entry) or, for a derived column, its own description."""

    name: str
    get: Callable[[Entry], Any]
    field: str | None = None
    about: str | None = None


def at(path: str) -> Callable[[Entry], Any]:
    def get(item: Entry) -> Any:
        value: Any = item
        for key in path.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        return value
    return get


def col(name: str, path: str | None = None) -> Column:
    return Column(name, at(path or name), field=path or name)


def _names(key: str, path: str) -> Callable[[Entry], list[str]]:
    return lambda item: [x.get(key) for x in (item.get(path) or []) if isinstance(x, dict)]


def _count(*paths: str) -> Callable[[Entry], int]:
    def count(item: Entry) -> int:
        total = 0
        for path in paths:
            value = item.get(path)
            total += len(value) if isinstance(value, list) else int(isinstance(value, dict))
        return total
    return count


def _sources(item: Entry) -> list[str]:
    from .evidence import sources_of

    return sources_of(item)


SOURCES_COLUMN = Column("sources", _sources, about="Ids of the articles the entry rests on (see sources.csv), in the order "
                                                   "the entry first quotes them; rejected readings of a conflict are not counted.")


# -- The declaration ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Ref:
    """Entries of one kind name ids of another at ``path`` ("*" is any list item)."""

    path: tuple[str, ...]
    target: str  # a kind's name


@dataclass(frozen=True)
class Table:
    """A download table beyond the kind's own (``<dataset>.csv``): ``rows`` turns one entry into rows."""

    name: str
    columns: tuple[Column, ...]
    rows: Callable[[Entry], list[Entry]]
    about: str


# What the model adds to an entry from other kinds: f(entry, entries of every kind by id) -> fields.
Derive = Callable[[Entry, Mapping[str, Mapping[str, Entry]]], Entry]


@dataclass(frozen=True, kw_only=True)
class Kind:
    name: str            # in citation keys (nqpf:<name>:<id>) and link macros: never changes
    dataset: str         # data/<dataset>.yaml, data/schemas/<dataset>.schema.json, /data/<dataset>.csv
    page: str            # the page its entries are shown on (source path); its template is <page>.j2
    label: str           # what a citation calls one entry
    group: str           # how the Sources page heads the facts of this kind
    counted: str | None  # how the About page counts the entries (None: not counted there)
    title: Callable[[Entry], str]    # the entry's name in a citation
    text: Callable[[Entry], str]     # the text of a link to the entry
    fact: Callable[[Entry], str] | None = None  # its label on the Sources page (default: text)
    when: Callable[[Entry], str] | None = None  # a date added to the citation label
    columns: tuple[Column, ...] = ()
    tables: tuple[Table, ...] = ()   # download tables beyond <dataset>.csv
    refs: tuple[Ref, ...] = ()
    # Fields the model derives for each entry (name, description): in the JSON and CSV downloads, never typed.
    derived: tuple[tuple[str, str], ...] = ()
    derive: Derive | None = None
    own_page: bool = True        # False: shown on another kind's page (outlets on the Sources page), no template of its own
    # The kind whose entries must name each of this kind's entries (a topic no view names would show nothing).
    shown_through: str | None = None
    anchor_prefix: str = ""      # an entry's anchor is prefix + id (kinds sharing a page keep apart)
    feed: bool = False           # its entries are the Atom feed and the calendar, kept in date order
    linked: bool = False         # the first use of one of its entries on any page links to it (the glossary)
    jsonld: str | None = None    # "DefinedTermSet" or "Event": the page's structured data
    cited: bool = True           # a fact that can cite sources (False for the sources themselves)
    in_toc: bool = True          # its entries are listed in the page's table of contents (else only their groups)

    @property
    def url(self) -> str:
        """The page's URL below the site root: ``timeline/``."""
        return self.page.removesuffix(".md") + "/"

    @property
    def template(self) -> str | None:
        return self.page + ".j2" if self.own_page else None

    def anchor(self, ident: str) -> str:
        return self.anchor_prefix + ident

    def fact_label(self, entry: Entry) -> str:
        return (self.fact or self.text)(entry)

    def citation_label(self, entry: Entry) -> str:
        return f"{self.label}, {self.when(entry)}" if self.when else self.label


def _with_chinese(name_key: str) -> Callable[[Entry], str]:
    return lambda e: f"{e[name_key]} ({e['chinese']})" if e.get("chinese") else str(e[name_key])


def number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _figure_title(e: Entry) -> str:
    period = e.get("period_label") or datefmt.spell(str(e["period"]))
    value = e.get("value_as_printed") or number_text(e["value"])
    return f"{e['measure']}, {period}: {value} {e['unit']}"


def _source_title(e: Entry) -> str:
    return f"[{e['title']}]" if e.get("title_is_ours") else str(e["title"])


def _source_fields(e: Entry, of: Mapping[str, Mapping[str, Entry]]) -> Entry:
    return outlets.derived(e, outlets.Registry(of["outlet"].values()))


def shown_values(series: Entry) -> list[Entry]:
    """The values a page shows and charts: one per period and division, the final one where a preliminary
    value was revised, in period order."""
    best: dict[tuple[str, str | None], Entry] = {}
    for v in series.get("values") or []:
        key = (str(v.get("period")), v.get("division"))
        if key not in best or v.get("revision") == "final":
            best[key] = v
    return sorted(best.values(), key=lambda v: (str(v["period"]), str(v.get("division") or "")))


def _value_rows(series: Entry) -> list[Entry]:
    shown = {id(v) for v in shown_values(series)}
    return [{**v, "series": series["id"], "unit": series["unit"], "shown": id(v) in shown} for v in series.get("values") or []]


def _view_fields(e: Entry, of: Mapping[str, Mapping[str, Entry]]) -> Entry:
    outlet = of["outlet"].get(str(e.get("outlet")))
    return {"holder_kind": outlet.get("kind") if outlet else None, "side": outlets.side(outlet)}


def _outlet_title(e: Entry) -> str:
    return f"{e['name']} ({e['chinese']})" if e.get("chinese") else str(e["name"])


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind(
        name="source", dataset="sources", page="sources.md", label="Source entry", group="Sources",
        counted="sources (articles and public pages)",
        title=_source_title, text=lambda e: str(e["outlet_name"]), cited=False,
        columns=(
            col("id"), col("kind"), col("outlet"), Column("outlet_name", at("outlet_name"), about="The outlet's name (outlets.csv)."),
            Column("outlet_kind", at("outlet_kind"), about="What the outlet is (outlets.csv: kind)."),
            col("outlet_basis"), col("outlet_note"), col("title"), col("title_is_ours"), col("url"),
            Column("host_outlet", at("host_outlet"), about="For a page: the outlet whose site carries it (outlets.csv)."),
            col("link"), col("link_note"), col("checked"),
            col("dateline"), col("published"), col("published_basis"), col("published_from"), col("published_note"),
            col("language_quality", "language.quality"), col("language_note", "language.note"),
            Column("noise", _names("kind", "noise"), field="noise.kind"), col("file"),
        ),
        refs=(Ref(("outlet",), "outlet"),),
        derived=(
            ("outlet_name", "The name of the source's outlet, from outlets.yaml."),
            ("outlet_kind", "What the source's outlet is (its kind in outlets.yaml): a source's kind follows from its outlet."),
            ("host_outlet", "For a source with a url: the outlet whose site carries the page (the outlets.yaml entry declaring its host)."),
        ),
        derive=_source_fields,
        in_toc=False,  # 253 entries: the contents list their groups
    ),
    Kind(
        name="outlet", dataset="outlets", page="sources.md", own_page=False, anchor_prefix="outlet-",
        label="Outlet entry", group="Outlets", counted="outlets",
        title=_outlet_title, text=lambda e: str(e["name"]),
        columns=(
            col("id"), col("name"), col("chinese"), col("kind"), col("hosts"), col("tied_to"),
            Column("owner", at("owner.summary"), field="owner.summary",
                   about="Who owns or controls the outlet, in our words, where a page read says so; its evidence is in claims.csv."),
            col("blocked"), col("note"), SOURCES_COLUMN,
        ),
        in_toc=False,
    ),
    Kind(
        name="event", dataset="timeline", page="timeline.md", label="Timeline entry", group="Timeline events",
        counted="dated events",
        title=lambda e: str(e["title"]), text=lambda e: str(e["title"]),
        when=lambda e: datefmt.spell_span(str(e["date"]), e.get("end")),
        columns=(
            col("id"), col("date"), col("precision"), col("end"), col("title"), col("summary"),
            col("category"), col("place", "place.name"), col("province", "place.province"), col("concerns"), col("people"),
            Column("key", lambda item: bool(item.get("key")), field="key"), col("date_basis"),
            Column("conflicts", lambda item: [c.get("field") for c in item.get("conflicts") or []], field="conflicts",
                   about="The fields on which the sources disagree (each reading is in the JSON and YAML; their quotes in evidence.csv)."),
            SOURCES_COLUMN,
        ),
        refs=(Ref(("people", "*"), "person"), Ref(("place", "province"), "province"), Ref(("concerns", "*"), "province")),
        feed=True, jsonld="Event",
    ),
    Kind(
        name="province", dataset="provinces", page="provinces.md", label="Province entry", group="Provinces",
        counted="provincial-level divisions",
        title=_with_chinese("name"), text=lambda e: str(e["name"]),
        columns=(
            col("id"), col("code"), col("name"), col("chinese"), col("pinyin"), col("kind"), col("region"),
            Column("role", at("role.summary"), field="role.summary",
                   about="The role the sources give it in new quality productive forces, in our words; its quotes are in evidence.csv."),
            col("emerging_industries", "industries.emerging"),
            col("future_industries", "industries.future"), Column("cities", _names("name", "cities"), field="cities.name"),
            Column("statements", _count("role", "plans", "mentions"),
                   about="How many sourced statements (role, plans, mentions) the data records about it; each is a row of claims.csv."),
            SOURCES_COLUMN,
        ),
    ),
    Kind(
        name="term", dataset="glossary", page="glossary.md", label="Glossary entry", group="Glossary terms",
        counted="glossary terms",
        title=_with_chinese("term"), text=lambda e: str(e["term"]),
        columns=(
            col("id"), col("term"), col("aliases"), col("chinese"), col("pinyin"), col("category"),
            col("short"), col("long"), col("related"), SOURCES_COLUMN,
        ),
        refs=(Ref(("related", "*"), "term"),),
        # The A-Z index at the top lists the letters; the table of contents beside the page, the
        # letters again: 74 links more made each of Material's scroll-spy updates read 74 offsets more.
        jsonld="DefinedTermSet", in_toc=False, linked=True,
    ),
    Kind(
        name="person", dataset="people", page="people.md", label="Person entry", group="People", counted="people",
        title=_with_chinese("name"), text=lambda e: str(e["name"]),
        columns=(
            col("id"), col("name"), col("chinese"), Column("printed_as", _names("name", "printed_as"), field="printed_as.name"),
            col("name_note"), col("role"), col("affiliation"),
            Column("statements", _count("points"), about="How many of their points the data records; each is a row of claims.csv."),
            SOURCES_COLUMN,
        ),
        refs=(Ref(("printed_as", "*", "source"), "source"),),
    ),
    Kind(
        name="figure", dataset="figures", page="figures.md", label="Figure entry", group="Figures", counted="figures",
        title=_figure_title, text=lambda e: str(e["measure"]),
        fact=lambda e: f"{e['measure']} ({e.get('period_label') or e['period']})",
        columns=(
            col("id"), col("measure"), col("value"), col("value_as_printed"), col("unit"), col("period"),
            col("period_label"), col("usd_value", "usd.value"), col("usd_unit", "usd.unit"),
            col("change_value", "change.value"), col("change_unit", "change.unit"), col("change_basis", "change.basis"),
            col("series"), col("place"), col("flag_issue", "flag.issue"), col("flag_arithmetic", "flag.arithmetic"),
            col("note"), SOURCES_COLUMN,
        ),
    ),
    Kind(
        name="indicator", dataset="indicators", page="indicators.md", label="Indicator series", group="Indicators",
        counted="indicator series",
        title=lambda e: f"{e['title']} ({e['unit']})", text=lambda e: str(e["title"]),
        columns=(
            col("id"), col("title"), col("unit"), col("frequency"), col("measures"), col("source_body"),
            Column("values", lambda e: len(e.get("values") or []), about="How many values the series holds; each is a row of indicator-values.csv."),
            Column("first", lambda e: min((str(v["period"]) for v in e.get("values") or []), default=None),
                   about="The first period with a value."),
            Column("last", lambda e: max((str(v["period"]) for v in e.get("values") or []), default=None),
                   about="The last period with a value."),
            Column("targets", lambda e: len(e.get("targets") or []), about="How many plan targets the series has; each is a row of indicator-targets.csv."),
            col("note"), SOURCES_COLUMN,
        ),
        tables=(
            Table("indicator-values", (
                Column("series", at("series"), about="The series' id (indicators.csv)."),
                Column("period", at("period"), about="The period the value covers, at the series' frequency."),
                Column("division", at("division"), about="For a division's value: its id (provinces.csv)."),
                Column("value", at("value"), about="The value, in the series' unit."), Column("unit", at("unit"), about="The series' unit."),
                Column("bound", at("bound"), about="at-least where the source gives only a floor."),
                Column("revision", at("revision"), about="preliminary or final, where the source says which."),
                Column("shown", at("shown"), about="true for the value the page shows and charts for its period and division "
                                                   "(the final one where a preliminary value was revised)."),
                Column("as_printed", at("as_printed"), about="The figure as the page prints it, where it differs from the value."),
                Column("sources", lambda r: [e.get("source") for e in r.get("evidence") or []], about="Ids of its sources (sources.csv)."),
            ), rows=lambda e: _value_rows(e), about="One row per value of every indicator series."),
            Table("indicator-targets", (
                Column("series", at("series"), about="The series' id (indicators.csv)."),
                Column("plan", at("plan"), about="The plan that sets the target."),
                Column("period", at("period"), about="The year of the target, or start/end for an average over the years."),
                Column("value", at("value"), about="The target, in the series' unit."),
                Column("bound", at("bound"), about="at-least, more-than or reach, as the plan puts it."),
                Column("unit", at("unit"), about="The series' unit."),
                Column("outcome", at("outcome.summary"), about="The outcome against the target, in our words; its evidence is in claims.csv."),
                Column("sources", lambda r: [e.get("source") for e in r.get("evidence") or []], about="Ids of its sources (sources.csv)."),
            ), rows=lambda e: [{**t, "series": e["id"], "unit": e["unit"]} for t in e.get("targets") or []],
                about="One row per plan target of every indicator series."),
        ),
        refs=(Ref(("values", "*", "division"), "province"),),
        in_toc=True,
    ),
    Kind(
        name="index", dataset="indices", page="indicators.md", own_page=False, anchor_prefix="index-",
        label="Index system", group="Index systems", counted="published index systems",
        title=lambda e: str(e["name"]), text=lambda e: str(e["made_by"]).split(",")[0].split(";")[0],
        fact=lambda e: f"{str(e['made_by']).split(',')[0]} ({e['published']})",
        columns=(
            col("id"), col("name"), col("made_by"), col("published"), col("where"), col("dimensions"), col("indicators"),
            col("method"), col("years"), col("divisions"),
            Column("headline", at("headline.summary"), about="Its headline result, in our words; its evidence is in claims.csv."),
            col("leaders"), col("note"), SOURCES_COLUMN,
        ),
        refs=(Ref(("leaders", "*"), "province"),),
    ),
    Kind(
        name="topic", dataset="topics", page="debate.md", own_page=False, anchor_prefix="topic-",
        label="Debate topic", group="Topics of the debate", counted="topics in the debate",
        title=lambda e: str(e["question"]), text=lambda e: str(e["question"]),
        columns=(
            col("id"), col("question"), col("scope"), Column("agree", at("agree.summary"),
                   about="What both sides accept, in our neutral words; its evidence is in claims.csv."),
            Column("dispute", at("dispute.summary"), about="What they dispute, in our neutral words; its evidence is in claims.csv."),
            Column("settle", at("settle.summary"), about="What would settle it, in our words; its evidence is in claims.csv."),
            SOURCES_COLUMN,
        ),
        shown_through="view",
    ),
    Kind(
        name="view", dataset="debate", page="debate.md", label="Debate entry", group="Views in the debate",
        counted="views in the debate",
        title=lambda e: f"{e['holder']}: {e['topic'].replace('-', ' ')}", text=lambda e: str(e["holder"]),
        fact=lambda e: f"{e['holder']} ({datefmt.short(str(e['date']))})",
        columns=(
            col("id"), col("topic"), col("holder"), col("outlet"),
            Column("holder_kind", at("holder_kind"), about="What the holder's outlet is (outlets.csv: kind), derived from `outlet`."),
            Column("side", at("side"), about="official (a Chinese Party or government body, or state media) or outside, derived from the outlet's kind."),
            col("person"), col("date"), col("summary"), col("responds_to"), col("responds_basis"),
            col("note"), SOURCES_COLUMN,
        ),
        refs=(Ref(("topic",), "topic"), Ref(("outlet",), "outlet"), Ref(("person",), "person"), Ref(("responds_to", "*"), "view")),
        derived=(
            ("holder_kind", "What the holder is: the kind, in outlets.yaml, of the outlet the view names."),
            ("side", "official where that outlet is a Chinese Party or government body or state media, else outside."),
        ),
        derive=_view_fields,
    ),
    Kind(
        name="correction", dataset="corrections", page="corrections.md", label="Correction", group="Corrections",
        counted=None,
        title=lambda e: f"Correction of {datefmt.spell(str(e['date']))}: {e['entry']}", text=lambda e: str(e["entry"]),
        columns=(col("id"), col("date"), col("entry"), col("was"), col("now"), col("reason"), SOURCES_COLUMN),
    ),
)}

# The facts that can cite an article, in the order the Sources page lists them (after the concept).
CITING_ORDER: tuple[str, ...] = tuple(name for name, kind in KINDS.items() if kind.cited)
# The kinds the About page counts, in declaration order.
COUNTED_ORDER: tuple[str, ...] = tuple(name for name, kind in KINDS.items() if kind.counted)


# -- The concept: one document, shown in parts -------------------------------------------------------------

CONCEPT = "concept"


@dataclass(frozen=True)
class Part:
    """A part of concept.yaml, where it is shown, and what the Sources page calls it.
    A part that is a list of items with ids is cited item by item, each at its own id."""

    key: str
    page: str
    anchor: str
    label: str
    per_item: bool = False


CONCEPT_PARTS: tuple[Part, ...] = (
    Part("names", "definition.md", "names", "Names and translations"),
    Part("definition", "definition.md", "official-definition", "The official definition"),
    Part("formulations", "definition.md", "formulations", "Other formulations", per_item=True),
    Part("basic_meaning", "definition.md", "basic-meaning", "Basic meaning"),
    Part("hallmark", "definition.md", "hallmark", "Hallmark"),
    Part("core", "definition.md", "core", "Core"),
    Part("key", "definition.md", "key", "Key"),
    Part("essence", "definition.md", "essence", "Essence"),
    Part("why_it_matters", "definition.md", "why-it-matters", "Why it matters"),
    Part("drivers", "drivers.md", "drivers", "The three drivers", per_item=True),
    Part("measures", "drivers.md", "measures", "Measures", per_item=True),
    Part("industries", "drivers.md", "industries", "Industries"),
    Part("wording", "definition.md", "wording", "How the wording changed", per_item=True),
    Part("lineage", "definition.md", "lineage", "Theory and lineage", per_item=True),
)

# Ids inside the concept that name entries of a kind.
CONCEPT_REFS: tuple[Ref, ...] = (
    Ref(("definition", "speaker"), "person"),
    Ref(("definition", "event"), "event"),
    Ref(("formulations", "*", "speaker"), "person"),
    Ref(("formulations", "*", "event"), "event"),
    Ref(("industries", "*", "source"), "source"),
    Ref(("wording", "*", "event"), "event"),
    Ref(("lineage", "*", "term"), "term"),
)

# Generated pages that show the concept rather than a kind (each has a template <page>.j2).
CONCEPT_PAGES: tuple[str, ...] = ("definition.md", "drivers.md")


# -- Every data file ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Dataset:
    name: str
    kind: Kind | None = None
    refs: tuple[Ref, ...] = field(default_factory=tuple)


def _datasets() -> tuple[Dataset, ...]:
    """The sources, the concept, the other kinds in declaration order, then the pinyin exceptions."""
    sources, *others = KINDS.values()
    return (
        Dataset(sources.dataset, kind=sources, refs=sources.refs),
        Dataset(CONCEPT, refs=CONCEPT_REFS),
        *(Dataset(k.dataset, kind=k, refs=k.refs) for k in others),
        Dataset("pinyin-allow"),
    )


# Every curated file, in the order a reader meets them.
DATASETS: tuple[Dataset, ...] = _datasets()
DATASET_NAMES: tuple[str, ...] = tuple(d.name for d in DATASETS)


def role(flag: str) -> Kind:
    """The kind the registry gives a role: ``role("feed")`` (dated, in the feeds), ``role("linked")``."""
    return next(k for k in KINDS.values() if getattr(k, flag))


def by_dataset(name: str) -> Kind | None:
    return next((k for k in KINDS.values() if k.dataset == name), None)


def by_page(page: str) -> Kind | None:
    """The kind whose own page is ``page`` (a source path ``timeline.md`` or a URL ``timeline/``)."""
    return next((k for k in KINDS.values() if k.own_page and page in (k.page, k.url)), None)
