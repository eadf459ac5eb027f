"""An ``.argosmodel`` file checked without extracting it: one top folder, safe paths,
``metadata.json`` with from/to codes, ``model/model.bin``, the tokenizer file(s) it names.

``l10n.mt.store`` checks a file before installing it; ``l10n.mt.build`` checks what it wrote.
"""

from __future__ import annotations

import json
import zipfile
import zlib
from pathlib import Path
from typing import Any

from ..errors import ModelError


def check_archive(path: Path) -> str:
    """Validate an ``.argosmodel`` without extracting it; return its top-level folder."""

    def bad(why: str) -> ModelError:
        return ModelError(
            f"not an Argos Translate package ({why}) — "
            "download a .argosmodel file again or build a valid one",
            path=path,
        )

    if path.is_dir():
        raise ModelError(
            "is a directory, not an .argosmodel file — give the package file; to use an "
            "unpacked package directory, set it as package in [tool.l10n.models.<lang>]",
            path=path,
        )
    if not path.is_file():
        raise ModelError("no such file — check the path", path=path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            tops = {name.split("/", 1)[0] for name in names}
            if len(tops) != 1 or not all("/" in n for n in names):
                raise bad("expected one top-level folder")
            top = tops.pop()
            if top in ("", ".", "..") or any(
                ".." in n.split("/") or n.startswith("/") for n in names
            ):
                raise bad("unsafe paths in the archive")
            metadata = _zip_metadata(zf, f"{top}/metadata.json", bad)
            if zf.testzip() is not None:
                raise bad("corrupt archive member")
    except zipfile.BadZipFile as err:
        raise bad("not a zip archive") from err
    except (zlib.error, EOFError, OSError) as err:
        raise bad("corrupt archive member") from err
    if not isinstance(metadata.get("from_code"), str) or not isinstance(
        metadata.get("to_code"), str
    ):
        raise bad("metadata.json has no from_code/to_code")
    if f"{top}/model/model.bin" not in names:
        raise bad("no model/model.bin")
    if not {f"{top}/sentencepiece.model", f"{top}/bpe.model"} & set(names):
        raise bad("no sentencepiece.model or bpe.model")
    if (target := metadata.get("target_sentencepiece")) and f"{top}/{target}" not in names:
        raise bad(f"no {target}, which metadata.json names as target_sentencepiece")
    return top


def _zip_metadata(zf: zipfile.ZipFile, member: str, bad: Any) -> dict[str, Any]:
    try:
        data = json.loads(zf.read(member).decode("utf-8"))
    except KeyError as err:
        raise bad("no metadata.json") from err
    except (ValueError, UnicodeDecodeError) as err:
        raise bad("metadata.json is not valid JSON") from err
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise bad("corrupt archive member") from err
    if not isinstance(data, dict):
        raise bad("metadata.json is not an object")
    return data
