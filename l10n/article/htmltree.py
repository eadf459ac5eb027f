"""An HTML document as a tree whose every node knows where it stands in the source text.

Export splices translations into the source byte for byte, so the reader needs character
offsets of tags and text. lxml (libxml2) and selectolax (lexbor) give no such offsets — lxml
only a line number — so the tokens come from the standard library's HTML tokenizer
(``html.parser``, which reports each token's position and never fails on bad markup), and
the tree is built with the HTML rules that matter for articles: void elements, ``<p>``,
``<li>``, ``<dt>``/``<dd>``, table rows and cells closed implicitly, stray end tags ignored,
an end tag closing the elements left open inside it.
"""

from __future__ import annotations

import html.parser
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..model import HeadSlot


def words(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` as a set (for tables of tag names)."""
    return frozenset(text.split())


VOID = words("area base br col embed hr img input link meta param source track wbr")
_BLOCKS = words(
    "address article aside blockquote details div dl fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr main menu nav ol p pre section table ul"
)
_CLOSED_BY: dict[str, frozenset[str]] = {
    "p": _BLOCKS,
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "tr": frozenset({"tr", "tbody", "tfoot"}),
    "td": frozenset({"td", "th", "tr", "tbody", "tfoot"}),
    "th": frozenset({"td", "th", "tr", "tbody", "tfoot"}),
    "thead": frozenset({"tbody", "tfoot"}),
    "tbody": frozenset({"tbody", "tfoot"}),
    "option": frozenset({"option", "optgroup"}),
}
"""An open element (key) is closed by a start tag of one of these."""
# The tokenizer's own rules for a start tag's name and attributes (not in its public API).
_ATTRIBUTE: re.Pattern[str] = vars(html.parser)["attrfind_tolerant"]
_TAG_NAME: re.Pattern[str] = vars(html.parser)["tagfind_tolerant"]


@dataclass
class Text:
    """A run of character data: ``text`` is decoded (entities resolved)."""

    start: int
    end: int
    text: str
    references: list[tuple[int, int, int]] = field(default_factory=list)
    """Each character reference (``&amp;``) in it: (source start, source end, decoded length)."""

    def source_offset(self, index: int) -> int:
        """Where the character ``text[index]`` is written in the source (or the run's end)."""
        position, decoded = self.start, 0
        for start, end, length in self.references:
            if index < decoded + (start - position):
                break
            decoded += start - position
            if index < decoded + length:
                return start
            decoded, position = decoded + length, end
        return min(position + index - decoded, self.end)


@dataclass
class Element:
    """An element; ``start_tag``/``end_tag`` are source spans (``end_tag`` empty when implied)."""

    tag: str
    attrs: dict[str, str]
    start_tag: tuple[int, int]
    end_tag: tuple[int, int] = (0, 0)
    children: list[Element | Text] = field(default_factory=list)
    parent: Element | None = None

    @property
    def span(self) -> tuple[int, int]:
        """The element from its start tag to the end of its end tag."""
        return self.start_tag[0], max(self.end_tag[1], self.start_tag[1])

    def classes(self) -> set[str]:
        """The words of its ``class`` and ``id`` (split at spaces, ``-`` and ``_``), lowercase."""
        words = f"{self.attrs.get('class', '')} {self.attrs.get('id', '')}"
        return {word for word in re.split(r"[\s_-]+", words.lower()) if word}

    def iter(self) -> list[Element]:
        """This element and every element inside it, in document order."""
        found = [self]
        for child in self.children:
            if isinstance(child, Element):
                found.extend(child.iter())
        return found

    def text(self) -> str:
        """All text inside it, decoded, as written (no whitespace collapsing)."""
        return "".join(
            child.text if isinstance(child, Text) else child.text() for child in self.children
        )


class _Builder(html.parser.HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        # html.parser counts lines at "\n" only (a lone "\r" is no line break to it)
        self.line_starts = line_starts(source)
        self.root = Element("#document", {}, (0, 0))
        self.stack = [self.root]

    def _position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, void=tag in VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, void=True)

    def _open(self, tag: str, attrs: list[tuple[str, str | None]], *, void: bool) -> None:
        start = self._position()
        raw = self.get_starttag_text() or ""
        while tag in _CLOSED_BY.get(self.stack[-1].tag, frozenset()):
            self._close(start, start)
        element = Element(tag, {k: v or "" for k, v in attrs}, (start, start + len(raw)))
        element.parent = self.stack[-1]
        self.stack[-1].children.append(element)
        if void:
            element.end_tag = (element.start_tag[1], element.start_tag[1])
        else:
            self.stack.append(element)

    def _close(self, start: int, end: int) -> None:
        element = self.stack.pop()
        element.end_tag = (start, end)

    def handle_endtag(self, tag: str) -> None:
        names = [element.tag for element in self.stack]
        if tag not in names[1:]:
            return  # a stray end tag: ignored, as browsers do
        start = self._position()
        end = self.source.index(">", start) + 1
        while self.stack[-1].tag != tag:
            self._close(start, start)
        self._close(start, end)

    def handle_comment(self, data: str) -> None:
        start = self._position()
        close = self.source.find(">", start + len(data) + 4)
        end = close + 1 if close >= 0 else len(self.source)
        comment = Element("#comment", {}, (start, end), (end, end))
        comment.parent = self.stack[-1]
        self.stack[-1].children.append(comment)

    def handle_data(self, data: str) -> None:
        start = self._position()
        self._text(start, start + len(data), data)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, written: str) -> None:
        start = self._position()
        end = start + len(written)
        if self.source[start:end] != written:  # "&amp" without its ";"
            end -= 1
        decoded = html.unescape(self.source[start:end])
        self._text(start, end, decoded, (start, end, len(decoded)))

    def _text(
        self, start: int, end: int, text: str, reference: tuple[int, int, int] | None = None
    ) -> None:
        children = self.stack[-1].children
        if not (children and isinstance(children[-1], Text) and children[-1].end == start):
            children.append(Text(start, start, ""))
        run = children[-1]
        assert isinstance(run, Text)
        run.end, run.text = end, run.text + text
        run.references += [reference] if reference else []


def parse_html(source: str) -> Element:
    """The tree of ``source``; the root is a ``#document`` element spanning nothing."""
    builder = _Builder(source)
    builder.feed(source)
    builder.close()
    while len(builder.stack) > 1:
        builder._close(len(source), len(source))
    return builder.root


def attribute_value_span(source: str, element: Element, name: str) -> tuple[int, int] | None:
    """Where the value of attribute ``name`` of ``element`` is written (quotes included)."""
    start, end = element.start_tag
    raw = source[start:end]
    tag = _TAG_NAME.match(raw, 1)
    position = tag.end() if tag else 1
    while True:
        match = _ATTRIBUTE.match(raw, position)
        if match is None or match.end() == position:
            return None
        if match.group(1).lower() == name and match.group(3) is not None:
            return start + match.start(3), start + match.end(3)
        position = match.end()


def line_starts(source: str) -> list[int]:
    """The offset where each line of ``source`` starts (lines end at ``\n``)."""
    return [0] + [match.end() for match in re.finditer("\n", source)]


def line_of(starts: list[int], offset: int) -> int:
    """The 1-based line of a source offset, given ``line_starts(source)``."""
    return bisect_right(starts, offset)


def head_slot(source: str, root: Element) -> HeadSlot | None:
    """Where the exported page's canonical and hreflang links go, and the source's own."""
    head = next((e for e in root.iter() if e.tag == "head"), None)
    if head is None or head.end_tag == (0, 0):
        return None
    links = [e for e in head.iter() if e.tag == "link" and _language_link(e)]
    end = head.end_tag[0]
    line = source.rfind("\n", 0, end) + 1
    if source[line:end].strip():
        return HeadSlot(end, "", False, tuple(e.span for e in links))
    first = next((e for e in head.children if isinstance(e, Element)), None)
    indent = ""
    if first is not None:
        start = source.rfind("\n", 0, first.span[0]) + 1
        before = source[start : first.span[0]]
        indent = before if not before.strip() else ""
    return HeadSlot(line, indent, True, tuple(_whole_line(source, e.span) for e in links))


def _language_link(element: Element) -> bool:
    """``<link rel="canonical">`` or ``<link rel="alternate" hreflang="…">``."""
    rel = element.attrs.get("rel", "").lower().split()
    return "canonical" in rel or ("alternate" in rel and "hreflang" in element.attrs)


def _whole_line(source: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span``, widened to its whole line (and line end) when nothing else is on it."""
    start = source.rfind("\n", 0, span[0]) + 1
    end = source.find("\n", span[1])
    end = len(source) if end < 0 else end
    if source[start : span[0]].strip() or source[span[1] : end].strip():
        return span
    return start, min(end + 1, len(source))
