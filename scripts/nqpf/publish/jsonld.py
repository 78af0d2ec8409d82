"""Structured data (schema.org, as JSON-LD) for search engines and other machines.

* the Glossary page is a ``DefinedTermSet`` of ``DefinedTerm``s;
* the Timeline page carries one ``Event`` per entry, dated at its precision
  (schema.org dates are ISO 8601, where ``2023-09`` and ``2023`` are valid
  reduced-precision dates, so no day is invented);
* the Data page describes the downloads as a ``Dataset``.

Every object is keyed by the entry's permanent URL (``@id``). :func:`dumps`
serialises for an HTML ``<script type="application/ld+json">`` block: it
escapes ``<``, ``>`` and ``&`` as ``\\u003c``, ``\\u003e`` and ``\\u0026``, so
no string in the data can close the element (``</script>``) or open a comment.
Such a block is data, not script: browsers do not run it, and a
Content-Security-Policy that allows only same-origin scripts does not block it.
"""

from __future__ import annotations

import json
from typing import Any

from ..kinds import KINDS
from ..site import Site
from .citations import Publication, originals
from .exports import media_type

CONTEXT = "https://schema.org"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"

_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def dumps(obj: Any) -> str:
    """JSON that is safe inside ``<script type="application/ld+json">``."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)


def _creators(pub: Publication) -> list[dict[str, str]]:
    people = []
    for a in pub.authors:
        if a.get("family-names"):
            people.append({"@type": "Person", "familyName": a["family-names"], "givenName": a.get("given-names", ""),
                           "name": " ".join(p for p in (a.get("given-names"), a["family-names"]) if p)})
        else:
            people.append({"@type": "Organization", "name": a.get("name", pub.site_name)})
    return people


def defined_term_set(site: Site, pub: Publication, kind: str) -> dict[str, Any]:
    page = pub.url(KINDS[kind].url)
    terms = []
    for item in site.entries(kind):
        url = pub.url(KINDS[kind].url, item["id"])
        names: list[Any] = list(item.get("aliases") or [])
        names.append({"@value": item["chinese"], "@language": "zh-Hans"})
        names.append({"@value": item["pinyin"], "@language": "zh-Latn-pinyin"})
        terms.append({
            "@type": "DefinedTerm", "@id": url, "url": url, "name": item["term"], "alternateName": names,
            "termCode": item["id"], "description": item["short"], "inDefinedTermSet": page,
        })
    return {
        "@context": CONTEXT, "@type": "DefinedTermSet", "@id": page, "url": page,
        "name": "Glossary of new quality productive forces (新质生产力)",
        "description": "Terms a reader needs to follow what the sources say about new quality productive forces, "
                       "each with its Chinese, pinyin and a short definition.",
        "hasDefinedTerm": terms,
    }


def _article(original, pub: Publication) -> dict[str, Any]:
    url = pub.url(KINDS["source"].url, original.id)
    article = {"@type": "NewsArticle", "@id": url, "name": original.title_text, "datePublished": original.published,
               "publisher": {"@type": "Organization", "name": original.outlet}}
    if not original.title_is_ours:
        article["headline"] = original.title
    if original.url:
        article["url"] = original.url
    return article


def events(site: Site, pub: Publication, kind: str) -> dict[str, Any]:
    provinces, people = site.of["province"], site.of["person"]
    graph = []
    for item in site.entries(kind):
        url = pub.url(KINDS[kind].url, item["id"])
        event: dict[str, Any] = {
            "@type": "Event", "@id": url, "url": url, "name": item["title"], "description": item["summary"],
            "startDate": item["date"],
        }
        if item.get("end"):
            event["endDate"] = item["end"]
        place = item.get("place")
        if place:
            location: dict[str, Any] = {"@type": "Place", "name": place["name"]}
            province = provinces.get(place.get("province", ""))
            if province:
                location["address"] = {"@type": "PostalAddress", "addressRegion": province["name"], "addressCountry": "CN"}
            event["location"] = location
        attendees = [people[p] for p in item.get("people") or [] if p in people]
        if attendees:
            event["attendee"] = [{"@type": "Person", "@id": pub.url(KINDS["person"].url, p["id"]), "name": p["name"]}
                                 for p in attendees]
        found = originals(kind, item, pub)
        if found:
            event["subjectOf"] = [_article(o, pub) for o in found]
        graph.append(event)
    return {"@context": CONTEXT, "@graph": graph}


def dataset(site: Site, pub: Publication, about: dict[str, Any], files: list[str]) -> dict[str, Any]:
    """``files`` are the download paths below ``data/``."""
    page = pub.url("data/")
    days = sorted(str(item["date"]) for kind in KINDS.values() if kind.jsonld == "Event" for item in site.entries(kind.name))
    data: dict[str, Any] = {
        "@context": CONTEXT, "@type": "Dataset", "@id": page, "url": page,
        "name": about["title"], "description": about["abstract"],
        "license": LICENSE, "creator": _creators(pub), "publisher": _creators(pub),
        "dateModified": pub.data_date, "inLanguage": "en", "isAccessibleForFree": True,
        "keywords": about.get("keywords", []),
        "spatialCoverage": {"@type": "Place", "name": "China"},
        "distribution": [
            {"@type": "DataDownload", "name": path, "encodingFormat": media_type(path), "contentUrl": pub.url("data/" + path)}
            for path in files
        ],
    }
    if about.get("version"):
        data["version"] = about["version"]
    if days:
        data["temporalCoverage"] = f"{days[0]}/{days[-1]}"
    return data


ROLES = {"DefinedTermSet": defined_term_set, "Event": events}


def for_page(url: str, site: Site, pub: Publication, about: dict[str, Any], files: list[str]) -> list[dict[str, Any]]:
    """The JSON-LD objects for the page at ``url`` (``glossary/``, ...), if any: a kind's page
    carries what the registry gives as its ``jsonld`` role; the Data page, the data set."""
    if url == "data/":
        return [dataset(site, pub, about, files)]
    kind = next((k for k in KINDS.values() if k.url == url and k.jsonld), None)
    return [ROLES[kind.jsonld](site, pub, kind.name)] if kind else []
