"""``l10n models``: list, install, remove and build the offline Argos Translate models.

Thin commands: parse, call ``l10n.mt.store``, print. The store (and urllib) is imported
only when a command runs, so ``l10n --help`` stays cheap.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .options import config_option

if TYPE_CHECKING:
    from ..model import Language
    from ..mt.store import PackageInfo
    from ..project.config import Settings


@click.group()
def models() -> None:
    """Manage the offline translation models (Argos Translate packages)."""


@models.command("list")
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
def list_command(config: Path | None, as_json: bool) -> None:
    """Show installed packages and which target language has a model."""
    from ..languages import resolve
    from ..mt import store
    from ..project.config import load_settings

    settings = load_settings(config=config)
    installed = store.list_packages()
    if as_json:
        click.echo(json.dumps(_list_data(settings, installed), ensure_ascii=False, indent=1))
        return
    click.echo(f"Packages in {store.packages_dir()}:")
    for pkg in installed:
        prefix = f"  target-prefix {pkg.target_prefix}" if pkg.target_prefix else ""
        if pkg.target_prefixes:
            prefix += "  serves " + ", ".join(
                f"{code} ({tag})" for code, tag in pkg.target_prefixes
            )
        click.echo(
            f"  {pkg.name:<20} {pkg.from_code}→{pkg.to_code}  {pkg.version:<6} {pkg.path}{prefix}"
        )
    if not installed:
        click.echo("  (none)")
    click.echo("Target languages:")
    for code in settings.languages:
        lang = resolve(code)
        click.echo(f"  {code:<6} en→{lang.mt_code:<4} {_model_status(lang, settings)}")


def _list_data(settings: Settings, installed: Sequence[PackageInfo]) -> dict[str, Any]:
    """``models list --json``: the packages and, per target language, its model."""
    from ..languages import resolve
    from ..mt import store

    packages = [
        {
            "name": p.name,
            "from": p.from_code,
            "to": p.to_code,
            "version": p.version,
            "path": str(p.path),
            "target_prefix": p.target_prefix,
            "target_prefixes": dict(p.target_prefixes),
        }
        for p in installed
    ]
    languages = []
    for code in settings.languages:
        lang = resolve(code)
        found, status = _model(lang, settings)
        languages.append(
            {
                "language": code,
                "mt_code": lang.mt_code,
                "model": found.name if found else None,
                "version": found.version if found else None,
                "status": status,
            }
        )
    return {"packages_dir": str(store.packages_dir()), "packages": packages, "languages": languages}


def _model_status(lang: Language, settings: Settings) -> str:
    return _model(lang, settings)[1]


def _model(lang: Language, settings: Settings) -> tuple[PackageInfo | None, str]:
    """The package serving ``lang`` (None when there is none) and a status line."""
    from ..errors import ModelError
    from ..mt import store
    from ..project.inputs import configured_choice

    try:
        found = store.find_package("en", lang.mt_code, configured_choice(lang, settings))
    except ModelError as err:
        return None, f"configured model unusable: {err}"
    if found is None:
        return None, "no model — untranslated entries stay empty for human translators"
    return found, f"{found.name} {found.version}"


@models.command("install")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--from-index",
    "codes",
    multiple=True,
    metavar="LANG",
    help="Download en→LANG from the Argos package index (online; repeatable).",
)
def install_command(paths: tuple[Path, ...], codes: tuple[str, ...]) -> None:
    """Install .argosmodel files, or download packages with --from-index ru zh.

    With --from-index, the arguments are language codes instead of files.
    """
    from ..languages import resolve
    from ..mt import store

    if codes:
        wanted = [*codes, *(str(p) for p in paths)]
        installed = store.install_from_index([resolve(c).mt_code for c in wanted])
    elif paths:
        installed = [store.install_package(path) for path in paths]
    else:
        raise click.UsageError("give .argosmodel files, or --from-index with languages")
    for pkg in installed:
        click.echo(
            f"installed {pkg.name} {pkg.version} ({pkg.from_code}→{pkg.to_code}) in {pkg.path}"
        )


@models.command("remove")
@click.argument("name")
def remove_command(name: str) -> None:
    """Remove an installed package by name (translate-en_ru), directory or pair (en_ru)."""
    from ..mt import store

    pkg = store.remove_package(name)
    click.echo(f"removed {pkg.name} {pkg.version} from {pkg.path}")


@models.command("build")
@click.argument("src", type=click.Path(path_type=Path, file_okay=False))
@click.option("--from", "from_code", default="en", show_default=True, help="Source language.")
@click.option("--to", "to_code", required=True, help="Target language, e.g. kk.")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="The .argosmodel file (or a directory for it); default: the current directory.",
)
@click.option(
    "--quantization",
    default="int8",
    show_default=True,
    help="Weight type: int8, int8_float32, int8_float16, int8_bfloat16, int16, float16, "
    "bfloat16 or float32.",
)
@click.option("--source-prefix", help="Source language token (default: inferred; '' for none).")
@click.option("--target-prefix", help="Target prefix token (default: inferred; '' for none).")
def build_command(
    src: Path,
    from_code: str,
    to_code: str,
    out: Path | None,
    quantization: str,
    source_prefix: str | None,
    target_prefix: str | None,
) -> None:
    """Build an .argosmodel from a local OPUS-MT, Marian or NLLB checkpoint (offline).

    SRC is an OPUS-MT directory (decoder.yml, *.npz, *.vocab.yml, source.spm, target.spm)
    or a Hugging Face checkpoint (config.json); the latter needs `pip install 'l10n[convert]'`.
    """
    from ..mt.build import build_package

    built = build_package(
        src,
        from_code,
        to_code,
        out=out,
        quantization=quantization,
        source_prefix=source_prefix,
        target_prefix=target_prefix,
    )
    click.echo(
        f"built {built.path} ({built.from_code}→{built.to_code}, {built.kind}, "
        f"licence: {built.license})"
    )
    click.echo(
        f"  source token: {built.source_prefix or 'none'}; "
        f"target prefix: {built.target_prefix or 'none'}"
    )
    click.echo(f"  install it: l10n models install {built.path}")
    others = sorted(c for c in built.target_prefixes if c != built.to_code)
    if others:
        shown = ", ".join(others[:12]) + (", …" if len(others) > 12 else "")
        click.echo(
            f'  it also serves {shown}: set package = "{built.folder}" in [tool.l10n.models.<lang>]'
        )
