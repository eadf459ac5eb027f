"""The hand-built copy model (tests/fixtures/make_copy_model.py) through the real engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.mt.argos import ArgosTranslator
from l10n.mt.store import install_package
from l10n.terms.enforce import enforce_segments
from l10n.terms.glossary import load_glossary

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "source" / "china-central-asia-article.txt"


@pytest.fixture(scope="module")
def copier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from make_copy_model import make_copy_package

    return make_copy_package(tmp_path_factory.mktemp("copy") / "copy.argosmodel", "ru")


def test_it_copies_every_line_of_the_article(argos_env: Path, copier: Path) -> None:
    translator = ArgosTranslator(install_package(copier))
    lines = [line.strip() for line in ARTICLE.read_text("utf-8").splitlines() if line.strip()]
    assert translator.translate(lines) == lines


def test_it_carries_placeholders_so_mask_needs_one_pass(argos_env: Path, copier: Path) -> None:
    translator = ArgosTranslator(install_package(copier))
    glossary = load_glossary(REPO / "glossary.csv")
    texts = ["The SCO met in Xi'an with Kazakhstan and China.", "CGTN reported it."]
    done = enforce_segments(texts, translator, glossary, "ru", strategy="mask")
    assert [t.target for t in done.translations] == [
        "The ШОС met in Сиань with Казахстан and Китай.",
        "CGTN reported it.",
    ]
    assert done.second_pass == 0
    check = enforce_segments(texts, translator, glossary, "ru", strategy="check")
    assert check.second_pass == 1  # English output holds no Russian form: masked again
    assert check.translations[0].target == done.translations[0].target


def test_check_mode_finds_out_a_model_that_writes_no_russian(argos_env: Path, copier: Path) -> None:
    from l10n.article.read import read_document
    from l10n.article.segment import segment_document

    translator = ArgosTranslator(install_package(copier))
    glossary = load_glossary(REPO / "glossary.csv")
    doc = segment_document(read_document(ARTICLE))
    texts = list(dict.fromkeys(s.text for s in doc if s.translatable))
    probed = enforce_segments(texts, translator, glossary, "ru", strategy="check")
    every = enforce_segments(texts, translator, glossary, "ru", strategy="check", probe=0)
    # the copy model writes English: none of the 8 probe sentences holds a Russian form,
    # so the rest are masked first, one pass each, instead of twice
    assert (probed.probe.held, probed.probe.tried) == (0, 8)
    assert probed.probe.masked_first == every.second_pass - 8 > 10
    assert probed.second_pass == 8
    # and for such a model masking first changes the cost, not the output
    assert [t.target for t in probed.translations] == [t.target for t in every.translations]
