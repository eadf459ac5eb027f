"""The batched CTranslate2 translator, run for real on the small test models."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from make_model import ModelShape, make_package

from l10n.errors import ModelError
from l10n.languages import resolve
from l10n.mt import ModelChoice, MTSettings, Translator
from l10n.mt.argos import (
    DECODING_PER_SOURCE_TOKEN,
    DEFAULT_MAX_DECODING_LENGTH,
    ArgosTranslator,
    engine_threads,
    load_translator,
)
from l10n.mt.store import PackageInfo, install_package
from l10n.project.config import Settings
from l10n.project.inputs import configured_choice

pytestmark = pytest.mark.slow

ARTICLE = Path(__file__).resolve().parents[1] / "source" / "china-central-asia-article.txt"
KK_PREFIX = "kaz_Cyrl"


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    """Lines of the article (the translator does not care how they were segmented)."""
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def settings_for(tmp_path: Path, **models: ModelChoice) -> Settings:
    return Settings(
        root=tmp_path,
        source=tmp_path / "source",
        locales=tmp_path / "locales",
        glossary=tmp_path / "glossary.csv",
        models=dict(models),
    )


def test_translates_every_sentence_in_order(
    installed_models: dict[str, PackageInfo], sentences: list[str]
) -> None:
    translator = ArgosTranslator(installed_models["ru"])
    out = translator.translate(sentences)
    assert len(out) == len(sentences)
    assert all(isinstance(t, str) and t.strip() for t in out)
    assert len(set(out)) > len(out) // 2  # different inputs, different outputs
    assert translator.translate(sentences[::-1]) == out[::-1]
    assert translator.translate(sentences[3:4]) == out[3:4]


def test_deterministic_and_independent_of_batch_size(
    installed_models: dict[str, PackageInfo], sentences: list[str]
) -> None:
    first = ArgosTranslator(installed_models["ru"], MTSettings(batch_size=16)).translate(sentences)
    again = ArgosTranslator(installed_models["ru"], MTSettings(batch_size=16)).translate(sentences)
    single = ArgosTranslator(installed_models["ru"], MTSettings(batch_size=1)).translate(sentences)
    assert first == again == single


def test_models_differ_per_language(
    installed_models: dict[str, PackageInfo], sentences: list[str]
) -> None:
    ru = ArgosTranslator(installed_models["ru"]).translate(sentences[:5])
    zh = ArgosTranslator(installed_models["zh"]).translate(sentences[:5])
    assert ru != zh


@pytest.mark.parametrize(
    ("texts", "blank"),
    [([], []), (["", "  "], [0, 1]), (["Hello.", "", "Bye."], [1])],
    ids=["empty-list", "only-blank", "blank-kept-in-place"],
)
def test_blank_texts_are_kept(
    installed_models: dict[str, PackageInfo], texts: list[str], blank: list[int]
) -> None:
    out = ArgosTranslator(installed_models["ru"]).translate(texts)
    assert len(out) == len(texts)
    assert [i for i, t in enumerate(out) if t == texts[i]] == blank


def test_name_and_protocol(installed_models: dict[str, PackageInfo]) -> None:
    translator: Translator = ArgosTranslator(installed_models["ru"])
    assert translator.name == "argos translate-en_ru 1.0"


def test_progress_reports_every_text(
    installed_models: dict[str, PackageInfo], sentences: list[str]
) -> None:
    steps: list[int] = []
    ArgosTranslator(installed_models["ru"], MTSettings(batch_size=8)).translate(
        [*sentences, ""], progress=steps.append
    )
    assert steps[:-1] == [8] * (len(sentences) // 8) + [len(sentences) % 8]
    assert steps[-1] == 1
    assert sum(steps) == len(sentences) + 1


def test_target_prefix_from_metadata_is_forced_and_stripped(
    installed_models: dict[str, PackageInfo], sentences: list[str]
) -> None:
    kk = ArgosTranslator(installed_models["kk"])
    assert kk.target_prefix == KK_PREFIX
    batch = kk.tokenize(sentences[:4])
    with_prefix = kk.translate_tokens(batch)
    plain = ArgosTranslator(installed_models["kk"], target_prefix="").translate_tokens(batch)
    assert all(KK_PREFIX not in tokens for tokens in with_prefix)
    assert with_prefix != plain  # the prefix conditioned the decoder
    out = kk.translate(sentences[:4])
    assert all(t.strip() and not t.startswith(KK_PREFIX) for t in out)


def test_source_prefix_token_is_prepended(
    installed_models: dict[str, PackageInfo], sentences: list[str]
) -> None:
    plain = ArgosTranslator(installed_models["kk"])
    opus = ArgosTranslator(installed_models["kk"], source_prefix=">>kaz_Cyrl<<")
    assert opus.tokenize(["Hello."]) == [[">>kaz_Cyrl<<", *plain.tokenize(["Hello."])[0]]]
    assert opus.translate(sentences[:4]) != plain.translate(sentences[:4])


def test_long_sentence_is_not_cut_at_the_default_decoding_length(
    argos_env: Path, tmp_path: Path
) -> None:
    never_stops = make_package(
        tmp_path / "endless.argosmodel", "en", "ru", shape=ModelShape(output_length=0)
    )
    translator = ArgosTranslator(install_package(never_stops))
    short, long = translator.tokenize(["Hello.", " ".join(["China and Central Asia"] * 25)])
    assert len(long) * DECODING_PER_SOURCE_TOKEN > DEFAULT_MAX_DECODING_LENGTH
    (short_out,) = translator.translate_tokens([short])
    (long_out,) = translator.translate_tokens([long])
    assert len(short_out) == DEFAULT_MAX_DECODING_LENGTH  # a looping output still stops there
    assert len(long_out) > DEFAULT_MAX_DECODING_LENGTH


def test_decoding_keeps_underscores_and_spaces(installed_models: dict[str, PackageInfo]) -> None:
    translator = ArgosTranslator(installed_models["ru"])
    text = "snake_case and  two words"
    assert translator.detokenize(translator.tokenize([text])[0]) == "snake_case and two words"


def test_load_translator(installed_models: dict[str, PackageInfo], tmp_path: Path) -> None:
    settings = replace(settings_for(tmp_path), mt=MTSettings(batch_size=4, threads=1))
    zh = resolve("zh-Hans")
    translator = load_translator(zh, settings.mt, configured_choice(zh, settings))
    assert translator is not None
    assert (translator.package, translator.mt) == (installed_models["zh"], settings.mt)
    de = resolve("de")
    assert load_translator(de, settings.mt, configured_choice(de, settings)) is None


def test_load_translator_with_configured_model(
    installed_models: dict[str, PackageInfo], tmp_path: Path, sentences: list[str]
) -> None:
    choice = ModelChoice(
        package="translate-en_kk", source_prefix=">>kaz_Cyrl<<", target_prefix=KK_PREFIX
    )
    settings = settings_for(tmp_path, kk=choice)
    kk = resolve("kk")
    translator = load_translator(kk, settings.mt, configured_choice(kk, settings))
    assert translator is not None
    assert (translator.source_prefix, translator.target_prefix) == (">>kaz_Cyrl<<", KK_PREFIX)
    assert all(translator.translate(sentences[:3]))


def test_load_translator_missing_configured_model(argos_env: Path, tmp_path: Path) -> None:
    settings = settings_for(tmp_path, kk=ModelChoice(package="translate-en_kk"))
    kk = resolve("kk")
    with pytest.raises(ModelError) as err:
        load_translator(kk, settings.mt, configured_choice(kk, settings))
    assert str(err.value) == (
        f"no installed package named 'translate-en_kk' in {argos_env} — install a package "
        "with `l10n models install FILE.argosmodel`, or see `l10n models list`"
    )


def test_load_translator_broken_package(
    installed_models: dict[str, PackageInfo], tmp_path: Path
) -> None:
    ru = installed_models["ru"]
    (ru.model_dir / "model.bin").unlink()
    settings = settings_for(tmp_path)
    ru_lang = resolve("ru")
    with pytest.raises(ModelError) as err:
        load_translator(ru_lang, settings.mt, configured_choice(ru_lang, settings))
    assert str(err.value) == (
        f"{ru.path}: broken package: model.bin is missing — reinstall it "
        "with `l10n models install FILE.argosmodel`"
    )


def test_corrupt_model_file_is_a_model_error(installed_models: dict[str, PackageInfo]) -> None:
    ru = installed_models["ru"]
    (ru.model_dir / "model.bin").write_bytes(b"garbage")
    with pytest.raises(ModelError) as err:
        ArgosTranslator(ru).translate(["Hello."])
    message = str(err.value)
    assert message.startswith(f"{ru.model_dir}: cannot load the CTranslate2 model: ")
    assert message.endswith(" — reinstall the package")
    assert "\n" not in message


PROBE = """
import json, sys
from pathlib import Path
import l10n.mt.argos, l10n.mt.store, l10n.cli.models
loaded = {"import": sorted(m for m in ("torch", "argostranslate", "argostranslate.translate",
                                       "ctranslate2", "stanza") if m in sys.modules)}
if len(sys.argv) > 1:
    from l10n.mt.store import find_package
    from l10n.mt.argos import ArgosTranslator
    ArgosTranslator(find_package("en", "ru")).translate(["Hello world."])
    loaded["translate"] = sorted(m for m in ("torch", "argostranslate.translate", "stanza")
                                 if m in sys.modules)
print(json.dumps(loaded))
"""


def test_imports_stay_light(installed_models: dict[str, PackageInfo]) -> None:
    """Importing the engine loads nothing heavy; translating never loads torch or stanza."""
    run = subprocess.run(
        [sys.executable, "-c", PROBE, "translate"], capture_output=True, text=True, check=True
    )
    assert json.loads(run.stdout) == {"import": [], "translate": []}


def test_configured_relative_path_is_relative_to_the_project(
    installed_models: dict[str, PackageInfo], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``package = "argos/packages/…"`` in pyproject.toml does not depend on the cwd."""
    monkeypatch.chdir(installed_models["kk"].path)
    choice = ModelChoice(package="argos/packages/translate-en_kk-1_0")
    settings = settings_for(tmp_path, kk=choice)
    kk = resolve("kk")
    translator = load_translator(kk, settings.mt, configured_choice(kk, settings))
    assert translator is not None and translator.package == installed_models["kk"]


def test_nbest_lists_the_beams_hypotheses_best_first(
    installed_models: dict[str, PackageInfo], sentences: list[str]
) -> None:
    translator = ArgosTranslator(installed_models["ru"])
    texts = [*sentences[:5], ""]
    nbest = translator.translate_nbest(texts, 4)
    assert len(nbest) == len(texts)
    assert nbest[-1] == [""]
    for best, hypotheses in zip(translator.translate(texts), nbest[:-1], strict=False):
        assert 1 <= len(hypotheses) <= 4
        assert hypotheses[0] == best  # the 1-best of the same beam
    assert any(len(set(hypotheses)) > 1 for hypotheses in nbest[:-1])
    wide = ArgosTranslator(installed_models["ru"], MTSettings(beam_size=2))
    assert all(len(h) == 4 for h in wide.translate_nbest(sentences[:3], 4))


def test_threads_zero_decodes_batches_side_by_side_one_core_each() -> None:
    from l10n.mt.argos import MAX_REPLICAS

    assert engine_threads(0, cores=1) == (1, 1)
    assert engine_threads(0, cores=2) == (2, 1)
    assert engine_threads(0, cores=MAX_REPLICAS * 2) == (MAX_REPLICAS, 2)
    assert engine_threads(3, cores=8) == (1, 3)  # a number of threads: one batch at a time


def test_batches_decoded_side_by_side_give_what_one_at_a_time_gives(
    installed_models: dict[str, PackageInfo], sentences: list[str]
) -> None:
    side_by_side = ArgosTranslator(installed_models["ru"], MTSettings(threads=0, batch_size=4))
    one_by_one = ArgosTranslator(installed_models["ru"], MTSettings(threads=1, batch_size=4))
    engine = side_by_side.models.engine(side_by_side.package, side_by_side.mt)
    assert engine.num_translators == engine_threads(0)[0]
    steps: list[int] = []
    found = side_by_side.translate_nbest(sentences, 3, progress=steps.append)
    assert found == one_by_one.translate_nbest(sentences, 3)
    assert sum(steps) == len(sentences) and len(steps) > 2  # every batch reported, in order
