"""``l10n models`` through Click's CliRunner, against the isolated store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n.cli import cli
from l10n.cli.models import models
from l10n.mt.store import PackageInfo

pytestmark = pytest.mark.slow

PYPROJECT = """\
[tool.l10n]
languages = ["ru", "kk", "zh"]

[tool.l10n.models.kk]
package = "translate-en_kk"
source-prefix = ">>kaz_Cyrl<<"
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    config = tmp_path / "project" / "pyproject.toml"
    config.parent.mkdir()
    config.write_text(PYPROJECT)
    return config


def test_list(installed_models: dict[str, PackageInfo], argos_env: Path, project: Path) -> None:
    result = CliRunner().invoke(models, ["list", "--config", str(project)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Packages in {argos_env}:",
        f"  translate-en_kk      en→kk  1.0    {argos_env / 'translate-en_kk-1_0'}"
        "  target-prefix kaz_Cyrl",
        f"  translate-en_ru      en→ru  1.0    {argos_env / 'translate-en_ru-1_0'}",
        f"  translate-en_zh      en→zh  1.0    {argos_env / 'translate-en_zh-1_0'}",
        "Target languages:",
        "  ru     en→ru   translate-en_ru 1.0",
        "  kk     en→kk   translate-en_kk 1.0",
        "  zh     en→zh   translate-en_zh 1.0",
    ]


def test_list_empty_store_with_missing_configured_model(argos_env: Path, project: Path) -> None:
    result = CliRunner().invoke(models, ["list", "--config", str(project)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Packages in {argos_env}:",
        "  (none)",
        "Target languages:",
        "  ru     en→ru   no model — untranslated entries stay empty for human translators",
        f"  kk     en→kk   configured model unusable: no installed package named "
        f"'translate-en_kk' in {argos_env} — install a package with "
        "`l10n models install FILE.argosmodel`, or see `l10n models list`",
        "  zh     en→zh   no model — untranslated entries stay empty for human translators",
    ]


def test_install_and_remove(model_files: dict[str, Path], argos_env: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(models, ["install", str(model_files["ru"]), str(model_files["zh"])])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"installed translate-en_ru 1.0 (en→ru) in {argos_env / 'translate-en_ru-1_0'}",
        f"installed translate-en_zh 1.0 (en→zh) in {argos_env / 'translate-en_zh-1_0'}",
    ]
    result = runner.invoke(models, ["remove", "en_ru"])
    assert result.exit_code == 0, result.output
    assert (
        result.output == f"removed translate-en_ru 1.0 from {argos_env / 'translate-en_ru-1_0'}\n"
    )
    assert sorted(p.name for p in argos_env.iterdir()) == ["translate-en_zh-1_0"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["install", "{tmp}/missing.argosmodel"],
            "Error: {tmp}/missing.argosmodel: no such file — check the path",
        ),
        (
            ["install", "{tmp}/text.argosmodel"],
            "Error: {tmp}/text.argosmodel: not an Argos Translate package (not a zip archive) — "
            "download a .argosmodel file again or build a valid one",
        ),
        (
            ["remove", "translate-en_de"],
            "Error: no installed package 'translate-en_de' in {store} — see `l10n models list` for "
            "the installed names",
        ),
        (
            ["install", "--from-index", "ru", "zh"],
            "Error: http://127.0.0.1:9/index.json: cannot download ([Errno 111] Connection refused)"
            " — check the network connection, or install a downloaded file with "
            "`l10n models install FILE.argosmodel`",
        ),
    ],
    ids=["missing-file", "not-a-zip", "remove-unknown", "index-offline"],
)
def test_errors_are_one_line(
    argos_env: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "text.argosmodel").write_text("hello\n")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(cli, ["models", *args])  # the group turns errors into messages
    assert result.exit_code == 1
    expected = message.replace("{tmp}", str(tmp_path)).replace("{store}", str(argos_env))
    assert result.output == expected + "\n"
    assert not argos_env.exists() or list(argos_env.iterdir()) == []


def test_install_needs_something(argos_env: Path) -> None:
    result = CliRunner().invoke(models, ["install"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: give .argosmodel files, or --from-index with languages"
    )


def test_list_resolves_a_configured_path_against_the_project(
    installed_models: dict[str, PackageInfo],
    argos_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = tmp_path / "elsewhere" / "pyproject.toml"
    (config.parent / "models").mkdir(parents=True)
    shutil.copytree(installed_models["kk"].path, config.parent / "models" / "kk")
    config.write_text(
        '[tool.l10n]\nlanguages = ["kk"]\n\n[tool.l10n.models.kk]\npackage = "models/kk"\n'
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(models, ["list", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "  kk     en→kk   translate-en_kk 1.0"
