"""The Python API: ``run``, ``status``, ``check``, ``export``, ``segment_file``.

Each function takes ``Settings`` explicitly and returns a frozen report; the CLI only
formats it. Everything that can fail on user input is validated before any file is
written, so a bad input leaves the project as it was.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import __version__
from .config import Settings
from .errors import (
    CatalogError,
    ConfigError,
    GlossaryError,
    L10nError,
    ModelError,
    SourceError,
)
from .languages import resolve_all
from .model import Document, Glossary, Language, LanguageStats, Segment, Translation
from .mt import Translator

TranslatorFactory = Callable[[Language, Settings], "Translator | None"]
ProgressCallback = Callable[[str, int, int], None]
"""Called as ``progress(language_code, done, total)`` while a language is translated."""


@dataclass(frozen=True)
class Article:
    """A source article read and segmented."""

    document: Document
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class RunReport:
    """What ``run`` did: files written, per-language statistics, warnings, per-language errors."""

    templates: tuple[Path, ...]
    languages: tuple[LanguageStats, ...]
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


# ---------------------------------------------------------------- inputs


def source_files(settings: Settings, files: Sequence[Path] = ()) -> list[Path]:
    """The articles to work on: the given files, or every ``*.txt`` in the source directory."""
    if files:
        return list(files)
    folder = settings.source
    if not folder.is_dir():
        raise SourceError(
            "source directory not found — create it and put English articles (*.txt) in it",
            path=display_path(folder, settings.root),
        )
    found = sorted(folder.glob("*.txt"))
    if not found:
        raise SourceError(
            "no articles (*.txt) found — put an English article in it",
            path=display_path(folder, settings.root),
        )
    return found


def segment_file(path: Path, *, root: Path | None = None) -> Article:
    """Read one article (``-`` for standard input is handled by the CLI) and segment it."""
    from .document import read_document
    from .segment import segment_document

    document = read_document(path, root=root)
    return Article(document, segment_document(document))


def segment_text(text: str) -> Article:
    """Segment an article given as text (standard input)."""
    from .document import read_text
    from .segment import segment_document

    document = read_text(text)
    return Article(document, segment_document(document))


def load_articles(settings: Settings, files: Sequence[Path] = ()) -> list[Article]:
    """Read and segment every article of the run; fails before anything is written."""
    articles = [segment_file(path, root=settings.root) for path in source_files(settings, files)]
    domains: dict[str, str] = {}
    for article in articles:
        first = domains.setdefault(article.document.domain, article.document.name)
        if first != article.document.name:
            raise SourceError(
                f"same file name as {first} — rename one: the file stem is the catalog's domain",
                path=article.document.name,
            )
    return articles


def load_project_glossary(settings: Settings) -> Glossary:
    """glossary.csv, or an empty glossary when the default file does not exist."""
    from .glossary import load_glossary

    if not settings.glossary.exists() and settings.glossary == settings.root / "glossary.csv":
        return Glossary()
    try:
        return load_glossary(settings.glossary)
    except GlossaryError as err:
        raise relative(err, settings.root) from err


def languages_of(settings: Settings, codes: Sequence[str] = ()) -> tuple[Language, ...]:
    """The target languages of the run: the given codes or the configured ones."""
    return resolve_all(tuple(codes) or settings.languages)


def catalog_path(settings: Settings, language: Language, domain: str) -> Path:
    """``locales/<locale>/LC_MESSAGES/<domain>.po``."""
    return settings.locales / language.locale / "LC_MESSAGES" / f"{domain}.po"


def language_catalogs(settings: Settings, lang: Language) -> list[Path]:
    """Every catalog of ``lang`` in the project (all domains)."""
    folder = settings.locales / lang.locale / "LC_MESSAGES"
    return sorted(folder.glob("*.po")) if folder.is_dir() else []


def template_path(settings: Settings, domain: str) -> Path:
    """``locales/<domain>.pot``."""
    return settings.locales / f"{domain}.pot"


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when inside it, for messages and reports."""
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def default_translator(language: Language, settings: Settings) -> Translator | None:
    """The installed Argos model for en→language, or None (imports the engine lazily)."""
    from .mt.argos import load_translator

    return load_translator(language, settings)


def relative(err: L10nError, root: Path) -> L10nError:
    """The same error, naming its file relative to the project root as other messages do."""
    if err.path is None:
        return err
    return type(err)(err.detail, path=display_path(Path(err.path), root), line=err.line)


# ---------------------------------------------------------------- run


def run(
    settings: Settings,
    *,
    files: Sequence[Path] = (),
    languages: Sequence[str] = (),
    retranslate: bool = False,
    translator_for: TranslatorFactory | None = None,
    progress: ProgressCallback | None = None,
) -> RunReport:
    """Segment the articles, merge each language's catalogs, fill them, and write them.

    Inputs (languages, articles, glossary) are all validated before anything is written.
    A catalog a translator broke, or a configured model that cannot be used, stops that
    language only (its catalogs are left as they were); it is reported in ``errors``.
    """
    from .catalog import build_template
    from .catalog_io import write_catalog
    from .lock import project_lock

    langs = languages_of(settings, languages)
    articles = load_articles(settings, files)
    glossary = load_project_glossary(settings)
    factory = translator_for or default_translator
    with project_lock(settings.root):
        templates = {
            a.document.domain: build_template(a.document, a.segments, version=__version__)
            for a in articles
        }
        written: list[Path] = []
        for domain, template in templates.items():
            path = template_path(settings, domain)
            write_catalog(template, path)
            written.append(path)
        stats: list[LanguageStats] = []
        warnings: list[str] = []
        errors: list[str] = []
        for lang in langs:
            try:
                result = _run_language(
                    settings, lang, templates, glossary, factory, retranslate, progress
                )
            except (CatalogError, ModelError) as err:
                # One broken catalog or model stops its own language, not the others.
                errors.append(f"{relative(err, settings.root)} (language {lang.code} skipped)")
                continue
            stats.append(result)
            warnings.extend(result.warnings)
    return RunReport(tuple(written), tuple(stats), tuple(warnings), tuple(errors))


def _run_language(
    settings: Settings,
    lang: Language,
    templates: dict[str, Any],
    glossary: Glossary,
    factory: TranslatorFactory,
    retranslate: bool,
    progress: ProgressCallback | None,
) -> LanguageStats:
    """Merge, fill and write every catalog of one language; MT all its new text in one batch."""
    from .catalog import apply_translations
    from .catalog_io import ensure_unchanged, file_state, read_catalog, write_catalog
    from .merge import merge

    paths = {domain: catalog_path(settings, lang, domain) for domain in templates}
    states = {domain: file_state(path) for domain, path in paths.items()}
    olds = {domain: read_catalog(path) for domain, path in paths.items()}
    results = {
        domain: merge(
            olds[domain],
            template,
            language=lang,
            threshold=settings.fuzzy_threshold,
            retranslate=retranslate,
        )
        for domain, template in templates.items()
    }
    needed = list(dict.fromkeys(m for r in results.values() for m in r.needs_translation))
    remembered = _from_memory(settings, lang, needed)
    rest = [msgid for msgid in needed if msgid not in remembered]
    machine, warnings = _machine_translate(settings, lang, rest, glossary, factory, progress)
    proposals = {**remembered, **machine}
    written = False
    for domain, result in results.items():
        apply_translations(result.catalog, proposals, result.replace)
        if not machine and rest:
            _flag_untranslated(result.catalog, lang)
        ensure_unchanged(paths[domain], states[domain])
        written = write_catalog(result.catalog, paths[domain]) or written
    merged = list(results.values())
    return LanguageStats(
        language=lang.code,
        kept_human=sum(r.kept_human for r in merged),
        kept_machine=sum(r.kept_machine for r in merged),
        kept_fuzzy=sum(r.kept_fuzzy for r in merged),
        reused_tm=len(remembered),
        fuzzy_matched=sum(r.fuzzy_matched for r in merged),
        translated=len(machine),
        untranslated=sum(1 for r in merged for e in r.catalog if not e.obsolete and not e.msgstr),
        obsoleted=sum(r.obsoleted for r in merged),
        written=written,
        warnings=tuple(warnings),
    )


def _from_memory(
    settings: Settings, lang: Language, needed: Sequence[str]
) -> dict[str, Translation]:
    """Approved translations of identical segments in any catalog of the project."""
    if not needed or settings.memory is None:
        return {}
    found: dict[str, Translation] = open_memory(settings, [lang]).lookup(lang.locale, needed)
    # The memory names a catalog by its absolute path; the PO comment that cites it is
    # shared with other machines, so it gets the project-relative path.
    return {
        source: replace(tm, engine=display_path(Path(tm.engine), settings.root))
        if tm.engine and Path(tm.engine).is_absolute()
        else tm
        for source, tm in found.items()
    }


def open_memory(settings: Settings, langs: Sequence[Language] = ()) -> Any:
    """The project's translation memory, refreshed from every catalog of ``langs``."""
    from .memory import TranslationMemory

    if settings.memory is None:
        raise ConfigError("[tool.l10n] memory: no translation memory file configured")
    memory = TranslationMemory(settings.memory)
    memory.refresh({lang.locale: language_catalogs(settings, lang) for lang in langs})
    return memory


def _machine_translate(
    settings: Settings,
    lang: Language,
    texts: Sequence[str],
    glossary: Glossary,
    factory: TranslatorFactory,
    progress: ProgressCallback | None,
) -> tuple[dict[str, Translation], list[str]]:
    """MT for ``texts`` with the glossary enforced; a warning instead when there is no model."""
    if not texts:
        return {}, []
    from .enforce import translate_segments

    translator = factory(lang, settings)
    if translator is None:
        return {}, [no_model_warning(lang)]
    if progress is not None:
        translator = _Reporting(translator, lang.code, len(texts), progress)
    found = translate_segments(
        texts, translator, glossary, lang.mt_code, strategy=settings.glossary_mode
    )
    return {t.source: t for t in found}, []


def no_model_warning(lang: Language) -> str:
    """The one warning printed for a language without an installed model."""
    hint = (
        "Argos Translate publishes none for Kazakh: bring your own .argosmodel"
        if lang.mt_code == "kk"
        else f"offline: `l10n models install FILE.argosmodel`; online: "
        f"`l10n models install --from-index {lang.mt_code}`"
    )
    return (
        f"{lang.code}: no en→{lang.mt_code} translation model installed — the catalog was "
        f"written with empty translations; install a model ({hint}) and run again"
    )


NO_MODEL_COMMENT = "no machine translation: no en→{code} model installed"


def _flag_untranslated(catalog: Any, lang: Language) -> None:
    """Mark empty entries so a translator sees why nothing was proposed."""
    note = NO_MODEL_COMMENT.format(code=lang.mt_code)
    for entry in catalog:
        if entry.obsolete or entry.msgstr:
            continue
        lines = entry.comment.split("\n") if entry.comment else []
        if note not in lines:
            entry.comment = "\n".join([*lines, note])


class _Reporting:
    """A Translator that reports progress (language, done, total) to the CLI's progress bar.

    An engine whose ``translate`` takes a ``progress`` callback (ArgosTranslator) reports
    after every batch; any other after every call.
    """

    def __init__(self, inner: Translator, code: str, total: int, report: ProgressCallback) -> None:
        self._inner = inner
        self._code = code
        self._total = total
        self._report = report
        self._done = 0

    @property
    def name(self) -> str:
        return self._inner.name

    def _advance(self, count: int) -> None:
        self._done = min(self._total, self._done + count)
        self._report(self._code, self._done, self._total)

    def translate(self, texts: Sequence[str]) -> list[str]:
        if "progress" in inspect.signature(self._inner.translate).parameters:
            out: list[str] = self._inner.translate(texts, progress=self._advance)  # type: ignore[call-arg]
            return out
        out = self._inner.translate(texts)
        self._advance(len(texts))
        return out
