"""One reporter for every command: problems print as ``path:line: message``.

Checks never print or exit themselves; they yield :class:`Problem` values and
the command hands them to :func:`report`, which prints them in a stable order
and turns "any problem" into exit status 1.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


def report(problems: Iterable[Problem], stream: TextIO | None = None) -> int:
    """Print each problem on its own line; return the exit status (0 or 1)."""
    stream = stream or sys.stderr
    seen = list(dict.fromkeys(problems))
    seen.sort(key=lambda p: (p.path, p.line or 0, p.message))
    for problem in seen:
        print(problem, file=stream)
    return 1 if seen else 0
