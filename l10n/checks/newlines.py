"""The check that GNU ``msgfmt`` makes fatal: leading and trailing newlines must agree."""

from __future__ import annotations

from collections.abc import Iterator

from ..po.entries import newline_mismatch
from .base import Unit, check


@check("newlines", "error")
def newlines(unit: Unit) -> Iterator[str]:
    """Source and translation both start (and both end) with a line break, or neither does."""
    problem = newline_mismatch(unit.source, unit.target)
    if problem:
        yield f"{problem} — msgfmt refuses this; add or remove the line break"
