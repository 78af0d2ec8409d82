"""Industries an article lists as emerging, future or strategic.

A list counts when the sentence ties it to industries (or sectors, fields,
areas, tracks): "future industries such as 6G technology and humanoid
robots", "new materials, biomedicine and other emerging industries",
"... industries mainly include new generation information technology, new
energy, ...". Each item is tagged with the kinds the sentence gives:
``emerging``, ``future``, both, or ``unspecified``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SECTOR = r"(?:industries|industry|sectors|sector|fields|areas|tracks|trajectories|technologies|engines)"
_INTRO = re.compile(
    rf"\b{_SECTOR}[\"']?\s*(?:\([^)]*\)\s*)?,?\s*(?:such as|like|including|(?:mainly |will )?(?:include|includes|cover|covers|covering)|:|as well as)\s+",
    re.IGNORECASE,
)
_INTRO_NEAR = re.compile(r"\b(?:in|into|on)\s+(?:\w+\s+){0,3}?(?:such as|like|including)\s+", re.IGNORECASE)
_OTHER = re.compile(
    rf",?\s+(?:and|as well as)\s+other\s+(?:(?:strategic|new|high-tech|emerging|future|future-oriented|frontier)\s+)*{_SECTOR}\b", re.IGNORECASE
)
_ITEM_END = re.compile(
    r"[.;:!?()]|\s(?:to|that|which|where|while|in order|so as|by|with|among others|among|etc|amid|through|for|across|under)\s|"
    r"\s(?:and|as well as)\s+other\b|\s(?:and|or)\s+(?:create|help|promote|build|develop|foster)\b|,\s*(?:vowing|adding|aiming|saying)\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+")
_VERBISH = re.compile(r"\b(?:is|are|was|were|will|has|have|had|said|says|can|should|would|plans?|aims?|also)\b", re.IGNORECASE)
_EMERGING = re.compile(r"\bemerging\b|\bstrategic\b|\bnew (?:industries|sectors|engines|trajectories|tracks)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\bfuture(?:-oriented)?\b|\bindustries of the future\b|\bfrontier\b", re.IGNORECASE)
_CUE = re.compile(rf"{_SECTOR}|\bnew engines\b|\bnew trajectories\b", re.IGNORECASE)


@dataclass
class Industry:
    name: str
    kinds: tuple[str, ...]


def _items(text: str) -> list[str]:
    end = _ITEM_END.search(text)
    text = text[: end.start()] if end else text
    out = []
    for raw in _SPLIT.split(text):
        item = raw.strip(" \"'“”,.")
        item = re.sub(r"^(?:the|a|an|its|their|other)\s+", "", item, flags=re.IGNORECASE)
        words = item.split()
        # A capitalised word inside an item starts a new (garbled) sentence: "... technology We pledged".
        for i, word in enumerate(words[1:], 1):
            if word[:1].isupper() and not word.isupper() and not re.match(r"\d", word):
                words = words[:i]
                item = " ".join(words)
                break
        if not words or len(words) > 6 or item.lower() in ("and", "or", "others") or _VERBISH.search(item) or not re.search(r"[A-Za-z]", item):
            continue
        out.append(item)
    return out


_LIST_START = re.compile(
    r"^.*\b(?:of|in|on|into|such as|like|include|includes|including|develop|developing|foster|fostering|promote|promoting|"
    r"cultivate|cultivating|build|building|support|supporting|boost|boosting|bolster|expand|expanding|grow|growing)\s+",
    re.IGNORECASE,
)


def _items_before(head: str) -> list[str]:
    """The list that ends where "and other emerging industries" begins, read backwards."""
    head = re.split(r"[;:.!?]", head)[-1]
    chunks = re.split(r"\s*,\s*", head)
    first = _LIST_START.sub("", chunks[0])
    if first == chunks[0] and len(chunks) == 1:
        return []
    return _items(", ".join([first, *chunks[1:]]))


def _kinds(context: str) -> tuple[str, ...]:
    kinds = tuple(k for k, pattern in (("emerging", _EMERGING), ("future", _FUTURE)) if pattern.search(context))
    return kinds or ("unspecified",)


def find_industries(sentence: str) -> list[Industry]:
    """Each industry ``sentence`` lists, with the kinds the sentence gives it."""
    if not _CUE.search(sentence):
        return []
    found: list[Industry] = []
    for m in list(_INTRO.finditer(sentence)) + list(_INTRO_NEAR.finditer(sentence)):
        context = sentence[max(0, m.start() - 80): m.end()]
        if m.re is _INTRO_NEAR and not _CUE.search(sentence[max(0, m.start() - 60): m.end()]):
            continue
        found.extend(Industry(item, _kinds(context)) for item in _items(sentence[m.end():]))
    for m in _OTHER.finditer(sentence):
        found.extend(Industry(item, _kinds(m.group())) for item in _items_before(sentence[: m.start()]))
    seen: dict[str, Industry] = {}
    for industry in found:
        seen.setdefault(industry.name.lower(), industry)
    return list(seen.values())
