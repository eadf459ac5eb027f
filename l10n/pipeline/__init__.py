"""The Python API of a run: ``run`` (segment, merge, translate, write catalogs).

``run`` takes ``Settings`` explicitly and returns a frozen report; the CLI only formats it.
Everything that can fail on user input is validated before any file is written, so a bad
input leaves the project as it was; a broken article or catalog stops only itself.

A run reads the articles that changed (``l10n.project.plan``) in groups of ``group``: it
merges each group to learn what needs translating, translates every distinct text of a
language once, then merges each group again and writes it. Memory therefore stays flat
however many articles a project has; a run of one group merges once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import astuple, dataclass, field, replace
from pathlib import Path

from .. import __version__
from ..errors import CatalogError, ModelError, SourceError
from ..memory.store import TranslationMemory
from ..model import Article, Catalog, Glossary, Language, LanguageStats
from ..mt.parallel import closing_pool, make_pool
from ..mt.store import find_package
from ..po.entries import build_template
from ..po.io import write_catalog
from ..po.stats import catalog_progress
from ..project.config import Settings
from ..project.inputs import (
    configured_choice,
    default_translators,
    languages_of,
    load_project_glossary,
    read_articles,
    relative,
)
from ..project.lock import project_lock
from ..project.manifest import ArticleRecord, LanguageRecord, Manifest, file_digest
from ..project.paths import catalog_path, source_files, template_path
from ..project.plan import Plan, Source, is_pending, memory_state, models_state, plan_run
from ..terms.match import TermForms
from .language import (
    Merged,
    ProgressCallback,
    Proposals,
    TranslatorFactory,
    add_stats,
    merge_language,
    no_model_warning,
    translate_language,
    write_language,
)

__all__ = ["GROUP", "RunReport", "no_model_warning", "run"]

GROUP = 100
"""Articles merged at a time: what a run holds in memory besides the translations."""


@dataclass(frozen=True)
class RunReport:
    """What ``run`` did: files written, per-language statistics, warnings, per-language errors."""

    templates: tuple[Path, ...]
    languages: tuple[LanguageStats, ...]
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


@dataclass
class _Run:
    """What a run has done so far."""

    written: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    needed: dict[str, dict[str, None]] = field(default_factory=dict)
    totals: dict[str, LanguageStats] = field(default_factory=dict)

    def fail(self, settings: Settings, lang: Language, err: CatalogError | ModelError) -> None:
        # One broken catalog or model stops its own language, not the others.
        self.failed.add(lang.locale)
        self.errors.append(f"{relative(err, settings.root)} (language {lang.code} skipped)")


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
    group: int = GROUP,
) -> RunReport:
    """Segment the articles, merge each language's catalogs, fill them, and write them.

    Machine translation decodes its batches in this process (``jobs`` None or 1; the
    engine uses every core), on ``jobs`` local processes, or on the Dask cluster at
    ``cluster``; the output is the same.

    Only what changed since the last run is done (``l10n.project.plan``): an article whose
    source, catalogs and inputs are as the last run left them is not even segmented.
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
    todo = plan.to_read()
    _require_distinct_domains(todo)
    size = max(1, group)
    groups = [todo[i : i + size] for i in range(0, len(todo), size)]
    state = _Run()
    first = _read(settings, groups[0] if groups else (), state, alone=len(groups) <= 1)
    glossary = load_project_glossary(settings) if todo else Glossary()
    _check_memory(settings)
    pool = make_pool(jobs, cluster) if translator_for is None else None
    factory = translator_for or default_translators(pool)
    with project_lock(settings.root), closing_pool(pool):
        forms = {lang.locale: TermForms() for lang in langs}
        # 1. Merge every group (nothing written) to learn what each language needs.
        once: dict[str, Merged] = {}
        kept: dict[str, Catalog] = {}
        for index, members in enumerate(groups):
            articles = first if index == 0 else _read(settings, members, state)
            templates = _templates(articles)
            kept = templates if len(groups) == 1 else {}
            for lang, merged in _merge_group(settings, langs, plan, templates, retranslate, state):
                needs = state.needed.setdefault(lang.locale, {})
                needs.update(dict.fromkeys(merged.needed()))
                if len(groups) == 1:
                    once[lang.locale] = merged
        # 2. Every distinct text of a language to the memory and the engine, once.
        proposals: dict[str, Proposals] = {}
        for lang in langs:
            found = _translate(settings, lang, glossary, factory, progress, forms, state)
            if found is not None:
                proposals[lang.locale] = found
        # 3. Merge again (a run of one group keeps its merges), fill and write.
        for index, members in enumerate(groups):
            if len(groups) > 1:
                kept = _templates(first if index == 0 else _read(settings, members, None))
            state.written += _write_templates(settings, kept)
            pairs = (
                [(lang, once[lang.locale]) for lang in langs if lang.locale in once]
                if len(groups) == 1
                else _merge_group(settings, langs, plan, kept, retranslate, state)
            )
            for lang, merged in pairs:
                if lang.locale in proposals and lang.locale not in state.failed:
                    written = _write(
                        settings, lang, merged, proposals[lang.locale], glossary, forms, state
                    )
                    _record(settings, manifest, plan, lang, written)
        stats = [_stats(settings, lang, proposals, state, manifest, plan) for lang in langs]
        manifest.memory = memory_state(settings)
        manifest.save(settings.root)
    done = tuple(s for s in stats if s is not None)
    warnings = [*sources.skipped, *(w for s in done for w in s.warnings)]
    return RunReport(tuple(state.written), done, tuple(warnings), tuple(state.errors))


def _read(
    settings: Settings, members: Sequence[Source], state: _Run | None, *, alone: bool = False
) -> list[Article]:
    """Read and segment a group; errors go to ``state`` (None: reported already).

    When no article of the group can be read, a run of this one group fails as a whole
    (``alone``, the first error raised); in a bigger run the group is reported and skipped.
    """
    try:
        loaded = read_articles(settings, [s.path for s in members])
    except SourceError as err:
        if alone:
            raise
        if state is not None:
            state.errors.append(f"{err} (article skipped)")
        return []
    if state is not None:
        state.errors.extend(loaded.errors)
    return list(loaded.articles)


def _templates(articles: Sequence[Article]) -> dict[str, Catalog]:
    return {
        a.document.domain: build_template(a.document, a.segments, version=__version__)
        for a in articles
    }


def _merge_group(
    settings: Settings,
    langs: Sequence[Language],
    plan: Plan,
    templates: dict[str, Catalog],
    retranslate: bool,
    state: _Run,
) -> Iterator[tuple[Language, Merged]]:
    """Each language's merge of the group's templates that it needs (broken: skipped)."""
    for lang in langs:
        if lang.locale in state.failed:
            continue
        wanted = {s.domain for s in plan.sources if s.key in plan.todo[lang.locale]}
        mine = {d: t for d, t in templates.items() if d in wanted}
        try:
            yield lang, merge_language(settings, lang, mine, retranslate)
        except CatalogError as err:
            state.fail(settings, lang, err)


def _translate(
    settings: Settings,
    lang: Language,
    glossary: Glossary,
    factory: TranslatorFactory,
    progress: ProgressCallback | None,
    forms: dict[str, TermForms],
    state: _Run,
) -> Proposals | None:
    if lang.locale in state.failed:
        return None
    needed = list(state.needed.get(lang.locale, {}))
    try:
        return translate_language(
            settings, lang, needed, glossary, factory, progress, forms[lang.locale]
        )
    except (CatalogError, ModelError) as err:
        state.fail(settings, lang, err)
        return None


def _write(
    settings: Settings,
    lang: Language,
    merged: Merged,
    proposals: Proposals,
    glossary: Glossary,
    forms: dict[str, TermForms],
    state: _Run,
) -> dict[str, Catalog]:
    """Write a merged group of one language; the catalogs written, by domain (none when
    an editor saved one meanwhile: the language is stopped)."""
    try:
        stats, catalogs = write_language(
            settings, lang, merged, proposals, glossary, forms[lang.locale]
        )
    except CatalogError as err:  # saved by an editor meanwhile
        state.fail(settings, lang, err)
        return {}
    total = state.totals.get(lang.locale)
    state.totals[lang.locale] = stats if total is None else add_stats(total, stats)
    return catalogs


def _stats(
    settings: Settings,
    lang: Language,
    proposals: dict[str, Proposals],
    state: _Run,
    manifest: Manifest,
    plan: Plan,
) -> LanguageStats | None:
    """The language's summary line (None for a language the run skipped)."""
    if lang.locale in state.failed:
        return None
    found = proposals.get(lang.locale) or Proposals({}, {})
    total = state.totals.get(lang.locale) or LanguageStats(language=lang.code)
    warnings = found.warnings
    if lang.locale not in state.totals:
        warnings = _standing_warnings(settings, lang, manifest, plan)
    return replace(
        total,
        reused_tm=len(found.memory),
        translated=len(found.machine),
        second_pass=found.second_pass,
        masked_first=found.masked_first,
        notes=found.notes,
        unchanged=plan.skipped(lang),
        warnings=tuple(warnings),
    )


def _require_distinct_domains(sources: Sequence[Source]) -> None:
    """Two articles with one domain are refused before anything is read."""
    first: dict[str, str] = {}
    for source in sources:
        seen = first.setdefault(source.domain, source.key)
        if seen != source.key:
            raise SourceError(
                f"same domain as {seen} — rename one: the file's path in source/ (or its"
                " stem outside it) names its catalogs",
                path=source.key,
            )


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
            progress=astuple(catalog_progress(catalog)),
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
