"""Glossary tooltips: the first use of a glossary term on a page links to its entry.

Runs on the HTML of each page, read with the standard library's HTML parser
and written back token for token, so only text is ever rewritten. The link
carries the term's short definition in a tooltip that shows on hover and on
keyboard focus (CSS) and is the link's accessible description. Text inside
headings, links, code, quotes, form controls, SVG and Chinese-language
elements is left alone, as is a glossary entry's own text on the glossary page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser

from . import external

# Elements whose text is never linked: structure, verbatim text, controls.
SKIP = frozenset(
    "a abbr blockquote button cite code dt figcaption form h1 h2 h3 h4 h5 h6 kbd label "
    "nav option pre q samp script select style summary svg textarea th time title".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

# How a character of a term may appear in running text.
_TEXT_FORMS = {"'": "['\u2019]", " ": r"\s+"}


@dataclass(frozen=True)
class Term:
    id: str
    short: str
    case_sensitive: bool


def _pattern(phrase: str) -> str:
    return "".join(_TEXT_FORMS.get(ch, re.escape(ch)) for ch in phrase)


def _key(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).lower()


class TermLinker:
    """Links the first use of each glossary term (or alias) on a page."""

    def __init__(self, glossary: list[dict]):
        self.terms: dict[str, Term] = {}
        phrases: dict[str, str] = {}
        for item in glossary:
            for phrase in [item["term"], *(item.get("aliases") or [])]:
                key = _key(phrase)
                phrases.setdefault(key, phrase)
                self.terms.setdefault(key, Term(item["id"], item["short"], phrase.isupper()))
        alternatives = sorted(phrases.values(), key=len, reverse=True)
        self.regex = (
            re.compile(r"(?<![\w-])(" + "|".join(map(_pattern, alternatives)) + r")(?:e?s)?(?![\w-])", re.IGNORECASE)
            if alternatives else None
        )
        self._exact = {_key(p): " ".join(p.split()) for p in alternatives}

    def link(self, html: str, href: str, page_term: str | None = None, own_host: str | None = None) -> str:
        """``html`` with first uses linked to ``href + "#" + term id``, and, in the same pass, every link
        to a host other than ``own_host`` marked ``rel="noopener noreferrer"`` (:mod:`.external`)."""
        rewriter = _Rewriter(self, href, page_term, own_host)
        rewriter.feed(html)
        rewriter.close()
        return "".join(rewriter.out)

    def replace(self, text: str, href: str, used: set[str], own: str | None) -> str:
        """``text`` (plain, unescaped) as HTML, with the first use of each term not yet ``used`` linked."""
        out, last = [], 0
        for m in self.regex.finditer(text):
            key = _key(m[1])
            term = self.terms[key]
            if term.id in used or term.id == own or (term.case_sensitive and " ".join(m[1].split()) != self._exact[key]):
                continue
            used.add(term.id)
            tip = f"nqpf-tip-{term.id}"
            out.append(escape(text[last:m.start()], quote=False))
            out.append(
                f'<span class="nqpf-term-wrap"><a class="nqpf-term" href="{escape(href)}#{term.id}" '
                f'aria-describedby="{tip}">{escape(m[0], quote=False)}</a><span class="nqpf-tip" id="{tip}" role="tooltip" '
                f'data-search-exclude="tooltip">{escape(term.short)}</span></span>'
            )
            last = m.end()
        out.append(escape(text[last:], quote=False))
        return "".join(out)


class _Rewriter(HTMLParser):
    """Copies HTML through, handing each run of linkable text to the linker.

    A run of text is kept as written (entities and all) unless a term in it is linked;
    only then is it written out again from its decoded form.
    """

    def __init__(self, linker: TermLinker, href: str, page_term: str | None, own_host: str | None):
        super().__init__(convert_charrefs=False)
        self.linker, self.href, self.page_term, self.own_host = linker, href, page_term, own_host
        self.out: list[str] = []
        self.used: set[str] = set()
        self.stack: list[tuple[str, bool, str | None]] = []  # (tag, skipped, glossary entry id)
        self.raw: list[str] = []
        self.text: list[str] = []

    def _flush(self) -> None:
        if not self.raw:
            return
        raw, text = "".join(self.raw), "".join(self.text)
        self.raw, self.text = [], []
        if self.cdata_elem is not None or any(skipped for _, skipped, _ in self.stack):
            self.out.append(raw)
            return
        if self.linker.regex is None:
            self.out.append(raw)
            return
        own = next((term for _, _, term in reversed(self.stack) if term), self.page_term)
        used = len(self.used)
        linked = self.linker.replace(text, self.href, self.used, own)
        self.out.append(linked if len(self.used) > used else raw)

    def _text(self, raw: str, text: str) -> None:
        self.raw.append(raw)
        self.text.append(text)

    def handle_data(self, data):
        self._text(data, data)

    def handle_entityref(self, name):
        self._text(f"&{name};", unescape(f"&{name};"))

    def handle_charref(self, name):
        self._text(f"&#{name};", unescape(f"&#{name};"))

    def handle_starttag(self, tag, attrs):
        self._flush()
        self.out.append((tag == "a" and external.opening_tag(attrs, self.own_host)) or self.get_starttag_text())
        if tag in VOID:
            return
        values = dict(attrs)
        skipped = (tag in SKIP or (values.get("lang") or "").lower().startswith("zh")
                   or "nqpf-noterms" in (values.get("class") or "").split())
        self.stack.append((tag, skipped, values.get("data-term")))

    def handle_startendtag(self, tag, attrs):
        self._flush()
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self._flush()
        self.out.append(f"</{tag}>")
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_comment(self, data):
        self._flush()
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self._flush()
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self._flush()
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self._flush()
        self.out.append(f"<![{data}]>")

    def close(self):
        super().close()
        self._flush()
