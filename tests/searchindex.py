"""What Material's search finds for a query, worked out from ``search/search_index.json``.

A Python model of the browser side (Material 9.x search worker on lunr): index
text is split with the index's separator and lower-cased (the pipeline keeps
only the stop-word filter); a run of Chinese characters in the query is
segmented greedily into tokens the index holds (Material's ``segment``); every
query term matches as a prefix (Material appends ``*``). Scores weigh a match
in a section title by the index's title boost, as lunr's field boost does, so
the order is close to what a reader sees. The browser test of the gates checks
the real thing; this catches an index that cannot find an entry at all.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Hit:
    location: str
    title: str
    score: float


class SearchIndex:
    def __init__(self, path: Path):
        index = json.loads(path.read_text("utf-8"))
        self.separator = re.compile(index["config"]["separator"])
        self.boost = {name: field["boost"] for name, field in index["config"]["fields"].items()}
        self.docs = [(d["location"], d["title"], self._tokens(d["title"]), self._tokens(d["text"])) for d in index["docs"]]
        # A page's boost (front matter `search: boost:`) multiplies its sections' scores, as lunr's document boost does.
        self.doc_boost = {d["location"]: float(d.get("boost", 1)) for d in index["docs"]}
        self.vocabulary = {t for _, _, title, text in self.docs for t in (*title, *text)}

    def _tokens(self, value: str) -> list[str]:
        text = html.unescape(_TAG.sub(" ", value))
        return [t.lower() for t in self.separator.split(text) if t]

    def segment(self, query: str) -> list[str]:
        """Material's greedy segmentation of a Chinese query by the index's own tokens."""
        cuts = [0] * len(query)
        for i in range(len(query)):
            for j in range(i + 1, len(query)):
                if query[i:j] in self.vocabulary:
                    cuts[i] = j - i
        segments: dict[str, None] = {}
        stack = [0]
        while stack:
            p = stack.pop()
            for q in range(1, cuts[p]):
                if cuts[p + q] > cuts[p] - q:
                    segments[query[p:p + q]] = None
                    stack.append(p + q)
            q = p + cuts[p]
            if q < len(query) - 1 and cuts[q]:
                stack.append(q)
            segments[query[p:q]] = None
        return [query] if "" in segments else list(segments)

    def terms(self, query: str) -> list[str]:
        query = _HAN.sub(lambda m: " ".join(self.segment(m[0])), query)
        return [t.lower() for t in self.separator.split(query) if t]

    def search(self, query: str) -> list[Hit]:
        """Sections matching any term, best first."""
        terms = self.terms(query)
        hits = []
        for location, title, title_tokens, text_tokens in self.docs:
            score = 0.0
            for term in terms:
                in_title = sum(t.startswith(term) for t in title_tokens)
                in_text = sum(t.startswith(term) for t in text_tokens)
                score += self.boost["title"] * in_title / max(len(title_tokens), 1) + in_text / max(len(text_tokens), 1)
            if score:
                hits.append(Hit(location, title, score * self.doc_boost.get(location, 1)))
        return sorted(hits, key=lambda h: -h.score)
