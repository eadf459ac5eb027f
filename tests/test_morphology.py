"""Glossary forms in inflected text: Russian from the pymorphy3 dictionary, Kazakh by suffixes.

Each table is written out by hand: the cases and numbers of the glossary form as a Russian or
Kazakh text would carry them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from l10n.model import Term
from l10n.terms.glossary import load_glossary
from l10n.terms.match import TermForms, target_present

REPO = Path(__file__).resolve().parents[1]
TERMS = {t.term: t for t in load_glossary(REPO / "glossary.csv").terms}

SCO_RU = [
    "Шанхайская организация сотрудничества",  # nominative
    "Шанхайской организации сотрудничества",  # genitive, dative, prepositional
    "Шанхайскую организацию сотрудничества",  # accusative
    "Шанхайской организацией сотрудничества",  # instrumental
    "Шанхайскою организациею сотрудничества",  # instrumental, old spelling
    "Шанхайские организации сотрудничества",  # plural nominative
    "Шанхайских организаций сотрудничества",  # plural genitive
    "Шанхайским организациям сотрудничества",  # plural dative
    "Шанхайскими организациями сотрудничества",  # plural instrumental
    "Шанхайских организациях сотрудничества",  # plural prepositional
]
TOKAYEV_RU = ["Токаев", "Токаева", "Токаеву", "Токаевым", "Токаеве", "Токаевы", "Токаевых"]
NOT_RU = [
    ("Shanghai Cooperation Organization", "Шанхайская организация по торговле"),
    ("Shanghai Cooperation Organization", "Шанхайского союза сотрудничества"),
    ("Tokayev", "Токарев"),
    ("Tokayev", "Токаевка"),
    ("China", "Китайская сторона"),
    ("Kyrgyzstan", "Кыргызия"),
]
KAZAKHSTAN_KK = [
    "Қазақстан",  # nominative
    "Қазақстанның",  # genitive
    "Қазақстанға",  # dative
    "Қазақстанды",  # accusative
    "Қазақстанда",  # locative
    "Қазақстаннан",  # ablative
    "Қазақстанмен",  # instrumental
]
SCO_KK = ["ШЫҰ-ның", "ШЫҰ-ға", "ШЫҰ-ны", "ШЫҰ-да", "ШЫҰ-дан", "ШЫҰ-мен"]
ORGANIZATION_KK = [
    "Шанхай ынтымақтастық ұйымы",
    "Шанхай ынтымақтастық ұйымының",
    "Шанхай ынтымақтастық ұйымына",
    "Шанхай ынтымақтастық ұйымын",
    "Шанхай ынтымақтастық ұйымында",
    "Шанхай ынтымақтастық ұйымынан",
    "Шанхай ынтымақтастық ұйымымен",
]


def _needs_dictionary() -> None:
    pytest.importorskip("pymorphy3", reason="pymorphy3 is a dependency: pip install -e .")


@pytest.mark.parametrize("form", SCO_RU)
def test_ru_phrase_in_every_case_and_number(form: str) -> None:
    _needs_dictionary()
    text = f"Саммит {form} прошёл в Астане."
    found = target_present(TERMS["Shanghai Cooperation Organization"], "ru", text)
    assert found == form


@pytest.mark.parametrize("form", TOKAYEV_RU)
def test_ru_surname_with_every_parse(form: str) -> None:
    _needs_dictionary()
    assert target_present(TERMS["Tokayev"], "ru", f"Встреча с {form} состоялась.") == form


@pytest.mark.parametrize(("term", "text"), NOT_RU, ids=[t for _, t in NOT_RU])
def test_ru_other_words_do_not_match(term: str, text: str) -> None:
    _needs_dictionary()
    assert target_present(TERMS[term], "ru", text) is None


def test_ru_alternative_in_a_case() -> None:
    _needs_dictionary()
    assert target_present(TERMS["Kyrgyzstan"], "ru", "в Кыргызстане") == "Кыргызстане"


@pytest.mark.parametrize(
    ("term", "form"),
    [("Kazakhstan", f) for f in KAZAKHSTAN_KK]
    + [("SCO", f) for f in SCO_KK]
    + [("Shanghai Cooperation Organization", f) for f in ORGANIZATION_KK],
)
def test_kk_suffixes(term: str, form: str) -> None:
    assert target_present(TERMS[term], "kk", f"Бүгін {form} жиналды.") == form


@pytest.mark.parametrize(
    ("term", "text"),
    [("Kazakhstan", "Қазақтың үлесі"), ("Xinjiang", "Синьцзян"), ("SCO", "ШОС-тың")],
)
def test_kk_other_words_do_not_match(term: str, text: str) -> None:
    assert target_present(TERMS[term], "kk", text) is None


def test_dictionary_loads_only_for_russian() -> None:
    _needs_dictionary()
    script = (
        "import sys\n"
        "from l10n.checks import Unit, check_entry\n"
        "from l10n.languages import resolve\n"
        "from l10n.terms.glossary import load_glossary\n"
        "g = load_glossary(__import__('pathlib').Path('glossary.csv'))\n"
        "for lang in ('zh', 'kk'):\n"
        "    check_entry(Unit('China and the SCO.', '中国和上合组织。', resolve(lang), g))\n"
        "print('pymorphy3' in sys.modules)\n"
        "check_entry(Unit('China and the SCO.', 'Китай и ШОС.', resolve('ru'), g))\n"
        "print('pymorphy3' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "True"]


def test_one_analyzer_per_instance() -> None:
    _needs_dictionary()
    forms = TermForms()
    term = Term("Tokayev", {"ru": "Токаев"})
    assert target_present(term, "ru", "с Токаевым", forms) == "Токаевым"
    first = forms.russian()
    assert target_present(term, "ru", "у Токаева", forms) == "Токаева"
    assert forms.russian() is first
    assert TermForms().russian() is not first
