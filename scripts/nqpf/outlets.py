"""Who publishes what: the registry of outlets (``data/outlets.yaml``) and how a link relates to its text.

Every host the data links to belongs to one declared outlet. A source names the outlet whose
text it carries (``outlet``, an id); the host of its ``url`` names the outlet whose site carries
the page. How the two relate is the reference's ``link``:

* ``own``: the outlet's own page (the host belongs to the outlet whose text it is);
* ``official``: the same, for a Party or government body's own site;
* ``licensed``: another outlet's site carrying the text as its partner or licensee
  (PressReader, a newspaper running a wire story, a state outlet's subsite carrying another's text);
* ``copy``: anything else, said so on the Sources page with what was searched for a better page.

The labels below are what the pages say; the schema lists the same values (a test keeps them equal).
Nothing here imports page code: the validator, the model and the pages all read it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

# What an outlet is, as the Sources page names it.
OUTLET_KINDS: dict[str, str] = {
    "state-media": "Chinese state media",
    "party-government": "Chinese Party or government body",
    "foreign-government": "foreign government body",
    "international-organisation": "international organisation",
    "hk-macao-press": "Hong Kong or Macao press",
    "taiwan-press": "Taiwan press",
    "foreign-press": "foreign press",
    "wire-agency": "wire agency",
    "think-tank": "think tank",
    "university-journal": "university or journal",
    "business-association": "business association",
    "company": "company",
    "individual": "individual's site or newsletter",
    "reference-work": "encyclopedia or reference work",
    "aggregator": "aggregator or unidentified site",
}

# Kinds whose own site is an official text (link: official), not an outlet's own page (own).
OFFICIAL_KINDS = frozenset({"party-government", "foreign-government", "international-organisation"})

# The two sides of the debate, as the Debate page counts them: a view is on the official side when the
# body its holder speaks for (or the outlet that publishes it) is a Chinese Party or government body or
# Chinese state media; every other voice is outside it. Derived, never typed: see `side`.
SIDES: dict[str, str] = {
    "official": "officials and state media",
    "outside": "other voices",
}
OFFICIAL_SIDE_KINDS = frozenset({"party-government", "state-media"})

# How a page relates to its text.
LINKS: dict[str, str] = {
    "own": "the outlet's own page",
    "official": "an official site's own text",
    "licensed": "a licensed republication",
    "copy": "a copy",
}


def host(url: str) -> str:
    """The host a URL names, as the registry declares hosts: lower case, no port, no final dot."""
    name = urlsplit(url).hostname or ""
    return name.rstrip(".").lower()


def address_problem(url: str) -> str | None:
    """Why a URL's address is never linked (a bare IP address, an odd port, a punycode domain), or None."""
    parts = urlsplit(url)
    name = host(url)
    try:
        ipaddress.ip_address(name)
        return f"is on a bare IP address ({name}), where only copies are: link the outlet's own page"
    except ValueError:
        pass
    try:
        port = parts.port
    except ValueError:
        return "has a port that is not a number"
    if port is not None and port != {"http": 80, "https": 443}.get(parts.scheme):
        return f"names port {port}, where only copies are: link the outlet's own page"
    if any(label.startswith("xn--") for label in name.split(".")):
        return f"is on a punycode domain ({name}), where only copies are: link the outlet's own page"
    return None


class Registry:
    """The declared outlets, by id and by host."""

    def __init__(self, outlets: Iterable[Mapping[str, Any]]):
        self.by_id: dict[str, Mapping[str, Any]] = {}
        self.by_host: dict[str, Mapping[str, Any]] = {}
        for outlet in outlets:
            if isinstance(outlet.get("id"), str):
                self.by_id.setdefault(outlet["id"], outlet)
            for name in outlet.get("hosts") or []:
                if isinstance(name, str):
                    self.by_host.setdefault(name, outlet)

    def at(self, url: str) -> Mapping[str, Any] | None:
        """The outlet whose site the URL is on."""
        return self.by_host.get(host(url))

    def expected_links(self, source: Mapping[str, Any]) -> tuple[str, ...]:
        """The kinds of link a source's page can have: ``own`` or ``official`` where the host is
        its outlet's, ``licensed`` or ``copy`` where it is another's."""
        outlet, site = self.by_id.get(str(source.get("outlet"))), self.at(str(source.get("url", "")))
        if outlet is None or site is None:
            return ()
        if site is outlet:
            return ("official",) if outlet.get("kind") in OFFICIAL_KINDS else ("own",)
        return ("licensed", "copy")


def primary(outlet: Mapping[str, Any] | None) -> bool:
    """Whether an outlet's text is a primary source: a Party or government body's (or a foreign government's,
    an international organisation's) own text, or the official record of a meeting (``record: true``)."""
    return bool(outlet) and (outlet.get("kind") in OFFICIAL_KINDS or outlet.get("record") is True)


def side(outlet: Mapping[str, Any] | None) -> str | None:
    """Which side of the debate an outlet's voice is on (:data:`SIDES`), or None for an unknown outlet."""
    if not outlet:
        return None
    return "official" if outlet.get("kind") in OFFICIAL_SIDE_KINDS else "outside"


def name(outlet: Mapping[str, Any] | None) -> str:
    return str(outlet["name"]) if outlet else ""


def derived(source: Mapping[str, Any], registry: Registry) -> dict[str, Any]:
    """What a source's entry says through the registry: its outlet's name and kind, and for a page,
    the outlet whose site carries it."""
    outlet = registry.by_id.get(str(source.get("outlet")))
    out: dict[str, Any] = {"outlet_name": name(outlet), "outlet_kind": outlet.get("kind") if outlet else None}
    if source.get("url"):
        site = registry.at(str(source["url"]))
        out["host_outlet"] = site.get("id") if site else None
    return out
