"""``l10n tm``: the translation memory as TMX, for CAT tools (OmegaT, Trados)."""

from __future__ import annotations

from pathlib import Path

import click


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
@click.option("--to", "to", metavar="LANGS", help="Languages, comma-separated (default: all).")
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    help="pyproject.toml to read [tool.l10n] from.",
)
@click.argument("output", type=click.Path(path_type=Path, dir_okay=False))
def export_tm(fmt: str, to: str | None, config: Path | None, output: Path) -> None:
    """Write approved translations to OUTPUT (TMX 1.4b)."""
    from . import review
    from .config import load_settings
    from .languages import parse_list

    settings = load_settings(config=config)
    count = review.tm_export(settings, output, languages=parse_list(to) if to else ())
    click.echo(f"wrote {count} translation units to {output}")


@tm.command("import")
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    help="pyproject.toml to read [tool.l10n] from.",
)
@click.argument("tmx", type=click.Path(path_type=Path, dir_okay=False))
def import_tm(config: Path | None, tmx: Path) -> None:
    """Add the translation units of a TMX file to the memory."""
    from . import review
    from .config import load_settings

    count = review.tm_import(load_settings(config=config), tmx)
    click.echo(f"imported {count} translation units from {tmx}")
