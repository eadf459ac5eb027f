"""QA checks: a table of good and bad translations per check and language, and run_checks."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from l10n.checks import Unit, check_entry, list_checks, run_checks
from l10n.languages import quote_marks, resolve
from l10n.model import Catalog, Glossary, Term
from l10n.po.io import from_polib, read_catalog

DATA = Path(__file__).parent / "data" / "checks"

GLOSSARY = Glossary(
    (
        Term("Central Asia", {"ru": "Центральная Азия", "kk": "Орталық Азия", "zh": "中亚"}),
        Term(
            "Shanghai Cooperation Organization",
            {
                "ru": "Шанхайская организация сотрудничества",
                "kk": "Шанхай ынтымақтастық ұйымы",
                "zh": "上海合作组织",
            },
        ),
        Term("SCO", {"ru": "ШОС", "kk": "ШЫҰ", "zh": "上合组织"}),
        Term("CGTN", {}, keep=True),
    )
)

GAS = "It had delivered 423.2 billion cubic meters of gas to China by the end of 2022."
QUOTE = 'The intentions are "open and sincere".'
SCO = "The Shanghai Cooperation Organization (SCO) met."
DATE = "The SCO met in Xi'an on October 27, 2020."
LONG = (
    "For many years, China has been a major investor in Central Asia, providing the region "
    "with connections and projects."
)

# (language, source, translation, expected [(check id, message)])
CASES = {
    # glossary
    "glossary-ru-inflected": (
        "ru",
        SCO,
        "Шанхайская организация сотрудничества (ШОС) собралась.",
        [],
    ),
    "glossary-ru-wrong": (
        "ru",
        SCO,
        "Шанхайская организация по сотрудничеству (ШОС) собралась.",
        [
            (
                "glossary",
                '"Shanghai Cooperation Organization" should be translated '
                '"Шанхайская организация сотрудничества" — '
                'found "Шанхайская организация по сотрудничеству"',
            )
        ],
    ),
    "glossary-kk-missing": (
        "kk",
        "Leaders of Central Asia met.",
        "Азия елдерінің басшылары кездесті.",
        [("glossary", '"Central Asia" should be translated "Орталық Азия" — not found')],
    ),
    "glossary-ru-no-chance-hint": (
        "ru",
        "The SCO gives the region a voice.",
        "SCO даёт региону голос.",
        [("glossary", '"SCO" should be translated "ШОС" — not found')],
    ),
    "glossary-kk-good": ("kk", SCO, "Шанхай ынтымақтастық ұйымы (ШЫҰ) жиналды.", []),
    "glossary-zh-good": ("zh", SCO, "上海合作组织（上合组织）举行了会议。", []),
    "glossary-zh-wrong": (
        "zh",
        "Leaders of the SCO met.",
        "上海合作组织领导人举行了会晤。",
        [("glossary", '"SCO" should be translated "上合组织" — found "合作组织"')],
    ),
    # numbers
    "numbers-ru-decimal-comma": (
        "ru",
        GAS,
        "К концу 2022 года в Китай поставлено 423,2 млрд кубометров газа.",
        [],
    ),
    "numbers-ru-english-decimal": (
        "ru",
        GAS,
        "К концу 2022 года в Китай поставлено 423.2 млрд кубометров газа.",
        [("numbers", "423.2 is written the English way — write 423,2 in Russian")],
    ),
    "numbers-ru-grouping-nbsp": (
        "ru",
        "It had 12,000 staff.",
        "В нём было 12\u00a0000 сотрудников.",
        [],
    ),
    "numbers-ru-grouping-space": (
        "ru",
        "It had 12,000 staff.",
        "В нём было 12 000 сотрудников.",
        [],
    ),
    "numbers-ru-grouping-narrow": (
        "ru",
        "It had 12,000 staff.",
        "В нём было 12\u202f000 сотрудников.",
        [],
    ),
    "numbers-ru-english-grouping": (
        "ru",
        "It had 12,000 staff.",
        "В нём было 12,000 сотрудников.",
        [
            (
                "numbers",
                "12,000 is written the English way — write 12\u00a0000"
                " (with a no-break space) in Russian",
            )
        ],
    ),
    "numbers-ru-year-grouped": (
        "ru",
        "It opened in 2009.",
        "Он открылся в 2\u00a0009 году.",
        [
            ("numbers", "number 2009 is missing — expected 2009"),
        ],
    ),
    "numbers-kk-decimal-comma": (
        "kk",
        GAS,
        "2022 жылдың соңына дейін Қытайға 423,2 млрд текше метр газ жеткізілді.",
        [],
    ),
    "numbers-kk-missing": (
        "kk",
        GAS,
        "2022 жылдың соңына дейін Қытайға 432,2 млрд текше метр газ жеткізілді.",
        [
            ("numbers", "number 423.2 is missing — expected 423,2"),
            ("extra-numbers", "number 432,2 is not in the source — check it"),
        ],
    ),
    "numbers-zh-yi": ("zh", GAS, "截至2022年底，已向中国输送天然气4232亿立方米。", []),
    "numbers-zh-wrong-scale": (
        "zh",
        GAS,
        "截至2022年底，已向中国输送天然气423.2亿立方米。",
        [("numbers", "423.2 billion is missing or mistranslated — write 4232亿")],
    ),
    "numbers-zh-decimal-point": ("zh", "Growth was 5.2 percent.", "增长率为5.2%。", []),
    "numbers-zh-wan": ("zh", "It carries 12,000 containers.", "它运送1.2万个集装箱。", []),
    "numbers-zh-wan-wrong": (
        "zh",
        "It carries 12,000 containers.",
        "它运送12万个集装箱。",
        [("numbers", "number 12,000 is missing — expected 12,000")],
    ),
    "numbers-zh-date-month": ("zh", DATE, "上合组织于2020年10月27日在西安举行会议。", []),
    "numbers-ru-time-kept": ("ru", "The video runs 01:50.", "Видео длится 01:50.", []),
    "numbers-ru-time-changed": (
        "ru",
        "The video runs 01:50.",
        "Видео длится 1,50.",
        [
            ("numbers", "time 01:50 is missing — keep it as 01:50"),
            ("extra-numbers", "number 1,50 is not in the source — check it"),
        ],
    ),
    "extra-numbers-ru": (
        "ru",
        "The two leaders met.",
        "Два лидера встретились 3 раза.",
        [("extra-numbers", "number 3 is not in the source — check it")],
    ),
    "extra-numbers-kk": (
        "kk",
        "The two leaders met.",
        "Екі көшбасшы 3 рет кездесті.",
        [("extra-numbers", "number 3 is not in the source — check it")],
    ),
    "extra-numbers-zh": (
        "zh",
        "The two leaders met.",
        "两位领导人会晤了3次。",
        [("extra-numbers", "number 3 is not in the source — check it")],
    ),
    "numbers-ru-small-spelled-out": ("ru", "The 2 leaders met.", "Два лидера встретились.", []),
    "numbers-zh-small-spelled-out": ("zh", "The 2 leaders met.", "两位领导人举行了会晤。", []),
    "numbers-kk-eleven-missing": (
        "kk",
        "The 11 leaders met.",
        "Көшбасшылар кездесті.",
        [("numbers", "number 11 is missing — expected 11")],
    ),
    "extra-numbers-ru-number-word": (
        "ru",
        "All six countries agreed.",
        "Все 6 стран согласились.",
        [],
    ),
    "extra-numbers-ru-ordinal": (
        "ru",
        "They held the fourth meeting.",
        "Они провели 4-ю встречу.",
        [],
    ),
    "extra-numbers-ru-decade": (
        "ru",
        "Since the 1990s, the G20 grew.",
        "С 1990-х годов G20 вырос.",
        [],
    ),
    # urls
    "urls-ru-kept": (
        "ru",
        "Read more at https://news.cgtn.com/a/1.html today.",
        "Подробнее на https://news.cgtn.com/a/1.html сегодня.",
        [],
    ),
    "urls-ru-changed": (
        "ru",
        "Write to news@cgtn.com for details.",
        "Пишите на news@cgtn.ru за подробностями.",
        [
            ("urls", "news@cgtn.com is missing or changed — copy it unchanged"),
            ("urls", "news@cgtn.ru is not in the source — remove it or fix it"),
        ],
    ),
    "urls-kk-kept": (
        "kk",
        "Read more at https://news.cgtn.com/a/1.html today.",
        "Бүгін толығырақ https://news.cgtn.com/a/1.html сайтында оқыңыз.",
        [],
    ),
    "urls-kk-changed": (
        "kk",
        "Read more at https://news.cgtn.com/a/1.html today.",
        "Бүгін толығырақ https://news.cgtn.com/a/1 сайтында оқыңыз.",
        [
            ("urls", "https://news.cgtn.com/a/1.html is missing or changed — copy it unchanged"),
            ("urls", "https://news.cgtn.com/a/1 is not in the source — remove it or fix it"),
        ],
    ),
    "urls-zh-kept": (
        "zh",
        "Read more at https://news.cgtn.com/a/1.html today.",
        "今天在https://news.cgtn.com/a/1.html阅读更多内容。",
        [],
    ),
    # untranslated
    "untranslated-ru-copy": (
        "ru",
        "Economic benefits matter.",
        "Economic benefits matter.",
        [("untranslated", "translation is a copy of the English source — translate it")],
    ),
    "untranslated-kk-latin": (
        "kk",
        "The cooperation has increased the capabilities of the region.",
        "Ынтымақтастық has increased the capabilities of the region.",
        [("untranslated", "mostly in Latin script (88% of its words) — translate it into Kazakh")],
    ),
    "untranslated-zh-copy": (
        "zh",
        "Economic benefits matter.",
        "Economic benefits matter.",
        [
            ("untranslated", "translation is a copy of the English source — translate it"),
            ("end-punctuation", "ends with . — use 。 in Chinese (Simplified)"),
        ],
    ),
    "untranslated-byline-kept": ("ru", "CGTN", "CGTN", []),
    "untranslated-ru-names-ok": ("ru", "CGTN reported from Xi'an.", "CGTN сообщает из Сианя.", []),
    # quotes
    "quotes-ru-guillemets": ("ru", QUOTE, "Намерения «открытые и искренние».", []),
    "quotes-ru-straight": (
        "ru",
        QUOTE,
        'Намерения "открытые и искренние".',
        [("quotes", "straight quotes not used in Russian — use «…»")],
    ),
    "quotes-ru-english-curly": (
        "ru",
        QUOTE,
        "Намерения “открытые и искренние”.",
        [("quotes", "quotation mark ” not used in Russian — use «…»")],
    ),
    "quotes-ru-nested": (
        "ru",
        'He said "the "Belt and Road" works".',
        "Он сказал: «„Пояс и путь“ работает».",
        [],
    ),
    "quotes-kk-lost": (
        "kk",
        QUOTE,
        "Ниеттер ашық және шынайы.",
        [
            (
                "quotes",
                "source has 1 opening and 1 closing quotation marks, "
                "translation has 0 and 0 — use «…»",
            )
        ],
    ),
    "quotes-kk-guillemets": ("kk", QUOTE, "Ниеттер «ашық және шынайы».", []),
    "quotes-zh-curly": ("zh", QUOTE, "意图是“开放和真诚的”。", []),
    "quotes-zh-guillemets": (
        "zh",
        QUOTE,
        "意图是«开放和真诚的»。",
        [
            ("quotes", "quotation mark « not used in Chinese (Simplified) — use “…”"),
            ("quotes", "quotation mark » not used in Chinese (Simplified) — use “…”"),
        ],
    ),
    "quotes-ru-open-only": ("ru", '"China has become a juggernaut.', "«Китай стал гигантом.", []),
    "quotes-ru-unbalanced": (
        "ru",
        "China has become a juggernaut.",
        "«Китай стал гигантом.",
        [("quotes", "unbalanced quotation marks: 1 opening and 0 closing")],
    ),
    "quotes-ru-added-name": (
        "ru",
        "The Belt and Road Initiative works.",
        "Инициатива «Пояс и путь» работает.",
        [],
    ),
    # brackets
    "brackets-ru-kept": (
        "ru",
        "It joined the CICA (in Asia).",
        "Она вступила в СВМДА (в Азии).",
        [],
    ),
    "brackets-ru-lost": (
        "ru",
        "It joined the CICA (in Asia).",
        "Она вступила в СВМДА в Азии.",
        [("brackets", "source has 1 (…), translation has 0 — keep them")],
    ),
    "brackets-kk-unbalanced": (
        "kk",
        "It joined the CICA (in Asia).",
        "Ол АӨСШК-ге (Азияда кірді.",
        [("brackets", "unbalanced brackets: 1 ( and 0 )")],
    ),
    "brackets-kk-full-width": (
        "kk",
        "It joined the CICA (in Asia).",
        "Ол АӨСШК-ге （Азияда） кірді.",
        [
            ("brackets", "full-width bracket （ in Kazakh — use ("),
            ("brackets", "full-width bracket ） in Kazakh — use )"),
        ],
    ),
    "brackets-zh-full-width": (
        "zh",
        "It joined the CICA (in Asia).",
        "它加入了亚信会议（在亚洲）。",
        [],
    ),
    # end punctuation
    "end-ru-stop": ("ru", "The summit opens.", "Саммит открывается.", []),
    "end-ru-missing": (
        "ru",
        "The summit opens.",
        "Саммит открывается",
        [("end-punctuation", "missing final . — the source ends with .")],
    ),
    "end-ru-heading-extra": (
        "ru",
        "Economic benefits",
        "Экономические выгоды.",
        [("end-punctuation", "extra final . — the source has none")],
    ),
    "end-ru-question": (
        "ru",
        "What do the ties mean?",
        "Что значат эти связи.",
        [("end-punctuation", "ends with . where the source ends with ? — use ?")],
    ),
    "end-ru-after-quote": ("ru", 'He said "yes."', "Он сказал «да».", []),
    "end-kk-question": ("kk", "What do the ties mean?", "Бұл байланыстар нені білдіреді?", []),
    "end-zh-full-stop": ("zh", "The summit opens.", "峰会开幕。", []),
    "end-zh-ascii-stop": (
        "zh",
        "The summit opens.",
        "峰会开幕.",
        [("end-punctuation", "ends with . — use 。 in Chinese (Simplified)")],
    ),
    "end-zh-question": ("zh", "What do the ties mean?", "这些关系意味着什么？", []),
    "end-zh-quote-then-stop": ("zh", 'He said: "We agree."', "他说：“我们同意。”", []),
    # spaces
    "spaces-ru-double": (
        "ru",
        "The summit opens today.",
        "Саммит  открывается сегодня.",
        [("spaces", "double space at column 7")],
    ),
    "spaces-kk-trailing": (
        "kk",
        "The summit opens today.",
        "Саммит бүгін ашылады. ",
        [("spaces", "leading or trailing whitespace — remove it")],
    ),
    "spaces-zh-between-han": (
        "zh",
        "The summit opens today.",
        "峰会 今天开幕。",
        [("spaces", "space between Chinese characters at column 3 — remove it")],
    ),
    "spaces-zh-latin-ok": ("zh", "CGTN reported it.", "CGTN 报道了此事。", []),
    # repeated words
    "repeat-ru": (
        "ru",
        "The SCO met.",
        "ШОС ШОС собралась.",
        [("repeated-words", 'repeated word "ШОС ШОС" — remove the repeat')],
    ),
    "repeat-kk": (
        "kk",
        "The summit opens.",
        "Саммит саммит ашылады.",
        [("repeated-words", 'repeated word "Саммит саммит" — remove the repeat')],
    ),
    "repeat-zh-de": (
        "zh",
        "China's summit opens.",
        "中国的的峰会开幕。",
        [("repeated-words", 'repeated "的的" — remove the repeat')],
    ),
    "repeat-zh-phrase": (
        "zh",
        "Cooperation grows.",
        "合作合作不断发展。",
        [("repeated-words", 'repeated "合作合作" — remove the repeat')],
    ),
    "repeat-in-source-ok": (
        "ru",
        "He said that that was fine.",
        "Он сказал, что что-то в порядке.",
        [],
    ),
    "repeat-zh-reduplication-ok": ("zh", "Relations grow gradually.", "关系渐渐发展。", []),
    # length ratio
    "ratio-ru-ok": (
        "ru",
        LONG,
        "Многие годы Китай является крупным инвестором в Центральной Азии, "
        "обеспечивая регион связями и проектами.",
        [],
    ),
    "ratio-ru-short": (
        "ru",
        LONG,
        "Китай инвестирует в Центральную Азию.",
        [
            (
                "length-ratio",
                "translation is 0.32× the length of the source, about 1.12× is usual "
                "in Russian — check for omissions or additions",
            )
        ],
    ),
    "ratio-zh-ok": (
        "zh",
        LONG,
        "多年来，中国一直是中亚的主要投资者，为该地区提供互联互通和项目。",
        [],
    ),
    "ratio-zh-long": (
        "zh",
        "China has invested a lot in Central Asia over the years, the report said today.",
        "多年来，中国一直在中亚进行大量投资，为该地区的道路、铁路、管道、电站和口岸提供资金、技术和人员，报告今天说，这一趋势还将长期持续下去，并将惠及更多国家和人民。",
        [
            (
                "length-ratio",
                "translation is 1.00× the length of the source, about 0.30× is usual "
                "in Chinese (Simplified) — check for omissions or additions",
            )
        ],
    ),
    "ratio-kk-short": (
        "kk",
        LONG,
        "Қытай Орталық Азиядағы инвестор.",
        [
            (
                "length-ratio",
                "translation is 0.28× the length of the source, about 1.08× is usual "
                "in Kazakh — check for omissions or additions",
            )
        ],
    ),
    "ratio-kk-short-segment-skipped": ("kk", "Economic benefits", "Экономикалық пайда", []),
}


@pytest.mark.parametrize(
    ("lang", "source", "target", "expected"), list(CASES.values()), ids=list(CASES)
)
def test_check_table(lang: str, source: str, target: str, expected: list[tuple[str, str]]) -> None:
    unit = Unit(source, target, resolve(lang), GLOSSARY)
    assert [(chk.id, message) for chk, message in check_entry(unit)] == expected


def test_list_checks_documents_every_check() -> None:
    checks = list_checks()
    ids = [chk.id for chk in checks]
    assert len(ids) == len(set(ids))
    assert {"glossary", "numbers", "untranslated", "quotes", "brackets", "end-punctuation"} <= set(
        ids
    )
    assert {"spaces", "repeated-words", "length-ratio", "urls", "extra-numbers"} <= set(ids)
    for chk in checks:
        assert chk.severity in ("error", "warning", "info")
        assert chk.doc and "\n" not in chk.doc and chk.doc.endswith(".")


@pytest.mark.parametrize("lang", ["ru", "kk", "zh"])
def test_good_fixture_has_no_issues(lang: str) -> None:
    """Hand-checked translations of article sentences: no check may fire on them."""
    path = DATA / f"good.{lang}.po"
    catalog = read_catalog(path)
    assert catalog is not None
    assert len(catalog) >= 8
    assert run_checks(catalog, path=str(path), language=resolve(lang), glossary=GLOSSARY) == []


def _pofile(language: str) -> polib.POFile:
    catalog = polib.POFile()
    catalog.metadata = {"Language": language, "Content-Type": "text/plain; charset=UTF-8"}
    rows = [
        ("The summit opens.", "Саммит открывается", []),  # reviewed, missing stop
        ("The SCO met.", "ШОС ШОС собралась.", ["fuzzy"]),  # machine output
        ("Economic benefits", "", []),  # untranslated: not checked
    ]
    for msgid, msgstr, flags in rows:
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=flags))
    catalog.append(polib.POEntry(msgid="Old text.", msgstr="Старый текст", obsolete=True))
    return catalog


def _catalog(language: str) -> Catalog:
    return from_polib(_pofile(language))


def test_run_checks_reports_path_line_and_fuzzy(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    _pofile("ru").save(str(path))
    catalog = read_catalog(path)
    assert catalog is not None
    issues = run_checks(catalog, path="locales/ru/a.po", language=resolve("ru"), glossary=GLOSSARY)
    assert [str(issue) for issue in issues] == [
        "locales/ru/a.po:7: [end-punctuation] missing final . — the source ends with .",
        'locales/ru/a.po:10: [repeated-words] repeated word "ШОС ШОС" — remove the repeat',
    ]
    assert [(i.severity, i.language) for i in issues] == [("warning", "ru"), ("warning", "ru")]
    reviewed_only = run_checks(
        catalog, path="a.po", language=resolve("ru"), glossary=GLOSSARY, include_fuzzy=False
    )
    assert [issue.check for issue in reviewed_only] == ["end-punctuation"]


def test_run_checks_flags_language_header_mismatch() -> None:
    issues = run_checks(_catalog("kk"), path="ru.po", language=resolve("ru"), glossary=Glossary())
    assert str(issues[0]) == (
        "ru.po: [language-header] catalog Language header is 'kk' but it is checked as 'ru'"
        " — fix the header or the --to language"
    )
    assert issues[0].severity == "error"


@pytest.mark.parametrize("header", ["zh_Hans", "zh-Hans", "zh_CN", ""])
def test_zh_headers_that_mean_simplified_chinese(header: str) -> None:
    catalog = polib.POFile()
    catalog.metadata = {"Language": header}
    catalog.append(polib.POEntry(msgid="The summit opens.", msgstr="峰会开幕。"))
    assert (
        run_checks(from_polib(catalog), path="zh.po", language=resolve("zh"), glossary=GLOSSARY)
        == []
    )


CLDR = json.loads(
    (Path(__file__).parent / "data" / "cldr" / "delimiters-48.2.0.json").read_text("utf-8")
)


@pytest.mark.parametrize("lang", sorted(CLDR["delimiters"]))
def test_quote_table_matches_cldr(lang: str) -> None:
    marks = CLDR["delimiters"][lang]
    expected = tuple(
        marks[key]
        for key in (
            "quotationStart",
            "quotationEnd",
            "alternateQuotationStart",
            "alternateQuotationEnd",
        )
    )
    assert quote_marks(resolve(lang)) == expected
