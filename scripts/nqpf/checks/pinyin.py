"""Pinyin agrees with the Chinese it transcribes.

Each syllable must be one of the dictionary readings pypinyin knows for its
character (polyphones accepted in any reading), ignoring spaces, hyphens,
apostrophes and capitals. A reading no dictionary gives, such as a
conventional spelling, goes into data/pinyin-allow.yaml with its reason.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# The check reads each character's own readings, which never come from pypinyin's phrase dictionary;
# loading that dictionary cost every start-up 0.2 to 0.4 s (the build's included). It is loaded only
# to word an error (dictionary_reading). Set before pypinyin is first imported; were it imported
# already, the phrases are simply there.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")

from pypinyin import Style, load_phrases_dict, pinyin  # noqa: E402
from pypinyin.constants import PHRASES_DICT  # noqa: E402

from ..curated import Curated
from ..drafts import is_todo
from ..report import Problem
from .walk import find_key

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _key(text: str) -> str:
    return re.sub(r"[\s'\u2019+-]", "", unicodedata.normalize("NFC", text).lower())


@lru_cache(maxsize=4096)
def _readings(char: str) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", r) for r in pinyin(char, style=Style.TONE, heteronym=True)[0])


def matches(chinese: str, written: str) -> bool:
    """Whether ``written`` spells one dictionary reading per Han character of ``chinese``."""
    chars = _HAN.findall(chinese)
    target = _key(written)
    reachable = {0}
    for char in chars:
        reachable = {at + len(r) for at in reachable for r in _readings(char) if target.startswith(r, at)}
        if not reachable:
            return False
    return len(target) in reachable


@lru_cache(maxsize=1)
def _phrases() -> None:
    if not PHRASES_DICT:
        from pypinyin.phrases_dict import phrases_dict

        load_phrases_dict(phrases_dict)


def dictionary_reading(chinese: str) -> str:
    """pypinyin's reading of the whole word (its phrase dictionary picks polyphones)."""
    _phrases()
    return " ".join(r[0] for r in pinyin("".join(_HAN.findall(chinese)), style=Style.TONE))


def check_pinyin(curated: Curated) -> Iterable[Problem]:
    """Every pinyin field agrees with the Chinese beside it, or is allowed with a reason."""
    allowed = {(item.get("chinese"), _key(str(item.get("pinyin")))) for _, item in curated.items("pinyin-allow")}
    for name, doc in curated.docs.items():
        if doc.data is None or name == "pinyin-allow":
            continue
        for where, written in find_key(doc.data, "pinyin"):
            parent = doc.data
            for step in where[:-1]:
                parent = parent[step]
            chinese = parent.get("chinese") if isinstance(parent, dict) else None
            if not isinstance(written, str) or not isinstance(chinese, str) or is_todo(written) or is_todo(chinese):
                continue
            if (chinese, _key(written)) in allowed or matches(chinese, written):
                continue
            yield doc.problem(
                where,
                f"{written!r} does not match {chinese} (dictionary reading: {dictionary_reading(chinese)}); "
                "fix it, or add it to data/pinyin-allow.yaml with the reason",
            )
