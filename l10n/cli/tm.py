"""``l10n tm``: the translation memory as TMX, for CAT tools (OmegaT, Trados)."""

from __future__ import annotations

from pathlib import Path

import click

from .options import codes, config_option, load, to_option


@click.group()
def tm() -> None:
    """Translation memory: approved translations reused across articles."""


@tm.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["tmx"]),
    default="tmx",
    show_default=True,
    help="File format.",
)
@to_option
@config_option
@click.argument("output", type=click.Path(path_type=Path, dir_okay=False))
def export_tm(fmt: str, to: str | None, config: Path | None, output: Path) -> None:
    """Write approved translations to OUTPUT (TMX 1.4b)."""
    from .. import review

    count = review.tm_export(load(config), output, languages=codes(to))
    click.echo(f"wrote {count} translation units to {output}")


@tm.command("import")
@config_option
@click.argument("tmx", type=click.Path(path_type=Path, dir_okay=False))
def import_tm(config: Path | None, tmx: Path) -> None:
    """Add the translation units of a TMX file to the memory."""
    from .. import review

    count = review.tm_import(load(config), tmx)
    click.echo(f"imported {count} translation units from {tmx}")
