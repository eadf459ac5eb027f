"""glossary.csv loading/validation, English term matching and target-form detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.errors import GlossaryError
from l10n.model import Glossary, Term
from l10n.terms.glossary import load_glossary
from l10n.terms.match import find_terms, target_forms, target_present

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "glossary"
GLOSSARY_CSV = ROOT / "glossary.csv"
ARTICLE = ROOT / "source" / "china-central-asia-article.txt"

# ---------------------------------------------------------------- loading

BAD = [
    ("not-utf8", "3: not UTF-8 (byte 0xe9) — save the file as UTF-8"),
    (
        "missing-note",
        '1: missing column "note" — the header needs term, note and language columns, '
        "e.g. term,ru,kk,zh,keep,note",
    ),
    (
        "missing-term",
        '1: missing column "term" — the header needs term, note and language columns, '
        "e.g. term,ru,kk,zh,keep,note",
    ),
    ("no-language", "1: no language column — add at least one, e.g. ru, kk or zh"),
    (
        "unknown-language",
        '1: column "russian" is not a language code — use codes such as ru, kk or zh '
        "(other columns: term, keep, note)",
    ),
    ("duplicate-column", '1: duplicate column "ru" — keep one'),
    ("empty-term", "3: empty term — fill the term cell or delete the row"),
    ("duplicate-term", '5: duplicate term "sco" (first on row 2) — merge the two rows'),
    ("field-count", "3: 7 fields, expected 6 — quote cells that contain commas"),
    ("keep-value", '2: keep is "maybe" — write yes or leave it empty'),
    ("keep-with-target", '2: "CGTN" is kept but has a zh form — clear keep or the zh cell'),
    (
        "no-target",
        '3: "Bishkek" has no target form — fill at least one language column or set keep to yes',
    ),
    (
        "empty-alternative",
        '2: "Kyrgyzstan": the ru cell "Киргизия|" has an empty alternative — '
        "write forms separated by | (Киргизия|Кыргызстан)",
    ),
    (
        "unclosed-quote",
        "2: malformed CSV (unexpected end of data) — check the quotes on this row",
    ),
]


@pytest.mark.parametrize(("reason", "message"), BAD, ids=[reason for reason, _ in BAD])
def test_bad_glossary_is_one_line_error(reason: str, message: str) -> None:
    path = DATA / f"bad.{reason}.csv"
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    assert str(info.value) == f"{path}:{message}"


def test_every_bad_file_is_tested() -> None:
    on_disk = {p.name for p in DATA.glob("bad.*.csv")}
    assert on_disk == {f"bad.{reason}.csv" for reason, _ in BAD} | {"bad.empty.csv"}


def test_empty_file() -> None:
    path = DATA / "bad.empty.csv"
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    assert str(info.value) == (
        f"{path}: empty file — add a header row such as term,ru,kk,zh,keep,note"
    )


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    assert str(info.value) == (
        f"{path}: file not found — create it (header term,ru,kk,zh,keep,note) or set "
        "[tool.l10n] glossary"
    )


def test_rows_are_physical_lines(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text(
        "\ufeffterm,ru,zh,keep,note\n"
        "# comment lines and blank lines are skipped\n"
        "\n"
        'SCO,ШОС,上合组织,,"two-line\nnote"\n'
        "CGTN,,,yes,brand\n"
        "Bishkek,Бишкек,,no,capital\n",
        encoding="utf-8",
    )
    glossary = load_glossary(path)
    assert glossary.path == str(path)
    assert glossary.terms == (
        Term("SCO", {"ru": "ШОС", "zh": "上合组织"}, "two-line\nnote", False, True, 4),
        Term("CGTN", {}, "brand", True, True, 6),
        Term("Bishkek", {"ru": "Бишкек"}, "capital", False, True, 7),
    )


def test_project_glossary_loads() -> None:
    glossary = load_glossary(GLOSSARY_CSV)
    assert len(glossary.terms) >= 40
    for term in glossary.terms:
        assert term.note, f"row {term.row}: {term.term} has no note"
        if term.keep:
            assert term.target("ru") == term.target("kk") == term.target("zh") == term.term
        else:
            assert term.target("ru") and term.target("kk"), f"row {term.row}: {term.term}"


KEY_FORMS = [
    ("SCO", "ШОС", "ШЫҰ", "上合组织"),
    (
        "Shanghai Cooperation Organization",
        "Шанхайская организация сотрудничества",
        "Шанхай ынтымақтастық ұйымы",
        "上海合作组织",
    ),
    ("CICA", "СВМДА", "АӨСШК", "亚信会议"),
    (
        "Belt and Road Initiative",
        "инициатива «Пояс и путь»",
        "«Белдеу және жол» бастамасы",
        "“一带一路”倡议",
    ),
    (
        "Kassym-Jomart Tokayev",
        "Касым-Жомарт Токаев",
        "Қасым-Жомарт Тоқаев",
        "卡瑟姆若马尔特·托卡耶夫",
    ),
    ("Xi'an", "Сиань", "Сиань", "西安"),
    ("Xian", "Сиань", "Сиань", "西安"),
    ("Qin Gang", "Цинь Ган", "Цинь Ган", "秦刚"),
    ("Xinjiang", "Синьцзян", "Шыңжаң", "新疆"),
    (
        "Chinese Academy of Social Sciences",
        "Китайская академия общественных наук",
        "Қытай қоғамдық ғылымдар академиясы",
        "中国社会科学院",
    ),
    ("CGTN", "CGTN", "CGTN", "CGTN"),
]


@pytest.mark.parametrize(("term", "ru", "kk", "zh"), KEY_FORMS, ids=[k[0] for k in KEY_FORMS])
def test_project_glossary_key_forms(term: str, ru: str, kk: str, zh: str) -> None:
    by_term = {t.term: t for t in load_glossary(GLOSSARY_CSV).terms}
    row = by_term[term]
    assert (row.target("ru"), row.target("kk"), row.target("zh")) == (ru, kk, zh)


def test_every_target_form_is_found_in_itself() -> None:
    for term in load_glossary(GLOSSARY_CSV).terms:
        for lang in ("ru", "kk", "zh"):
            for form in target_forms(term, lang):
                found = target_present(term, lang, f"Начало. {form}. Конец")
                assert found == form, (term.term, lang, found)


# ---------------------------------------------------------------- matching English

ARTICLE_ENTITIES = [
    "SCO",
    "Shanghai Cooperation Organization",
    "Wahdat-Yawan railway",
    "BRI",
    "Belt and Road Initiative",
    "CICA",
    "Conference on Interaction and Confidence Building Measures in Asia",
    "Xi'an",
    "Xian",
    "Bishkek Thermal Power Plant",
    "TPP",
    "Lianyungang",
    "Xinjiang",
    "Jiangsu Province",
    "Kassym-Jomart Tokayev",
    "Tokayev",
    "Qin Gang",
    "Ju Hao",
    "Kairat Sarybay",
    "Sarybay",
    "Chinese Academy of Social Sciences",
    "Chinese Foreign Ministry",
    "China-Central Asia Summit",
    "China-Central Asia Gas Pipeline",
    "China-Central Asia Foreign Ministers' Meeting",
    "China-Central Asia",
    "China-Kazakhstan International Logistics Base",
    "Kazarman",
    "North-South highway",
    "Jalalabad Region",
    "Central Asia",
    "China",
    "Kyrgyzstan",
    "Tajikistan",
    "Turkmenistan",
    "Uzbekistan",
    "Kazakhstan",
    "Afghanistan",
    "Iran",
    "U.S.",
    "Xinhua",
    "CFP",
    "CGTN",
    "State Councilor",
]


def test_article_named_entities_are_all_matched() -> None:
    glossary = load_glossary(GLOSSARY_CSV)
    text = ARTICLE.read_text(encoding="utf-8")
    matched = {m.term.term for m in find_terms(text, glossary)}
    assert matched == set(ARTICLE_ENTITIES)


def _glossary(*terms: str) -> Glossary:
    acronym = {"SCO", "BRI", "TPP", "CGTN", "U.S.", "CICA"}
    return Glossary(tuple(Term(t, {"ru": t}, case_sensitive=t in acronym) for t in terms))


MATCHES = [
    ("acronym", "The SCO met.", ["SCO"]),
    ("acronym-case-sensitive", "The sco met.", []),
    ("acronym-inside-word", "SCOPE and DISCO and SCOs", []),
    ("possessive", "China's growth and China’s role", ["China", "China"]),
    ("possessive-acronym", "the SCO's charter", ["SCO"]),
    ("first-letter-either-case", "the belt and Road Initiative", ["belt and Road Initiative"]),
    ("inner-case-kept", "the Belt And Road INITIATIVE", []),
    ("longest-first", "China-Central Asia Summit in Xian", ["China-Central Asia Summit", "Xian"]),
    ("hyphen-between-names", "China-Central Asia ties", ["China", "Central Asia"]),
    ("hyphen-before-lowercase", "a China-invested project", []),
    ("hyphen-after-lowercase", "a pro-China party", []),
    ("spaced-dash", "Kazakhstan – China trade", ["Kazakhstan", "China"]),
    ("adjective-not-name", "the Central Asian countries", []),
    ("apostrophe-variants", "in Xi’an and Xi'an", ["Xi’an", "Xi'an"]),
    (
        "space-hyphen-equivalent",
        "Confidence-Building and Confidence Building",
        ["Confidence-Building", "Confidence Building"],
    ),
    ("line-break-inside", "the Central\nAsia region", ["Central\nAsia"]),
    ("dotted-acronym", "the U.S.' withdrawal", ["U.S."]),
    ("digit-glued", "SCO2023 and 2023SCO", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), [m[1:] for m in MATCHES], ids=[m[0] for m in MATCHES]
)
def test_find_terms(text: str, expected: list[str]) -> None:
    glossary = _glossary(
        "SCO",
        "China",
        "Central Asia",
        "China-Central Asia Summit",
        "Belt and Road Initiative",
        "Xian",
        "Xi'an",
        "Kazakhstan",
        "Confidence Building",
        "U.S.",
    )
    matches = find_terms(text, glossary)
    assert [m.matched for m in matches] == expected
    assert all(text[m.start : m.end] == m.matched for m in matches)


def test_find_terms_prefers_longest_and_never_overlaps() -> None:
    glossary = _glossary("China", "Central Asia", "China-Central Asia", "Central Asia Gas")
    matches = find_terms("the China-Central Asia Gas Pipeline", glossary)
    assert [(m.term.term, m.matched) for m in matches] == [
        ("China-Central Asia", "China-Central Asia")
    ]


# ---------------------------------------------------------------- target forms

FORMS = [
    # Russian: stems plus case endings, acronyms with or without a hyphen
    ("ru-acronym", "SCO", "ru", "в рамках ШОС стороны", "ШОС"),
    ("ru-acronym-hyphen", "SCO", "ru", "саммит ШОС-а", "ШОС-а"),
    ("ru-acronym-glued", "SCO", "ru", "саммит ШОСа", "ШОСа"),
    ("ru-acronym-longer-word", "SCO", "ru", "ШОСТАКОВИЧ", None),
    (
        "ru-genitive-phrase",
        "Shanghai Cooperation Organization",
        "ru",
        "член Шанхайской организации сотрудничества.",
        "Шанхайской организации сотрудничества",
    ),
    (
        "ru-instrumental-phrase",
        "Shanghai Cooperation Organization",
        "ru",
        "с Шанхайской организацией сотрудничества",
        "Шанхайской организацией сотрудничества",
    ),
    ("ru-prepositional", "Bishkek", "ru", "в Бишкеке", "Бишкеке"),
    ("ru-genitive-name", "Tokayev", "ru", "слова Токаева", "Токаева"),
    ("ru-softsign-stem", "China", "ru", "из Китая и Китаем", "Китая"),
    (
        "ru-sentence-start",
        "Belt and Road Initiative",
        "ru",
        "Инициатива «Пояс и путь» выдвинута",
        "Инициатива «Пояс и путь»",
    ),
    (
        "ru-other-quotes",
        "Belt and Road Initiative",
        "ru",
        'в рамках инициативы "Пояс и путь"',
        'инициативы "Пояс и путь"',
    ),
    (
        "ru-dash-variant",
        "China-Central Asia Summit",
        "ru",
        "на саммите Китай-Центральная Азия",
        "саммите Китай-Центральная Азия",
    ),
    ("ru-different-word", "Iran", "ru", "в Ираке", None),
    ("ru-absent", "Xi'an", "ru", "в городе Пекин", None),
    # Kazakh: the base word plus suffixes, after a vowel, a consonant or a hyphen
    ("kk-acronym-genitive", "SCO", "kk", "ШЫҰ-ның хатшылығы", "ШЫҰ-ның"),
    ("kk-acronym-dative", "SCO", "kk", "ШЫҰ-ға мүше", "ШЫҰ-ға"),
    ("kk-acronym-dative-vowel", "SCO", "kk", "ШЫҰ-на кірді", "ШЫҰ-на"),
    ("kk-after-consonant", "Bishkek", "kk", "Бішкекке барды", "Бішкекке"),
    ("kk-voicing", "Bishkek", "kk", "Бішкегі", "Бішкегі"),
    ("kk-after-vowel", "China", "kk", "Қытайдың үлесі", "Қытайдың"),
    (
        "kk-phrase-last-word",
        "Shanghai Cooperation Organization",
        "kk",
        "Шанхай ынтымақтастық ұйымының саммиті",
        "Шанхай ынтымақтастық ұйымының",
    ),
    (
        "kk-quoted",
        "Belt and Road Initiative",
        "kk",
        "«Белдеу және жол» бастамасына",
        "«Белдеу және жол» бастамасына",
    ),
    ("kk-kept-brand", "CGTN", "kk", "CGTN-ға берген сұхбатында", "CGTN-ға"),
    ("kk-absent", "Xinjiang", "kk", "Синьцзян", None),
    # Chinese: exact, up to quote, dash and middle-dot variants
    ("zh-exact", "SCO", "zh", "上合组织成员国", "上合组织"),
    ("zh-quotes", "Belt and Road Initiative", "zh", '"一带一路"倡议', '"一带一路"倡议'),
    ("zh-dash", "China-Central Asia Summit", "zh", "首届中国-中亚峰会", "中国-中亚峰会"),
    (
        "zh-middle-dot",
        "Kassym-Jomart Tokayev",
        "zh",
        "卡瑟姆若马尔特•托卡耶夫说",
        "卡瑟姆若马尔特•托卡耶夫",
    ),
    ("zh-absent", "SCO", "zh", "上海合作", None),
    ("no-form-for-language", "Ju Hao", "zh", "巨浩", None),
]


@pytest.mark.parametrize(
    ("term", "lang", "text", "expected"), [f[1:] for f in FORMS], ids=[f[0] for f in FORMS]
)
def test_target_present(term: str, lang: str, text: str, expected: str | None) -> None:
    by_term = {t.term: t for t in load_glossary(GLOSSARY_CSV).terms}
    assert target_present(by_term[term], lang, text) == expected


@pytest.mark.parametrize("lang", ["zh", "zh_Hans", "zh-CN"])
def test_target_present_accepts_locale_codes(lang: str) -> None:
    sco = Term("SCO", {"zh": "上合组织"})
    assert target_present(sco, lang, "上合组织成员国") == "上合组织"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tea served in fine china", []),
        ("China and china", ["China"]),
        ("the belt and road initiative", ["belt and road initiative"]),
        ("the sco", []),
    ],
    ids=["lowercase-common-noun", "only-capitalised", "multi-word-either-case", "acronym"],
)
def test_case_rules_as_loaded_from_csv(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text(
        "term,ru,note\nChina,Китай,\nBelt and Road Initiative,«Пояс и путь»,\nSCO,ШОС,\n",
        encoding="utf-8",
    )
    found = find_terms(text, load_glossary(path))
    assert [m.matched for m in found] == expected


def test_alternatives_of_a_cell() -> None:
    kyrgyzstan = {t.term: t for t in load_glossary(GLOSSARY_CSV).terms}["Kyrgyzstan"]
    assert target_forms(kyrgyzstan, "ru") == ("Киргизия", "Кыргызстан")
    assert target_forms(kyrgyzstan, "kk") == ("Қырғызстан",)
    assert target_present(kyrgyzstan, "ru", "в Кыргызстане") == "Кыргызстане"


def test_a_row_for_the_longer_phrase_wins_plural_included() -> None:
    glossary = load_glossary(GLOSSARY_CSV)
    matches = find_terms("It cost 40 billion U.S. dollars, the U.S. said.", glossary)
    assert [(m.term.term, m.matched) for m in matches] == [
        ("U.S. dollar", "U.S. dollars"),
        ("U.S.", "U.S."),
    ]
