"""The date of the data and of the site: from git or the data, never the clock.

Citations, the footer, feeds and the sitemap all carry a date. Taking it from
the clock would make two builds of one commit differ, and would claim that
something changed when only the build ran again. So:

* :func:`data_date` is the day of the last commit that touched the data folder,
  falling back to the newest ISO day written in the data itself (for a
  tarball without ``.git``);
* :func:`site_date` is the day of the last commit of the whole repository
  (pages also change when templates or prose change), falling back to
  :func:`data_date`.

Both honour ``SOURCE_DATE_EPOCH`` (https://reproducible-builds.org/specs/source-date-epoch/)
when it is set, as a packager's override, so every date on the site agrees.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DateError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a count of seconds, or nothing can date the data."""


def from_epoch() -> str | None:
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return None
    if not raw.isdigit():
        raise DateError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {raw!r}")
    return dt.datetime.fromtimestamp(int(raw), dt.UTC).date().isoformat()


def git_day(cwd: Path, *pathspec: str) -> str | None:
    """``%cs``: the committer date, YYYY-MM-DD, of the newest commit touching ``pathspec``."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", *pathspec],
            cwd=cwd, capture_output=True, text=True, timeout=60, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    day = result.stdout.strip()
    return day if result.returncode == 0 and _DAY.match(day) else None


def _days(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _days(item)
    elif isinstance(value, list):
        for item in value:
            yield from _days(item)
    elif isinstance(value, str) and _DAY.match(value):
        yield value


def newest_day_in(data: Any) -> str | None:
    """The latest ``YYYY-MM-DD`` string anywhere in ``data``."""
    return max(_days(data), default=None)


def data_date(data_dir: Path, data: Any = None) -> str:
    """The date of the data in ``data_dir``; ``data`` is its loaded content, for the fallback."""
    day = from_epoch() or git_day(Path(data_dir), ".") or newest_day_in(data)
    if day is None:
        raise DateError(f"cannot date the data in {data_dir}: no git history and no ISO date in the data")
    return day


def site_date(root: Path, data_dir: Path, data: Any = None) -> str:
    """The date of the site's last change: the newest commit of the repository at ``root``."""
    return from_epoch() or git_day(Path(root)) or data_date(data_dir, data)
