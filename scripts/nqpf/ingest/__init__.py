"""Raw scraped articles in, clean paragraphs with their raw line numbers out."""

from .article import Article, Dateline, Paragraph, Removed, clean

__all__ = ["Article", "Dateline", "Paragraph", "Removed", "clean"]
