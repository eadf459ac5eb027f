"""One exception hierarchy for every failure a user can cause or fix.

Every message reads ``path[:line]: what is wrong — what to do`` so that the CLI can
print it as one line and exit non-zero without a traceback.
"""

from __future__ import annotations

from pathlib import Path


class L10nError(Exception):
    """Base class: a failure the user can act on. ``str(err)`` is the one-line message."""

    def __init__(
        self, message: str, *, path: str | Path | None = None, line: int | None = None
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.detail = message
        super().__init__(self._format())

    def _format(self) -> str:
        if self.path is None:
            return self.detail
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.detail}"


class SourceError(L10nError):
    """The source article cannot be read (missing, not UTF-8, empty, a directory…)."""


class ConfigError(L10nError):
    """``[tool.l10n]`` in pyproject.toml or a command-line option is invalid."""


class LanguageError(L10nError):
    """An unknown or unsupported language code."""


class GlossaryError(L10nError):
    """``glossary.csv`` is malformed."""


class ModelError(L10nError):
    """A translation model is missing, corrupt, or cannot be installed."""


class CatalogError(L10nError):
    """A PO/POT/MO file cannot be read or written."""


class LockError(L10nError):
    """Another run holds the project lock."""


class TMError(L10nError):
    """The translation memory or a TMX file is invalid."""


class ExportError(L10nError):
    """An export cannot be produced (policy threshold, unwritable output…)."""
