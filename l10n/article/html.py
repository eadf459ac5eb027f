"""Read an HTML article page (or a CMS body fragment) into blocks with inline placeholders.

1. **The article** is the ``<article>`` with the most paragraph text, else ``<main>`` (or
   ``role="main"``), else the element whose own ``<p>`` children hold the most text, else
   the whole ``<body>``.
2. **Boilerplate** is skipped wherever it stands: ``nav``, ``aside``, ``footer``, ``form``,
   ``script``, ``style``, ``noscript``, ``template``, ``iframe``, ``svg``, ``button``,
   ``pre``; elements with ``hidden``, ``aria-hidden="true"``, a landmark role other than
   main, or a class/id word of :data:`BOILERPLATE_WORDS` (``related``, ``share``, ``ad``,
   ``cookie``…); and everything outside the article (site header, menus, page footer).
3. **Blocks**: the page's title is the first ``<h1>`` (else ``<title>`` without its site
   suffix); ``<title>`` itself is a head block, so the exported page's title is translated
   too. Other headings, paragraphs, list items (nested lists: each item's own text),
   blockquotes, table cells, ``dt``/``dd`` and loose text in a ``div`` are one block per run
   of inline content. ``figcaption`` is a caption whose trailing credit (an element classed
   ``credit``/``copyright``/``source``, a ``<small>``, or a ``/Xinhua``-style credit) is kept
   apart; an element classed ``byline``/``author``/``dateline``, an ``<address>`` and a lone
   ``<time>`` are bylines. Each image's ``alt`` text is a block of its own. The news-copy
   rules of plain text apply to paragraphs (:mod:`l10n.article.newsroom`): a wire dateline
   opening one (``ASTANA, May 3 (Reuters) -``) and a paragraph that is a sign-off
   (``(Reporting by …)``), a date line, a credit line or a rule are published as they are.
4. **Inline markup** (``a``, ``em``, ``strong``, ``b``, ``i``, ``span``, ``sup``, ``sub``,
   ``abbr``, ``q``, ``small``…) with text inside becomes ``<N>…</N>``; ``br``, ``img``,
   ``code``, ``wbr`` and inline boilerplate (a ``<script>`` in a paragraph) become ``<N/>``
   (see :mod:`l10n.article.inline`). Whitespace is collapsed in the text; the source keeps it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Block, BlockKind, Document, InlineTag, Markup, MarkupSyntax
from ..patterns import is_translatable
from . import inline
from .htmltree import (
    Element,
    Text,
    attribute_value_span,
    head_slot,
    line_of,
    line_starts,
    parse_html,
    words,
)
from .newsroom import credit_split, marked_paragraph, untranslated_kind

BOILERPLATE_TAGS = words(
    "nav aside footer form script style noscript template iframe svg button select textarea "
    "canvas object embed video audio dialog pre"
)
BOILERPLATE_WORDS = words(
    "ad ads advert adverts advertisement banner breadcrumb breadcrumbs comment comments "
    "consent cookie cookies menu modal navbar newsletter outbrain paywall popup promo "
    "recommended related share sharing sidebar signup skip social sponsor sponsored subscribe "
    "subscription taboola tags toolbar trending widget"
)
"""Words of a class or id (split at ``-``, ``_`` and spaces) that mark page furniture."""
BYLINE_WORDS = frozenset({"byline", "author", "authors", "dateline", "contributor", "reporter"})
CREDIT_WORDS = frozenset({"credit", "credits", "copyright", "source", "photographer"})
INLINE_TAGS = words(
    "a abbr b bdi bdo br cite code data del dfn em font i img ins kbd label mark q s samp "
    "small span strong sub sup time u var wbr"
)
_VOID_INLINE = frozenset({"br", "img", "code", "kbd", "samp", "wbr", "var"})
_OPAQUE_IN_TEXT = words("script style noscript svg button iframe template #comment")
"""Kept as written inside a text, shown as a void placeholder (left out at a text's ends)."""
_LANDMARKS = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
_SPACE = re.compile(r"[ \t\n\r\f]+")
_SITE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•]|::)\s+")
_SITE_MAX_WORDS = 4


@dataclass
class _Run:
    """Inline content collected for one block."""

    kind: BlockKind
    nodes: list[Element | Text] = field(default_factory=list)


@dataclass
class _Reader:
    source: str
    title: Element | None = None
    blocks: list[Block] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def add(
        self, kind: BlockKind, text: str, markup: Markup, credit: str = "", lead: str = ""
    ) -> None:
        self.starts = self.starts or line_starts(self.source)
        line = line_of(self.starts, markup.start)
        index = len(self.blocks)
        block = Block(index, kind, text, line, credit=credit, markup=markup, lead=lead)
        self.blocks.append(block)


def parse_html_document(text: str, *, path: Path, name: str, domain: str) -> Document:
    """The article blocks of an HTML page or fragment (see the module docstring)."""
    root = parse_html(text)
    reader = _Reader(text)
    body = next((e for e in root.iter() if e.tag == "body"), root)
    article = _article_root(body)
    reader.title = _title_element(article, body)
    _head_title(reader, root)
    if reader.title is not None and not _inside(reader.title, article):
        _walk(reader, reader.title, "title")
    _walk(reader, article, "paragraph")
    return Document(
        path=path,
        name=name,
        domain=domain,
        blocks=tuple(reader.blocks),
        syntax="html",
        source=text,
        lang_slot=_lang_slot(text, root),
        head=head_slot(text, root),
    )


def is_boilerplate(element: Element) -> bool:
    """Page furniture: a boilerplate tag, hidden, a landmark role, or a boilerplate class."""
    if element.tag in BOILERPLATE_TAGS or "hidden" in element.attrs:
        return True
    if element.attrs.get("aria-hidden", "").lower() == "true":
        return True
    if element.attrs.get("role", "").lower() in _LANDMARKS:
        return True
    return bool(element.classes() & BOILERPLATE_WORDS)


def _inside(element: Element, ancestor: Element) -> bool:
    node: Element | None = element
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def _kept(element: Element) -> bool:
    """Not boilerplate and not inside boilerplate."""
    node: Element | None = element
    while node is not None:
        if is_boilerplate(node):
            return False
        node = node.parent
    return True


def _paragraph_text(element: Element) -> int:
    return sum(
        len(child.text().strip())
        for child in element.children
        if isinstance(child, Element) and child.tag == "p" and _kept(child)
    )


def _article_root(body: Element) -> Element:
    elements = [e for e in body.iter() if _kept(e)]
    articles = [e for e in elements if e.tag == "article"]
    if articles:
        return max(articles, key=lambda e: sum(_paragraph_text(x) for x in e.iter()))
    main = [e for e in elements if e.tag == "main" or e.attrs.get("role") == "main"]
    if main:
        return main[0]
    densest = max(elements, key=_paragraph_text, default=body)
    return densest if _paragraph_text(densest) else body


def _title_element(article: Element, body: Element) -> Element | None:
    for scope in (article, body):
        found = next((e for e in scope.iter() if e.tag == "h1" and _kept(e)), None)
        if found is not None:
            return found
    return None


def _head_title(reader: _Reader, root: Element) -> None:
    """``<title>`` without its site suffix, as a head block (the body title when no h1)."""
    element = next((e for e in root.iter() if e.tag == "title"), None)
    if element is None or not element.children:
        return
    start, end = element.start_tag[1], element.end_tag[0] or element.span[1]
    raw = reader.source[start:end]
    start += len(raw) - len(raw.lstrip())
    raw = raw.strip()
    parts = _SITE_SEPARATOR.split(raw)
    if len(parts) > 1 and len(parts[-1].split()) <= _SITE_MAX_WORDS:
        cut = list(_SITE_SEPARATOR.finditer(raw))[-1].start()
        raw = raw[:cut]
    text = _SPACE.sub(" ", html.unescape(raw)).strip()
    if is_translatable(text):
        reader.add("title", text, Markup(start, start + len(raw), "html", head=True))


def _lang_slot(source: str, root: Element) -> tuple[int, int, str] | None:
    element = next((e for e in root.children if isinstance(e, Element) and e.tag == "html"), None)
    if element is None or not source.startswith("<html", element.start_tag[0]):
        return None
    span = attribute_value_span(source, element, "lang")
    if span is not None:
        return span[0], span[1], '"{}"'
    after = element.start_tag[0] + len("<html")
    return after, after, ' lang="{}"'


def _kind_of(reader: _Reader, element: Element, inherited: BlockKind) -> BlockKind:
    if element.tag == "h1":
        return "title" if element is reader.title else "heading"
    if element.tag in ("h2", "h3", "h4", "h5", "h6"):
        return "heading"
    if element.tag == "figcaption":
        return "caption"
    if element.tag == "address" or element.classes() & BYLINE_WORDS:
        return "byline"
    if element.attrs.get("rel") == "author":
        return "byline"
    return inherited if inherited in ("byline", "caption") else "paragraph"


def _is_inline(element: Element) -> bool:
    return element.tag in INLINE_TAGS and all(e.tag in INLINE_TAGS for e in element.iter())


def _walk(reader: _Reader, element: Element, kind: BlockKind) -> None:
    """Blocks of ``element``'s content: runs of inline content between block elements."""
    run = _Run(kind)
    for child in element.children:
        if isinstance(child, Text) or (_is_inline(child) and not is_boilerplate(child)):
            run.nodes.append(child)
        elif _opaque(child):
            run.nodes.append(child)  # kept as it is, shown as a void placeholder
        elif is_boilerplate(child):
            _flush(reader, run)
            run = _Run(kind)
        else:
            _flush(reader, run)
            run = _Run(kind)
            _walk(reader, child, _kind_of(reader, child, kind))
    _flush(reader, run)


def _flush(reader: _Reader, run: _Run) -> None:
    nodes = _trim(run.nodes)
    kind = run.kind
    if nodes and all(isinstance(n, Text) or n.tag == "time" for n in nodes):
        kind = "byline" if any(isinstance(n, Element) for n in nodes) else kind
    while len(nodes) == 1 and isinstance(nodes[0], Element) and _wraps_text(nodes[0]):
        nodes = _trim(nodes[0].children)  # <p><b>All of it</b></p>: no placeholder needed
    if not nodes:
        return
    credit = ""
    if kind in ("caption", "paragraph"):  # a paragraph ending in a photo credit is a caption
        credit, nodes = _split_credit(reader.source, nodes, small=kind == "caption")
        kind = "caption" if credit else kind
    builder = _Text()
    for node in nodes:
        builder.add(node)
    text = _SPACE.sub(" ", "".join(builder.pieces)).strip()
    if builder.start is not None and is_translatable(inline.plain(text)):
        markup = Markup(builder.start, builder.end, "html", tuple(builder.tags))
        lead = ""
        if kind == "paragraph":
            kind, lead = marked_paragraph(text)
        elif kind == "caption":  # a figcaption that is only a credit line (Photo: Reuters)
            kind = untranslated_kind(inline.plain(text)) or kind
        reader.add(kind, text, markup, credit=credit, lead=lead)
    for image in builder.images:
        _alt_block(reader, image)


def _wraps_text(element: Element) -> bool:
    return element.tag not in _VOID_INLINE and element.tag not in _OPAQUE_IN_TEXT


def _trim(nodes: list[Element | Text]) -> list[Element | Text]:
    """The nodes without whitespace-only text at either end."""
    start, end = 0, len(nodes)
    while start < end and _blank(nodes[start]):
        start += 1
    while end > start and _blank(nodes[end - 1]):
        end -= 1
    return nodes[start:end]


def _blank(node: Element | Text) -> bool:
    if isinstance(node, Text):
        return not node.text.strip()
    return _opaque(node)


def _opaque(element: Element) -> bool:
    """A script, comment or inline piece of furniture (``<span class="share">``) in a text."""
    return element.tag in _OPAQUE_IN_TEXT or (_is_inline(element) and is_boilerplate(element))


def _split_credit(
    source: str, nodes: list[Element | Text], *, small: bool = True
) -> tuple[str, list[Element | Text]]:
    """A caption's trailing credit, and the nodes before it (a closing ``<small>`` counts
    when ``small``: in a figcaption, not in a paragraph)."""
    last = nodes[-1]
    if not isinstance(last, Text):
        if last.classes() & CREDIT_WORDS or (small and last.tag == "small"):
            credit = _SPACE.sub(" ", last.text()).strip()
            return credit, _trim(nodes[:-1])
        return "", nodes
    if source[last.start : last.end] != last.text:
        return "", nodes  # entities in the credit's text: leave the caption whole
    split = credit_split(last.text.rstrip())
    if split is None:
        return "", nodes
    caption, _, credit = split
    kept = Text(last.start, last.start + len(caption), caption)
    return credit, _trim([*nodes[:-1], kept])


@dataclass
class _Text:
    """Builds a block's text with placeholders, and where it starts and ends in the source."""

    pieces: list[str] = field(default_factory=list)
    tags: list[InlineTag] = field(default_factory=list)
    images: list[Element] = field(default_factory=list)
    start: int | None = None
    end: int = 0

    def _cover(self, start: int, end: int) -> None:
        self.start = start if self.start is None else self.start
        self.end = end

    def add(self, node: Element | Text) -> None:
        if isinstance(node, Text):
            lead = len(node.text) - len(node.text.lstrip(" \t\n\r\f"))
            trail = len(node.text) - len(node.text.rstrip(" \t\n\r\f"))
            if node.text.strip(" \t\n\r\f"):
                self._cover(node.start + lead, node.end - trail)
            self._text(node)
            return
        self.images.extend(e for e in node.iter() if e.tag == "img")
        number = len(self.tags) + 1
        if node.tag in _VOID_INLINE or _opaque(node) or not node.text().strip():
            self.tags.append(InlineTag(number, node.span))
            self.pieces.append(inline.void_tag(number) + (" " if node.tag == "br" else ""))
            self._cover(*node.span)
            return
        self.tags.append(InlineTag(number, node.start_tag, node.end_tag))
        self.pieces.append(inline.open_tag(number))
        self._cover(*node.start_tag)
        for child in node.children:
            self.add(child)
        self.pieces.append(inline.close_tag(number))
        self._cover(node.start_tag[0], node.span[1])

    def _text(self, node: Text) -> None:
        """The text; a part that reads like a placeholder (``<1>``) is one, kept as written."""
        cursor = 0
        for token in inline.tokens(node.text):
            span = (node.source_offset(token.start), node.source_offset(token.end))
            self.tags.append(InlineTag(len(self.tags) + 1, span))
            self.pieces += [node.text[cursor : token.start], inline.void_tag(len(self.tags))]
            cursor = token.end
        self.pieces.append(node.text[cursor:])


def _alt_block(reader: _Reader, image: Element) -> None:
    span = attribute_value_span(reader.source, image, "alt")
    text = _SPACE.sub(" ", image.attrs.get("alt", "")).strip()
    if span is None or not is_translatable(text):
        return
    syntax: MarkupSyntax = "attribute"
    reader.add("alt", text, Markup(span[0], span[1], syntax))
