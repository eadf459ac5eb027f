"""Templates, new catalogs, translations into entries, and what gettext's tools say of them."""

from __future__ import annotations

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest

from l10n.languages import resolve
from l10n.model import Catalog, Document, Segment, Translation
from l10n.po.entries import apply_translations, build_template, new_catalog
from l10n.po.format import format_catalog
from l10n.po.io import read_catalog, write_catalog, write_mo
from l10n.po.merge import merge

needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt, msgcat) is not installed"
)

DOC = Document(
    path=Path("source/article.txt"), name="source/article.txt", domain="article", blocks=()
)


def seg(
    block: int,
    text: str,
    kind: str = "paragraph",
    *,
    line: int = 0,
    refs: tuple[int, ...] = (),
    translatable: bool = True,
) -> Segment:
    return Segment(
        id=f"b{block}.s0",
        block=block,
        position=0,
        kind=kind,  # type: ignore[arg-type]
        text=text,
        line=line or block + 1,
        separator="",
        translatable=translatable,
        references=refs,
    )


SEGMENTS = (
    seg(0, "Download", "chrome", translatable=False),
    seg(1, "What do China-Central Asia ties mean for a turbulent world?", "title"),
    seg(2, "CGTN", "byline"),
    seg(3, "01:50", "media", translatable=False),
    seg(5, "China is to hold the first China-Central Asia Summit next week.", line=6),
    seg(8, "The construction site of the highway project.", "caption", refs=(9, 10, 12)),
    seg(13, "The construction site of the highway project.", "caption", line=12),
    seg(14, "China-Central Asia ties valuable", "heading", line=14),
)

# Sample translations as a translator would write them (not MT output).
SAMPLES = {
    "ru": [
        "Что значат связи Китая и Центральной Азии для неспокойного мира?",
        "CGTN",
        "Китай проведёт первый саммит «Китай — Центральная Азия» на следующей неделе.",
        "Строительная площадка проекта автомагистрали.",
        "Ценность связей",
    ],
    "kk": [
        "Қытай мен Орталық Азия байланыстары алаулы әлем үшін нені білдіреді?",
        "CGTN",
        "Қытай келесі аптада алғашқы «Қытай — Орталық Азия» саммитін өткізеді.",
        "Тас жол жобасының құрылыс алаңы.",
        "Байланыстардың құндылығы",
    ],
    "zh": [
        "中国－中亚关系对动荡的世界意味着什么？",
        "CGTN",
        "中国将于下周举办首届中国－中亚峰会，这是一次国家元首级别的会晤。",
        "公路项目的建设工地。",
        "中国－中亚关系弥足珍贵",
    ],
}


def template() -> Catalog:
    return build_template(DOC, SEGMENTS, version="0.1.0")


def test_template_has_translatable_segments_once_with_every_reference() -> None:
    pot = template()
    assert [e.msgid for e in pot] == [
        "What do China-Central Asia ties mean for a turbulent world?",
        "CGTN",
        "China is to hold the first China-Central Asia Summit next week.",
        "The construction site of the highway project.",
        "China-Central Asia ties valuable",
    ]
    caption = pot.find("The construction site of the highway project.")
    assert caption is not None
    assert caption.references == tuple(("source/article.txt", n) for n in ("9", "10", "12"))
    assert [e.extracted_comments for e in pot] == [
        "title",
        "byline",
        "paragraph",
        "caption",
        "heading",
    ]
    assert all(e.msgstr == "" for e in pot)


def test_template_headers() -> None:
    meta = template().meta
    assert list(meta) == [
        "Project-Id-Version",
        "Report-Msgid-Bugs-To",
        "POT-Creation-Date",
        "PO-Revision-Date",
        "Last-Translator",
        "Language-Team",
        "Language",
        "MIME-Version",
        "Content-Type",
        "Content-Transfer-Encoding",
        "X-Generator",
    ]
    assert meta["Content-Type"] == "text/plain; charset=UTF-8"
    assert meta["X-Generator"] == "l10n 0.1.0"
    assert meta["Project-Id-Version"] == "article"


@pytest.mark.parametrize(
    ("code", "locale", "team", "plural"),
    [
        (
            "ru",
            "ru",
            "русский",
            "nplurals=3; plural=n % 10 == 1 && n % 100 != 11 ? 0 : "
            "n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;",
        ),
        ("kk", "kk", "қазақ тілі", "nplurals=2; plural=(n != 1);"),
        ("zh", "zh_Hans", "中文 (简体)", "nplurals=1; plural=0;"),
    ],
    ids=["ru", "kk", "zh"],
)
def test_new_catalog_headers_from_cldr(code: str, locale: str, team: str, plural: str) -> None:
    meta = new_catalog(template(), resolve(code)).meta
    assert (meta["Language"], meta["Language-Team"], meta["Plural-Forms"]) == (locale, team, plural)


def filled(code: str) -> Catalog:
    catalog = merge(None, template(), language=resolve(code), threshold=80).catalog
    targets = dict(zip([e.msgid for e in catalog], SAMPLES[code], strict=True))
    catalog, _ = apply_translations(
        catalog,
        {s: Translation(s, t, "mt", "argos translate-en_x 1.9") for s, t in targets.items()},
    )
    return catalog


def reviewed_first(catalog: Catalog) -> Catalog:
    """The catalog with its first entry reviewed (the fuzzy flag cleared)."""
    return catalog.with_entry(catalog.entries[0].msgid, flags=())


@needs_gettext
@pytest.mark.parametrize("code", ["ru", "kk", "zh"], ids=["ru", "kk", "zh_Hans"])
def test_msgfmt_check_passes_and_msgcat_changes_nothing(code: str, tmp_path: Path) -> None:
    catalog = reviewed_first(filled(code))  # so that msgfmt compiles one message at least
    path = tmp_path / "article.po"
    write_catalog(catalog, path)
    check = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "a.mo"), str(path)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    assert "1 translated message, 4 fuzzy translations" in check.stderr
    cat = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True)
    assert cat.stdout == path.read_text(encoding="utf-8")


def test_machine_output_is_fuzzy_with_provenance_and_glossary_notes() -> None:
    catalog = merge(None, template(), language=resolve("ru"), threshold=80).catalog
    catalog, _ = apply_translations(
        catalog,
        {
            "CGTN": Translation(
                "CGTN", "CGTN", "mt", "argos translate-en_ru 1.9", comments=("glossary: CGTN kept",)
            )
        },
    )
    entry = catalog.find("CGTN")
    assert entry is not None and entry.fuzzy
    assert (
        entry.extracted_comments == "byline\nmachine translation: argos translate-en_ru 1.9\n"
        "glossary: CGTN kept"
    )


def test_translation_memory_match_names_its_source_and_stays_fuzzy() -> None:
    catalog = merge(None, template(), language=resolve("ru"), threshold=80).catalog
    catalog, _ = apply_translations(
        catalog, {"CGTN": Translation("CGTN", "CGTN", "tm", "locales/ru/LC_MESSAGES/other.po")}
    )
    entry = catalog.find("CGTN")
    assert entry is not None and entry.fuzzy and entry.msgstr == "CGTN"
    assert entry.extracted_comments == "byline\ntranslation memory: locales/ru/LC_MESSAGES/other.po"


def test_apply_never_replaces_a_human_translation() -> None:
    catalog = merge(None, template(), language=resolve("ru"), threshold=80).catalog
    catalog = catalog.with_entry("CGTN", msgstr="Си-Джи-Ти-Эн")
    catalog, changed = apply_translations(catalog, {"CGTN": Translation("CGTN", "CGTN", "mt", "x")})
    entry = catalog.find("CGTN")
    assert entry is not None
    assert (changed, entry.msgstr, entry.fuzzy, entry.extracted_comments) == (
        0,
        "Си-Джи-Ти-Эн",
        False,
        "byline",
    )


def test_write_mo_excludes_fuzzy_unless_asked(tmp_path: Path) -> None:
    catalog = reviewed_first(filled("ru"))
    title = "What do China-Central Asia ties mean for a turbulent world?"
    strict, loose = tmp_path / "strict.mo", tmp_path / "loose.mo"
    write_mo(catalog, strict, include_fuzzy=False)
    write_mo(catalog, loose, include_fuzzy=True)
    with strict.open("rb") as handle:
        only_reviewed = gettext.GNUTranslations(handle)
    with loose.open("rb") as handle:
        everything = gettext.GNUTranslations(handle)
    assert only_reviewed.gettext(title) == SAMPLES["ru"][0]
    assert (
        only_reviewed.gettext("China-Central Asia ties valuable")
        == "China-Central Asia ties valuable"
    )
    assert everything.gettext("China-Central Asia ties valuable") == "Ценность связей"
    assert write_mo(catalog, strict, include_fuzzy=False) is False


def test_catalog_round_trips_through_read_and_write(tmp_path: Path) -> None:
    catalog = filled("zh")
    path = tmp_path / "zh.po"
    write_catalog(catalog, path)
    again = read_catalog(path)
    assert format_catalog(again) == format_catalog(catalog)
