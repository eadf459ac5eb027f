"""The ``l10n`` command line: one group, one error funnel, thin commands.

Commands raise :class:`~l10n.errors.L10nError`; :class:`L10nGroup` is the one place that
turns it into a one-line message and the error's exit code (see ``l10n.errors`` for the
table). Nothing heavy is imported until a command runs: ``l10n --help`` imports no
model store, urllib, babel or polib.
"""

from __future__ import annotations

from typing import Any

import click

from .. import __version__
from ..errors import L10nError
from .commands import COMMANDS
from .models import models
from .report import report
from .tm import tm


class Failure(click.ClickException):
    """A ClickException carrying an ``L10nError``'s exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        # Click declares exit_code on the class; this instance carries the error's own code.
        setattr(self, "exit_code", exit_code)  # noqa: B010


class L10nGroup(click.Group):
    """Turns every ``L10nError`` of any subcommand into a one-line message and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except L10nError as err:
            raise Failure(str(err), err.exit_code) from err


_EPILOG = """\b
Typical use, in a project with source/*.txt and glossary.csv:
  l10n models install translate-en_ru.argosmodel   once, offline
  l10n run                 segment, translate, write locales/<lang>/LC_MESSAGES/*.po
  (review the .po files in Poedit, Lokalize or Weblate; clear "fuzzy" to accept)
  l10n status --fail-under 100
  l10n check
  l10n report --out report    an HTML page per article and language
  l10n export --format html --out dist

\b
Exit codes: 0 done, 1 bad input, 2 usage, 3 a quality gate failed, 4 project locked.
"""


@click.group(
    cls=L10nGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=_EPILOG,
)
@click.version_option(__version__, prog_name="l10n")
def cli() -> None:
    """Localize news articles offline: segment, glossary, machine translation,
    gettext PO review, quality checks and export."""


for _command in (*COMMANDS, report, models, tm):
    cli.add_command(_command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="l10n")
