"""The Python API after ``run``: ``status``, ``check``, ``export`` and the TMX exchange.

Each function takes ``Settings`` explicitly, reads the catalogs ``run`` wrote, and returns
a frozen report for the CLI to format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .checks import Check, list_checks, run_checks
from .errors import CatalogError
from .model import Article, Catalog, Issue, Language
from .po.io import read_catalog
from .po.stats import catalog_progress
from .project.config import Settings
from .project.inputs import languages_of, load_articles, load_project_glossary, open_memory
from .project.paths import catalog_path, display_path
from .publish.export import write_exports


@dataclass(frozen=True)
class LanguageStatus:
    """Review progress of one language over all its catalogs."""

    language: str
    catalogs: tuple[Path, ...]
    translated: int
    fuzzy: int
    untranslated: int
    words_translated: int
    words_total: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        """Reviewed (translated, not fuzzy) segments in percent; 100 when there is nothing."""
        return 100.0 if self.total == 0 else 100.0 * self.translated / self.total


@dataclass(frozen=True)
class ExportReport:
    """Files written by ``export`` and languages refused by the policy."""

    written: tuple[Path, ...]
    refused: tuple[str, ...] = field(default_factory=tuple)


def _catalogs(settings: Settings, lang: Language, articles: Sequence[Article]) -> list[Path]:
    """The catalogs of ``lang`` for ``articles``; a missing one is an error saying what to run."""
    paths = [catalog_path(settings, lang, a.document.domain) for a in articles]
    for path in paths:
        if not path.exists():
            raise CatalogError(
                "no catalog yet — run `l10n run` first", path=display_path(path, settings.root)
            )
    return paths


def _read(path: Path) -> Catalog:
    catalog = read_catalog(path)
    if catalog is None:  # pragma: no cover - _catalogs checked existence
        raise CatalogError("no catalog yet — run `l10n run` first", path=path)
    return catalog


def language_status(
    settings: Settings, lang: Language, articles: Sequence[Article]
) -> LanguageStatus:
    """Progress of one language over the catalogs of ``articles``."""
    paths = _catalogs(settings, lang, articles)
    return _summary(lang, paths, [_read(path) for path in paths])


def _summary(lang: Language, paths: Sequence[Path], catalogs: Sequence[Catalog]) -> LanguageStatus:
    """Progress of one language from its catalogs, already read."""
    totals = [catalog_progress(catalog) for catalog in catalogs]
    return LanguageStatus(
        language=lang.code,
        catalogs=tuple(paths),
        translated=sum(p.translated for p in totals),
        fuzzy=sum(p.fuzzy for p in totals),
        untranslated=sum(p.untranslated for p in totals),
        words_translated=sum(p.words_translated for p in totals),
        words_total=sum(p.words_total for p in totals),
    )


def status(
    settings: Settings, *, languages: Sequence[str] = (), files: Sequence[Path] = ()
) -> list[LanguageStatus]:
    """Per-language review progress of the project's catalogs."""
    langs = languages_of(settings, languages)
    articles = load_articles(settings, files)
    return [language_status(settings, lang, articles) for lang in langs]


def check_list() -> tuple[Check, ...]:
    """The registered QA checks (``.id``, ``.severity``, ``.doc``)."""
    return list_checks()


def check(
    settings: Settings, *, languages: Sequence[str] = (), files: Sequence[Path] = ()
) -> list[Issue]:
    """Run every QA check on every catalog of the given languages; collect all issues."""
    langs = languages_of(settings, languages)
    articles = load_articles(settings, files)
    glossary = load_project_glossary(settings)
    issues: list[Issue] = []
    for lang in langs:
        for path in _catalogs(settings, lang, articles):
            issues.extend(
                run_checks(
                    _read(path),
                    path=display_path(path, settings.root),
                    language=lang,
                    glossary=glossary,
                )
            )
    return issues


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
    """Write the localized articles; a language under ``fail_under`` % reviewed is refused."""
    langs = languages_of(settings, languages)
    articles = load_articles(settings, files)
    # Every catalog of every language is found and read before the first file is written,
    # so a missing or broken catalog leaves no export half-made.
    found = [(lang, _catalogs(settings, lang, articles)) for lang in langs]
    loaded = [(lang, paths, [_read(path) for path in paths]) for lang, paths in found]
    written: list[Path] = []
    refused: list[str] = []
    for lang, paths, catalogs in loaded:
        state = _summary(lang, paths, catalogs)
        if fail_under is not None and state.percent < fail_under:
            refused.append(
                f"{lang.code}: only {state.percent:.1f}% of the segments are reviewed, "
                f"--fail-under needs {fail_under:g}% — review the fuzzy and untranslated "
                "entries or lower --fail-under"
            )
            continue
        for article, catalog in zip(articles, catalogs, strict=True):
            written.extend(
                write_exports(
                    article.document,
                    catalog,
                    lang,
                    out,
                    formats=formats,
                    include_fuzzy=include_fuzzy,
                )
            )
    return ExportReport(tuple(written), tuple(refused))


def tm_export(settings: Settings, path: Path, *, languages: Sequence[str] = ()) -> int:
    """Write the approved translations of ``languages`` to a TMX file; return the unit count."""
    langs = languages_of(settings, languages)
    count: int = open_memory(settings, langs).export_tmx(path, [lang.locale for lang in langs])
    return count


def tm_import(settings: Settings, path: Path) -> int:
    """Add the units of a TMX file to the translation memory; return how many."""
    count: int = open_memory(settings).import_tmx(path)
    return count
