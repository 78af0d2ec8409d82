"""Every host the data links to is declared once, and every link says what it is (:mod:`nqpf.outlets`)."""

from __future__ import annotations

from collections.abc import Iterable

from .. import outlets
from ..curated import Curated
from ..kinds import KINDS
from ..report import Problem
from .evidence import url_problem

SOURCES, OUTLETS = KINDS["source"].dataset, KINDS["outlet"].dataset


def check_hosts(curated: Curated) -> Iterable[Problem]:
    """Every host a source links to is declared, once, by an outlet in outlets.yaml; no source links to a
    blocked outlet's host (spam, gambling, adult content, a hijacked domain), a bare IP address, an odd port
    or a punycode domain."""
    registry_doc = curated.docs.get(OUTLETS)
    first: dict[str, int] = {}
    for i, outlet in curated.items(OUTLETS):
        for j, name in enumerate(outlet.get("hosts") or []):
            if not isinstance(name, str):
                continue
            if name in first:
                yield registry_doc.problem((i, "hosts", j), f"{name} is already a host of the outlet on line {first[name]}; "
                                                            "a host belongs to one outlet")
            else:
                first[name] = registry_doc.line((i, "id"))
    if registry_doc is None or registry_doc.data is None or OUTLETS in curated.partial:
        return  # the registry's own problem is reported where it is
    registry = outlets.Registry(item for _, item in curated.items(OUTLETS))
    doc = curated.docs.get(SOURCES)
    for i, source in curated.items(SOURCES):
        url = source.get("url")
        if not isinstance(url, str) or url_problem(url):
            continue  # a malformed URL is reported by its own rule
        bad = outlets.address_problem(url)
        if bad:
            yield doc.problem((i, "url"), f"{url} {bad}")
            continue
        site = registry.at(url)
        if site is None:
            yield doc.problem((i, "url"), f"the host {outlets.host(url)} is not declared: add it to the hosts of its outlet "
                                          "in data/outlets.yaml (or a new outlet, saying what it is)")
        elif site.get("blocked"):
            yield doc.problem((i, "url"), f"{site['name']} ({outlets.host(url)}) is blocked: {site['blocked']}; "
                                          "link the outlet's own page or another source")


def check_links(curated: Curated) -> Iterable[Problem]:
    """A reference's `link` fits its outlet and its page's host: `own` where the host is its outlet's
    (`official` for a Party or government body, a foreign government or an international organisation), and
    `licensed` or `copy` where the page is on another outlet's site."""
    if OUTLETS in curated.partial or curated.data(OUTLETS) is None:
        return
    registry = outlets.Registry(item for _, item in curated.items(OUTLETS))
    doc = curated.docs.get(SOURCES)
    for i, source in curated.items(SOURCES):
        link = source.get("link")
        if source.get("kind") != "reference" or not isinstance(link, str):
            continue
        allowed = registry.expected_links(source)
        if not allowed or link in allowed or registry.at(source["url"]).get("blocked"):
            continue  # an unknown outlet, an undeclared or blocked host is reported by its own rule
        outlet, site = registry.by_id[source["outlet"]], registry.at(source["url"])
        if site is outlet:
            said = f"the page is on {outlet['name']}'s own site ({outlets.host(source['url'])}), so its link is {allowed[0]}"
            if allowed == ("official",):
                said += f" (the outlet's kind: {outlets.OUTLET_KINDS[outlet['kind']]})"
        else:
            said = (f"the page is on the site of {site['name']}, not of {outlet['name']} whose text it is, so its link is "
                    "licensed (a partner's or licensee's republication) or copy")
        yield doc.problem((i, "link"), f"says {link}, but {said}")
