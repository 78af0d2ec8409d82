"""``python -m nqpf ingest`` as a curator runs it: output, bad files, exit codes."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEEDS, run_cli

GOOD = "BEIJING, Feb. 7 (Xinhua) -- Xi called for new quality productive forces.\n"

BAD_FILES = {
    "empty.txt": (b"", "empty.txt:1: file is empty"),
    "blank.txt": (b"\n\n  \n", "blank.txt:1: file is empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.txt:3: binary file: NUL byte found; expected UTF-8 text"),
    "latin1.txt": (b"line one\nCaf\xe9 society\n", "latin1.txt:2: invalid UTF-8: byte 0xe9 at column 4"),
    "bom.txt": (
        b"\xef\xbb\xbf" + GOOD.encode(),
        "bom.txt:1: starts with a UTF-8 byte-order mark (BOM); save the file as UTF-8 without BOM",
    ),
    "crlf.txt": (
        b"Headline here\r\n\r\n" + GOOD.encode(),
        "crlf.txt:1: Windows (CRLF) line ending; convert the file to LF line ends",
    ),
}


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gets_path_message_and_exit_1_while_others_are_processed(folder, name):
    bad = folder / name
    out = folder / "out"
    result = run_cli("ingest", "--out", str(out), str(bad), str(folder / "good.txt"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [BAD_FILES[name][1].replace(name, str(bad), 1)]
    assert "Traceback" not in result.stderr
    assert (out / "good.json").exists() and not (out / f"{bad.stem}.json").exists()
    assert f"{folder / 'good.txt'}:" in result.stdout


def test_all_bad_files_reported_at_once(folder):
    result = run_cli("ingest", "--out", str(folder / "out"), str(folder))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == len(BAD_FILES)


def test_missing_file(tmp_path):
    result = run_cli("ingest", "--out", str(tmp_path), str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert result.stderr == f"{tmp_path / 'nope.txt'}: cannot read: No such file or directory\n"


def test_seeds_give_identical_output_twice_and_stay_untouched(tmp_path):
    before = {p.name: p.read_bytes() for p in SEEDS.glob("*.txt")}
    first, second = tmp_path / "a", tmp_path / "b"
    assert run_cli("ingest", "--out", str(first)).returncode == 0
    assert run_cli("ingest", "--out", str(second)).returncode == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert len(names) == 2 * len(before)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes()
    assert {p.name: p.read_bytes() for p in SEEDS.glob("*.txt")} == before


def test_json_output_carries_line_map_and_metadata(tmp_path):
    assert run_cli("ingest", "--out", str(tmp_path), str(SEEDS / "002_8182cdfbd94dcf82.txt")).returncode == 0
    data = json.loads((tmp_path / "002_8182cdfbd94dcf82.json").read_text("utf-8"))
    assert data["paragraphs"][0] == {
        "kind": "headline",
        "lines": [1],
        "text": "Xiconomics in Practice: Xi puts new quality productive forces at front and center in China's economic agenda",
    }
    assert data["published"] is None
    assert [r["kind"] for r in data["removed"]] == ["php-warning", "comment-form"]
    text = (tmp_path / "002_8182cdfbd94dcf82.txt").read_text("utf-8")
    assert "Warning:" not in text and "Leave a Reply" not in text


# SHA-256 of the five original articles as received (../shared/seeds), so that no
# checkout, with or without that folder, can hold an edited seed.
ORIGINALS = {
    "000_3f91241d5409e152.txt": "f7dc4cf8ccec54ceece6ca7477ed385a13254c406f599c24bbc8a71abc881e3e",
    "001_647f02aee0c9e382.txt": "77c817eaafdce6f3e738f8142fe165bd92f85c017ca1fb27f3d3371e7e27d836",
    "002_8182cdfbd94dcf82.txt": "054a3f38187173b1406b610c064e5f1f8eafd03531ea996c1b5e3d1daa052c76",
    "003_2082eeafcca6b19f.txt": "510d791b14239893c29ca0174da1bfcbbd0b767f1a56babb8c30afdcdacdd8f6",
    "004_c644d251e1e23a76.txt": "a360f5a912f1e8d5601efe3ca5840e3f85131a10634826511accbaeab680a56a",
}


@pytest.mark.parametrize("name", sorted(ORIGINALS))
def test_the_original_seeds_are_byte_for_byte_as_received(name):
    import hashlib

    assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == ORIGINALS[name], f"seeds/{name} was edited"


def test_new_article_copied_into_a_folder(tmp_path):
    shutil.copy(SEEDS / "000_3f91241d5409e152.txt", tmp_path / "new.txt")
    result = run_cli("ingest", "--out", str(tmp_path / "out"), str(tmp_path))
    assert result.returncode == 0
    assert "published 2024-02-06 (header line, line 1)" in result.stdout
