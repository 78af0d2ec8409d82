"""English month names as news copy writes them ("Feb.", "Sept", "March", "SEPTEMBER")."""

from __future__ import annotations

_NAMES = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]

MONTHS: dict[str, int] = {name: number for number, names in enumerate(_NAMES, 1) for name in names}
_ABBREVIATIONS = {name for names in _NAMES for name in names[1:]}


def _forms(name: str) -> list[str]:
    """Capitalised and in capitals (issue lines, some datelines); never in lower
    case, where "may" and "march" are words. Only an abbreviation takes a dot:
    the full stop after "June." ends a sentence."""
    dot = r"\.?" if name in _ABBREVIATIONS else ""
    return [name.capitalize() + dot, name.upper() + dot]


# Longest name first so "September" wins over "Sep" and "March" over "Mar".
MONTH_PATTERN = "(?:" + "|".join(
    sorted((form for n in MONTHS for form in _forms(n)), key=lambda form: len(form.removesuffix(r"\.?")), reverse=True)
) + ")"


def month_pattern(number: int) -> str:
    """The forms of one month, as :data:`MONTH_PATTERN` writes them (``3`` → March, MARCH, Mar., MAR.)."""
    forms = [form for n in _NAMES[number - 1] for form in _forms(n)]
    return "(?:" + "|".join(sorted(forms, key=lambda form: len(form.removesuffix(r"\.?")), reverse=True)) + ")"


def month_number(word: str) -> int | None:
    """``"Feb."`` → 2, ``"Sept"`` → 9, ``"SEPTEMBER"`` → 9, anything else → None."""
    word = word.strip().rstrip(".").lower()
    return MONTHS.get(word)
