"""Line breaking for PO strings, as GNU gettext does it (gnulib ``unilbrk``).

gettext breaks a string at Unicode line-break opportunities (UAX #14, the pair-table
algorithm) and fills each line greedily up to the page width, counting East Asian wide
characters as two columns. Matching it exactly is what lets ``msgcat`` leave our files
alone. The line-break class of each character comes from ``uniseg``'s Unicode data.

This module is the reference: :func:`possible_breaks` and :func:`width_breaks_reference`
transcribe gnulib character by character. ``linebreak_fast`` gives the same breaks much
faster from the same pair table (:func:`pair_rule`), and is what the writer uses.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

CLASSES = [
    "OP",
    "CL",
    "CP",
    "QU",
    "GL",
    "NS",
    "EX",
    "SY",
    "IS",
    "PR",
    "PO",
    "NU",
    "AL",
    "HL",
    "ID",
    "IN",
    "HY",
    "BA",
    "BB",
    "B2",
    "ZW",
    "CM",
    "WJ",
    "H2",
    "H3",
    "JL",
    "JV",
    "JT",
    "RI",
    "EB",
    "EM",
    "ZWJ",
]
_INDEX = {name: i for i, name in enumerate(CLASSES)}

# UAX #14 pair table (rows: class before, columns: class after).
# "^" no break even with spaces between, "%" break only after spaces, "_" break,
# "#"/"@" combining marks (no break before them).
_TABLE = """
^^^^^^^^^^^^^^^^^^^^^@^^^^^^^^^^
_^^%%^^^^%%____%%%__^#^________%
_^^%%^^^^%%%%%_%%%__^#^________%
^^^%%%^^^%%%%%%%%%%%^#^%%%%%%%%%
%^^%%%^^^%%%%%%%%%%%^#^%%%%%%%%%
_^^%%%^^^______%%%__^#^________%
_^^%%%^^^______%%%__^#^________%
_^^%%%^^^__%_%_%%%__^#^________%
_^^%%%^^^__%___%%%__^#^________%
%^^%%%^^^__%%%%%%%__^#^%%%%%_%%%
%^^%%%^^^__%%%_%%%__^#^________%
%^^%%%^^^%%%%%_%%%__^#^________%
%^^%%%^^^%%%%%_%%%__^#^________%
%^^%%%^^^%%%%%_%%%__^#^________%
_^^%%%^^^_%____%%%__^#^________%
_^^%%%^^^______%%%__^#^________%
_^^%_%^^^__%___%%%__^#^________%
_^^%_%^^^______%%%__^#^________%
%^^%%%^^^%%%%%%%%%%%^#^%%%%%%%%%
_^^%%%^^^______%%%_^^#^________%
____________________^___________
%^^%%%^^^%%%%%_%%%__^#^________%
%^^%%%^^^%%%%%%%%%%%^#^%%%%%%%%%
_^^%%%^^^_%____%%%__^#^___%%___%
_^^%%%^^^_%____%%%__^#^____%___%
_^^%%%^^^_%____%%%__^#^%%%%____%
_^^%%%^^^_%____%%%__^#^___%%___%
_^^%%%^^^_%____%%%__^#^____%___%
_^^%%%^^^______%%%__^#^_____%__%
_^^%%%^^^_%____%%%__^#^_______%%
_^^%%%^^^_%____%%%__^#^________%
_^^%%%^^^_____%%%%__^#^______%%%
""".split()  # noqa: SIM905

# Classes whose behaviour the pair table leaves open, resolved as gnulib does outside CJK
# encodings.
_RESOLVE = {
    "AI": "AL",
    "SA": "AL",
    "SG": "AL",
    "XX": "AL",
    "CJ": "NS",
    "CB": "B2",
    "AK": "AL",
    "AP": "AL",
    "AS": "AL",
    "VF": "AL",
    "VI": "AL",
}
MANDATORY = {"BK", "CR", "LF", "NL"}


@lru_cache(maxsize=4096)
def line_break_class(char: str) -> str:
    """The UAX #14 class of ``char``, resolved as gnulib does outside CJK encodings."""
    from uniseg.linebreak import line_break

    name = str(line_break(char))
    return _RESOLVE.get(name, name)


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Columns a character takes, as gnulib's ``uc_width`` counts them.

    0 for combining marks, format characters (the soft hyphen too) and the Hangul medial
    vowels and final consonants, which join the syllable before them; 2 for East Asian
    wide and fullwidth characters; else 1. (Checked against ``msgcat``.)
    """
    if unicodedata.category(char) in ("Mn", "Me", "Cf") or "\u1160" <= char < "\u1200":
        return 0
    if "\ud7b0" <= char < "\ud800":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def possible_breaks(text: str) -> list[bool]:
    """For each position, whether a line may break before that character (UAX #14)."""
    breaks = [False] * len(text)
    last = "BK"
    seen_space = False
    for index, char in enumerate(text):
        prop = line_break_class(char)
        if prop in MANDATORY:
            last, seen_space = "BK", False
        elif prop == "SP":
            seen_space = True
        elif prop in ("CM", "ZWJ") and last not in ("BK", "ZW") and not seen_space:
            continue
        else:
            if prop in ("CM", "ZWJ"):
                prop = "AL"
            if last == "ZW":
                breaks[index] = True
            elif last != "BK":
                rule = _rule(last, prop, char)
                breaks[index] = rule == "_" or (rule in "%#" and seen_space)
            last, seen_space = prop, False
    return breaks


def _rule(last: str, prop: str, char: str) -> str:
    # LB30 does not hold an East Asian opening bracket to the word before it.
    if prop == "OP" and last in ("AL", "HL", "NU") and unicodedata.east_asian_width(char) in "FWH":
        return "_"
    return _TABLE[_INDEX[last]][_INDEX[prop]]


def width_breaks_reference(
    text: str, fixed: list[bool], width: int, start_column: int
) -> list[bool]:
    """Where to break ``text`` so that lines fit in ``width`` columns (gnulib's greedy fill).

    ``fixed`` marks positions where no break may go (inside escape sequences); the first
    line starts at ``start_column``. The reference for :func:`line_breaks`.
    """
    if start_column + sum(char_width(char) for char in text) <= width:
        return [False] * len(text)  # fits: no break is ever needed
    possible = [ok and not no for ok, no in zip(possible_breaks(text), fixed, strict=True)]
    chosen = [False] * len(text)
    last_piece: int | None = None
    column, piece = start_column, 0
    for index, char in enumerate(text):
        if possible[index]:
            if last_piece is not None and column + piece > width:
                chosen[last_piece] = True
                column = 0
            last_piece = index
            column += piece
            piece = 0
        piece += char_width(char)
    if last_piece is not None and column + piece > width:
        chosen[last_piece] = True
    return chosen


def pair_rule(before: str, after: str) -> str:
    """The pair-table rule; ``OPW`` (an East Asian opening bracket) is handled as in _rule."""
    if before == "OPW":
        return pair_rule("OP", after)
    if after == "OPW":
        return "_" if before in ("AL", "HL", "NU") else pair_rule(before, "OP")
    return _TABLE[_INDEX[before]][_INDEX[after]]
