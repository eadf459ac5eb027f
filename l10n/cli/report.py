"""``l10n report``: the static HTML review report (and its JSON twin) — thin over the API."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click

from .commands import _fail_on_errors, _problems
from .options import codes, files_argument, load, project_options


@click.command()
@project_options
@files_argument
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("report"),
    show_default=True,
    help="Directory for index.html, one page per article and language, and report.json.",
)
@click.option("--json", "as_json", is_flag=True, help="Also print the report as one JSON document.")
def report(
    config: Path | None,
    source: Path | None,
    locales: Path | None,
    glossary: Path | None,
    to: str | None,
    files: Sequence[Path],
    out: Path,
    as_json: bool,
) -> None:
    """Write an HTML review report: progress and QA findings, segment by segment."""
    from .. import review
    from ..project.paths import display_path

    settings = load(config, source, locales, glossary)
    result = review.report(settings, languages=codes(to), files=tuple(files), out=out.resolve())
    _problems(result)
    if as_json:
        click.echo(json.dumps(result.data(), ensure_ascii=False, indent=1))
    else:
        index = out.resolve() / "index.html"
        click.echo(f"wrote {display_path(index, Path.cwd())} and {len(result.pages)} page(s)")
    _fail_on_errors(result)
