"""Sentences that define something: "X refers to ...", "X is characterized by ...", "Definition: ...".

Each candidate names the term defined when the sentence shows it: a quoted
phrase before the verb, the sentence's subject, or for an explainer's
"Definition:" line the phrase its heading asks about ("What is 'new
productivity'?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERBS = (
    r"refers? to|(?:is|are) (?:often |widely |generally )?(?:characteri[sz]ed|defined|described|understood) (?:by|as)|"
    r"(?:is|are) (?:known|called|termed) as|(?:is|are) short for|stands? for|(?:is|are) (?:essentially|in essence)|"
    r"(?:, )?characteri[sz]ed by|(?:the term|the concept|the phrase)\b[^.]{0,80}\bmeans"
)
_DEFINING = re.compile(rf"\b(?P<verb>{_VERBS})\b", re.IGNORECASE)
_LABEL = re.compile(r"^(?P<label>Definition|Basic meaning|Meaning|Main features|Key features|Connotation|Essence|What it means)\s*:\s*(?=\S)", re.IGNORECASE)
_QUOTED = re.compile(r'"([^"]{3,80})"')
_PRONOUNS = re.compile(r"^(?:it|this|that|they|these|those|(?:this|that) (?:kind|type) of \w+|such \w+|which|what)$", re.IGNORECASE)
_LEADING_CLAUSE = re.compile(r"^[A-Z][a-z]+ing\b[^,]*,\s*")  # "Emphasizing the role of innovation, "


@dataclass
class Definition:
    term: str | None
    pattern: str


def _subject(before: str) -> str | None:
    quoted = _QUOTED.findall(before)
    if quoted:
        return quoted[-1].strip(" ,.")
    before = _LEADING_CLAUSE.sub("", before.strip())
    before = re.split(r"\bthat\s+", before)[-1]  # "It is said that this refers to"
    subject = re.split(r",|\bwhich\b|\bwho\b", before)[0].strip(" ,.")
    subject = re.sub(r"^(?:the|a|an)\s+(?:phrase|term|concept|idea|notion)\s+", "", subject, flags=re.IGNORECASE)
    subject = re.sub(r"^(?:the|a|an)\s+", "", subject, flags=re.IGNORECASE)
    if not subject or _PRONOUNS.match(subject) or len(subject.split()) > 8:
        return None
    return subject


def find_definition(sentence: str, heading: str | None = None) -> Definition | None:
    """The definition ``sentence`` gives, if it gives one; ``heading`` is the nearest heading above it."""
    if label := _LABEL.match(sentence):
        term = None
        if heading:
            quoted = _QUOTED.findall(heading)
            term = quoted[-1] if quoted else re.sub(r"^(?:What|Who)\s+(?:is|are)\s+|\?$", "", heading).strip() or None
        return Definition(term, label.group("label") + ":")
    m = _DEFINING.search(sentence)
    if not m:
        return None
    return Definition(_subject(sentence[: m.start()]), " ".join(m.group("verb").lower().lstrip(", ").split()))
