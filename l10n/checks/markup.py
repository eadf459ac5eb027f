"""Markup: the inline placeholders of an HTML or Markdown text survive translation."""

from __future__ import annotations

from collections.abc import Iterator

from ..article import inline
from .base import Unit, check


@check("markup", "error")
def markup(unit: Unit) -> Iterator[str]:
    """Inline placeholders (<1>…</1>, <2/>) are all kept, once each, properly nested."""
    if not inline.has_placeholders(unit.source) and not inline.has_placeholders(unit.target):
        return
    yield from inline.problems(unit.source, unit.target)
