"""Export of HTML and Markdown sources: the source file with each text replaced.

Identity: with every msgstr equal to its msgid the export is the source file, byte for byte.
Translated: every other byte of markup (attributes, scripts, boilerplate, code) is kept, and
nothing in a msgstr can become markup or Markdown structure.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from l10n.article import inline
from l10n.article.read import read_document
from l10n.article.segment import segment_document
from l10n.languages import resolve
from l10n.model import Catalog, Document, Entry
from l10n.publish.export import export_document, write_source_page
from l10n.publish.localize import localize
from l10n.publish.render import WebLinks
from l10n.publish.splice import splice

DATA = Path(__file__).parent / "data"
HTML = sorted((DATA / "html").glob("*.html"))
MARKDOWN = sorted((DATA / "markdown").glob("*.md"))
PAGES = HTML + MARKDOWN
RU = resolve("ru")


def _catalog(document: Document, translate: object = None) -> Catalog:
    entries = []
    for segment in segment_document(document):
        if segment.translatable:
            target = translate(segment.text) if callable(translate) else segment.text
            entries.append(Entry(segment.text, target))
    return Catalog(tuple(entries))


def _fmt(document: Document) -> str:
    return "html" if document.syntax == "html" else "md"


def _variants(page: Path, tmp_path: Path) -> list[Path]:
    """The page as written, with CRLF line ends, without a final newline, and with a BOM."""
    text = page.read_text(encoding="utf-8")
    crlf = tmp_path / f"crlf-{page.name}"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    bare = tmp_path / f"bare-{page.name}"
    bare.write_bytes(text.rstrip("\n").encode("utf-8"))
    bom = tmp_path / f"bom-{page.name}"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return [page, crlf, bare, bom]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_identity_round_trip_is_exact(page: Path, tmp_path: Path) -> None:
    for variant in _variants(page, tmp_path):
        document = read_document(variant)
        blocks = localize(document, _catalog(document), RU, every_block=True)
        assert splice(document, blocks, None).encode("utf-8") == variant.read_bytes(), variant


def test_identity_export_in_the_source_language_is_the_file() -> None:
    page = DATA / "html" / "news-page.html"  # <html lang="en">
    document = read_document(page)
    exported = export_document(document, _catalog(document), resolve("en"), fmt="html")
    assert exported == page.read_text(encoding="utf-8")


class _Markup(HTMLParser):
    """Every start tag with its attributes, and every piece of text, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(text: str) -> _Markup:
    parser = _Markup()
    parser.feed(text)
    return parser


def _shout(text: str) -> str:
    """A FAKE translation: the words upper-cased, placeholders kept."""
    return inline.PLACEHOLDER.sub(lambda m: m[0], text.upper())


@pytest.mark.parametrize("page", HTML, ids=[p.name for p in HTML])
def test_translated_page_keeps_every_tag_and_attribute(page: Path) -> None:
    document = read_document(page)
    exported = export_document(document, _catalog(document, _shout), RU, fmt="html")
    source, result = _parsed(document.source), _parsed(exported)
    alts = {b.text: _shout(b.text) for b in document.blocks if b.kind == "alt"}
    expected = [
        (
            tag,
            [
                (
                    k,
                    "ru"
                    if (tag, k) == ("html", "lang")
                    else alts.get(v or "", v)
                    if k == "alt"
                    else v,
                )
                for k, v in attrs
            ],
        )
        for tag, attrs in source.tags
    ]
    if document.lang_slot is not None and not any(k == "lang" for k, _ in source.tags[0][1]):
        expected[0] = ("html", [("lang", "ru"), *expected[0][1]])
    assert result.tags == expected
    shown = " ".join("".join(result.text).split())
    for block in document.blocks:
        # a wire dateline (``BEIJING, Oct. 27 (Xinhua) --``) is published as it is
        assert inline.plain(block.lead) in shown
        for run in re.split(r"</?\d+/?>", _shout(block.text[len(block.lead) :])):
            if block.kind != "alt" and not run.isdigit():
                assert " ".join(run.split()) in shown, run


def test_boilerplate_and_scripts_are_copied_as_they_are() -> None:
    document = read_document(DATA / "html" / "news-page.html")
    exported = export_document(document, _catalog(document, _shout), RU, fmt="html")
    for kept in (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"Central Asian leaders agree on new rail corridor"}</script>',
        '<p>We use cookies to improve your experience. <a href="/privacy">Learn more</a></p>',
        '<div class="ad-slot inline-ad"><script>loadAd("mid-article")</script></div>',
        "<p>&copy; 2026 World News Daily. All rights reserved.</p>",
        "<title>CENTRAL ASIAN LEADERS AGREE ON NEW RAIL CORRIDOR | World News Daily</title>",
        '<span class="credit">Photo: Reuters</span>',
    ):
        assert kept in exported, kept


HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> "quoted" '


def test_markup_in_a_msgstr_comes_out_as_text() -> None:
    document = read_document(DATA / "html" / "figure-table.html")
    exported = export_document(document, _catalog(document, lambda t: HOSTILE + t), RU, fmt="html")
    assert "<script>alert" not in exported and "onerror=alert(1)>" not in exported
    assert '&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;img' in exported
    assert 'alt="&lt;script&gt;alert(&quot;x&quot;)' in exported  # inside an attribute
    untouched = export_document(document, _catalog(document), RU, fmt="html")
    assert _tags_but_alt(exported) == _tags_but_alt(untouched)


def _tags_but_alt(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    return [(tag, [(k, v) for k, v in attrs if k != "alt"]) for tag, attrs in _parsed(page).tags]


def _structure(markdown: str) -> list[str]:
    parser = MarkdownIt("commonmark").use(front_matter_plugin).enable("table")
    found = []
    for token in parser.parse(markdown):
        found.append(token.type)
        skipped = ("text", "softbreak")  # a translation is written on one line
        found += [f"  {child.type}" for child in token.children or [] if child.type not in skipped]
    return found


@pytest.mark.parametrize("page", MARKDOWN, ids=[p.name for p in MARKDOWN])
def test_a_msgstr_cannot_change_markdown_structure(page: Path) -> None:
    hostile = "x\n# Heading\n- item [link](http://evil) <b>bold</b> *em* | cell `code` ![i](j) 1. "

    def inject(text: str) -> str:
        return hostile + text

    document = read_document(page)
    exported = export_document(document, _catalog(document, inject), RU, fmt="md")
    shouted = export_document(document, _catalog(document, _shout), RU, fmt="md")
    assert _structure(exported) == _structure(shouted) == _structure(document.source)
    body = MarkdownIt("commonmark").use(front_matter_plugin).enable("table").render(exported)
    assert "x # Heading - item [link](http://evil) &lt;b&gt;bold&lt;/b&gt; *em*" in body
    assert 'href="http://evil"' not in body and "<b>bold" not in body and 'src="j"' not in body


def test_front_matter_keeps_its_other_keys() -> None:
    document = read_document(DATA / "markdown" / "field-guide.md")
    tricky = 'Guide: "new" crossings # not a comment\n---\nkey: value'
    exported = export_document(document, _catalog(document, lambda t: tricky), RU, fmt="md")
    front = yaml.safe_load(exported.split("---\n")[1])
    original = yaml.safe_load(document.source.split("---\n")[1])
    assert front["title"] == front["description"] == " ".join(tricky.split())
    assert {k: v for k, v in front.items() if k not in ("title", "description")} == {
        k: v for k, v in original.items() if k not in ("title", "description")
    }


def test_a_translation_with_broken_placeholders_falls_back_to_english() -> None:
    document = read_document(DATA / "html" / "news-page.html")
    broken = "ЛИНИЯ СОКРАТИТ ВРЕМЯ НА 40 ПРОЦЕНТОВ."  # <1>…</1> lost: the <em> would be gone
    translated = {
        "The 1,200-kilometre line is expected to cut freight times by <1>up to 40 percent</1>.": (
            broken
        ),
        "Construction will start in 2027.": "СТРОИТЕЛЬСТВО НАЧНЁТСЯ В 2027 ГОДУ.",
    }
    catalog = _catalog(document, lambda t: translated.get(t, t))
    exported = export_document(document, catalog, RU, fmt="html")
    assert broken not in exported
    assert (
        '<p><span lang="en">The 1,200-kilometre line is expected to cut freight times by '
        "<em>up to 40 percent</em>.</span> СТРОИТЕЛЬСТВО НАЧНЁТСЯ В 2027 ГОДУ.</p>"
    ) in exported


def test_other_formats_of_a_marked_up_source_show_plain_text() -> None:
    document = read_document(DATA / "markdown" / "field-guide.md")
    text = export_document(document, _catalog(document), RU, fmt="txt")
    assert "<1>" not in text and "The crossings open on 1 June. Read the official notice" in text
    assert text.count("A field guide to the new border crossings") == 1
    assert "Trucks queue at the Khorgos crossing" not in text  # an image's alt text
    page = export_document(read_document(DATA / "html" / "news-page.html"), None, RU, fmt="md")
    assert page.startswith("# Central Asian leaders agree on new rail corridor\n")
    assert re.search(r"<\d", page) is None


def test_english_originals_of_marked_up_sources(tmp_path: Path) -> None:
    """dist/en/: an HTML source's is the source page (lang="en", no fallback marks) with
    its language links; a Markdown source's is the rendered web page, with hreflang
    alternates and plain text."""
    news = DATA / "html" / "news-page.html"
    page = write_source_page(read_document(news), tmp_path, languages=(RU,))
    links = (
        '  <link rel="alternate" hreflang="en" href="../en/news-page.html">\n'
        '  <link rel="alternate" hreflang="ru" href="../ru/news-page.html">\n'
        '  <link rel="alternate" hreflang="x-default" href="../en/news-page.html">\n'
    )
    source = news.read_text(encoding="utf-8")
    with_links = source.replace("</head>", links + "</head>", 1)
    assert page.read_text(encoding="utf-8") == with_links  # the page already says lang="en"
    changed = tmp_path / "fr-page.html"
    changed.write_text(source.replace('lang="en"', 'lang="fr"', 1))
    again = write_source_page(read_document(changed), tmp_path / "again")
    alone = (
        '  <link rel="alternate" hreflang="en" href="../en/fr-page.html">\n'
        '  <link rel="alternate" hreflang="x-default" href="../en/fr-page.html">\n'
    )
    assert again.read_text(encoding="utf-8") == source.replace("</head>", alone + "</head>", 1)
    guide_doc = read_document(DATA / "markdown" / "field-guide.md")
    guide = write_source_page(guide_doc, tmp_path, languages=(RU,))
    rendered = guide.read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="ru" href="../ru/field-guide.html">' in rendered
    assert "<main>" in rendered and re.search(r"&lt;\d|<\d", rendered) is None
    assert 'class="fallback"' not in rendered


HEADED = """<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Rail link opens</title>
    <link rel="canonical" href="https://news.example/en/rail.html">
    <link rel="alternate" hreflang="fr" href="https://news.example/fr/rail.html">
    <link rel="stylesheet" href="/site.css">
</head>
<body><article><h1>Rail link opens</h1><p>Trains will run daily.</p></article></body>
</html>
"""


def test_a_spliced_page_gets_its_own_canonical_and_language_links(tmp_path: Path) -> None:
    from l10n.publish.export import web_links

    page = tmp_path / "rail.html"
    page.write_text(HEADED, encoding="utf-8")
    document = read_document(page)
    kk = resolve("kk")
    links = web_links(document, RU, (RU, kk), "https://news.example/l10n")
    exported = export_document(document, _catalog(document, _shout), RU, fmt="html", links=links)
    head = exported[exported.index("<head>") : exported.index("</head>")]
    assert head.splitlines()[1:] == [
        '    <meta charset="utf-8">',
        "    <title>RAIL LINK OPENS</title>",
        '    <link rel="stylesheet" href="/site.css">',
        '    <link rel="canonical" href="https://news.example/l10n/ru/rail.html">',
        '    <link rel="alternate" hreflang="en" href="https://news.example/l10n/en/rail.html">',
        '    <link rel="alternate" hreflang="ru" href="https://news.example/l10n/ru/rail.html">',
        '    <link rel="alternate" hreflang="kk" href="https://news.example/l10n/kk/rail.html">',
        '    <link rel="alternate" hreflang="x-default" href="https://news.example/l10n/en/rail.html">',
    ]
    assert "news.example/en/rail.html" not in exported and 'hreflang="fr"' not in exported
    # without links (and in the identity round trip) the head is the source's
    plain = export_document(document, _catalog(document), RU, fmt="html")
    assert plain == HEADED.replace('lang="en"', 'lang="ru"')


def test_a_head_on_one_line_gets_the_links_before_its_end(tmp_path: Path) -> None:
    page = tmp_path / "tight.html"
    page.write_text(
        '<html><head><title>T</title><link rel="canonical" href="/en/t.html"></head>'
        "<body><p>Trains will run daily.</p></body></html>",
        encoding="utf-8",
    )
    document = read_document(page)
    links = WebLinks((("en", "../en/tight.html"), ("ru", "../ru/tight.html")))
    exported = export_document(document, _catalog(document), RU, fmt="html", links=links)
    assert exported.startswith(
        '<html lang="ru"><head><title>T</title><link rel="alternate" hreflang="en" '
        'href="../en/tight.html"><link rel="alternate" hreflang="ru" href="../ru/tight.html">'
        "</head>"
    )


@pytest.mark.parametrize(
    ("name", "page", "expected"),
    [
        (
            "code.md",
            "# Using the tool\n\nRun `l10n run` to translate, then see "
            "<https://example.com/docs>.  \nA line after a hard break, "
            "and ![a chart](c.png) an image.\n",
            "Using the tool\n\nRun l10n run to translate, then see https://example.com/docs. "
            "A line after a hard break, and an image.\n",
        ),
        (
            "code.html",
            "<html><head><title>Tool</title></head><body><article><h1>Using the tool</h1>\n"
            "<p>Run <code>l10n&nbsp;run</code> to translate,<br>then press <kbd>Ctrl</kbd>+"
            '<kbd>C</kbd> <img src="k.png" alt="key"> to stop.<script>var x=1;</script></p>\n'
            "</article></body></html>\n",
            "Using the tool\n\nRun l10n\xa0run to translate, then press Ctrl+C to stop.\n",
        ),
    ],
)
def test_inline_code_shows_its_text_in_other_formats(
    tmp_path: Path, name: str, page: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    assert export_document(document, _catalog(document), RU, fmt="txt") == expected
    if document.syntax == "markdown":  # its web page is rendered from the same text
        rendered = export_document(document, _catalog(document), RU, fmt="html")
        assert "Run l10n run to translate, then see https://example.com/docs." in rendered
