"""The review report's model: every article × language, segment by segment (pure).

``build_page`` turns one article and its catalog into a :class:`Page` of rows (source,
translation, state, glossary terms, QA findings, previous msgid); ``report_data`` is the
JSON twin of a list of pages. HTML is made by :mod:`l10n.publish.report_html`.

States (each segment is in exactly one):

- ``reviewed``: a msgstr without the fuzzy flag — a human decision;
- ``machine``: fuzzy machine output (a ``#. machine translation:`` comment, no ``#|``);
- ``suggestion``: any other fuzzy msgstr (translation memory, a fuzzy match of an older
  sentence, a translator's unfinished edit);
- ``empty``: no msgstr.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..checks import run_checks
from ..model import Article, Catalog, Entry, Glossary, Issue, Language, Segment
from ..po.entries import is_machine, provenance
from ..po.stats import count_words
from ..terms.match import find_terms, target_form

State = Literal["reviewed", "machine", "suggestion", "empty"]
STATES: tuple[State, ...] = ("reviewed", "machine", "suggestion", "empty")
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Row:
    """One distinct translatable segment of an article, as the report shows it."""

    number: int
    source: str
    translation: str
    state: State
    kind: str
    source_line: int
    po_line: int | None = None
    terms: tuple[tuple[str, str], ...] = ()
    """(English term, its target form, "" when the glossary has none for the language)."""
    findings: tuple[Issue, ...] = ()
    previous_msgid: str | None = None
    notes: tuple[str, ...] = ()
    """The entry's provenance comments (``machine translation: …``, suggestions)."""


@dataclass(frozen=True)
class Counts:
    """Segments or English words in each state."""

    reviewed: int = 0
    machine: int = 0
    suggestion: int = 0
    empty: int = 0

    @property
    def total(self) -> int:
        """Everything counted."""
        return self.reviewed + self.machine + self.suggestion + self.empty

    def share(self, state: State) -> float:
        """Percent of the total in ``state`` (0 when there is nothing)."""
        return 100.0 * getattr(self, state) / self.total if self.total else 0.0

    @staticmethod
    def of(rows: Sequence[Row], *, words: bool = False) -> Counts:
        """Tally ``rows`` by state, counting segments or English words."""
        tally = dict.fromkeys(STATES, 0)
        for row in rows:
            tally[row.state] += count_words(row.source) if words else 1
        return Counts(**tally)


@dataclass(frozen=True)
class Page:
    """One article in one language."""

    domain: str
    title: str
    language: Language
    catalog: str
    """The catalog's project-relative path."""
    rows: tuple[Row, ...]
    findings: tuple[Issue, ...] = ()
    """Catalog-wide findings (a wrong Language header) that belong to no row."""
    missing: bool = False
    """True when the catalog does not exist yet (every row is empty)."""

    @property
    def file_name(self) -> str:
        """The page's file in the report folder: ``<domain>.<locale>.html``."""
        return f"{self.domain}.{self.language.locale}.html"

    @property
    def segments(self) -> Counts:
        """Segments by state."""
        return Counts.of(self.rows)

    @property
    def words(self) -> Counts:
        """English words by state."""
        return Counts.of(self.rows, words=True)

    @property
    def issues(self) -> tuple[Issue, ...]:
        """Every QA finding of the page: catalog-wide ones first, then the rows'."""
        return self.findings + tuple(issue for row in self.rows for issue in row.findings)

    def severity_counts(self) -> dict[str, int]:
        """Findings by severity (``error``, ``warning``, ``info``)."""
        issues = self.issues
        return {sev: sum(1 for i in issues if i.severity == sev) for sev in SEVERITIES}


def entry_state(entry: Entry | None) -> State:
    """The report state of a catalog entry (None: no entry, so ``empty``)."""
    if entry is None or not entry.msgstr:
        return "empty"
    if not entry.fuzzy:
        return "reviewed"
    return "machine" if is_machine(entry) else "suggestion"


def _terms(source: str, glossary: Glossary, language: Language) -> tuple[tuple[str, str], ...]:
    seen: dict[str, str] = {}
    for match in find_terms(source, glossary):
        seen.setdefault(match.term.term, target_form(match.term, language) or "")
    return tuple(seen.items())


def _row(
    number: int,
    segment: Segment,
    entry: Entry | None,
    terms: tuple[tuple[str, str], ...],
    findings: tuple[Issue, ...],
) -> Row:
    return Row(
        number=number,
        source=segment.text,
        translation=entry.msgstr if entry is not None else "",
        state=entry_state(entry),
        kind=segment.kind,
        source_line=segment.line,
        po_line=entry.line if entry is not None else None,
        terms=terms,
        findings=findings,
        previous_msgid=entry.previous_msgid if entry is not None else None,
        notes=tuple(provenance(entry.extracted_comments)) if entry is not None else (),
    )


def build_page(
    article: Article,
    catalog: Catalog | None,
    language: Language,
    glossary: Glossary,
    *,
    catalog_path: str,
) -> Page:
    """The report page of ``article`` in ``language``; ``catalog`` None when there is none yet."""
    issues = (
        run_checks(catalog, path=catalog_path, language=language, glossary=glossary)
        if catalog is not None
        else []
    )
    by_line: dict[int | None, list[Issue]] = {}
    for issue in issues:
        by_line.setdefault(issue.line, []).append(issue)
    rows: list[Row] = []
    seen: set[str] = set()
    for segment in article.segments:
        if not segment.translatable or segment.text in seen:
            continue
        seen.add(segment.text)
        entry = catalog.find(segment.text) if catalog is not None else None
        found = by_line.get(entry.line, []) if entry is not None and entry.line else []
        terms = _terms(segment.text, glossary, language)
        rows.append(_row(len(rows) + 1, segment, entry, terms, tuple(found)))
    titles = [s.text for s in article.segments if s.kind == "title"]
    return Page(
        domain=article.document.domain,
        title=titles[0] if titles else article.document.domain,
        language=language,
        catalog=catalog_path,
        rows=tuple(rows),
        findings=tuple(by_line.get(None, [])),
        missing=catalog is None,
    )


def _counts(counts: Counts) -> dict[str, int]:
    return {state: getattr(counts, state) for state in STATES} | {"total": counts.total}


def _issue(issue: Issue) -> dict[str, Any]:
    return {
        "check": issue.check,
        "severity": issue.severity,
        "line": issue.line,
        "message": issue.message,
    }


def page_data(page: Page, *, rows: bool = True) -> dict[str, Any]:
    """One page as JSON-ready data (``rows=False``: the summary only)."""
    data: dict[str, Any] = {
        "article": page.domain,
        "title": page.title,
        "language": page.language.code,
        "locale": page.language.locale,
        "catalog": page.catalog,
        "missing": page.missing,
        "page": page.file_name,
        "segments": _counts(page.segments),
        "words": _counts(page.words),
        "issues": page.severity_counts(),
    }
    if rows:
        data["findings"] = [_issue(i) for i in page.findings]
        data["rows"] = [
            {
                "number": row.number,
                "source": row.source,
                "translation": row.translation,
                "state": row.state,
                "kind": row.kind,
                "source_line": row.source_line,
                "po_line": row.po_line,
                "terms": [{"term": t, "target": f} for t, f in row.terms],
                "findings": [_issue(i) for i in row.findings],
                "previous_msgid": row.previous_msgid,
                "notes": list(row.notes),
            }
            for row in page.rows
        ]
    return data


def report_data(pages: Sequence[Page], *, version: str) -> dict[str, Any]:
    """The JSON twin of the report: totals, then every page with its rows."""
    segments = [p.segments for p in pages]
    words = [p.words for p in pages]
    return {
        "tool": f"l10n {version}",
        "articles": sorted({p.domain for p in pages}),
        "languages": list(dict.fromkeys(p.language.code for p in pages)),
        "totals": {
            "segments": {s: sum(getattr(c, s) for c in segments) for s in STATES},
            "words": {s: sum(getattr(c, s) for c in words) for s in STATES},
            "issues": {s: sum(p.severity_counts()[s] for p in pages) for s in SEVERITIES},
        },
        "pages": [page_data(p) for p in pages],
    }
