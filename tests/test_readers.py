"""The HTML and Markdown readers: article text only, inline markup as placeholders.

Golden files: ``tests/data/{html,markdown}/<page>.segments.json`` hold every translatable
segment of ``<page>`` as ``[kind, text, references]`` (checked by hand when written).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n.article.read import READERS, read_document
from l10n.article.segment import segment_document
from l10n.cli import cli
from l10n.errors import SourceError
from l10n.model import Document
from l10n.project.config import load_settings
from l10n.project.paths import ARTICLE_SUFFIXES, source_files

DATA = Path(__file__).parent / "data"
PAGES = sorted((DATA / "html").glob("*.html")) + sorted((DATA / "markdown").glob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_segments_match_golden(page: Path) -> None:
    document = read_document(page)
    found = [
        [s.kind, s.text, list(s.references)] for s in segment_document(document) if s.translatable
    ]
    expected = json.loads(page.with_name(f"{page.stem}.segments.json").read_text(encoding="utf-8"))
    assert found == expected


BOILERPLATE = (
    "cookies",
    "Accept all",
    "Learn more",
    "World",
    "Business",
    "Science",
    "Advertisement",
    "Share on X",
    "Related stories",
    "Caspian ports expand",
    "Tags",
    "Rail",
    "rights reserved",
    "About us",
    "Contact",
    "World News Daily home",
    "loadAd",
    "NewsArticle",
    "min-height",
)


def test_news_page_keeps_only_the_article() -> None:
    document = read_document(DATA / "html" / "news-page.html")
    texts = " ".join(block.text for block in document.blocks)
    for word in BOILERPLATE:
        assert word not in texts, word
    assert "World News Daily" not in texts  # the <title>'s site suffix is left out


def test_placeholders_stand_for_the_source_markup() -> None:
    document = read_document(DATA / "html" / "news-page.html")
    block = next(b for b in document.blocks if "joint statement" in b.text)
    assert block.markup is not None
    written = [document.source[slice(*tag.open)] for tag in block.markup.tags]
    closes = [document.source[slice(*tag.close)] for tag in block.markup.tags if tag.close]
    assert written == [
        "<strong>",
        '<a href="https://example.org/statement?id=42&amp;lang=en" title="Joint statement">',
    ]
    assert closes == ["</strong>", "</a>"]


def test_credits_are_kept_apart() -> None:
    page = read_document(DATA / "html" / "news-page.html")
    table = read_document(DATA / "html" / "figure-table.html")
    captions = [(b.text, b.credit) for d in (page, table) for b in d.blocks if b.kind == "caption"]
    assert captions == [
        ("A freight train near Almaty, May 2026.", "Photo: Reuters"),
        ("Wheat harvest by region, in million tonnes.", "/Xinhua"),
    ]


def test_alt_text_is_its_own_segment_and_the_attribute_span_holds_it() -> None:
    document = read_document(DATA / "html" / "figure-table.html")
    [alt] = [b for b in document.blocks if b.kind == "alt"]
    assert alt.markup is not None
    assert document.source[alt.markup.start : alt.markup.end] == (
        "'Bar chart of the wheat harvest by region'"
    )


def test_markdown_keeps_link_targets_out_of_the_catalog() -> None:
    document = read_document(DATA / "markdown" / "field-guide.md")
    texts = "\n".join(s.text for s in segment_document(document))
    for hidden in (
        "https://",
        "portal]",
        "images/",
        "Notice 7",
        "Jane Doe",
        "2026-05-19",
        "code blocks",
    ):
        assert hidden not in texts, hidden


def test_paragraph_split_inside_a_pair_stays_one_segment() -> None:
    page = "<p><em>First sentence here. Second sentence here.</em> Third one.</p>"
    document = _read(page, "x.html")
    assert [s.text for s in segment_document(document)] == [
        "<1>First sentence here. Second sentence here.</1> Third one."
    ]


def _read(text: str, name: str) -> Document:
    from l10n.article.html import parse_html_document
    from l10n.article.markdown import parse_markdown_document

    parse = parse_html_document if name.endswith(".html") else parse_markdown_document
    return parse(text, path=Path(name), name=name, domain=Path(name).stem)


def test_a_page_without_article_text_is_an_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>")
    with pytest.raises(SourceError, match=r"empty.html: no translatable text"):
        read_document(page)


def test_bad_front_matter_names_the_line(tmp_path: Path) -> None:
    page = tmp_path / "bad.md"
    page.write_text("---\ntitle: ok\ndescription: [unclosed\n---\n\n# Title\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad.md:\d+: front matter is not valid YAML"):
        read_document(page)


def test_source_discovery_uses_the_reader_table(tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    names = ("a.txt", "b.html", "c.htm", "d.md", "e.markdown", "F.HTM", "style.css", "x.json")
    for name in names:
        (tmp_path / "source" / name).write_text("x", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.l10n]\n", encoding="utf-8")
    found = source_files(load_settings(config=tmp_path / "pyproject.toml"))
    assert [p.name for p in found.files] == ["a.txt", "b.html", "c.htm", "d.md", "e.markdown"]
    assert set(READERS) == {".txt", ".html", ".htm", ".md", ".markdown"}
    assert tuple(READERS) == ARTICLE_SUFFIXES
    # the suffix is matched exactly (as for .txt): F.HTM is reported, with the fix
    assert [line.split(":")[0] for line in found.skipped] == [
        "source/F.HTM",
        "source/style.css",
        "source/x.json",
    ]
    assert "rename it to F.htm to translate it" in found.skipped[0]


def test_segment_command_reads_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA / "html")
    result = CliRunner().invoke(cli, ["segment", "cms-fragment.html"])
    assert result.exit_code == 0, result.output
    assert "  7   paragraph Second phase: <1>rail sidings</1> and warehouses." in result.output


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<p>Text one <!-- c --> more text.</p>", ["Text one <1/> more text."]),
        (
            "<p><!-- wp:p -->Start here. <span class='share-button'>Share</span> and go on."
            "<script>x()</script></p>",
            ["Start here. <1/> and go on."],
        ),
        ("<p>One<p>Two<div>Three</div>", ["One", "Two", "Three"]),
        (
            "<p>Score <b>3-1</b></p><p>A &lt;1&gt; literal</p>",
            ["Score <1>3-1</1>", "A <1/> literal"],
        ),
    ],
    ids=["comment", "inline-furniture", "implied-ends", "literal-placeholder"],
)
def test_html_inline_edge_cases(page: str, expected: list[str]) -> None:
    assert [b.text for b in _read(page, "x.html").blocks] == expected


def test_a_literal_placeholder_is_kept_as_written() -> None:
    page = "<p>Type &lt;1&gt; &amp; then <b>go</b> &#8230; 2 &lt; 3</p>"
    document = _read(page, "x.html")
    [block] = document.blocks
    assert block.text == "Type <1/> & then <2>go</2> … 2 < 3"
    assert block.markup is not None
    assert page[slice(*block.markup.tags[0].open)] == "&lt;1&gt;"


WIRE_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Rail link opens</title></head><body>
<article><h1>Rail link opens</h1>
<p>ASTANA, May 3 (Reuters) - Kazakhstan opened a <a href="/rail">rail link</a> to China.</p>
<p>WASHINGTON (AP) — The line cuts travel time by half.</p>
<p><strong>ASTANA. KAZINFORM</strong> – Trains will run <em>daily</em>.</p>
<p><b>TARAZ – Freight</b> trains will follow.</p>
<p>Updated 14:05, 12-Jun-2024</p>
<p>The line cost $2.6 billion, officials said.</p>
<p>(Reporting by Anna Petrova; Editing by John Smith)</p>
<p>___</p>
<p>Source: Xinhua</p>
</article></body></html>
"""


def test_html_paragraphs_follow_the_news_copy_rules(tmp_path: Path) -> None:
    page = tmp_path / "wire.html"
    page.write_text(WIRE_PAGE, encoding="utf-8")
    segments = segment_document(read_document(page))
    assert [(s.kind, s.text) for s in segments if not s.translatable] == [
        ("dateline", "ASTANA, May 3 (Reuters) -"),
        ("dateline", "WASHINGTON (AP) —"),
        ("dateline", "<1>ASTANA. KAZINFORM</1> –"),
        ("dateline", "Updated 14:05, 12-Jun-2024"),
        ("signoff", "(Reporting by Anna Petrova; Editing by John Smith)"),
        ("signoff", "Source: Xinhua"),
    ]  # "___" has no letters: no block at all, copied as it is
    assert [s.text for s in segments if s.translatable and s.kind == "paragraph"] == [
        "Kazakhstan opened a <1>rail link</1> to China.",
        "The line cuts travel time by half.",
        "Trains will run <1>daily</1>.",
        "<1>TARAZ – Freight</1> trains will follow.",  # the pair runs on: no dateline apart
        "The line cost $2.6 billion, officials said.",
    ]
    from l10n.languages import resolve
    from l10n.model import Catalog, Entry
    from l10n.publish.export import export_document

    document = read_document(page)
    catalog = Catalog(
        tuple(Entry(s.text, s.text.upper()) for s in segment_document(document) if s.translatable)
    )
    exported = export_document(document, catalog, resolve("ru"), fmt="html")
    assert (
        '<p>ASTANA, May 3 (Reuters) - KAZAKHSTAN OPENED A <a href="/rail">RAIL LINK</a>' in exported
    )
    assert "<p>WASHINGTON (AP) — THE LINE CUTS TRAVEL TIME BY HALF.</p>" in exported
    for kept in (
        "Updated 14:05, 12-Jun-2024",
        "(Reporting by Anna Petrova; Editing by John Smith)",
    ):
        assert f"<p>{kept}</p>" in exported
    assert "<p><strong>ASTANA. KAZINFORM</strong> – TRAINS WILL RUN <em>DAILY</em>.</p>" in exported
    assert "<p><b>TARAZ – FREIGHT</b> TRAINS WILL FOLLOW.</p>" in exported
    assert "<p>___</p>" in exported and "<p>Source: Xinhua</p>" in exported


WIRE_MARKDOWN = """# Rail link opens

ASTANA, May 3 (Reuters) - Kazakhstan opened a [rail link](/rail) to China.

**WASHINGTON (AP)** — The line cuts travel time by half.

*TARAZ – Freight* trains will follow.

(Reporting by Anna Petrova; Editing by John Smith)
"""


def test_markdown_paragraphs_follow_the_news_copy_rules(tmp_path: Path) -> None:
    from l10n.languages import resolve
    from l10n.model import Catalog, Entry
    from l10n.publish.export import export_document

    page = tmp_path / "wire.md"
    page.write_text(WIRE_MARKDOWN, encoding="utf-8")
    document = read_document(page)
    segments = segment_document(document)
    assert [(s.kind, s.text) for s in segments if not s.translatable] == [
        ("dateline", "ASTANA, May 3 (Reuters) -"),
        ("dateline", "<1>WASHINGTON (AP)</1> —"),
        ("signoff", "(Reporting by Anna Petrova; Editing by John Smith)"),
    ]
    catalog = Catalog(tuple(Entry(s.text, s.text.upper()) for s in segments if s.translatable))
    exported = export_document(document, catalog, resolve("ru"), fmt="md")
    assert exported.splitlines()[2:] == [
        "ASTANA, May 3 (Reuters) - KAZAKHSTAN OPENED A [RAIL LINK](/rail) TO CHINA.",
        "",
        "**WASHINGTON (AP)** — THE LINE CUTS TRAVEL TIME BY HALF.",
        "",
        "*TARAZ – FREIGHT* TRAINS WILL FOLLOW.",
        "",
        "(Reporting by Anna Petrova; Editing by John Smith)",
    ]


CAPTIONS_MARKDOWN = """# Port expands

*The whole paragraph in emphasis, with a [link](/x).*

*A crane at Aktau port, June 5, 2025. (AP Photo/Daniyar Mussirov)*

Workers at the site. REUTERS/Pavel Mikheyev
"""

CAPTIONS_HTML = """<html><head><title>Port</title></head><body><article><h1>Port expands</h1>
<p><em>A crane at Aktau port, June 5, 2025. (AP Photo/Daniyar Mussirov)</em></p>
<p class="caption">Trucks queue at Khorgos. <span class="credit">Xinhua/Li Ming</span></p>
<p>Workers at the site. REUTERS/Pavel Mikheyev</p>
<p>He said it <small>(in brackets)</small></p>
</article></body></html>
"""


@pytest.mark.parametrize(
    ("name", "page", "expected", "exported"),
    [
        (
            "captions.md",
            CAPTIONS_MARKDOWN,
            [
                ("paragraph", "The whole paragraph in emphasis, with a <1>link</1>.", ""),
                ("caption", "A crane at Aktau port, June 5, 2025.", "(AP Photo/Daniyar Mussirov)"),
                ("caption", "Workers at the site.", "REUTERS/Pavel Mikheyev"),
            ],
            [
                "*THE WHOLE PARAGRAPH IN EMPHASIS, WITH A [LINK](/x).*",
                "*A CRANE AT AKTAU PORT, JUNE 5, 2025. (AP Photo/Daniyar Mussirov)*",
                "WORKERS AT THE SITE. REUTERS/Pavel Mikheyev",
            ],
        ),
        (
            "captions.html",
            CAPTIONS_HTML,
            [
                ("caption", "A crane at Aktau port, June 5, 2025.", "(AP Photo/Daniyar Mussirov)"),
                ("caption", "Trucks queue at Khorgos.", "Xinhua/Li Ming"),
                ("caption", "Workers at the site.", "REUTERS/Pavel Mikheyev"),
                ("paragraph", "He said it <1>(in brackets)</1>", ""),  # a <small> is no credit here
            ],
            [
                "<p><em>A CRANE AT AKTAU PORT, JUNE 5, 2025. (AP Photo/Daniyar Mussirov)</em></p>",
                '<p class="caption">TRUCKS QUEUE AT KHORGOS. <span class="credit">Xinhua/Li Ming'
                "</span></p>",
                "<p>WORKERS AT THE SITE. REUTERS/Pavel Mikheyev</p>",
            ],
        ),
    ],
)
def test_a_paragraph_ending_in_a_photo_credit_is_a_caption(
    tmp_path: Path,
    name: str,
    page: str,
    expected: list[tuple[str, str, str]],
    exported: list[str],
) -> None:
    from l10n.languages import resolve
    from l10n.model import Catalog, Entry
    from l10n.publish.export import export_document

    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    body = [b for b in document.blocks if b.kind not in ("title", "heading")]
    assert [(b.kind, b.text, b.credit) for b in body] == expected
    segments = segment_document(document)
    catalog = Catalog(tuple(Entry(s.text, s.text.upper()) for s in segments if s.translatable))
    fmt = "md" if name.endswith(".md") else "html"
    result = export_document(document, catalog, resolve("ru"), fmt=fmt)
    for line in exported:
        assert line in result
