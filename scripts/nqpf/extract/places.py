"""Provinces, cities and regions of China named in a sentence, each with its province.

Names are looked up in the gazetteer (:mod:`nqpf.extract.gazetteer`), longest
first, among runs of capitalised words, plus the regions English copy writes
in lower case ("northeastern China"). A name that starts an organisation's
name ("Sichuan University", "Beijing Academy of Social Sciences") is the
organisation, not the place, and is skipped. A city name shared by several
places ("Suzhou") takes the province named next to it, or the most populous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .gazetteer import Gazetteer, Place, fold, gazetteer

# A place name followed by one of these is part of an organisation's name.
ORGANISATION_WORDS = frozenset(
    """
    University Academy Institute College School Daily Times News Radio Television TV Group Co Company Bank
    Airlines Airport Exchange Stock Securities Machinery Construction Normal Polytechnic Jiaotong Medical Hospital
    Evening Post Review Weekly Holdings Corporation Corp Motor Motors Automobile Steel Electric Power Mobile
    Telecom Unicom Pharmaceutical Pharmaceuticals Petroleum Federation Association Consensus Cooperation Club
    Symphony Orchestra Museum Library Zoo Opera Foundation Philharmonic Olympic Olympics Games Marathon Expo
    """.split()
)
# ... and a place name after "Bank of" or "University of" is too.
_ORG_BEFORE = re.compile(r"(?:Bank|University|Academy|Institute|College|Port|Museum)\s+of\s+(?:the\s+)?$")
TYPE_WORDS = r"(?:[Pp]rovince|[Mm]unicipality|[Cc]ity|[Aa]utonomous [Rr]egion|Special Administrative Region|SAR|[Cc]ounty|[Dd]istrict|[Nn]ew [Aa]rea)"

_WORD = r"[A-Z][A-Za-z'\u2019]*(?:-[A-Z][A-Za-z'\u2019]*)*"
_RUN = re.compile(rf"(?<![\w'\-]){_WORD}(?:\s+{_WORD})*")
_TYPE_AFTER = re.compile(rf"\s+({TYPE_WORDS})\b")


@dataclass
class PlaceMention:
    text: str
    place: Place
    start: int
    end: int
    ambiguous: tuple[str, ...] = ()


@cache
def _region_pattern() -> re.Pattern[str]:
    """Region names as printed, in any case ("northeast China", "Northeastern China")."""
    gaz = gazetteer()
    names = sorted({key for key, places in gaz.names.items() if any(p.kind == "region" for p in places)}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.IGNORECASE)


def _choose(places: list[Place], sentence: str, type_word: str | None, gaz: Gazetteer) -> tuple[Place, tuple[str, ...]]:
    if type_word:
        wanted = "city" if type_word.lower() in ("city", "county", "district") else None
        typed = [p for p in places if (p.kind == "city") == (wanted == "city")]
        places = typed or places
    if len(places) == 1:
        return places[0], ()
    codes = tuple(sorted({c for p in places for c in p.codes}))
    if any(p.kind != "city" for p in places):
        return next(p for p in places if p.kind != "city"), ()
    # A city name several provinces share: the one whose province the sentence names.
    for place in places:
        province = gaz.province_name(place.codes[0])
        if re.search(rf"\b{re.escape(province)}\b", sentence):
            return place, ()
    return places[0], codes if len(codes) > 1 else ()


def find_places(sentence: str, skip: list[tuple[int, int]] = ()) -> list[PlaceMention]:
    """Every place named in ``sentence`` outside the ``skip`` spans (people's names)."""
    gaz = gazetteer()
    found: list[PlaceMention] = []
    taken = list(skip)

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    for m in _region_pattern().finditer(sentence):
        if free(m.start(), m.end()):
            places = gaz.lookup(m.group())
            found.append(PlaceMention(m.group(), places[0], m.start(), m.end()))
            taken.append(m.span())

    for run in _RUN.finditer(sentence):
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", run.group())]
        words = [(run.start() + s, run.start() + e) for s, e in words]
        i = 0
        while i < len(words):
            matched = False
            for n in range(min(gaz.longest, len(words) - i), 0, -1):
                start, end = words[i][0], words[i + n - 1][1]
                text = sentence[start:end]
                places = gaz.lookup(text)
                if not places and "-" in text and n == 1:
                    continue
                if not places or not free(start, end):
                    continue
                following = words[i + n] if i + n < len(words) else None
                if following and sentence[following[0]:following[1]] in ORGANISATION_WORDS:
                    break
                if _ORG_BEFORE.search(sentence, 0, start):
                    break
                type_match = _TYPE_AFTER.match(sentence, end)
                type_word = type_match.group(1) if type_match else None
                place, ambiguous = _choose(places, sentence, type_word, gaz)
                span_end = type_match.end() if type_match else end
                found.append(PlaceMention(sentence[start:span_end], place, start, span_end, ambiguous))
                taken.append((start, span_end))
                i += n
                matched = True
                break
            if not matched:
                # "Beijing-based", "Shanghai-Hangzhou": look inside a hyphenated word.
                start, end = words[i]
                word = sentence[start:end]
                if "-" in word:
                    offset = start
                    for part in word.split("-"):
                        places = gaz.lookup(part) if part[:1].isupper() else []
                        if places and free(offset, offset + len(part)):
                            place, ambiguous = _choose(places, sentence, None, gaz)
                            found.append(PlaceMention(part, place, offset, offset + len(part), ambiguous))
                            taken.append((offset, offset + len(part)))
                        offset += len(part) + 1
                i += 1
    found.sort(key=lambda p: p.start)
    return found


def describe(mention: PlaceMention) -> dict:
    """The candidate record for one place."""
    gaz = gazetteer()
    place = mention.place
    out: dict = {"name": place.name, "text": mention.text, "kind": place.kind}
    if place.kind == "region":
        out["codes"] = list(place.codes)
    else:
        code = place.codes[0]
        out["code"] = code
        if place.kind in ("city", "area"):
            out["province"] = gaz.province_name(code)
    out["mainland"] = place.mainland
    if mention.ambiguous:
        out["ambiguous"] = list(mention.ambiguous)
    return out


def key(mention: PlaceMention) -> str:
    return fold(mention.place.name) + "|" + ",".join(mention.place.codes)
