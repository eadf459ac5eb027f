"""Rebuild each article in each language from its catalog: text, Markdown, HTML and MO.

Policy (the same for every format):

- A segment is published in the target language when its catalog entry is translated and
  reviewed (not fuzzy). Fuzzy (machine) entries are published only with ``include_fuzzy``.
  Anything else falls back to the English source sentence, so an export is always complete.
- Untranslatable lines (video timestamps such as ``01:50``) and caption credits (``/Xinhua``)
  are put back as they are; page chrome (``Download``, ``Search Trends``) is dropped.
- Repeated captions: a caption identical (text and credit) to the caption just before it is
  dropped, so a photo scraped three times in a row is shown once; the same caption further
  down the article, after other blocks, is kept.
- Sentences of a paragraph are joined with one space, without spaces in Chinese and Japanese,
  and with the source's own whitespace around English (fallback or identity) sentences.

Files: ``write_exports`` writes ``OUT/<locale>/<domain>.{txt,md,html}`` and
``OUT/<locale>/LC_MESSAGES/<domain>.mo`` (gettext's layout), each atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .catalog_io import atomic_write, write_mo
from .checks.base import is_unspaced
from .errors import CatalogError, ExportError
from .model import Block, Document, Language, Segment

if TYPE_CHECKING:
    import polib

FORMATS = ("txt", "md", "html")
"""Text formats ``export_document`` renders; ``write_exports`` also accepts ``mo``."""


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


def translations(catalog: polib.POFile | None, *, include_fuzzy: bool) -> dict[str, str]:
    """msgid → msgstr for the entries the policy publishes."""
    if catalog is None:
        return {}
    found: dict[str, str] = {}
    for entry in catalog:
        if entry.obsolete or not entry.msgstr or entry.msgid in found:
            continue
        if include_fuzzy or "fuzzy" not in entry.flags:
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


def _pieces(segments: Sequence[Segment], table: dict[str, str], unspaced: bool) -> list[Piece]:
    texts: list[tuple[str, bool, bool]] = []  # (text, fallback, reads as English)
    for segment in segments:
        target = table.get(segment.text) if segment.translatable else None
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
    catalog: polib.POFile | None,
    language: Language,
    *,
    include_fuzzy: bool = False,
) -> tuple[LocalBlock, ...]:
    """The published blocks of ``document`` in ``language``, following the export policy."""
    from .segment import segment_blocks

    table = translations(catalog, include_fuzzy=include_fuzzy)
    by_block: dict[int, list[Segment]] = {}
    for segment in segment_blocks(document):
        by_block.setdefault(segment.block, []).append(segment)
    unspaced = is_unspaced(language)
    local = []
    for block in published_blocks(document):
        segments = by_block.get(block.index, [])
        pieces = _pieces(segments, table, unspaced) if segments else [Piece(block.text)]
        local.append(LocalBlock(block, tuple(pieces)))
    return tuple(local)


def export_document(
    document: Document,
    catalog: polib.POFile | None,
    language: Language,
    *,
    fmt: str,
    include_fuzzy: bool = False,
) -> str:
    """The article rebuilt in ``language`` as ``txt``, ``md`` or ``html`` text.

    ``catalog`` may be None: everything falls back to English. Raises ``ExportError`` for an
    unknown format.
    """
    from . import render

    renderers = {"txt": render.render_txt, "md": render.render_md, "html": render.render_html}
    if fmt not in renderers:
        raise ExportError(f"unknown export format {fmt!r} — use one of txt, md, html, mo")
    blocks = localize(document, catalog, language, include_fuzzy=include_fuzzy)
    return renderers[fmt](document, blocks, language)


def _publish(path: Path, write: Callable[[], object]) -> None:
    """Run an atomic write from ``catalog_io``; a failure becomes an ``--out`` error."""
    try:
        write()
    except CatalogError as err:
        what = err.detail.split(" — ")[0]
        raise ExportError(f"{what} — choose a writable --out directory", path=path) from err


def export_path(out_dir: Path, document: Document, language: Language, fmt: str) -> Path:
    """Where a format goes: ``OUT/<locale>/<domain>.<fmt>``, MO under ``LC_MESSAGES/``."""
    folder = out_dir / language.locale
    if fmt == "mo":
        return folder / "LC_MESSAGES" / f"{document.domain}.mo"
    return folder / f"{document.domain}.{fmt}"


def write_exports(
    document: Document,
    catalog: polib.POFile | None,
    language: Language,
    out_dir: Path,
    *,
    formats: Iterable[str] = (*FORMATS, "mo"),
    include_fuzzy: bool = False,
) -> list[Path]:
    """Write the article in ``language`` in each format under ``out_dir``; return the paths."""
    formats = tuple(formats)
    for fmt in formats:
        if fmt not in (*FORMATS, "mo"):
            raise ExportError(f"unknown export format {fmt!r} — use one of txt, md, html, mo")
    written = []
    for fmt in formats:
        path = export_path(out_dir, document, language, fmt)
        if fmt == "mo":
            if catalog is None:
                continue
            _publish(path, partial(write_mo, catalog, path, include_fuzzy=include_fuzzy))
        else:
            text = export_document(
                document, catalog, language, fmt=fmt, include_fuzzy=include_fuzzy
            )
            _publish(path, partial(atomic_write, path, text.encode("utf-8")))
        written.append(path)
    return written
