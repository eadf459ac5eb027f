"""``l10n.mt.build`` on a tiny hand-written OPUS-MT checkpoint (no torch): convert, package,
install (ours and Argos'), translate with the target SentencePiece model, run end to end."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from make_checkpoints import LANGUAGE_TOKENS, OPUS_MT_LICENSE, make_opus_mt

from l10n.cli import cli
from l10n.errors import ModelError
from l10n.mt import build, tokens
from l10n.mt.argos import ArgosTranslator, LoadedModels
from l10n.mt.store import install_package

SENTENCES = [
    "The ministry said trade grew last year.",
    "China and Kazakhstan signed new agreements.",
]


@pytest.fixture(scope="module")
def opus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The OPUS-MT directory and the chain of target pieces every translation is."""
    return make_opus_mt(tmp_path_factory.mktemp("opus") / "opus-mt-tiny-en-trk")


@pytest.fixture(scope="module")
def opus_package(
    opus: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory
) -> build.BuiltPackage:
    return build.build_package(opus[0], "en", "kk", out=tmp_path_factory.mktemp("built"))


def decode(spm_file: Path, pieces: list[str]) -> str:
    import sentencepiece as spm

    return str(spm.SentencePieceProcessor(model_file=str(spm_file)).decode_pieces(pieces))


def test_package_layout(opus_package: build.BuiltPackage) -> None:
    built = opus_package
    assert (built.kind, built.source_prefix, built.target_prefix) == ("opus-mt", ">>kaz_Cyrl<<", "")
    assert built.path.name == "translate-en_kk-opus-mt-tiny-en-trk.argosmodel"
    with zipfile.ZipFile(built.path) as zf:
        names = set(zf.namelist())
        top = built.folder
        assert {n.split("/")[0] for n in names} == {top}
        assert {
            f"{top}/metadata.json",
            f"{top}/README.md",
            f"{top}/model/model.bin",
            f"{top}/model/config.json",
            f"{top}/sentencepiece.model",
            f"{top}/target.sentencepiece.model",
        } <= names
        metadata = json.loads(zf.read(f"{top}/metadata.json"))
        config = json.loads(zf.read(f"{top}/model/config.json"))
        readme = zf.read(f"{top}/README.md").decode()
    assert metadata["from_code"] == "en" and metadata["to_code"] == "kk"
    assert (metadata["from_name"], metadata["to_name"]) == ("English", "Kazakh")
    assert metadata["target_sentencepiece"] == "target.sentencepiece.model"
    assert "target_prefix" not in metadata
    assert (config["bos_token"], config["add_source_bos"], config["add_source_eos"]) == (
        ">>kaz_Cyrl<<",
        True,
        True,
    )
    assert "opus-mt-tiny-en-trk" in readme and OPUS_MT_LICENSE in readme


def test_building_twice_gives_the_same_bytes(
    opus: tuple[Path, list[str]], opus_package: build.BuiltPackage, tmp_path: Path
) -> None:
    again = build.build_package(opus[0], "en", "kk", out=tmp_path / "again.argosmodel")
    assert again.path.read_bytes() == opus_package.path.read_bytes()


def test_the_engine_adds_the_source_token(opus_package: build.BuiltPackage, tmp_path: Path) -> None:
    """The config's bos_token is what a caller would otherwise prepend: same scores."""
    import ctranslate2

    with zipfile.ZipFile(opus_package.path) as zf:
        zf.extractall(tmp_path)
    model = tmp_path / opus_package.folder / "model"
    plain = tmp_path / "plain"
    shutil.copytree(model, plain)
    config = json.loads((plain / "config.json").read_text())
    (plain / "config.json").write_text(json.dumps({**config, "add_source_bos": False}))
    source = ["▁The", "▁m", "in", "ist", "ry"]
    target = [["▁ба", "▁ке"]]
    scored = ctranslate2.Translator(str(model)).score_batch([source], target)[0].log_probs
    by_hand = ctranslate2.Translator(str(plain))
    assert by_hand.score_batch([[">>kaz_Cyrl<<", *source]], target)[0].log_probs == pytest.approx(
        scored, abs=1e-5
    )
    assert by_hand.score_batch([source], target)[0].log_probs != pytest.approx(scored, abs=1e-5)


def test_install_and_translate_with_the_target_sentencepiece(
    opus: tuple[Path, list[str]], opus_package: build.BuiltPackage, argos_env: Path
) -> None:
    package = install_package(opus_package.path)
    assert package.target_sentencepiece == "target.sentencepiece.model"
    assert (
        package.target_tokenizer_path
        == argos_env / opus_package.folder / "target.sentencepiece.model"
    )
    out = ArgosTranslator(package).translate(SENTENCES)
    expected = decode(opus[0] / "target.spm", opus[1])
    assert out == [expected] * len(SENTENCES)
    assert "▁" not in expected and "⁇" not in expected and expected.strip()
    assert all(token not in expected for token in LANGUAGE_TOKENS)
    # The source (English) model cannot spell these Kazakh pieces.
    assert decode(opus[0] / "source.spm", opus[1]) != expected


ARGOS_TRANSLATE = """
import json, sys
from pathlib import Path
import ctranslate2
from argostranslate import package
from argostranslate.translate import apply_packaged_translation
package.install_from_path(Path(sys.argv[1]))
(pkg,) = package.get_installed_packages()
class OneSentence:  # Argos' own splitter would download a model
    def split_sentences(self, text):
        return [text]
engine = ctranslate2.Translator(str(pkg.package_path / "model"))
best = apply_packaged_translation(pkg, sys.argv[2], engine, OneSentence(), 1)[0]
print(json.dumps([pkg.from_code, pkg.to_code, best.value]))
"""


def argos_translates(package: Path) -> str:
    """Install ``package`` with argostranslate's own ``install_from_path`` (into the store of
    ``argos_env``) and translate a sentence with Argos' own code, in a fresh interpreter:
    ``argostranslate.settings`` fixes the store and creates directories when imported."""
    done = subprocess.run(
        [sys.executable, "-c", ARGOS_TRANSLATE, str(package), SENTENCES[0]],
        capture_output=True,
        text=True,
        check=True,
    )
    from_code, to_code, value = json.loads(done.stdout.strip().splitlines()[-1])
    assert (from_code, to_code) == ("en", "kk")
    return str(value)


def test_argos_translate_itself_installs_and_runs_the_package(
    opus_package: build.BuiltPackage, argos_env: Path
) -> None:
    # Argos decodes with sentencepiece.model (the English one): not l10n's output, but some.
    out = argos_translates(opus_package.path)
    assert (argos_env / opus_package.folder / "target.sentencepiece.model").is_file()
    assert out.strip() and ">>" not in out


def test_cli_errors_are_one_line(opus: tuple[Path, list[str]], tmp_path: Path) -> None:
    for args in (
        [str(tmp_path / "nope"), "--to", "kk"],
        [str(opus[0]), "--to", "kk", "--quantization", "int3"],
        [str(opus[0]), "--to", "xx-nope"],
    ):
        result = CliRunner().invoke(cli, ["models", "build", *args])
        assert result.exit_code == 1, result.output
        assert len(result.output.strip().splitlines()) == 1, result.output
        assert "Traceback" not in result.output


def test_loaded_models_are_shared_by_package(
    opus_package: build.BuiltPackage, argos_env: Path
) -> None:
    package = install_package(opus_package.path)
    models = LoadedModels()
    one, two = ArgosTranslator(package, models=models), ArgosTranslator(package, models=models)
    assert one.translate(SENTENCES[:1]) == two.translate(SENTENCES[:1])
    assert len(models) == 1
    assert one.models.engine(package, one.mt) is two.models.engine(package, two.mt)


def test_run_to_kk_end_to_end(
    opus: tuple[Path, list[str]],
    opus_package: build.BuiltPackage,
    argos_env: Path,
    new_project: Callable[[str], Path],
) -> None:
    result = CliRunner().invoke(cli, ["models", "install", str(opus_package.path)])
    assert result.exit_code == 0, result.output
    root = new_project('[tool.l10n]\nlanguages = ["kk"]\n')
    result = CliRunner().invoke(cli, ["run", "--to", "kk"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert_machine_filled(root, "kk", decode(opus[0] / "target.spm", opus[1]))


def assert_machine_filled(root: Path, locale: str, expected: str) -> None:
    """Every entry of the language's catalog is the model's output, fuzzy, no prefix token."""
    (path,) = (root / "locales").glob(f"{locale}*/**/*.po")
    entries = [e for e in polib.pofile(str(path)) if not e.obsolete and e.msgid]
    assert entries
    for entry in entries:
        assert entry.msgstr, entry.msgid
        assert "fuzzy" in entry.flags
        assert expected in entry.msgstr
        assert not any(t in entry.msgstr for t in (">>", "<<", "_Cyrl", "_Latn", "_Hans"))


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        ("missing", "no such checkpoint directory"),
        ("empty", "not a checkpoint (no decoder.yml or config.json)"),
        ("bert", "model_type 'bert' is not supported"),
        ("no-target-spm", "no SentencePiece model (target.spm)"),
        ("corrupt-npz", "cannot convert the OPUS-MT (Marian) checkpoint"),
    ],
)
def test_bad_checkpoints_are_one_line_errors(
    opus: tuple[Path, list[str]], tmp_path: Path, breakage: str, message: str
) -> None:
    src = tmp_path / "ckpt"
    if breakage != "missing":
        src.mkdir()
    if breakage == "bert":
        (src / "config.json").write_text('{"model_type": "bert"}')
    if breakage in ("no-target-spm", "corrupt-npz"):
        shutil.copytree(opus[0], src, dirs_exist_ok=True)
    if breakage == "no-target-spm":
        (src / "target.spm").unlink()
    if breakage == "corrupt-npz":
        (src / "opus.spm400-spm400.npz").write_bytes(b"not a zip")
    with pytest.raises(ModelError) as err:
        build.build_package(src, "en", "kk", out=tmp_path / "out.argosmodel")
    assert message in str(err.value) and "\n" not in str(err.value)
    assert str(err.value).startswith(str(src))
    assert not (tmp_path / "out.argosmodel").exists()


def test_language_token_errors(opus: tuple[Path, list[str]], tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"language tokens \(>>kaz_Cyrl<<.*none for 'de'"):
        build.build_package(opus[0], "en", "de", out=tmp_path)
    with pytest.raises(ModelError, match="--source-prefix '>>xx<<' is not in the model's vocab"):
        build.build_package(opus[0], "en", "kk", out=tmp_path, source_prefix=">>xx<<")
    built = build.build_package(opus[0], "en", "ru", out=tmp_path)
    assert built.source_prefix == ">>rus<<"  # the ISO 639-3 spelling when no script variant


def test_hugging_face_checkpoint_without_torch_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    src = tmp_path / "nllb"
    src.mkdir()
    (src / "config.json").write_text('{"model_type": "m2m_100"}')
    (src / "sentencepiece.bpe.model").write_bytes(b"")
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a)
    )
    hint = r"needs (transformers and )?torch — install them with `pip install 'l10n\[convert\]'"
    with pytest.raises(ModelError, match=hint):
        build.build_package(src, "en", "kk", out=tmp_path)


@pytest.mark.parametrize(
    ("code", "nllb", "marian"),
    [
        ("kk", "kaz_Cyrl", [">>kaz_Cyrl<<", ">>kaz<<", ">>kk<<"]),
        ("ru", "rus_Cyrl", [">>rus_Cyrl<<", ">>rus<<", ">>ru<<"]),
        ("zh", "zho_Hans", [">>zho_Hans<<", ">>zho<<", ">>cmn_Hans<<", ">>cmn<<", ">>zh<<"]),
        ("zh-Hant", "zho_Hant", [">>zho_Hant<<", ">>zho<<", ">>cmn_Hant<<", ">>zt<<"]),
        ("en", "eng_Latn", [">>eng_Latn<<", ">>eng<<", ">>en<<"]),
        ("xx", None, [">>xx<<"]),
    ],
)
def test_language_tokens(code: str, nllb: str | None, marian: list[str]) -> None:
    assert tokens.nllb_code(code) == nllb
    assert tokens.marian_candidates(code) == marian


def test_served_languages_of_an_nllb_vocabulary() -> None:
    vocab = {"</s>", "eng_Latn", "kaz_Cyrl", "rus_Cyrl", "zho_Hans", "__de__", "▁a"}
    assert tokens.served_languages(vocab) == {
        "de": "__de__",
        "en": "eng_Latn",
        "kk": "kaz_Cyrl",
        "ru": "rus_Cyrl",
        "zh": "zho_Hans",
    }
    assert tokens.marian_token(["</s>", "▁a"], "kk") == ""
