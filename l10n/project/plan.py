"""Which articles a run must merge for each language, from the manifest (no parsing).

An article is merged for a language when anything it was made from changed since the last
run (its source, its template on disk, the glossary, the settings, the installed models)
or its catalog is not what l10n wrote (a translator saved it). When a translator saved any
catalog of a language, or the translation memory changed (a TMX import), the articles of
that language that still have untranslated entries are merged too: a translation approved
elsewhere may now fill them from the memory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import __version__
from ..model import Language
from ..mt.store import packages_dir
from .config import Settings
from .inputs import configured_choice
from .manifest import Manifest, file_digest, fingerprint
from .paths import article_domain, catalog_path, display_path, template_path


@dataclass(frozen=True)
class Source:
    """An article file as the run found it."""

    path: Path
    key: str
    """Its path relative to the project root: the manifest key."""
    domain: str
    digest: str


@dataclass(frozen=True)
class Plan:
    """What a run does: for each language, the articles (manifest keys) to merge."""

    sources: tuple[Source, ...]
    todo: dict[str, frozenset[str]]
    """Catalog locale → keys of the articles to merge in that language."""
    inputs: dict[str, str]
    """Catalog locale → fingerprint of the language's inputs."""

    def to_read(self) -> tuple[Source, ...]:
        """The articles that must be read and segmented (merged in some language)."""
        wanted = set().union(*self.todo.values()) if self.todo else set()
        return tuple(s for s in self.sources if s.key in wanted)

    def skipped(self, lang: Language) -> int:
        """How many articles are left as they are in ``lang``."""
        return len(self.sources) - len(self.todo.get(lang.locale, ()))


def models_state() -> str:
    """What is installed, cheaply: each package folder of the Argos store with its metadata
    file's size and mtime. Changes when a package is installed, replaced or removed."""
    folder = packages_dir()
    if not folder.is_dir():
        return "none"
    found = []
    for path in sorted(folder.iterdir()):
        try:
            stat = (path / "metadata.json").stat()
        except OSError:
            continue
        found.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return f"{folder}|" + "|".join(found)


def memory_state(settings: Settings) -> str:
    """The translation memory file's size and modification time ("" when there is none)."""
    if settings.memory is None:
        return ""
    try:
        stat = settings.memory.stat()
    except OSError:
        return "none"
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def language_inputs(
    settings: Settings, lang: Language, glossary_digest: str | None, models: str
) -> str:
    """Fingerprint of everything besides the article that a language's catalog comes from."""
    choice = configured_choice(lang, settings)
    return fingerprint(
        __version__,
        lang,
        glossary_digest,
        settings.fuzzy_threshold,
        settings.glossary_mode,
        settings.glossary_probe,
        settings.mt,
        choice,
        models,
    )


def plan_run(
    settings: Settings,
    paths: Sequence[Path],
    langs: Sequence[Language],
    manifest: Manifest,
    *,
    models: str,
    full: bool = False,
) -> Plan:
    """The plan of a run over ``paths``; ``full`` merges everything (``--retranslate``)."""
    sources = tuple(_source(settings, path) for path in paths)
    on_disk = cache(file_digest)  # each catalog is hashed once per run
    glossary = file_digest(settings.glossary)
    inputs = {lang.locale: language_inputs(settings, lang, glossary, models) for lang in langs}
    memory_changed = memory_state(settings) != manifest.memory
    todo: dict[str, frozenset[str]] = {}
    for lang in langs:
        changed = {
            s.key
            for s in sources
            if full or _changed(settings, s, lang, inputs[lang.locale], manifest, on_disk)
        }
        if memory_changed or any(_edited(settings, s, lang, manifest, on_disk) for s in sources):
            changed |= {s.key for s in sources if is_pending(s, lang, manifest)}
        todo[lang.locale] = frozenset(changed)
    return Plan(sources, todo, inputs)


def _source(settings: Settings, path: Path) -> Source:
    key = display_path(path, settings.root)
    return Source(path, key, article_domain(path, settings.source), file_digest(path) or "")


def _changed(
    settings: Settings,
    source: Source,
    lang: Language,
    inputs: str,
    manifest: Manifest,
    on_disk: Callable[[Path], str | None],
) -> bool:
    record = manifest.articles.get(source.key)
    if record is None or record.source != source.digest or not source.digest:
        return True
    if on_disk(template_path(settings, source.domain)) != record.template:
        return True
    done = record.languages.get(lang.locale)
    if done is None or done.inputs != inputs:
        return True
    return on_disk(catalog_path(settings, lang, source.domain)) != done.catalog


def _edited(
    settings: Settings,
    source: Source,
    lang: Language,
    manifest: Manifest,
    on_disk: Callable[[Path], str | None],
) -> bool:
    """Whether someone else saved ``source``'s catalog since l10n wrote it."""
    record = manifest.articles.get(source.key)
    done = record.languages.get(lang.locale) if record is not None else None
    if done is None:
        return False
    return on_disk(catalog_path(settings, lang, source.domain)) != done.catalog


def is_pending(source: Source, lang: Language, manifest: Manifest) -> bool:
    """Whether the last run left untranslated entries in ``source``'s ``lang`` catalog."""
    record = manifest.articles.get(source.key)
    done = record.languages.get(lang.locale) if record is not None else None
    return done is not None and done.pending
