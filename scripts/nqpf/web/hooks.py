"""MkDocs hooks: validate the data, then build the pages from it.

Registered in mkdocs.yml under ``hooks:``. A data problem fails the build
with a :class:`~mkdocs.exceptions.PluginError` listing every ``file:line``.
The data is read and checked once per build (``on_config``); then

- ``on_files`` adds the generated pages (:data:`nqpf.web.pages.PAGES`),
- ``on_page_markdown`` fills the named markers of hand-written pages,
- ``on_page_content`` links the first use of each glossary term.

``NQPF_DATA`` names another data folder (its seeds are its sibling
``../seeds``); tests build the fixture site with it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from nqpf.checks import run_checks
from nqpf.curated import data_directory, load_curated_once
from nqpf.web.model import Site, build_site
from nqpf.web.pages import MARKERS, PAGES, REQUIRED_MARKERS
from nqpf.web.terms import TermLinker

log = logging.getLogger("mkdocs.plugins.nqpf")

MARKER = re.compile(r"<!--\s*nqpf:([\w-]+)\s*-->")

_state: dict[str, object] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data_dir = data_directory(Path(config.config_file_path).parent)
    curated = load_curated_once(data_dir)
    problems = run_checks(curated)
    if problems:
        raise PluginError("the data does not validate:\n" + "\n".join(str(p) for p in problems))
    site = build_site(curated, data_dir)
    _state["site"] = site
    _state["linker"] = TermLinker(list(site.glossary.values()))
    _teach_search(site)
    watched = str(data_dir.resolve())
    if watched not in (str(Path(w).resolve()) for w in config.watch):
        config.watch.append(watched)
    return config


def _teach_search(site: Site) -> None:
    """Keep the site's Chinese terms whole when the search plugin segments text with jieba."""
    try:
        import jieba
    except ImportError:
        return
    words = [site.concept.get("chinese")] + [t["chinese"] for t in site.glossary.values()]
    for word in filter(None, words):
        jieba.add_word(word)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _state["site"]
    for src_uri, build in PAGES.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} exists, but that page is generated from data; remove the file")
        files.append(File.generated(config, src_uri, content=build(site)))
    _state["glossary_url"] = files.get_file_from_path("glossary.md").url
    log.debug("generated %d pages from data", len(PAGES))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    src_uri = page.file.src_uri
    if src_uri in PAGES:
        return None
    found = MARKER.findall(markdown)
    unknown = sorted(set(found) - set(MARKERS))
    if unknown:
        raise PluginError(f"docs/{src_uri}: unknown marker(s) {', '.join(unknown)}; known: {', '.join(sorted(MARKERS))}")
    missing = sorted(REQUIRED_MARKERS.get(src_uri, frozenset()) - set(found))
    if missing:
        raise PluginError(f"docs/{src_uri}: missing marker(s) {', '.join(f'<!-- nqpf:{m} -->' for m in missing)}")
    if not found:
        return None
    site = _state["site"]
    return MARKER.sub(lambda m: MARKERS[m[1]](site), markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    glossary_url = str(_state["glossary_url"])
    href = "" if page.url == glossary_url else get_relative_url(glossary_url, page.url)
    return _state["linker"].link(html, href)
