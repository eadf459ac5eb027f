"""Classify the lines of a plain-text English article into typed blocks (pure: no I/O).

The input is a verbatim scrape of a news page, so besides the title and paragraphs it
holds page chrome (``Download``, ``Search Trends``), a byline (``CGTN``), headings,
photo captions with an agency credit (``… October 27, 2020. /Xinhua``), captions repeated
by the scrape, and video timestamps (``01:50``). The rules, in the order they apply:

1. **Lines.** ``\\r\\n``, ``\\r`` and ``\\n`` end a line; a leading BOM and the whitespace
   around each line (including no-break spaces) are dropped; blank lines separate blocks.
   A non-blank line that plainly ends mid-sentence (a line ending in ``,`` or ``;``, maybe
   before a closing quote, or a long line whose next line starts in lower case or that
   ends in a word such as ``and``, ``of``, ``the``) continues on the next line, unless the
   next line is a list item: hard-wrapped paragraphs become one block.
2. **Media**: a line with nothing to translate (a timestamp ``1:02:03``, a number, a URL).
3. **Chrome**: only at the edges of the page — before the title and after the last
   paragraph or caption. Before the title, a line is chrome when it is one of
   :data:`CHROME_WORDS`, or a short section label (at most :data:`LABEL_MAX_WORDS`
   words, ``Opinion``) standing above such a word. After the last paragraph, also a
   line of at most :data:`TRAILING_CHROME_MAX_WORDS` words without final punctuation (a
   heading with no text after it is page furniture: ``Tags``, ``Caspian Sea``) or one
   starting with ``©`` / ``Copyright``. The same words in the middle of the article are
   text. Anywhere, a short dateline (``Updated 19:22, 11-May-2023``) is chrome.
4. **Title**: the first remaining line; **byline**: the line right under it (media and
   chrome lines may stand between) when it is a short line without final punctuation
   (``CGTN``, ``By Jane Doe, Reuters``). A subtitle of that shape is taken as a byline.
   Listed chrome words around the byline (``Share``) are chrome too, and so is a line
   there that is only a date (``May 17, 2023``): like a dateline, exports show it as
   the localized date line.
5. **Caption**: a line ending in an agency credit — `` /`` and a short capitalised name
   (``/Xinhua``, ``/CFP``, ``/AP``, ``/ Reuters``, ``/Getty Images``), or after a full
   sentence a labelled credit (``Photo: Reuters``, ``(Photo by Jane Doe/AFP)``,
   ``Photo/Xinhua``) — or any line that occurs more than once. The credit is kept apart in
   :attr:`Block.credit`; copies after the first have :attr:`Block.duplicate_of`.
6. **Heading**: a short line without final punctuation (``?`` allowed) that has text
   after it; a line wholly in parentheses (``(With input from Xinhua)``) is a note, a list
   item (``- Founded: 2001``, ``2. Trade``) or an interview line (``Q: Why?``) is text,
   not a heading. Everything else is a **paragraph**.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model import Block, BlockKind, Document
from ..patterns import LINE_BREAK, LIST_MARKER, MONTH_NAME, is_translatable

CHROME_WORDS: frozenset[str] = frozenset(
    {
        "advertisement",
        "back to top",
        "close",
        "comments",
        "copy link",
        "download",
        "email",
        "facebook",
        "follow us",
        "home",
        "listen",
        "loading",
        "log in",
        "menu",
        "more",
        "most read",
        "next",
        "play",
        "previous",
        "print",
        "read more",
        "related",
        "related articles",
        "related stories",
        "related topics",
        "save",
        "search",
        "search trends",
        "share",
        "share this article",
        "sign in",
        "skip to content",
        "subscribe",
        "tags",
        "topics",
        "top stories",
        "trending",
        "twitter",
        "video",
        "watch",
        "whatsapp",
    }
)
"""Scraped UI words recognised as page chrome (compared case-insensitively, ignoring
trailing ``:``, ``…``, ``»``, ``›``, ``>`` and dots). Only lines at the page's edges count."""

HEADING_MAX_WORDS = 12
"""A heading is at most this many words."""
BYLINE_MAX_WORDS = 10
"""A byline is at most this many words."""
LABEL_MAX_WORDS = 3
"""Before the title, an unlisted line this short (a section label) above a listed chrome
word is chrome too."""
TRAILING_CHROME_MAX_WORDS = 5
"""After the last paragraph, a line this short without final punctuation is chrome."""

_DATELINE = re.compile(
    r"(?:Updated|Published|Posted|First published|Last updated)\b(?=.*\d).{0,60}", re.IGNORECASE
)
_MONTH = MONTH_NAME
# A line that is only a date (and maybe a time) under the title: "May 17, 2023 10:30 GMT".
_DATE_ONLY = re.compile(
    rf"(?:[A-Z][a-z]+day,? )?(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}}[ -]{_MONTH}[ -]\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})(?:,? (?:at )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,5})?)?"
)
_CREDIT = re.compile(
    r"(?P<sep>\s+|(?<=[.)\]”\"]))"
    r"(?P<credit>/ ?[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2})$"
)
_CREDIT_MAX_CHARS = 30
_NAME = r"[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2}"
# "Photo: Reuters", "Photo by Jane Doe/AFP", "(Photo: Vasily Fedosenko/Reuters)", "Photo/Xinhua"
_LABELLED_CREDIT = re.compile(
    r"(?<=[.!?\"”’)])(?P<sep>\s+)"
    r"(?P<credit>(?P<open>\()?(?:Photos?|Pictures?|Images?|Credit|File photo|Video)"
    rf"(?::\s*| by | ?/ ?){_NAME}(?: ?/ ?{_NAME})?(?(open)\)))$"
)
_LABELLED_CREDIT_MAX_CHARS = 60
_FINAL_PUNCTUATION = re.compile(r"[.!:;,…][\"'”’)\]]*$")
_CHROME_TRIM = re.compile(r"[\s:….»›>]+$")
_CONTINUES = re.compile(r"[,;][\"'”’]?$")
_WRAP_MIN_CHARS = 40
# A long line ending in one of these words stops mid-sentence: the next line continues it.
_OPEN_END = re.compile(
    r"\s(?:a|an|the|and|or|but|nor|of|to|in|on|at|by|for|from|with|into|onto|than|as|that"
    r"|which|who|whose|between|about|over|under|after|before|during|its|their|his|her|our"
    r"|is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|should|must)$"
)
_SPEAKER = re.compile(r"(?:Q|A)[:.]\s")


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
    if _FINAL_PUNCTUATION.search(text) and not _CONTINUES.search(text):
        return False
    if _credit_match(text) or not is_translatable(following):
        return False
    if _CONTINUES.search(text):
        return True
    if len(text) < _WRAP_MIN_CHARS or LIST_MARKER.match(following):
        return False
    return following[:1].islower() or _OPEN_END.search(text) is not None


def _classify(lines: list[_Line]) -> list[BlockKind]:
    """The kind of every block (see the module docstring for the rules)."""
    texts = [item.text for item in lines]
    counts = Counter(texts)
    kinds: list[BlockKind] = [_basic_kind(text, counts[text]) for text in texts]
    first = _mark_leading_chrome(texts, kinds)
    if first is None:
        return kinds
    kinds[first] = "title"
    _mark_byline(texts, kinds, first)
    _mark_headings_and_trailing_chrome(texts, kinds, first)
    return kinds


def _basic_kind(text: str, count: int) -> BlockKind:
    if not is_translatable(text):
        return "media"
    if _DATELINE.fullmatch(text) and not _ends_sentence(text):
        return "chrome"
    if _credit_match(text) or (count > 1 and not _is_chrome_word(text)):
        return "caption"
    return "paragraph"


def _mark_leading_chrome(texts: list[str], kinds: list[BlockKind]) -> int | None:
    """Mark the chrome before the title; return the title's index (None: no text at all).

    The leading chrome runs up to the last listed word before the first line longer than
    a label, so a section label above it (``Opinion`` + ``Share``) goes with it.
    """
    last_chrome = -1
    for index, text in enumerate(texts):
        if kinds[index] in ("media", "chrome"):
            continue
        if _is_chrome_word(text):
            last_chrome = index
        elif len(text.split()) > LABEL_MAX_WORDS or _ends_sentence(text):
            break
    for index in range(last_chrome + 1):
        if kinds[index] != "media":
            kinds[index] = "chrome"
    return next(
        (i for i, kind in enumerate(kinds) if i > last_chrome and kind not in ("media", "chrome")),
        None,
    )


def _mark_byline(texts: list[str], kinds: list[BlockKind], title: int) -> None:
    """Mark the byline under the title, and listed chrome words around it (``Share``)."""
    index = title + 1
    byline_seen = False
    while index < len(texts) and kinds[index] in ("media", "chrome", "paragraph"):
        text = texts[index]
        if kinds[index] == "paragraph" and (_is_chrome_word(text) or _DATE_ONLY.fullmatch(text)):
            kinds[index] = "chrome"
        elif kinds[index] == "paragraph":
            short = len(text.split()) <= BYLINE_MAX_WORDS and not _ends_sentence(text)
            if byline_seen or not short:
                return
            kinds[index] = "byline"
            byline_seen = True
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
        if not text_after and (_is_chrome_word(text) or _is_copyright(text)):
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
    return len(text.split()) <= HEADING_MAX_WORDS and not _ends_sentence(text)


def _ends_sentence(text: str) -> bool:
    return _FINAL_PUNCTUATION.search(text) is not None


def _is_chrome_word(text: str) -> bool:
    return _CHROME_TRIM.sub("", text).casefold() in CHROME_WORDS


def _is_copyright(text: str) -> bool:
    return text.startswith("©") or text.casefold().startswith("copyright")


def _credit_match(text: str) -> re.Match[str] | None:
    """The agency credit at the end of a caption line, if any."""
    match = _CREDIT.search(text)
    if match is None or len(match["credit"]) > _CREDIT_MAX_CHARS:
        match = _LABELLED_CREDIT.search(text)
        if match is None or len(match["credit"]) > _LABELLED_CREDIT_MAX_CHARS:
            return None
    if not text[: match.start()].strip():
        return None
    return match


def _make_blocks(lines: list[_Line], kinds: list[BlockKind]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    first_copy: dict[str, int] = {}
    for index, (item, kind) in enumerate(zip(lines, kinds, strict=True)):
        text, credit, separator = item.text, "", " "
        match = _credit_match(text) if kind == "caption" else None
        if match is not None:
            text, credit, separator = text[: match.start()], match["credit"], match["sep"]
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
            )
        )
    return tuple(blocks)
