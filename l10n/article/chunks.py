"""Cutting a long text into pieces that pySBD segments independently (pure).

pySBD's time grows with the square of a text's length (its abbreviation pass rewrites
the whole text once per abbreviation it meets), so a one-line 200 KB paragraph would
take many minutes. A long text is cut into chunks of about :data:`CHUNK` characters, at
sentence ends pySBD itself cannot join: a lowercase word of three letters or more that
is not one of pySBD's abbreviations, ``.``/``!``/``?``, spaces, then a capital and a
lowercase letter. A cut never falls where pySBD looks across it:

- inside a quotation, parenthesis, bracket or ``--`` aside (pySBD's own patterns, run
  over the whole text), or a ``" (…) "`` run;
- between the first and the last place where pySBD's list detection (numbered, lettered
  or roman items, which it pairs across the whole text) could rewrite an item.

Texts up to two chunks long are never cut, so ordinary paragraphs go to pySBD whole.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

CHUNK = 2000
"""Characters per chunk (a cut is made at the first safe sentence end after this)."""

Span = tuple[int, int]

_SENTENCE_END = re.compile(r"(?<![\w.'’\-])([a-z]{3,})[.!?] +(?=[A-Z][a-z])")
_PARENS_BETWEEN_QUOTES = re.compile(r"[\"”]\s\(.*\)\s[\"“]")


def chunk_spans(text: str, size: int = CHUNK) -> list[Span]:
    """``(start, end)`` of each chunk; they cover ``text`` and follow each other."""
    if len(text) <= 2 * size:
        return [(0, len(text))]
    blocked = _merge(_blocked(text))
    starts = [start for start, _ in blocked]
    cuts = [0]
    for cut in _safe_cuts(text):
        if cut - cuts[-1] < size or len(text) - cut < size:
            continue
        inside = bisect_right(starts, cut) - 1
        if inside < 0 or not blocked[inside][0] < cut < blocked[inside][1]:
            cuts.append(cut)
    return list(zip(cuts, [*cuts[1:], len(text)], strict=True))


def _safe_cuts(text: str) -> Iterator[int]:
    """Positions just after a sentence end pySBD cannot join (see the module docstring)."""
    abbreviations = _abbreviations()
    for match in _SENTENCE_END.finditer(text):
        if match[1] not in abbreviations:
            yield match.end()


def _merge(spans: list[Span]) -> list[Span]:
    """The same stretches, sorted, overlapping ones joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _blocked(text: str) -> list[Span]:
    """Stretches of ``text`` that pySBD reads as a whole, so no cut may fall inside."""
    spans = [match.span() for pattern in _between_patterns() for match in pattern.finditer(text)]
    spans += [match.span() for match in _PARENS_BETWEEN_QUOTES.finditer(text)]
    return spans + _list_ranges(text)


def _list_ranges(text: str) -> list[Span]:
    """For each kind of list item pySBD detects: from the first to the last place it would
    rewrite, when two neighbouring candidates are consecutive items (``4.`` then ``5.``)."""
    from pysbd.lists_item_replacer import ListItemReplacer as Lists

    roman = Lists.ROMAN_NUMERALS
    latin = Lists.LATIN_NUMERALS
    kinds = [
        (Lists.NUMBERED_LIST_REGEX_1, Lists.NUMBERED_LIST_REGEX_2, None),
        (Lists.NUMBERED_LIST_PARENS_REGEX, Lists.NUMBERED_LIST_PARENS_REGEX, None),
        (
            Lists.ALPHABETICAL_LIST_WITH_PERIODS,
            Lists.ALPHABETICAL_LIST_LETTERS_AND_PERIODS_REGEX,
            latin,
        ),
        (
            Lists.ALPHABETICAL_LIST_WITH_PERIODS,
            Lists.ALPHABETICAL_LIST_LETTERS_AND_PERIODS_REGEX,
            roman,
        ),
        (Lists.ALPHABETICAL_LIST_WITH_PARENS, Lists.EXTRACT_ALPHABETICAL_LIST_LETTERS_REGEX, latin),
        (Lists.ALPHABETICAL_LIST_WITH_PARENS, Lists.EXTRACT_ALPHABETICAL_LIST_LETTERS_REGEX, roman),
    ]
    ranges = []
    for candidates, sites, alphabet in kinds:
        items = [match.strip() for match in re.findall(candidates, text)]
        paired = _paired_items([i for i in items if alphabet is None or i in alphabet], alphabet)
        if paired:
            flags = re.IGNORECASE if alphabet else 0
            places = [
                m.span()
                for m in re.finditer(sites, text, flags)
                if m[0].strip().strip("(.)]").lower() in paired
            ]
            if places:
                ranges.append((places[0][0] - 1, places[-1][1] + 1))
    return ranges


def _paired_items(items: list[str], alphabet: list[str] | None) -> set[str]:
    """Items next to a consecutive one in pySBD's candidate list (generously: either way)."""
    values = [int(item) if alphabet is None else alphabet.index(item) for item in items]
    paired: set[str] = set()
    for index in range(len(items) - 1):
        a, b = values[index], values[index + 1]
        if abs(a - b) == 1 or {a, b} == {0, 9}:
            for item in items[index : index + 2]:  # pySBD rewrites "5." for a " 05" too
                paired |= {item.lower(), str(int(item)) if alphabet is None else item}
    return paired


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from pysbd.lang.english import English

    abbreviation = English.Abbreviation
    return frozenset(
        word.lower()
        for word in (
            *abbreviation.ABBREVIATIONS,
            *abbreviation.PREPOSITIVE_ABBREVIATIONS,
            *abbreviation.NUMBER_ABBREVIATIONS,
        )
    )


@lru_cache(maxsize=1)
def _between_patterns() -> tuple[re.Pattern[str], ...]:
    """pySBD's own quotation, bracket and dash patterns (those its segmenter applies)."""
    from pysbd.between_punctuation import BetweenPunctuation as Between

    return tuple(
        re.compile(pattern)
        for pattern in (
            Between.BETWEEN_SINGLE_QUOTES_REGEX,
            Between.BETWEEN_SINGLE_QUOTE_SLANTED_REGEX,
            Between.BETWEEN_DOUBLE_QUOTES_REGEX_2,
            Between.BETWEEN_QUOTE_ARROW_REGEX_2,
            Between.BETWEEN_QUOTE_SLANTED_REGEX_2,
            Between.BETWEEN_SQUARE_BRACKETS_REGEX_2,
            Between.BETWEEN_PARENS_REGEX_2,
            Between.BETWEEN_EM_DASHES_REGEX_2,
        )
    )
