"""One exception hierarchy for every failure a user can cause or fix.

Every message reads ``path[:line]: what is wrong — what to do`` so that the CLI can
print it as one line without a traceback. Each class carries the exit code the CLI uses
(``l10n.cli`` is the one place that turns an error into a message and an exit code):

==== =====================================================================
code meaning
==== =====================================================================
0    success
1    bad input: a source, config, glossary, catalog, model, memory or export problem
2    usage: an unknown option or a bad option value (Click's own code)
3    a quality gate failed: ``check --fail-on``, ``status``/``export --fail-under``
4    another ``l10n`` run holds the project lock
==== =====================================================================
"""

from __future__ import annotations

from pathlib import Path

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_GATE = 3
EXIT_LOCKED = 4


class L10nError(Exception):
    """Base class: a failure the user can act on. ``str(err)`` is the one-line message."""

    exit_code: int = EXIT_BAD_INPUT

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

    exit_code = EXIT_LOCKED


class TMError(L10nError):
    """The translation memory or a TMX file is invalid."""


class ExportError(L10nError):
    """An export cannot be produced (policy threshold, unwritable output…)."""


class GateError(L10nError):
    """A quality gate was not met (checks failed, too few reviewed segments)."""

    exit_code = EXIT_GATE
