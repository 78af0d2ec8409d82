"""The theme overrides in overrides/ stay minimal and in step with the pinned Material.

Each overridden Material template must differ from Material's own only by the
changes listed here (and its leading comment), and each script moved out of a
template must still be Material's script. A Material upgrade that touches these
files fails here, which is the moment to carry the fixes over, or drop them.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from conftest import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
SCRIPTS = OVERRIDES / "assets" / "javascripts" / "nqpf"

# Overridden template -> (Material's line, our line) for each changed line; None = no such line.
CHANGES: dict[str, list[tuple[str | None, str | None]]] = {
    "base.html": [
        (None, '{% include "partials/csp.html" %}'),
        ('<meta name="description" content="{{ page.meta.description }}">',
         '<meta name="description" content="{{ page.meta.description | e }}">'),
        ('<meta name="description" content="{{ config.site_description }}">',
         '<meta name="description" content="{{ config.site_description | e }}">'),
        ('<meta name="author" content="{{ page.meta.author }}">', '<meta name="author" content="{{ page.meta.author | e }}">'),
        ('<meta name="author" content="{{ config.site_author }}">', '<meta name="author" content="{{ config.site_author | e }}">'),
        ("<title>{{ page.meta.title }} - {{ config.site_name }}</title>", "<title>{{ page.meta.title | e }} - {{ config.site_name | e }}</title>"),
        ("<title>{{ page.title | striptags }} - {{ config.site_name }}</title>",
         "<title>{{ page.title | striptags | e }} - {{ config.site_name | e }}</title>"),
        ("<title>{{ config.site_name }}</title>", "<title>{{ config.site_name | e }}</title>"),
        ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
         '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
        ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
         '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'),
    ],
    "partials/search.html": [
        ('<div class="md-search" data-md-component="search" role="dialog">',
         """<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t('search') }}">"""),
    ],
}


def body(path: Path) -> list[str]:
    """A template's lines without its leading ``{#- ... -#}`` comment, stripped."""
    text = re.sub(r"\A\{#-.*?-#\}\n", "", path.read_text("utf-8"), flags=re.S)
    return [line.strip() for line in text.splitlines()]


@pytest.mark.parametrize("template", sorted(CHANGES))
def test_override_differs_from_material_only_by_its_listed_changes(template):
    ours, theirs = body(OVERRIDES / template), body(MATERIAL / template)
    expected = list(theirs)
    for old, new in CHANGES[template]:
        if old is None:
            continue
        assert expected.count(old) == 1, f"Material's {template} no longer has: {old}"
        expected[expected.index(old)] = new
    added = [new for old, new in CHANGES[template] if old is None]
    assert [line for line in ours if line not in added] == expected
    assert all(ours.count(line) == 1 for line in added)


def inline_scripts(template: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", (MATERIAL / template).read_text("utf-8"), flags=re.S)


def script(name: str) -> str:
    return (SCRIPTS / name).read_text("utf-8")


def test_moved_scripts_are_materials_own():
    (scope,) = inline_scripts("partials/javascripts/base.html")
    assert scope.replace('"{{ config.extra.scope | d(base_url) }}"', "document.currentScript.dataset.mdScope") in script("scope.js")
    (palette,) = inline_scripts("partials/javascripts/palette.html")
    assert palette in script("palette.js")
    tabs, target = inline_scripts("partials/javascripts/content.html")
    assert tabs in script("tabs-link.js")
    assert target in script("content.js")


@pytest.mark.parametrize("partial", ["javascripts/base.html", "javascripts/palette.html", "javascripts/content.html"])
def test_script_partials_load_files_only(partial):
    text = (OVERRIDES / "partials" / partial).read_text("utf-8")
    assert "<script>" not in text
    for src in re.findall(r"<script src=\"\{\{ '([^']+)' \| url \}\}\"", text):
        assert (OVERRIDES / src).is_file(), src
