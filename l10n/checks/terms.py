"""Glossary: each glossary term of the source has its target form in the translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..terms.match import find_terms, target_form, target_present
from .base import Unit, check


def closest_form(expected: str, text: str) -> str | None:
    """The words of ``text`` that look most like ``expected`` (for the message), or None."""
    from rapidfuzz import fuzz

    found = fuzz.partial_ratio_alignment(expected.casefold(), text.casefold())
    # Two letters of a three-letter acronym are a chance match ("ШОС" ~ "голос"), no hint.
    if found is None or found.score < (80 if len(expected) <= 3 else 60):
        return None
    start, end = found.dest_start, found.dest_end
    if not re.search(r"[\u3400-\u9fff]", expected):
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
    return text[start:end].strip() or None


@check("glossary", "error")
def glossary(unit: Unit) -> Iterator[str]:
    """Each glossary term in the source has its glossary form (inflected; | alternatives count)."""
    seen: set[str] = set()
    for match in find_terms(unit.source, unit.glossary):
        term = match.term
        expected = target_form(term, unit.language)
        if expected is None or term.term in seen:
            continue
        seen.add(term.term)
        if target_present(term, unit.language, unit.target, unit.forms) is not None:
            continue
        found = closest_form(expected, unit.target)
        what = f'found "{found}"' if found else "not found"
        yield f'"{match.matched}" should be translated "{expected}" — {what}'
