"""The lean install (issue 9): l10n and Argos Translate's own package module agree.

l10n's main install has no argostranslate (it would pull torch or onnxruntime); the dev
extra installs ``argos-translate-lt``, the argostranslate package without torch, stanza or
spaCy. These tests run Argos' own code — in a subprocess, because ``argostranslate.settings``
freezes the store's location at import time — against l10n's store on the same disk.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from l10n.errors import ModelError
from l10n.mt import store
from l10n.mt.argos import ArgosTranslator

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
FORBIDDEN = re.compile(r"torch|torchvision|triton|nvidia-.*|stanza|spacy")


def run_argos(code: str, *args: str) -> str:
    """Run ``code`` with argostranslate in a fresh interpreter (the current environment)."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return done.stdout.strip().splitlines()[-1]


ARGOS_INSTALL = """
import sys
from pathlib import Path
from argostranslate import package, settings
package.install_from_path(Path(sys.argv[1]))
print(settings.package_data_dir)
"""

ARGOS_LIST = """
import json
from argostranslate import package
print(json.dumps(sorted(
    [package.argospm_package_name(p), p.from_code, p.to_code, p.package_version,
     p.argos_version, p.from_name, p.to_name, p.target_prefix, p.package_path.name]
    for p in package.get_installed_packages())))
"""


def as_argos_lists(packages: list[store.PackageInfo]) -> list[list[str]]:
    """l10n's view of the store, in the shape of ``ARGOS_LIST``."""
    return sorted(
        [
            p.name,
            p.from_code,
            p.to_code,
            p.version,
            p.argos_version,
            p.from_name,
            p.to_name,
            p.target_prefix,
            p.path.name,
        ]
        for p in packages
    )


@pytest.mark.slow
def test_argos_install_from_path_is_found_and_translates(
    argos_env: Path, model_files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package installed by Argos' own install_from_path is listed and run by l10n."""
    for code in ("ru", "kk"):
        assert run_argos(ARGOS_INSTALL, str(model_files[code])) == str(argos_env)
    listed = store.list_packages()
    assert [p.name for p in listed] == ["translate-en_kk", "translate-en_ru"]
    assert as_argos_lists(listed) == json.loads(run_argos(ARGOS_LIST))
    by_argos = store.find_package("en", "ru")
    assert by_argos is not None and by_argos.path == argos_env / "translate-en_ru-1_0"
    texts = ["The summit opened in Xi'an on Thursday.", "Trade rose by 4 percent."]
    translated = ArgosTranslator(by_argos).translate(texts)
    assert all(translated)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "own"))
    by_l10n = store.install_package(model_files["ru"])
    assert ArgosTranslator(by_l10n).translate(texts) == translated


@pytest.mark.slow
def test_l10n_and_argos_read_metadata_alike(
    installed_models: dict[str, store.PackageInfo], argos_env: Path
) -> None:
    """Names, codes, versions and target prefix: the same for both readers."""
    ru = installed_models["ru"].path
    odd = argos_env / "odd-package"
    shutil.copytree(ru, odd)
    (odd / "metadata.json").write_text(json.dumps({"from_code": "en", "to_code": "uk"}))
    assert as_argos_lists(store.list_packages()) == json.loads(run_argos(ARGOS_LIST))
    assert store.read_package(odd).name == "translate-en_uk"


@pytest.mark.parametrize(
    "where",
    ["ARGOS_PACKAGES_DIR", "settings.json", "XDG_DATA_HOME"],
)
def test_relocated_store_is_the_one_argos_uses(
    where: str,
    argos_env: Path,
    model_files: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Wherever the store is moved, Argos installs there and l10n looks there."""
    moved = tmp_path / "moved"
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    if where == "ARGOS_PACKAGES_DIR":
        monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(moved))
    elif where == "settings.json":
        config = argos_env.parent / "config" / "argos-translate"
        config.mkdir(parents=True)
        (config / "settings.json").write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(moved)}))
    else:
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
        moved = tmp_path / "argos-translate" / "packages"
    assert run_argos(ARGOS_INSTALL, str(model_files["zh"])) == str(moved)
    assert store.packages_dir() == moved
    assert [p.path for p in store.list_packages()] == [moved / "translate-en_zh-1_0"]


def test_index_url_is_the_one_argos_uses(argos_env: Path) -> None:
    """Same ``ARGOS_PACKAGE_INDEX``; unreachable, l10n gives one error, the store unchanged.

    (Argos' own ``get_available_packages`` recurses until ``RecursionError`` when the index
    cannot be downloaded — argos-translate-lt 1.12.1 — which is why l10n lists it itself.)
    """
    code = "from argostranslate import settings; print(settings.remote_package_index)"
    assert store.index_url() == run_argos(code) == "http://127.0.0.1:9/index.json"
    with pytest.raises(ModelError) as err:
        store.install_from_index(["ru"])
    assert str(err.value).startswith("http://127.0.0.1:9/index.json: cannot download (")
    assert store.list_packages() == []


BPE_MERGES = "#version: 0.2\nt h\nth e</w>\ns u\nr o\n"


def bpe_package(source: store.PackageInfo, folder: Path) -> store.PackageInfo:
    """A copy of ``source`` whose tokenizer is Moses + BPE (``bpe.model``)."""
    shutil.copytree(source.path, folder)
    (folder / "sentencepiece.model").unlink()
    (folder / "bpe.model").write_text(BPE_MERGES, encoding="utf-8")
    return store.read_package(folder)


@pytest.mark.slow
def test_bpe_package_runs_with_argos_tokenizer(
    installed_models: dict[str, store.PackageInfo], tmp_path: Path
) -> None:
    from argostranslate.tokenizer import BPETokenizer

    pkg = bpe_package(installed_models["ru"], tmp_path / "bpe-ru")
    assert pkg.tokenizer == "bpe"
    text = "The summit was held in the south."
    translator = ArgosTranslator(pkg)
    reference = BPETokenizer(pkg.tokenizer_path, "en", "ru")
    assert translator.tokenize([text]) == [reference.encode(text)]
    assert "the" in translator.tokenize([text])[0]  # the merges were applied
    [out] = translator.translate([text])
    assert out.strip() and "@@" not in out


def test_bpe_package_without_argostranslate_says_which_extra(
    installed_models: dict[str, store.PackageInfo],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "argostranslate.tokenizer", None)  # as if not installed
    pkg = bpe_package(installed_models["ru"], tmp_path / "bpe-ru")
    with pytest.raises(ModelError) as err:
        ArgosTranslator(pkg).translate(["Hello."])
    assert str(err.value) == (
        f"{pkg.path}: the package uses a BPE tokenizer (bpe.model), which needs "
        "argostranslate — run `pip install 'l10n[bpe]'`"
    )


def reachable(requirements: list[str], extras: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Every installed distribution these requirements pull, with the chain that pulls it."""
    chains: dict[str, list[str]] = {}
    todo = [(Requirement(r), [], extras) for r in requirements]
    while todo:
        req, chain, active = todo.pop()
        if req.marker and not any(req.marker.evaluate({"extra": e}) for e in (*active, "")):
            continue
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        if name in chains:
            continue
        chains[name] = [*chain, name]
        dist = metadata.distribution(req.name)  # not installed: the walk would be partial
        todo += [(Requirement(r), chains[name], tuple(req.extras)) for r in dist.requires or []]
    return chains


@pytest.mark.slow
@pytest.mark.parametrize("extra", [None, "dev"], ids=["main", "dev"])
def test_no_torch_stanza_or_spacy_reachable(extra: str | None) -> None:
    """The installed metadata of this environment: nothing pulls torch, CUDA, stanza or spaCy."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    requirements = list(project["dependencies"])
    if extra:
        requirements += project["optional-dependencies"][extra]
    chains = reachable(requirements)
    assert {"ctranslate2", "sentencepiece", "numpy"} <= set(chains)
    assert ("argos-translate-lt" in chains) == (extra == "dev")
    assert [chain for name, chain in chains.items() if FORBIDDEN.fullmatch(name)] == []
