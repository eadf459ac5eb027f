"""Where a project's files are: source articles, templates, catalogs; paths for messages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import SourceError
from ..model import Language
from .config import Settings


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when inside it (POSIX form), for messages and ``#:``."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


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
