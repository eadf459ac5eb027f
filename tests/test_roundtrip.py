"""Markdown and MO round trips: an identity catalog gives the source article back.

The txt round trip is in test_export.py; here the Markdown export is read back as text,
and the catalog goes PO → MO → PO before the export, as a publisher's gettext would see it.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from l10n.article.read import read_document
from l10n.article.segment import segment_document
from l10n.languages import resolve
from l10n.model import Catalog, Document, Entry
from l10n.po.io import from_polib, write_mo
from l10n.publish.export import export_document
from l10n.publish.render import date_line

HERE = Path(__file__).parent
ARTICLE = HERE.parent / "source" / "china-central-asia-article.txt"
MADE_UP = HERE / "data" / "export" / "made-up-article.txt"


def identity(document: Document, locale: str) -> Catalog:
    return Catalog(
        entries=tuple(
            Entry(msgid=segment.text, msgstr=segment.text)
            for segment in segment_document(document)
            if segment.translatable
        ),
        metadata=(("Language", locale), ("Content-Type", "text/plain; charset=UTF-8")),
    )


def markdown_as_text(markdown: str) -> str:
    """Undo the Markdown markup the exporter adds: heading marks, italics, escapes."""
    lines = []
    for line in markdown.splitlines():
        line = re.sub(r"^#{1,6} ", "", line)
        line = re.sub(r"^\*(.*)\*( .*)?$", lambda m: m.group(1) + (m.group(2) or ""), line)
        lines.append(re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~])", r"\1", line))
    return "\n".join(lines)


def plain(text: str) -> str:
    """Compare paragraphs only: blank-line structure differs between txt and Markdown."""
    return "\n".join(line for line in text.splitlines() if line.strip())


@pytest.mark.parametrize("path", [ARTICLE, MADE_UP], ids=["real-article", "made-up-article"])
@pytest.mark.parametrize("code", ["ru", "zh"])
def test_markdown_reads_back_as_the_text_export(path: Path, code: str) -> None:
    document = read_document(path)
    lang = resolve(code)
    catalog = identity(document, lang.locale)
    text = export_document(document, catalog, lang, fmt="txt")
    markdown = export_document(document, catalog, lang, fmt="md")
    dated = date_line(document, lang)  # the one line Markdown adds: the localized date
    read_back = "\n".join(
        line
        for line in plain(markdown_as_text(markdown)).splitlines()
        if dated is None or line != dated[1]
    )
    assert read_back == plain(text)


@pytest.mark.parametrize("path", [ARTICLE, MADE_UP], ids=["real-article", "made-up-article"])
def test_mo_round_trip_rebuilds_the_article(path: Path, tmp_path: Path) -> None:
    document = read_document(path)
    lang = resolve("kk")
    catalog = identity(document, lang.locale)
    mo_path = tmp_path / "kk" / "LC_MESSAGES" / f"{document.domain}.mo"
    assert write_mo(catalog, mo_path, include_fuzzy=False)
    from_mo = polib.mofile(str(mo_path))
    assert sorted(e.msgid for e in from_mo) == sorted(e.msgid for e in catalog)
    direct = export_document(document, catalog, lang, fmt="txt")
    assert export_document(document, from_polib(from_mo), lang, fmt="txt") == direct
