"""Blocks → sentence segments (pure).

Sentences are split by pySBD (rule-based, it passes 47 of the 48 English Golden Rules)
with a small fix-up layer of ours on top (:func:`split_sentences`):

- a piece that is only punctuation (pySBD cuts ``52-48...`` into ``52-48..`` + ``.``)
  goes back onto the sentence before it;
- a piece that is only a time phrase (``At 5 a.m.``, ``By 10:30 p.m.``) is no sentence:
  it is joined to the one after it (the one Golden Rule pySBD fails);
- a lone time-zone abbreviation after ``a.m.``/``p.m.`` (``EST.``) is joined to the
  sentence before it;
- a cut after an abbreviation is judged by what follows it (:data:`ABBREVIATIONS`):
  titles before a name (``Gov.``, ``Sen.``, ``Lt.``, ``Prof.``, ``St.``, ``Mt.``) and
  words that never end a sentence (``approx.``, ``incl.``, ``est.``, ``e.g.``, ``i.e.``,
  ``vs.``, ``cf.``) join whatever follows; ``No.``/``Nos.`` join a number; months
  (``Jan.``–``Dec.``), company words (``Co.``, ``Corp.``, ``Inc.``, ``Ltd.``), ``Jr.``,
  ``Sr.`` and ``etc.`` join a number, a lower-case word, punctuation or another company
  word, but before a capitalised word they may end the sentence (``… & Co. It closed``);
- a cut inside a web or e-mail address (``…/index.html?utm_source=x``) is undone.

Every fix-up looks only at the two pieces around one cut: the cost stays one pySBD call
per paragraph (per chunk of a very long one, :mod:`l10n.article.chunks`) plus a linear
pass.

Sentences are located in the original text, so joining ``sentence + separator`` over the
result always reproduces the input exactly, whatever pySBD does to whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import TRANSLATED_KINDS, Block, BlockKind, Document, Segment
from ..patterns import EMAIL_RE, LIST_MARKER, URL_RE, is_translatable
from .chunks import CHUNK, chunk_spans
from .inline import keep_pairs_whole, renumber

_PUNCTUATION_ONLY = re.compile(r"[\W_]+")
_TIME_PHRASE = re.compile(r"(?:[A-Z][a-z]*\s+)?\d{1,2}(?:[:.]\d{2})?\s*[ap]\.m\.", re.IGNORECASE)
_ENDS_WITH_TIME = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_TIME_ZONE = re.compile(r"[A-Z]{2,4}\.")

Span = tuple[int, int]


def _rules(rule: str, words: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), rule)


ABBREVIATIONS: dict[str, str] = {
    **_rules(
        "name",
        "Mr Mrs Ms Dr Prof Gov Sen Rep Gen Col Lt Capt Cpt Sgt Maj Adm Cmdr Rev Hon Pres"
        " Supt Insp Det Gens Sens Reps Messrs Mme St Mt Ft",
    ),
    **_rules("always", "approx incl est e.g i.e vs cf viz ca appr excl esp resp"),
    **_rules("number", "No Nos Nr Art Fig Figs Vol pp p"),
    **_rules(
        "lower",
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Co Corp Inc Ltd Bros Jr Sr etc"
        " Dept Univ Assn Ave Blvd Rd",
    ),
}
"""How a cut after ``<word>.`` is judged: ``name`` and ``always`` never end a sentence
(``name``: a title before a name), ``number`` joins a following number, ``lower`` joins
unless a capitalised word (a new sentence) follows."""
_COMPANY = ("Co.", "Corp.", "Inc.", "Ltd.", "LLC", "JSC", "PLC", "plc", "AG", "SA")
_LAST_WORD = re.compile(r"(?:^|[\s(\[\"“‘'–—/-])(?P<word>[A-Za-z]+(?:\.[A-Za-z]+)*)\.$")


def split_sentences(text: str, *, chunk_size: int | None = CHUNK) -> list[tuple[str, str]]:
    """Split ``text`` into ``(sentence, separator)`` pairs.

    The separator is the whitespace that followed the sentence ("" after the last one);
    ``"".join(s + sep for s, sep in split_sentences(text)) == text`` always holds.
    Leading whitespace, if any, stays at the start of the first sentence; text that is
    only whitespace gives one pair with an empty sentence. A text longer than two
    ``chunk_size`` goes to pySBD in chunks (:mod:`l10n.article.chunks`), with the same
    result; ``None`` never cuts.
    """
    if not text:
        return []
    if not text.strip():
        return [("", text)]
    spans = _fix_spans(text, _cover(text, _pysbd_spans(text, chunk_size)))
    pairs: list[tuple[str, str]] = []
    for number, (start, end) in enumerate(spans):
        following = spans[number + 1][0] if number + 1 < len(spans) else len(text)
        pairs.append((text[start:end], text[end:following]))
    return pairs


def _pysbd_spans(text: str, chunk_size: int | None) -> list[Span]:
    """pySBD's sentences located in ``text``, one pySBD call per chunk."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    chunks = chunk_spans(text, chunk_size) if chunk_size else [(0, len(text))]
    spans: list[Span] = []
    for start, end in chunks:
        part = text[start:end]
        pieces = [str(piece) for piece in segmenter.segment(part)]
        spans += [(start + a, start + b) for a, b in _locate(part, pieces)]
    return spans


def _locate(text: str, pieces: Iterable[str]) -> list[Span]:
    """Find each piece in ``text`` in order (pieces not found are skipped)."""
    spans: list[Span] = []
    cursor = 0
    for piece in pieces:
        wanted = piece.strip()
        found = text.find(wanted, cursor) if wanted else -1
        if found < 0:
            continue
        spans.append((found, found + len(wanted)))
        cursor = found + len(wanted)
    return spans


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
    addresses = [m.span() for pattern in (URL_RE, EMAIL_RE) for m in pattern.finditer(text)]
    for start, end in spans:
        piece = text[start:end]
        previous = text[fixed[-1][0] : fixed[-1][1]] if fixed else ""
        if fixed and (
            join_next
            or _belongs_to_previous(previous, piece)
            or _after_abbreviation(previous, piece)
            or _inside(addresses, fixed[-1][1], start)
        ):
            fixed[-1] = (fixed[-1][0], end)
        else:
            fixed.append((start, end))
        join_next = _TIME_PHRASE.fullmatch(text[fixed[-1][0] : fixed[-1][1]]) is not None
    return fixed


def _inside(addresses: list[Span], end: int, start: int) -> bool:
    """Whether the cut between ``end`` and ``start`` falls inside an address."""
    return any(first < start and end < last for first, last in addresses)


def _after_abbreviation(previous: str, piece: str) -> bool:
    """Whether ``previous`` ends in an abbreviation that ``piece`` continues."""
    match = _LAST_WORD.search(previous)
    rule = ABBREVIATIONS.get(match["word"]) if match else None
    if rule is None and match is not None and match["word"] == match["word"].capitalize():
        rule = ABBREVIATIONS.get(match["word"].lower())  # "Approx." opening a sentence
        rule = rule if rule == "always" else None
    if rule is None:
        return False
    head = piece[:1]
    if rule in ("name", "always"):
        return True
    if rule == "number":
        return head.isdigit()
    return head.isdigit() or head.islower() or not head.isalnum() or piece.startswith(_COMPANY)


def _belongs_to_previous(previous: str, piece: str) -> bool:
    if _PUNCTUATION_ONLY.fullmatch(piece):
        return True
    return _TIME_ZONE.fullmatch(piece) is not None and _ENDS_WITH_TIME.search(previous) is not None


def segment_blocks(document: Document) -> tuple[Segment, ...]:
    """Every segment of every non-chrome block, in order, repeats and untranslatables included.

    Titles, bylines, headings, captions (without their credit) and media are one segment
    each; paragraphs give one segment per sentence. A paragraph's wire dateline, a list
    item's marker (``1.``, ``-``) and a caption's label (``Image caption,``) are
    untranslatable segments before them. Datelines, credit lines, sign-offs and furniture
    are one untranslatable segment each. This is what rebuilds the article.
    """
    segments: list[Segment] = []
    for block in document.blocks:
        if block.kind != "chrome":
            segments.extend(_block_segments(block))
    return tuple(segments)


def segment_lines(document: Document) -> tuple[Segment, ...]:
    """Every block and what becomes of it, for an editor (``l10n segment --all``).

    The segments of :func:`segment_blocks`, plus each chrome block as one segment (kind
    ``chrome``: dropped) and each caption's credit as a segment of kind ``credit``
    after the caption's text; see :func:`fate`.
    """
    segments: list[Segment] = []
    for block in document.blocks:
        if block.kind == "chrome":
            segments.append(_segment(block, 0, (block.text, "", "chrome", False)))
            continue
        pieces = _block_segments(block)
        segments.extend(pieces)
        if block.credit:
            credit: _Piece = (block.credit, "", "credit", False)
            segments.append(replace(_segment(block, len(pieces), credit), id=f"b{block.index}.c"))
    return tuple(segments)


def fate(segment: Segment) -> str:
    """``translate`` (goes to the catalogs), ``keep`` (published as it is) or ``drop``."""
    if segment.kind == "chrome":
        return "drop"
    return "translate" if segment.translatable else "keep"


_Piece = tuple[str, str, BlockKind, bool]
"""(text, separator, kind, whether it may be translated)."""


def block_pairs(block: Block) -> list[_Piece]:
    """(text, separator, kind, translatable) of each segment; untranslated leads and
    markers apart.

    In a block with markup (HTML, Markdown) lists are markup and placeholder pairs stay
    whole in one segment; the placeholders keep the block's numbering here, each segment's
    text has them renumbered from 1 (:func:`l10n.article.inline.renumber`).
    """
    if block.kind not in TRANSLATED_KINDS:
        return [(block.text, "", block.kind, False)]
    pieces: list[_Piece] = []
    text = block.text
    if block.lead and text.startswith(block.lead):
        rest = text[len(block.lead) :]
        body = rest.lstrip()
        lead_kind: BlockKind = "furniture" if block.kind == "caption" else "dateline"
        pieces.append((block.lead, rest[: len(rest) - len(body)], lead_kind, False))
        text = body
    if block.kind != "paragraph":
        return [*pieces, (text, "", block.kind, True)]
    if block.markup is not None:
        whole = keep_pairs_whole(split_sentences(text))
        return [*pieces, *((s, sep, "paragraph", True) for s, sep in whole)]
    # pySBD sees the marker (it reads "1. a 2. b" as a list), then the marker goes apart.
    sentences = split_sentences(text)
    marker = LIST_MARKER.match(text)
    if marker is not None and sentences and sentences[0][0] == marker["marker"]:
        pieces.append((*sentences.pop(0), "paragraph", False))
    elif marker is not None and sentences and len(sentences[0][0]) > marker.end():
        pieces.append((marker["marker"], marker["space"], "paragraph", False))
        sentences[0] = (sentences[0][0][marker.end() :], sentences[0][1])
    return [*pieces, *((s, sep, "paragraph", True) for s, sep in sentences)]


def _segment(block: Block, position: int, piece: _Piece) -> Segment:
    text, separator, kind, translatable = piece
    return Segment(
        id=f"b{block.index}.s{position}",
        block=block.index,
        position=position,
        kind=kind,
        text=renumber(text) if block.markup is not None else text,
        line=block.line,
        separator=separator,
        translatable=translatable and is_translatable(text),
        references=(block.line,),
    )


def _block_segments(block: Block) -> list[Segment]:
    return [_segment(block, position, piece) for position, piece in enumerate(block_pairs(block))]


def segment_document(
    document: Document, pieces: Sequence[Segment] | None = None
) -> tuple[Segment, ...]:
    """The segments to translate: each distinct text once, at its first occurrence (once
    more where the same text is also kept untranslated somewhere).

    ``references`` lists every source line where the text occurs (in order, without
    repeats). Untranslatable segments are kept with ``translatable=False``. ``pieces``:
    :func:`segment_blocks` of the document, when the caller has it already.
    """
    first: dict[tuple[str, bool], Segment] = {}
    lines: dict[tuple[str, bool], list[int]] = {}
    for segment in segment_blocks(document) if pieces is None else pieces:
        # a text kept as it is in one place (a credit line) may be translated in another
        key = (segment.text, segment.translatable)
        first.setdefault(key, segment)
        seen = lines.setdefault(key, [])
        if segment.line not in seen:
            seen.append(segment.line)
    return tuple(replace(segment, references=tuple(lines[key])) for key, segment in first.items())
