"""The project commands: segment, run, status, check, export — thin over the Python API.

Each command parses its options, makes one call into ``l10n.pipeline`` or ``l10n.review``
and formats the report it returns; failures are raised as ``L10nError`` and turned into a
message and an exit code by the group in ``l10n.cli``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from ..errors import CatalogError, GateError, SourceError
from .data import run_data
from .display import ProgressBar, run_table
from .options import PERCENT, codes, files_argument, load, project_options, table


@click.command()
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Show every line and what becomes of it: also text kept as it is (timestamps,"
    " datelines, credits, sign-offs; marked -) and page chrome that is dropped (marked x).",
)
def segment(file: Path, as_json: bool, show_all: bool) -> None:
    """Print the translatable segments of FILE ("-" reads standard input)."""
    from ..article.read import decode_source
    from ..article.segment import fate, segment_lines
    from ..project.inputs import segment_file, segment_text

    if str(file) == "-":
        article = segment_text(decode_source(sys.stdin.buffer.read(), "<stdin>"))
    else:
        article = segment_file(file, root=Path.cwd())
    shown = segment_lines(article.document) if show_all else article.segments
    for seg in shown:
        if not (seg.translatable or show_all):
            continue
        if as_json:
            record = asdict(seg)
            record["references"] = list(seg.references)
            record["fate"] = fate(seg)
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            mark = {"translate": " ", "keep": "-", "drop": "x"}[fate(seg)]
            click.echo(f"{seg.line:>4} {mark} {seg.kind:<9} {seg.text}")


@click.command()
@project_options
@files_argument
@click.option(
    "--retranslate",
    is_flag=True,
    help="Machine-translate again entries that hold machine output (never human ones).",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 256),
    metavar="N",
    help="Decode on N local processes, each holding its models (default: this process,"
    " which already uses every core).",
)
@click.option(
    "--cluster",
    metavar="ADDRESS",
    help="Decode on a Dask cluster, e.g. tcp://host:8786 (needs l10n[dask]).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the run's report as one JSON document."
)
def run(
    config: Path | None,
    source: Path | None,
    locales: Path | None,
    glossary: Path | None,
    to: str | None,
    files: Sequence[Path],
    retranslate: bool,
    jobs: int | None,
    cluster: str | None,
    as_json: bool,
) -> None:
    """Segment the articles, machine-translate, and write the PO catalogs."""
    from .. import pipeline

    if any(str(file) == "-" for file in files):
        raise click.BadParameter(
            '"-" (standard input) has no file name to name its catalog after — save the '
            "article under the source folder and run again (`l10n segment -` reads stdin)",
            param_hint="FILES",
        )
    settings = load(config, source, locales, glossary)
    with ProgressBar() as progress:
        report = pipeline.run(
            settings,
            files=tuple(files),
            languages=codes(to),
            retranslate=retranslate,
            progress=progress,
            jobs=jobs,
            cluster=cluster,
        )
    if as_json:
        click.echo(json.dumps(run_data(report, settings.root), ensure_ascii=False, indent=1))
    else:
        _print_run(report, settings.root)
    if report.errors:
        raise CatalogError(
            f"{len(report.errors)} skipped (an article or a language) — fix the errors above"
            " and run again"
        )


def _print_run(report: Any, root: Path) -> None:
    from ..project.paths import display_path

    for warning in report.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    for path in report.templates:
        click.echo(f"template {display_path(path, root)}")
    click.echo(run_table(report))
    for stats in report.languages:
        for note in stats.notes:
            click.echo(f"note: {note}")
    for error in report.errors:
        click.secho(f"error: {error}", fg="red", err=True)


def _problems(report: Any) -> None:
    """Print a report's warnings and errors; skipped articles make the command fail."""
    for warning in report.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    for error in report.errors:
        click.secho(f"error: {error}", fg="red", err=True)


def _fail_on_errors(report: Any) -> None:
    if report.errors:
        raise SourceError(f"{len(report.errors)} article(s) skipped — fix the errors above")


@click.command()
@project_options
@files_argument
@click.option(
    "--fail-under",
    type=PERCENT,
    metavar="N",
    help="Exit 3 when an article has fewer than N% reviewed segments in a language.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per language.")
def status(
    config: Path | None,
    source: Path | None,
    locales: Path | None,
    glossary: Path | None,
    to: str | None,
    files: Sequence[Path],
    fail_under: float | None,
    as_json: bool,
) -> None:
    """Progress per language, and per article: reviewed, fuzzy and empty segments and words.

    FILES: the articles to report on (default: every article in the source folder).
    """
    from .. import review

    settings = load(config, source, locales, glossary)
    report = review.status(settings, languages=codes(to), files=tuple(files))
    if as_json:
        for item in report.languages:
            click.echo(json.dumps(_status_record(item, settings.root), ensure_ascii=False))
    else:
        click.echo(_status_table(report.languages))
    _problems(report)
    _fail_on_errors(report)
    below = report.below(fail_under) if fail_under is not None else []
    if below:
        names = ", ".join(f"{s.language} {s.article} ({s.percent:.1f}%)" for s in below)
        raise GateError(f"below --fail-under {fail_under:g}%: {names}")


def _status_record(item: Any, root: Path) -> dict[str, Any]:
    from ..project.paths import display_path

    record = asdict(item)
    record.update(
        catalogs=[display_path(p, root) for p in item.catalogs],
        percent=round(item.percent, 1),
        articles=[
            {
                "article": a.article,
                "catalog": display_path(a.catalogs[0], root),
                "translated": a.translated,
                "fuzzy": a.fuzzy,
                "untranslated": a.untranslated,
                "percent": round(a.percent, 1),
            }
            for a in item.articles
        ],
    )
    del record["article"]
    return record


def _status_table(languages: Sequence[Any]) -> str:
    rows: list[Sequence[Any]] = [("language", "reviewed", "fuzzy", "empty", "words", "%")]
    for item in languages:
        parts = [item, *item.articles] if len(item.articles) > 1 else [item]
        for part in parts:
            rows.append(
                (
                    f"  {part.article}" if part.article else part.language,
                    part.translated,
                    part.fuzzy,
                    part.untranslated,
                    f"{part.words_translated}/{part.words_total}",
                    f"{part.percent:.1f}",
                )
            )
    return table(rows)


@click.command()
@project_options
@files_argument
@click.option(
    "--fail-on",
    type=click.Choice(["warning", "error"]),
    default="error",
    show_default=True,
    help="Exit 1 when an issue of this severity or worse is found.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per issue.")
@click.option("--list", "list_checks", is_flag=True, help="List the checks and exit.")
def check(
    config: Path | None,
    source: Path | None,
    locales: Path | None,
    glossary: Path | None,
    to: str | None,
    files: Sequence[Path],
    fail_on: str,
    as_json: bool,
    list_checks: bool,
) -> None:
    """Quality checks on the catalogs: glossary, numbers, punctuation, quotes…

    FILES: the articles whose catalogs to check (default: every article).
    """
    from .. import review

    if list_checks:
        for spec in review.check_list():
            click.echo(f"{spec.id:<16} {spec.severity:<8} {spec.description}")
        return
    settings = load(config, source, locales, glossary)
    report = review.check(settings, languages=codes(to), files=tuple(files))
    issues = report.issues
    for issue in issues:
        if as_json:
            click.echo(json.dumps(asdict(issue), ensure_ascii=False))
        else:
            click.echo(f"{issue} ({issue.severity})")
    failing = {"error"} if fail_on == "error" else {"error", "warning"}
    counts = {
        sev: sum(1 for i in issues if i.severity == sev) for sev in ("error", "warning", "info")
    }
    click.echo(
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info", err=True
    )
    _problems(report)
    _fail_on_errors(report)
    failed = sum(1 for i in issues if i.severity in failing)
    if failed:
        raise GateError(f"{failed} issue(s) at --fail-on {fail_on} or worse — fix them, or review")


@click.command()
@project_options
@files_argument
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["txt", "md", "html", "mo"]),
    multiple=True,
    help="Output format; repeat for several (default: all).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("dist"),
    show_default=True,
    help="Output directory.",
)
@click.option(
    "--include-fuzzy",
    is_flag=True,
    help="Publish machine output (fuzzy entries) instead of falling back to English.",
)
@click.option(
    "--fail-under",
    type=PERCENT,
    metavar="N",
    help="Refuse to export an article in a language where it has fewer than N% reviewed"
    " segments (the others are exported).",
)
def export(
    config: Path | None,
    source: Path | None,
    locales: Path | None,
    glossary: Path | None,
    to: str | None,
    files: Sequence[Path],
    fmt: tuple[str, ...],
    out: Path,
    include_fuzzy: bool,
    fail_under: float | None,
) -> None:
    """Rebuild the localized articles from the catalogs (text, Markdown, HTML, MO).

    FILES: the articles to export (default: every article in the source folder).
    """
    from .. import review
    from ..project.paths import display_path

    settings = load(config, source, locales, glossary)
    report = review.export(
        settings,
        languages=codes(to),
        files=tuple(files),
        formats=fmt or ("txt", "md", "html", "mo"),
        out=out.resolve(),
        include_fuzzy=include_fuzzy,
        fail_under=fail_under,
    )
    for path in report.written:
        click.echo(f"wrote {display_path(path, Path.cwd())}")
    _problems(report)
    _fail_on_errors(report)
    if report.refused:
        raise GateError("; ".join(report.refused))


COMMANDS = (segment, run, status, check, export)
