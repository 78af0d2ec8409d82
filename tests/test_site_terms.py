"""Glossary tooltips: the first use of a term links to its entry, never inside structure or Chinese."""

from __future__ import annotations

import pytest

from nqpf.web.terms import TermLinker

GLOSSARY = [
    {"id": "tfp", "term": "total factor productivity", "short": "Efficiency <of> inputs.", "aliases": ["TFP"]},
    {"id": "npc", "term": "National People's Congress", "short": "The legislature.", "aliases": ["NPC"]},
    {"id": "rd", "term": "research and development", "short": "R&D.", "aliases": ["R&D"]},
    {"id": "sei", "term": "strategic emerging industries", "short": "Backed sectors."},
    {"id": "si", "term": "emerging industries", "short": "Shorter term."},
]


def link(html, page_term=None):
    return TermLinker(GLOSSARY).link(html, "../glossary/", page_term)


def linked(html, **kw):
    """The ids linked in ``html``, in order."""
    import re
    return re.findall(r'href="\.\./glossary/#([\w-]+)"', link(html, **kw))


def test_link_carries_a_tooltip_described_by_the_short_definition():
    out = link("<p>Rising total factor productivity.</p>")
    assert out == (
        '<p>Rising <span class="nqpf-term-wrap"><a class="nqpf-term" href="../glossary/#tfp" aria-describedby="nqpf-tip-tfp">'
        'total factor productivity</a><span class="nqpf-tip" id="nqpf-tip-tfp" role="tooltip" data-search-exclude="tooltip">'
        "Efficiency &lt;of&gt; inputs.</span></span>.</p>"
    )


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>Total Factor Productivity and TFP</p>", ["tfp"]),
    ("<p>tfp is not the abbreviation, TFP is</p>", ["tfp"]),
    ("<p>tfp in lower case</p>", []),
    ("<p>National People&#39;s Congress</p>", ["npc"]),
    ("<p>National People’s Congress</p>", ["npc"]),
    ("<p>R&amp;D spending</p>", ["rd"]),
    ("<p>researches and developments</p>", []),
    ("<p>research and developments</p>", ["rd"]),
    ("<p>strategic emerging industries, emerging industries</p>", ["sei", "si"]),
    ("<p>non-total factor productivity</p>", []),
])
def test_matching(html, expected):
    assert linked(html) == expected


@pytest.mark.parametrize("html", [
    "<h2 id='x'>total factor productivity</h2>",
    "<p><a href='#'>total factor productivity</a></p>",
    "<p><code>total factor productivity</code></p>",
    "<pre>total factor productivity</pre>",
    "<blockquote><p>total factor productivity</p></blockquote>",
    "<p><span lang='zh-Hans'>total factor productivity</span></p>",
    "<svg><text>total factor productivity</text></svg>",
    "<p class='nqpf-noterms'>total factor productivity</p>",
    "<!-- total factor productivity --><p>x</p>",
    "<p title='total factor productivity'>x</p>",
])
def test_never_linked_inside(html):
    assert linked(html) == []


def test_only_the_first_use_per_page_is_linked():
    assert linked("<h1>TFP</h1><p>TFP</p><p>total factor productivity</p>") == ["tfp"]


def test_text_after_a_skipped_element_is_linked():
    assert linked("<p><code>TFP</code> then TFP</p>") == ["tfp"]


def test_a_glossary_entry_does_not_link_itself():
    html = '<section data-term="tfp"><p>TFP and NPC</p></section><p>TFP</p>'
    assert linked(html) == ["npc", "tfp"]


def test_unclosed_paragraphs_do_not_leave_text_skipped():
    assert linked("<h2>x</h2><p>one<p>TFP</p>") == ["tfp"]


def test_empty_glossary_changes_nothing():
    assert TermLinker([]).link("<p>TFP</p>", "g/") == "<p>TFP</p>"


@pytest.mark.parametrize(("html", "expected"), [
    ('<a href="https://example.com/x">x</a>', '<a href="https://example.com/x" rel="noopener noreferrer">x</a>'),
    ('<a href="https://example.com/x" rel="noopener">x</a>', '<a href="https://example.com/x" rel="noopener noreferrer">x</a>'),
    ('<a href="https://example.com/?a=1&amp;b=&quot;2&quot;">x</a>',
     '<a href="https://example.com/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">x</a>'),
    ('<a class="k" href="https://example.com/" rel="noreferrer noopener">x</a>', None),
    ('<a href="https://nqpf.example.org/glossary/">x</a>', None),
    ('<a href="../glossary/#tfp">x</a>', None),
    ('<a href="mailto:a@example.com">x</a>', None),
], ids=["plain", "half-rel", "entities", "already", "own-host", "relative", "mailto"])
def test_links_to_other_hosts_are_marked_in_the_same_pass(html, expected):
    out = TermLinker(GLOSSARY).link(f"<p>{html}</p>", "../glossary/", own_host="nqpf.example.org")
    assert out == f"<p>{expected or html}</p>"


def test_links_are_marked_with_no_glossary_at_all():
    out = TermLinker([]).link('<p><a href="http://example.com/">x</a> total factor productivity</p>', "g/", own_host=None)
    assert out == '<p><a href="http://example.com/" rel="noopener noreferrer">x</a> total factor productivity</p>'
