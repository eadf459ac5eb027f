"""The ``#. glossary:`` notes of a catalog entry, computed from what the entry holds now.

``glossary: SCO → ШОС`` names a term of the source and its form; ``glossary: missing "ШОС"
for "SCO"`` says the translation lacks it. The notes are a pure function of the source, the
current translation, the glossary and the language, so a run can re-evaluate them: a note
that a form is missing never outlives the edit that put the form in.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Glossary, Language
from .match import TermForms, find_terms, target_form, target_present

GLOSSARY_PREFIX = "glossary: "
MISSING_PREFIX = GLOSSARY_PREFIX + "missing "


def glossary_notes(
    source: str,
    target: str,
    glossary: Glossary,
    language: str | Language,
    forms: TermForms | None = None,
) -> list[str]:
    """The glossary notes for one entry: each term used (in source order), then each missing."""
    forms = forms or TermForms()
    matches = find_terms(source, glossary)
    used: list[str] = []
    missing: list[str] = []
    for match in matches:
        term = match.term
        form = target_form(term, language)
        if form is None:
            continue
        note = (
            f"{GLOSSARY_PREFIX}{term.term} (kept as is)"
            if term.keep
            else f"{GLOSSARY_PREFIX}{term.term} → {form}"
        )
        if note not in used:
            used.append(note)
        lack = f'{MISSING_PREFIX}"{form}" for "{term.term}"'
        if lack not in missing and target_present(term, language, target, forms) is None:
            missing.append(lack)
    return used + missing


def is_glossary_note(line: str) -> bool:
    """Whether a ``#.`` comment line is a glossary note."""
    return line.startswith(GLOSSARY_PREFIX)


def refresh_notes(
    lines: Sequence[str],
    source: str,
    target: str,
    glossary: Glossary,
    language: str | Language,
    forms: TermForms | None = None,
) -> list[str]:
    """``lines`` (an entry's comments) with its glossary notes recomputed for ``target``.

    The fresh notes take the place of the first old one; lines without glossary notes, or an
    entry without a translation, are returned unchanged.
    """
    if not target or not any(is_glossary_note(line) for line in lines):
        return list(lines)
    fresh = glossary_notes(source, target, glossary, language, forms)
    first = next(i for i, line in enumerate(lines) if is_glossary_note(line))
    kept = [line for line in lines if not is_glossary_note(line)]
    before = sum(1 for line in lines[:first] if not is_glossary_note(line))
    return kept[:before] + fresh + kept[before:]
