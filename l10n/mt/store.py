"""The offline store of Argos Translate packages: find, list, install, remove.

The store is the directory Argos Translate itself uses, but it is computed from the
environment on every call (``ARGOS_PACKAGES_DIR``, then ``settings.json``, then
``$XDG_DATA_HOME/argos-translate/packages``), never frozen at import time as
``argostranslate.settings`` does — so tests and users can relocate it per call.

An installed package is a directory with ``metadata.json``, ``model/`` (CTranslate2) and
``sentencepiece.model`` or ``bpe.model``. Its metadata is read here with the field defaults
of ``argostranslate.package.Package`` and named as ``argospm_package_name`` names it, without
importing argostranslate: its ``settings`` module creates directories at import time, and
the lean install (issue 9) does not ship it (tests/test_install.py checks both agree).
Installing does what ``argostranslate.package.install_from_path`` does (unzip into the
packages directory) but validates first, extracts into a staging directory and moves it
into place, so a corrupt or foreign file leaves the store unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import ModelError
from . import ModelChoice
from .archive import check_archive

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
NETWORK_TIMEOUT = 10.0  # seconds; one attempt, no retry loop
_INSTALL_HINT = "install a package with `l10n models install FILE.argosmodel`"


@dataclass(frozen=True)
class PackageInfo:
    """One installed Argos Translate package."""

    name: str  # argospm name, e.g. ``translate-en_ru``
    from_code: str
    to_code: str
    version: str
    path: Path  # the installed package directory
    target_prefix: str = ""
    tokenizer: str = "sentencepiece"  # or ``bpe``
    argos_version: str = ""
    from_name: str = ""
    to_name: str = ""
    target_sentencepiece: str = ""  # a separate target SentencePiece model (file name), or ""
    target_prefixes: tuple[tuple[str, str], ...] = ()  # (language, prefix) of a multilingual model

    @property
    def model_dir(self) -> Path:
        """The CTranslate2 model directory."""
        return self.path / "model"

    @property
    def tokenizer_path(self) -> Path:
        """The SentencePiece or BPE model file (the source side when there are two)."""
        return self.path / ("bpe.model" if self.tokenizer == "bpe" else "sentencepiece.model")

    @property
    def target_tokenizer_path(self) -> Path:
        """The SentencePiece model that decodes the output (``tokenizer_path`` if only one)."""
        name = self.target_sentencepiece
        return self.path / name if name else self.tokenizer_path


def _home() -> Path:
    if "SNAP" in os.environ and "SNAP_USER_DATA" in os.environ:
        return Path(os.environ["SNAP_USER_DATA"])
    return Path.home()


def _argos_setting(key: str) -> str | None:
    """An Argos setting as argostranslate.settings reads it: environment, then settings.json."""
    if os.environ.get(key):
        return os.environ[key]
    config = Path(os.environ.get("XDG_CONFIG_HOME") or _home() / ".config")
    try:
        data = json.loads((config / "argos-translate" / "settings.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get(key) if isinstance(data, dict) else None
    return str(value) if value else None


def packages_dir() -> Path:
    """Where Argos packages are installed, evaluated from the environment on each call."""
    configured = _argos_setting("ARGOS_PACKAGES_DIR")
    if configured:
        return Path(configured)
    data = Path(os.environ.get("XDG_DATA_HOME") or _home() / ".local" / "share")
    return data / "argos-translate" / "packages"


def index_url() -> str:
    """The Argos package index URL (``ARGOS_PACKAGE_INDEX``), ending in ``index.json``."""
    base = _argos_setting("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX
    return base if base.endswith(".json") else base.rstrip("/") + "/index.json"


def _metadata(path: Path) -> dict[str, Any]:
    """``metadata.json`` of an installed package directory, or ``ModelError``."""
    try:
        data = json.loads((path / "metadata.json").read_text("utf-8"))
    except (OSError, ValueError) as err:
        raise ModelError(
            "not an Argos Translate package (no readable metadata.json) — "
            "reinstall it or remove the directory",
            path=path,
        ) from err
    if not isinstance(data, dict):
        raise ModelError(
            "not an Argos Translate package (metadata.json is not an object) — reinstall it",
            path=path,
        )
    return data


def read_package(path: Path) -> PackageInfo:
    """Read an installed package directory as ``argostranslate.package.Package`` reads it."""
    meta = _metadata(path)
    from_code, to_code = meta.get("from_code"), meta.get("to_code")
    if (
        not isinstance(from_code, str)
        or not isinstance(to_code, str)
        or not from_code
        or not to_code
    ):
        raise ModelError(
            "not an Argos Translate package (metadata.json has no "
            "from_code/to_code) — reinstall it",
            path=path,
        )
    return PackageInfo(
        name=f"{meta.get('type') or 'translate'}-{from_code}_{to_code}",
        from_code=from_code,
        to_code=to_code,
        version=str(meta.get("package_version", "")),
        path=path,
        target_prefix=str(meta.get("target_prefix") or ""),
        tokenizer="bpe"
        if (path / "bpe.model").exists() and not (path / "sentencepiece.model").exists()
        else "sentencepiece",
        argos_version=str(meta.get("argos_version", "")),
        from_name=str(meta.get("from_name") or ""),
        to_name=str(meta.get("to_name") or ""),
        target_sentencepiece=Path(str(meta.get("target_sentencepiece") or "")).name,
        target_prefixes=_prefix_pairs(meta.get("target_prefixes")),
    )


def _prefix_pairs(value: object) -> tuple[tuple[str, str], ...]:
    """``target_prefixes`` of a multilingual package (``{language: prefix}``), sorted."""
    pairs = value.items() if isinstance(value, dict) else ()
    return tuple(sorted((str(k), str(v)) for k, v in pairs))


def list_packages() -> list[PackageInfo]:
    """Installed packages, sorted by name then directory; unreadable directories are skipped."""
    folder = packages_dir()
    if not folder.is_dir():
        return []
    found: list[PackageInfo] = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() and not path.name.startswith("."):
            try:
                found.append(read_package(path))
            except ModelError:
                continue
    return sorted(found, key=lambda p: (p.name, p.path.name))


def _version_key(version: str) -> tuple[int, ...]:
    parts = [int(p) if p.isdigit() else 0 for p in version.replace("-", ".").split(".")]
    return tuple(parts)


def find_package(
    from_code: str, to_code: str, choice: ModelChoice | None = None
) -> PackageInfo | None:
    """The package to use for ``from_code`` → ``to_code``, or None when none is installed.

    ``choice.package`` (from ``[tool.l10n.models.<lang>]``) may name an installed package
    (``translate-en_kk`` or its directory name) or be the path of a package directory; then
    that package is used whatever its codes (multi-target models) or ``ModelError`` is raised.
    """
    if choice is not None and choice.package:
        return _chosen_package(choice.package)
    matches = [p for p in list_packages() if (p.from_code, p.to_code) == (from_code, to_code)]
    if not matches:
        return None
    return max(matches, key=lambda p: _version_key(p.version))


def _chosen_package(wanted: str) -> PackageInfo:
    path = Path(wanted).expanduser()
    if path.is_dir():
        return read_package(path)
    if path.suffix == ".argosmodel" or path.is_file():
        raise ModelError(
            f"package {wanted!r} is a file, not an installed package — run "
            f"`l10n models install {wanted}` and set package to its name"
        )
    named = [p for p in list_packages() if wanted in (p.name, p.path.name)]
    if not named:
        raise ModelError(
            f"no installed package named {wanted!r} in {packages_dir()} — "
            f"{_INSTALL_HINT}, or see `l10n models list`"
        )
    return max(named, key=lambda p: _version_key(p.version))


def install_package(path: Path) -> PackageInfo:
    """Validate and install an ``.argosmodel`` file; the store is unchanged on any failure.

    Installing a package whose folder is already installed replaces it.
    """
    path = Path(path)
    top = check_archive(path)
    store = packages_dir()
    try:
        store.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=store))
    except OSError as err:
        raise ModelError(
            f"cannot write the package store: {err.strerror or err} — "
            "set ARGOS_PACKAGES_DIR to a writable directory",
            path=store,
        ) from err
    try:
        with zipfile.ZipFile(path) as zf:
            zf.extractall(staging)
        info = read_package(staging / top)
        target = store / top
        if target.exists():
            _remove_dir(target)
        os.replace(staging / top, target)
    except (OSError, zipfile.BadZipFile, EOFError) as err:
        raise ModelError(
            f"cannot install: {err} — check free disk space and permissions", path=path
        ) from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return replace(info, path=target)


def _remove_dir(path: Path) -> None:
    """Move aside, then delete: a half-deleted package never looks installed."""
    trash = path.with_name(f".removing-{path.name}")
    shutil.rmtree(trash, ignore_errors=True)
    os.replace(path, trash)
    shutil.rmtree(trash)


def remove_package(name_or_pair: str) -> PackageInfo:
    """Remove an installed package given its name, directory name, or pair (``en_ru``)."""
    wanted = name_or_pair.strip()
    pair = wanted.replace("-", "_")
    matches = [
        p
        for p in list_packages()
        if wanted in (p.name, p.path.name) or pair == f"{p.from_code}_{p.to_code}"
    ]
    if not matches:
        raise ModelError(
            f"no installed package {wanted!r} in {packages_dir()} — "
            "see `l10n models list` for the installed names"
        )
    if len(matches) > 1:
        dirs = ", ".join(p.path.name for p in matches)
        raise ModelError(
            f"{wanted!r} matches several packages ({dirs}) — remove one by its directory name"
        )
    try:
        _remove_dir(matches[0].path)
    except OSError as err:
        raise ModelError(
            f"cannot remove: {err.strerror or err} — check permissions", path=matches[0].path
        ) from err
    return matches[0]


def _fetch(url: str, timeout: float) -> bytes:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "l10n (ArgosTranslate)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data: bytes = response.read()
            return data
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise ModelError(
            f"cannot download ({reason}) — check the network connection, or "
            "install a downloaded file with `l10n models install FILE.argosmodel`",
            path=url,
        ) from err


def install_from_index(
    codes: Sequence[str], from_code: str = "en", timeout: float = NETWORK_TIMEOUT
) -> list[PackageInfo]:
    """Download and install ``from_code`` → each code from Argos' package index (online).

    Fails fast with one ``ModelError`` when the index cannot be reached (one attempt).
    """
    url = index_url()
    try:
        index = json.loads(_fetch(url, timeout).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        raise ModelError(
            "the package index is not valid JSON — check ARGOS_PACKAGE_INDEX", path=url
        ) from err
    entries = [e for e in index if isinstance(e, dict)] if isinstance(index, list) else []
    chosen = []
    for code in codes:
        matches = [
            e
            for e in entries
            if e.get("from_code") == from_code and e.get("to_code") == code and e.get("links")
        ]
        if not matches:
            raise ModelError(
                f"the package index has no {from_code}→{code} model — bring "
                "your own .argosmodel and set [tool.l10n.models." + code + "]",
                path=url,
            )
        chosen.append(max(matches, key=lambda e: _version_key(str(e.get("package_version")))))
    installed = []
    with tempfile.TemporaryDirectory() as tmp:
        for entry in chosen:
            link = str(entry["links"][0])
            file = Path(tmp) / f"translate-{from_code}_{entry['to_code']}.argosmodel"
            file.write_bytes(_fetch(link, timeout))
            try:
                installed.append(install_package(file))
            except ModelError as err:  # name the download, not a deleted temporary file
                raise ModelError(err.detail, path=link) from err
    return installed
