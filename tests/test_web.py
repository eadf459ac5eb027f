"""The HTML export fits the web (landmarks, hreflang, canonical, description), passes
axe-core in headless Chromium, and the Simplified Chinese MO is found where systems look.

axe-core is vendored in tests/fixtures/axe-core (MPL-2.0). Where Chromium is missing the
axe tests fail: .ci/run installs it, and a page nobody checked is no pass.
"""

from __future__ import annotations

import gettext
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from screenshots import load

from l10n.article.read import read_document
from l10n.languages import resolve
from l10n.model import Document
from l10n.project.config import load_settings
from l10n.publish.export import export_document, web_links, write_exports, write_source_page
from l10n.review import export, report

ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "source" / "china-central-asia-article.txt"
AXE = ROOT / "tests" / "fixtures" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LANGS = tuple(resolve(code) for code in ("ru", "kk", "zh"))
BASE = "https://news.example.org/world"


SHOTS = load()


@pytest.fixture(scope="module")
def document() -> Document:
    return read_document(ARTICLE)


def _half_done(document: Document, lang: str) -> object:
    """A FAKE catalog with one paragraph's first sentence left to the English fallback."""
    catalog = SHOTS.fake_catalog(document, lang)
    first = next(e for e in catalog if e.msgid.startswith("China is to hold"))
    return catalog.with_entry(first.msgid, msgstr="")


def _links(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page)


def test_page_head_links_every_language_version(document: Document) -> None:
    ru = resolve("ru")
    links = web_links(document, ru, LANGS, BASE)
    page = export_document(
        document, SHOTS.fake_catalog(document, "ru"), ru, fmt="html", links=links
    )
    domain = document.domain
    assert _links(page) == [
        ("en", f"{BASE}/en/{domain}.html"),
        ("ru", f"{BASE}/ru/{domain}.html"),
        ("kk", f"{BASE}/kk/{domain}.html"),
        ("zh-Hans", f"{BASE}/zh_Hans/{domain}.html"),
        ("x-default", f"{BASE}/en/{domain}.html"),
    ]
    assert f'<link rel="canonical" href="{BASE}/ru/{domain}.html">' in page
    assert '<html lang="ru">' in page
    assert page.count("<main>") == 1 and "<main>\n<article>" in page


def test_relative_links_and_no_canonical_without_base_url(document: Document) -> None:
    links = web_links(document, resolve("kk"), LANGS, None)
    assert links.canonical is None
    assert dict(links.alternates)["zh-Hans"] == f"../zh_Hans/{document.domain}.html"


def test_description_is_the_translated_start_of_the_first_paragraph(document: Document) -> None:
    ru = resolve("ru")
    full = export_document(document, SHOTS.fake_catalog(document, "ru"), ru, fmt="html")
    content = html.unescape(re.search(r'<meta name="description" content="([^"]*)">', full)[1])
    assert content.startswith("Цхина ис то холд") and len(content) <= 160
    assert content.endswith("…") and "  " not in content
    partial = export_document(document, _half_done(document, "ru"), ru, fmt="html")  # type: ignore[arg-type]
    shown = html.unescape(re.search(r'<meta name="description" content="([^"]*)">', partial)[1])
    assert shown.startswith("China is to hold")  # wholly English: used as it is


def test_fallback_is_marked_and_blocks_have_hooks(document: Document) -> None:
    page = export_document(document, _half_done(document, "ru"), resolve("ru"), fmt="html")  # type: ignore[arg-type]
    assert page.count('<span class="fallback" lang="en">') == 1
    assert '<span class="fallback" lang="en">China is to hold the first' in page
    assert 'class="fallback-note" lang="en"' in page
    for kind in ("title", "byline", "paragraph", "caption", "media"):
        assert f'class="block-{kind}"' in page or f'block-{kind}"' in page
    done = export_document(document, SHOTS.fake_catalog(document, "ru"), resolve("ru"), fmt="html")
    assert 'class="fallback' not in done.split("</style>")[1]


def test_source_page_is_the_x_default(document: Document, tmp_path: Path) -> None:
    path = write_source_page(document, tmp_path, languages=LANGS, base_url=BASE)
    assert path == tmp_path / "en" / f"{document.domain}.html"
    page = path.read_text("utf-8")
    assert '<html lang="en">' in page and 'class="fallback' not in page.split("</style>")[1]
    assert f'<link rel="canonical" href="{BASE}/en/{document.domain}.html">' in page
    assert "<footer>" not in page


def test_export_command_links_the_published_languages(tmp_path: Path) -> None:
    root = SHOTS.review_project(tmp_path / "p")
    config = root / "pyproject.toml"
    config.write_text(config.read_text("utf-8") + f'base-url = "{BASE}/"\n', "utf-8")
    settings = load_settings(config=config)
    assert settings.base_url == BASE
    done = export(settings, formats=("html",), out=tmp_path / "dist")
    names = sorted(str(p.relative_to(tmp_path / "dist")) for p in done.written)
    domain = "china-central-asia-article"
    assert names == sorted(f"{d}/{domain}.html" for d in ("en", "ru", "kk", "zh_Hans"))
    page = (tmp_path / "dist" / "kk" / f"{domain}.html").read_text("utf-8")
    assert [lang for lang, _ in _links(page)] == ["en", "ru", "kk", "zh-Hans", "x-default"]


# ---------------------------------------------------------------- axe-core in Chromium

_RUN_AXE = """<script src="axe.min.js"></script>
<script>
axe.run(document, {resultTypes: ["violations"]}).then(function (result) {
  document.documentElement.setAttribute("data-axe", JSON.stringify(result.violations.map(
    function (v) { return {id: v.id, tags: v.tags, nodes: v.nodes.map(function (n) {
      return n.html; })}; })));
  document.documentElement.setAttribute("data-axe-version", axe.version);
}, function (err) { document.documentElement.setAttribute("data-axe", "error: " + err); });
</script>
"""


def axe_violations(page: Path, work: Path) -> list[dict[str, object]]:
    """Run axe-core (every rule, WCAG A/AA and best practices) on ``page`` in Chromium."""
    assert AXE.exists(), f"{AXE} is missing — restore it from tests/fixtures/axe-core/README.md"
    assert Path(CHROMIUM).exists(), "chromium is not installed — apt-get install chromium"
    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(AXE, work / "axe.min.js")
    probe = work / page.name
    probe.write_text(page.read_text("utf-8").replace("</body>", _RUN_AXE + "</body>"), "utf-8")
    command = SHOTS.chromium_command(
        work / "profile", "--virtual-time-budget=20000", "--dump-dom", probe.as_uri()
    )
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    version = re.search(r'data-axe-version="([^"]*)"', done.stdout)
    found = re.search(r'data-axe="([^"]*)"', done.stdout)
    assert found is not None and version is not None, "axe-core did not finish in Chromium"
    assert version[1] == AXE_VERSION
    result: list[dict[str, object]] = json.loads(html.unescape(found[1]))
    return result


def test_axe_finds_what_the_old_page_lacked(tmp_path: Path) -> None:
    """The harness is not blind: a page without <main> and alt text has violations."""
    page = tmp_path / "bad.html"
    page.write_text(
        "<!doctype html><html><head><title>x</title></head><body><article><p>Text</p>"
        '<img src="x.png"></article></body></html>',
        "utf-8",
    )
    ids = {v["id"] for v in axe_violations(page, tmp_path / "axe")}
    assert {"html-has-lang", "image-alt", "landmark-one-main", "region"} <= ids


def test_exported_pages_pass_axe(document: Document, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    for lang in LANGS:
        catalog = _half_done(document, lang.code)
        write_exports(
            document,
            catalog,
            lang,
            out,
            formats=("html",),
            languages=LANGS,
            base_url=BASE,  # type: ignore[arg-type]
        )
    pages = [*sorted(out.glob("*/*.html")), write_source_page(document, out, languages=LANGS)]
    assert len(pages) == 4
    for page in pages:
        assert axe_violations(page, tmp_path / page.parent.name) == [], page


def test_corpus_pages_pass_axe(tmp_path: Path) -> None:
    """Every newsroom format of the corpus (lists, datelines, credits, sign-offs) as one page
    each, in English fallback: the marks and kept blocks are axe-clean too.

    One exception, and only for an article without a headline (a wire brief): axe's
    best-practice rule page-has-heading-one — the export invents no headline.
    """
    corpus = sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))
    assert len(corpus) >= 10
    untitled = 0
    for path in corpus:
        document = read_document(path)
        page = tmp_path / f"{path.stem}.html"
        page.write_text(export_document(document, None, resolve("kk"), fmt="html"), "utf-8")
        found = [v["id"] for v in axe_violations(page, tmp_path / path.stem)]
        if not any(block.kind == "title" for block in document.blocks):
            untitled += 1
            assert found == ["page-has-heading-one"], path.name
        else:
            assert found == [], path.name
    assert 0 < untitled < len(corpus) / 2


def test_report_pages_pass_axe(tmp_path: Path) -> None:
    root = SHOTS.review_project(tmp_path / "p")
    result = report(load_settings(config=root / "pyproject.toml"), out=tmp_path / "r")
    pages = [tmp_path / "r" / "index.html", tmp_path / "r" / result.pages[2].file_name]
    for page in pages:
        assert axe_violations(page, tmp_path / page.stem) == [], page


# ---------------------------------------------------------------- MO where systems look


@pytest.fixture
def exported_zh(tmp_path: Path) -> Path:
    document = read_document(ARTICLE)
    catalog = SHOTS.fake_catalog(document, "zh")
    write_exports(document, catalog, resolve("zh"), tmp_path / "dist", formats=("mo",))
    return tmp_path / "dist"


TITLE = "What do China-Central Asia ties mean for a turbulent world?"


@pytest.mark.parametrize("wanted", [["zh_CN"], ["zh"], ["zh_Hans"], ["zh_CN.UTF-8"]])
def test_python_gettext_finds_the_zh_mo(exported_zh: Path, wanted: list[str]) -> None:
    translation = gettext.translation("china-central-asia-article", exported_zh, wanted)
    assert translation.gettext(TITLE).startswith("[FAKE zh] ")


def test_gnu_gettext_finds_the_zh_mo_under_lang_zh_cn(exported_zh: Path, tmp_path: Path) -> None:
    """``LANG=zh_CN.UTF-8 gettext``, with the zh_CN.UTF-8 locale built into a temp LOCPATH."""
    if shutil.which("gettext") is None or shutil.which("localedef") is None:
        pytest.fail("gettext and localedef are needed — apt-get install gettext locales")
    if not Path("/usr/share/i18n/locales/zh_CN").exists():
        pytest.fail("the zh_CN locale source is missing — apt-get install locales")
    locales = tmp_path / "locpath"
    locales.mkdir()
    subprocess.run(
        ["localedef", "-i", "zh_CN", "-f", "UTF-8", str(locales / "zh_CN.UTF-8")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin"),
        "LOCPATH": str(locales),
        "LANG": "zh_CN.UTF-8",
        "TEXTDOMAINDIR": str(exported_zh),
    }
    done = subprocess.run(
        ["gettext", "china-central-asia-article", TITLE],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert done.stdout.startswith("[FAKE zh] ")
    (exported_zh / "zh_CN").rename(exported_zh / "elsewhere")  # zh/ alone still serves zh_CN
    again = subprocess.run(
        ["gettext", "china-central-asia-article", TITLE],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert again.stdout.startswith("[FAKE zh] ")
