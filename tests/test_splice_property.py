"""Property: any HTML or Markdown the readers accept comes back exactly from an identity export,
and a translated export keeps every tag and attribute of the source, in order."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.article import inline
from l10n.article.html import parse_html_document
from l10n.article.markdown import parse_markdown_document
from l10n.article.segment import segment_document
from l10n.errors import SourceError
from l10n.languages import resolve
from l10n.model import Catalog, Document, Entry
from l10n.publish.localize import localize
from l10n.publish.splice import splice

_HTML_PIECES = [
    "<p>",
    "</p>",
    "<div class='body'>",
    "</div>",
    "<article>",
    "</article>",
    "<nav>",
    "</nav>",
    "<a href='/x?a=1&amp;b=2'>",
    "</a>",
    "<em>",
    "</em>",
    "<b>",
    "<br>",
    "<br/>",
    "<img src=i.png alt='A cat'>",
    "<ul>",
    "<li>",
    "</li>",
    "</ul>",
    "<h2>",
    "</h2>",
    "<figure>",
    "<figcaption>",
    "</figcaption>",
    "<table><tr><td>",
    "</td><td>",
    "</td></tr></table>",
    "<script>if (a < b) x();</script>",
    "<!-- note -->",
    "&amp;",
    "&nbsp;",
    "&#8217;",
    "&bogus",
    " ",
    "\n",
    "\r\n",
    "\t",
    "Officials said on Monday.",
    "The line opens in June. Trains run daily.",
    "Photo: Reuters",
    "/Xinhua",
    "<1>",
    "é",
    "“quoted”",
    '<span class="credit">',
    "</span>",
    "</b>",
    "<code>x</code>",
]
_MD_LINES = [
    "# Title here",
    "## Section",
    "Plain paragraph text.",
    "Text with *em* and **strong**.",
    'A [link](https://e.org/x "T") here.',
    "![Alt text](img.png)",
    "- item one",
    "  - nested item",
    "1. first",
    "> quoted line",
    "> more quote",
    "",
    "| a | b |",
    "|---|---|",
    "| c \\| d | e |",
    "`code` and text\\*",
    "line with break  ",
    "---",
    "```",
    "<div>raw</div>",
    "Setext title",
    "=====",
    "[ref]: https://e.org/ref",
    "See [ref] and [x][ref].",
    "\tindented code",
    "Text &amp; more &copy;",
    "<https://e.org/auto>",
    "Back\\",
    "* star item",
    "  continued line",
]


def _identity(document: Document) -> str:
    entries = tuple(Entry(s.text, s.text) for s in segment_document(document) if s.translatable)
    return splice(
        document, localize(document, Catalog(entries), resolve("ru"), every_block=True), None
    )


def _read(text: str, name: str) -> Document | None:
    parse = parse_html_document if name.endswith(".html") else parse_markdown_document
    try:
        return parse(text, path=Path(name), name=name, domain="x")
    except SourceError:
        return None


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, [(k, v) for k, v in attrs if k != "alt"]))


def _tags(text: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_HTML_PIECES), max_size=40))
def test_html_identity_and_tags(pieces: list[str]) -> None:
    source = "".join(pieces)
    document = _read(source, "page.html")
    if document is None:
        return
    assert _identity(document) == source
    shouted = tuple(
        Entry(s.text, "ÜBER " + s.text.upper() + " <script>")
        for s in segment_document(document)
        if s.translatable
    )
    blocks = localize(document, Catalog(shouted), resolve("ru"), every_block=True)
    exported = splice(document, blocks, None)
    assert _tags(exported) == _tags(source)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_MD_LINES), max_size=25), st.sampled_from(["\n", "\r\n"]))
def test_markdown_identity(lines: list[str], newline: str) -> None:
    source = newline.join(lines)
    document = _read(source, "page.md")
    if document is None:
        return
    assert _identity(document) == source
    for block in document.blocks:
        assert block.markup is not None and block.markup.start <= block.markup.end


def test_inline_placeholders_of_the_property_sets_are_kept() -> None:
    document = _read("<p>Read <a href='/x'>this</a> now.</p>", "page.html")
    assert document is not None
    assert [inline.plain(b.text) for b in document.blocks] == ["Read this now."]


@pytest.mark.parametrize("source", ["", "   ", "<p>   </p>", "<nav>Only a menu</nav>"])
def test_pages_without_text_have_no_blocks(source: str) -> None:
    document = _read(source, "page.html")
    assert document is None or not document.blocks


def _structure(markdown: str) -> list[str]:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").use(front_matter_plugin).enable("table")
    found = []
    for token in parser.parse(markdown):
        found.append(f"{token.type}:{token.tag}")
        found += [
            f"  {child.type}"
            for child in token.children or []
            if child.type not in ("text", "softbreak", "text_special")
        ]
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_MD_LINES), max_size=25),
    st.sampled_from(["x\n# y", "- a *b* [c](d) `e` <b>", "1. ![i](j)", "| \\ ] ! [", "**"]),
)
def test_markdown_translation_cannot_change_structure(lines: list[str], hostile: str) -> None:
    source = "\n".join(lines)
    document = _read(source, "page.md")
    if document is None:
        return
    entries = tuple(
        Entry(s.text, f"{hostile} {s.text} {hostile}")
        for s in segment_document(document)
        if s.translatable
    )
    blocks = localize(document, Catalog(entries), resolve("ru"), every_block=True)
    assert _structure(splice(document, blocks, None)) == _structure(source)
