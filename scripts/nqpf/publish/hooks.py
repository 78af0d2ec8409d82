"""MkDocs hooks for linking and reuse; listed in mkdocs.yml after the site's hook.

* ``on_config``: date the data (git, never the clock), read ``CITATION.cff``,
  and install the publication context, so page builders and templates can
  call ``entry_citation(kind, item)`` (a global of the site's Jinja
  environment) or :func:`nqpf.publish.citations.for_entry`.
* ``on_files``: add the downloads under ``data/``, the Data page
  (``data/index.md``, downloads and the data dictionary), ``feed.xml``,
  ``timeline.ics`` and ``robots.txt``, all generated in memory.
* ``on_page_markdown``: date each page by the last commit, for the sitemap
  (MkDocs would take the clock).
* ``on_page_content``: give each page a meta description (from its front
  matter, else from its first paragraph, which comes from the data), its
  Open Graph and Twitter card fields, its JSON-LD and its citation, under
  ``page.meta["nqpf"]`` for ``overrides/partials/nqpf-head.html`` and
  ``nqpf-page-cite.html``.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from nqpf.curated import DATASETS, data_directory, load_curated_once
from nqpf.publish import citations, dictionary, exports, feeds, jsonld
from nqpf.publish.datadate import DateError, data_date, site_date, spell
from nqpf.publish.render import render
from nqpf.web import render as site_render

log = logging.getLogger("mkdocs.plugins.nqpf")

DATA_PAGE = "data/index.md"
DESCRIPTION_LENGTH = 160

_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    data_dir = data_directory(root)
    curated = load_curated_once(data_dir)
    content = {name: curated.data(name) for name in DATASETS}
    try:
        day, site_day = data_date(data_dir, content), site_date(root, data_dir, content)
        cff = citations.read_cff(root)
    except DateError as error:
        raise PluginError(str(error)) from error
    except yaml.YAMLError as error:
        raise PluginError(f"CITATION.cff is not valid YAML: {error}") from error
    pub = citations.publication(config.site_url or "/", config.site_name, curated, day, root, cff=cff)
    citations.configure(pub)
    site_render.environment().globals["entry_citation"] = lambda kind, item: citations.for_entry(kind, item, pub)
    # Material writes site_description into the 404 page's meta tag unescaped, and ours has
    # quotation marks: hand the theme HTML-escaped text, keep the plain text for our own use.
    site_description = config.site_description or ""
    plain = site_description.unescape() if isinstance(site_description, Markup) else str(site_description)
    config.site_description = escape(plain)
    dataset_citation = citations.for_page(str(cff.get("title", config.site_name)), "data/", pub, label="Data set")
    about = {
        "title": str(cff.get("title", config.site_name)),
        "abstract": " ".join(str(cff.get("abstract", plain)).split()),
        "version": str(cff.get("version", "")),
        "license": str(cff.get("license", "CC-BY-4.0")),
        "license_url": jsonld.LICENSE,
        "data_date": day,
        "url": pub.url("data/"),
        "keywords": list(cff.get("keywords", [])),
        "cite_as": dataset_citation.apa,
    }
    _state.update(curated=curated, pub=pub, site_day=site_day, about=about, dataset_citation=dataset_citation, root=root,
                  site_description=plain)
    return config


def _add(files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes) -> None:
    if files.get_file_from_path(src_uri) is not None:
        raise PluginError(f"docs/{src_uri} exists, but that file is generated from data; remove it")
    files.append(File.generated(config, src_uri, content=content))


def _robots(pub: citations.Publication) -> str:
    return (
        "# Crawlers read robots.txt only at the root of a host: on a GitHub Pages project site\n"
        "# (https://<owner>.github.io/<repo>/) this file takes effect only with a custom domain.\n"
        "User-agent: *\n"
        "Allow: /\n"
        f"Sitemap: {pub.url('sitemap.xml')}\n"
    )


def data_page(curated, pub: citations.Publication, dataset_citation: citations.Citation) -> str:
    schemas = Path(curated.root) / "schemas"
    left_out = feeds.left_out(curated)
    example = next((e for _, e in curated.items("timeline")), None)
    return render(
        "data.md.j2", pub=pub, combined=exports.COMBINED, tables=exports.TABLES, datasets=dictionary.datasets(schemas),
        shared=dictionary.shared_structures(schemas), long_tables=dictionary.long_tables(), atom=feeds.ATOM, ics=feeds.ICS,
        left_out=left_out, dataset_citation=dataset_citation,
        example_link=pub.url(citations.KINDS["event"].page, example["id"]) if example else pub.url(),
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    curated, pub = _state["curated"], _state["pub"]
    downloads = exports.downloads(curated, pub, _state["about"])
    _state["downloads"] = list(downloads)
    for path, content in downloads.items():
        _add(files, config, f"data/{path}", content)
    _add(files, config, DATA_PAGE, data_page(curated, pub, _state["dataset_citation"]))
    _add(files, config, feeds.ATOM, feeds.atom(curated, pub))
    _add(files, config, feeds.ICS, feeds.calendar(curated, pub))
    _add(files, config, "robots.txt", _robots(pub))
    log.debug("added %d downloads, the Data page, the feeds and robots.txt", len(downloads))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The sitemap's <lastmod> and sitemap.xml.gz's timestamp come from here.
    page.update_date = _state["site_day"]
    return markdown


_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def describe(content: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """The first paragraph of a page's HTML as plain text, cut at a word to ``limit`` characters."""
    match = _FIRST_PARAGRAPH.search(content or "")
    text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split()) if match else ""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    pub = _state["pub"]
    description = str(page.meta.get("description") or describe(content) or _state["site_description"])
    description = " ".join(description.split())
    # Material writes page.meta.description into an attribute unescaped; escaping it here keeps
    # a quote or an ampersand in the data from breaking the tag.
    page.meta["description"] = escape(description)
    title = re.sub(r"<[^>]+>", "", str(page.meta.get("title") or page.title or config.site_name))
    url = page.canonical_url or pub.url(page.url)
    blocks = jsonld.for_page(page.url, _state["curated"], pub, _state["about"], _state["downloads"])
    page.meta["nqpf"] = {
        "title": title,
        "description": description,
        "url": url,
        "og_type": "website" if page.is_homepage else "article",
        "jsonld": [Markup(jsonld.dumps(block)) for block in blocks],
        "citation": citations.for_page(title, page.url, pub),
        "data_date": pub.data_date,
        "data_date_text": spell(pub.data_date),
    }
    return content
