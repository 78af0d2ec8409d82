"""Bad input through the real commands: every broken data file or article gets
``file:line: message``, a non-zero exit, no traceback, and nothing is overwritten.

Each case corrupts one file of a throw-away copy of the project, fingerprints
every file of the copy, runs the command a curator would run, and compares.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, FIXTURE_DATA, ROOT, SEEDS, run_cli
from nqpf.checks import run_checks
from nqpf.curated import load_curated
from nqpf.kinds import DATASET_NAMES as DATASETS
from nqpf.report import Problem
from nqpf.yamlfile import parse

TEN_MB = 10_500_000
DATA_TOO_LARGE = 21_000_000


@pytest.fixture
def project(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def fingerprint(folder) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts  # bytecode is Python's, not ours
    }


def replace(path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (file under data/, how to break it, the message the report must contain)
DATA_CASES = {
    "malformed-yaml": ("glossary", lambda p: replace(p, "  related: [productive-forces,", "  related: [productive-forces,\n  - {"),
                       "YAML syntax error"),
    "tab": ("people", lambda p: replace(p, "  role: Associate researcher", "\trole: Associate researcher"), "indent with spaces, not tabs"),
    "duplicate-key": ("figures", lambda p: replace(p, "  value: 832.7\n", "  value: 832.7\n  value: 833\n"), "duplicate key 'value'"),
    "wrong-type": ("figures", lambda p: replace(p, "  value: 832.7\n", "  value: [832.7]\n"), "is not of type 'number'"),
    "unknown-id": ("timeline", lambda p: replace(p, "  people: [wang-dongwei]", "  people: [wang-dong-wei]"), "unknown people id 'wang-dong-wei'"),
    "impossible-date": ("timeline", lambda p: replace(p, 'date: "2024-02-01"\n  precision: day\n  title: Finance',
                                                    'date: "2024-02-31"\n  precision: day\n  title: Finance'), "2024-02-31 is not a real date"),
    "quote-not-in-source": ("people", lambda p: replace(p, "aim for strategic emerging industries and future industries",
                                                        "aim for emerging and future industries"), "not found in the source"),
    # A data file may be larger than an article (5,000 sources make about 6 MB), up to 20 MB.
    "too-large": ("glossary", lambda p: p.write_bytes(b"# padding\n" * (DATA_TOO_LARGE // 10)), "over the 20 MB limit"),
    "empty": ("concept", lambda p: p.write_bytes(b""), "file is empty"),
    "invalid-utf8": ("people", lambda p: p.write_bytes(p.read_bytes().replace(b"Wang Peng", b"Wang P\xe9ng", 1)), "invalid UTF-8"),
    "bom": ("timeline", lambda p: p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes()), "byte-order mark"),
    "crlf": ("provinces", lambda p: p.write_bytes(p.read_bytes().replace(b"\n", b"\r\n")), "line ending"),
}


def assert_clean_failure(result, path_prefix: str, message: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if message in line]
    assert lines, f"no report containing {message!r} in:\n{result.stderr}"
    assert all(re.match(rf"^{re.escape(path_prefix)}:\d+: ", line) for line in lines), lines


@pytest.mark.parametrize("case", sorted(DATA_CASES))
def test_validate_reports_bad_data_and_changes_nothing(project, case):
    name, corrupt, message = DATA_CASES[case]
    corrupt(project / "data" / f"{name}.yaml")
    before = fingerprint(project)
    result = run_cli("validate", "--data", str(project / "data"))
    assert_clean_failure(result, str(project / "data" / f"{name}.yaml"), message)
    assert fingerprint(project) == before


def test_site_build_stops_on_bad_data_without_traceback(tmp_path):
    """The build validates first: a broken file stops it with the same file:line report."""
    import sitekit

    copy = sitekit.copy_project(tmp_path / "project")
    replace(copy / "data" / "people.yaml", "  role: Associate researcher", "\trole: Associate researcher")
    before = fingerprint(copy)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(tmp_path / "site")],
        cwd=copy, capture_output=True, text=True, timeout=600,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(r"^data/people\.yaml:\d+: YAML syntax error: .*indent with spaces, not tabs$", result.stderr, re.MULTILINE), result.stderr
    assert fingerprint(copy) == before


ARTICLE_CASES = {
    "empty": (b"", ":1: file is empty"),
    "ten-mb": (b"Growth in Beijing was strong on Monday.\n" * (TEN_MB // 40), ":1: file is 10.5 MB, over the 5 MB limit"),
    "invalid-utf8": (b"BEIJING, Feb. 7 (Xinhua) -- Caf\xe9 society.\n", ":1: invalid UTF-8: byte 0xe9 at column 32"),
    "bom": (b"\xef\xbb\xbfBEIJING, Feb. 7 (Xinhua) -- Text.\n", ":1: starts with a UTF-8 byte-order mark (BOM)"),
    "crlf": (b"Headline\r\n\r\nBody text here.\r\n", ":1: Windows (CRLF) line ending"),
    "binary": (b"\x00\x01\x02PK", ":1: binary file"),
}


@pytest.mark.parametrize("command", ["ingest", "extract"])
@pytest.mark.parametrize("case", sorted(ARTICLE_CASES))
def test_bad_article_is_reported_and_the_others_still_processed(tmp_path, command, case):
    folder = tmp_path / "articles"
    folder.mkdir()
    data, message = ARTICLE_CASES[case]
    (folder / "bad.txt").write_bytes(data)
    shutil.copy(SEEDS / "000_3f91241d5409e152.txt", folder / "good.txt")
    before = fingerprint(folder)
    args = [command, str(folder / "bad.txt"), str(folder / "good.txt")]
    if command == "ingest":
        args += ["--out", str(tmp_path / "out")]
    result = run_cli(*args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if "bad.txt" in line][0].startswith(f"{folder / 'bad.txt'}{message}")
    assert "good.txt" in result.stdout
    assert fingerprint(folder) == before
    assert fingerprint(ROOT / "seeds") == fingerprint(SEEDS)


# -- Property: the loader and the validator never crash, whatever the text --------------------------------

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_loader_never_crashes_on_any_text(text):
    doc, problems = parse("data/any.yaml", text)
    assert all(isinstance(p, Problem) and p.path == "data/any.yaml" for p in problems)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
    | st.sampled_from(["2024-02-30", "2024-01-31", "no", "prnewswire-2024-02-06-xi-new-productive-forces", "xi-jinping"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "date", "evidence", "source", "quote", "summary", "chinese", "pinyin", "value", "related",
                         "people", "conflicts", "readings", "chosen", "code", "name", "x"]), children, max_size=5),
    max_leaves=25,
)


# The fixture data has every dataset, cross-referenced as the real data is, at a tenth of its size:
# each example validates the whole of it, so 40 examples take 2 s, not 20.
@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    root = tmp_path_factory.mktemp("property")
    shutil.copytree(FIXTURE_DATA, root / "data")
    shutil.copytree(SEEDS, root / "seeds")
    return root


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from([n for n in DATASETS]), value=yaml_values, garbage=st.text(max_size=60))
def test_validator_never_crashes_on_any_data(scratch, name, value, garbage):
    path = scratch / "data" / f"{name}.yaml"
    original = (FIXTURE_DATA / f"{name}.yaml").read_text("utf-8")
    try:
        path.write_text(f"# yaml-language-server: $schema=schemas/{name}.schema.json\n" + yaml.safe_dump(value) + garbage, encoding="utf-8")
        problems = run_checks(load_curated(scratch / "data"))
        assert all(isinstance(p, Problem) for p in problems)
        assert not [p for p in problems if "internal error" in p.message]
    finally:
        path.write_text(original, encoding="utf-8")
