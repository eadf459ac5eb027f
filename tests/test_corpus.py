"""The newsroom corpus: hand-written articles in real-world formats against gold files.

Each ``tests/data/corpus/<name>.txt`` has a ``<name>.gold.json`` written by hand, not by
running l10n:

- ``segments``: the translatable segments in order of first occurrence, with their kind;
- ``credits``: every credit in order, with the caption it belongs to (``null`` when the
  credit stands on a line of its own);
- ``not_segments``: texts that must never be a translatable segment (credits, datelines,
  furniture, list markers glued to their item);
- ``kept``: texts that must be shown as kept untranslated, never dropped (datelines,
  sign-offs).

The article goes through the CLI exactly as an editor would run it
(``l10n segment --json --all FILE``). ``python tests/test_corpus.py`` prints the score of
every file; the test asserts that every file scores in full.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from l10n.cli import cli

CORPUS = Path(__file__).parent / "data" / "corpus"
ARTICLES = sorted(CORPUS.glob("*.txt"))


@dataclass(frozen=True)
class Score:
    """How one article's segmentation compares with its gold file."""

    name: str
    segments_right: int
    segments_gold: int
    segments_got: int
    exact: bool
    credits_right: bool
    forbidden: tuple[str, ...]
    missing_kept: tuple[str, ...]
    diff: str

    @property
    def perfect(self) -> bool:
        """Everything as the gold file says."""
        return self.exact and self.credits_right and not self.forbidden and not self.missing_kept

    def line(self) -> str:
        """One line of the score table."""
        return (
            f"{self.name:<16} segments {self.segments_right:>2}/{self.segments_gold:<2}"
            f" (got {self.segments_got:>2}) exact={'yes' if self.exact else 'no ':<3}"
            f" credits={'yes' if self.credits_right else 'no ':<3}"
            f" forbidden={len(self.forbidden)} lost={len(self.missing_kept)}"
        )


def segment_records(path: Path) -> list[dict[str, Any]]:
    """The records ``l10n segment --json --all`` prints for ``path``."""
    result = CliRunner().invoke(cli, ["segment", "--json", "--all", str(path)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def _fate(record: dict[str, Any]) -> str:
    if "fate" in record:
        return str(record["fate"])
    if record.get("kind") == "chrome":
        return "drop"
    return "translate" if record.get("translatable") else "keep"


def _translatable(records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for record in records:
        if _fate(record) == "translate":
            seen.setdefault(record["text"], record["kind"])
    return [(kind, text) for text, kind in seen.items()]


def _credits(records: list[dict[str, Any]]) -> list[tuple[str | None, str]]:
    captions: dict[int, str] = {}
    pairs: list[tuple[str | None, str]] = []
    for record in records:
        if record.get("kind") == "caption" and _fate(record) == "translate":
            captions.setdefault(record["block"], record["text"])
        elif record.get("kind") == "credit":
            pairs.append((captions.get(record["block"]), record["text"]))
    return pairs


def score(path: Path) -> Score:
    """Score the article at ``path`` against ``<name>.gold.json``."""
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    records = segment_records(path)
    got = _translatable(records)
    want = [(item["kind"], item["text"]) for item in gold["segments"]]
    got_credits = _credits(records)
    want_credits = [(item["caption"], item["credit"]) for item in gold["credits"]]
    texts = {text for _, text in got}
    kept = {record["text"] for record in records if _fate(record) == "keep"}
    missing = [item for item in want if item not in got]
    extra = [item for item in got if item not in want]
    diff = "\n".join([*(f"  - {item}" for item in missing), *(f"  + {item}" for item in extra)])
    if got_credits != want_credits:
        diff += f"\n  credits: got {got_credits}\n  want {want_credits}"
    return Score(
        name=path.stem,
        segments_right=sum(1 for item in want if item in got),
        segments_gold=len(want),
        segments_got=len(got),
        exact=got == want,
        credits_right=got_credits == want_credits,
        forbidden=tuple(text for text in gold["not_segments"] if text in texts),
        missing_kept=tuple(text for text in gold["kept"] if text not in kept),
        diff=diff,
    )


def test_corpus_is_big_enough() -> None:
    assert len(ARTICLES) >= 12
    for path in ARTICLES:
        assert path.with_suffix(".gold.json").is_file(), path.name
        assert 15 <= len(path.read_text(encoding="utf-8").splitlines()) <= 40, path.name


@pytest.mark.parametrize("path", ARTICLES, ids=[path.stem for path in ARTICLES])
def test_article_matches_gold(path: Path) -> None:
    result = score(path)
    print(result.line())
    assert result.perfect, (
        f"{result.line()}\n{result.diff}\n  forbidden: {result.forbidden}"
        f"\n  not kept: {result.missing_kept}"
    )


def main() -> int:
    """Print the score table of the corpus (``python tests/test_corpus.py [-v]``)."""
    scores = [score(path) for path in ARTICLES]
    for result in scores:
        print(result.line())
        if "-v" in sys.argv and not result.perfect:
            print(result.diff)
            print(f"  forbidden: {result.forbidden}\n  not kept: {result.missing_kept}")
    right = sum(result.segments_right for result in scores)
    total = sum(result.segments_gold for result in scores)
    perfect = sum(result.perfect for result in scores)
    print(f"total: segments {right}/{total}, files perfect {perfect}/{len(scores)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
