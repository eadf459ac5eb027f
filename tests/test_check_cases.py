"""The table of good and defective translations per check and language (issue 15).

``tests/data/checks/cases.json``: a good case must raise no issue from any check (no false
alarm), a defective one must raise the check it names. Checked against the project glossary.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from l10n.checks import Unit, check_entry
from l10n.languages import resolve
from l10n.terms.glossary import load_glossary

REPO = Path(__file__).resolve().parents[1]
CASES: list[dict[str, Any]] = json.loads(
    (REPO / "tests" / "data" / "checks" / "cases.json").read_text(encoding="utf-8")
)["cases"]
GLOSSARY = load_glossary(REPO / "glossary.csv")


def _issues(case: dict[str, Any]) -> list[tuple[str, str]]:
    unit = Unit(case["source"], case["target"], resolve(case["language"]), GLOSSARY)
    return [(chk.id, message) for chk, message in check_entry(unit)]


@pytest.mark.parametrize("case", [c for c in CASES if c["good"]], ids=lambda c: c["id"])
def test_good_translation_raises_nothing(case: dict[str, Any]) -> None:
    assert _issues(case) == []


@pytest.mark.parametrize("case", [c for c in CASES if not c["good"]], ids=lambda c: c["id"])
def test_defect_is_caught_by_its_check(case: dict[str, Any]) -> None:
    assert case["check"] in {check_id for check_id, _ in _issues(case)}, _issues(case)


def test_table_is_balanced_and_covers_every_language() -> None:
    good = [c for c in CASES if c["good"]]
    assert len(CASES) >= 60 and abs(2 * len(good) - len(CASES)) <= 4
    for check_id in ("numbers", "quotes", "untranslated", "brackets", "glossary"):
        languages = {c["language"] for c in CASES if c["check"] == check_id}
        assert languages <= {"ru", "kk", "zh"} and len(languages) >= 2, check_id
