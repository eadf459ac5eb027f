"""The exported HTML pages load in headless Chromium and show every segment's text.

Chromium runs the page (``--dump-dom`` prints the DOM after scripts ran), so this also
proves that markup in a translation is shown as text and never executed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from screenshots import load

from l10n.article.read import read_document
from l10n.languages import resolve
from l10n.publish.export import export_document
from l10n.publish.localize import localize

ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "source" / "china-central-asia-article.txt"

pytestmark = pytest.mark.skipif(
    shutil.which("chromium") is None and not Path("/usr/bin/chromium").exists(),
    reason="chromium is not installed (apt-get install chromium)",
)


SHOTS = load()


class _ArticleText(HTMLParser):
    """Collects the text inside <article>, the <html lang> and the <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []
        self.lang = ""
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        self.in_title = tag == "title"
        self.depth += tag == "article"

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "article"
        self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.depth:
            self.parts.append(data)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _dump_dom(page: Path, profile: Path) -> str:
    command = SHOTS.chromium_command(profile, "--dump-dom", page.as_uri())
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize(
    ("lang", "tag"), [("ru", "ru"), ("kk", "kk"), ("zh", "zh-Hans")], ids=["ru", "kk", "zh"]
)
def test_page_loads_with_every_segment(tmp_path: Path, lang: str, tag: str) -> None:
    document = read_document(ARTICLE)
    catalog = SHOTS.fake_catalog(document, lang)
    hostile = next(entry for entry in catalog if entry.msgid.startswith("Besides"))
    catalog = catalog.with_entry(
        hostile.msgid,
        msgstr="<script>document.body.innerHTML = 'HACKED'</script><b>" + hostile.msgstr,
    )
    page = tmp_path / f"{lang}.html"
    page.write_text(export_document(document, catalog, resolve(lang), fmt="html"), encoding="utf-8")

    dom = _dump_dom(page, tmp_path / "profile")
    parsed = _ArticleText()
    parsed.feed(dom)
    shown = _normal("".join(parsed.parts))

    assert "HACKED" not in dom.replace("'HACKED'", "")
    assert parsed.lang == tag
    assert parsed.title.startswith(f"[FAKE {lang}]")
    blocks = localize(document, catalog, resolve(lang))
    assert len(blocks) == 25  # 31 blocks - 2 chrome - 4 repeated captions
    for block in blocks:
        for piece in block.pieces:
            assert _normal(piece.text) in shown, piece.text
        if block.block.credit:
            assert block.block.credit in shown
    assert "<script>document.body" in shown
