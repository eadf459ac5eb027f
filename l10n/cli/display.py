"""How the commands show things on a terminal: the run's summary table, a progress bar."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from .options import table


def run_table(report: Any) -> str:
    """The per-language summary table of ``l10n run``."""
    head = (
        "language",
        "human",
        "machine",
        "suggested",
        "memory",
        "fuzzy-match",
        "new MT",
        "2nd pass",
        "masked 1st",
        "empty",
        "obsolete",
        "unchanged",
    )
    rows = [head] + [
        (
            s.language,
            s.kept_human,
            s.kept_machine,
            s.kept_fuzzy,
            s.reused_tm,
            s.fuzzy_matched,
            s.translated,
            s.second_pass,
            s.masked_first,
            s.untranslated,
            s.obsoleted,
            s.unchanged,
        )
        for s in report.languages
    ]
    return table(rows)


class ProgressBar:
    """A Click progress bar on a terminal, nothing otherwise; yields a callback or None."""

    def __enter__(self) -> Callable[[str, int, int], None] | None:
        self._bar: Any = None
        if not sys.stderr.isatty():
            return None
        return self._update

    def _update(self, code: str, done: int, total: int) -> None:
        label = f"translating {code}"
        if self._bar is not None and self._bar.label != label:
            self._close()
        if self._bar is None:
            self._bar = click.progressbar(length=total, label=label, file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(done - self._bar.pos)

    def _close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None

    def __exit__(self, *exc: object) -> None:
        self._close()
