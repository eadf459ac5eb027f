"""Classify the lines of a plain-text English article into typed blocks (pure: no I/O).

The input is a verbatim scrape or paste of a news page from any newsroom (CGTN, Reuters,
AP, AFP, Xinhua, TASS, BBC, Kazinform, a press release…), so besides the title and
paragraphs it holds page chrome (``Download``, ``Search Trends``), a byline (``CGTN``),
datelines, headings, photo captions with a credit, wire sign-offs, lists, and video
timestamps (``01:50``). The conventions of news copy are recognised by
:mod:`l10n.article.newsroom`; the rules, in the order they apply:

1. **Lines.** ``\\r\\n``, ``\\r`` and ``\\n`` end a line; a leading BOM and the whitespace
   around each line (including no-break spaces) are dropped; blank lines separate blocks.
   A non-blank line that plainly ends mid-sentence (in ``,`` or ``;``, maybe before a
   closing quote; in a word such as ``and``, ``of``, ``at``; or a long line whose next
   line starts in lower case) continues on the next line, unless the next line is a list
   item, a dateline, a credit, a sign-off or furniture: hard-wrapped paragraphs become
   one block, list items stay apart.
2. **Kept as they are** (never translated, never dropped; see ``BlockKind``):
   **furniture** (``___``, ``###``, ``Our Standards: …``), a **dateline** (a line that is
   only a date/time: ``May 3, 2024 10:42 AM GMT+5``, ``Published 3 hours ago``), **media**
   (nothing to translate: ``01:50``, a number, a URL), a **signoff** (``(Reporting by …;
   Editing by …)``, ``… contributed to this report.``, ``Source: Xinhua``, ``Editor: X``)
   and a **credit** line (``Image source, Getty Images``, ``Photo: Akorda``).
3. **Chrome**: only at the edges of the page — before the title and after the last
   paragraph or caption. Before the title, a line is chrome when it is one of
   ``CHROME_WORDS`` or ``SECTION_WORDS`` (``World``, ``Markets``), or a short section
   label (at most :data:`LABEL_MAX_WORDS` words) standing above such a word. After the
   last paragraph, also a line of at most :data:`TRAILING_CHROME_MAX_WORDS` words without
   final punctuation (``Tags``, ``Caspian Sea``) or one starting with ``©`` /
   ``Copyright``. The same words in the middle of the article are text.
4. **Title**: the first remaining line — unless it holds several sentences, opens with a
   wire dateline or is a list item: then the article has no title (a one-paragraph brief,
   a pasted paragraph) and that line is a paragraph. **Byline**: the line right under the
   title (kept lines may stand between) when it is a short line without final punctuation
   (``CGTN``, ``By Jane Doe, Reuters``), or one that looks like names (``Emre Aslan``)
   under a subtitle without final punctuation. Listed chrome words around it (``Share``)
   are chrome too.
5. **Caption**: a line ending in a photo credit (``… 2025. REUTERS/Name``, ``(AP
   Photo/Name)``, `` /Xinhua``, ``Photo: Reuters`` …, see
   :func:`l10n.article.newsroom.credit_split`), a line opening with ``Image caption,``,
   or any line that occurs more than once. The credit is kept apart in
   :attr:`Block.credit`, the label in :attr:`Block.lead`; copies after the first have
   :attr:`Block.duplicate_of`.
6. **Heading**: a short line without final punctuation (``?`` allowed) that has text
   after it; a line wholly in parentheses (``(With input from Xinhua)``) is a note, and a
   list item (``- Founded: 2001``, ``2. Trade``), an interview line (``Q: Why?``), a line
   with several sentences or with a web or e-mail address is text, not a heading.
   Everything else is a **paragraph**; a paragraph opening with a wire dateline
   (``ASTANA, June 17 (Reuters) -``) keeps it in :attr:`Block.lead`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model import TRANSLATED_KINDS, Block, BlockKind, Document
from ..patterns import LINE_BREAK, LIST_MARKER, is_translatable, links
from .newsroom import (
    CHROME_WORDS,
    SECTION_WORDS,
    caption_label,
    credit_split,
    lead_dateline,
    untranslated_kind,
)
from .segment import split_sentences

HEADING_MAX_WORDS = 12
"""A heading is at most this many words."""
BYLINE_MAX_WORDS = 10
"""A byline is at most this many words."""
LABEL_MAX_WORDS = 3
"""Before the title, an unlisted line this short (a section label) above a listed chrome
word is chrome too."""
TRAILING_CHROME_MAX_WORDS = 5
"""After the last paragraph, a line this short without final punctuation is chrome."""

_FINAL_PUNCTUATION = re.compile(r"[.!:;,…][\"'”’)\]]*$")
_CHROME_TRIM = re.compile(r"[\s:….»›>]+$")
_CONTINUES = re.compile(r"[,;][\"'”’]?$")
_WRAP_MIN_CHARS = 40
# A line ending in one of these words stops mid-sentence: the next line continues it.
_OPEN_END = re.compile(
    r"\s(?:a|an|the|and|or|but|nor|of|to|in|on|at|by|for|from|with|into|onto|than|as|that"
    r"|which|who|whose|between|about|over|under|after|before|during|its|their|his|her|our"
    r"|is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|should|must)$"
)
_SPEAKER = re.compile(r"(?:Q|A)[:.]\s")
_NAME_LINE = re.compile(r"By .+|[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,4}")
# Only a line where a sentence may end inside is worth asking pySBD about.
_MAYBE_SENTENCES = re.compile(r"[.!?][\"'”’)]*\s+[\"“'‘(]?[A-Z0-9]")


@dataclass(frozen=True)
class _Line:
    """A block's text before classification: stripped text and its 1-based first line."""

    text: str
    line: int


def parse_document(text: str, *, path: Path, name: str, domain: str) -> Document:
    """Split the article ``text`` into classified blocks (pure: no I/O)."""
    lines = _join_wrapped(_source_lines(text))
    kinds = _classify(lines)
    blocks = _make_blocks(lines, kinds)
    return Document(path=path, name=name, domain=domain, blocks=blocks)


def _source_lines(text: str) -> list[_Line | None]:
    """Every source line stripped, ``None`` for a blank line."""
    text = text.removeprefix("\ufeff")
    result: list[_Line | None] = []
    for number, raw in enumerate(LINE_BREAK.split(text), start=1):
        stripped = raw.strip()
        result.append(_Line(stripped, number) if stripped else None)
    return result


def _join_wrapped(lines: list[_Line | None]) -> list[_Line]:
    """Non-blank lines as blocks, a hard-wrapped paragraph joined into one block."""
    blocks: list[_Line] = []
    previous: _Line | None = None
    for item in lines:
        if item is not None and previous is not None and _continues(previous.text, item.text):
            previous = _Line(f"{previous.text} {item.text}", previous.line)
            blocks[-1] = previous
            continue
        if item is not None:
            blocks.append(item)
        previous = item
    return blocks


def _continues(text: str, following: str) -> bool:
    """Whether ``text`` ends mid-sentence and ``following`` (the next line) continues it."""
    if LIST_MARKER.match(following) or not is_translatable(following):
        return False
    if credit_split(text) or _is_furniture_kind(following) or _is_furniture_kind(text):
        return False
    if _CONTINUES.search(text):
        return True
    if _ends_sentence(text):
        return False
    if _OPEN_END.search(text):
        return True
    return len(text) >= _WRAP_MIN_CHARS and following[:1].islower()


def _is_furniture_kind(text: str) -> bool:
    return untranslated_kind(text) is not None


def _classify(lines: list[_Line]) -> list[BlockKind]:
    """The kind of every block (see the module docstring for the rules)."""
    texts = [item.text for item in lines]
    counts = Counter(texts)
    kinds: list[BlockKind] = [_basic_kind(text, counts[text]) for text in texts]
    first = _mark_leading_chrome(texts, kinds)
    if first is None:
        return kinds
    if _is_title(texts[first]):
        kinds[first] = "title"
        _mark_byline(texts, kinds, first)
    else:
        first -= 1
    _mark_headings_and_trailing_chrome(texts, kinds, first)
    return kinds


def _basic_kind(text: str, count: int) -> BlockKind:
    kind = untranslated_kind(text)
    if kind in ("furniture", "dateline"):
        return kind
    if not is_translatable(text):
        return "media"
    if kind is not None:
        return kind
    if credit_split(text) or caption_label(text):
        return "caption"
    if count > 1 and not _is_chrome_word(text):
        return "caption"
    return "paragraph"


def _is_title(text: str) -> bool:
    """A first line that opens with a wire dateline or holds several sentences is text."""
    if lead_dateline(text) is not None or LIST_MARKER.match(text):
        return False
    return _MAYBE_SENTENCES.search(text) is None or len(split_sentences(text)) < 2


def _mark_leading_chrome(texts: list[str], kinds: list[BlockKind]) -> int | None:
    """Mark the chrome before the title; return the title's index (None: no text at all).

    The leading chrome runs up to the last listed word before the first line longer than
    a label, so a section label above it (``Opinion`` + ``Share``) goes with it.
    """
    last_chrome = -1
    for index, text in enumerate(texts):
        if kinds[index] not in TRANSLATED_KINDS:
            continue
        if _is_chrome_word(text) or _is_section_word(text):
            last_chrome = index
        elif len(text.split()) > LABEL_MAX_WORDS or _ends_sentence(text):
            break
    for index in range(last_chrome + 1):
        if kinds[index] in TRANSLATED_KINDS:
            kinds[index] = "chrome"
    return next(
        (i for i in range(last_chrome + 1, len(kinds)) if kinds[i] in TRANSLATED_KINDS), None
    )


def _mark_byline(texts: list[str], kinds: list[BlockKind], title: int) -> None:
    """Mark the byline under the title, and listed chrome words around it (``Share``).

    A subtitle without final punctuation may stand between title and byline; a byline
    after it must look like names (``Emre Aslan``, ``By Jane Doe``).
    """
    index = title + 1
    byline_seen = subtitle = False
    while index < len(texts) and kinds[index] not in ("heading", "caption"):
        text = texts[index]
        if kinds[index] == "paragraph" and _is_chrome_word(text):
            kinds[index] = "chrome"
        elif kinds[index] == "paragraph":
            short = len(text.split()) <= BYLINE_MAX_WORDS and not _ends_sentence(text)
            if byline_seen:
                return
            if short and (not subtitle or _NAME_LINE.fullmatch(text)):
                kinds[index] = "byline"
                byline_seen = True
            elif subtitle or _ends_sentence(text):
                return
            subtitle = True
        index += 1


def _mark_headings_and_trailing_chrome(
    texts: list[str], kinds: list[BlockKind], title: int
) -> None:
    """Headings need text after them; heading-like lines at the end are chrome."""
    text_after = False
    for index in range(len(texts) - 1, title, -1):
        kind, text = kinds[index], texts[index]
        if kind != "paragraph":
            text_after = text_after or kind == "caption"
            continue
        if links(text):
            text_after = True  # an address or a contact line is text, never a heading
        elif not text_after and (_is_chrome_word(text) or _is_copyright(text)):
            kinds[index] = "chrome"
        elif _is_heading_like(text) and text_after:
            kinds[index] = "heading"
        elif _is_heading_like(text) and len(text.split()) <= TRAILING_CHROME_MAX_WORDS:
            kinds[index] = "chrome"
        else:
            text_after = True


def _is_heading_like(text: str) -> bool:
    if text.startswith("(") and text.endswith(")"):
        return False  # an editorial note such as "(With input from Xinhua)"
    if LIST_MARKER.match(text) or _SPEAKER.match(text):
        return False  # a list item ("- Founded: 2001") or an interview question ("Q: Why?")
    if _MAYBE_SENTENCES.search(text):
        return False  # "Hello?? Who is there?": sentences, not a heading
    return len(text.split()) <= HEADING_MAX_WORDS and not _ends_sentence(text)


def _ends_sentence(text: str) -> bool:
    return _FINAL_PUNCTUATION.search(text) is not None


def _is_chrome_word(text: str) -> bool:
    return _CHROME_TRIM.sub("", text).casefold() in CHROME_WORDS


def _is_section_word(text: str) -> bool:
    return _CHROME_TRIM.sub("", text).casefold() in SECTION_WORDS


def _is_copyright(text: str) -> bool:
    return text.startswith("©") or text.casefold().startswith("copyright")


def _make_blocks(lines: list[_Line], kinds: list[BlockKind]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    first_copy: dict[str, int] = {}
    for index, (item, kind) in enumerate(zip(lines, kinds, strict=True)):
        text, credit, separator, lead = item.text, "", " ", None
        split = credit_split(text) if kind == "caption" else None
        if split is not None:
            text, separator, credit = split
        if kind == "caption":
            lead = caption_label(text)
        elif kind == "paragraph":
            lead = lead_dateline(text)
        duplicate_of = first_copy.setdefault(item.text, index) if kind == "caption" else index
        blocks.append(
            Block(
                index=index,
                kind=kind,
                text=text,
                line=item.line,
                credit=credit,
                credit_separator=separator,
                duplicate_of=None if duplicate_of == index else duplicate_of,
                lead=lead[0] if lead else "",
            )
        )
    return tuple(blocks)
