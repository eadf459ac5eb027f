"""Options and helpers shared by the commands: declared once, used everywhere."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from ..project.config import Settings

F = TypeVar("F", bound=Callable[..., Any])


class Percent(click.FloatRange):
    """A percentage from 0 to 100; ``nan`` is refused (FloatRange lets it through)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number from 0 to 100", param, ctx)
        return number


PERCENT = Percent(0, 100)
"""The type of ``--fail-under``."""

config_option = click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    help="pyproject.toml to read [tool.l10n] from (default: nearest one).",
)
files_argument = click.argument("files", nargs=-1, type=click.Path(path_type=Path))
"""The articles a command works on (none: every article of the source folder)."""
to_option = click.option(
    "--to",
    "to",
    metavar="LANGS",
    help="Target languages, comma-separated (default: [tool.l10n] languages).",
)


def project_options(func: F) -> F:
    """``--config``, ``--source``, ``--locales``, ``--glossary`` and ``--to``."""
    options = [
        config_option,
        click.option(
            "--source",
            type=click.Path(path_type=Path),
            help="Directory of English articles (default: [tool.l10n] source).",
        ),
        click.option(
            "--locales",
            type=click.Path(path_type=Path),
            help="Directory of catalogs (default: [tool.l10n] locales).",
        ),
        click.option(
            "--glossary",
            type=click.Path(path_type=Path),
            help="Glossary CSV (default: [tool.l10n] glossary).",
        ),
        to_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def load(
    config: Path | None,
    source: Path | None = None,
    locales: Path | None = None,
    glossary: Path | None = None,
) -> Settings:
    """The project's settings with the command line's overrides."""
    from ..project.config import load_settings

    settings = load_settings(config=config)
    return settings.with_overrides(
        source=source.resolve() if source else None,
        locales=locales.resolve() if locales else None,
        glossary=glossary.resolve() if glossary else None,
    )


def codes(to: str | None) -> tuple[str, ...]:
    """The language codes of a ``--to`` value (none: the configured languages)."""
    from ..languages import parse_list

    return parse_list(to) if to else ()


def table(rows: Sequence[Sequence[Any]]) -> str:
    """Rows as aligned columns: the first left-aligned, the others right-aligned."""
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            str(cell).ljust(widths[i]) if i == 0 else str(cell).rjust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    )
