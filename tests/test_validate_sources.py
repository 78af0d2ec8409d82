"""The validator on data/sources.yaml: the real file passes, each kind of mistake is named."""

from __future__ import annotations

import shutil

import pytest

from conftest import DATA, SEEDS, run_cli
from nqpf.checks import run_checks
from nqpf.curated import load_curated


def test_real_data_validates():
    result = run_cli("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data: valid (")


@pytest.fixture
def project(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def problems_after(project, old: str, new: str) -> tuple[list[str], int]:
    """Apply one edit; return the problems and the line the edit starts on."""
    path = project / "data" / "sources.yaml"
    text = path.read_text("utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    prefix = str(project / "data") + "/"
    found = [str(p).replace(prefix, "data/") for p in run_checks(load_curated(project / "data"))]
    # Other files cite sources too; an edit here may ripple there, but these cases are about sources.yaml.
    return [p for p in found if p.startswith("data/sources.yaml")], line


def line_of(needle: str) -> int:
    text = (DATA / "sources.yaml").read_text("utf-8")
    return text[: text.index(needle)].count("\n") + 1


FIRST_ID = line_of("- id: prnewswire")
LAST_ITEM = line_of("- id: chinadaily-2024-02-06")


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            'published: "2024-02-06"\n  published_basis: header line\n  published_note: >-\n    The header line reads 2024-02-06 and the PR',
            'published: "2024-02-07"\n  published_basis: header line\n  published_note: >-\n    The header line reads 2024-02-06 and the PR',
            ["{L}: 0.published: says 2024-02-07 from the header line, but the cleaner finds 2024-02-06 from the header line"],
        ),
        (
            "  title_is_ours: false",
            "  title_is_ours: true",
            [
                "{L}: 2.title_is_ours: the article has a headline (\"Xiconomics in Practice: Xi puts new quality productive"
                " forces at front and center in China's economic agenda\"); use it as the title"
            ],
        ),
        (
            "    - kind: comment-form",
            "    - kind: advertisement",
            ["{L-3}: 2.noise: lists ['advertisement', 'php-warning'], but the cleaner removes ['comment-form', 'php-warning']"],
        ),
        (
            "  dateline: BEIJING, Feb. 6, 2024 /PRNewswire/ —",
            "  dateline: BEIJING, Feb. 5, 2024 /PRNewswire/ —",
            ["{L}: 0.dateline: the cleaner finds dateline 'BEIJING, Feb. 6, 2024 /PRNewswire/ —'"],
        ),
        (
            "  file: seeds/004_c644d251e1e23a76.txt",
            "  file: seeds/005_missing.txt",
            [
                "1: seeds/004_c644d251e1e23a76.txt has no entry; add one for every article in seeds/ (python -m nqpf draft makes one)",
                "{L}: 4.file: seeds/005_missing.txt does not exist",
            ],
        ),
        (
            "- id: chinadaily-2024-03-25-two-sessions-catchphrase",
            "- id: prnewswire-2024-02-06-xi-new-productive-forces",
            [f"{{L}}: 1.id: duplicate id 'prnewswire-2024-02-06-xi-new-productive-forces' (first used on line {FIRST_ID})"],
        ),
        (
            "    quality: clean",
            "    quality: excellent",
            ["{L}: 2.language.quality: 'excellent' is not one of ['clean', 'machine-translated', 'garbled']"],
        ),
        (
            '  published: "2024-03-12"',
            "  published: 12 March 2024",
            ["{L}: 2.published: '12 March 2024' does not have the expected form (pattern ^\\d{{4}}-\\d{{2}}-\\d{{2}}$)"],
        ),
        (
            "  title_is_ours: false",
            "  title_is_ours: no",
            ["{L}: 2.title_is_ours: 'no' is not of type 'boolean'"],
        ),
        (
            "  outlet: china-daily\n  outlet_basis: The photo credit",
            "  outlet: china-daily\n  outlet: xinhua\n  outlet_basis: The photo credit",
            ["{L+1}: duplicate key 'outlet' (first defined on line {L})"],
        ),
        (
            "  outlet: china-daily\n  outlet_basis: The photo credit",
            "  outlet: china-daily\n  author: Zhu Haipeng\n  outlet_basis: The photo credit",
            ["{L+1}: 4.author: unknown field"],
        ),
        (
            "  outlet: china-daily\n  outlet_basis: The photo credit",
            "  outlet: China Daily\n  outlet_basis: The photo credit",
            ["{L}: 4.outlet: 'China Daily' does not have the expected form (pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$)"],
        ),
    ],
)
def test_each_mistake_is_reported_with_file_line_and_message(project, old, new, expected):
    problems, line = problems_after(project, old, new)
    lines = {"L": line, "L+1": line + 1, "L-3": line - 3}
    assert problems == ["data/sources.yaml:" + e.format(**lines) for e in expected]


def test_a_seed_without_a_source_is_reported(project):
    (project / "seeds" / "005_new.txt").write_text("A new article about industrial policy and growth.\n", encoding="utf-8")
    problems = [str(p).replace(str(project) + "/", "") for p in run_checks(load_curated(project / "data"))]
    assert problems == ["data/sources.yaml:1: seeds/005_new.txt has no entry; add one for every article in seeds/ (python -m nqpf draft makes one)"]


def test_unreadable_seed_is_reported(project):
    (project / "seeds" / "000_3f91241d5409e152.txt").write_bytes(b"\xef\xbb\xbfBOM file\n")
    problems = [str(p).replace(str(project) + "/", "") for p in run_checks(load_curated(project / "data"))]
    assert "seeds/000_3f91241d5409e152.txt:1: starts with a UTF-8 byte-order mark (BOM); save the file as UTF-8 without BOM" in problems
