"""Plain frozen dataclasses that flow between the stages. No I/O here.

```
source/<slug>.txt ─read─▶ Document(blocks)
        ─segment─▶ Segment(...)
glossary.csv ─load─▶ Glossary(terms)
Segments ─translate─▶ Translation(...)
        ─catalog/merge─▶ polib.POFile
        ─check─▶ Issue(...)
        ─export─▶ text / Markdown / HTML / MO
```
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

BlockKind = Literal["chrome", "title", "byline", "heading", "paragraph", "caption", "media"]
"""What a block of the article is.

- ``chrome``: scraped page furniture (``Download``, ``Search Trends``); dropped from
  catalogs and exports.
- ``title``: the headline; ``byline``: the source/author line under it (``CGTN``).
- ``heading``: a short line without final punctuation between paragraphs.
- ``paragraph``: running text, split into sentences.
- ``caption``: a photo caption; its agency credit (``/Xinhua``) is kept in ``Block.credit``.
- ``media``: a video timestamp (``01:50``) or other text with nothing to translate.
"""

Origin = Literal["human", "tm", "mt", "none"]
Severity = Literal["error", "warning", "info"]


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
    untranslated: int = 0
    obsoleted: int = 0
    written: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)
