"""Candidate glossary terms: what a reader may need explained.

Four signs make a phrase a candidate, each recorded as its ``kind``:

- ``quoted``: a short phrase in quotation marks ("new three", "new productivity").
- ``acronym``: a name with its abbreviation in brackets, "National People's
  Congress (NPC)", "artificial intelligence (AI)", when the letters fit.
- ``name``: a capitalised name of a meeting, document, plan or doctrine
  ("Central Economic Work Conference", "Government Work Report").
- ``recurring``: a phrase of two to five words, cut at stop words and
  punctuation, that the article repeats at least three times.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

STOP_WORDS = frozenset(
    """
    a an the and or but of to in on at by for from with as into onto over under about than then that this these those
    is are was were be been being has have had do does did will would shall should can could may might must it its
    they them their he she his her we our you your i me my not no nor so such also very more most much many some any
    all each every both other another which who whom whose what when where why how while if because though although
    said says told added noted according up out new—
    """.split()
) - {"new"}
_NAME_HEADS = (
    r"Conference|Congress|Report|Plan|Initiative|Strategy|Programme|Program|Forum|Thought|Session|Sessions|Zone|"
    r"Summit|Campaign|Law|Policy|Guideline|Guidelines|Vision|Action|Agenda|Framework|Philosophy|Concept"
)
_NAME_WORD = r"(?:[A-Z][\w'-]*|[0-9]+(?:st|nd|rd|th))"
_NAME = re.compile(rf"(?<![\w'-])({_NAME_WORD}(?:\s+(?:of|on|for|and|the|{_NAME_WORD})){{0,10}}?\s+(?:{_NAME_HEADS}))\b")
_NAME_LOWER_HEAD = re.compile(r"(?<![\w'-])((?:[A-Z][\w'-]*\s+){1,6})(initiative|strategy|plan|campaign)(?![\w-])")
_QUOTED = re.compile(r'"([^"]{3,60})"')
_ACRONYM = re.compile(r"(?<=\s)\(([A-Z][A-Za-z&-]{1,9})\)")
_WORDS_BEFORE = re.compile(r"((?:[A-Za-z][\w'-]*\s+){0,8}[A-Za-z][\w'-]*)\s+$")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]")
_LEADING_WORDS = re.compile(r"^(?:(?:The|the|This|That|A|An|In|On|At|By|For|From|Its|of|and|[0-9]+(?:st|nd|rd|th))\s+)+")
_NOT_TERM_WORDS = frozenset("thousand million billion trillion percent yuan dollars year years month months day days".split())
_SMALL = {"of", "and", "the", "for", "on", "in", "'s"}


@dataclass
class Term:
    term: str
    kind: str
    alias: str | None = None


def _initials_fit(words: list[str], acronym: str) -> str | None:
    """The shortest tail of ``words`` whose initials spell ``acronym`` ("Chinese People's ... (CPPCC)")."""
    letters = acronym.replace("-", "").replace("&", "").upper()
    for start in range(len(words) - 1, -1, -1):
        tail = [w for w in words[start:] if w.lower() not in _SMALL]
        initials = "".join(w[0].upper() for w in tail)
        if initials == letters or initials.replace("-", "") == letters:
            return " ".join(words[start:])
        # "sci-tech", "AI Plus": a looser fit on the first letters is not enough
    return None


def find_terms(sentence: str) -> list[Term]:
    """Quoted phrases, acronyms with their names, and named plans and meetings in ``sentence``."""
    found: list[Term] = []
    for m in _QUOTED.finditer(sentence):
        phrase = m.group(1).strip(" ,.")
        words = phrase.split()
        if 1 <= len(words) <= 6 and not re.search(r"[.!?;]", phrase) and not re.search(r"\b(?:is|are|was|were|will|we|I)\b", phrase):
            found.append(Term(phrase, "quoted"))
    taken: list[tuple[int, int]] = []
    for m in _ACRONYM.finditer(sentence):
        before = _WORDS_BEFORE.search(sentence, max(0, m.start() - 120), m.start())
        name = _initials_fit(before.group(1).split(), m.group(1)) if before else None
        if name:
            found.append(Term(name, "acronym", m.group(1)))
            taken.append((before.end(1) - len(name), m.end()))
    for pattern in (_NAME, _NAME_LOWER_HEAD):
        for m in pattern.finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            name = _LEADING_WORDS.sub("", m.group(0))
            if len(name.split()) >= 2:
                found.append(Term(name, "name"))
                taken.append(m.span())
    return found


def recurring(texts: list[str], minimum: int = 3) -> Counter:
    """Phrases of 2–5 words between stop words that recur ``minimum`` times across ``texts``.

    A phrase is a whole run of words between stop words and punctuation (as
    in RAKE), so a fragment such as "new productive" never stands alone.
    """
    counts: Counter = Counter()
    for text in texts:
        phrase: list[str] = []
        for i, token in enumerate(_WORDS.findall(text) + ["."]):
            low = token.lower()
            capitalised = not token[0].islower() and not (i == 0 and token[1:].islower())  # a sentence's first word may be a term
            if low in STOP_WORDS or low in _NOT_TERM_WORDS or capitalised or not token[0].isalpha():
                if 2 <= len(phrase) <= 5:
                    counts[" ".join(phrase)] += 1
                phrase = []
            else:
                phrase.append(low)
    frequent = {p: n for p, n in counts.items() if n >= minimum}
    # "developing new productive forces" and "year's two sessions" are a
    # recurring phrase with a word in front: keep the phrase itself.
    return Counter({
        p: n for p, n in frequent.items()
        if not p.split()[0].endswith(("ing", "'s")) and p.split(" ", 1)[-1] not in frequent
    })
