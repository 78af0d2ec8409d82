"""Size of the search index, raw and as served (gzip), ours against plain Material."""

from __future__ import annotations

import gzip
import json

from .context import Context

INDEX = "search/search_index.json"


def measure(site_dir) -> dict:
    raw = (site_dir / INDEX).read_bytes()
    docs = json.loads(raw).get("docs", [])
    return {"bytes": len(raw), "gzip_bytes": len(gzip.compress(raw, 6, mtime=0)), "entries": len(docs)}


def run(ctx: Context) -> dict:
    return {"ours": measure(ctx.ours().dir), "plain": measure(ctx.plain().dir), "pages": ctx.page_count()}


def table(result: dict) -> list[tuple[str, str, str, str]]:
    ours, plain = result["ours"], result["plain"]
    return [("search index (gzip bytes)", f"{ours['gzip_bytes']:,}", f"{plain['gzip_bytes']:,}",
             f"raw {ours['bytes']:,} vs {plain['bytes']:,}; {ours['entries']} vs {plain['entries']} entries")]
