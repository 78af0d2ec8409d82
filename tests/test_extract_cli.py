"""``python -m nqpf extract`` and ``queue`` as a curator runs them."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from conftest import DATA, ROOT, SEEDS, run_cli

GOOD = " date 2024-02-06 \n\nBEIJING, Feb. 6 (Xinhua) -- Wang Dongwei, vice minister of finance, said on Thursday that spending rose 6.4 percent.\n"

BAD_FILES = {
    "empty.txt": (b"", "empty.txt:1: file is empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.txt:3: binary file: NUL byte found; expected UTF-8 text"),
    "latin1.txt": (b"line one\nCaf\xe9 society\n", "latin1.txt:2: invalid UTF-8: byte 0xe9 at column 4"),
    "huge.txt": (b"Growth in Beijing was strong on Monday.\n" * 262_144, "huge.txt:1: file is 10.5 MB, over the 5 MB limit"),
}


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def documents(stdout: str) -> list[dict]:
    return [doc for doc in yaml.safe_load_all(stdout) if doc is not None]


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gets_path_message_and_exit_1_while_others_are_processed(folder, name):
    bad = folder / name
    result = run_cli("extract", str(bad), str(folder / "good.txt"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [BAD_FILES[name][1].replace(name, str(bad), 1)]
    (doc,) = documents(result.stdout)
    assert doc["source"] == str(folder / "good.txt")
    assert doc["published"]["date"] == "2024-02-06"
    assert [(d["text"], d["iso"]) for d in doc["dates"]] == [("on Thursday", "2024-02-01")]
    assert [(p["name"], p["role"]) for p in doc["people"]] == [("Wang Dongwei", "vice minister")]
    assert [f["text"] for f in doc["figures"]] == ["6.4 percent"]


@pytest.mark.parametrize(
    "text",
    [
        "No dates, places or people here at all.\n",
        "?\n",
        "x" * 100_000 + "\n",
        "\u6c34\u4e0a" * 1000 + "\n",
        "- a list\n- of items\n",
        "Feb. 30, 2024 and 2024-13-45 and March 0 are not dates.\n",
    ],
)
def test_odd_but_readable_input_never_crashes(tmp_path, text):
    path = tmp_path / "odd.txt"
    path.write_text(text, encoding="utf-8")
    result = run_cli("extract", str(path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    (doc,) = documents(result.stdout)
    assert doc["dates"] == [] and doc["people"] == []


def test_every_seed_gives_one_document_with_evidence():
    result = run_cli("extract")
    assert result.returncode == 0, result.stderr
    docs = documents(result.stdout)
    assert [d["source"] for d in docs] == sorted(p.relative_to(ROOT).as_posix() for p in SEEDS.glob("*.txt"))
    for doc in docs:
        for field in ("dates", "places", "people", "figures", "definitions", "industries", "terms"):
            for candidate in doc[field]:
                evidence = candidate["evidence"]
                assert evidence["sentence"] and evidence["lines"] == sorted(evidence["lines"])


def test_undated_seed_counts_from_its_curated_date():
    result = run_cli("extract", "seeds/003_2082eeafcca6b19f.txt")
    (doc,) = documents(result.stdout)
    assert doc["published"] is None
    assert doc["reference"] == {"date": "2024-02-01", "basis": "published date in data/sources.yaml"}
    assert ("on Wednesday", "2024-01-31") in [(d["text"], d["iso"]) for d in doc["dates"]]


def test_an_article_without_a_date_says_so_and_still_succeeds(tmp_path):
    path = tmp_path / "new.txt"
    path.write_text("The plan was announced on Monday.\n", encoding="utf-8")
    result = run_cli("extract", str(path))
    assert result.returncode == 0
    note = (
        "no date of its own: no header line, no byline or date line with a whole date, no dateline with a year; "
        "1 relative or yearless date(s) left unresolved; give the date to count from with --reference YYYY-MM-DD"
    )
    assert result.stderr == f"{path}: note: {note}\n"
    (doc,) = documents(result.stdout)
    assert doc["published"] is None and doc["undated"] == note
    assert (doc["dates"][0]["iso"], doc["dates"][0]["unresolved"]) == (None, "the article has no date to count from")


def test_reference_option_dates_a_new_article(tmp_path):
    path = tmp_path / "new.txt"
    path.write_text("The plan was announced on Monday.\n", encoding="utf-8")
    result = run_cli("extract", "--reference", "2024-03-13", str(path))
    assert result.returncode == 0 and result.stderr == ""
    (doc,) = documents(result.stdout)
    assert doc["reference"] == {"date": "2024-03-13", "basis": "--reference"} and "undated" not in doc
    assert doc["dates"][0]["iso"] == "2024-03-11"
    bad = run_cli("extract", "--reference", "13 March", str(path))
    assert bad.returncode == 2 and "not a date (YYYY-MM-DD): '13 March'" in bad.stderr


def test_reference_option_gives_a_yearless_dateline_its_year(tmp_path):
    path = tmp_path / "new.txt"
    path.write_text("BEIJING, Feb. 7 (Xinhua) -- Quantum computing services went on sale on Monday.\n", encoding="utf-8")
    without = run_cli("extract", str(path))
    assert 'the dateline gives "Feb. 7" but no year' in without.stderr
    result = run_cli("extract", "--reference", "2024-02-12", str(path))
    assert result.returncode == 0 and result.stderr == ""
    (doc,) = documents(result.stdout)
    assert doc["reference"] == {"date": "2024-02-07", "basis": 'dateline "Feb. 7", year from --reference 2024-02-12'}
    assert [(d["text"], d["iso"]) for d in doc["dates"]] == [("on Monday", "2024-02-05")]


def test_output_is_identical_twice_and_jobs_do_not_change_it():
    first, second = run_cli("extract"), run_cli("extract", "--jobs", "2")
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout


@pytest.fixture
def project(tmp_path):
    """A copy of the project's data and seeds to write into."""
    shutil.copytree(DATA, tmp_path / "data", ignore=shutil.ignore_patterns("candidates"))
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_write_goes_only_to_data_candidates_and_is_stable(project):
    before = snapshot(project)
    result = run_cli("extract", "--write", cwd=project)
    assert result.returncode == 0, result.stderr
    after = snapshot(project)
    changed = {name for name in after if before.get(name) != after[name]} | (set(before) - set(after))
    assert changed == {f"data/candidates/{p.stem}.yaml" for p in SEEDS.glob("*.txt")}
    assert re.search(r"^seeds/000_3f91241d5409e152\.txt: \d+ dates, .* -> data/candidates/000_3f91241d5409e152\.yaml$", result.stdout, re.M)
    text = (project / "data/candidates/000_3f91241d5409e152.yaml").read_text("utf-8")
    assert text.startswith("# Generated by `python -m nqpf extract --write`; do not edit.\n")
    assert run_cli("extract", "--write", cwd=project).returncode == 0
    assert snapshot(project) == after


def test_validate_ignores_the_candidates(project):
    assert run_cli("extract", "--write", cwd=project).returncode == 0
    result = run_cli("validate", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_queue_on_the_seeds_is_short():
    result = run_cli("queue")
    assert result.returncode == 0, result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    m = re.fullmatch(r"(\d+) of (\d+) candidates in 6 sources not curated yet \(\d+ dates, \d+ places, \d+ people, \d+ figures, \d+ terms\)", summary)
    assert m, summary
    left, total = int(m[1]), int(m[2])
    assert left <= total // 4
    assert "seeds/000_3f91241d5409e152.txt (prnewswire-2024-02-06-xi-new-productive-forces): " in result.stdout


def test_queue_on_a_new_article_lists_what_is_missing(tmp_path):
    path = tmp_path / "new.txt"
    path.write_text(
        " date 2024-05-10 \n\nXining, the capital of Qinghai Province, will spend 2.3 billion yuan on hydrogen, said Zhao Lei, a deputy mayor.\n",
        encoding="utf-8",
    )
    result = run_cli("queue", str(path), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert result.stderr == f"{tmp_path / 'missing.txt'}: cannot read: No such file or directory\n"
    # Qinghai: a division the data reports nothing about yet.
    assert "  place   Qinghai (province, CN-QH)" in result.stdout
    assert "  place   Xining (city, CN-QH)" in result.stdout
    assert "  person  Zhao Lei (deputy mayor)" in result.stdout
    assert "  figure  2.3 billion yuan" in result.stdout


def test_queue_works_with_a_partial_knowledge_base(project):
    for name in ("concept", "timeline", "people", "figures", "glossary", "provinces"):
        (project / "data" / f"{name}.yaml").unlink()
    result = run_cli("queue", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    left, total = map(int, re.match(r"(\d+) of (\d+)", summary).groups())
    assert left == total > 0


def test_progress_bar_on_a_terminal_only(tmp_path):
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    for i in range(12):
        shutil.copy(SEEDS / "000_3f91241d5409e152.txt", tmp_path / f"a{i:02d}.txt")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "nqpf", "extract", str(tmp_path)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=120) == 0
    assert b"/12 [" in seen  # tqdm's "n/12 [elapsed<remaining, rate]"
    quiet = run_cli("extract", str(tmp_path))
    assert quiet.returncode == 0 and quiet.stderr == ""
