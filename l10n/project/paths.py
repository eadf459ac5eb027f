"""Where a project's files are: source articles, templates, catalogs; paths for messages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..article.read import READERS
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
    """The articles to work on: the given files, or every article in the source directory.

    An article is a file whose suffix has a reader (``l10n.article.read.READERS``: ``.txt``,
    ``.html``, ``.htm``, ``.md``, ``.markdown``, in any case).
    """
    if files:
        return list(files)
    folder = settings.source
    kinds = ", ".join(f"*{suffix}" for suffix in READERS)
    if not folder.is_dir():
        raise SourceError(
            f"source directory not found — create it and put English articles ({kinds}) in it",
            path=display_path(folder, settings.root),
        )
    found = sorted(p for p in folder.iterdir() if p.suffix.lower() in READERS and p.is_file())
    if not found:
        raise SourceError(
            f"no articles ({kinds}) found — put an English article in it",
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
