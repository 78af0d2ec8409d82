"""English month names as news copy writes them ("Feb.", "Sept", "March")."""

from __future__ import annotations

_NAMES = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may", "may"),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]

MONTHS: dict[str, int] = {name: number for number, names in enumerate(_NAMES, 1) for name in names}

# Longest first so "September" wins over "Sep"; "May" needs no dot.
MONTH_PATTERN = "(?:" + "|".join(
    sorted((n.capitalize() + (r"\.?" if len(n) <= 4 and n != "may" else "") for n in MONTHS), key=len, reverse=True)
) + ")"


def month_number(word: str) -> int | None:
    """``"Feb."`` → 2, ``"Sept"`` → 9, anything else → None."""
    word = word.strip().rstrip(".").lower()
    return MONTHS.get(word)
