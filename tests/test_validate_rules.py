"""Each validator rule, fed bad data, reports the exact ``file:line: path: message``.

Every case copies the real data and seeds to a temporary project, makes one
edit, and compares the full list of problems with the expected one. ``{L}`` is
the line where the edited text starts.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import DATA, SEEDS
from nqpf.checks import run_checks
from nqpf.curated import load_curated
from nqpf.kinds import DATASET_NAMES as DATASETS


def test_real_data_files_each_validate():
    problems = run_checks(load_curated(DATA))
    by_file = {name: [str(p) for p in problems if p.path.endswith(f"/{name}.yaml")] for name in DATASETS}
    for name, found in by_file.items():
        assert found == [], f"data/{name}.yaml has problems"
    assert problems == []


@pytest.fixture
def project(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def edit(project, name: str, old: str, new: str) -> tuple[int, int]:
    """Apply one edit; return its line and the index of the top-level item it falls in."""
    path = project / "data" / f"{name}.yaml"
    text = path.read_text("utf-8")
    assert text.count(old) >= 1, old
    at = text.index(old)
    line = text[:at].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line, text[: at + 2].count("\n- ") - 1


def problems(project) -> list[str]:
    prefix = str(project) + "/"
    return [str(p).replace(prefix, "") for p in run_checks(load_curated(project / "data"))]


CASES = [
    pytest.param(
        "glossary", "  term: productive forces\n", "  term: productive forces\n\tchinese: 生产力\n",
        ["data/glossary.yaml:{L+1}: YAML syntax error: found a tab character that violates indentation"
         " (while scanning a plain scalar); indent with spaces, not tabs"],
        id="tab-indent",
    ),
    pytest.param(
        "figures", "# yaml-language-server: $schema=schemas/figures.schema.json\n", "# figures\n",
        ["data/figures.yaml:1: the first line must be '# yaml-language-server: $schema=schemas/figures.schema.json'"],
        id="schema-comment",
    ),
    pytest.param(
        "concept", "drivers:\n", "drivers: none\nold_drivers:\n",
        ["data/concept.yaml:{L}: drivers: 'none' is not of type 'array'",
         "data/concept.yaml:{L+1}: old_drivers: unknown field"],
        id="malformed-top-level-is-reported-once",
    ),
    pytest.param(
        "people", "  name: Wang Peng\n", "  name: Wang Peng\n  name: Wang P.\n",
        ["data/people.yaml:{L+1}: duplicate key 'name' (first defined on line {L})"],
        id="duplicate-key",
    ),
    pytest.param(
        "figures", "  measure: Total social spending on research and development\n  value: 2.44\n",
        "  value: 2.44\n",
        ["data/figures.yaml:{L-1}: {I}: 'measure' is a required property"],
        id="missing-field",
    ),
    pytest.param(
        "figures", "  value: 2.44\n", "  value: 2.44 trillion\n",
        ["data/figures.yaml:{L}: {I}.value: '2.44 trillion' is not of type 'number'"],
        id="wrong-type",
    ),
    pytest.param(
        # The event that fails its schema is set aside for the other rules, but what links to it
        # (a wording step) is not reported again as pointing nowhere.
        "timeline", "  key: true\n", "  key: yes\n",
        ["data/timeline.yaml:{L}: {I}.key: 'yes' is not of type 'boolean'"],
        id="yaml-1.1-yes-stays-a-string",
    ),
    pytest.param(
        "people", "- id: gong-yi\n", "- id: wang-peng\n",
        ["data/people.yaml:{L}: {I}.id: duplicate id 'wang-peng' (first used on line {FIRST})"],
        id="duplicate-id",
    ),
    pytest.param(
        "figures", "    - source: prnewswire-2024-02-06-xi-new-productive-forces\n",
        "    - source: xinhua-2024-02-01-missing\n",
        ["data/figures.yaml:{L}: {I}.evidence.0.source: unknown source id 'xinhua-2024-02-01-missing'"],
        id="unknown-source",
    ),
    pytest.param(
        "glossary", "      quote: Unlike traditional productive forces that are primarily driven by labor and land\n",
        "      quote: Unlike traditional productive forces that are mainly driven by labour and land\n",
        ["data/glossary.yaml:{L}: {I}.evidence.0.quote: not found in the source: the first 46 characters match, then the"
         " quote has 'mainly driven by labour and la' where the source has 'primarily driven by labor and '"],
        id="quote-not-verbatim",
    ),
    pytest.param(
        "glossary", "  related: [new-quality-productive-forces, relations-of-production, workers, means-of-labour, subjects-of-labour]\n",
        "  related: [new-quality-productive-forces, relations-of-production, labourers]\n",
        ["data/glossary.yaml:{L}: {I}.related.2: unknown glossary id 'labourers'"],
        id="unknown-related-term",
    ),
    pytest.param(
        "glossary", "  related: [productive-forces, new-quality-productive-forces]\n",
        "  related: [productive-forces, relations-of-production]\n",
        ["data/glossary.yaml:{L}: {I}.related: an entry cannot refer to itself"],
        id="self-related-term",
    ),
    pytest.param(
        "timeline", "  people: [wang-dongwei]\n", "  people: [wang-dong-wei]\n",
        ["data/timeline.yaml:{L}: {I}.people.0: unknown people id 'wang-dong-wei'"],
        id="unknown-person",
    ),
    pytest.param(
        "timeline", "  place: {name: Heilongjiang Province, province: heilongjiang}\n",
        "  place: {name: Heilongjiang Province, province: harbin}\n",
        ["data/timeline.yaml:{L}: {I}.place.province: unknown provinces id 'harbin'"],
        id="unknown-province",
    ),
    pytest.param(
        "timeline", '  date: "2024-02-01"\n  precision: day\n  title: Finance', '  date: "2024-02-30"\n  precision: day\n  title: Finance',
        ["data/timeline.yaml:{L}: {I}.date: 2024-02-30 is not a real date"],
        id="impossible-date",
    ),
    pytest.param(
        "timeline", '  date: "2023-11"\n  precision: month\n', '  date: "2023-11"\n  precision: day\n',
        ["data/timeline.yaml:{L+1}: {I}.precision: is 'day' but the date 2023-11 has month precision"],
        id="precision-disagrees",
    ),
    pytest.param(
        "timeline", '  date: "2023-11"\n  precision: month\n  title: Politburo study session',
        '  date: "2023-11-30"\n  precision: day\n  title: Politburo study session',
        [],
        id="a-more-precise-date-keeps-its-id",
    ),
    pytest.param(
        "timeline", '  date: "2023-11"\n', '  date: "2023-12"\n',
        ["data/timeline.yaml:{L-1}: {I}.id: must start with the event's date (2023-12-...) or a less precise form of it"],
        id="id-does-not-start-with-date",
    ),
    pytest.param(
        "timeline", '  date: "2024-03-11"\n  precision: day\n  title: 2024 budget', '  date: "2024-03-01"\n  precision: day\n  title: 2024 budget',
        ["data/timeline.yaml:{L-1}: {I}.id: must start with the event's date (2024-03-01-...) or a less precise form of it",
         "data/timeline.yaml:{L}: {I}.date: 2024-03-01 is out of order: the timeline runs oldest first, and the event before is on 2024-03-07"],
        id="out-of-order",
    ),
    pytest.param(
        "timeline", "  title: MIIT and six other departments issue a guideline on future industries\n",
        "  title: MIIT and six other departments issue a guideline on future industries\n  end: \"2023-12-01\"\n",
        ["data/timeline.yaml:{L+1}: {I}.end: 2023-12-01 is not after the start date 2024-01"],
        id="end-before-start",
    ),
    pytest.param(
        "timeline", "  category: study-session\n  place: {name: Beijing, province: beijing}\n  people: [xi-jinping]\n  key: true\n",
        "  category: study-session\n  place: {name: Beijing, province: beijing}\n  people: [xi-jinping]\n",
        ["data/timeline.yaml:{ROOT}: 4 events are marked key: true; the home page shows exactly 5"],
        id="five-key-events",
    ),
    pytest.param(
        "glossary", "  pinyin: shēngchǎn guānxì\n", "  pinyin: shēngchǎn guānxi\n",
        ["data/glossary.yaml:{L}: {I}.pinyin: 'shēngchǎn guānxi' does not match 生产关系 (dictionary reading: shēng chǎn guān xì);"
         " fix it, or add it to data/pinyin-allow.yaml with the reason"],
        id="pinyin-mismatch",
    ),
    pytest.param(
        "provinces", "- id: hebei\n  code: CN-HE\n", "- id: hebei\n  code: CN-HK\n",
        ["data/provinces.yaml:{ROOT}: CN-HE (Hebei Sheng) is missing; list all 31 divisions, even those the sources never mention",
         "data/provinces.yaml:{L+1}: 2.code: CN-HK is not a mainland ISO 3166-2:CN division"],
        id="province-outside-the-31",
    ),
    pytest.param(
        "concept", "  - name: new quality productive capacity\n", "  - name: new quality productive capabilities\n",
        ["data/concept.yaml:{L+3}: names.4.evidence.0.quote: does not contain the name 'new quality productive capabilities'"],
        id="name-not-in-its-quote",
    ),
    pytest.param(
        "people", "    - name: Pan Jiafeng\n", "    - name: Pan Jiaofeng\n",
        ["data/people.yaml:{L}: {I}.printed_as.0.name: 'Pan Jiaofeng' is not printed in chinadaily-2024-03-25-two-sessions-catchphrase"],
        id="printed-name-not-printed",
    ),
    pytest.param(
        "figures", "  value: 3.08\n", "  value: 3.8\n",
        ["data/figures.yaml:{L}: {I}.value: 3.8 does not appear in the figure's quotes"],
        id="figure-value-not-in-quote",
    ),
    pytest.param(
        "timeline", '      chosen: "2024-01-31"\n', '      chosen: "2024-01-30"\n',
        ["data/timeline.yaml:{L}: {I}.conflicts.0.chosen: '2024-01-30' is not one of the readings ['2024-01-31', '2024-01', '2024-02']"],
        id="conflict-choice-not-a-reading",
    ),
    pytest.param(
        "people", "        Says Suzhou should lead in new quality productive forces,",
        "        Said the city has the foundation, the condition, and the responsibility to take a lead,",
        ["data/people.yaml:{L-1}: {I}.points.0.summary: copies the source word for word ('said the city has the foundation the"
         " condition and the'); write it in your own words and quote the source in evidence"],
        id="summary-copied-from-source",
    ),
]


@pytest.mark.parametrize("name, old, new, expected", CASES)
def test_bad_data_is_reported_exactly(project, name, old, new, expected):
    text = (DATA / f"{name}.yaml").read_text("utf-8")
    first = text[: text.index("- id: wang-peng")].count("\n") + 1 if name == "people" else 0
    root = text[: text.index("\n- id:")].count("\n") + 2 if "\n- id:" in text else 1
    line, index = edit(project, name, old, new)
    lines = {"L": line, "L+1": line + 1, "L+3": line + 3, "L-1": line - 1, "FIRST": first, "ROOT": root, "I": index}
    # A file that can no longer be read (or checked) hides the citations in it, so the references it
    # alone cites are then reported as uncited; that follows from the edit and is not what a case tests.
    found = [p for p in problems(project) if not p.endswith("no fact cites this reference; cite it or remove it")]
    assert found == [e.format(**lines) for e in expected]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "data/glossary.yaml:1: file is empty"),
        (b"\xef\xbb\xbf- id: x\n", "data/glossary.yaml:1: starts with a UTF-8 byte-order mark (BOM); save the file as UTF-8 without BOM"),
        (b"- id: x\r\n", "data/glossary.yaml:1: Windows (CRLF) line ending; convert the file to LF line ends"),
        (b"- id: x\n  term: \xff\n", "data/glossary.yaml:2: invalid UTF-8: byte 0xff at column 9"),
        (b"x" * 20_000_001, "data/glossary.yaml:1: file is 20.0 MB, over the 20 MB limit"),
    ],
    ids=["empty", "bom", "crlf", "invalid-utf8", "too-large"],
)
def test_unreadable_data_file(project, data, message):
    (project / "data" / "glossary.yaml").write_bytes(data)
    found = problems(project)
    assert message in found
    # The other files are still checked: a glossary reference from elsewhere now dangles, nothing crashes.
    assert all("Traceback" not in p for p in found)


def test_dates_and_yes_no_stay_strings(project):
    edit(project, "timeline", '  date: "2023-11"\n', "  date: 2023-11\n")
    assert problems(project) == []
    edit(project, "timeline", "  date: \"2024-01-31\"\n", "  date: 2024-01-31\n")
    assert problems(project) == []


def test_a_rule_that_fails_inside_is_reported_or_with_debug_raised(monkeypatch):
    """Bad data never ends in a traceback; ``validate --debug`` re-raises so the rule can be fixed."""
    from nqpf import checks

    def broken(curated):
        raise ZeroDivisionError("a bug in a rule")

    monkeypatch.setattr(checks, "CHECKS", [broken])
    curated = load_curated(DATA)
    assert [str(p) for p in checks.run_checks(curated)] == [
        "data: internal error in broken: ZeroDivisionError: a bug in a rule; please report it"]
    with pytest.raises(ZeroDivisionError, match="a bug in a rule"):
        checks.run_checks(curated, debug=True)


def test_the_about_page_lists_every_rule_from_the_registry_of_rules():
    from nqpf.checks import RULES
    from nqpf.web.pages import _rules

    assert len(_rules()) == len(RULES) and all(rule.__doc__ for rule in RULES)
