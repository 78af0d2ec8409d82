"""Every rule the curated data must satisfy, one function per rule.

A check takes the loaded :class:`~nqpf.curated.Curated` data and yields
:class:`~nqpf.report.Problem` values; its docstring states the rule. The
validate command runs them in this order and reports everything at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..curated import Curated
from ..report import Problem
from . import schema, sources

Check = Callable[[Curated], Iterable[Problem]]

CHECKS: list[Check] = [
    schema.check_schemas,
    schema.check_unique_ids,
    sources.check_seed_files,
    sources.check_against_article,
]


def run_checks(curated: Curated) -> list[Problem]:
    problems = list(curated.problems)
    for check in CHECKS:
        problems.extend(check(curated))
    return sorted(dict.fromkeys(problems), key=lambda p: (p.path, p.line or 0, p.message))
