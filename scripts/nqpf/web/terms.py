"""Glossary tooltips: the first use of a glossary term on a page links to its entry.

Runs on the HTML of each page. The link carries the term's short definition
in a tooltip that shows on hover and on keyboard focus (CSS) and is the
link's accessible description. Text inside headings, links, code, quotes,
form controls, SVG and Chinese-language elements is left alone, as is a
glossary entry's own text on the glossary page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

# Elements whose text is never linked: structure, verbatim text, controls.
SKIP = frozenset(
    "a abbr blockquote button cite code dt figcaption form h1 h2 h3 h4 h5 h6 kbd label "
    "nav option pre q samp script select style summary svg textarea th time title".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)")
_LANG = re.compile(r"""\slang=["']?zh""", re.IGNORECASE)
_TERM_ATTR = re.compile(r"""\sdata-term=["']([^"']+)""")
# How a character of a term may appear in HTML text.
_HTML_FORMS = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': '(?:"|&quot;|&\\#34;)',
    "'": "(?:'|&\\#39;|&\\#x27;|\u2019)",
    " ": r"\s+",
}

_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#34;", '"'), ("&#39;", "'"), ("&#x27;", "'"),
             ("\u2019", "'"), ("&amp;", "&"))


@dataclass(frozen=True)
class Term:
    id: str
    short: str
    case_sensitive: bool


def _pattern(phrase: str) -> str:
    return "".join(_HTML_FORMS.get(ch, re.escape(ch)) for ch in phrase)


class TermLinker:
    """Links the first use of each glossary term (or alias) on a page."""

    def __init__(self, glossary: list[dict]):
        self.terms: dict[str, Term] = {}
        phrases: dict[str, str] = {}
        for item in glossary:
            for phrase in [item["term"], *(item.get("aliases") or [])]:
                key = self._key(phrase)
                phrases.setdefault(key, phrase)
                self.terms.setdefault(key, Term(item["id"], item["short"], phrase.isupper()))
        alternatives = sorted(phrases.values(), key=len, reverse=True)
        self.regex = (
            re.compile(r"(?<![\w&#-])(" + "|".join(map(_pattern, alternatives)) + r")(?:e?s)?(?![\w-])", re.IGNORECASE)
            if alternatives else None
        )
        self._exact = {self._key(p): " ".join(p.split()) for p in alternatives}

    @staticmethod
    def _decode(text: str) -> str:
        """Text as written in the data, from its HTML form."""
        for form, char in _ENTITIES:
            text = text.replace(form, char)
        return " ".join(text.split())

    @classmethod
    def _key(cls, text: str) -> str:
        return cls._decode(text).lower()

    def link(self, html: str, href: str, page_term: str | None = None) -> str:
        """``html`` with first uses linked to ``href + "#" + term id``."""
        if self.regex is None:
            return html
        used: set[str] = set()
        stack: list[tuple[str, bool, str | None]] = []  # (tag, skipped, glossary entry id)
        out: list[str] = []
        for token in _TOKEN.split(html):
            if not token:
                continue
            if token.startswith("<"):
                out.append(token)
                self._track(token, stack)
            elif any(skipped for _, skipped, _ in stack):
                out.append(token)
            else:
                own = next((term for _, _, term in reversed(stack) if term), page_term)
                out.append(self._replace(token, href, used, own))
        return "".join(out)

    @staticmethod
    def _track(token: str, stack: list[tuple[str, bool, str | None]]) -> None:
        m = _TAG.match(token)
        if not m:
            return
        closing, name = m[1] == "/", m[2].lower()
        if closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i:]
                    break
        elif name not in VOID and not token.endswith("/>"):
            skipped = name in SKIP or bool(_LANG.search(token)) or "nqpf-noterms" in token
            term = _TERM_ATTR.search(token)
            stack.append((name, skipped, term[1] if term else None))

    def _replace(self, text: str, href: str, used: set[str], own: str | None) -> str:
        def substitute(m: re.Match[str]) -> str:
            key = self._key(m[1])
            term = self.terms[key]
            if term.id in used or term.id == own or (term.case_sensitive and self._decode(m[1]) != self._exact[key]):
                return m[0]
            used.add(term.id)
            tip = f"nqpf-tip-{term.id}"
            return (
                f'<span class="nqpf-term-wrap"><a class="nqpf-term" href="{escape(href)}#{term.id}" '
                f'aria-describedby="{tip}">{m[0]}</a><span class="nqpf-tip" id="{tip}" role="tooltip" '
                f'data-search-exclude="tooltip">{escape(term.short)}</span></span>'
            )

        return self.regex.sub(substitute, text)
