"""People named in an article, with the role and affiliation the sentence gives.

Chinese names are found by their shape: a surname from the list below, then
a given name that spells one to three pinyin syllables (the syllables come
from pypinyin's dictionary, so "Jiafeng" passes and "Report" does not).
Other names are found by what stands around them: a title before ("Professor
Jane Smith"), an appositive after ("Jane Smith, chief economist at X") or a
speech verb ("Jane Smith said"). A later "Mr. Pan" or "Wang said" counts as a
mention of the full name it abbreviates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from .gazetteer import gazetteer

# The commonest Chinese surnames in pinyin (together about nine in ten
# people in China), and the compound ones that news names.
SURNAMES = frozenset(
    """
    Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song
    Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Du Ye Cheng Su Wei Lu Lyu Lv Ding
    Ren Shen Yao Cui Zhong Tan Fan Liao Shi Jin Jia Xia Fu Fang Zou Xiong Bai Meng Qin Qiu Hou Yin Xue Yan
    Duan Lei Long Tao Gu Mao Hao Gong Shao Wan Qian Dai Mo Kong Xiang Chang Kang Yi Qiao Lai Wen Hong Bao
    Ji Zhai Niu Qi Geng Ge Xing An Chai Zuo Ou Ning Ni Fei Lian Lou Sheng Qu Mu Rong Quan Xin Miao Zhan Bi
    Bian Jing Huo Shang Shan Yue Ying Tong Tu Yun Dou Jiao Ai Lan Ling Guan Bo Mei Zhuo Pang Che Shu Sha
    Zhen Nie Chu Ke Pu Rao Ruan Gan Kou Jian Zang Teng Hua Lang Zhuang Hang Yong Xi Ran Sang Ju Mai
    Ouyang Sima Zhuge Shangguan Situ Dongfang Murong Huangfu Xiahou Duanmu
    """.split()
)

# Words that name a position; an appositive without one is not a role.
ROLE_WORDS = frozenset(
    """
    director researcher professor minister chairman chairwoman chair president vice deputy secretary engineer
    economist analyst founder co-founder ceo cfo cto head chief mayor governor member spokesperson spokesman
    spokeswoman manager partner fellow scholar expert dean lawmaker legislator adviser advisor official
    executive officer reporter correspondent editor photographer premier leader lecturer investor entrepreneur
    delegate representative commissioner ambassador consul scientist academician strategist founder owner
    co-director researcher deputies deputy general-secretary secretary-general party chairperson principal
    """.split()
)

TITLES = (
    "President|Vice President|Premier|Vice Premier|Chairman|Chairwoman|Professor|Prof\\.|Dr\\.|Minister|Vice Minister|"
    "Governor|Mayor|Secretary|General Secretary|Secretary-General|Ambassador|Director|Senator|Chancellor|"
    "Prime Minister|CEO|Chief Executive|Spokesperson|Spokesman|Spokeswoman|Academician|Commissioner|Chief"
)
HONORIFICS = r"(?:Mr|Mrs|Ms|Madam|Dr|Prof)\.?"
SPEECH = r"(?:said|says|told|added|noted|stressed|emphasized|emphasised|explained|argued|pointed out|believes|believed|urged|warned|wrote|remarked|commented)"

# Capitalised words that start or end organisations, places and documents,
# never a person's name.
NOT_NAME_WORDS = frozenset(
    """
    The A An This That These Those It He She They We I In On At For From By With Of And But Or As To
    China Chinese Beijing US U.S. American Europe European Asia Asian Global Times Daily News Xinhua Agency Group Bank
    University Academy Institute College School Center Centre Committee Council Conference Congress Party Ministry
    Department Bureau Office Commission Administration Government Report Association Federation Corporation Company
    Co Ltd Inc Fund Forum Organization Organisation Union National Central State People's Republic Communist
    Political Economic Work Politburo Standing Technology Technologies Industry Industries Information Science
    Sciences Social Development Reform Research Innovation Digital Economy Financial Finance International
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December President Premier Minister Professor Chairman Director Secretary General
    Mr Mrs Ms Dr Prof Experts Officials Analysts Market Markets Stock Exchange Securities Initiative Plan Program
    Programme Strategy Zone Area Province City County District Region Delta River Lake Mountain Sea Road Street
    Xi Thought Belt Silk Made Plus Internet AI New Old First Second Third Fourth Fifth According Also However While
    Meanwhile Moreover Furthermore Besides Its Their His Her Our Your Such Many Most Some All Both Every Each
    """.split()
)

# A capitalised word; a possessive "'s" is not part of it ("Xi Jinping's agenda").
_TOKEN = r"[A-Z][A-Za-z\-]*(?:'(?!s\b)[A-Za-z]+)*"
_NAME_RUN = re.compile(rf"(?<![\w'\-])({_TOKEN}(?:\s+{_TOKEN}){{1,3}})(?![\w'\-])")
# Every pair of adjacent capitalised words, overlapping ("President Xi Jinping").
_MORE_AFFILIATION = re.compile(
    r",\s+((?:[A-Z][\w'\-]*\s+){0,6}(?:University|Academy|Institute|College|School|Group|Company|Corporation|Bank|Ministry|Commission)"
    r"(?:\s+(?:of|and|for|the|[A-Z][\w'\-]*)){0,10})(?=\s*(?:[.,;]|$))"
)
_PAIR = re.compile(rf"(?<![\w'\-])({_TOKEN})(?=\s+({_TOKEN})(?![\w]))")
_ALLCAPS_NAME = re.compile(r"(?<![\w'])([A-Z]{1,10}(?:\s+[A-Z]{2,12}))(?![\w'])")
_ROLE_AFTER = re.compile(
    r",\s+(?:(?:a|an|the|another|also)\s+)?(?P<role>[^,;:\"]{2,160}?)(?=\s*(?:,|;|\.\s|\.$|\s+(?:said|says|told|added|noted|who|stressed)\b|$))"
)
_TITLE_BEFORE = re.compile(rf"(?:(?:[A-Z][\w.'-]*|NPC|CPPCC)\s+)*?(?P<title>{TITLES})\s+$")
_OF_AFTER = re.compile(
    r"^\s+(?:of|at|from)\s+(?P<aff>(?:the\s+)?[A-Z][^,;:()\"]{2,120}?)(?=\s*(?:,|;|\.\s|\.$|\s+(?:said|says|told|added|noted|who|and\s+a\b)\b|$))"
)
_SPEECH_NEAR = re.compile(rf"^\s*(?:,[^,]{{0,80}},\s*)?{SPEECH}\b|{SPEECH}\s*$")
_AND_ROLE = re.compile(r"\s+and\s+(?:a|an|the|also)\s+|,\s+who\b")
_NAME_JOINERS = {"of", "and", "for", "the", "on", "at", "in", "de"}
_TRAILING_NAME = re.compile(r"(?:[A-Z][\w'\-&.]*)(?:\s+(?:[A-Z][\w'\-&.]*|of|and|for|the|on|\([A-Z][\w&-]*\)))*$")
_PREP_SPLIT = re.compile(r"\s+(?:of|at|from|with|in|for)\s+(?:the\s+)?")


@cache
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable in pypinyin's character dictionary."""
    from pypinyin import pinyin_dict

    # Tone marks are combining accents after NFD; dropping them is all pypinyin's
    # to_normal does for these readings, at a fraction of the cost (the set is
    # built once per process, and every site build pays for it).
    readings = {r for value in pinyin_dict.pinyin_dict.values() for r in value.split(",")}
    syllables = set()
    for reading in readings:
        plain = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", reading) if c not in _TONE_MARKS))
        if re.fullmatch(r"[a-zü]+", plain) and re.search(r"[aeiouü]", plain):
            syllables.add(plain.replace("ü", "u"))
            syllables.add(plain.replace("ü", "v"))
    return frozenset(syllables)


_TONE_MARKS = {"\u0304", "\u0301", "\u030c", "\u0300"}


def is_given_name(word: str) -> bool:
    """Whether ``word`` spells one to three pinyin syllables ("Jiafeng", "Xiangdong")."""
    word = word.lower().replace("-", "").replace("'", "")
    if not word.isalpha() or not 1 <= len(word) <= 14:
        return False
    syllables = pinyin_syllables()
    reach = {0: 0}  # position -> fewest syllables to get there
    for i in range(len(word)):
        if i not in reach:
            continue
        for j in range(i + 1, min(len(word), i + 6) + 1):
            if word[i:j] in syllables and reach.get(j, 9) > reach[i] + 1:
                reach[j] = reach[i] + 1
    return reach.get(len(word), 9) <= 3


def _title(word: str) -> str:
    return word if not word.isupper() else word.capitalize()


@dataclass
class Person:
    name: str
    printed_as: str
    role: str | None = None
    affiliation: str | None = None
    start: int = 0
    end: int = 0


@dataclass
class PersonCandidate:
    name: str
    role: str | None
    affiliation: str | None
    evidence: dict
    mentions: int = 1
    printed_as: set[str] = field(default_factory=set)

    def to_dict(self) -> dict:
        out = {"name": self.name, "role": self.role, "affiliation": self.affiliation, "mentions": self.mentions}
        printed = sorted(self.printed_as - {self.name})
        if printed:
            out["printed_as"] = printed
        out["evidence"] = self.evidence
        return out


def _chinese_name(tokens: list[str]) -> str | None:
    """``["Wang", "Dongwei"]`` → ``"Wang Dongwei"``; None if not that shape."""
    if len(tokens) != 2:
        return None
    surname, given = _title(tokens[0]), _title(tokens[1])
    if surname not in SURNAMES or not is_given_name(given) or given in NOT_NAME_WORDS:
        return None
    if "-" in given:  # "Xiao-ming" is printed so in Taiwan and Hong Kong; keep it as printed
        given = given[0].upper() + given[1:].lower()
    name = f"{surname} {given}"
    if gazetteer().lookup(name):  # "Hong Kong", "Wan Chai"
        return None
    return name


def _clean_role(role: str) -> tuple[str | None, str | None]:
    """``"vice minister of the Ministry of Finance"`` → role and affiliation."""
    role = role.strip().rstrip(".")
    role = re.sub(r"^(?:a|an|the|another|also)\s+", "", role)
    words = set(re.findall(r"[a-z][a-z-]*", role.lower()))
    parts = _PREP_SPLIT.split(role, maxsplit=1)
    head = re.sub(r"\s+(?:of|at|from|with|in|for)$", "", parts[0].strip())
    if not words.intersection(ROLE_WORDS) or not set(re.findall(r"[a-z][a-z-]*", head.lower())).intersection(ROLE_WORDS | {"npc", "cppcc"}):
        return None, None
    if len(head.split()) > 10:
        return None, None
    affiliation = parts[1].strip() if len(parts) > 1 else None
    if affiliation:
        affiliation = _AND_ROLE.split(affiliation, maxsplit=1)[0]
        # "home appliance manufacturer TCL Technology Group" -> the name itself
        words = affiliation.split()
        if any(w.islower() and w not in _NAME_JOINERS for w in words):
            m = _TRAILING_NAME.search(affiliation)
            if m:
                affiliation = m.group(0)
        affiliation = affiliation.rstrip(" .")
    return head, affiliation or None


def _context_role(sentence: str, start: int, end: int) -> tuple[str | None, str | None]:
    after = sentence[end:]
    m = _ROLE_AFTER.match(after)
    if m:
        role, affiliation = _clean_role(m.group("role"))
        if role:
            more = _MORE_AFFILIATION.match(after, m.end())
            if affiliation and more:
                affiliation += ", " + more.group(1)
            return role, affiliation
    before = sentence[:start]
    t = _TITLE_BEFORE.search(before[-80:])  # a title sits right before the name
    if t:
        title = t.group("title")
        aff = _OF_AFTER.match(after)
        return title, (aff.group("aff").removeprefix("the ") if aff else None)
    return None, None


def find_people(sentence: str) -> list[Person]:
    """Full names in one sentence, each with the role and affiliation given there."""
    found: list[Person] = []
    taken: list[tuple[int, int]] = []

    def add(name: str, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        role, affiliation = _context_role(sentence, start, end)
        found.append(Person(name, sentence[start:end], role, affiliation, start, end))

    for m in _PAIR.finditer(sentence):
        name = _chinese_name([m.group(1), m.group(2)])
        if name:
            add(name, m.start(1), m.end(2))
    for m in _ALLCAPS_NAME.finditer(sentence):
        tokens = m.group(1).split()
        if len(tokens) == 2 and (name := _chinese_name(tokens)):
            add(name, m.start(1), m.end(1))
    for m in _NAME_RUN.finditer(sentence):
        tokens = m.group(1).split()
        # Trim a title in front ("Professor Jane Smith") and stop words at the ends.
        while tokens and (tokens[0] in NOT_NAME_WORDS or re.fullmatch(TITLES, tokens[0])):
            tokens.pop(0)
        if not 2 <= len(tokens) <= 3 or any(t in NOT_NAME_WORDS or t.isupper() for t in tokens):
            continue
        if any(gazetteer().lookup(t) for t in tokens) or gazetteer().lookup(" ".join(tokens)):
            continue
        text = " ".join(tokens)
        start = sentence.find(text, m.start(1))
        end = start + len(text)
        role, _ = _context_role(sentence, start, end)
        speaks = _SPEECH_NEAR.search(sentence[end:end + 120]) or re.search(rf"{SPEECH}\s+$", sentence[max(0, start - 20):start])
        if role or speaks:
            add(text, start, end)
    found.sort(key=lambda p: p.start)
    return found


def surname_mentions(sentence: str) -> list[tuple[str, int, int]]:
    """``Mr. Pan``, ``Wang said``: a surname alone, to count towards a full name."""
    out = []
    for m in re.finditer(rf"\b{HONORIFICS}\s+([A-Z][a-z]+)\b", sentence):
        out.append((m.group(1), m.start(), m.end()))
    for m in re.finditer(rf"(?<![\w'])([A-Z][a-z]+)\s+{SPEECH}\b", sentence):
        if m.group(1) in SURNAMES and not any(s <= m.start(1) < e for _, s, e in out):
            out.append((m.group(1), m.start(1), m.end(1)))
    return out
