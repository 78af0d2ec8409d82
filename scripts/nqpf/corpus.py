"""The seed articles, read and cleaned once per run."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .ingest import Article, clean
from .ingest.typography import fold
from .rawtext import read_text
from .report import Problem


@dataclass
class Corpus:
    articles: dict[str, Article] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)  # the text as read, for exact raw line numbers
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def folded(self) -> dict[str, str]:
        """Each article's text as one folded string, for quote matching."""
        return {path: fold("\n".join(p.text for p in a.paragraphs)) for path, a in self.articles.items()}


def read_corpus(files: list[Path], base: Path = Path(".")) -> Corpus:
    """Clean ``files``; articles are keyed by their path relative to ``base``."""
    corpus = Corpus()
    for path in files:
        name = path.relative_to(base).as_posix() if path.is_relative_to(base) else path.as_posix()
        text, problems = read_text(path)
        if text is None:
            corpus.problems.extend(problems)
        else:
            corpus.articles[name] = clean(name, text)
            corpus.raw[name] = text
    return corpus
