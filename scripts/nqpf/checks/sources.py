"""Sources agree with the seed articles they describe."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..curated import Curated
from ..ingest.typography import fold
from ..report import Problem
from .walk import repeats


def check_seed_files(curated: Curated) -> Iterable[Problem]:
    """Each source's file exists and reads cleanly; each seed has exactly one source."""
    doc = curated.docs["sources"]
    base = curated.project.seeds.parent
    items = [(i, item) for i, item in curated.items("sources") if item.get("kind") != "reference"]
    for i, file, first in repeats(doc, items, "file"):
        yield doc.problem((i, "file"), f"{file} is already described by the source on line {first}")
    listed = {item["file"] for _, item in items if isinstance(item.get("file"), str)}
    for i, item in items:
        if item.get("file") in listed and not (base / item["file"]).is_file():
            yield doc.problem((i, "file"), f"{item['file']} does not exist")
    yield from curated.corpus.problems
    if "sources" in curated.partial:
        return
    for path in sorted(curated.project.seeds.glob("*.txt")):
        name = path.relative_to(base).as_posix()
        if name not in listed and name not in curated.drafted:
            yield Problem(str(Path(doc.path)), 1, f"{name} has no entry; add one for every article in seeds/ "
                                                   "(python -m nqpf draft makes one)")


def check_against_article(curated: Curated) -> Iterable[Problem]:
    """What a source says of its article (date, headline, dateline, noise) is what the cleaner finds."""
    doc = curated.docs["sources"]
    for i, item in curated.items("sources"):
        article = curated.corpus.articles.get(str(item.get("file")))
        if article is None:
            continue
        published, basis = article.published
        if item.get("published_basis") in ("header line", "dateline", "byline"):
            if item["published_basis"] != basis or item.get("published") != published:
                found = f"{published} from the {basis}" if published else "no date in the article"
                yield doc.problem((i, "published"), f"says {item.get('published')} from the {item['published_basis']}, but the cleaner finds {found}")
        headline = article.headline.text if article.headline else None
        if item.get("title_is_ours") is False and fold(str(item.get("title"))) != fold(headline or ""):
            message = f"is not the article's headline ({headline!r})" if headline else "the article has no headline; set title_is_ours: true"
            yield doc.problem((i, "title"), message)
        if item.get("title_is_ours") is True and headline:
            yield doc.problem((i, "title_is_ours"), f"the article has a headline ({headline!r}); use it as the title")
        dateline = article.dateline.text if article.dateline else None
        if fold(str(item.get("dateline", ""))) != fold(dateline or ""):
            yield doc.problem((i, "dateline"), f"the cleaner finds dateline {dateline!r}" if dateline else "the article has no dateline")
        noise = item.get("noise")
        if isinstance(noise, list):
            listed = {n.get("kind") for n in noise if isinstance(n, dict)}
            removed = {r.kind for r in article.removed}
            if listed != removed:
                yield doc.problem((i, "noise"), f"lists {sorted(listed)}, but the cleaner removes {sorted(removed)}")
