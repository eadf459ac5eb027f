"""Exports: identity round trips, the fuzzy/untranslated policy, txt/md/html/MO output."""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from l10n.article.read import read_document
from l10n.article.segment import segment_blocks
from l10n.errors import ExportError
from l10n.languages import resolve
from l10n.model import Catalog, Document, Entry
from l10n.po.io import write_mo
from l10n.publish.export import (
    export_document,
    export_path,
    write_exports,
)
from l10n.publish.render import article_date, md_escape

ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "source" / "china-central-asia-article.txt"
DATA = Path(__file__).parent / "data" / "export"
MADE_UP = DATA / "made-up-article.txt"

# Source lines an export leaves out: page chrome, and caption copies right under the same caption.
DROPPED = {
    ARTICLE: {1, 11, 13, 36, 38, 56},
    MADE_UP: {1, 2, 13, 21},  # line 3, the dateline, is kept
}


def expected_text(path: Path) -> str:
    """The source minus the dropped lines, each line stripped, blank runs collapsed."""
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line.strip() for number, line in enumerate(lines, 1) if number not in DROPPED[path]]
    text = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def identity(document: Document, language: str, flags: tuple[str, ...] = ()) -> Catalog:
    entries: dict[str, Entry] = {}
    for segment in segment_blocks(document):
        if segment.translatable and segment.text not in entries:
            entries[segment.text] = Entry(msgid=segment.text, msgstr=segment.text, flags=flags)
    return Catalog(
        entries=tuple(entries.values()), metadata=(("Language", resolve(language).locale),)
    )


def translated(document: Document, table: dict[str, str], fuzzy: bool = False) -> Catalog:
    entries: dict[str, Entry] = {}
    for segment in segment_blocks(document):
        if segment.translatable and segment.text not in entries:
            msgstr = table.get(segment.text, "")
            flags = ("fuzzy",) if fuzzy and msgstr else ()
            entries[segment.text] = Entry(msgid=segment.text, msgstr=msgstr, flags=flags)
    return Catalog(entries=tuple(entries.values()))


@pytest.fixture
def made_up() -> Document:
    return read_document(MADE_UP)


@pytest.mark.parametrize("path", [ARTICLE, MADE_UP], ids=["real-article", "made-up-article"])
@pytest.mark.parametrize("catalog_kind", ["identity", "no-catalog", "all-fuzzy"])
@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_identity_round_trip(path: Path, catalog_kind: str, lang: str) -> None:
    document = read_document(path)
    catalog = {
        "identity": identity(document, lang),
        "no-catalog": None,
        "all-fuzzy": identity(document, lang, flags=("fuzzy",)),
    }[catalog_kind]
    text = export_document(document, catalog, resolve(lang), fmt="txt")
    assert text == expected_text(path)


RU = {
    "Lakes of the Tian Shan are shrinking fast": "Озёра Тянь-Шаня быстро мелеют",
    "Glaciers feed the lakes.": "Ледники питают озёра.",
    "Scientists measured 12.5 percent less ice in 2022 than in 2012.": (
        "Учёные намерили в 2022 году на 12,5 процента меньше льда, чем в 2012 году."
    ),
    "A herder near Issyk-Kul lake, Kyrgyzstan, July 3, 2022.": (
        "Пастух у озера Иссык-Куль, Киргизия, 3 июля 2022 года."
    ),
    "What comes next": "Что дальше",
}
ZH = {
    "Glaciers feed the lakes.": "冰川滋养着湖泊。",
    "Scientists measured 12.5 percent less ice in 2022 than in 2012.": (
        "科学家测得2022年的冰量比2012年少12.5%。"
    ),
    "Herders moved their flocks to higher ground.": "牧民把畜群赶到了更高的地方。",
    "Some left the valley for good.": "有些人永远离开了山谷。",
}


def test_ru_sentences_joined_with_one_space(made_up: Document) -> None:
    text = export_document(made_up, translated(made_up, RU), resolve("ru"), fmt="txt")
    assert text.splitlines()[:8] == [
        "Updated 19:22, 11-May-2023",
        "Озёра Тянь-Шаня быстро мелеют",
        "By Anna Berg, Reuters",
        "02:15",
        "",
        "Ледники питают озёра. Учёные намерили в 2022 году на 12,5 процента меньше льда,"
        " чем в 2012 году.",
        "",
        "Herders moved their flocks to higher ground.  Some left the valley for good.",
    ]
    assert "Пастух у озера Иссык-Куль, Киргизия, 3 июля 2022 года. /AP" in text
    assert text.count("/AP") == 2


def test_zh_sentences_joined_without_space(made_up: Document) -> None:
    text = export_document(made_up, translated(made_up, ZH), resolve("zh"), fmt="txt")
    lines = text.splitlines()
    assert "冰川滋养着湖泊。科学家测得2022年的冰量比2012年少12.5%。" in lines
    assert "牧民把畜群赶到了更高的地方。有些人永远离开了山谷。" in lines


def test_zh_mixed_with_english_fallback_keeps_source_space(made_up: Document) -> None:
    table = {"Glaciers feed the lakes.": "冰川滋养着湖泊。"}
    text = export_document(made_up, translated(made_up, table), resolve("zh"), fmt="txt")
    assert "冰川滋养着湖泊。 Scientists measured 12.5 percent" in text


@pytest.mark.parametrize(
    ("include_fuzzy", "expected"),
    [(False, "Glaciers feed the lakes."), (True, "Ледники питают озёра.")],
    ids=["fuzzy-falls-back", "include-fuzzy"],
)
def test_fuzzy_policy(made_up: Document, include_fuzzy: bool, expected: str) -> None:
    catalog = translated(made_up, RU, fuzzy=True)
    text = export_document(made_up, catalog, resolve("ru"), fmt="txt", include_fuzzy=include_fuzzy)
    assert text.splitlines()[5].startswith(expected)


def test_unknown_format_is_an_export_error(made_up: Document) -> None:
    with pytest.raises(ExportError) as err:
        export_document(made_up, None, resolve("ru"), fmt="pdf")
    assert str(err.value) == "unknown export format 'pdf' — use one of txt, md, html, mo"


def test_html_page_structure(made_up: Document) -> None:
    page = export_document(made_up, translated(made_up, RU), resolve("ru"), fmt="html")
    assert page.startswith('<!doctype html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">')
    assert "<title>Озёра Тянь-Шаня быстро мелеют</title>" in page
    assert '<h1 class="block-title">Озёра Тянь-Шаня быстро мелеют</h1>' in page
    assert (
        '<p class="byline block-byline"><span class="fallback" lang="en">By Anna Berg, Reuters'
        "</span></p>"
    ) in page
    assert '<p class="dateline"><time datetime="2023-05-11">11 мая 2023\u202fг.</time></p>' in page
    assert '<p class="media block-media"><time datetime="PT2M15S">02:15</time></p>' in page
    assert '<h2 class="block-heading">Что дальше</h2>' in page
    assert (
        '<figure class="block-caption"><figcaption>Пастух у озера Иссык-Куль, Киргизия, '
        "3 июля 2022 года. <small>/AP</small></figcaption></figure>"
    ) in page
    assert page.count("<figure") == 2
    assert '<p class="languages">английский → русский</p></footer>' in page
    assert 'class="fallback-note" lang="en"' in page
    assert "Opinion" not in page and "Tags" not in page
    assert page.count("<article>") == page.count("</article>") == 1
    assert page.count("<main>\n<article>") == page.count("</article>\n</main>") == 1


@pytest.mark.parametrize(
    ("lang", "tag"), [("ru", "ru"), ("kk", "kk"), ("zh", "zh-Hans")], ids=["ru", "kk", "zh"]
)
def test_html_lang_attribute(made_up: Document, lang: str, tag: str) -> None:
    page = export_document(made_up, None, resolve(lang), fmt="html")
    assert f'<html lang="{tag}">' in page


def test_html_escapes_every_text(made_up: Document) -> None:
    table = {
        "Glaciers feed the lakes.": "<script>alert('x')</script> & <b>жирный</b>",
        "What comes next": 'Что "дальше" <i>',
    }
    page = export_document(made_up, translated(made_up, table), resolve("ru"), fmt="html")
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;жирный" in page
    assert '<h2 class="block-heading">Что &quot;дальше&quot; &lt;i&gt;</h2>' in page


def test_real_article_has_no_date_line() -> None:
    document = read_document(ARTICLE)
    assert article_date(document) is None
    page = export_document(document, None, resolve("ru"), fmt="html")
    assert 'class="dateline"' not in page
    assert page.count('<figure class="block-caption">') == 2
    assert page.count('<p class="media block-media">') == 2


@pytest.mark.parametrize(
    ("lang", "date"),
    [("ru", "11 мая 2023\u202fг."), ("kk", "2023\u202fж. 11 мамыр"), ("zh", "2023年5月11日")],
    ids=["ru", "kk", "zh"],
)
def test_markdown(made_up: Document, lang: str, date: str) -> None:
    text = export_document(made_up, None, resolve(lang), fmt="md")
    assert text.split("\n\n")[:5] == [
        "Updated 19:22, 11-May-2023",
        "# Lakes of the Tian Shan are shrinking fast",
        "By Anna Berg, Reuters",
        date,
        "02:15",
    ]
    assert "## What comes next" in text
    assert "*A herder near Issyk-Kul lake, Kyrgyzstan, July 3, 2022.* /AP" in text
    assert 'Officials plan new reservoirs \\*now\\*. "We have no choice," one said.' in text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a *b* _c_", "a \\*b\\* \\_c\\_"),
        ("[link](x) <tag>", "\\[link\\](x) \\<tag\\>"),
        ("# not a heading", "\\# not a heading"),
        ("2022. A year", "2022\\. A year"),
        ("- not a list", "\\- not a list"),
        ("---", "\\---"),
        ("-5 degrees", "\\-5 degrees"),
        ("2022.5 million", "2022.5 million"),
        ("AT&amp;T", "AT\\&amp;T"),
        ("Belt & Road", "Belt & Road"),
        ("back\\slash `code`", "back\\\\slash \\`code\\`"),
    ],
    ids=[
        "emphasis",
        "link-and-html",
        "heading",
        "ordered-list",
        "bullet",
        "rule",
        "minus",
        "decimal",
        "entity",
        "ampersand",
        "code",
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def _review_catalog() -> Catalog:
    return Catalog(
        entries=(
            Entry(msgid="Reviewed.", msgstr="Проверено."),
            Entry(msgid="Machine.", msgstr="Машина.", flags=("fuzzy",)),
            Entry(msgid="Empty.", msgstr=""),
            Entry(msgid="Also reviewed.", msgstr="Тоже проверено."),
            Entry(msgid="Gone.", msgstr="Ушло.", obsolete=True),
        ),
        metadata=(("Language", "ru"), ("Content-Type", "text/plain; charset=UTF-8")),
    )


@pytest.mark.parametrize(
    ("include_fuzzy", "expected"),
    [
        (False, {"Reviewed.": "Проверено.", "Also reviewed.": "Тоже проверено."}),
        (
            True,
            {"Reviewed.": "Проверено.", "Also reviewed.": "Тоже проверено.", "Machine.": "Машина."},
        ),
    ],
    ids=["reviewed-only", "include-fuzzy"],
)
def test_write_mo(tmp_path: Path, include_fuzzy: bool, expected: dict[str, str]) -> None:
    path = tmp_path / "ru" / "LC_MESSAGES" / "a.mo"
    assert write_mo(_review_catalog(), path, include_fuzzy=include_fuzzy) is True
    with path.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    for msgid in ("Reviewed.", "Machine.", "Empty.", "Also reviewed.", "Gone."):
        assert translations.gettext(msgid) == expected.get(msgid, msgid)
    assert [p.name for p in path.parent.iterdir()] == ["a.mo"]


def test_write_mo_declares_utf8_and_msgunfmt_reads_it(tmp_path: Path) -> None:
    # no Content-Type in the PO header
    catalog = replace(_review_catalog(), metadata=(("Language", "ru"),))
    path = tmp_path / "a.mo"
    write_mo(catalog, path, include_fuzzy=False)
    if shutil.which("msgunfmt") is None:
        pytest.skip("msgunfmt (gettext) is not installed")
    done = subprocess.run(["msgunfmt", str(path)], capture_output=True, text=True, check=True)
    assert done.stderr == ""
    assert 'msgstr "Проверено."' in done.stdout


def test_write_exports_layout(tmp_path: Path, made_up: Document) -> None:
    catalog = translated(made_up, ZH)
    paths = write_exports(made_up, catalog, resolve("zh"), tmp_path / "out")
    relative = sorted(str(p.relative_to(tmp_path / "out")) for p in paths)
    assert relative == [
        "zh/LC_MESSAGES/made-up-article.mo",
        "zh_CN/LC_MESSAGES/made-up-article.mo",
        "zh_Hans/LC_MESSAGES/made-up-article.mo",
        "zh_Hans/made-up-article.html",
        "zh_Hans/made-up-article.md",
        "zh_Hans/made-up-article.txt",
    ]
    txt = export_path(tmp_path / "out", made_up, resolve("zh"), "txt")
    assert txt.read_text(encoding="utf-8") == export_document(
        made_up, catalog, resolve("zh"), fmt="txt"
    )
    leftovers = [p for p in (tmp_path / "out").rglob("*") if p.name.startswith(".")]
    assert leftovers == []


def test_write_exports_without_catalog_skips_mo(tmp_path: Path, made_up: Document) -> None:
    paths = write_exports(made_up, None, resolve("kk"), tmp_path)
    assert sorted(p.suffix for p in paths) == [".html", ".md", ".txt"]


def test_write_exports_rejects_unknown_format_before_writing(
    tmp_path: Path, made_up: Document
) -> None:
    with pytest.raises(ExportError, match="unknown export format 'docx'"):
        write_exports(made_up, None, resolve("ru"), tmp_path, formats=("txt", "docx"))
    assert list(tmp_path.iterdir()) == []


def test_write_exports_unwritable_directory(tmp_path: Path, made_up: Document) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where the directory should be", encoding="utf-8")
    with pytest.raises(ExportError) as err:
        write_exports(made_up, None, resolve("ru"), blocker, formats=("txt",))
    assert str(err.value) == (
        f"{blocker}/ru/made-up-article.txt: cannot write: Not a directory"
        " — choose a writable --out directory"
    )


LISTS = (
    "Five things to know\n\nHere is what is at stake.\n\n"
    "1. Security will top the agenda.\n2. Belarus joins. Iran watches.\n\n"
    "Key facts:\n\n- Founded: 2001\n• Members: 9\n\nThe end.\n"
)


@pytest.fixture
def lists(tmp_path: Path) -> Document:
    path = tmp_path / "lists.txt"
    path.write_text(LISTS, encoding="utf-8")
    return read_document(path)


def test_lists_round_trip_as_text(lists: Document) -> None:
    assert export_document(lists, identity(lists, "zh"), resolve("zh"), fmt="txt") == LISTS


def test_lists_in_markdown(lists: Document) -> None:
    text = export_document(lists, identity(lists, "ru"), resolve("ru"), fmt="md")
    assert "\n\n1. Security will top the agenda.\n2. Belarus joins. Iran watches.\n\n" in text
    assert "\n\n- Founded: 2001\n- Members: 9\n\n" in text


def test_lists_in_html(lists: Document) -> None:
    table = {"Security will top the agenda.": "Безопасность <b>прежде всего</b>."}
    page = export_document(lists, translated(lists, table), resolve("ru"), fmt="html")
    assert (
        '<ol class="block-list">\n<li>Безопасность &lt;b&gt;прежде всего&lt;/b&gt;.</li>\n'
        '<li><span class="fallback" lang="en">Belarus joins.</span> '
        '<span class="fallback" lang="en">Iran watches.</span></li>\n'
        "</ol>"
    ) in page
    assert '<ul class="block-list">\n<li><span class="fallback" lang="en">Founded: 2001' in page
    assert page.count("<li>") == 4
