"""A project's inputs, read and validated before anything is written: articles, glossary,
languages, models, the translation memory. Shared by ``pipeline`` and ``review``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..article.read import read_document, read_text
from ..article.segment import segment_blocks, segment_document
from ..errors import ConfigError, GlossaryError, L10nError, SourceError
from ..languages import resolve_all
from ..memory.store import TranslationMemory
from ..model import Article, Document, Glossary, Language
from ..mt import BatchPool, ModelChoice, Translator
from ..terms.glossary import load_glossary
from .config import Settings
from .paths import (
    ARTICLE_SUFFIXES,
    article_domain,
    display_path,
    language_catalogs,
    reference_path,
    source_files,
)


@dataclass(frozen=True)
class Articles:
    """The articles of a command that could be read, and what became of the other files."""

    articles: tuple[Article, ...]
    warnings: tuple[str, ...] = ()
    """Files of the source folder that are not articles (``notes.md``): not read."""
    errors: tuple[str, ...] = ()
    """Articles that could not be read: each is skipped, the others go on."""


def segment_file(
    path: Path, *, root: Path | None = None, source: Path | None = None, segment: bool = True
) -> Article:
    """Read one article and segment it (``segment=False``: read and classify it only, for
    commands that need its name and domain but not its sentences).

    ``#:`` references name it relative to ``root`` (``../`` when outside it); inside the
    ``source`` folder its domain is its path there (``world/asia/story``), else its stem.
    """
    name = reference_path(path, root) if root is not None else None
    domain = article_domain(path, source) if source is not None else None
    document = read_document(path, name=name, domain=domain)
    return _article(document) if segment else Article(document, ())


def segment_text(text: str) -> Article:
    """Segment an article given as text (standard input)."""
    return _article(read_text(text))


def _article(document: Document) -> Article:
    pieces = segment_blocks(document)
    return Article(document, segment_document(document, pieces), pieces)


def load_articles(
    settings: Settings,
    files: Sequence[Path] = (),
    suffixes: Sequence[str] = ARTICLE_SUFFIXES,
    *,
    segment: bool = True,
) -> Articles:
    """Read and segment every article of the command, before anything is written.

    An article that cannot be read is skipped and reported in ``errors``; when none can be
    read, the first error is raised. Two articles with one domain are an error.
    """
    sources = source_files(settings, files, suffixes)
    loaded = read_articles(settings, sources.files, segment=segment)
    return Articles(loaded.articles, sources.skipped, loaded.errors)


def read_articles(settings: Settings, paths: Sequence[Path], *, segment: bool = True) -> Articles:
    """Read and segment exactly ``paths`` (errors as :func:`load_articles`)."""
    articles: list[Article] = []
    failures: list[SourceError] = []
    for path in paths:
        try:
            found = segment_file(path, root=settings.root, source=settings.source, segment=segment)
            articles.append(found)
        except SourceError as err:
            failures.append(err)
    if failures and not articles:
        raise failures[0]
    _require_distinct_domains(articles)
    errors = tuple(f"{err} (article skipped)" for err in failures)
    return Articles(tuple(articles), (), errors)


def _require_distinct_domains(articles: Sequence[Article]) -> None:
    domains: dict[str, str] = {}
    for article in articles:
        first = domains.setdefault(article.document.domain, article.document.name)
        if first != article.document.name:
            raise SourceError(
                f"same domain as {first} — rename one: the file's path in source/ (or its"
                " stem outside it) names its catalogs",
                path=article.document.name,
            )


def load_project_glossary(settings: Settings) -> Glossary:
    """glossary.csv, or an empty glossary when the default file does not exist."""
    if not settings.glossary.exists() and settings.glossary == settings.root / "glossary.csv":
        return Glossary()
    try:
        return load_glossary(settings.glossary)
    except GlossaryError as err:
        raise relative(err, settings.root) from err


def languages_of(settings: Settings, codes: Sequence[str] = ()) -> tuple[Language, ...]:
    """The target languages of the run: the given codes or the configured ones."""
    return resolve_all(tuple(codes) or settings.languages)


def relative(err: L10nError, root: Path) -> L10nError:
    """The same error, naming its file relative to the project root as other messages do."""
    if err.path is None:
        return err
    return type(err)(err.detail, path=display_path(Path(err.path), root), line=err.line)


def open_memory(settings: Settings, langs: Sequence[Language] = ()) -> TranslationMemory:
    """The project's translation memory, refreshed from every catalog of ``langs``."""
    if settings.memory is None:
        raise ConfigError("[tool.l10n] memory: no translation memory file configured")
    memory = TranslationMemory(settings.memory)
    memory.refresh({lang.locale: language_catalogs(settings, lang) for lang in langs})
    return memory


def configured_choice(lang: Language, settings: Settings) -> ModelChoice | None:
    """``[tool.l10n.models.<lang>]``, a package path in it made relative to the project.

    A relative path in pyproject.toml is relative to the project, not to the cwd.
    """
    choice = settings.models.get(lang.code) or settings.models.get(lang.mt_code)
    if choice is not None and _looks_like_path(choice.package):
        choice = replace(choice, package=str(settings.root / Path(choice.package).expanduser()))
    return choice


def _looks_like_path(package: str) -> bool:
    return "/" in package or "\\" in package or package.startswith(("~", "."))


def default_translators(
    pool: BatchPool | None = None,
) -> Callable[[Language, Settings], Translator | None]:
    """A factory of installed Argos models (en→language, or None) for one run: languages
    served by one package (a multilingual NLLB model) share its loaded model; with a
    ``pool``, batches are decoded on its workers."""
    from ..mt.argos import LoadedModels, load_translator

    models = LoadedModels()

    def translator_for(language: Language, settings: Settings) -> Translator | None:
        choice = configured_choice(language, settings)
        return load_translator(language, settings.mt, choice, models=models, pool=pool)

    return translator_for


def default_translator(language: Language, settings: Settings) -> Translator | None:
    """The installed Argos model for en→language, or None (imports the engine lazily)."""
    return default_translators()(language, settings)
