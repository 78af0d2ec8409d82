"""The MkDocs adapter: the one place where the site meets MkDocs.

Registered as the ``nqpf`` plugin (an entry point in ``pyproject.toml``) and
listed once under ``plugins:`` in ``mkdocs.yml``. Everything it calls is plain
Python over :class:`~nqpf.site.Site`; its state lives on the instance, and the
events run in this order:

* ``on_config``: settle the site's address (``SITE_URL``, else the git remote:
  :mod:`nqpf.address`; never a loopback one for a build meant for publishing), load and
  validate the data (a problem fails the build with every ``file:line``), make the
  publication context (site address, authors, the date of the data);
* ``on_files``: render the generated pages, add them, the downloads under
  ``data/``, the feeds and ``robots.txt``; serve our stylesheet and script minified;
* ``on_page_markdown``: fill the markers of a hand-written page, date the page;
* ``on_page_content``: the page's meta description, Open Graph, JSON-LD and
  citation (from its own text), then the glossary links, ``rel`` on links that
  leave the site, and the anchors that moved (``moved_anchors``);
* ``on_env``: register our filters and globals on the theme's Jinja
  environment, for the theme's partials (MkDocs runs it after the pages' Markdown);
* ``on_post_build``: no lone Chinese character as a word in the search index.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import address
from .kinds import by_page, role
from .publish import citations, datapage, exports, feeds, jsonld
from .site import DataError, Site
from .web import anchors, minify, pages, placeholder, render, searchfix, segment
from .web.describe import describe, plain
from .web.terms import TermLinker

log = logging.getLogger("mkdocs.plugins.nqpf")

# Our stylesheet and script, readable in docs/, served without comments (nqpf.web.minify).
MINIFIED = {"stylesheets/nqpf.css": minify.css, "javascripts/nqpf.js": minify.js}


class NqpfConfig(Config):
    # The data folder, relative to mkdocs.yml; unset: $NQPF_DATA, else data/.
    data_dir = c.Optional(c.Type(str))
    # Old anchor -> its new place ("page/#old-id": "page/#new-id"): links from reports keep working.
    moved_anchors = c.Type(dict, default={})


class NqpfPlugin(BasePlugin[NqpfConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.pub: citations.Publication | None = None
        self.env = None
        self.generated: dict[str, tuple[str, Any]] = {}
        self.downloads: list[str] = []
        self.glossary_url = ""

    # -- the data ------------------------------------------------------------------------------------------

    @event_priority(100)  # first: every later step, ours and the search plugin's, reads the data
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        _settle_address(config, root)
        try:
            self.site = site = Site.load(root, data=self.config.data_dir)
            self.pub = pub = citations.publication(site, config.site_url or "", config.site_name)
        except DataError as error:
            raise PluginError("the data does not validate:\n" + str(error)) from error
        # Material writes site_description into the 404 page's meta tag unescaped, and ours has
        # quotation marks: hand the theme HTML-escaped text, keep the plain text for our own use.
        description = config.site_description or ""
        self.site_description = description.unescape() if isinstance(description, Markup) else str(description)
        config.site_description = escape(self.site_description)
        cff = site.cff
        self.dataset_citation = citations.for_page(str(cff.get("title", config.site_name)), "data/", pub, label="Data set")
        self.about = {
            "title": str(cff.get("title", config.site_name)),
            "abstract": " ".join(str(cff.get("abstract", self.site_description)).split()),
            "version": str(cff.get("version", "")),
            "license": str(cff.get("license", "CC-BY-4.0")),
            "license_url": jsonld.LICENSE,
            "data_date": pub.data_date,
            "url": pub.url("data/"),
            "keywords": list(cff.get("keywords", [])),
            "cite_as": self.dataset_citation.apa,
        }
        self.linker = TermLinker(site.entries(role("linked").name))
        _teach_search(site)
        watched = str(site.project.data)
        if watched not in (str(Path(w).resolve()) for w in config.watch):
            config.watch.append(watched)
        return config

    # -- the files -----------------------------------------------------------------------------------------

    def _add(self, files: Files, config: MkDocsConfig, src_uri: str, content: str | bytes) -> None:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} exists, but that file is generated from data; remove it")
        files.append(File.generated(config, src_uri, content=content))

    def _cite(self, kind: str, item: dict) -> citations.Citation:
        return citations.for_entry(kind, item, self.pub)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        site, pub = self.site, self.pub
        self.env = render.environment(self._cite, self.site)
        self.generated = pages.generated(site, data_page=lambda: datapage.context(site, pub, self.dataset_citation))
        for src_uri, (template, context) in self.generated.items():
            self._add(files, config, src_uri, pages.render(self.env, site, template, context()))
        downloads = exports.downloads(site, pub, self.about)
        self.downloads = list(downloads)
        for path, content in downloads.items():
            self._add(files, config, f"data/{path}", content)
        self._add(files, config, feeds.ATOM, feeds.atom(site, pub))
        self._add(files, config, feeds.ICS, feeds.calendar(site, pub))
        self._add(files, config, "robots.txt", _robots(pub))
        for src_uri, squeeze in MINIFIED.items():
            original = files.get_file_from_path(src_uri)
            if original is not None:
                files.remove(original)
                files.append(File.generated(config, src_uri, content=squeeze(Path(original.abs_src_path).read_text("utf-8"))))
        self.glossary_url = files.get_file_from_path(role("linked").page).url
        log.debug("generated %d pages and %d downloads from data", len(self.generated), len(downloads))
        return files

    # -- the pages -----------------------------------------------------------------------------------------

    @event_priority(50)  # before other plugins read the Markdown: markers become content
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # The sitemap's <lastmod> and sitemap.xml.gz's timestamp come from here (MkDocs would take the clock).
        page.update_date = self.site.changed
        if page.file.src_uri in self.generated:
            return markdown
        try:
            filled = pages.fill_markers(self.env, self.site, page.file.src_uri, markdown)
        except pages.MarkerError as error:
            raise PluginError(str(error)) from error
        return markdown if filled is None else filled

    @event_priority(50)  # before the search plugin indexes the content
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        pub = self.pub
        description = str(page.meta.get("description") or describe(html) or self.site_description)
        description = " ".join(description.split())
        # Material writes page.meta.description into an attribute unescaped; escaping it here keeps
        # a quote or an ampersand in the data from breaking the tag.
        page.meta["description"] = escape(description)
        title = plain(str(page.meta.get("title") or page.title or config.site_name))
        blocks = jsonld.for_page(page.url, self.site, pub, self.about, self.downloads)
        page.meta["nqpf"] = {
            "title": title,
            "description": description,
            "url": page.canonical_url or pub.url(page.url),
            "og_type": "website" if page.is_homepage else "article",
            "jsonld": [Markup(jsonld.dumps(block)) for block in blocks],
            "citation": citations.for_page(title, page.url, pub),
            "data_date": pub.data_date,
        }
        kind = by_page(page.url)
        if kind is not None and not kind.in_toc:
            _toc_without(page.toc, self.site.of[kind.name])
        href = "" if page.url == self.glossary_url else get_relative_url(self.glossary_url, page.url)
        html = self.linker.link(html, href, own_host=urlsplit(pub.site_url).hostname)
        html = placeholder.sized(html)
        return anchors.add_aliases(html, page.url, self.config.moved_anchors, lambda target: get_relative_url(target, page.url),
                                   self._anchor_exists)

    def _anchor_exists(self, address: str) -> bool:
        """Whether an entry anchor exists on another page, as far as the model knows its pages."""
        page, _, ident = address.partition("#")
        kind = by_page(page)
        return kind is not None and ident in self.site.of[kind.name]

    @event_priority(-100)  # last: after the search plugin has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            searchfix.rewrite(index)

    def on_env(self, env, config: MkDocsConfig, files: Files):
        render.register(env, self._cite, self.site)
        return env


def _toc_without(items, entries: dict) -> None:
    """Take the entries (anchors that are ids of ``entries``) out of a table of contents, in place."""
    for item in list(items):
        if item.id in entries:
            items.remove(item)
        else:
            _toc_without(item.children, entries)


def _settle_address(config: MkDocsConfig, root: Path) -> None:
    """``site_url`` from ``SITE_URL``, else from the git remote, else none (and the log says what
    that leaves out). A build meant for publishing (``NQPF_PUBLISH=1``, as ``make site`` runs it)
    refuses a loopback address: citations to 127.0.0.1 would point every reader at their own machine."""
    if not config.site_url:
        derived, where = address.derive(root)
        if derived:
            config.site_url = derived
            log.info("site address %s, from %s (set SITE_URL to choose another)", derived, where)
        else:
            config.site_url = None
            log.info("no site address: SITE_URL is unset and %s. Canonical links, og:url, the sitemap's addresses "
                     "and robots.txt's Sitemap line are left out, and citations and feeds give addresses within "
                     "the site (timeline/#id). Set SITE_URL=https://<host>/<path>/ to publish.", where)
    if os.environ.get("NQPF_PUBLISH") == "1" and address.is_loopback(config.site_url):
        raise PluginError(f"site_url {config.site_url} is a loopback address, which a build meant for publishing "
                          "must not carry (every citation would point at the reader's own machine). Unset SITE_URL "
                          "to take the address from the git remote, or set the public one.")


def _robots(pub: citations.Publication) -> str:
    sitemap = f"Sitemap: {pub.url('sitemap.xml')}\n" if pub.site_url else ""
    return (
        "# Crawlers read robots.txt only at the root of a host: on a GitHub Pages project site\n"
        "# (https://<owner>.github.io/<repo>/) this file takes effect only with a custom domain.\n"
        "User-agent: *\n"
        "Allow: /\n"
        + sitemap
    )


def _teach_search(site: Site) -> None:
    """jieba, which Material's search plugin cuts Chinese text with, learns the site's own words
    (nqpf.web.segment): they stay whole in the index, and jieba's big dictionary is never loaded."""
    from .kinds import DATASET_NAMES

    segment.teach(site.curated.data(name) for name in DATASET_NAMES)
