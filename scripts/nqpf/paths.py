"""Where things live, relative to the working directory (the project root)."""

from pathlib import Path

SEEDS = Path("seeds")
DATA = Path("data")
SCHEMAS = DATA / "schemas"
CANDIDATES = DATA / "candidates"
BUILD = Path("build")
CLEAN = BUILD / "clean"


def seed_files(paths: list[str] | None = None) -> list[Path]:
    """The given files (directories expand to their ``*.txt``), or every seed."""
    if not paths:
        return sorted(SEEDS.glob("*.txt"))
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return files
