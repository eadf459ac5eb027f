"""Shared fixtures: an isolated Argos data directory and small real test models.

``argos_env``        the Argos store and XDG directories moved into ``tmp_path``; the package
                     index points at an unreachable local port (no test touches the network).
``model_files``      session-wide, built once: ``{"ru": Path, "kk": Path, "zh": Path}``
                     ``.argosmodel`` files (kk sets ``target_prefix`` like NLLB and knows the
                     OPUS-style source token ``>>kaz_Cyrl<<``).
``installed_models`` the three packages installed in ``argos_env``: ``{"ru": PackageInfo…}``.
``new_project``      a factory making a project with the bundled article and a given config.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))

from make_model import ModelShape, make_package

from l10n.mt.store import PackageInfo, install_package

# Property tests keep no example database, and Hypothesis' own cache goes to the temporary
# directory: nothing is written into the repository.
settings.register_profile("l10n", database=None)
settings.load_profile("l10n")
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "l10n-hypothesis")

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "source" / "china-central-asia-article.txt"
KK_TARGET_PREFIX = "kaz_Cyrl"
KK_SOURCE_PREFIX = ">>kaz_Cyrl<<"
UNREACHABLE_INDEX = "http://127.0.0.1:9/"


@pytest.fixture
def argos_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point Argos (and l10n's store) at a fresh directory; returns the packages dir."""
    base = tmp_path / "argos"
    packages = base / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", UNREACHABLE_INDEX)
    return packages


@pytest.fixture(scope="session")
def model_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the small test packages once per session."""
    out = tmp_path_factory.mktemp("models")
    return {
        "ru": make_package(out / "translate-en_ru.argosmodel", "en", "ru"),
        "kk": make_package(
            out / "translate-en_kk.argosmodel",
            "en",
            "kk",
            target_prefix=KK_TARGET_PREFIX,
            extra_tokens=[KK_SOURCE_PREFIX],
        ),
        "zh": make_package(
            out / "translate-en_zh.argosmodel", "en", "zh", shape=ModelShape(seed=7)
        ),
    }


@pytest.fixture
def installed_models(argos_env: Path, model_files: dict[str, Path]) -> dict[str, PackageInfo]:
    """The test packages installed into the isolated store."""
    return {code: install_package(path) for code, path in model_files.items()}


@pytest.fixture
def new_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Make ``tmp_path/project``: the bundled article, glossary.csv and the given
    ``pyproject.toml`` text; the current directory moves into it."""

    def make(config: str) -> Path:
        root = tmp_path / "project"
        (root / "source").mkdir(parents=True)
        shutil.copy(ARTICLE, root / "source")
        shutil.copy(REPO / "glossary.csv", root)
        (root / "pyproject.toml").write_text(config, encoding="utf-8")
        monkeypatch.chdir(root)
        return root

    return make
