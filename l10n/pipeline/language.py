"""One language of a run: merge its catalogs, translate what they need, write them.

A run does this in two steps so that a big project is handled a group of articles at a
time: :func:`merge_language` tells what needs translating (nothing is written), one
:func:`translate_language` per language sends every distinct text to the memory and the
engine once, and :func:`write_language` merges again, fills and writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..memory.store import TranslationMemory
from ..model import Catalog, Glossary, Language, LanguageStats, Translation
from ..mt import Translator, with_progress
from ..po.entries import add_comment, apply_translations, with_glossary_notes
from ..po.io import FileState, load_catalog, write_catalog
from ..po.merge import MergeResult, merge
from ..project.config import Settings
from ..project.inputs import open_memory
from ..project.paths import catalog_path, display_path
from ..terms.match import TermForms

TranslatorFactory = Callable[[Language, Settings], "Translator | None"]
ProgressCallback = Callable[[str, int, int], None]
"""Called as ``progress(language_code, done, total)`` while a language is translated."""
NO_MODEL_COMMENT = "no machine translation: no en→{code} model installed"


@dataclass
class Merged:
    """A group of catalogs of one language merged with their templates, not yet written."""

    paths: dict[str, Path]
    states: dict[str, FileState]
    results: dict[str, MergeResult]

    def needed(self) -> list[str]:
        """msgids to translate, in template order, each once."""
        return list(dict.fromkeys(m for r in self.results.values() for m in r.needs_translation))


@dataclass(frozen=True)
class Proposals:
    """What the memory and the engine proposed for one language's texts in a run."""

    memory: dict[str, Translation]
    machine: dict[str, Translation]
    warnings: tuple[str, ...] = ()
    second_pass: int = 0
    masked_first: int = 0
    notes: tuple[str, ...] = ()
    untranslatable: bool = False
    """No model: the texts left to MT stay empty (and are flagged so)."""

    def all(self) -> dict[str, Translation]:
        return {**self.memory, **self.machine}


def merge_language(
    settings: Settings, lang: Language, templates: dict[str, Catalog], retranslate: bool
) -> Merged:
    """Read and merge the catalogs of ``templates`` in ``lang`` (``CatalogError`` when one
    is broken: nothing has been written)."""
    paths = {domain: catalog_path(settings, lang, domain) for domain in templates}
    loaded = {domain: load_catalog(path) for domain, path in paths.items()}
    results = {
        domain: merge(
            loaded[domain][0],
            template,
            language=lang,
            threshold=settings.fuzzy_threshold,
            retranslate=retranslate,
        )
        for domain, template in templates.items()
    }
    return Merged(paths, {d: state for d, (_, state) in loaded.items()}, results)


def translate_language(
    settings: Settings,
    lang: Language,
    needed: Sequence[str],
    glossary: Glossary,
    factory: TranslatorFactory,
    progress: ProgressCallback | None,
    forms: TermForms,
) -> Proposals:
    """The memory first, then MT with the glossary enforced, for every text of the run."""
    remembered = _from_memory(settings, lang, needed)
    rest = [msgid for msgid in needed if msgid not in remembered]
    if not rest:
        return Proposals(remembered, {})
    from ..terms.tags import translate_marked

    translator = factory(lang, settings)
    if translator is None:
        return Proposals(remembered, {}, (no_model_warning(lang),), untranslatable=True)
    if progress is not None:
        translator = with_progress(translator, len(rest), _for_language(progress, lang.code))
    done = translate_marked(
        rest,
        translator,
        glossary,
        lang,
        strategy=settings.glossary_mode,
        forms=forms,
        probe=settings.glossary_probe,
    )
    machine = {t.source: t for t in done.translations}
    probe = done.probe
    return Proposals(
        remembered,
        machine,
        second_pass=done.second_pass,
        masked_first=probe.masked_first,
        notes=(probe_note(lang, probe.held, probe.tried, probe.masked_first),)
        if probe.masked_first
        else (),
    )


def write_language(
    settings: Settings,
    lang: Language,
    merged: Merged,
    proposals: Proposals,
    glossary: Glossary,
    forms: TermForms,
) -> tuple[LanguageStats, dict[str, Catalog]]:
    """Fill and write a merged group; its statistics (merge counts, catalogs written) and
    the catalogs as written, by domain."""
    offered = proposals.all()
    written = False
    catalogs: dict[str, Catalog] = {}
    for domain, result in merged.results.items():
        catalog, _ = apply_translations(result.catalog, offered, result.replace)
        if proposals.untranslatable:
            catalog = _flag_untranslated(catalog, lang)
        catalog = _refresh_glossary_notes(catalog, glossary, lang, forms)
        catalogs[domain] = catalog
        # Formatted first, then replaced only if the bytes on disk are still those read.
        path = merged.paths[domain]
        written = write_catalog(catalog, path, expect=merged.states[domain]) or written
    _remember(settings, lang, {merged.paths[d]: c for d, c in catalogs.items()})
    results = list(merged.results.values())
    stats = LanguageStats(
        language=lang.code,
        kept_human=sum(r.kept_human for r in results),
        kept_machine=sum(r.kept_machine for r in results),
        kept_fuzzy=sum(r.kept_fuzzy for r in results),
        fuzzy_matched=sum(r.fuzzy_matched for r in results),
        untranslated=sum(1 for c in catalogs.values() for e in c.active() if not e.msgstr),
        obsoleted=sum(r.obsoleted for r in results),
        written=written,
    )
    return stats, catalogs


def add_stats(total: LanguageStats, more: LanguageStats) -> LanguageStats:
    """Two groups' statistics of one language added up."""
    counts = (
        "kept_human",
        "kept_machine",
        "kept_fuzzy",
        "fuzzy_matched",
        "untranslated",
        "obsoleted",
    )
    summed = {name: getattr(total, name) + getattr(more, name) for name in counts}
    return replace(total, **summed, written=total.written or more.written)


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


def probe_note(lang: Language, held: int, tried: int, masked: int) -> str:
    """What a ``check`` run says when it found the model missing the glossary's forms."""
    return (
        f"{lang.code}: the model wrote every glossary form in only {held} of the {tried} "
        f"shortest sentences with terms, so the other {masked} were masked before MT (their "
        "terms are in base form: review the endings; glossary-probe = 0 checks every "
        "sentence first)"
    )


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
    from ..terms.notes import glossary_notes

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
