"""Chinese words for the search index: jieba, with a dictionary of the site's own words.

Material's search plugin cuts every run of Chinese characters into words with jieba when jieba is
installed, and the browser's search finds a Chinese query by those words. jieba's own dictionary
(350,000 words) takes over half a second to load at every build, and for this site's text it is
the wrong dictionary anyway: the Chinese here is names (the concept, glossary terms, provinces,
cities, people), and each must stay one word. So the build gives jieba a dictionary of exactly
those words, every ``chinese`` field in the data, which loads in a millisecond; jieba's HMM model
(loaded with the module) still cuts any other Chinese text into plausible words.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# jieba's dictionary line: word, frequency, part of speech. A high frequency keeps the word whole.
FREQUENCY = 100_000


def _chinese_fields(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "chinese" and isinstance(item, str):
                yield item
            else:
                yield from _chinese_fields(item)
    elif isinstance(value, list):
        for item in value:
            yield from _chinese_fields(item)


def words(data: Iterable[Any]) -> list[str]:
    """Every run of Chinese characters in a ``chinese`` field of ``data``, once, in order."""
    found: dict[str, None] = {}
    for document in data:
        for text in _chinese_fields(document):
            for run in _HAN.findall(text):
                found.setdefault(run, None)
    return list(found)


def dictionary(found: Iterable[str]) -> str:
    return "".join(f"{word} {FREQUENCY} n\n" for word in found)


def teach(data: Iterable[Any]) -> int:
    """Give jieba (if installed) a dictionary of the site's own words; how many words it holds.

    The dictionary is written once per set of words, named by its content, into a folder of the
    system's temporary directory, where jieba also keeps its cache of it: a rebuild with the same
    words reads both again and writes nothing."""
    try:
        import jieba
    except ImportError:
        return 0
    text = dictionary(words(data)) or "新 1 n\n"  # jieba refuses an empty dictionary
    folder = Path(tempfile.gettempdir()) / "nqpf-jieba"
    folder.mkdir(exist_ok=True)
    path = folder / f"{hashlib.sha256(text.encode()).hexdigest()[:16]}.txt"
    if not path.is_file():
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, "utf-8")
        os.replace(partial, path)
    jieba.dt.tmp_dir = str(folder)
    jieba.set_dictionary(str(path))
    jieba.initialize()
    return text.count("\n")
