"""The offline package store: locate, install (validated), list, find, remove, index."""

from __future__ import annotations

import http.server
import json
import shutil
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from l10n.errors import ModelError
from l10n.mt import ModelChoice, store

pytestmark = pytest.mark.slow


def snapshot(folder: Path) -> list[str]:
    """Every path under the store, to prove a failed install changed nothing."""
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"ARGOS_PACKAGES_DIR": "{tmp}/pk"}, "{tmp}/pk"),
        ({"XDG_DATA_HOME": "{tmp}/data"}, "{tmp}/data/argos-translate/packages"),
        ({"HOME": "{tmp}/home"}, "{tmp}/home/.local/share/argos-translate/packages"),
        (
            {"XDG_CONFIG_HOME": "{tmp}/cfg", "settings.json": '{"ARGOS_PACKAGES_DIR": "{tmp}/js"}'},
            "{tmp}/js",
        ),
    ],
    ids=["env-var", "xdg-data-home", "home", "settings-json"],
)
def test_packages_dir_is_read_from_the_environment_on_each_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for key in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "SNAP"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "nohome"))
    for key, value in env.items():
        value = value.replace("{tmp}", str(tmp_path))
        if key == "settings.json":
            cfg = Path(env["XDG_CONFIG_HOME"].replace("{tmp}", str(tmp_path)))
            (cfg / "argos-translate").mkdir(parents=True)
            (cfg / "argos-translate" / "settings.json").write_text(value)
        else:
            monkeypatch.setenv(key, value)
    assert store.packages_dir() == Path(expected.replace("{tmp}", str(tmp_path)))


def test_install_and_list(installed_models: dict[str, store.PackageInfo], argos_env: Path) -> None:
    listed = store.list_packages()
    assert [(p.name, p.from_code, p.to_code, p.version, p.target_prefix) for p in listed] == [
        ("translate-en_kk", "en", "kk", "1.0", "kaz_Cyrl"),
        ("translate-en_ru", "en", "ru", "1.0", ""),
        ("translate-en_zh", "en", "zh", "1.0", ""),
    ]
    assert [p.path for p in listed] == [
        argos_env / "translate-en_kk-1_0",
        argos_env / "translate-en_ru-1_0",
        argos_env / "translate-en_zh-1_0",
    ]
    assert all(p.tokenizer == "sentencepiece" and p.model_dir.is_dir() for p in listed)
    assert installed_models["ru"] == listed[1]


def test_argos_itself_sees_the_installed_packages(
    installed_models: dict[str, store.PackageInfo], argos_env: Path
) -> None:
    from argostranslate.package import get_installed_packages

    found = get_installed_packages(path=[argos_env])
    assert sorted((p.from_code, p.to_code) for p in found) == [
        ("en", "kk"),
        ("en", "ru"),
        ("en", "zh"),
    ]


def test_reinstall_replaces_the_package(
    installed_models: dict[str, store.PackageInfo], model_files: dict[str, Path], argos_env: Path
) -> None:
    before = snapshot(argos_env)
    again = store.install_package(model_files["ru"])
    assert again == installed_models["ru"]
    assert snapshot(argos_env) == before


def test_empty_store_lists_nothing(argos_env: Path) -> None:
    assert store.list_packages() == []
    assert store.find_package("en", "ru") is None


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (None, "translate-en_ru"),
        (ModelChoice(package="translate-en_kk"), "translate-en_kk"),
        (ModelChoice(package="translate-en_zh-1_0"), "translate-en_zh"),
        (ModelChoice(source_prefix=">>rus<<"), "translate-en_ru"),
    ],
    ids=["pair", "by-name", "by-directory-name", "prefix-only"],
)
def test_find_package(
    installed_models: dict[str, store.PackageInfo], choice: ModelChoice | None, expected: str
) -> None:
    found = store.find_package("en", "ru", choice)
    assert found is not None and found.name == expected


def test_find_package_by_path(installed_models: dict[str, store.PackageInfo]) -> None:
    kk = installed_models["kk"]
    assert store.find_package("en", "ru", ModelChoice(package=str(kk.path))) == kk


def test_find_package_missing_pair(installed_models: dict[str, store.PackageInfo]) -> None:
    assert store.find_package("en", "de") is None


def test_find_package_unknown_choice(
    installed_models: dict[str, store.PackageInfo], argos_env: Path
) -> None:
    with pytest.raises(ModelError) as err:
        store.find_package("en", "kk", ModelChoice(package="opus-mt-en-mul"))
    assert str(err.value) == (
        f"no installed package named 'opus-mt-en-mul' in {argos_env} — install a package "
        "with `l10n models install FILE.argosmodel`, or see `l10n models list`"
    )


def test_find_package_choice_is_an_argosmodel_file(
    model_files: dict[str, Path], argos_env: Path
) -> None:
    path = str(model_files["kk"])
    with pytest.raises(ModelError) as err:
        store.find_package("en", "kk", ModelChoice(package=path))
    assert str(err.value) == (
        f"package {path!r} is a file, not an installed package — run "
        f"`l10n models install {path}` and set package to its name"
    )


@pytest.mark.parametrize(
    "name",
    ["translate-en_ru", "translate-en_ru-1_0", "en_ru", "en-ru"],
    ids=["name", "directory", "pair", "pair-dash"],
)
def test_remove_package(
    installed_models: dict[str, store.PackageInfo], name: str, argos_env: Path
) -> None:
    removed = store.remove_package(name)
    assert removed == installed_models["ru"]
    assert not removed.path.exists()
    assert [p.name for p in store.list_packages()] == ["translate-en_kk", "translate-en_zh"]
    assert sorted(p.name for p in argos_env.iterdir()) == [
        "translate-en_kk-1_0",
        "translate-en_zh-1_0",
    ]


def test_remove_unknown_package(
    installed_models: dict[str, store.PackageInfo], argos_env: Path
) -> None:
    before = snapshot(argos_env)
    with pytest.raises(ModelError) as err:
        store.remove_package("translate-en_de")
    assert str(err.value) == (
        f"no installed package 'translate-en_de' in {argos_env} — "
        "see `l10n models list` for the installed names"
    )
    assert snapshot(argos_env) == before


def _rezip(
    source: Path,
    out: Path,
    keep: Callable[[str], bool],
    edit: Callable[[str, bytes], bytes] = lambda n, b: b,
) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            if keep(item.filename):
                dst.writestr(item, edit(item.filename, src.read(item)))
    return out


def _metadata_without_codes(name: str, data: bytes) -> bytes:
    if not name.endswith("metadata.json"):
        return data
    meta = json.loads(data)
    del meta["to_code"]
    return json.dumps(meta).encode()


BAD_FILES: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "truncated": (
        lambda src, out: (out.write_bytes(src.read_bytes()[:200_000]), out)[1],
        "not a zip archive",
    ),
    "damaged-data": (lambda src, out: _damage(src, out), "corrupt archive member"),
    "text-file": (lambda src, out: (out.write_text("hello\n"), out)[1], "not a zip archive"),
    "foreign-zip": (lambda src, out: _plain_zip(out), "expected one top-level folder"),
    "no-metadata": (
        lambda src, out: _rezip(src, out, lambda n: "metadata" not in n),
        "no metadata.json",
    ),
    "no-codes": (
        lambda src, out: _rezip(src, out, lambda n: True, _metadata_without_codes),
        "metadata.json has no from_code/to_code",
    ),
    "no-model": (
        lambda src, out: _rezip(src, out, lambda n: "model.bin" not in n),
        "no model/model.bin",
    ),
    "no-tokenizer": (
        lambda src, out: _rezip(src, out, lambda n: "sentencepiece" not in n),
        "no sentencepiece.model or bpe.model",
    ),
}


def _damage(src: Path, out: Path) -> Path:
    """Flip bytes inside model.bin's compressed data; the zip directory stays intact."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(next(n for n in zf.namelist() if n.endswith("model.bin")))
    middle = info.header_offset + 100 + info.compress_size // 2
    data[middle : middle + 64] = bytes(64)
    out.write_bytes(bytes(data))
    return out


def _plain_zip(out: Path) -> Path:
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("README.md", "not a model\n")
        zf.writestr("data.csv", "a,b\n")
    return out


@pytest.mark.parametrize("case", sorted(BAD_FILES), ids=sorted(BAD_FILES))
def test_bad_package_is_rejected_and_store_unchanged(
    case: str,
    installed_models: dict[str, store.PackageInfo],
    model_files: dict[str, Path],
    argos_env: Path,
    tmp_path: Path,
) -> None:
    make, why = BAD_FILES[case]
    bad = make(model_files["zh"], tmp_path / f"bad.{case}.argosmodel")
    before = snapshot(argos_env)
    with pytest.raises(ModelError) as err:
        store.install_package(bad)
    assert str(err.value) == (
        f"{bad}: not an Argos Translate package ({why}) — "
        "download a .argosmodel file again or build a valid one"
    )
    assert snapshot(argos_env) == before


def test_missing_file_is_rejected(argos_env: Path, tmp_path: Path) -> None:
    with pytest.raises(ModelError) as err:
        store.install_package(tmp_path / "nope.argosmodel")
    assert str(err.value) == f"{tmp_path / 'nope.argosmodel'}: no such file — check the path"
    assert snapshot(argos_env) == []


def test_directory_is_rejected_with_what_to_do(
    installed_models: dict[str, store.PackageInfo], argos_env: Path
) -> None:
    folder = installed_models["ru"].path
    before = snapshot(argos_env)
    with pytest.raises(ModelError) as err:
        store.install_package(folder)
    assert str(err.value) == (
        f"{folder}: is a directory, not an .argosmodel file — give the package file; to use "
        "an unpacked package directory, set it as package in [tool.l10n.models.<lang>]"
    )
    assert snapshot(argos_env) == before


def test_index_offline_fails_fast_with_one_line(argos_env: Path) -> None:
    start = time.monotonic()
    with pytest.raises(ModelError) as err:
        store.install_from_index(["ru", "zh"])
    assert time.monotonic() - start < 5
    assert str(err.value) == (
        "http://127.0.0.1:9/index.json: cannot download ([Errno 111] Connection refused) — "
        "check the network connection, or install a downloaded file with "
        "`l10n models install FILE.argosmodel`"
    )
    assert snapshot(argos_env) == []


@pytest.fixture
def local_index(model_files: dict[str, Path], tmp_path: Path) -> Iterator[str]:
    """A real HTTP server on localhost serving an Argos index and one package."""
    root = tmp_path / "www"
    root.mkdir()
    shutil.copy(model_files["zh"], root / "en_zh.argosmodel")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    (root / "index.json").write_text(
        json.dumps(
            [
                {
                    "from_code": "en",
                    "to_code": "zh",
                    "package_version": "1.0",
                    "links": [url + "en_zh.argosmodel"],
                },
            ]
        )
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()


def test_install_from_index(
    local_index: str, argos_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", local_index)
    [pkg] = store.install_from_index(["zh"])
    assert (pkg.name, pkg.path) == ("translate-en_zh", argos_env / "translate-en_zh-1_0")
    assert [p.name for p in store.list_packages()] == ["translate-en_zh"]


def test_install_from_index_unknown_language(
    local_index: str, argos_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", local_index)
    with pytest.raises(ModelError) as err:
        store.install_from_index(["zh", "kk"])
    assert str(err.value) == (
        f"{local_index}index.json: the package index has no en→kk model "
        "— bring your own .argosmodel and set [tool.l10n.models.kk]"
    )
    assert snapshot(argos_env) == []


def test_install_from_index_names_the_link_of_a_bad_download(
    argos_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "served" / "en_ru.argosmodel"
    bad.parent.mkdir()
    bad.write_bytes(b"an HTML error page, not a zip")
    link = bad.as_uri()
    index = tmp_path / "index.json"
    entry = {"from_code": "en", "to_code": "ru", "package_version": "1.0", "links": [link]}
    index.write_text(json.dumps([entry]))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index.as_uri())
    with pytest.raises(ModelError) as err:
        store.install_from_index(["ru"])
    assert str(err.value) == (
        f"{link}: not an Argos Translate package (not a zip archive) — "
        "download a .argosmodel file again or build a valid one"
    )
    assert snapshot(argos_env) == []
