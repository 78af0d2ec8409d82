"""Chinese search: no lone Han character stands as a word of its own in the search index.

Material's search splits a Chinese query by the words the index holds, and never
tries the whole query as one word: once a lone 新 is a word somewhere (jieba cuts
振兴新局面 into 振兴 新 局面), 新质生产力 is searched as 新 and 质, and the
glossary entry loses to any page titled 新疆. So each lone character is joined to
the Chinese word beside it, and the marks that quote a word (“新”) join it too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_HAN = "\u3400-\u9fff"
_MARKS = "“”‘’「」『』《》（）"
_SEP = "\u200b"
_AROUND_MARKS = re.compile(f"{_SEP}(?=[{_MARKS}])|(?<=[{_MARKS}]){_SEP}")
_AFTER_WORD = re.compile(f"(?<=[{_HAN}]){_SEP}(?=[{_HAN}](?:[{_SEP}\\s\\-]|$))")
_BEFORE_WORD = re.compile(f"(?:(?<=[{_SEP}\\s\\-])|^)([{_HAN}]){_SEP}(?=[{_HAN}])")


def join_lone_characters(text: str) -> str:
    text = _AROUND_MARKS.sub("", text)
    text = _AFTER_WORD.sub("", text)
    return _BEFORE_WORD.sub(r"\1", text)


def rewrite(index: Path) -> None:
    data = json.loads(index.read_text("utf-8"))
    for doc in data.get("docs", []):
        for field in ("title", "text"):
            if isinstance(doc.get(field), str):
                doc[field] = join_lone_characters(doc[field])
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
