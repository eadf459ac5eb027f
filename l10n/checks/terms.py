"""Glossary: each glossary term of the source has its target form in the translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Language, Term
from .base import Unit, check, primary_language


def term_language(term: Term, language: Language) -> str | None:
    """The glossary column that holds ``term``'s form for ``language``, or None if it has none."""
    for key in (language.code, language.mt_code, primary_language(language), language.locale):
        if term.target(key):
            return key
    return None


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
    """Each glossary term in the source has its glossary translation (inflected forms accepted)."""
    from ..glossary import find_terms, target_present

    seen: set[str] = set()
    for match in find_terms(unit.source, unit.glossary):
        term = match.term
        key = term_language(term, unit.language)
        if key is None or term.term in seen:
            continue
        seen.add(term.term)
        if target_present(term, key, unit.target) is not None:
            continue
        expected = term.target(key) or ""
        found = closest_form(expected, unit.target)
        what = f'found "{found}"' if found else "not found"
        yield f'"{match.matched}" should be translated "{expected}" — {what}'
