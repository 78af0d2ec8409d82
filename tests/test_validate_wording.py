"""Every validator message is a sentence a curator can act on. Messages built from a name ("only an
reference has a outlet_kind; ... is a article") came from putting an article before a placeholder;
no message template does that now. Each rule states itself in a docstring, which the About page lists,
and its exact messages are tested in the test_validate_* files."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from nqpf.checks import RULES

CHECKS = Path(__file__).resolve().parent.parent / "scripts" / "nqpf" / "checks"
ARTICLE_BEFORE_NAME = re.compile(r"\b(a|an|A|An) \{")


def message_templates() -> list[tuple[str, int, str]]:
    """Every f-string in the checks: (file, line, its literal text with {} for each placeholder)."""
    found = []
    for path in sorted(CHECKS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
                found.append((path.name, node.lineno, text))
    return found


def test_the_checks_have_message_templates():
    assert len(message_templates()) > 20


@pytest.mark.parametrize("where, line, text", message_templates(), ids=lambda v: str(v)[:40])
def test_no_message_puts_an_article_before_a_name(where, line, text):
    assert not ARTICLE_BEFORE_NAME.search(text), f"{where}:{line}: {text!r} (a/an cannot agree with a name that varies)"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_every_rule_states_itself_in_a_sentence(rule):
    doc = " ".join((rule.__doc__ or "").split())
    assert len(doc) > 30 and doc.endswith("."), rule.__name__
