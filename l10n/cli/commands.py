"""The project commands: segment, run, status, check, export — thin over the Python API.

Each command parses its options, makes one call into ``l10n.pipeline`` or ``l10n.review``
and formats the report it returns; failures are raised as ``L10nError`` and turned into a
message and an exit code by the group in ``l10n.cli``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from ..errors import CatalogError, GateError
from .options import codes, load, project_options, table


@click.command()
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Also show text with nothing to translate (timestamps, numbers).",
)
def segment(file: Path, as_json: bool, show_all: bool) -> None:
    """Print the translatable segments of FILE ("-" reads standard input)."""
    from ..article.read import decode_source
    from ..project.inputs import segment_file, segment_text

    if str(file) == "-":
        article = segment_text(decode_source(sys.stdin.buffer.read(), "<stdin>"))
    else:
        article = segment_file(file, root=Path.cwd())
    for seg in article.segments:
        if not (seg.translatable or show_all):
            continue
        if as_json:
            record = asdict(seg)
            record["references"] = list(seg.references)
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            mark = " " if seg.translatable else "-"
            click.echo(f"{seg.line:>4} {mark} {seg.kind:<9} {seg.text}")


@click.command()
@project_options
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--retranslate",
    is_flag=True,
    help="Machine-translate again entries that hold machine output (never human ones).",
)
def run(
    config: Path | None,
    source: Path | None,
    locales: Path | None,
    glossary: Path | None,
    to: str | None,
    files: Sequence[Path],
    retranslate: bool,
) -> None:
    """Segment the articles, machine-translate, and write the PO catalogs."""
    from .. import pipeline
    from ..project.paths import display_path

    settings = load(config, source, locales, glossary)
    with _progress() as progress:
        report = pipeline.run(
            settings,
            files=tuple(files),
            languages=codes(to),
            retranslate=retranslate,
            progress=progress,
        )
    for warning in report.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    for path in report.templates:
        click.echo(f"template {display_path(path, settings.root)}")
    click.echo(_run_table(report))
    for error in report.errors:
        click.secho(f"error: {error}", fg="red", err=True)
    if report.errors:
        raise CatalogError(
            f"{len(report.errors)} language(s) skipped — fix the errors above and run again"
        )


def _run_table(report: Any) -> str:
    head = (
        "language",
        "human",
        "machine",
        "suggested",
        "memory",
        "fuzzy-match",
        "new MT",
        "2nd pass",
        "empty",
        "obsolete",
    )
    rows = [head] + [
        (
            s.language,
            s.kept_human,
            s.kept_machine,
            s.kept_fuzzy,
            s.reused_tm,
            s.fuzzy_matched,
            s.translated,
            s.second_pass,
            s.untranslated,
            s.obsoleted,
        )
        for s in report.languages
    ]
    return table(rows)


class _progress:
    """A Click progress bar on a terminal, nothing otherwise; yields a callback or None."""

    def __enter__(self) -> Callable[[str, int, int], None] | None:
        self._bar: Any = None
        if not sys.stderr.isatty():
            return None
        return self._update

    def _update(self, code: str, done: int, total: int) -> None:
        label = f"translating {code}"
        if self._bar is not None and self._bar.label != label:
            self._close()
        if self._bar is None:
            self._bar = click.progressbar(length=total, label=label, file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(done - self._bar.pos)

    def _close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None

    def __exit__(self, *exc: object) -> None:
        self._close()


@click.command()
@project_options
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    metavar="N",
    help="Exit 1 when a language has fewer than N% reviewed segments.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per catalog.")
def status(
    config: Path | None,
    source: Path | None,
    locales: Path | None,
    glossary: Path | None,
    to: str | None,
    fail_under: float | None,
    as_json: bool,
) -> None:
    """Per-language progress: translated, fuzzy and untranslated segments and words."""
    from .. import review
    from ..project.paths import display_path

    settings = load(config, source, locales, glossary)
    report = review.status(settings, languages=codes(to))
    rows: list[Sequence[Any]] = [("language", "reviewed", "fuzzy", "empty", "words", "%")]
    for item in report:
        if as_json:
            record = asdict(item)
            record.update(
                catalogs=[display_path(p, settings.root) for p in item.catalogs],
                percent=round(item.percent, 1),
            )
            click.echo(json.dumps(record, ensure_ascii=False))
        rows.append(
            (
                item.language,
                item.translated,
                item.fuzzy,
                item.untranslated,
                f"{item.words_translated}/{item.words_total}",
                f"{item.percent:.1f}",
            )
        )
    if not as_json:
        click.echo(table(rows))
    below = [s for s in report if fail_under is not None and s.percent < fail_under]
    if below:
        names = ", ".join(f"{s.language} ({s.percent:.1f}%)" for s in below)
        raise GateError(f"below --fail-under {fail_under:g}%: {names}")


@click.command()
@project_options
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
    fail_on: str,
    as_json: bool,
    list_checks: bool,
) -> None:
    """Quality checks on the catalogs: glossary, numbers, punctuation, quotes…"""
    from .. import review

    if list_checks:
        for spec in review.check_list():
            click.echo(f"{spec.id:<16} {spec.severity:<8} {spec.description}")
        return
    settings = load(config, source, locales, glossary)
    issues = review.check(settings, languages=codes(to))
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
    failed = sum(1 for i in issues if i.severity in failing)
    if failed:
        raise GateError(f"{failed} issue(s) at --fail-on {fail_on} or worse — fix them, or review")


@click.command()
@project_options
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
    type=click.FloatRange(0, 100),
    metavar="N",
    help="Refuse to export a language with fewer than N% reviewed segments.",
)
def export(
    config: Path | None,
    source: Path | None,
    locales: Path | None,
    glossary: Path | None,
    to: str | None,
    fmt: tuple[str, ...],
    out: Path,
    include_fuzzy: bool,
    fail_under: float | None,
) -> None:
    """Rebuild the localized articles from the catalogs (text, Markdown, HTML, MO)."""
    from .. import review
    from ..project.paths import display_path

    settings = load(config, source, locales, glossary)
    report = review.export(
        settings,
        languages=codes(to),
        formats=fmt or ("txt", "md", "html", "mo"),
        out=out.resolve(),
        include_fuzzy=include_fuzzy,
        fail_under=fail_under,
    )
    for path in report.written:
        click.echo(f"wrote {display_path(path, Path.cwd())}")
    if report.refused:
        raise GateError("; ".join(report.refused))


COMMANDS = (segment, run, status, check, export)
