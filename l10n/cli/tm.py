"""``l10n tm``: the translation memory as TMX, for CAT tools (OmegaT, Trados)."""

from __future__ import annotations

import sys
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
@click.argument("output", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
def export_tm(fmt: str, to: str | None, config: Path | None, output: Path) -> None:
    """Write approved translations to OUTPUT (TMX 1.4b; "-" writes standard output)."""
    from .. import review

    if str(output) == "-":
        text, count = review.tm_export_text(load(config), languages=codes(to))
        click.echo(text, nl=False)
        click.echo(f"wrote {count} translation units to standard output", err=True)
        return
    count = review.tm_export(load(config), output, languages=codes(to))
    click.echo(f"wrote {count} translation units to {output}")


@tm.command("import")
@config_option
@click.argument("tmx", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
def import_tm(config: Path | None, tmx: Path) -> None:
    """Add the translation units of a TMX file to the memory ("-" reads standard input)."""
    from .. import review

    data = sys.stdin.buffer.read() if str(tmx) == "-" else None
    count = review.tm_import(load(config), Path("<stdin>") if data is not None else tmx, data)
    click.echo(f"imported {count} translation units from {tmx}")
