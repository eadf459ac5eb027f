"""The Python API of a run: ``run`` (segment, merge, translate, write catalogs).

``run`` takes ``Settings`` explicitly and returns a frozen report; the CLI only formats it.
Everything that can fail on user input is validated before any file is written, so a bad
input leaves the project as it was; a broken article or catalog stops only itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from . import __version__
from .errors import CatalogError, ModelError
from .memory.store import TranslationMemory
from .model import Catalog, Glossary, Language, LanguageStats, Translation
from .mt import Translator, with_progress
from .mt.parallel import closing_pool, make_pool
from .mt.store import find_package
from .po.entries import add_comment, apply_translations, build_template, with_glossary_notes
from .po.io import load_catalog, write_catalog
from .po.merge import merge
from .project.config import Settings
from .project.inputs import (
    configured_choice,
    default_translators,
    languages_of,
    load_project_glossary,
    open_memory,
    read_articles,
    relative,
)
from .project.lock import project_lock
from .project.manifest import ArticleRecord, LanguageRecord, Manifest, file_digest
from .project.paths import catalog_path, display_path, source_files, template_path
from .project.plan import Plan, is_pending, memory_state, models_state, plan_run
from .terms.match import TermForms

TranslatorFactory = Callable[[Language, Settings], "Translator | None"]
ProgressCallback = Callable[[str, int, int], None]
"""Called as ``progress(language_code, done, total)`` while a language is translated."""


@dataclass(frozen=True)
class RunReport:
    """What ``run`` did: files written, per-language statistics, warnings, per-language errors."""

    templates: tuple[Path, ...]
    languages: tuple[LanguageStats, ...]
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


# ---------------------------------------------------------------- run


def run(
    settings: Settings,
    *,
    files: Sequence[Path] = (),
    languages: Sequence[str] = (),
    retranslate: bool = False,
    translator_for: TranslatorFactory | None = None,
    progress: ProgressCallback | None = None,
    jobs: int | None = None,
    cluster: str | None = None,
) -> RunReport:
    """Segment the articles, merge each language's catalogs, fill them, and write them.

    Machine translation decodes its batches on ``jobs`` local processes (None: one per
    core; 1: in this process) or on the Dask cluster at ``cluster``; the output is the same.

    Only what changed since the last run is done (``l10n.project.plan``): an article whose
    source, catalogs and inputs are as the last run left them is not even segmented.
    Inputs (languages, articles, glossary) are all validated before anything is written.
    An article that cannot be read stops that article only (its catalogs are left as they
    were); a catalog a translator broke, or a configured model that cannot be used, stops
    that language only. Both are reported in ``errors``; files of the source folder that
    are not articles are reported in ``warnings``. A ``translator_for`` other than the
    installed models turns the skipping off.
    """
    langs = languages_of(settings, languages)
    sources = source_files(settings, files)
    manifest = Manifest.load(settings.root)
    full = retranslate or translator_for is not None
    plan = plan_run(settings, sources.files, langs, manifest, models=models_state(), full=full)
    loaded = read_articles(settings, [s.path for s in plan.to_read()])
    articles = loaded.articles
    glossary = load_project_glossary(settings) if articles else Glossary()
    _check_memory(settings)
    pool = make_pool(jobs, cluster) if translator_for is None else None
    factory = translator_for or default_translators(pool)
    with project_lock(settings.root), closing_pool(pool):
        templates = {
            a.document.domain: build_template(a.document, a.segments, version=__version__)
            for a in articles
        }
        written = _write_templates(settings, templates)
        stats: list[LanguageStats] = []
        warnings: list[str] = list(sources.skipped)
        errors: list[str] = list(loaded.errors)
        for lang in langs:
            wanted = {s.domain for s in plan.sources if s.key in plan.todo[lang.locale]}
            try:
                result, catalogs = _run_language(
                    settings,
                    lang,
                    {d: t for d, t in templates.items() if d in wanted},
                    glossary,
                    factory,
                    retranslate,
                    progress,
                )
            except (CatalogError, ModelError) as err:
                # One broken catalog or model stops its own language, not the others.
                errors.append(f"{relative(err, settings.root)} (language {lang.code} skipped)")
                continue
            result = replace(result, unchanged=plan.skipped(lang))
            if not catalogs:
                result = replace(
                    result, warnings=_standing_warnings(settings, lang, manifest, plan)
                )
            stats.append(result)
            warnings.extend(result.warnings)
            _record(settings, manifest, plan, lang, catalogs)
        manifest.memory = memory_state(settings)
        manifest.save(settings.root)
    return RunReport(tuple(written), tuple(stats), tuple(warnings), tuple(errors))


def _check_memory(settings: Settings) -> None:
    """A corrupt translation memory is reported before any file is written."""
    if settings.memory is not None:
        TranslationMemory(settings.memory).verify()


def _write_templates(settings: Settings, templates: dict[str, Catalog]) -> list[Path]:
    written = []
    for domain, template in templates.items():
        path = template_path(settings, domain)
        write_catalog(template, path)
        written.append(path)
    return written


def _record(
    settings: Settings, manifest: Manifest, plan: Plan, lang: Language, catalogs: dict[str, Catalog]
) -> None:
    """Note in the manifest what the run wrote for ``lang``."""
    for source in plan.sources:
        catalog = catalogs.get(source.domain)
        if catalog is None:
            continue
        old = manifest.articles.get(source.key)
        languages = dict(old.languages) if old is not None else {}
        languages[lang.locale] = LanguageRecord(
            inputs=plan.inputs[lang.locale],
            catalog=file_digest(catalog_path(settings, lang, source.domain)) or "",
            pending=any(not e.msgstr for e in catalog.active()),
        )
        template = file_digest(template_path(settings, source.domain)) or ""
        manifest.articles[source.key] = ArticleRecord(source.digest, template, languages)


def _standing_warnings(
    settings: Settings, lang: Language, manifest: Manifest, plan: Plan
) -> tuple[str, ...]:
    """The no-model warning still holds on a run that skipped every article of ``lang``."""
    if not any(is_pending(s, lang, manifest) for s in plan.sources):
        return ()
    try:
        found = find_package("en", lang.mt_code, configured_choice(lang, settings))
    except ModelError:
        return ()
    return () if found is not None else (no_model_warning(lang),)


def _run_language(
    settings: Settings,
    lang: Language,
    templates: dict[str, Catalog],
    glossary: Glossary,
    factory: TranslatorFactory,
    retranslate: bool,
    progress: ProgressCallback | None,
) -> tuple[LanguageStats, dict[str, Catalog]]:
    """Merge, fill and write every catalog of one language; MT all its new text in one batch.

    Returns the statistics and the catalogs as written, by domain.
    """
    paths = {domain: catalog_path(settings, lang, domain) for domain in templates}
    loaded = {domain: load_catalog(path) for domain, path in paths.items()}
    olds = {domain: old for domain, (old, _) in loaded.items()}
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
    forms = TermForms()  # one Russian dictionary per language run, loaded on first use
    machine, warnings, second = _machine_translate(
        settings, lang, rest, glossary, factory, progress, forms
    )
    proposals = {**remembered, **machine}
    written = False
    catalogs: dict[str, Catalog] = {}
    for domain, result in results.items():
        catalog, _ = apply_translations(result.catalog, proposals, result.replace)
        if not machine and rest:
            catalog = _flag_untranslated(catalog, lang)
        catalog = _refresh_glossary_notes(catalog, glossary, lang, forms)
        catalogs[domain] = catalog
        # Formatted first, then replaced only if the bytes on disk are still those read.
        written = write_catalog(catalog, paths[domain], expect=loaded[domain][1]) or written
    _remember(settings, lang, {paths[d]: c for d, c in catalogs.items()})
    merged = list(results.values())
    stats = LanguageStats(
        language=lang.code,
        kept_human=sum(r.kept_human for r in merged),
        kept_machine=sum(r.kept_machine for r in merged),
        kept_fuzzy=sum(r.kept_fuzzy for r in merged),
        reused_tm=len(remembered),
        fuzzy_matched=sum(r.fuzzy_matched for r in merged),
        translated=len(machine),
        second_pass=second,
        untranslated=sum(
            1 for c in catalogs.values() for e in c if not e.obsolete and not e.msgstr
        ),
        obsoleted=sum(r.obsoleted for r in merged),
        written=written,
        warnings=tuple(warnings),
    )
    return stats, catalogs


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


def _remember(settings: Settings, lang: Language, written: dict[Path, Catalog]) -> None:
    """Hand the catalogs just written to the memory, so that the next run need not read
    them back (with hundreds of articles, that re-reading was most of a small re-run)."""
    if settings.memory is None or not written:
        return
    TranslationMemory(settings.memory).record(lang.locale, written)


def _machine_translate(
    settings: Settings,
    lang: Language,
    texts: Sequence[str],
    glossary: Glossary,
    factory: TranslatorFactory,
    progress: ProgressCallback | None,
    forms: TermForms,
) -> tuple[dict[str, Translation], list[str], int]:
    """MT for ``texts`` with the glossary enforced; a warning instead when there is no model.

    The count is of the texts the engine translated a second time (glossary enforcement).
    """
    if not texts:
        return {}, [], 0
    from .terms.tags import translate_marked

    translator = factory(lang, settings)
    if translator is None:
        return {}, [no_model_warning(lang)], 0
    if progress is not None:
        translator = with_progress(translator, len(texts), _for_language(progress, lang.code))
    mode = settings.glossary_mode
    done = translate_marked(texts, translator, glossary, lang, strategy=mode, forms=forms)
    return {t.source: t for t in done.translations}, [], done.second_pass


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


def _flag_untranslated(catalog: Catalog, lang: Language) -> Catalog:
    """Mark empty entries so a translator sees why nothing was proposed."""
    note = NO_MODEL_COMMENT.format(code=lang.mt_code)
    entries = tuple(e if e.obsolete or e.msgstr else add_comment(e, note) for e in catalog.entries)
    return replace(catalog, entries=entries)


def _refresh_glossary_notes(
    catalog: Catalog, glossary: Glossary, lang: Language, forms: TermForms
) -> Catalog:
    """``glossary:`` notes re-evaluated against each msgstr as it is now (a reviewer's
    text, not the machine output the notes were first written for); a ``missing`` note
    goes once the form is there (:func:`l10n.terms.notes.glossary_notes`)."""
    from .terms.notes import glossary_notes

    entries = tuple(
        entry
        if entry.obsolete
        else with_glossary_notes(
            entry,
            glossary_notes(entry.msgid, entry.first_msgstr, glossary, lang, forms)
            if entry.first_msgstr
            else (),
        )
        for entry in catalog.entries
    )
    return replace(catalog, entries=entries)


def _for_language(progress: ProgressCallback, code: str) -> Callable[[int, int], None]:
    return lambda done, total: progress(code, done, total)
