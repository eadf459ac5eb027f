"""The Python API after ``run``: ``status``, ``check``, ``export``, ``report`` and the TMX
exchange.

Each function takes ``Settings`` explicitly, reads the catalogs ``run`` wrote, and returns
a frozen report for the CLI to format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import __version__
from .checks import Check, list_checks, run_checks
from .errors import CatalogError
from .model import Article, Catalog, Issue, Language
from .po.io import read_catalog
from .po.stats import Progress, catalog_progress
from .project.config import Settings
from .project.inputs import (
    languages_of,
    load_articles,
    load_project_glossary,
    open_memory,
    segment_file,
)
from .project.manifest import Manifest, file_digest
from .project.paths import catalog_path, display_path
from .publish.export import write_exports, write_source_page
from .publish.report import Page, build_page, report_data
from .publish.report_html import write_report


@dataclass(frozen=True)
class LanguageStatus:
    """Review progress of one language over its catalogs (or of one article's catalog)."""

    language: str
    catalogs: tuple[Path, ...]
    translated: int
    fuzzy: int
    untranslated: int
    words_translated: int
    words_total: int
    article: str = ""
    """The article's domain when this is one article's progress; empty for a language."""
    articles: tuple[LanguageStatus, ...] = ()
    """For a language: the progress of each of its articles."""

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        """Reviewed (translated, not fuzzy) segments in percent; 100 when there is nothing."""
        return 100.0 if self.total == 0 else 100.0 * self.translated / self.total


@dataclass(frozen=True)
class StatusReport:
    """Progress per language (each with its articles); articles skipped, files not read."""

    languages: tuple[LanguageStatus, ...]
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()

    def below(self, fail_under: float) -> list[LanguageStatus]:
        """Every article, in every language, with fewer than ``fail_under`` % reviewed."""
        return [a for s in self.languages for a in s.articles if a.percent < fail_under]


@dataclass(frozen=True)
class CheckReport:
    """QA issues of the catalogs checked; articles skipped, files not read."""

    issues: tuple[Issue, ...]
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportReport:
    """Files written by ``export``, articles refused by the policy, articles skipped."""

    written: tuple[Path, ...]
    refused: tuple[str, ...] = field(default_factory=tuple)
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Loaded:
    """The catalogs of the articles of one command, read: ``(language, article, catalog)``."""

    catalogs: tuple[tuple[Language, Article, Path, Catalog], ...]
    """The catalogs, read (empty when the command asked for their progress only)."""
    warnings: tuple[str, ...]
    errors: tuple[str, ...]
    progress: tuple[tuple[Language, Article, Path, Progress], ...] = ()
    """Every catalog's review progress, in the order they were read."""


def _load(
    settings: Settings,
    languages: Sequence[str],
    files: Sequence[Path],
    *,
    segment: bool = True,
    keep: bool = True,
) -> _Loaded:
    """Read every catalog of every article and language before anything is written
    (``segment=False``: the articles are read but not cut into sentences; ``keep=False``:
    only each catalog's progress is kept, so memory stays flat however many there are).

    A missing or broken catalog stops that article in that language (reported in
    ``errors``); when a language has no catalog that can be read, its first error is raised.
    """
    langs = languages_of(settings, languages)
    articles = load_articles(settings, files, segment=segment)
    manifest = Manifest.load(settings.root)
    found: list[tuple[Language, Article, Path, Catalog]] = []
    progress: list[tuple[Language, Article, Path, Progress]] = []
    errors = list(articles.errors)
    for lang in langs:
        failures: list[CatalogError] = []
        for article in articles.articles:
            path = catalog_path(settings, lang, article.document.domain)
            known = None if keep else _known_progress(settings, manifest, article, lang, path)
            if known is not None:
                progress.append((lang, article, path, known))
                continue
            try:
                catalog = _read(path, settings.root)
            except CatalogError as err:
                failures.append(err)
                continue
            progress.append((lang, article, path, catalog_progress(catalog)))
            if keep:
                found.append((lang, article, path, catalog))
        if failures and len(failures) == len(articles.articles):
            raise failures[0]
        errors.extend(f"{err} (article skipped in {lang.code})" for err in failures)
    return _Loaded(tuple(found), articles.warnings, tuple(errors), tuple(progress))


def _known_progress(
    settings: Settings, manifest: Manifest, article: Article, lang: Language, path: Path
) -> Progress | None:
    """The progress the last run recorded for a catalog that is still what it wrote (its
    content hash says so: nobody saved it since), without reading it."""
    record = manifest.articles.get(display_path(article.document.path, settings.root))
    done = record.languages.get(lang.locale) if record is not None else None
    if done is None or not done.progress or file_digest(path) != done.catalog:
        return None
    return Progress(*done.progress)


def _read(path: Path, root: Path) -> Catalog:
    catalog = read_catalog(path) if path.exists() else None
    if catalog is None:
        raise CatalogError("no catalog yet — run `l10n run` first", path=display_path(path, root))
    return catalog


def _summary(
    lang: Language, paths: Sequence[Path], totals: Sequence[Progress], article: str = ""
) -> LanguageStatus:
    """Progress of one language from its catalogs' progress."""
    return LanguageStatus(
        language=lang.code,
        catalogs=tuple(paths),
        translated=sum(p.translated for p in totals),
        fuzzy=sum(p.fuzzy for p in totals),
        untranslated=sum(p.untranslated for p in totals),
        words_translated=sum(p.words_translated for p in totals),
        words_total=sum(p.words_total for p in totals),
        article=article,
    )


def _language_status(lang: Language, loaded: _Loaded) -> LanguageStatus:
    mine = [(a, p, c) for lang_, a, p, c in loaded.progress if lang_ == lang]
    total = _summary(lang, [p for _, p, _ in mine], [c for _, _, c in mine])
    per_article = tuple(_summary(lang, [p], [c], a.document.domain) for a, p, c in mine)
    return replace(total, articles=per_article)


def status(
    settings: Settings, *, languages: Sequence[str] = (), files: Sequence[Path] = ()
) -> StatusReport:
    """Per-language review progress of the articles' catalogs, with each article's."""
    loaded = _load(settings, languages, files, segment=False, keep=False)
    langs = list(dict.fromkeys(lang for lang, *_ in loaded.progress))
    report = tuple(_language_status(lang, loaded) for lang in langs)
    return StatusReport(report, loaded.warnings, loaded.errors)


def check_list() -> tuple[Check, ...]:
    """The registered QA checks (``.id``, ``.severity``, ``.doc``)."""
    return list_checks()


def check(
    settings: Settings, *, languages: Sequence[str] = (), files: Sequence[Path] = ()
) -> CheckReport:
    """Run every QA check on the articles' catalogs of the given languages; collect all."""
    loaded = _load(settings, languages, files, segment=False)
    glossary = load_project_glossary(settings)
    issues: list[Issue] = []
    for lang, _, path, catalog in loaded.catalogs:
        where = display_path(path, settings.root)
        issues.extend(run_checks(catalog, path=where, language=lang, glossary=glossary))
    return CheckReport(tuple(issues), loaded.warnings, loaded.errors)


def _gate(
    loaded: _Loaded, fail_under: float | None
) -> tuple[list[tuple[Language, Article, Path]], list[str]]:
    """The (language, article, catalog path) ``--fail-under`` lets through, and refusals."""
    accepted: list[tuple[Language, Article, Path]] = []
    refused: list[str] = []
    for lang, article, path, progress in loaded.progress:
        state = _summary(lang, [path], [progress], article.document.domain)
        if fail_under is not None and state.percent < fail_under:
            refused.append(
                f"{lang.code}: {state.article}: only {state.percent:.1f}% of the segments are"
                f" reviewed, --fail-under needs {fail_under:g}% — review the fuzzy and"
                " untranslated entries or lower --fail-under"
            )
        else:
            accepted.append((lang, article, path))
    return accepted, refused


def export(
    settings: Settings,
    *,
    languages: Sequence[str] = (),
    files: Sequence[Path] = (),
    formats: Sequence[str] = ("txt", "md", "html", "mo"),
    out: Path,
    include_fuzzy: bool = False,
    fail_under: float | None = None,
) -> ExportReport:
    """Write the localized articles; an article under ``fail_under`` % reviewed in a
    language is refused in that language, the others are written.

    Every catalog is read (and measured against ``fail_under``) before the first file is
    written, so a broken catalog leaves no export half-made; then each article is
    segmented, its catalogs read again and its files written, one article at a time, so
    that memory stays flat however many articles there are.
    """
    loaded = _load(settings, languages, files, segment=False, keep=False)
    accepted, refused = _gate(loaded, fail_under)
    versions: dict[str, list[Language]] = {}
    by_article: dict[str, list[tuple[Language, Path]]] = {}
    sources: dict[str, Article] = {}
    for lang, article, path in accepted:
        versions.setdefault(article.document.domain, []).append(lang)
        by_article.setdefault(article.document.domain, []).append((lang, path))
        sources.setdefault(article.document.domain, article)
    written: list[Path] = []
    for domain, targets in by_article.items():
        article = _segmented(settings, sources[domain])
        for lang, path in targets:
            written.extend(
                write_exports(
                    article.document,
                    _read(path, settings.root),
                    lang,
                    out,
                    formats=formats,
                    include_fuzzy=include_fuzzy,
                    languages=versions[domain],
                    base_url=settings.base_url,
                    pieces=article.pieces,
                )
            )
        if "html" in formats:
            written.append(
                write_source_page(
                    article.document,
                    out,
                    languages=versions[domain],
                    base_url=settings.base_url,
                    pieces=article.pieces,
                )
            )
    return ExportReport(tuple(written), tuple(refused), loaded.warnings, loaded.errors)


def _segmented(settings: Settings, article: Article) -> Article:
    """``article`` read again and segmented (the survey read it without its sentences)."""
    return segment_file(article.document.path, root=settings.root, source=settings.source)


def tm_export(settings: Settings, path: Path, *, languages: Sequence[str] = ()) -> int:
    """Write the approved translations of ``languages`` to a TMX file; return the unit count."""
    langs = languages_of(settings, languages)
    memory = open_memory(settings, langs)
    count: int = memory.export_tmx(path, [lang.locale for lang in langs], version=__version__)
    return count


def tm_export_text(settings: Settings, *, languages: Sequence[str] = ()) -> tuple[str, int]:
    """The approved translations of ``languages`` as TMX text (for standard output), and
    the unit count."""
    from .memory.tmx import tmx_text

    langs = languages_of(settings, languages)
    rows = open_memory(settings, langs).units([lang.locale for lang in langs])
    return tmx_text(rows, version=__version__), len(rows)


def tm_import(settings: Settings, path: Path, data: bytes | None = None) -> int:
    """Add the units of a TMX file (or of ``data`` read from standard input) to the
    translation memory; return how many."""
    count: int = open_memory(settings).import_tmx(path, data)
    return count


@dataclass(frozen=True)
class ReportResult:
    """The review report: one page per article and language, and the files written."""

    pages: tuple[Page, ...]
    written: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = ()
    """Files of the source folder that are not articles: not read."""
    errors: tuple[str, ...] = ()
    """Articles that could not be read (not in the report), and broken catalogs."""

    def data(self) -> dict[str, Any]:
        """The JSON twin of the report (what ``report.json`` holds)."""
        return report_data(self.pages, version=__version__)


def report(
    settings: Settings,
    *,
    languages: Sequence[str] = (),
    files: Sequence[Path] = (),
    out: Path | None = None,
) -> ReportResult:
    """Build the review report of every article × language; write it to ``out`` if given.

    A language without a catalog yet gets a page of empty segments instead of an error,
    so the report shows a project as it stands.
    """
    langs = languages_of(settings, languages)
    articles = load_articles(settings, files)
    glossary = load_project_glossary(settings)
    pages = []
    errors = list(articles.errors)
    for lang in langs:
        for article in articles.articles:
            path = catalog_path(settings, lang, article.document.domain)
            shown = display_path(path, settings.root)
            try:
                catalog = read_catalog(path)
            except CatalogError as err:
                errors.append(f"{err} (shown as not translated in {lang.code})")
                catalog = None
            pages.append(build_page(article, catalog, lang, glossary, catalog_path=shown))
    written = write_report(pages, out, version=__version__) if out is not None else []
    return ReportResult(tuple(pages), tuple(written), articles.warnings, tuple(errors))
