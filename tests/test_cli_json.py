"""``--json`` for ``l10n run`` and ``l10n models list``, and shell completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from l10n.cli import cli
from l10n.mt.store import PackageInfo

ROOT = Path(__file__).parent.parent


def test_run_json_matches_the_catalogs(
    installed_models: dict[str, PackageInfo], new_project: Callable[[str], Path]
) -> None:
    root = new_project('[tool.l10n]\nlanguages = ["ru", "kk"]\n')
    done = CliRunner().invoke(cli, ["run", "--json"])
    assert done.exit_code == 0, done.output + done.stderr
    data = json.loads(done.stdout)
    assert data["templates"] == ["locales/china-central-asia-article.pot"]
    assert [s["language"] for s in data["languages"]] == ["ru", "kk"]
    ru = data["languages"][0]
    assert ru["translated"] == 32 and ru["untranslated"] == 0 and ru["written"] is True
    assert data["errors"] == [] and "template " not in done.stdout
    assert (root / "locales" / "ru" / "LC_MESSAGES" / "china-central-asia-article.po").exists()
    again = json.loads(CliRunner().invoke(cli, ["run", "--json"]).stdout)
    assert again["languages"][0]["unchanged"] == 1  # nothing changed: not even segmented
    assert again["languages"][0]["translated"] == 0 and again["templates"] == []


def test_run_json_without_a_model_says_so(
    argos_env: Path, new_project: Callable[[str], Path]
) -> None:
    new_project('[tool.l10n]\nlanguages = ["zh"]\n')
    done = CliRunner().invoke(cli, ["run", "--json"])
    assert done.exit_code == 0
    data = json.loads(done.stdout)
    assert data["languages"][0]["untranslated"] == 32
    assert "no en→zh translation model installed" in data["warnings"][0]
    assert done.stderr == ""


def test_models_list_json(
    installed_models: dict[str, PackageInfo], argos_env: Path, tmp_path: Path
) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.l10n]\nlanguages = ["ru", "kk", "de"]\n', "utf-8")
    done = CliRunner().invoke(cli, ["models", "list", "--json", "--config", str(config)])
    assert done.exit_code == 0, done.output
    data = json.loads(done.output)
    assert data["packages_dir"] == str(argos_env)
    assert sorted(p["name"] for p in data["packages"]) == [
        "translate-en_kk",
        "translate-en_ru",
        "translate-en_zh",
    ]
    kk = next(p for p in data["packages"] if p["to"] == "kk")
    assert kk["target_prefix"] == "kaz_Cyrl" and kk["version"] == "1.0"
    assert kk["target_prefixes"] == {}  # one target language: no table
    assert [(lang["language"], lang["model"]) for lang in data["languages"]] == [
        ("ru", "translate-en_ru"),
        ("kk", "translate-en_kk"),
        ("de", None),
    ]


def test_bash_completion_script() -> None:
    """The README's ``eval "$(_L10N_COMPLETE=bash_source l10n)"`` gives a completion."""
    env = {**os.environ, "_L10N_COMPLETE": "bash_source", "PYTHONPATH": str(ROOT)}
    script = subprocess.run(
        [sys.executable, "-c", "from l10n.cli import main; main()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "_l10n_completion" in script.stdout and "complete " in script.stdout
    env.update(_L10N_COMPLETE="bash_complete", COMP_WORDS="l10n rep", COMP_CWORD="1")
    done = subprocess.run(
        [sys.executable, "-c", "from l10n.cli import main; main()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "plain,report" in done.stdout.splitlines()
