"""The newsroom corpus exported: nothing but page chrome disappears, lists stay lists.

An export with no catalog falls back to English everywhere, so each article comes back
as its source text minus the dropped chrome (and a caption repeated right after itself):
datelines, credits, sign-offs, list markers and captions' labels are all put back.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from l10n.article.read import read_document
from l10n.languages import resolve
from l10n.publish.export import export_document
from l10n.publish.localize import published_blocks

CORPUS = Path(__file__).parent / "data" / "corpus"
ARTICLES = sorted(CORPUS.glob("*.txt"))


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("path", ARTICLES, ids=[path.stem for path in ARTICLES])
def test_english_export_is_the_source_minus_chrome(path: Path) -> None:
    document = read_document(path)
    shown = {block.line for block in published_blocks(document)}
    chrome = {block.line for block in document.blocks if block.line not in shown}
    source = [
        line
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if number not in chrome
    ]
    exported = export_document(document, None, resolve("ru"), fmt="txt")
    assert _words(exported) == _words("\n".join(source))


def test_press_release_lists_in_html() -> None:
    document = read_document(CORPUS / "press_release.txt")
    page = export_document(document, None, resolve("ru"), fmt="html")
    assert page.count('<ul class="block-list">') == 3  # the "-" and "•" lists, the "*" item
    assert page.count('<ol class="block-list">') == 2  # "1." and "1)" lists
    assert page.count('<ol class="block-list" type="a">') == 1
    assert (
        '<li><span class="fallback" lang="en">the selection of a site near Aktau;</span></li>'
        in page
    )
    assert page.count('<h1 class="block-title">') == 1
    md = export_document(document, None, resolve("ru"), fmt="md")
    assert "- a. regulatory approval;" in md
    assert "1) approval by the boards of both companies;" in md


def test_brief_has_no_title_and_keeps_its_dateline() -> None:
    document = read_document(CORPUS / "brief.txt")
    page = export_document(document, None, resolve("ru"), fmt="html")
    assert "<h1" not in page
    text = export_document(document, None, resolve("ru"), fmt="txt")
    assert text.startswith("ALMATY, Jan. 14 (Kazinform) -- Almaty's akimat said")
