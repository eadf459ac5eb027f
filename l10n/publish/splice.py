"""Rebuild an HTML or Markdown source in a language: each text replaced, the rest as it was.

Every text block of the reader knows where it stands in the source (``Block.markup``). A
block whose published text is its source text is copied from the source unchanged, so an
export with every msgstr equal to its msgid gives back the source file exactly. A block
with a translation is written anew: its text escaped for where it stands (HTML text, an
attribute value, Markdown inline text, a YAML scalar), each placeholder replaced by the
source's own markup for it (``<a href="…">``, ``](url)``), byte for byte. So a msgstr can
neither inject markup (``<script>`` comes out as ``&lt;script&gt;``) nor Markdown structure
(a line break becomes a space, a leading ``#`` or ``1.`` is escaped).

In HTML a sentence published in English (no reviewed translation) is marked
``<span lang="en">``. Everything outside the blocks — boilerplate, scripts, attributes, code
blocks, front-matter keys that are not translated — is copied as it is; ``<html lang>`` is
set to the language, and the page's ``<link rel="canonical">`` and ``hreflang`` alternates
are the export's (the source's own name the English page).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..article import inline
from ..article.segment import block_pairs
from ..model import Document, HeadSlot, InlineTag, Language
from .localize import LocalBlock, Piece
from .render import WebLinks, html_lang, link_lines, md_escape

Emit = Callable[[int, int], str]


@dataclass(frozen=True)
class _Replacement:
    start: int
    end: int
    render: Callable[[Emit], str]


def splice(
    document: Document,
    blocks: Sequence[LocalBlock],
    language: Language | None,
    links: WebLinks | None = None,
) -> str:
    """``document.source`` with the published text of ``blocks`` in place of the source's.

    ``blocks`` come from ``localize(..., every_block=True)``; ``language`` None leaves
    ``<html lang>`` as it is. ``links``: the page's canonical URL and language alternates,
    which replace the source's own (they name the English page) in its ``<head>``.
    """
    found = [_replacement(local) for local in blocks if local.block.markup is not None]
    replacements = [r for r in found if r is not None]
    if links is not None and document.head is not None:
        replacements += _head_links(document.head, links)
    if language is not None and document.lang_slot is not None:
        start, end, template = document.lang_slot
        value = html.escape(template.format(html_lang(language)), quote=False)
        replacements.append(_Replacement(start, end, lambda emit: value))
    replacements.sort(key=lambda r: (r.start, -r.end))
    spliced = _Splicer(document.source, replacements).emit(0, len(document.source))
    return "\ufeff" + spliced if document.bom else spliced


def _head_links(head: HeadSlot, links: WebLinks) -> list[_Replacement]:
    """The source's language links taken out, the export's put in before ``</head>``."""
    lines = link_lines(links)
    text = "".join(f"{head.indent}{line}\n" for line in lines) if head.newline else "".join(lines)
    removed = [_Replacement(start, end, lambda emit: "") for start, end in head.remove]
    return [*removed, _Replacement(head.insert_at, head.insert_at, lambda emit: text)]


class _Splicer:
    def __init__(self, source: str, replacements: list[_Replacement]) -> None:
        self.source = source
        self.replacements = replacements

    def emit(self, start: int, end: int) -> str:
        """``source[start:end]`` with the replacements inside it applied (nested ones by the
        outer one's renderer, through this same function)."""
        out: list[str] = []
        cursor = start
        for item in self.replacements:
            if item.start < cursor or item.end > end or item.start > end:
                continue
            out += [self.source[cursor : item.start], item.render(self.emit)]
            cursor = item.end
        out.append(self.source[cursor:end])
        return "".join(out)


def _replacement(local: LocalBlock) -> _Replacement | None:
    block, markup = local.block, local.block.markup
    sources = [piece[0] for piece in block_pairs(block)]
    wrap = markup is not None and markup.syntax == "html" and not markup.head
    if markup is None or (_unchanged(local, sources) and not (wrap and _english(local))):
        return None
    if markup.syntax == "attribute":
        text = " ".join(local.text.split())
        return _Replacement(markup.start, markup.end, lambda emit: f'"{html.escape(text)}"')
    if markup.syntax == "yaml":
        text = " ".join(local.text.split())
        dumped = json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML scalar
        return _Replacement(markup.start, markup.end, lambda emit: dumped)
    tags = {tag.number: tag for tag in markup.tags}
    escape = _html_text if markup.syntax == "html" else _md_text

    def render(emit: Emit) -> str:
        return "".join(
            _piece(piece, inline.numbers(source), tags, emit, escape, wrap)
            for piece, source in zip(local.pieces, sources, strict=True)
        )

    return _Replacement(markup.start, markup.end, render)


def _unchanged(local: LocalBlock, sources: list[str]) -> bool:
    """Every sentence of the block is published as its source text (whitespace aside)."""
    if len(sources) != len(local.pieces):
        return local.text == local.block.text
    return all(
        piece.text == inline.renumber(source)
        for piece, source in zip(local.pieces, sources, strict=True)
    )


def _english(local: LocalBlock) -> bool:
    """A sentence of the block falls back to English (HTML marks it ``lang="en"``)."""
    return any(piece.fallback for piece in local.pieces)


def _piece(
    piece: Piece,
    numbers: list[int],
    tags: dict[int, InlineTag],
    emit: Emit,
    escape: Callable[[str], str],
    wrap: bool,
) -> str:
    """One sentence: text escaped, its (sentence-numbered) placeholders as source markup."""
    out: list[str] = []
    cursor = 0
    for token in inline.tokens(piece.text):
        tag = _tag_of(token, numbers, tags)
        markup = _markup(token, tag, emit)
        if markup is None:
            continue  # not a placeholder of this sentence: stays in the text, escaped
        before = escape(piece.text[cursor : token.start])
        if before.endswith("!") and markup.startswith("["):
            before = before[:-1] + "\\!"  # "!" + "[…](…)" would make the link an image
        out += [before, markup]
        cursor = token.end
    out.append(escape(piece.text[cursor:]))
    text = "".join(out)
    if wrap and piece.fallback:
        text = f'<span lang="en">{text}</span>'
    return text + escape(piece.joiner)


def _markup(token: inline.Token, tag: InlineTag | None, emit: Emit) -> str | None:
    if tag is None:
        return None
    if tag.close is None:
        return emit(*tag.open) if token.kind == "void" else None
    if token.kind == "open":
        return emit(*tag.open)
    return emit(*tag.close) if token.kind == "close" else None


def _html_text(text: str) -> str:
    return html.escape(text, quote=False)


def _md_text(text: str) -> str:
    """Markdown inline text that shows as written: specials and line starts escaped, one line.

    ``|`` is written ``&#124;``: even escaped, a pipe would make a line above a ``---`` a table.
    """
    flat = " ".join(text.splitlines()) if "\n" in text or "\r" in text else text
    return md_escape(flat).replace("\\|", "&#124;")


def plain_blocks(blocks: Sequence[LocalBlock], source: str = "") -> tuple[LocalBlock, ...]:
    """``blocks`` for the txt/md/html renderers: placeholders removed (a void one for inline
    code, ``<code>x</code>`` or ```x```, gives its text from ``source``, a line break a
    space); image alt texts, and the head's title and front matter unless the body has no
    title, left out."""
    body_title = any(b.block.kind == "title" and not _head(b) for b in blocks)
    kept = [
        b
        for b in blocks
        if b.block.kind != "alt" and not (_head(b) and (body_title or b.block.kind != "title"))
    ]
    return tuple(replace(b, pieces=_plain_pieces(b, source)) for b in kept)


def _plain_pieces(local: LocalBlock, source: str) -> tuple[Piece, ...]:
    markup = local.block.markup
    sources = [piece[0] for piece in block_pairs(local.block)]
    if markup is None or not source or len(sources) != len(local.pieces):
        return tuple(replace(p, text=inline.plain(p.text)) for p in local.pieces)
    tags = {tag.number: tag for tag in markup.tags}
    pieces = []
    for piece, written in zip(local.pieces, sources, strict=True):
        numbers = inline.numbers(written)
        out, cursor = [], 0
        for token in inline.tokens(piece.text):
            tag = _tag_of(token, numbers, tags)
            shown = _shown(source[tag.open[0] : tag.open[1]], markup.syntax) if tag else ""
            out += [piece.text[cursor : token.start], shown if token.kind == "void" else ""]
            cursor = token.end
        out.append(piece.text[cursor:])
        pieces.append(replace(piece, text=re.sub(r" {2,}", " ", "".join(out)).strip()))
    return tuple(pieces)


_CODE_TAGS = frozenset({"code", "kbd", "samp", "var"})


def _tag_of(
    token: inline.Token, numbers: list[int], tags: dict[int, InlineTag]
) -> InlineTag | None:
    """The source markup a sentence's placeholder stands for (sentences number theirs from 1;
    ``numbers`` are the block's numbers in the sentence's order), or None."""
    return tags.get(numbers[token.number - 1]) if token.number <= len(numbers) else None


def _shown(written: str, syntax: str) -> str:
    """What a void placeholder's source markup shows as plain text."""
    if syntax == "markdown":
        if written.startswith("`"):
            return written.strip("`").strip() or written
        if written.startswith("<") and written.endswith(">"):
            return written[1:-1]  # an autolink: the address is its text
        return " " if "\n" in written else ""  # a hard break; an image: its alt is apart
    name = re.match(r"<\s*([A-Za-z][\w-]*)", written)
    tag = name[1].lower() if name else ""
    if tag == "br":
        return " "
    if tag in _CODE_TAGS:
        return html.unescape(re.sub(r"<[^>]*>", "", written))
    return ""


def _head(local: LocalBlock) -> bool:
    return local.block.markup is not None and local.block.markup.head
