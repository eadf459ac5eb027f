"""QA checks: a registry of small named checks run on every translated catalog entry.

Each check has an id, a severity (``error``, ``warning``, ``info``) and a one-line docstring
that is its user documentation (``l10n check --list``). ``run_checks`` collects every issue
of every entry; it never stops at the first.
"""

from __future__ import annotations

from dataclasses import replace

from ..article import inline
from ..errors import LanguageError
from ..languages import resolve
from ..model import Catalog, Entry, Glossary, Issue, Language
from ..terms.match import TermForms
from .base import Check, Unit
from .markup import markup
from .newlines import newlines
from .numbers import extra_numbers, numbers
from .terms import glossary
from .text import (
    brackets,
    end_punctuation,
    length_ratio,
    quotes,
    repeated_words,
    spaces,
    untranslated,
    urls,
)

__all__ = ["CHECKS", "Check", "Unit", "check_entry", "list_checks", "run_checks"]

CHECKS: tuple[Check, ...] = (
    glossary,
    markup,
    numbers,
    extra_numbers,
    urls,
    untranslated,
    quotes,
    brackets,
    end_punctuation,
    spaces,
    repeated_words,
    length_ratio,
    newlines,
)


def list_checks() -> tuple[Check, ...]:
    """Every check, in the order they run: ``.id``, ``.severity`` and ``.doc`` for the CLI."""
    return CHECKS


def check_entry(unit: Unit) -> list[tuple[Check, str]]:
    """Run every check on one source/translation pair: (check, message) for each problem.

    Only ``markup`` sees inline placeholders (``<1>…</1>``); the other checks read the text
    without them, so a link's placeholder is neither a number nor a bracket to them.
    """
    text_only = replace(unit, source=inline.plain(unit.source), target=inline.plain(unit.target))
    return [
        (chk, message) for chk in CHECKS for message in chk(unit if chk is markup else text_only)
    ]


def _language_issue(catalog: Catalog, path: str, language: Language) -> Issue | None:
    header = catalog.meta.get("Language", "").strip()
    if not header or _same_locale(header, language):
        return None
    message = (
        f"catalog Language header is {header!r} but it is checked as {language.locale!r}"
        " — fix the header or the --to language"
    )
    return Issue("language-header", "error", path, None, message, language.code)


def _same_locale(header: str, language: Language) -> bool:
    try:
        return resolve(header).locale == language.locale
    except LanguageError:
        return False


def _checked(entry: Entry, include_fuzzy: bool) -> bool:
    if entry.obsolete or not entry.msgid or not entry.msgstr:
        return False
    return include_fuzzy or not entry.fuzzy


def run_checks(
    catalog: Catalog,
    *,
    path: str,
    language: Language,
    glossary: Glossary,
    include_fuzzy: bool = True,
) -> list[Issue]:
    """Run every check on every non-obsolete translated entry of ``catalog``; collect all issues.

    Untranslated entries are skipped; fuzzy (machine) entries are checked unless
    ``include_fuzzy`` is false. ``path`` is the catalog path used in each ``Issue``.
    """
    issues: list[Issue] = []
    header = _language_issue(catalog, path, language)
    if header is not None:
        issues.append(header)
    forms = TermForms()
    for entry in catalog:
        if not _checked(entry, include_fuzzy):
            continue
        unit = Unit(entry.msgid, entry.msgstr, language, glossary, forms)
        for chk, message in check_entry(unit):
            issues.append(Issue(chk.id, chk.severity, path, entry.line, message, language.code))
    return issues
