"""Every rule the curated data must satisfy, one function per rule.

A check takes the loaded :class:`~nqpf.curated.Curated` data and yields
:class:`~nqpf.report.Problem` values; its docstring states the rule. The
validate command runs them in this order and reports everything at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..curated import Curated
from ..report import Problem
from . import consistency, dates, evidence, indicators, outlets, pinyin, quotes, references, schema, sources

Check = Callable[[Curated], Iterable[Problem]]

# Rules that need well-formed entries; run on schema.only_sound(curated).
CHECKS: list[Check] = [
    schema.check_unique_ids,
    sources.check_seed_files,
    sources.check_against_article,
    references.check_references,
    references.check_shown,
    evidence.check_source_fields,
    evidence.check_evidence_kinds,
    evidence.check_urls,
    outlets.check_hosts,
    outlets.check_links,
    evidence.check_references_cited,
    quotes.check_quotes,
    quotes.check_own_words,
    dates.check_real_dates,
    dates.check_timeline,
    indicators.check_indicator_periods,
    indicators.check_indicator_values,
    pinyin.check_pinyin,
    consistency.check_provinces,
    consistency.check_names_in_quotes,
    consistency.check_printed_names,
    consistency.check_figure_values,
    consistency.check_conflicts,
]


# Every rule in the order it applies, for the About page: shape first, then the rest.
RULES: tuple[Check, ...] = (schema.check_schemas, schema.check_schema_comment, schema.check_no_todo, *CHECKS)


def run_checks(curated: Curated, debug: bool = False) -> list[Problem]:
    """Every problem in the data: syntax and shape first, then each rule on the sound part.

    A rule that fails inside is reported as an internal error naming it, so bad data never
    ends in a traceback; with ``debug`` the error is raised instead, to be debugged.
    """
    problems = list(curated.problems)
    problems.extend(schema.check_schemas(curated))
    problems.extend(schema.check_schema_comment(curated))
    problems.extend(schema.check_no_todo(curated))
    sound = schema.only_sound(curated)
    for check in CHECKS:
        try:
            problems.extend(check(sound))
        except Exception as err:
            if debug:
                raise
            problems.append(Problem("data", None, f"internal error in {check.__name__}: {type(err).__name__}: {err}; please report it"))
    return sorted(dict.fromkeys(problems), key=lambda p: (p.path, p.line or 0, p.message))
