"""The publishing policy: which text of an article is shown in a language (pure).

Policy (the same for every format):

- A segment is published in the target language when its catalog entry is translated and
  reviewed (not fuzzy). Fuzzy (machine) entries are published only with ``include_fuzzy``.
  Anything else falls back to the English source sentence, so an export is always complete.
- Untranslatable lines (video timestamps such as ``01:50``) and caption credits (``/Xinhua``)
  are put back as they are; page chrome (``Download``, ``Search Trends``) is dropped.
- Repeated captions: a caption identical (text and credit) to the caption just before it is
  dropped, so a photo scraped three times in a row is shown once; the same caption further
  down the article, after other blocks, is kept.
- HTML and Markdown sources: a translation whose inline placeholders (``<1>…</1>``, ``<2/>``)
  differ from the source's (the ``markup`` check reports it) falls back to English too, so
  no link or image is ever lost or broken in an export.
- Sentences of a paragraph are joined with one space, without spaces in Chinese and Japanese,
  and with the source's own whitespace around English (fallback or identity) sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..article import inline
from ..article.segment import segment_blocks
from ..languages import is_unspaced
from ..model import Block, Catalog, Document, Language, Segment


@dataclass(frozen=True)
class Piece:
    """One sentence as published: its text, and whether it is the English fallback."""

    text: str
    fallback: bool = False
    joiner: str = ""
    """What follows it inside its block ("" after the last piece)."""


@dataclass(frozen=True)
class LocalBlock:
    """A block of the article as published in one language."""

    block: Block
    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        """The block's published text (a caption without its credit)."""
        return "".join(piece.text + piece.joiner for piece in self.pieces)


def translations(catalog: Catalog | None, *, include_fuzzy: bool) -> dict[str, str]:
    """msgid → msgstr for the entries the policy publishes."""
    if catalog is None:
        return {}
    found: dict[str, str] = {}
    for entry in catalog:
        if entry.obsolete or not entry.msgstr or entry.msgid in found:
            continue
        if include_fuzzy or not entry.fuzzy:
            found[entry.msgid] = entry.msgstr
    return found


def _is_repeat(block: Block, previous: Block | None) -> bool:
    return (
        previous is not None
        and block.kind == previous.kind == "caption"
        and (block.text.strip(), block.credit) == (previous.text.strip(), previous.credit)
    )


def published_blocks(document: Document) -> list[Block]:
    """The blocks an export shows: chrome dropped, adjacent repeated captions shown once."""
    kept: list[Block] = []
    for block in document.blocks:
        if block.kind == "chrome" or _is_repeat(block, kept[-1] if kept else None):
            continue
        kept.append(block)
    return kept


def _pieces(
    segments: Sequence[Segment], table: dict[str, str], unspaced: bool, marked: bool = False
) -> list[Piece]:
    texts: list[tuple[str, bool, bool]] = []  # (text, fallback, reads as English)
    for segment in segments:
        target = table.get(segment.text) if segment.translatable else None
        if marked and target is not None and not inline.matches(segment.text, target):
            target = None
        english = target is None or target == segment.text
        texts.append((segment.text if target is None else target, target is None, english))
    pieces = []
    for i, (segment, (text, fallback, english)) in enumerate(zip(segments, texts, strict=True)):
        if i == len(segments) - 1:
            joiner = ""
        elif english or texts[i + 1][2]:
            joiner = segment.separator or " "
        else:
            joiner = "" if unspaced else " "
        pieces.append(Piece(text, fallback and segment.translatable, joiner))
    return pieces


def localize(
    document: Document,
    catalog: Catalog | None,
    language: Language,
    *,
    include_fuzzy: bool = False,
    every_block: bool = False,
    pieces: Sequence[Segment] | None = None,
) -> tuple[LocalBlock, ...]:
    """The published blocks of ``document`` in ``language``, following the export policy.

    ``every_block``: every block but chrome, repeated captions included (an HTML or Markdown
    export puts a translation wherever the source has the text). ``pieces``: the
    document's :func:`~l10n.article.segment.segment_blocks`, when the caller has them.
    """
    table = translations(catalog, include_fuzzy=include_fuzzy)
    by_block: dict[int, list[Segment]] = {}
    for segment in segment_blocks(document) if pieces is None else pieces:
        by_block.setdefault(segment.block, []).append(segment)
    unspaced = is_unspaced(language)
    local = []
    shown = (
        [b for b in document.blocks if b.kind != "chrome"]
        if every_block
        else published_blocks(document)
    )
    for block in shown:
        segments = by_block.get(block.index, [])
        marked = block.markup is not None
        parts = _pieces(segments, table, unspaced, marked) if segments else [Piece(block.text)]
        local.append(LocalBlock(block, tuple(parts)))
    return tuple(local)
