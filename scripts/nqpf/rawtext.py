"""Read a text file the project accepts, or say exactly why not.

The rule: an input file is non-empty UTF-8 without a byte-order mark, with
LF line ends, no NUL bytes and at most ``MAX_BYTES`` (an article; a data file may be
larger, ``MAX_DATA_BYTES``: 5,000 sources make a sources.yaml of about 6 MB). Anything else is
refused with a :class:`~nqpf.report.Problem` naming the first offending line,
because a file that slipped through would silently shift quotes and line
numbers further down the pipeline.
"""

from __future__ import annotations

from pathlib import Path

from .report import Problem

MAX_BYTES = 5_000_000
MAX_DATA_BYTES = 20_000_000
BOM = b"\xef\xbb\xbf"


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def check_bytes(path: str, data: bytes, limit: int = MAX_BYTES) -> tuple[str | None, list[Problem]]:
    """Decode ``data``; return ``(text, [])`` or ``(None, problems)``."""
    if len(data) > limit:
        size = len(data) / 1_000_000
        return None, [Problem(path, 1, f"file is {size:.1f} MB, over the {limit // 1_000_000} MB limit")]
    if not data.strip():
        return None, [Problem(path, 1, "file is empty")]
    nul = data.find(b"\x00")
    if nul >= 0:
        return None, [Problem(path, _line_of(data, nul), "binary file: NUL byte found; expected UTF-8 text")]
    problems: list[Problem] = []
    if data.startswith(BOM):
        problems.append(Problem(path, 1, "starts with a UTF-8 byte-order mark (BOM); save the file as UTF-8 without BOM"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = _line_of(data, err.start)
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        byte = data[err.start]
        problems.append(Problem(path, line, f"invalid UTF-8: byte 0x{byte:02x} at column {column}"))
        return None, problems
    cr = text.find("\r")
    if cr >= 0:
        kind = "Windows (CRLF)" if text[cr + 1 : cr + 2] == "\n" else "carriage-return (CR)"
        problems.append(Problem(path, text.count("\n", 0, cr) + 1, f"{kind} line ending; convert the file to LF line ends"))
    if problems:
        return None, problems
    return text, []


def read_text(path: str | Path, shown: str | None = None, limit: int = MAX_BYTES) -> tuple[str | None, list[Problem]]:
    """Read and check one file; never raises for an unreadable path. Problems name it ``shown``."""
    name = shown or str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        return None, [Problem(name, None, "is a directory, not a file")]
    except OSError as err:
        return None, [Problem(name, None, f"cannot read: {err.strerror or err}")]
    return check_bytes(name, data, limit)
