"""Our stylesheet and script as served: comments and indentation gone, meaning kept."""

from __future__ import annotations

import re

from conftest import ROOT
from nqpf.web import minify


def test_css_keeps_selectors_strings_and_rules():
    text = '/* why */\n.a :hover,\n.b  > .c {\n  content: " /* not a comment */ ; ";\n  color: red;\n}\n@media print {\n  .x { a: b }\n}\n'
    assert minify.css(text) == '.a :hover,.b > .c{content: " /* not a comment */ ; ";color: red}@media print{.x{a: b}}\n'


def test_js_keeps_code_and_line_ends():
    text = "/* a\n   comment */\nvar x = 1; // kept: it follows code\n  // dropped\n  if (x) {\n    /* one */ y();\n  }\n"
    assert minify.js(text) == "var x = 1; // kept: it follows code\nif (x) {\n/* one */ y();\n}\n"


def test_the_served_files_lose_only_comments_and_space(fixture_site):
    for served, source in (("stylesheets/nqpf.css", "docs/stylesheets/nqpf.css"), ("javascripts/nqpf.js", "docs/javascripts/nqpf.js")):
        out, original = (fixture_site / served).read_text("utf-8"), (ROOT / source).read_text("utf-8")
        assert len(out) < 0.85 * len(original)
        assert words(out) == words(original), served


def words(text: str) -> list[str]:
    """The words of a file outside its comments."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.findall(r"[\w-]+", re.sub(r"^\s*//.*$", "", text, flags=re.M))
