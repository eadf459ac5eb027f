"""Blocks → sentence segments (pure).

Sentences are split by pySBD (rule-based, it passes 47 of the 48 English Golden Rules)
with a small fix-up layer of ours on top (:func:`split_sentences`):

- a piece that is only punctuation (pySBD cuts ``52-48...`` into ``52-48..`` + ``.``)
  goes back onto the sentence before it;
- a piece that is only a time phrase (``At 5 a.m.``, ``By 10:30 p.m.``) is no sentence:
  it is joined to the one after it (the one Golden Rule pySBD fails);
- a lone time-zone abbreviation after ``a.m.``/``p.m.`` (``EST.``) is joined to the
  sentence before it.

Sentences are located in the original text, so joining ``sentence + separator`` over the
result always reproduces the input exactly, whatever pySBD does to whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..model import Block, Document, Segment
from ..patterns import LIST_MARKER, is_translatable
from .inline import keep_pairs_whole, renumber

_PUNCTUATION_ONLY = re.compile(r"[\W_]+")
_TIME_PHRASE = re.compile(r"(?:[A-Z][a-z]*\s+)?\d{1,2}(?:[:.]\d{2})?\s*[ap]\.m\.", re.IGNORECASE)
_ENDS_WITH_TIME = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_TIME_ZONE = re.compile(r"[A-Z]{2,4}\.")

Span = tuple[int, int]


def split_sentences(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into ``(sentence, separator)`` pairs.

    The separator is the whitespace that followed the sentence ("" after the last one);
    ``"".join(s + sep for s, sep in split_sentences(text)) == text`` always holds.
    Leading whitespace, if any, stays at the start of the first sentence; text that is
    only whitespace gives one pair with an empty sentence.
    """
    if not text:
        return []
    if not text.strip():
        return [("", text)]
    spans = _fix_spans(text, _locate(text, _pysbd_pieces(text)))
    pairs: list[tuple[str, str]] = []
    for number, (start, end) in enumerate(spans):
        following = spans[number + 1][0] if number + 1 < len(spans) else len(text)
        pairs.append((text[start:end], text[end:following]))
    return pairs


def _pysbd_pieces(text: str) -> list[str]:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return [str(piece) for piece in segmenter.segment(text)]


def _locate(text: str, pieces: Iterable[str]) -> list[Span]:
    """Find each piece in ``text`` in order; the spans cover all of ``text``."""
    spans: list[Span] = []
    cursor = 0
    for piece in pieces:
        wanted = piece.strip()
        found = text.find(wanted, cursor) if wanted else -1
        if found < 0:
            continue
        spans.append((found, found + len(wanted)))
        cursor = found + len(wanted)
    return _cover(text, spans)


def _cover(text: str, spans: list[Span]) -> list[Span]:
    """Stretch spans so that only whitespace lies between them and nothing is lost."""
    if not spans:
        return [(0, len(text.rstrip()))]
    starts = [0] + [start for start, _ in spans[1:]]
    limits = [*starts[1:], len(text)]
    # Anything pySBD left out between two pieces stays in the sentence before it.
    return [
        (start, end + len(text[end:limit].rstrip()))
        for start, (_, end), limit in zip(starts, spans, limits, strict=True)
    ]


def _fix_spans(text: str, spans: list[Span]) -> list[Span]:
    """Apply the fix-up rules of the module docstring, joining neighbouring spans."""
    fixed: list[Span] = []
    join_next = False
    for start, end in spans:
        piece = text[start:end]
        if fixed and (join_next or _belongs_to_previous(text[fixed[-1][0] : fixed[-1][1]], piece)):
            fixed[-1] = (fixed[-1][0], end)
        else:
            fixed.append((start, end))
        join_next = _TIME_PHRASE.fullmatch(text[fixed[-1][0] : fixed[-1][1]]) is not None
    return fixed


def _belongs_to_previous(previous: str, piece: str) -> bool:
    if _PUNCTUATION_ONLY.fullmatch(piece):
        return True
    return _TIME_ZONE.fullmatch(piece) is not None and _ENDS_WITH_TIME.search(previous) is not None


def segment_blocks(document: Document) -> tuple[Segment, ...]:
    """Every segment of every non-chrome block, in order, repeats and untranslatables included.

    Titles, bylines, headings, captions (without their credit) and media are one segment
    each; paragraphs give one segment per sentence, and a list item's marker (``1.``,
    ``-``) is an untranslatable segment before them. This is what rebuilds the article.
    """
    segments: list[Segment] = []
    for block in document.blocks:
        if block.kind != "chrome":
            segments.extend(_block_segments(block))
    return tuple(segments)


def block_pairs(block: Block) -> list[tuple[str, str]]:
    """(text, separator) of each segment; a list item's marker is a segment of its own.

    In a block with markup the placeholders keep the block's numbering here; each segment's
    text has them renumbered from 1 (:func:`l10n.article.inline.renumber`).
    """
    if block.kind != "paragraph":
        return [(block.text, "")]
    if block.markup is not None:  # HTML or Markdown: lists are markup, pairs stay whole
        return keep_pairs_whole(split_sentences(block.text))
    marker = LIST_MARKER.match(block.text)
    if marker is None:
        return split_sentences(block.text)
    return [(marker["marker"], marker["space"]), *split_sentences(block.text[marker.end() :])]


def _block_segments(block: Block) -> list[Segment]:
    pairs = block_pairs(block)
    return [
        Segment(
            id=f"b{block.index}.s{position}",
            block=block.index,
            position=position,
            kind=block.kind,
            text=renumber(text) if block.markup is not None else text,
            line=block.line,
            separator=separator,
            translatable=is_translatable(text),
            references=(block.line,),
        )
        for position, (text, separator) in enumerate(pairs)
    ]


def segment_document(document: Document) -> tuple[Segment, ...]:
    """The segments to translate: each distinct text once, at its first occurrence.

    ``references`` lists every source line where the text occurs (in order, without
    repeats). Untranslatable segments are kept with ``translatable=False``.
    """
    first: dict[str, Segment] = {}
    lines: dict[str, list[int]] = {}
    for segment in segment_blocks(document):
        first.setdefault(segment.text, segment)
        seen = lines.setdefault(segment.text, [])
        if segment.line not in seen:
            seen.append(segment.line)
    return tuple(replace(segment, references=tuple(lines[text])) for text, segment in first.items())
