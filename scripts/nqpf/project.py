"""Where a project's files live, anchored at its root rather than the working directory.

The root is the folder that holds ``data/`` beside ``mkdocs.yml`` or ``seeds/``:
found upwards from the working directory, else this package's own checkout. ``NQPF_DATA`` (or an
explicit ``data``) names another data folder, relative to the root; its articles
are the sibling ``seeds/``, as in ``tests/fixtures/{data,seeds}``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def _is_root(folder: Path) -> bool:
    """A project: its data, and its articles or its site configuration."""
    return (folder / "data").is_dir() and ((folder / "mkdocs.yml").is_file() or (folder / "seeds").is_dir())


@dataclass(frozen=True)
class Project:
    root: Path
    data: Path

    @classmethod
    def at(cls, root: Path | str, data: Path | str | None = None) -> Project:
        """The project at ``root``; ``data`` (else ``$NQPF_DATA``, else ``data``) relative to it."""
        root = Path(root).resolve()
        data = Path(data if data is not None else os.environ.get("NQPF_DATA") or "data")
        return cls(root, data if data.is_absolute() else root / data)

    @classmethod
    def find(cls, start: Path | str | None = None, data: Path | str | None = None) -> Project:
        """The project containing ``start`` (the working directory), else this package's checkout."""
        here = Path(start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if _is_root(folder):
                return cls.at(folder, data)
        return cls.at(_PACKAGE_ROOT, data)

    @property
    def seeds(self) -> Path:
        return self.data.parent / "seeds"

    @property
    def schemas(self) -> Path:
        return self.data / "schemas"

    @property
    def drafts(self) -> Path:
        return self.data / "drafts"

    @property
    def candidates(self) -> Path:
        return self.data / "candidates"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def clean(self) -> Path:
        return self.build / "clean"

    @property
    def coverage(self) -> Path:
        """Per-source curation counts for the Sources page, written by ``python -m nqpf coverage``:
        ``build/coverage/data.json`` for ``data/``, one file per data folder."""
        return self.build / "coverage" / (self.show(self.data).strip("/").replace("/", "-") + ".json")

    def seed_files(self, given: list[str] | None = None) -> list[Path]:
        """The given files (folders expand to their ``*.txt``), or every seed."""
        if not given:
            return sorted(self.seeds.glob("*.txt"))
        files: list[Path] = []
        for name in given:
            path = Path(name)
            files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
        return files

    def show(self, path: Path | str) -> str:
        """A path as messages print it: relative to the root when inside it."""
        path = Path(path)
        absolute = path if path.is_absolute() else Path.cwd() / path
        try:
            return absolute.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
