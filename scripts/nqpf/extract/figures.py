"""Figures: a number with its unit, and what it measures.

A figure is an amount of money ("1.06 trillion yuan", "$51.51 billion"), a
share or rate ("29.9 percent", "6.4%"), a large count ("1.66 million") or a
number with a unit of measure ("300 kilometers", "5,000 tonnes"). Years, dates,
ordinals and model names ("5G") are not figures. A converted amount in
brackets ("370.8 billion yuan ($51.51 billion)") is a figure of its own that
says which one it converts.

What a figure measures is read from the words before it ("national fiscal
spending on science and technology increased from ..."), or, when the figure
continues a series ("... to 3.08 trillion yuan"), from the figure before it.
It is a hint for the curator, not a parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12}
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|mln|tn)"
_SHORT_SCALE = r"(?:bn|mn|m|k|tn)"
CURRENCY_BEFORE = {
    "US$": "USD", "HK$": "HKD", "NT$": "TWD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY",
    "RMB": "CNY", "CNY": "CNY", "USD": "USD", "EUR": "EUR",
}
CURRENCY_AFTER = {
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD",
    "euros": "EUR", "yen": "JPY", "pounds": "GBP", "hong kong dollars": "HKD", "hk dollars": "HKD", "won": "KRW",
}
_CUR_BEFORE = "(?:" + "|".join(re.escape(c) for c in sorted(CURRENCY_BEFORE, key=len, reverse=True)) + ")"
_CUR_AFTER = r"(?:yuan|renminbi|RMB|US dollars|U\.S\. dollars|dollars|euros|yen|pounds|Hong Kong dollars|HK dollars|won)"
_PERCENT = r"(?:%|percent|per cent|percentage points?|pct)"
UNITS = (
    r"(?:square kilometers|square kilometres|square meters|square metres|sq km|kilometers|kilometres|km|meters|metres|"
    r"kilowatt-hours|kilowatts|megawatts|gigawatts|terawatt-hours|kWh|MWh|GWh|TWh|kW|MW|GW|tonnes|tons|metric tons|"
    r"hectares|mu|barrels|cubic meters|cubic metres|liters|litres|teraflops|petaflops|exaflops|PFLOPS|EFLOPS|qubits|"
    r"nanometers|nm|times|fold)"
)

_FIGURE = re.compile(
    rf"(?P<cur>(?<![\w$]){_CUR_BEFORE})\s?(?P<n1>{NUMBER})(?:\s?(?P<s1>{_SCALE})\b|(?P<s1b>{_SHORT_SCALE})\b)?"
    rf"|(?<![\w.,])(?P<n2>{NUMBER})(?:\s?(?P<s2>{_SCALE})\b|(?P<s2b>{_SHORT_SCALE})\b)?\s?"
    rf"(?:(?P<cur2>{_CUR_AFTER})\b|(?P<pct>{_PERCENT})(?![\w])|(?P<unit>{UNITS})\b)"
    rf"|(?<![\w.,$])(?P<n3>{NUMBER})\s(?P<s3>{_SCALE})\b(?:\s+(?P<noun>[a-z][a-z-]+s)\b)?"
    rf"|(?<![\w.,$])(?P<n4>\d{{1,3}}(?:,\d{{3}})+|[1-9]\d{{2,}})\s+(?P<noun4>(?:[a-z][a-z-]+\s+){{0,2}}?[a-z][a-z-]+s)\b"
)

# Words between a measure and its figure: verbs, auxiliaries, hedges, prepositions.
_LINK_WORDS = (
    r"had|has|have|was|were|is|are|be|been|will|would|could|may|directly|further|also|already|to|by|of|from|at|"
    r"about|around|approximately|nearly|almost|over|more than|less than|some|roughly|up|down|only|reach|reached|"
    r"reaching|rose|rise|rising|increased|increasing|grew|grow|growing|jumped|jumping|surged|climbed|fell|"
    r"dropped|declined|decreased|exceeded|exceeding|hit|hitting|totaled|totalled|totaling|stood|standing|amounted|"
    r"amounting|boost|boosted|expanded|accounted|accounting|for|registered|recorded|topped|posted|saw|see|"
    r"estimated|expected|projected|compared|with|a|an|the|respectively|pledged|plans|planned|aims|aimed"
)
_VERB_TAIL = re.compile(rf"(?:\s+(?:{_LINK_WORDS}))+\s*$", re.IGNORECASE)
_VERB = re.compile(
    r"\b(?:had|has|have|was|were|is|are|will|would|reached|rose|increased|grew|jumped|surged|climbed|fell|dropped|"
    r"declined|decreased|exceeded|hit|totaled|totalled|stood|amounted|boost|boosted|expanded|accounted|registered|"
    r"recorded|topped|posted|saw|allocate|allocated|invest|invested|spend|spent|raise|raised|attract|attracted)\b",
    re.IGNORECASE,
)
_MONEY_VERB = re.compile(r"\b(allocate|allocated|invest|invested|spend|spent|raise|raised|attract|attracted)\s*$", re.IGNORECASE)
_PURPOSE_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?((?:for|in|on|into)\s+[a-z][\w\s-]{2,60}?)(?=\s+(?:in|by|over)\s+(?:19|20)\d\d|[,.;]|$)")
_SERIES = re.compile(r"\s*(?:\)\s*)?(?:to|and|or|from|versus|vs\.?|compared with)\s+(?:about|around|approximately|nearly|almost|over)?\s*")
_CHANGE_WORDS = {"increase", "decrease", "rise", "growth", "drop", "jump", "gain", "decline", "fall"}
_LEAD = re.compile(r"^\s*(?:(?:and|but|while|with|as|in|at|by|of|the|a|an|its|their|which|that|meanwhile|however)\b\s*)+", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[,;:()\[\]\"]|\b(?:while|which|that|where)\s|\b(?:19|20)\d\d\b")


@dataclass
class Figure:
    text: str
    value: float
    scale: str | None
    unit: str
    amount: float
    start: int
    end: int
    measure: str | None = None
    converts: str | None = None

    def to_dict(self) -> dict:
        out = {
            "text": self.text,
            "value": _plain_number(self.value),
            "unit": self.unit,
            "amount": _plain_number(self.amount),
            "measure": self.measure,
        }
        if self.scale:
            out["scale"] = self.scale
        if self.converts:
            out["converts"] = self.converts
        return out


def _plain_number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(x, 6)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _amount(number: str, factor: float) -> float:
    """Exact in decimal: 8.13 trillion is 8130000000000, not 8130000000000.001."""
    amount = Decimal(number.replace(",", "")) * Decimal(int(factor))
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _is_year(number: str, scale: str | None, unit: str) -> bool:
    return scale is None and unit not in ("CNY", "USD", "EUR", "GBP", "HKD", "JPY", "KRW", "TWD") and re.fullmatch(r"(?:19|20)\d\d", number) is not None


def _tidy(phrase: str) -> str:
    phrase = _VERB_TAIL.sub("", " " + phrase).strip()
    return _LEAD.sub("", phrase).strip(" ,.;:")


def _measure_before(sentence: str, start: int, end: int) -> str | None:
    """The noun phrase naming what the figure at ``start`` measures, if the words before give one."""
    head = sentence[:start]
    cut = 0
    for m in _CLAUSE_START.finditer(head):
        cut = m.end()
    clause = head[cut:]
    verbs = list(_VERB.finditer(clause))
    if verbs:
        last = verbs[-1]
        obj = _tidy(clause[last.end():])
        if obj and re.search(r"[a-z]{3}", obj):
            return obj if len(obj.split()) <= 14 else None  # "boost gross economic product to": the object
        if _MONEY_VERB.search(clause) and (purpose := _PURPOSE_AFTER.match(sentence[end:])):
            return f"{last.group().lower()} {purpose.group(1).strip()}"  # "allocate ... for science and technology"
        clause = clause[:last.start()]
    clause = _tidy(clause)
    words = clause.split()
    if not words or len(words) > 14 or not any(w[:1].isalpha() for w in words):
        return None
    return clause


def find_figures(sentence: str, skip: list[tuple[int, int]] = ()) -> list[Figure]:
    """Every figure in ``sentence`` outside the ``skip`` spans (dates)."""
    found: list[Figure] = []
    if not any(ch.isdigit() for ch in sentence):
        return found
    for m in _FIGURE.finditer(sentence):
        if any(s < m.end() and m.start() < e for s, e in skip):
            continue
        g = m.groupdict()
        number = g["n1"] or g["n2"] or g["n3"] or g["n4"]
        scale = g["s1"] or g["s1b"] or g["s2"] or g["s2b"] or g["s3"]
        if g["cur"]:
            unit = CURRENCY_BEFORE[g["cur"]]
        elif g["cur2"]:
            unit = CURRENCY_AFTER[g["cur2"].lower()]
        elif g["pct"]:
            unit = "percentage points" if g["pct"].startswith("percentage") else "percent"
        elif g["unit"]:
            unit = g["unit"]
        else:
            unit = g["noun"] or g["noun4"] or "count"
        if _is_year(number, scale, unit):
            continue
        text = m.group().strip()
        value = _number(number)
        factor = SCALES.get(scale.lower(), 1) if scale else 1
        scale_word = {"bn": "billion", "mn": "million", "mln": "million", "m": "million", "k": "thousand", "tn": "trillion"}.get(scale, scale)
        figure = Figure(text, value, scale_word, unit, _amount(number, factor), m.start(), m.end())
        if g["noun"] or g["noun4"]:
            figure.measure = f"number of {unit}"  # "1,200 companies": the noun says what is counted
        found.append(figure)

    previous: Figure | None = None
    for figure in found:
        if figure.measure:
            previous = figure
            continue
        between = sentence[previous.end:figure.start] if previous else ""
        if previous is not None and re.fullmatch(r"\s*\(\s*(?:about|around|approximately|roughly|or)?\s*", between):
            figure.converts = previous.text
            figure.measure = previous.measure
        elif previous is not None and _SERIES.fullmatch(between):
            figure.measure = previous.measure  # "from 2.44 trillion yuan to 3.08 trillion yuan"
        else:
            figure.measure = _measure_before(sentence, figure.start, figure.end)
            if previous is not None and (figure.measure is None or figure.measure.lower() in _CHANGE_WORDS):
                change = f" ({figure.measure.lower()})" if figure.measure else ""
                figure.measure = previous.measure + change if previous.measure else figure.measure
            if figure.measure and re.match(r"\s*(?:year-on-year|year on year|from a year earlier)", sentence[figure.end:]):
                figure.measure += " (year-on-year)"
        previous = figure
    return found
