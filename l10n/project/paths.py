"""Where a project's files are: source articles, templates, catalogs; paths for messages."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..model import Language
from .config import Settings

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt",)
"""The file suffixes read as articles (a reader for another format adds its own)."""


@dataclass(frozen=True)
class Sources:
    """The articles of a run, and the files in the source folder that are not articles."""

    files: tuple[Path, ...]
    skipped: tuple[str, ...] = ()
    """One warning per file of the source folder that is not read, saying why."""


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when inside it (POSIX form), for messages and ``#:``."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def reference_path(path: Path, root: Path) -> str:
    """How ``#:`` cites an article: relative to ``root``, with ``../`` when outside it.

    An absolute path would differ between machines and leak the local file layout.
    """
    return Path(os.path.relpath(path.resolve(), root.resolve())).as_posix()


def article_domain(path: Path, source: Path) -> str:
    """The gettext domain of an article: its path in the source folder without the suffix
    (``world/asia/story``), so ``a/x.txt`` and ``b/x.txt`` never share catalogs; the file's
    stem for an article outside the source folder."""
    try:
        relative = path.resolve().relative_to(source.resolve())
    except ValueError:
        return path.stem
    return relative.with_suffix("").as_posix() if relative.name else path.stem


def discover(folder: Path, suffixes: Sequence[str]) -> tuple[list[Path], list[Path]]:
    """``(articles, others)``: the files under ``folder`` and its sub-folders, sorted, whose
    suffix is one of ``suffixes`` (exactly: ``UPPER.TXT`` is not ``.txt``), and the rest.

    Hidden files and folders (``.git``, ``.DS_Store``) are neither.
    """
    articles: list[Path] = []
    others: list[Path] = []
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if path.is_dir() or any(part.startswith(".") for part in parts):
            continue
        (articles if path.suffix in suffixes else others).append(path)
    return articles, others


def source_files(
    settings: Settings, files: Sequence[Path] = (), suffixes: Sequence[str] = ARTICLE_SUFFIXES
) -> Sources:
    """The articles to work on: the given files, or every article in the source folder
    and its sub-folders; the other files there are reported in ``skipped``."""
    if files:
        return Sources(tuple(files))
    folder = settings.source
    where = display_path(folder, settings.root)
    if not folder.is_dir():
        raise SourceError(
            "source directory not found — create it and put English articles (*.txt) in it",
            path=where,
        )
    found, others = discover(folder, suffixes)
    if not found:
        raise SourceError("no articles (*.txt) found — put an English article in it", path=where)
    skipped = tuple(_not_read(path, settings.root, suffixes) for path in others)
    return Sources(tuple(found), skipped)


def _not_read(path: Path, root: Path, suffixes: Sequence[str]) -> str:
    """The warning for a file of the source folder that is not an article."""
    named = " or ".join(f"*{suffix}" for suffix in suffixes)
    if path.suffix.lower() in suffixes:
        hint = f"rename it to {path.stem}{path.suffix.lower()} to translate it"
    else:
        hint = "move it out of the source folder, or ignore this warning"
    return f"{display_path(path, root)}: not read, only {named} files are articles — {hint}"


def catalog_path(settings: Settings, language: Language, domain: str) -> Path:
    """``locales/<locale>/LC_MESSAGES/<domain>.po``."""
    return settings.locales / language.locale / "LC_MESSAGES" / f"{domain}.po"


def language_catalogs(settings: Settings, lang: Language) -> list[Path]:
    """Every catalog of ``lang`` in the project (all domains, sub-folders included)."""
    folder = settings.locales / lang.locale / "LC_MESSAGES"
    return sorted(folder.rglob("*.po")) if folder.is_dir() else []


def template_path(settings: Settings, domain: str) -> Path:
    """``locales/<domain>.pot``."""
    return settings.locales / f"{domain}.pot"
