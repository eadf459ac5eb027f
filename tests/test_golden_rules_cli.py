"""The 48 English Golden Rules through the CLI, as a user pastes them: ``l10n segment --json -``.

tests/test_golden_rules.py checks ``split_sentences``; this checks everything around it
too: that a one-line text with several sentences is read as a paragraph, not one title
(``Hello World. My name is Jonas.`` is two segments), and that nothing else (datelines,
credits, chrome) eats a sentence. A list item's marker (``1)``, ``a.``, ``•``) is kept
out of the msgid by design, so the expected sentence of a case that opens with one is
compared without it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from l10n.cli import cli

DATA = Path(__file__).parent / "data" / "golden-rules-en.json"
CASES: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))["cases"]
# The markers a list item may open with, as the Golden Rules write them.
_MARKER = re.compile(r"(?:[-*•]|\d{1,3}[.)]|[a-z][.)])\s+")


def _expected(case: dict[str, Any]) -> list[str]:
    sentences = list(case["expected"])
    marker = _MARKER.match(sentences[0])
    if marker is not None and case["text"].startswith(marker.group()):
        sentences[0] = sentences[0][marker.end() :]
    return sentences


def _segments(text: str) -> list[str]:
    result = CliRunner().invoke(cli, ["segment", "--json", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    return [json.loads(line)["text"] for line in result.output.splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[f"rule{n}" for n in range(len(CASES))])
def test_golden_rule_through_cli(case: dict[str, Any]) -> None:
    assert _segments(case["text"]) == _expected(case)


def test_pasted_paragraph_is_not_a_title() -> None:
    result = CliRunner().invoke(
        cli, ["segment", "--json", "-"], input=b"Hello World. My name is Jonas.\n"
    )
    kinds = [json.loads(line)["kind"] for line in result.output.splitlines()]
    assert kinds == ["paragraph", "paragraph"]
