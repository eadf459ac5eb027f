"""Plain frozen dataclasses that flow between the stages. No I/O here.

```
source/<slug>.txt ─article.read─▶ Document(blocks) ─article.segment─▶ Segment(...)
glossary.csv ─terms.glossary─▶ Glossary(terms)
Segments ─mt + terms.enforce─▶ Translation(...)
        ─po.entries / po.merge─▶ Catalog(entries: Entry…)   (po.io reads/writes files)
        ─checks─▶ Issue(...)
        ─publish─▶ text / Markdown / HTML / MO
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

BlockKind = Literal[
    "chrome",
    "title",
    "byline",
    "heading",
    "paragraph",
    "caption",
    "media",
    "dateline",
    "credit",
    "signoff",
    "furniture",
    "alt",
]
"""What a block of the article is (and, for a segment, what the piece is).

Translated (they go to the catalogs):

- ``title``: the headline; ``byline``: the source/author line under it (``CGTN``).
- ``heading``: a short line without final punctuation between paragraphs.
- ``paragraph``: running text, split into sentences; a list item is a paragraph whose
  marker (``-``, ``1.``, ``a.``) is an untranslated piece of its own.
- ``caption``: a photo caption; its credit (``/Xinhua``, ``REUTERS/Name``) is kept in
  ``Block.credit``, never translated.
- ``alt``: an image's alternative text (HTML ``alt``, Markdown ``![alt](…)``).

Kept as they are in every export, never sent to MT:

- ``media``: a video timestamp (``01:50``) or other text with nothing to translate.
- ``dateline``: a date or time line (``Updated 14:05, 12-Jun-2024``, ``Published 3 hours
  ago``); as a piece of a paragraph, the wire dateline opening it (``ASTANA, June 17
  (Reuters) -``).
- ``credit``: a photo credit on a line of its own (``Image source, Getty Images``).
- ``signoff``: the staff credits or source closing a wire story (``(Reporting by …;
  Editing by …)``, ``Associated Press writer X contributed to this report.``,
  ``Source: Xinhua``, ``Editor: Wang Fei``): names, not prose.
- ``furniture``: publisher boilerplate and rules (``Our Standards: The Thomson Reuters
  Trust Principles.``, ``___``, ``###``); as a piece of a caption, BBC's
  ``Image caption,`` label.

Dropped:

- ``chrome``: scraped page furniture at the page's edges (``Download``, ``Search
  Trends``); dropped from catalogs and exports, shown by ``l10n segment --all``.
"""

TRANSLATED_KINDS: frozenset[str] = frozenset(
    {"title", "byline", "heading", "paragraph", "caption", "alt"}
)
"""The block kinds whose text goes to the catalogs; every other kind except ``chrome`` is
published as it stands."""

Syntax = Literal["text", "html", "markdown"]
"""What a source file is written in: plain text, HTML or Markdown."""

Origin = Literal["human", "tm", "mt", "none"]
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class InlineTag:
    """What one numbered placeholder of a block stands for (``<1>…</1>`` or ``<2/>``).

    The spans are offsets in ``Document.source``; export copies that markup back byte for
    byte, so attributes (``href``, ``title``, ``class``) never enter a catalog.
    """

    number: int
    open: tuple[int, int]
    """The start tag (``<a href="…">``, Markdown ``[``), or the whole of a void element."""
    close: tuple[int, int] | None = None
    """The end tag (``</a>``, Markdown ``](url)``); None for a void placeholder (``<2/>``)."""


MarkupSyntax = Literal["html", "attribute", "markdown", "yaml"]
"""How a text is written back into its source: HTML text, an HTML attribute value (quotes
included), Markdown inline text, or a YAML scalar (front matter)."""


@dataclass(frozen=True)
class Markup:
    """Where a block's text stands in a marked-up source (HTML or Markdown)."""

    start: int
    end: int
    """``Document.source[start:end]`` is the block's text as written, inline markup included."""
    syntax: MarkupSyntax
    tags: tuple[InlineTag, ...] = ()
    head: bool = False
    """Text of the page's ``<head>`` (``<title>``) or front matter, not of the article body."""


@dataclass(frozen=True)
class Block:
    """One block of the source article, as it stands in the file."""

    index: int
    kind: BlockKind
    text: str
    """The block's text; for a caption, without its credit."""
    line: int
    """1-based line of the block in the source file."""
    credit: str = ""
    """A caption's agency credit as written, e.g. ``/Xinhua`` (empty when none)."""
    credit_separator: str = " "
    """What stands between the caption text and its credit in the source."""
    duplicate_of: int | None = None
    """For a repeated caption: the index of the first block with the same text."""
    lead: str = ""
    """The start of ``text`` kept untranslated: a paragraph's wire dateline (``ASTANA,
    June 17 (Reuters) -``) or a caption's label (``Image caption,``); empty when none."""
    markup: Markup | None = None
    """For an HTML or Markdown source: where the text is, what its placeholders stand for."""


@dataclass(frozen=True)
class HeadSlot:
    """Where an HTML page's language links go when it is exported: the source's own
    ``<link rel="canonical">`` and ``hreflang`` alternates (which name the English page)
    are taken out, and the export's are put in before ``</head>``."""

    insert_at: int
    indent: str
    """The indentation of each link's line (when ``newline``)."""
    newline: bool
    """One link per line (``</head>`` stands on a line of its own), else all of them
    straight before ``</head>``."""
    remove: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Document:
    """An article read into blocks."""

    path: Path
    """The file as given on the command line (or ``-`` for standard input)."""
    name: str
    """The path used in ``#:`` references, e.g. ``source/article.txt``."""
    domain: str
    """The gettext domain: the source file's stem."""
    blocks: tuple[Block, ...]
    syntax: Syntax = "text"
    source: str = ""
    """The decoded source file, for an HTML or Markdown source (export splices into it)."""
    lang_slot: tuple[int, int, str] | None = None
    """Where ``<html lang>`` goes: (start, end, template); ``source[start:end]`` is replaced by
    the template with ``{}`` filled with the language tag. None: nowhere (a fragment)."""
    bom: bool = False
    """The HTML or Markdown file starts with a UTF-8 byte order mark (``source`` has none)."""
    head: HeadSlot | None = None
    """An HTML page's ``<head>``, for its language links (None: a fragment, or no head)."""


@dataclass(frozen=True)
class Segment:
    """One unit of translation: a title, heading, caption, or one sentence of a paragraph."""

    id: str
    """Stable within one document: ``b<block>.s<position>``. Never used as a msgid."""
    block: int
    """Index of the block it belongs to (``Document.blocks``)."""
    position: int
    """0-based sentence index inside the block."""
    kind: BlockKind
    text: str
    line: int
    """1-based source line of the first occurrence."""
    separator: str
    """What followed this sentence in the source block ("" after the last one)."""
    translatable: bool
    references: tuple[int, ...] = ()
    """Every source line where this text occurs (repeated captions have several)."""


@dataclass(frozen=True)
class Article:
    """A source article read and segmented."""

    document: Document
    segments: tuple[Segment, ...]
    """Each distinct text once (what the catalogs hold)."""
    pieces: tuple[Segment, ...] = ()
    """Every segment of every block, in order (what rebuilds the article)."""


@dataclass(frozen=True)
class Term:
    """One glossary row."""

    term: str
    targets: dict[str, str]
    """Target form per language code (``ru``, ``kk``, ``zh``); may be empty for a language."""
    note: str = ""
    keep: bool = False
    """Do not translate: the term stays as it is in every language (brands such as CGTN)."""
    case_sensitive: bool = True
    row: int = 0
    """1-based row in glossary.csv (the header is row 1)."""

    def target(self, lang: str) -> str | None:
        """The form to use in ``lang``: the term itself when kept, else the listed form or None."""
        if self.keep:
            return self.term
        return self.targets.get(lang) or None


@dataclass(frozen=True)
class Glossary:
    """The terms of glossary.csv, in file order."""

    terms: tuple[Term, ...] = ()
    path: str = "glossary.csv"


@dataclass(frozen=True)
class Translation:
    """A proposed translation for one source text."""

    source: str
    target: str
    origin: Origin
    engine: str = ""
    """Provenance, e.g. ``argos translate-en_ru 1.9`` or ``tm``."""
    fuzzy: bool = True
    comments: tuple[str, ...] = ()
    """Extracted comments to add (glossary terms used, terms missing…)."""


@dataclass(frozen=True)
class Issue:
    """One QA finding."""

    check: str
    severity: Severity
    path: str
    line: int | None
    message: str
    language: str = ""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: [{self.check}] {self.message}"


@dataclass(frozen=True)
class Language:
    """A target language as the project names it, and how each tool spells it."""

    code: str
    """As configured: ``ru``, ``kk``, ``zh``."""
    locale: str
    """Catalog directory and PO ``Language`` header: ``ru``, ``kk``, ``zh_Hans``."""
    mt_code: str
    """Argos Translate's code: ``ru``, ``kk``, ``zh``."""
    english_name: str = ""
    native_name: str = ""


@dataclass(frozen=True)
class LanguageStats:
    """What a run did to one language's catalog."""

    language: str
    kept_human: int = 0
    kept_machine: int = 0
    kept_fuzzy: int = 0
    reused_tm: int = 0
    fuzzy_matched: int = 0
    translated: int = 0
    second_pass: int = 0
    """Sentences the engine translated twice to place glossary forms."""
    masked_first: int = 0
    """``check`` mode: sentences masked before MT because the model missed the forms."""
    untranslated: int = 0
    obsoleted: int = 0
    unchanged: int = 0
    """Articles skipped because nothing they come from changed since the last run."""
    written: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = field(default_factory=tuple)
    """What the run did that a reader may want to know, not a problem (printed as notes)."""


@dataclass(frozen=True)
class Entry:
    """One catalog message, typed: what a PO entry holds, without polib.

    ``l10n.po.io`` converts between files and these; every other stage works on them.
    """

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str = ""
    msgstr_plural: tuple[tuple[int, str], ...] = ()
    """``msgstr[n]`` of a plural entry, as (n, text) in index order."""
    flags: tuple[str, ...] = ()
    """``#,`` flags as written (``fuzzy``, ``python-format``, ``l10n-mt``…)."""
    translator_comments: str = ""
    """``# `` lines, joined with newlines: the translator's own notes."""
    extracted_comments: str = ""
    """``#.`` lines, joined with newlines: block kind, provenance, glossary notes."""
    references: tuple[tuple[str, str], ...] = ()
    """``#:`` source references as (file, line)."""
    previous_msgid: str | None = None
    previous_msgctxt: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int | None = None
    """1-based line of the entry's ``msgid`` in the file it was read from (None when made)."""

    @property
    def fuzzy(self) -> bool:
        """Whether the entry carries the ``fuzzy`` flag."""
        return "fuzzy" in self.flags

    @property
    def has_translation(self) -> bool:
        """A msgstr, or any ``msgstr[n]`` of a plural entry."""
        return bool(self.msgstr) or any(text for _, text in self.msgstr_plural)

    @property
    def worth_keeping(self) -> bool:
        """Holds a person's work: a translation or a translator comment (kept when obsolete)."""
        return self.has_translation or bool(self.translator_comments)

    @property
    def first_msgstr(self) -> str:
        """``msgstr``, or ``msgstr[0]`` of a plural entry."""
        if self.msgid_plural:
            return next((text for index, text in self.msgstr_plural if index == 0), "")
        return self.msgstr

    @property
    def translated(self) -> bool:
        """Reviewed, as gettext counts it: not obsolete, not fuzzy, every msgstr filled."""
        if self.obsolete or self.fuzzy:
            return False
        if self.msgid_plural:
            return bool(self.msgstr_plural) and all(text for _, text in self.msgstr_plural)
        return bool(self.msgstr)


@dataclass(frozen=True)
class Catalog:
    """A PO or POT file's content: header comment, metadata and entries, in file order."""

    entries: tuple[Entry, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    """The header msgstr as (key, value) pairs, in order."""
    header: str = ""
    """The comment lines above the header entry, joined with newlines."""
    fuzzy_header: bool = False

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def meta(self) -> dict[str, str]:
        """The metadata as a dict (a copy)."""
        return dict(self.metadata)

    def find(self, msgid: str, *, obsolete: bool = False) -> Entry | None:
        """The first entry with ``msgid`` (an obsolete one only when ``obsolete``)."""
        return next((e for e in self.entries if e.msgid == msgid and e.obsolete == obsolete), None)

    def with_entry(self, msgid: str, **changes: Any) -> Catalog:
        """A copy whose active entry ``msgid`` has ``changes`` (``dataclasses.replace``)."""
        entries = tuple(
            replace(e, **changes) if e.msgid == msgid and not e.obsolete else e
            for e in self.entries
        )
        return replace(self, entries=entries)

    def active(self) -> tuple[Entry, ...]:
        """Entries that are not obsolete."""
        return tuple(entry for entry in self.entries if not entry.obsolete)
