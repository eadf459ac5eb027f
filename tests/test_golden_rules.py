"""The English Golden Rules (pySBD's published sentence-boundary cases) against split_sentences.

Data: tests/data/golden-rules-en.json (MIT, see golden-rules-en.LICENSE). ``known_hard``
marks the cases pySBD itself fails; our fix-up layer is meant to pass them too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from l10n.article.segment import split_sentences

DATA = Path(__file__).parent / "data" / "golden-rules-en.json"


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))["cases"]
    return cases


def test_golden_rules_data_is_complete() -> None:
    assert len(_cases()) == 48


def test_golden_rules() -> None:
    failures: list[str] = []
    hard_failures: list[str] = []
    for number, case in enumerate(_cases()):
        got = [sentence for sentence, _ in split_sentences(case["text"])]
        if got != case["expected"]:
            line = f"#{number} {case['text']!r}: got {got!r}, want {case['expected']!r}"
            failures.append(line)
            if not case.get("known_hard"):
                hard_failures.append(line)
    passed = len(_cases()) - len(failures)
    report = "\n".join(failures)
    assert not hard_failures, f"cases pySBD passes now fail:\n{report}"
    assert passed >= 47, f"{passed}/48 Golden Rules pass; failing:\n{report}"
    assert passed == 48, f"{passed}/48 Golden Rules pass (the goal is 48); failing:\n{report}"


def test_golden_rules_round_trip() -> None:
    for case in _cases():
        pairs = split_sentences(case["text"])
        assert "".join(sentence + sep for sentence, sep in pairs) == case["text"]
