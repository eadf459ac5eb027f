"""Read a Markdown article (CommonMark, with GFM tables and YAML front matter) into blocks.

Parsed by markdown-it-py, whose tokens give each block's source lines (``#:`` references).

- **Blocks**: the first ``#`` heading is the title, other headings are headings; paragraphs
  (also inside list items, nested lists and blockquotes) and table cells are paragraphs;
  each image's alt text is an ``alt`` block. Code blocks, fences, raw HTML blocks and
  thematic breaks are kept as they are, untranslated.
- **Front matter**: ``title:``, ``description:``, ``subtitle:`` and ``summary:`` are
  translated (head blocks: the text of the page's metadata); every other key is kept.
- **Inline markup** becomes placeholders (:mod:`l10n.article.inline`): emphasis, strong and
  links are ``<N>…</N>`` (the URL and title stay out of the catalog), code spans, images,
  inline HTML, autolinks and hard line breaks are ``<N/>``. Backslash escapes and entities
  are shown decoded (``\\*`` is ``*``).

Each block's text is located in the source character by character, so export can put a
translation exactly where the text was. A paragraph whose text cannot be located exactly (a
tab inside a continuation line's indentation, say) is left untranslated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..model import Block, BlockKind, Document, InlineTag, Markup
from ..patterns import is_translatable
from . import inline
from .newsroom import credit_split, marked_paragraph

FRONT_MATTER_KEYS = ("title", "subtitle", "description", "summary")
"""Front-matter keys whose (string) values are translated."""
_SPACE = re.compile(r"[ \t\n\r\f]+")
_NEWLINE = re.compile(r"\r\n?|\n")  # markdown-it's own line breaks


_NO_CREDIT = (" ", "")
"""(separator, credit) of a block that has no credit (the separator is Block's default)."""


@dataclass
class _Reader:
    source: str
    starts: list[int]
    blocks: list[Block] = field(default_factory=list)
    has_title: bool = False
    row_cursor: dict[int, int] = field(default_factory=dict)

    def add(
        self,
        kind: BlockKind,
        text: str,
        markup: Markup,
        lead: str = "",
        credit: tuple[str, str] = _NO_CREDIT,
    ) -> None:
        """``credit``: a caption's (separator, credit)."""
        line = bisect_right(self.starts, markup.start)
        separator, written = credit
        block = Block(
            len(self.blocks),
            kind,
            text,
            line,
            credit=written,
            credit_separator=separator,
            markup=markup,
            lead=lead,
        )
        self.blocks.append(block)

    def line_text(self, line: int) -> str:
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.source)
        return self.source[start:end].rstrip("\r\n")


def parse_markdown_document(text: str, *, path: Path, name: str, domain: str) -> Document:
    """The blocks of a Markdown article (see the module docstring)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").use(front_matter_plugin).enable("table")
    parser.disable("text_join")  # keep escapes and entities apart: they are located in source
    tokens = parser.parse(text)
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    reader = _Reader(text, starts)
    for index, token in enumerate(tokens):
        if token.type == "front_matter":
            _front_matter(reader, token, name)
        elif token.type == "inline" and token.map is not None:
            _inline_block(reader, token, tokens[index - 1])
    return Document(path, name, domain, tuple(reader.blocks), syntax="markdown", source=text)


def _front_matter(reader: _Reader, token: Any, name: str) -> None:
    import yaml

    try:
        node = yaml.compose(token.content, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise SourceError(
            "front matter is not valid YAML — fix it or remove it", path=name, line=line
        ) from err
    if not isinstance(node, yaml.MappingNode):
        return
    for key, value in node.value:
        if key.value not in FRONT_MATTER_KEYS or not isinstance(value, yaml.ScalarNode):
            continue
        if value.tag != "tag:yaml.org,2002:str" or not is_translatable(value.value):
            continue
        start = reader.starts[1 + value.start_mark.line] + value.start_mark.column
        end = reader.starts[1 + value.end_mark.line] + value.end_mark.column
        end = start + len(reader.source[start:end].rstrip())  # a block scalar ends a line later
        kind: BlockKind = "title" if key.value == "title" else "paragraph"
        text = _SPACE.sub(" ", value.value).strip()
        reader.add(kind, text, Markup(start, end, "yaml", head=True))


def _inline_block(reader: _Reader, token: Any, opener: Any) -> None:
    if opener.type == "heading_open":
        kind: BlockKind = "title" if opener.tag == "h1" and not reader.has_title else "heading"
    else:
        kind = "paragraph"
    offsets = _offsets(reader, token, cell=opener.type in ("th_open", "td_open"))
    if offsets is None:
        return
    built = _Aligner(token.content, offsets)
    if not built.run(token.children or []):
        return
    text = _SPACE.sub(" ", "".join(built.pieces)).strip()
    if token.content and is_translatable(inline.plain(text)):
        markup = Markup(offsets[0], offsets[-1], "markdown", tuple(built.sorted_tags()))
        text, markup = _unwrapped(text, markup)
        lead, credit = "", _NO_CREDIT
        if kind == "paragraph":
            kind, lead = marked_paragraph(text)
        if kind == "paragraph" and not lead:
            text, markup, credit = _credit_apart(reader.source, text, markup)
            kind = "caption" if credit[1] else kind
        reader.add(kind, text, markup, lead, credit)
        reader.has_title = reader.has_title or kind == "title"
    for start, end, alt in built.alts:
        if is_translatable(alt):
            reader.add("alt", alt, Markup(start, end, "markdown"))


def _unwrapped(text: str, markup: Markup) -> tuple[str, Markup]:
    """A paragraph all in one emphasis (``*All of it.*``) as its inner text: the markers
    stay in the source around the block, as an HTML reader leaves ``<p><em>…</em></p>``."""
    number = inline.wrapping_pair(text)
    outer = next((tag for tag in markup.tags if tag.number == number), None)
    if outer is None or outer.close is None:
        return text, markup
    inner = inline.renumber(
        text[len(inline.open_tag(outer.number)) : -len(inline.close_tag(outer.number))]
    )
    tags = tuple(
        replace(tag, number=tag.number - 1 if tag.number > outer.number else tag.number)
        for tag in markup.tags
        if tag is not outer
    )
    return inner, replace(markup, start=outer.open[1], end=outer.close[0], tags=tags)


def _credit_apart(source: str, text: str, markup: Markup) -> tuple[str, Markup, tuple[str, str]]:
    """A paragraph that ends in a photo credit (``… (AP Photo/Name)``) as a caption: its
    text without the credit, which stays in the source as written, and (separator, credit);
    else as it was."""
    split = credit_split(text)
    if split is None or inline.has_placeholders(split[1] + split[2]):
        return text, markup, _NO_CREDIT
    caption, separator, credit = split
    end = markup.end - len(credit) - len(separator)
    if source[end : markup.end] != separator + credit:
        return text, markup, _NO_CREDIT  # escapes or entities in the credit: leave it whole
    return caption, replace(markup, end=end), (separator, credit)


def _offsets(reader: _Reader, token: Any, *, cell: bool) -> list[int] | None:
    """The source offset of each character of ``token.content`` (and of its end)."""
    content: str = token.content
    first_line = token.map[0]
    line = reader.line_text(first_line)
    head = content.split("\n")[0]
    if cell:
        hint = reader.row_cursor.get(first_line, 0)
        column = line.find(head, hint)
        if column < 0:
            column = line.find(head.replace("|", "\\|"), hint)
    elif head and line.rstrip(" \t").endswith(head.rstrip(" \t")):
        column = len(line.rstrip(" \t")) - len(head.rstrip(" \t"))
    else:
        column = line.find(head)
    if column < 0:
        return None
    found = _walk_offsets(reader.source, content, reader.starts[first_line] + column)
    if found is not None and cell:
        reader.row_cursor[first_line] = found[-1] - reader.starts[first_line]
    return found


def _walk_offsets(source: str, content: str, position: int) -> list[int] | None:
    offsets: list[int] = []
    line_start = False
    for char in content:
        while True:
            if position >= len(source):
                return None
            found = source[position]
            if found == char:
                break
            skippable = (
                (char == "\n" and found == "\r")
                or (line_start and found in " \t>")
                or (char == "|" and found == "\\")
            )
            if not skippable:
                return None
            position += 1
        offsets.append(position)
        position += 1
        line_start = char == "\n"
    offsets.append(position)
    return offsets


@dataclass
class _Aligner:
    """Walks the inline tokens over their source, building text with placeholders."""

    content: str
    offsets: list[int]
    cursor: int = 0
    pieces: list[str] = field(default_factory=list)
    tags: dict[int, InlineTag] = field(default_factory=dict)
    alts: list[tuple[int, int, str]] = field(default_factory=list)
    open: list[tuple[int, tuple[int, int]]] = field(default_factory=list)
    autolink: int | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end]

    def take(self, written: str) -> bool:
        if not self.content.startswith(written, self.cursor):
            return False
        self.cursor += len(written)
        return True

    def sorted_tags(self) -> list[InlineTag]:
        return [self.tags[number] for number in sorted(self.tags)]

    def void(self, start: int) -> None:
        number = len(self.tags) + len(self.open) + 1
        self.tags[number] = InlineTag(number, self.span(start, self.cursor))
        self.pieces.append(inline.void_tag(number))

    def run(self, children: list[Any]) -> bool:
        """Align every token; False when one cannot be found where it should be."""
        for child in children:
            if self.autolink is not None:  # <https://…>: one void placeholder
                if child.type == "link_close":
                    self.void(self.autolink)
                    self.autolink = None
            elif not self.step(child):
                return False
        return self.cursor == len(self.content) and not self.open

    def step(self, token: Any) -> bool:
        kind, start = token.type, self.cursor
        if kind == "text":
            if inline.has_placeholders(token.content):  # text that reads "<1>": kept as written
                ok = self.take(token.content)
                self.void(start)
                return ok
            self.pieces.append(token.content)
            return self.take(token.content)
        if kind == "text_special":
            self.pieces.append(token.content)
            return self.take(token.markup)
        if kind in ("softbreak", "hardbreak"):
            return self.line_break(kind == "hardbreak")
        if kind in ("em_open", "strong_open"):
            return self.take(token.markup) and self.opened(start)
        if kind in ("em_close", "strong_close"):
            return self.take(token.markup) and self.closed(start)
        if kind == "link_open":
            if token.markup == "autolink":
                close = self.content.find(">", start)
                self.autolink, self.cursor = start, close + 1
                return close > start
            return self.take("[") and self.opened(start)
        if kind == "link_close":
            return self.take("]") and self.destination() and self.closed(start)
        if kind == "code_inline":
            return self.code_span(token.markup)
        if kind == "html_inline":
            ok = self.take(token.content)
            self.void(start)
            return ok
        if kind == "image":
            return self.image(token)
        return False

    def opened(self, start: int) -> bool:
        number = len(self.tags) + len(self.open) + 1
        self.open.append((number, self.span(start, self.cursor)))
        self.pieces.append(inline.open_tag(number))
        return True

    def closed(self, start: int) -> bool:
        if not self.open:
            return False
        number, opening = self.open.pop()
        self.tags[number] = InlineTag(number, opening, self.span(start, self.cursor))
        self.pieces.append(inline.close_tag(number))
        return True

    def line_break(self, hard: bool) -> bool:
        start = self.cursor
        while self.cursor < len(self.content) and self.content[self.cursor] in " \\":
            self.cursor += 1
        if not self.take("\n"):
            return False
        while self.cursor < len(self.content) and self.content[self.cursor] == " ":
            self.cursor += 1
        if hard:
            self.void(start)
            self.pieces.append(" ")  # a sentence may end at the break
        else:
            self.pieces.append(" ")
        return True

    def code_span(self, ticks: str) -> bool:
        start = self.cursor
        if not self.take(ticks):
            return False
        position = self.cursor
        while (found := self.content.find(ticks, position)) >= 0:
            after = found + len(ticks)
            if self.content[after : after + 1] != "`" and self.content[found - 1] != "`":
                self.cursor = after
                self.void(start)
                return True
            position = after + 1 if self.content[after : after + 1] == "`" else after
        return False

    def destination(self) -> bool:
        """Skip what follows a link's ``]``: ``(url "title")``, ``[label]`` or nothing."""
        from markdown_it.helpers import parseLinkDestination, parseLinkTitle

        text, end = self.content, len(self.content)
        if text.startswith("[", self.cursor):
            close = text.find("]", self.cursor)
            self.cursor = close + 1 if close >= 0 else self.cursor
            return close >= 0
        if not text.startswith("(", self.cursor):
            return True
        position = _skip_space(text, self.cursor + 1)
        found = parseLinkDestination(text, position, end)
        if found.ok:
            position = _skip_space(text, found.pos)
            title = parseLinkTitle(text, position, end)
            position = _skip_space(text, title.pos) if title.ok else position
        if not text.startswith(")", position):
            return False
        self.cursor = position + 1
        return True

    def image(self, token: Any) -> bool:
        start = self.cursor
        if not self.take("!["):
            return False
        label_start, depth = self.cursor, 1
        while self.cursor < len(self.content) and depth:
            char = self.content[self.cursor]
            self.cursor += 2 if char == "\\" else 1
            depth += {"[": 1, "]": -1}.get(char, 0)
        if depth:
            return False
        alt = "".join(c.content for c in token.children or [] if c.type != "softbreak")
        label = self.span(label_start, self.cursor - 1)
        if not self.destination():
            return False
        self.void(start)
        self.alts.append((*label, _SPACE.sub(" ", alt).strip()))
        return True


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\n":
        position += 1
    return position
