"""The indicators' rules, fed bad data: a value needs its series' unit, a period and evidence; a
period is at its series' frequency; a period holds one value or a preliminary and a final one; a
target names the plan it comes from. Each case edits a copy of the fixture and expects the exact
``file:line: path: message``."""

from __future__ import annotations

import pytest

from test_validate_references import problems, project  # noqa: F401  (the fixture)

CASES = [
    pytest.param("indicators", "  unit: trillion yuan\n", "",
                 ["data/indicators.yaml:{L-2}: 0: 'unit' is a required property"], id="series-without-a-unit"),
    pytest.param("indicators", '    - period: "2024"\n      value: 3.6\n', "    - value: 3.6\n",
                 ["data/indicators.yaml:{L}: 0.values.2: 'period' is a required property"], id="value-without-a-period"),
    pytest.param("indicators", """      value: 3.6
      evidence:
        - source: fixture-gazette-2026-03-12-plan
          locator: the table at the end of the page
""", "      value: 3.6\n",
                 ["data/indicators.yaml:{L-1}: 0.values.2: 'evidence' is a required property"], id="value-without-evidence"),
    pytest.param("indicators", '    - period: "2024"\n', '    - period: "2024-03"\n',
                 ["data/indicators.yaml:{L}: 0.values.2.period: '2024-03' is not a year, YYYY, the frequency of this series "
                  "(year): a value of another period belongs to a series of its own, or in its note"], id="period-off-frequency"),
    pytest.param("indicators", '      period: "2021/2025"\n', '      period: "2025/2021"\n',
                 ["data/indicators.yaml:{L}: 0.targets.0.period: '2025/2021' is not a year, YYYY, nor a span of two of them "
                  "(start/end)"], id="target-span-backwards"),
    pytest.param("indicators", "      bound: at-least\n      revision: final\n", "      bound: at-least\n      revision: preliminary\n",
                 ["data/indicators.yaml:{L-2}: 0.values.1: a second value for 2022 (the first is value 0): mark one revision: "
                  "preliminary and the other revision: final, or keep one"], id="two-values-same-period"),
    pytest.param("indicators", "    - plan: The made-up five-year plan\n      period:", "    - period:",
                 ["data/indicators.yaml:{L}: 0.targets.0: 'plan' is a required property"], id="target-without-its-plan"),
    pytest.param("indicators", "      division: guangdong\n", "      division: atlantis\n",
                 ["data/indicators.yaml:{L}: 1.values.0.division: unknown provinces id 'atlantis'"], id="unknown-division"),
    pytest.param("indices", "  leaders: [beijing]\n", "  leaders: [atlantis]\n",
                 ["data/indices.yaml:{L}: 0.leaders.0: unknown provinces id 'atlantis'"], id="index-leader-not-a-division"),
]


@pytest.mark.parametrize("name, old, new, expected", CASES)
def test_each_mistake_is_reported_exactly(project, name, old, new, expected):  # noqa: F811
    found, line = problems(project, name, old, new)
    offsets = {"L": line, "L-1": line - 1, "L-2": line - 2, "L-3": line - 3}
    assert found == [e.format(**offsets) for e in expected]
