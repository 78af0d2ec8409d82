"""Ready-made citations of a page or of one entry: an APA-style line and BibTeX.

A citation names the entry's permanent URL (``site_url`` + page + ``#id``),
the date of the data, and, where the entry rests on news articles, those
articles (outlet and date in the APA line, titles too in BibTeX). Functions
return plain data (:class:`Citation`); ``_cite.j2`` renders it.

Everything here is a pure function of the :class:`Publication`, which
:func:`publication` makes once per build from the :class:`~nqpf.site.Site` and
the site's address. What an entry is called and where it lives come from the
registry (:mod:`nqpf.kinds`); what it rests on from :func:`nqpf.evidence.sources_of`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from ..datefmt import apa, month_name, spell
from ..evidence import sources_of
from ..kinds import KINDS


@dataclass(frozen=True)
class Publication:
    """Where and by whom the site is published, and the date of its data."""

    site_url: str
    site_name: str
    authors: tuple[Mapping[str, str], ...]
    data_date: str
    sources: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # No address (nqpf.address found none): URLs within the site, "timeline/#id".
        if self.site_url and not self.site_url.endswith("/"):
            object.__setattr__(self, "site_url", self.site_url + "/")

    def url(self, path: str = "", anchor: str | None = None) -> str:
        return self.site_url + path.lstrip("/") + (f"#{anchor}" if anchor else "")


def publication(site, site_url: str, site_name: str) -> Publication:
    """The context for one build: authors from ``CITATION.cff``, the date of the data, the sources."""
    listed = site.cff.get("authors")
    authors = tuple(a for a in listed if isinstance(a, dict)) if isinstance(listed, list) else ()
    return Publication(site_url, site_name, authors or ({"name": site_name},), site.edited, site.of["source"])


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


def originals(kind: str, item: Mapping[str, Any], pub: Publication) -> tuple[Original, ...]:
    ids = [item["id"]] if kind == "source" else sources_of(item)
    found = []
    for source_id in ids:
        s = pub.sources.get(source_id)
        if s is not None:
            found.append(Original(source_id, str(s["outlet_name"]), str(s["title"]), bool(s.get("title_is_ours")),
                                  str(s["published"]), s.get("url")))
    return tuple(found)


# -- The citation itself --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Citation:
    """A ready-made citation of a page or an entry (what ``_cite.j2`` renders)."""

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
        ("month", month_name(int(month))[:3].lower()),
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


def for_entry(kind: str, item: Mapping[str, Any], pub: Publication) -> Citation:
    """The citation of one entry (``kind`` is a key of :data:`nqpf.kinds.KINDS`)."""
    if kind not in KINDS:
        raise KeyError(f"unknown kind of entry {kind!r}; one of {', '.join(KINDS)}")
    declared, anchor = KINDS[kind], str(item["id"])
    return _cite(kind, anchor, declared.title(item), declared.citation_label(item),
                 pub.url(declared.url, anchor), originals(kind, item, pub), pub)


def for_page(title: str, path: str, pub: Publication, label: str = "Web page") -> Citation:
    """The citation of a whole page; ``path`` is the page's URL below the site (``sources/``)."""
    return _cite("page", None, title, label, pub.url(path), (), pub)
