"""Ready-made citations of a page or of one entry: an APA-style line and BibTeX.

A citation names the entry's permanent URL (``site_url`` + page + ``#id``),
the date of the data, and, where the entry rests on news articles, those
articles (outlet and date in the APA line, titles too in BibTeX). Functions
return plain data (:class:`Citation`); ``_cite.j2`` renders it.

The publication context (:class:`Publication`) is made once per build by the
MkDocs hook and installed with :func:`configure`, so page builders can call
``for_entry(kind, item)`` with nothing else to hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .datadate import MONTH_NAMES, apa, spell


@dataclass(frozen=True)
class Kind:
    """One kind of citable entry: which data file holds it and which page shows it."""

    name: str
    dataset: str
    page: str
    label: str


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("term", "glossary", "glossary/", "Glossary entry"),
        Kind("event", "timeline", "timeline/", "Timeline entry"),
        Kind("province", "provinces", "provinces/", "Province entry"),
        Kind("person", "people", "people/", "Person entry"),
        Kind("figure", "figures", "figures/", "Figure entry"),
        Kind("source", "sources", "sources/", "Source entry"),
    )
}


@dataclass(frozen=True)
class Publication:
    """Where and by whom the site is published, and the date of its data."""

    site_url: str
    site_name: str
    authors: tuple[Mapping[str, str], ...]
    data_date: str
    sources: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.site_url.endswith("/"):
            object.__setattr__(self, "site_url", self.site_url + "/")

    def url(self, path: str = "", anchor: str | None = None) -> str:
        return self.site_url + path.lstrip("/") + (f"#{anchor}" if anchor else "")


def read_cff(root: Path) -> dict[str, Any]:
    """``CITATION.cff`` at the repository root, as data (``{}`` if absent)."""
    path = Path(root) / "CITATION.cff"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text("utf-8"))
    return data if isinstance(data, dict) else {}


def publication(site_url: str, site_name: str, curated, data_date: str, root: Path | None = None,
                cff: Mapping[str, Any] | None = None) -> Publication:
    """The context for one build: authors from ``CITATION.cff`` (read from ``root`` unless given), sources from the data."""
    if cff is None:
        cff = read_cff(Path(root) if root is not None else Path(curated.root).parent)
    listed = cff.get("authors")
    authors = tuple(a for a in listed if isinstance(a, dict)) if isinstance(listed, list) else ()
    authors = authors or ({"name": site_name},)
    sources = {item["id"]: item for _, item in curated.items("sources") if isinstance(item.get("id"), str)}
    return Publication(site_url, site_name, authors, data_date, sources)


_current: list[Publication] = []


def configure(pub: Publication) -> None:
    """Make ``pub`` the context :func:`for_entry` and :func:`for_page` use by default."""
    _current[:] = [pub]


def current() -> Publication:
    if not _current:
        raise RuntimeError("no publication context: the hook scripts/nqpf/publish/hooks.py must run before pages are built")
    return _current[0]


# -- Authors -----------------------------------------------------------------------------------------------

def _initials(given: str) -> str:
    return " ".join(f"{part[0]}." for part in re.split(r"[\s]+", given.strip()) if part)


def apa_authors(authors: tuple[Mapping[str, str], ...]) -> str:
    """``Family, G.`` for people, the name for groups; ``A, B, & C``; ends with a full stop."""
    names = []
    for a in authors:
        if a.get("family-names"):
            given = _initials(a.get("given-names", ""))
            names.append(f"{a['family-names']}, {given}" if given else a["family-names"])
        else:
            names.append(a.get("name", "Anonymous"))
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
    return text if text.endswith(".") else text + "."


def bibtex_authors(authors: tuple[Mapping[str, str], ...]) -> str:
    """``Family, Given and {Group name}``: braces keep a group's name whole."""
    names = []
    for a in authors:
        if a.get("family-names"):
            given = a.get("given-names", "")
            names.append(_tex(f"{a['family-names']}, {given}" if given else a["family-names"]))
        else:
            names.append("{" + _tex(a.get("name", "Anonymous")) + "}")
    return " and ".join(names)


# -- Sources behind an entry -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Original:
    """A news article an entry rests on."""

    id: str
    outlet: str
    title: str
    title_is_ours: bool
    published: str
    url: str | None = None

    @property
    def title_text(self) -> str:
        """APA puts a description of an untitled work in square brackets."""
        return f"[{self.title}]" if self.title_is_ours else self.title

    @property
    def short(self) -> str:
        """Outlet and date: how the APA line names it."""
        return f"{self.outlet}, {spell(self.published)}"

    @property
    def apa(self) -> str:
        """The article's own APA reference (no named author: the title comes first)."""
        text = f"{_sentence(self.title_text)} ({apa(self.published)}). {_sentence(self.outlet)}"
        return text + (f" {self.url}" if self.url else "")


def evidence_sources(value: Any) -> Iterator[str]:
    """Source ids of every ``evidence`` list in an entry, in order; rejected readings
    in ``conflicts`` are not what the entry rests on."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "conflicts":
                continue
            if key == "evidence" and isinstance(item, list):
                yield from (e["source"] for e in item if isinstance(e, dict) and isinstance(e.get("source"), str))
            else:
                yield from evidence_sources(item)
    elif isinstance(value, list):
        for item in value:
            yield from evidence_sources(item)


def originals(kind: str, item: Mapping[str, Any], pub: Publication) -> tuple[Original, ...]:
    ids = [item["id"]] if kind == "source" else list(dict.fromkeys(evidence_sources(item)))
    found = []
    for source_id in ids:
        s = pub.sources.get(source_id)
        if s is not None:
            found.append(Original(source_id, str(s["outlet"]), str(s["title"]), bool(s.get("title_is_ours")),
                                  str(s["published"]), s.get("url")))
    return tuple(found)


# -- What an entry is called -----------------------------------------------------------------------------

def number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def entry_title(kind: str, item: Mapping[str, Any]) -> str:
    if kind == "term":
        return f"{item['term']} ({item['chinese']})"
    if kind == "event":
        return str(item["title"])
    if kind == "province":
        return f"{item['name']} ({item['chinese']})"
    if kind == "person":
        return f"{item['name']} ({item['chinese']})" if item.get("chinese") else str(item["name"])
    if kind == "figure":
        period = item.get("period_label") or spell(str(item["period"]))
        value = item.get("value_as_printed") or number_text(item["value"])
        return f"{item['measure']}, {period}: {value} {item['unit']}"
    if kind == "source":
        return f"[{item['title']}]" if item.get("title_is_ours") else str(item["title"])
    raise KeyError(f"unknown kind of entry {kind!r}; one of {', '.join(KINDS)}")


def entry_label(kind: str, item: Mapping[str, Any]) -> str:
    label = KINDS[kind].label
    if kind == "event":
        when = spell(str(item["date"]))
        if item.get("end"):
            when += f" to {spell(str(item['end']))}"
        label += f", {when}"
    return label


# -- The citation itself --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Citation:
    kind: str
    id: str | None
    title: str
    label: str
    url: str
    data_date: str
    data_date_text: str
    key: str
    apa: str
    bibtex: str
    originals: tuple[Original, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["originals"] = [dict(asdict(o), apa=o.apa) for o in self.originals]
        return data


def _sentence(text: str) -> str:
    """End with a full stop unless the text already ends a sentence."""
    text = text.strip()
    return text if text[-1:] in ".?!" else text + "."


_TEX = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
    "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_TEX_RE = re.compile("|".join(re.escape(c) for c in _TEX))


def _tex(text: str) -> str:
    """Escape LaTeX's special characters (BibTeX fields are LaTeX)."""
    return _TEX_RE.sub(lambda m: _TEX[m.group()], " ".join(str(text).split()))


def _bibtex(key: str, title: str, url: str, note: str, pub: Publication) -> str:
    year, month, _ = pub.data_date.split("-")
    fields = [
        ("author", "{" + bibtex_authors(pub.authors) + "}"),
        ("title", "{{" + _tex(title) + "}}"),
        ("howpublished", "{" + _tex(pub.site_name) + "}"),
        ("year", "{" + year + "}"),
        ("month", MONTH_NAMES[int(month) - 1][:3].lower()),
        ("date", "{" + pub.data_date + "}"),
        # biblatex reads url verbatim; a URL built from ids has no brace to escape.
        ("url", "{" + url + "}"),
        ("note", "{" + _tex(note) + "}"),
    ]
    body = ",\n".join(f"  {name:<12} = {value}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"


def _cite(kind: str, anchor: str | None, title: str, label: str, url: str, found: tuple[Original, ...],
          pub: Publication) -> Citation:
    based_on = "; ".join(o.short for o in found)
    bracket = f"{label}; based on {based_on}" if found else label
    site = "" if title == pub.site_name else f" {_sentence(pub.site_name)}"
    line = f"{apa_authors(pub.authors)} ({apa(pub.data_date)}). {title} [{bracket}].{site} {url}"
    note = f"{label}. Data as of {spell(pub.data_date)}."
    if found:
        note += " Based on: " + "; ".join(f"{o.outlet}, {o.title_text}, {spell(o.published)}" for o in found) + "."
    key = f"nqpf:{kind}:{anchor}" if anchor else "nqpf:page:" + (url[len(pub.site_url):].strip("/") or "home")
    return Citation(kind, anchor, title, label, url, pub.data_date, spell(pub.data_date), key, line,
                    _bibtex(key, title, url, note, pub), found)


def for_entry(kind: str, item: Mapping[str, Any], pub: Publication | None = None) -> Citation:
    """The citation of one entry (``kind`` is a key of :data:`KINDS`)."""
    pub = pub or current()
    if kind not in KINDS:
        raise KeyError(f"unknown kind of entry {kind!r}; one of {', '.join(KINDS)}")
    anchor = str(item["id"])
    return _cite(kind, anchor, entry_title(kind, item), entry_label(kind, item),
                 pub.url(KINDS[kind].page, anchor), originals(kind, item, pub), pub)


def for_page(title: str, path: str, pub: Publication | None = None, label: str = "Web page") -> Citation:
    """The citation of a whole page; ``path`` is the page's URL below the site (``sources/``)."""
    pub = pub or current()
    return _cite("page", None, title, label, pub.url(path), (), pub)
