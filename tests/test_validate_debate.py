"""The debate's rules, fed bad data: topics are declared once in topics.yaml and every declared topic
is shown; a view's holder is an outlet of the registry; a reply link says where its source says so.
Each case edits a copy of the fixture and expects the exact ``file:line: path: message``."""

from __future__ import annotations

import pytest

from test_validate_references import problems, project  # noqa: F401  (the fixture)

EXTRA_TOPIC = """
- id: unshown
  question: A made-up question no view takes up?
  scope: Nothing.
  agree:
    summary: Nothing.
    evidence:
      - source: fixture-gazette-2026-03-12-plan
        locator: end of the page
  dispute:
    summary: Nothing.
    evidence:
      - source: fixture-gazette-2026-03-12-plan
        locator: end of the page
  settle:
    summary: Nothing.
    evidence:
      - source: fixture-gazette-2026-03-12-plan
        locator: end of the page
"""

SETTLE = """    summary: A count of unsold made-up goods.
    evidence:
      - source: fixture-gazette-2026-03-12-plan
        locator: the ministry's statement, end of the page
"""

CASES = [
    pytest.param("debate", "  topic: overcapacity\n", "  topic: trade-war\n",
                 ["data/debate.yaml:{L}: 0.topic: unknown topics id 'trade-war'"], id="undeclared-topic"),
    pytest.param("topics", SETTLE, SETTLE + EXTRA_TOPIC,
                 ["data/topics.yaml:{L+5}: 1.id: no view names this topic (debate.yaml), so the debate page would not "
                  "show it: give it one or remove it"], id="topic-no-view-names"),
    pytest.param("debate", "  outlet: fixture-review\n", "  outlet: fixture-nobody\n",
                 ["data/debate.yaml:{L}: 0.outlet: unknown outlets id 'fixture-nobody'"], id="holder-not-in-the-registry"),
    pytest.param("debate", "  responds_basis: The gazette names the Review's note as the one it answers.\n", "",
                 ["data/debate.yaml:{L-7}: 1: 'responds_basis' is a dependency of 'responds_to'"], id="reply-without-its-basis"),
    pytest.param("debate", "  outlet: fixture-review\n", "  outlet: fixture-review\n  holder_kind: think tank\n",
                 ["data/debate.yaml:{L+1}: 0.holder_kind: unknown field"], id="holder-kind-typed-twice"),
]


@pytest.mark.parametrize("name, old, new, expected", CASES)
def test_each_mistake_is_reported_exactly(project, name, old, new, expected):  # noqa: F811
    found, line = problems(project, name, old, new)
    assert found == [e.format(L=line, **{"L-7": line - 7, "L+5": line + 5, "L+1": line + 1, "L+2": line + 2}) for e in expected]
