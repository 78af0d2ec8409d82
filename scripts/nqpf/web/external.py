"""Links that leave the site open the other page without handing it ours.

Every ``<a>`` whose ``href`` is an absolute http(s) URL on another host gets
``rel="noopener noreferrer"``, whether it came from the data (a reference's
page) or from a hand-written page's Markdown. The page is read once, with the
standard library's HTML parser, by the pass that links glossary terms
(:mod:`nqpf.web.terms`); only the opening tags of such links are rewritten.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

REL = ("noopener", "noreferrer")


def opening_tag(attrs: list[tuple[str, str | None]], own_host: str | None) -> str | None:
    """The ``<a>`` tag with these attributes rewritten to carry ``rel="noopener noreferrer"``, or None
    when it needs no change (a link on this site, or one that already has both)."""
    values = dict(attrs)
    parts = urlsplit((values.get("href") or "").strip())
    if parts.scheme not in ("http", "https") or parts.hostname == own_host:
        return None
    rel = (values.get("rel") or "").split()
    if all(r in rel for r in REL):
        return None
    values["rel"] = " ".join(rel + [r for r in REL if r not in rel])
    return "<a" + "".join(f' {k}="{escape(v, quote=True)}"' if v is not None else f" {k}" for k, v in values.items()) + ">"
