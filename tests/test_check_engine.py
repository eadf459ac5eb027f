"""`l10n check` on what the real engine wrote: the random test model's output is caught."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from l10n.cli import cli

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "source" / "china-central-asia-article.txt"


@pytest.fixture
def project(new_project: Callable[[str], Path], installed_models: object) -> Path:
    return new_project('[tool.l10n]\nlanguages = ["ru", "zh"]\n')


def test_check_reports_the_test_models_output(project: Path) -> None:
    assert CliRunner().invoke(cli, ["run"]).exit_code == 0
    result = CliRunner().invoke(cli, ["check", "--json"])
    assert result.exit_code == 3  # the quality gate (--fail-on error) failed
    issues = [json.loads(line) for line in result.stdout.splitlines()]
    by_language = {
        lang: {i["check"] for i in issues if i["language"] == lang} for lang in ("ru", "zh")
    }
    # Random weights produce Latin-script gibberish without the article's names or numbers.
    for found in by_language.values():
        assert {"glossary", "untranslated", "numbers"} <= found
    catalog = polib.pofile(str(project / "locales/ru/LC_MESSAGES/china-central-asia-article.po"))
    lines = {entry.linenum: entry for entry in catalog}
    for issue in issues:
        if issue["language"] == "ru" and issue["line"] is not None:
            assert issue["line"] in lines  # points at the entry's msgid line
    numbers = [i for i in issues if i["check"] == "numbers" and i["language"] == "ru"]
    assert any("423,2" in i["message"] for i in numbers)
