"""Build an Argos Translate package (``.argosmodel``) from a local MT checkpoint, offline.

Three kinds of checkpoint directory are converted with CTranslate2's own converters:

* OPUS-MT Marian (``decoder.yml``, ``*.npz``, ``*.vocab.yml``, ``source.spm``,
  ``target.spm``): ``OpusMTConverter``, which needs no torch;
* Hugging Face Transformers Marian or M2M100/NLLB (``config.json``): ``TransformersConverter``,
  which needs ``transformers`` and torch (the ``convert`` extra).

The language token is put into the CTranslate2 model's own ``config.json``: the source
token (``>>kaz_Cyrl<<`` for a multi-target OPUS-MT model, ``eng_Latn`` for NLLB) as
``bos_token`` with ``add_source_bos``, so the engine prepends it and no caller needs to know
it; ``add_source_eos`` too, as Marian and the Hugging Face tokenizers end every source with
``</s>``. A target token that must start the output (NLLB's ``kaz_Cyrl``) cannot go into
the config (the decoder starts with ``</s>``), so it is the package's ``target_prefix``;
the other languages an NLLB model serves are listed as ``target_prefixes``.

Tokenizers: ``sentencepiece.model`` is the source model (what Argos Translate reads); a
different target model is shipped as ``target.sentencepiece.model`` and declared in
``metadata.json`` as ``target_sentencepiece``, so that output is decoded with it.

ctranslate2 (and transformers/torch) are imported inside functions: importing this module
is cheap, and it takes plain arguments (no project configuration).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelError
from ..languages import resolve
from . import tokens
from .archive import check_archive

# CTranslate2's weight types (ctranslate2.specs.model_spec.ACCEPTED_MODEL_TYPES).
_INT8 = ("int8", "int8_float32", "int8_float16", "int8_bfloat16")
QUANTIZATIONS = (*_INT8, "int16", "float16", "bfloat16", "float32")
TARGET_SENTENCEPIECE = "target.sentencepiece.model"
CONVERT_HINT = "install them with `pip install 'l10n[convert]'` (CPU torch first)"
_SPM_NAMES = ("sentencepiece.bpe.model", "spm.model", "sentencepiece.model")
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)
_LICENSE_LINE = re.compile(r"^[\s*#>-]*licen[sc]e\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_LABELS = {
    "opus-mt": "OPUS-MT (Marian)",
    "marian": "Hugging Face Marian",
    "m2m100": "Hugging Face M2M100/NLLB",
}


@dataclass(frozen=True)
class Checkpoint:
    """A checkpoint directory as found on disk."""

    path: Path
    kind: str  # ``opus-mt``, ``marian`` (Transformers) or ``m2m100`` (Transformers, NLLB)
    name: str
    license: str
    source_spm: Path
    target_spm: Path | None  # None: one SentencePiece model for both sides


@dataclass(frozen=True)
class BuiltPackage:
    """What ``build_package`` wrote."""

    path: Path  # the .argosmodel file
    folder: str  # its one top-level folder
    kind: str
    from_code: str
    to_code: str
    source_prefix: str  # in the model config (added by the engine), or ""
    target_prefix: str
    target_prefixes: dict[str, str]  # every language a multilingual model serves
    checkpoint: str
    license: str
    separate_target_tokenizer: bool


def inspect_checkpoint(src: Path) -> Checkpoint:
    """Recognise a checkpoint directory; ``ModelError`` when it is none of the three kinds."""
    src = Path(src)
    if not src.is_dir():
        raise ModelError("no such checkpoint directory — give the unpacked model folder", path=src)
    if (src / "decoder.yml").is_file():
        kind = "opus-mt"
    elif (src / "config.json").is_file():
        kind = _transformers_kind(src)
    else:
        raise ModelError(
            "not a checkpoint (no decoder.yml or config.json) — give an OPUS-MT directory or "
            "a Hugging Face checkpoint of a Marian or M2M100/NLLB model",
            path=src,
        )
    if kind == "m2m100":
        source, target = _one_of(src, _SPM_NAMES), None
    else:
        source, target = _one_of(src, ("source.spm",)), _one_of(src, ("target.spm",))
        if source.read_bytes() == target.read_bytes():
            target = None
    return Checkpoint(src, kind, src.resolve().name, _find_license(src), source, target)


def _transformers_kind(src: Path) -> str:
    try:
        model_type = json.loads((src / "config.json").read_text("utf-8")).get("model_type")
    except (OSError, ValueError, AttributeError) as err:
        raise ModelError(
            "config.json is not a readable JSON object — download the checkpoint again",
            path=src / "config.json",
        ) from err
    kinds = {"marian": "marian", "m2m_100": "m2m100", "nllb": "m2m100"}
    if model_type not in kinds:
        raise ModelError(
            f"model_type {model_type!r} is not supported — l10n models build converts "
            "OPUS-MT/Marian and M2M100/NLLB checkpoints",
            path=src / "config.json",
        )
    return kinds[str(model_type)]


def _one_of(src: Path, names: tuple[str, ...]) -> Path:
    for name in names:
        if (src / name).is_file():
            return src / name
    raise ModelError(
        f"no SentencePiece model ({' or '.join(names)}) — copy it from the checkpoint's "
        "download into this directory",
        path=src,
    )


def _find_license(src: Path) -> str:
    """The licence a model card or LICENSE file names, or ``unknown``."""
    for name in ("README.md", "LICENSE", "LICENSE.txt", "LICENSE.md"):
        try:
            text = (src / name).read_text("utf-8", errors="replace")
        except OSError:
            continue
        match = _LICENSE_LINE.search(text)
        if match:
            return match.group(1).strip("*` ")
        if name != "README.md":
            first = next((line.strip() for line in text.splitlines() if line.strip()), "")
            if first:
                return first[:80]
    return "unknown — check the checkpoint's source before you use or share the package"


def build_package(
    src: Path,
    from_code: str,
    to_code: str,
    *,
    out: Path | None = None,
    quantization: str | None = "int8",
    source_prefix: str | None = None,
    target_prefix: str | None = None,
    version: str = "1.0",
) -> BuiltPackage:
    """Convert the checkpoint in ``src`` and write an ``.argosmodel`` (``out``, a file or a
    directory; default: the current directory). ``source_prefix``/``target_prefix``
    override the inferred language tokens (``""``: none)."""
    checkpoint = inspect_checkpoint(src)
    source_lang, target_lang = resolve(from_code), resolve(to_code)
    if quantization is not None and quantization not in QUANTIZATIONS:
        raise ModelError(
            f"unknown quantization {quantization!r} — use one of {', '.join(QUANTIZATIONS)}"
        )
    folder = f"translate-{source_lang.mt_code}_{target_lang.mt_code}-{_slug(checkpoint.name)}"
    with tempfile.TemporaryDirectory(prefix="l10n-build-") as tmp:
        root = Path(tmp) / folder
        root.mkdir()
        _convert(checkpoint, root / "model", quantization)
        source_vocab, target_vocab = _vocabularies(root / "model")
        prefixes = _prefixes(
            checkpoint.kind,
            (source_vocab, target_vocab),
            (source_lang.mt_code, target_lang.mt_code),
            (source_prefix, target_prefix),
        )
        _set_source_token(root / "model", prefixes[0])
        built = BuiltPackage(
            path=_output_path(out, folder),
            folder=folder,
            kind=checkpoint.kind,
            from_code=source_lang.mt_code,
            to_code=target_lang.mt_code,
            source_prefix=prefixes[0],
            target_prefix=prefixes[1],
            target_prefixes=prefixes[2],
            checkpoint=checkpoint.name,
            license=checkpoint.license,
            separate_target_tokenizer=checkpoint.target_spm is not None,
        )
        _write_package_files(root, checkpoint, built, version)
        _zip_dir(root, built.path)
    check_archive(built.path)  # what l10n models install will check
    return built


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", name.lower()).strip("-.") or "model"


def _output_path(out: Path | None, folder: str) -> Path:
    if out is None:
        return Path.cwd() / f"{folder}.argosmodel"
    out = Path(out)
    return out / f"{folder}.argosmodel" if out.is_dir() else out


def _convert(checkpoint: Checkpoint, model_dir: Path, quantization: str | None) -> None:
    """Run CTranslate2's converter into ``model_dir``; its failures become ``ModelError``."""
    try:
        if checkpoint.kind == "opus-mt":
            from ctranslate2.converters import OpusMTConverter

            OpusMTConverter(str(checkpoint.path)).convert(str(model_dir), quantization=quantization)
            return
        missing = [m for m in ("transformers", "torch") if importlib.util.find_spec(m) is None]
        if missing:
            raise ModelError(
                f"converting a Hugging Face checkpoint needs {' and '.join(missing)} — "
                + CONVERT_HINT,
                path=checkpoint.path,
            )
        from ctranslate2.converters import TransformersConverter

        TransformersConverter(str(checkpoint.path)).convert(
            str(model_dir), quantization=quantization
        )
    except ModelError:
        raise
    except Exception as err:  # a foreign converter: any failure is "cannot convert"
        raise ModelError(
            f"cannot convert the {_LABELS[checkpoint.kind]} checkpoint: "
            f"{type(err).__name__}: {err} — check that the download is complete",
            path=checkpoint.path,
        ) from err


def _vocabularies(model_dir: Path) -> tuple[list[str], list[str]]:
    """The converted model's source and target vocabularies."""

    def read(name: str) -> list[str] | None:
        for suffix, parse in ((".json", json.loads), (".txt", str.splitlines)):
            path = model_dir / f"{name}_vocabulary{suffix}"
            if path.is_file():
                return list(parse(path.read_text("utf-8")))
        return None

    shared = read("shared")
    source, target = shared or read("source"), shared or read("target")
    if source is None or target is None:
        raise ModelError("the converted model has no vocabulary files", path=model_dir)
    return source, target


def _prefixes(
    kind: str,
    vocabularies: tuple[list[str], list[str]],
    codes: tuple[str, str],
    given: tuple[str | None, str | None],
) -> tuple[str, str, dict[str, str]]:
    """(source token, target prefix, {language: target prefix}) for the model."""
    source_vocab, target_vocab = vocabularies
    if kind == "m2m100":
        vocab = set(target_vocab)
        source = given[0]
        if source is None:
            source = tokens.m2m100_token(set(source_vocab), codes[0], "--source-prefix")
        target = given[1]
        if target is None:
            target = tokens.m2m100_token(vocab, codes[1], "--target-prefix")
        served = {c: t for c, t in tokens.served_languages(vocab).items() if c != codes[0]}
        served = {**served, codes[1]: target} if target else served
    else:
        source = tokens.marian_token(source_vocab, codes[1]) if given[0] is None else given[0]
        target, served = given[1] or "", {}
    for token, vocab_, option in (
        (source, source_vocab, "--source-prefix"),
        (target, target_vocab, "--target-prefix"),
    ):
        if token and token not in vocab_:
            raise ModelError(f"{option} {token!r} is not in the model's vocabulary — check it")
    return source, target, served


def _set_source_token(model_dir: Path, token: str) -> None:
    """Let the engine add the source token and ``</s>`` itself (config.json)."""
    path = model_dir / "config.json"
    config = json.loads(path.read_text("utf-8"))
    config["add_source_eos"] = True
    if token:
        config["bos_token"] = token
        config["add_source_bos"] = True
    path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", "utf-8")


def _write_package_files(
    root: Path, checkpoint: Checkpoint, built: BuiltPackage, version: str
) -> None:
    shutil.copyfile(checkpoint.source_spm, root / "sentencepiece.model")
    if checkpoint.target_spm is not None:
        shutil.copyfile(checkpoint.target_spm, root / TARGET_SENTENCEPIECE)
    for name in ("LICENSE", "LICENSE.txt", "LICENSE.md"):
        if (checkpoint.path / name).is_file():
            shutil.copyfile(checkpoint.path / name, root / "LICENSE")
            break
    metadata = package_metadata(built, version)
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n")
    (root / "README.md").write_text(package_readme(built), "utf-8")


def package_metadata(built: BuiltPackage, version: str) -> dict[str, object]:
    """Argos Translate's ``metadata.json`` plus l10n's tokenizer/prefix fields."""
    source, target = resolve(built.from_code), resolve(built.to_code)
    metadata: dict[str, object] = {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": built.from_code,
        "from_name": source.english_name,
        "to_code": built.to_code,
        "to_name": target.english_name,
        "type": "translate",
        "source_checkpoint": built.checkpoint,
        "license": built.license,
    }
    if built.target_prefix:
        metadata["target_prefix"] = built.target_prefix
    if built.target_prefixes:
        metadata["target_prefixes"] = dict(sorted(built.target_prefixes.items()))
    if built.separate_target_tokenizer:
        metadata["target_sentencepiece"] = TARGET_SENTENCEPIECE
    return metadata


def package_readme(built: BuiltPackage) -> str:
    """The package's README.md: where it comes from, its licence, its language tokens."""
    others = {c: t for c, t in built.target_prefixes.items() if c != built.to_code}
    lines = [
        f"# {built.checkpoint}: {built.from_code} → {built.to_code}",
        "",
        f"Built by `l10n models build` from the {_LABELS[built.kind]} checkpoint "
        f"`{built.checkpoint}`, converted with CTranslate2.",
        "",
        f"* Licence of the checkpoint (it applies to this package): {built.license}",
        f"* Source language token: {built.source_prefix or 'none'}"
        + (" (in model/config.json: the engine adds it)" if built.source_prefix else ""),
        f"* Target prefix: {built.target_prefix or 'none'}",
        "* Tokenizer: sentencepiece.model"
        + (
            f" (source) and {TARGET_SENTENCEPIECE} (target)"
            if built.separate_target_tokenizer
            else ""
        ),
    ]
    if others:
        served = ", ".join(f"{code} ({token})" for code, token in sorted(others.items()))
        lines.append(f"* Also serves, with that target_prefix: {served}")
    return "\n".join(lines) + "\n"


def _zip_dir(root: Path, out: Path) -> None:
    """Zip ``root`` as the archive's one top folder (fixed timestamps), streamed to a
    partial file that replaces ``out`` only when complete."""
    partial = out.with_name(f".{out.name}.partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(root.rglob("*")):
                arcname = f"{root.name}/{path.relative_to(root).as_posix()}"
                if path.is_dir():
                    zf.writestr(zipfile.ZipInfo(arcname + "/", _ZIP_TIME), b"")
                    continue
                info = zipfile.ZipInfo(arcname, _ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                with path.open("rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
        os.replace(partial, out)
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise ModelError(
            f"cannot write the package: {err.strerror or err} — choose another --out", path=out
        ) from err
