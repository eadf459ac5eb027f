"""Make docs/screenshots/<lang>.png (the bundled article exported to HTML) and report.png
(the review report of a project at work), shown in Chromium.

The catalogs come from a deterministic FAKE translation (``pseudo_translate``), clearly
labelled on the page: Latin letters respelled in Cyrillic for ru/kk, common Han characters
for zh. It shows the layout and the fonts, not translation quality; no MT model is needed.

    /work/venv/bin/python docs/make_screenshots.py [--out docs/screenshots] [ru kk zh report]

Also used by tests/test_browser.py (``chromium_command``, ``fake_catalog``) and
tests/test_report.py (``review_catalog``).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from l10n.article.segment import segment_blocks
from l10n.languages import resolve
from l10n.model import Catalog, Document, Entry
from l10n.po.io import write_catalog
from l10n.project.config import load_settings
from l10n.project.inputs import segment_file
from l10n.publish.export import export_document
from l10n.review import report

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "source" / "china-central-asia-article.txt"
CHROMIUM = "chromium"
WINDOW = "1000,1400"

_CYRILLIC = dict(zip("abcdefghijklmnopqrstuvwxyz", "абцдефгхийклмнопкрстуввжыз", strict=True))
_KAZAKH = {
    **_CYRILLIC,
    "a": "ә",
    "g": "ғ",
    "k": "қ",
    "o": "ө",
    "u": "ұ",
    "y": "ү",
    "h": "һ",
    "i": "і",
}
_HAN = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
    "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两"
)
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
FAKE_LABEL = "[FAKE {lang}]"


def _respell(word: str, table: dict[str, str]) -> str:
    out = "".join(table.get(c.lower(), c) for c in word)
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


def _han(word: str) -> str:
    digest = hashlib.sha256(word.lower().encode()).digest()
    return "".join(_HAN[b % len(_HAN)] for b in digest[: 1 + len(word) // 5])


def _chinese_punctuation(text: str) -> str:
    text = re.sub(r'"([^"]*)"', r"“\1”", text).replace('"', "“")
    for latin, full in ((", ", "，"), (". ", "。"), ("; ", "；"), ("? ", "？"), (": ", "：")):
        text = text.replace(latin, full)
    return re.sub(r"[.]$", "。", re.sub(r"[?]$", "？", text))


def pseudo_translate(text: str, lang: str) -> str:
    """A deterministic FAKE translation of ``text`` into ``lang``'s script (not a translation)."""
    if lang == "zh":
        han = _WORD.sub(lambda m: _han(m.group()), text)
        return _chinese_punctuation(re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", han))
    table = _KAZAKH if lang == "kk" else _CYRILLIC
    respelled = _WORD.sub(lambda m: _respell(m.group(), table), text)
    return re.sub(r'"([^"]*)"', r"«\1»", respelled).replace('"', "«")


def fake_catalog(document: Document, lang: str) -> Catalog:
    """A catalog of FAKE reviewed translations; the title carries the ``[FAKE xx]`` label."""
    entries: dict[str, Entry] = {}
    for segment in segment_blocks(document):
        if not segment.translatable or segment.text in entries:
            continue
        text = pseudo_translate(segment.text, lang)
        if segment.kind == "title":
            text = f"{FAKE_LABEL.format(lang=lang)} {text}"
        entries[segment.text] = Entry(msgid=segment.text, msgstr=text)
    return Catalog(entries=tuple(entries.values()), metadata=(("Language", resolve(lang).locale),))


def review_catalog(document: Document, lang: str) -> Catalog:
    """A catalog halfway through review, all FAKE: every state and some QA findings.

    Of the distinct segments, the first third is reviewed, the next third machine output
    (fuzzy, ``machine translation: FAKE``), one a suggestion from an older sentence (``#|``)
    and the rest empty. Reviewed and machine texts drop the digits of the English, so the
    ``numbers`` check has something to say.
    """
    done = fake_catalog(document, lang).entries
    third = max(1, len(done) // 3)
    entries = []
    for index, entry in enumerate(done):
        text = re.sub(r"\d", "", entry.msgstr) if index % 4 == 1 else entry.msgstr
        if index < third:
            entries.append(replace(entry, msgstr=text))
        elif index < 2 * third:
            comment = f"{entry.extracted_comments}\nmachine translation: FAKE".strip()
            entries.append(
                replace(entry, msgstr=text, flags=("fuzzy",), extracted_comments=comment)
            )
        elif index == 2 * third:
            old = entry.msgid.rsplit(" ", 2)[0] + "."
            entries.append(replace(entry, flags=("fuzzy",), previous_msgid=old))
        else:
            entries.append(replace(entry, msgstr=""))
    return Catalog(entries=tuple(entries), metadata=(("Language", resolve(lang).locale),))


def chromium_command(profile: Path, *args: str) -> list[str]:
    """Headless Chromium with no network side jobs and a throwaway profile."""
    binary = shutil.which(CHROMIUM) or "/usr/bin/chromium"
    return [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]


def screenshot(page: Path, png: Path, window: str = WINDOW, fragment: str = "") -> None:
    """Render ``page`` (with a ``#fragment``) to ``png`` (1000×1400 unless ``window`` says)."""
    with tempfile.TemporaryDirectory() as profile:
        url = page.as_uri() + (f"#{fragment}" if fragment else "")
        command = chromium_command(
            Path(profile), f"--screenshot={png}", f"--window-size={window}", url
        )
        subprocess.run(command, check=True, capture_output=True, timeout=120)


def review_project(root: Path, languages: Sequence[str] = ("ru", "kk", "zh")) -> Path:
    """A copy of the bundled project in ``root`` with ``review_catalog`` catalogs; its root."""
    shutil.copytree(ROOT / "source", root / "source")
    shutil.copy(ROOT / "glossary.csv", root / "glossary.csv")
    langs = ", ".join(f'"{lang}"' for lang in languages)
    (root / "pyproject.toml").write_text(f"[tool.l10n]\nlanguages = [{langs}]\n", "utf-8")
    document = segment_file(ARTICLE, root=ROOT).document
    for lang in languages:
        locale = resolve(lang).locale
        path = root / "locales" / locale / "LC_MESSAGES" / f"{document.domain}.po"
        write_catalog(review_catalog(document, lang), path)
    return root


def report_screenshots(out: Path) -> None:
    """docs/screenshots/report.png (the Chinese page, past the reviewed segments) and
    report-index.png."""
    with tempfile.TemporaryDirectory() as work:
        root = review_project(Path(work) / "project")
        result = report(load_settings(config=root / "pyproject.toml"), out=Path(work) / "r")
        page = next(p for p in result.pages if p.language.code == "zh")
        where = Path(work) / "r" / page.file_name
        screenshot(where, out / "report.png", "1300,1100", "state=machine,suggestion,empty")
        screenshot(Path(work) / "r" / "index.html", out / "report-index.png", "1000,420")
        print(out / "report.png", out / "report-index.png")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("languages", nargs="*", default=["ru", "kk", "zh", "report"])
    options = parser.parse_args(argv)
    document = segment_file(ARTICLE, root=ROOT).document
    options.out.mkdir(parents=True, exist_ok=True)
    if "report" in options.languages:
        report_screenshots(options.out)
        options.languages.remove("report")
    with tempfile.TemporaryDirectory() as work:
        for lang in options.languages:
            page = Path(work) / f"{lang}.html"
            html = export_document(
                document, fake_catalog(document, lang), resolve(lang), fmt="html"
            )
            page.write_text(html, encoding="utf-8")
            screenshot(page, options.out / f"{lang}.png")
            print(options.out / f"{lang}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
