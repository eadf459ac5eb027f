"""Format localized blocks as plain text, Markdown or a standalone HTML page (pure functions).

The HTML page is made for the web: ``<html lang>``, a ``<main>`` landmark, a description
from the first paragraph, ``hreflang`` alternates and a canonical URL when the export
layer passes a :class:`WebLinks`, a ``block-<kind>`` class on every block, and text
published in the English fallback marked visibly (class ``fallback``, an "EN" tag).
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Block, Document, Language
from ..patterns import LIST_MARKER_TEXT, MONTH_NAME, month_number
from .localize import LocalBlock, Piece

_MONTH = rf"(?P<month>{MONTH_NAME})"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})[\s-]+{_MONTH}[\s,-]+(?P<year>\d{{4}})\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
)
_DATELINE_MAX = 80
_TIMESTAMP = re.compile(r"(?:(\d{1,2}):)?(\d{1,2}):(\d{2})")
_MD_SPECIALS = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)])(?=\s|$))")
_LIST_MARKER = re.compile(LIST_MARKER_TEXT)
_KEPT_CLASSES = {
    "dateline": "timestamp",
    "credit": "credit",
    "signoff": "signoff",
    "furniture": "furniture",
}
"""HTML classes of the blocks published as they stand in English (never translated)."""
_STYLE = """
body { margin: 0 auto; max-width: 42rem; padding: 2rem 1.25rem; line-height: 1.6;
  font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif;
  color: #1d1d1f; background: #fff; }
:lang(zh) body, body:lang(zh), body:lang(ja) { font-family: "Noto Sans CJK SC",
  "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
.byline, .dateline, .timestamp, .credit, .signoff, .furniture, .media, footer {
  color: #555; font-size: .95rem; margin: .25rem 0; }
figure { margin: 1.5rem 0; padding: .75rem 1rem; border-left: 4px solid #c8c8c8;
  background: #f6f6f6; }
figcaption { font-style: italic; }
figcaption:lang(zh), figcaption:lang(ja) { font-style: normal; }
figcaption small { font-style: normal; color: #666; }
footer { border-top: 1px solid #ddd; margin-top: 2rem; padding-top: .5rem; }
.fallback { background: #fff6db; box-shadow: 0 1px 0 #b58100; }
.fallback::before { content: "EN"; font-size: .65em; font-weight: bold; color: #5c4000;
  border: 1px solid currentColor; border-radius: 2px; padding: 0 .2em; margin-right: .3em;
  vertical-align: .15em; font-style: normal; }
"""
_DESCRIPTION_MAX = 160


@dataclass(frozen=True)
class WebLinks:
    """Where a page lives among its language versions (made by the export layer)."""

    alternates: tuple[tuple[str, str], ...] = ()
    """(hreflang, href) of every language version, this one and ``x-default`` included."""
    canonical: str | None = None
    """The page's absolute URL, when a base URL is configured."""


def article_date(document: Document) -> dt.date | None:
    """The article's date from a short line before its first paragraph (byline, dateline…).

    Captions are never used: a photo's date is not the article's. None when there is none.
    """
    for block in document.blocks:
        if block.kind in ("paragraph", "heading"):
            return None
        if block.kind == "caption" or len(block.text) > _DATELINE_MAX:
            continue
        found = _parse_date(block.text)
        if found is not None:
            return found
    return None


def _parse_date(text: str) -> dt.date | None:
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        parts = match.groupdict()
        month = int(parts["mon"]) if parts.get("mon") else month_number(parts["month"])
        try:
            return dt.date(int(parts["year"]), month, int(parts["day"]))
        except ValueError:
            continue
    return None


def date_line(document: Document, language: Language) -> tuple[str, str] | None:
    """(ISO date, date in the language's long CLDR format) for the article, or None."""
    from babel.dates import format_date

    found = article_date(document)
    if found is None:
        return None
    return found.isoformat(), format_date(found, format="long", locale=language.locale)


def _caption(block: Block, text: str) -> str:
    return f"{text}{block.credit_separator}{block.credit}" if block.credit else text


def render_txt(document: Document, blocks: Sequence[LocalBlock], language: Language) -> str:
    """Plain text: one block per line, a blank line wherever a text source had one (between
    every two blocks of an HTML or Markdown source, whose lines are not the article's)."""
    out: list[str] = []
    previous: Block | None = None
    lines = document.syntax == "text"
    for local in blocks:
        if previous is not None:
            next_line = lines and local.block.line == previous.line + 1
            out.append("\n" if next_line else "\n\n")
        out.append(_caption(local.block, local.text))
        previous = local.block
    return "".join(out) + "\n" if out else ""


def md_escape(text: str) -> str:
    """Escape Markdown specials so the text shows literally (CommonMark backslash escapes)."""
    text = _MD_SPECIALS.sub(r"\\\1", text)
    text = re.sub(r"&(?=#?\w+;)", r"\\&", text)
    return _MD_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark, digits, stop = match.groups()
    return f"{indent}{digits}\\{stop}" if digits else f"{indent}\\{mark}"


def list_item(local: LocalBlock) -> tuple[str, tuple[Piece, ...]] | None:
    """(marker, the item's pieces) when the block is a list item (``1. Text``), else None.

    Segmentation makes a list item's marker an untranslatable piece of its own.
    """
    pieces = local.pieces
    if local.block.kind != "paragraph" or len(pieces) < 2:
        return None
    if _LIST_MARKER.fullmatch(pieces[0].text) is None or pieces[0].joiner.strip():
        return None
    return pieces[0].text, pieces[1:]


def _list_key(local: LocalBlock) -> str | None:
    """``ol``/``ul`` for a list item; None when it is no list item."""
    item = list_item(local)
    if item is None:
        return None
    return "ol" if item[0][0].isalnum() else "ul"


def _same_list(local: LocalBlock, previous: LocalBlock | None) -> bool:
    """Whether ``local`` continues the list ``previous`` belongs to (next source line)."""
    key = _list_key(local)
    return (
        previous is not None
        and key is not None
        and key == _list_key(previous)
        and local.block.line == previous.block.line + 1
    )


def _joined(pieces: Sequence[Piece]) -> str:
    return "".join(piece.text + piece.joiner for piece in pieces)


def _md_block(local: LocalBlock) -> str:
    item = list_item(local)
    if item is not None:
        marker = item[0] if item[0][0].isdigit() or item[0] in "-*" else "-"
        if item[0][0].isalpha():  # Markdown has no lettered lists: keep the letter visible
            marker = f"- {item[0]}"
        return f"{marker} {md_escape(_joined(item[1]).strip())}"
    block, text = local.block, md_escape(local.text.strip())
    if block.kind == "title":
        return f"# {text}"
    if block.kind == "heading":
        return f"## {text}"
    if block.kind == "caption":
        credit = f"{block.credit_separator}{md_escape(block.credit)}" if block.credit else ""
        return f"*{text}*{credit}"
    return text


def render_md(document: Document, blocks: Sequence[LocalBlock], language: Language) -> str:
    """Markdown: ``#`` title, ``##`` headings, paragraphs, lists, italic captions with credit."""
    parts = [
        ("\n" if _same_list(local, blocks[i - 1] if i else None) else "\n\n", _md_block(local))
        for i, local in enumerate(blocks)
    ]
    date = date_line(document, language)
    if date is not None:
        parts.insert(_after_header(blocks), ("\n\n", md_escape(date[1])))
    return "".join(gap + text for gap, text in parts).removeprefix("\n\n") + "\n"


def _after_header(blocks: Sequence[LocalBlock]) -> int:
    """Index just after the title and byline, where the date line goes."""
    kinds = [local.block.kind for local in blocks]
    index = kinds.index("title") if "title" in kinds else 0
    while index < len(blocks) and kinds[index] in ("title", "byline"):
        index += 1
    return index


def _html_text(pieces: Sequence[Piece]) -> str:
    out = []
    for piece in pieces:
        text = html.escape(piece.text)
        out.append(f'<span class="fallback" lang="en">{text}</span>' if piece.fallback else text)
        out.append(html.escape(piece.joiner))
    return "".join(out)


def _duration(text: str) -> str | None:
    match = _TIMESTAMP.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return f"PT{hours}H{minutes}M{seconds}S" if hours else f"PT{minutes}M{seconds}S"


def _html_block(local: LocalBlock) -> str:
    item = list_item(local)
    if item is not None:
        return f"<li>{_html_text(item[1])}</li>"
    block, text = local.block, _html_text(local.pieces)
    hook = f"block-{block.kind}"
    if block.kind == "title":
        return f'<h1 class="{hook}">{text}</h1>'
    if block.kind == "heading":
        return f'<h2 class="{hook}">{text}</h2>'
    if block.kind == "byline":
        return f'<p class="byline {hook}">{text}</p>'
    if block.kind == "caption":
        credit = f"{html.escape(block.credit_separator)}<small>{html.escape(block.credit)}</small>"
        caption = f"{text}{credit if block.credit else ''}"
        return f'<figure class="{hook}"><figcaption>{caption}</figcaption></figure>'
    if block.kind == "media":
        duration = _duration(block.text)
        inner = f'<time datetime="{duration}">{text}</time>' if duration else text
        return f'<p class="media {hook}">{inner}</p>'
    if block.kind in _KEPT_CLASSES:
        return f'<p class="{_KEPT_CLASSES[block.kind]} {hook}" lang="en">{text}</p>'
    return f'<p class="{hook}">{text}</p>'


def _list_open(local: LocalBlock) -> str:
    item = list_item(local)
    number = _LIST_MARKER.fullmatch(item[0]) if item else None
    if number is not None and number["letter"]:
        start = ord(number["letter"]) - ord("a") + 1
        return (
            '<ol class="block-list" type="a">'
            if start == 1
            else f'<ol class="block-list" type="a" start="{start}">'
        )
    if number is None or not number["number"]:
        return '<ul class="block-list">'
    start = int(number["number"])
    return '<ol class="block-list">' if start == 1 else f'<ol class="block-list" start="{start}">'


def _html_body(blocks: Sequence[LocalBlock]) -> list[str]:
    """One string per block; the items of a list (adjacent source lines) in one ul/ol."""
    body: list[str] = []
    for index, local in enumerate(blocks):
        previous = blocks[index - 1] if index else None
        key = _list_key(local)
        if key is not None and _same_list(local, previous):
            body[-1] = body[-1].removesuffix(f"\n</{key}>") + f"\n{_html_block(local)}\n</{key}>"
        elif key is not None:
            body.append(f"{_list_open(local)}\n{_html_block(local)}\n</{key}>")
        else:
            body.append(_html_block(local))
    return body


def html_lang(language: Language) -> str:
    """The BCP 47 tag for ``<html lang>``: ``zh_Hans`` → ``zh-Hans``."""
    return language.locale.replace("_", "-")


def _footer(language: Language, note: str = "") -> str:
    from babel import Locale

    locale = Locale.parse(language.locale)
    source = Locale.parse("en").get_display_name(locale) or "English"
    target = locale.get_display_name(locale) or language.code
    return (
        f'<footer>{note}<p class="languages">{html.escape(source)} → {html.escape(target)}</p>'
        "</footer>"
    )


def description(blocks: Sequence[LocalBlock]) -> str:
    """The page description: the first paragraph, cut at a word under 160 characters.

    Only its sentences published in the page's language count, up to the first English
    fallback; a paragraph wholly in fallback is used as it is.
    """
    first = next((b for b in blocks if b.block.kind == "paragraph" and b.text.strip()), None)
    if first is None:
        return ""
    pieces = list(itertools.takewhile(lambda piece: not piece.fallback, first.pieces))
    text = " ".join(_joined(pieces or first.pieces).split())
    if len(text) <= _DESCRIPTION_MAX:
        return text
    cut = text[: _DESCRIPTION_MAX - 1]
    if " " in cut[_DESCRIPTION_MAX // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-—") + "…"


def _head(title: str, blocks: Sequence[LocalBlock], links: WebLinks | None) -> str:
    lines = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
    ]
    summary = description(blocks)
    if summary:
        lines.append(f'<meta name="description" content="{html.escape(summary)}">')
    lines += link_lines(links) if links is not None else []
    lines.append(f"<style>{_STYLE}</style>")
    return "\n".join(lines)


def link_lines(links: WebLinks) -> list[str]:
    """The ``<link>`` elements of a page's canonical URL and language alternates."""
    lines = []
    if links.canonical:
        lines.append(f'<link rel="canonical" href="{html.escape(links.canonical)}">')
    for hreflang, href in links.alternates:
        lines.append(
            f'<link rel="alternate" hreflang="{html.escape(hreflang)}" href="{html.escape(href)}">'
        )
    return lines


def _fallback_note(blocks: Sequence[LocalBlock]) -> str:
    if not any(piece.fallback for local in blocks for piece in local.pieces):
        return ""
    return (
        '<p class="fallback-note" lang="en"><span class="fallback">Marked text</span> is not '
        "translated yet and is shown in the English original.</p>"
    )


def render_html(
    document: Document,
    blocks: Sequence[LocalBlock],
    language: Language,
    *,
    links: WebLinks | None = None,
    source: bool = False,
) -> str:
    """A standalone UTF-8 HTML page; every piece of text is escaped.

    ``source``: the English original itself (no fallback marks, no language footer).
    """
    if source:
        blocks = [
            LocalBlock(b.block, tuple(replace(p, fallback=False) for p in b.pieces)) for b in blocks
        ]
    body = _html_body(blocks)
    date = date_line(document, language)
    if date is not None:
        line = f'<p class="dateline"><time datetime="{date[0]}">{html.escape(date[1])}</time></p>'
        body.insert(_after_header(blocks), line)
    titles = [local.text for local in blocks if local.block.kind == "title"]
    head = _head(titles[0] if titles else document.domain, blocks, links)
    article = "\n".join(body)
    footer = "" if source else f"{_footer(language, _fallback_note(blocks))}\n"
    return (
        f'<!doctype html>\n<html lang="{html_lang(language)}">\n<head>\n{head}\n</head>\n'
        f"<body>\n<main>\n<article>\n{article}\n</article>\n</main>\n{footer}</body>\n</html>\n"
    )
