"""MkDocs hooks: validate the data, then add the pages generated from it.

Registered in mkdocs.yml under ``hooks:``. A data problem fails the build
with a :class:`~mkdocs.exceptions.PluginError` listing every ``file:line``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from nqpf.checks import run_checks
from nqpf.curated import Curated, load_curated
from nqpf.web.pages import PAGES

log = logging.getLogger("mkdocs.plugins.nqpf")

_state: dict[str, Curated] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data_dir = Path(config.config_file_path).parent / "data"
    curated = load_curated(data_dir.relative_to(Path.cwd()) if data_dir.is_relative_to(Path.cwd()) else data_dir)
    problems = run_checks(curated)
    if problems:
        raise PluginError("the data does not validate:\n" + "\n".join(str(p) for p in problems))
    _state["curated"] = curated
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    curated = _state["curated"]
    for src_uri, build in PAGES.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} exists, but that page is generated from data; remove the file")
        files.append(File.generated(config, src_uri, content=build(curated)))
    log.debug("generated %d pages from data", len(PAGES))
    return files
