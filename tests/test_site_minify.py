"""Our stylesheet and script as served: comments and indentation gone, meaning kept."""

from __future__ import annotations

import re

from conftest import ROOT
from nqpf.web import minify


def test_css_keeps_selectors_strings_and_rules():
    text = '/* why */\n.a :hover,\n.b  > .c {\n  content: " /* not a comment */ ; ";\n  color: red;\n}\n@media print {\n  .x { a: b }\n}\n'
    out = minify.css(text)
    assert '" /* not a comment */ ; "' in out
    assert ".a :hover" in out and "why" not in out
    assert out == '.a :hover,.b>.c{content:" /* not a comment */ ; ";color:red}@media print{.x{a:b}}\n'


# Each line is code a comment-stripper by lines would break: a `//` that is not a comment.
SURVIVORS = [
    'const url = "https://example.org//two//slashes";',
    "const single = 'a // b';",
    "const re = /\\/\\/[a-z]+/g;",
    "const t = `line one\n// inside a template literal\n${url} /* still text */`;",
    "const u = new URL('//cdn.example.org/x', location.href);",
]


def test_js_keeps_strings_template_literals_regexes_and_urls():
    text = "// a comment\n/* a block */\n" + "\n".join(f"  {line}  // why" for line in SURVIVORS) + "\n"
    out = minify.js(text)
    assert "a comment" not in out and "a block" not in out and "why" not in out
    for needle in ('"https://example.org//two//slashes"', "'a // b'", "/\\/\\/[a-z]+/g",
                   "`line one\n// inside a template literal\n${url} /* still text */`", "'//cdn.example.org/x'"):
        assert needle in out, needle


def test_js_keeps_code_that_relies_on_line_ends():
    out = minify.js("var a = 1\nvar b = a\n++b\nreturn\nx\n")
    assert "a\n++b" in out or "a;++b" in out  # ++ stays with b, never joins a
    assert "return\nx" in out


def test_the_served_files_lose_only_comments_and_space(fixture_site):
    for served, source in (("stylesheets/nqpf.css", "docs/stylesheets/nqpf.css"), ("javascripts/nqpf.js", "docs/javascripts/nqpf.js")):
        out, original = (fixture_site / served).read_text("utf-8"), (ROOT / source).read_text("utf-8")
        assert len(out) < 0.85 * len(original)
        assert words(out) == words(original), served


def words(text: str) -> list[str]:
    """The words of a file outside its comments."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.findall(r"[\w-]+", re.sub(r"^\s*//.*$", "", text, flags=re.M))
