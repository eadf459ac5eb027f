"""Fast line breaking for PO strings: the same breaks as :mod:`l10n.po.linebreak`'s reference.

The text is mapped to one ASCII letter per line-break class and width (``str.translate``);
one regular expression built from gnulib's pair table finds break opportunities in those
letters, and lines are filled by bisecting prefix widths. Only the letters just before
each line's end are searched (backwards, in the reversed letters), so the Python work is
per line, not per character. Text holding a class whose breaks depend on more context
(combining marks, ZWJ, ZW, mandatory breaks) or a zero-width character goes to the
reference, :func:`~l10n.po.linebreak.width_breaks_reference`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Collection, Sequence
from functools import lru_cache
from itertools import accumulate

from .linebreak import (
    CLASSES,
    MANDATORY,
    char_width,
    line_break_class,
    pair_rule,
    width_breaks_reference,
)


def line_breaks(text: str, fixed: Collection[int], width: int, start_column: int) -> list[int]:
    """The positions where gnulib breaks ``text`` into lines of at most ``width`` columns.

    Same result as :func:`width_breaks_reference` (as positions instead of flags);
    ``fixed`` holds the positions where no break may go.
    """
    if start_column + len(text) * (1 if text.isascii() else 2) <= width:
        return []  # fits whatever the characters' widths
    analysed = _analyse(text)
    if analysed is None:
        flags = [index in fixed for index in range(len(text))]
        chosen = width_breaks_reference(text, flags, width, start_column)
        return [index for index, brk in enumerate(chosen) if brk]
    letters, columns = analysed
    if start_column + columns[-1] <= width:
        return []
    return _fill(letters, fixed, columns, width, start_column)


def first_breaks(
    text: str, fixed: Collection[int], width: int, start_column: int
) -> tuple[bool, list[int]]:
    """A field's first portion, after its name (``start_column`` wide), as gettext has it.

    ``(True, breaks)`` when the portion cannot stay on the name's line: it would need a
    break there, so it goes under an empty ``name ""`` line, broken from column 0;
    ``(False, [])`` when it stays (it fits, or no break could help).
    """
    if start_column + len(text) * (1 if text.isascii() else 2) <= width:
        return False, []
    analysed = _analyse(text)
    if analysed is None:
        if line_breaks(text, fixed, width, start_column):
            return True, line_breaks(text, fixed, width, 0)
        return False, []
    letters, columns = analysed
    if start_column + columns[-1] <= width:
        return False, []
    breaks = _fill(letters, fixed, columns, width, 0)
    if breaks:  # it breaks even from column 0, so after the name too
        return True, breaks
    # One line from column 0: it goes there if a break after the name is possible at all.
    return columns[-1] <= width and _first(letters, fixed, 0) >= 0, []


def _analyse(text: str) -> tuple[bytes, Sequence[int]] | None:
    """Class letters and prefix widths (``columns[i]``: the width of ``text[:i]``).

    None if the text holds a character whose breaks need the reference's context rules.
    """
    if text.isascii():
        letters = text.encode("ascii").translate(_ascii_letters())
    else:
        letters = _translate(text)
    if _UNSUPPORTED in letters:
        return None
    if text.isascii():
        return letters, range(len(text) + 1)  # every ASCII character is 1 column
    widths = letters.translate(_letter_widths())
    if widths.count(2) == 0:
        return letters, range(len(text) + 1)
    return letters, list(accumulate(widths, initial=0))


def _fill(
    letters: bytes, fixed: Collection[int], columns: Sequence[int], width: int, start: int
) -> list[int]:
    """gnulib's greedy fill: each line ends at its last opportunity that still fits.

    A line that no opportunity lets fit runs to its first opportunity. Lines after the
    first start at column 0. Only the few letters before each line's end are looked at:
    the last opportunity is searched for in the reversed letters.
    """
    backward = _patterns()[1]
    size, reverse = len(letters), letters[::-1]
    ranged = isinstance(columns, range)  # every character 1 column: no bisecting
    chosen: list[int] = []
    line, column, total = 0, start, columns[-1]
    while column + total - columns[line] > width:
        room = width - column + columns[line]
        fits = room if ranged else bisect_right(columns, room) - 1
        # The last opportunity in (line, fits]: the first match in the reversed letters.
        match = backward.search(reverse, size - 1 - fits, size - line)
        while match is not None and size - 1 - match.start() in fixed:
            match = backward.search(reverse, match.start() + 1, size - line)
        brk = _first(letters, fixed, line) if match is None else size - 1 - match.start()
        if brk < 0:
            break
        chosen.append(brk)
        line, column = brk, 0
    return chosen


def _first(letters: bytes, fixed: Collection[int], line: int) -> int:
    """The first opportunity after ``line`` (a match of ``forward`` ends at it), or -1."""
    forward = _patterns()[0]
    match = forward.search(letters, line)
    while match is not None and match.end() in fixed:
        match = forward.search(letters, match.start() + 1)
    return -1 if match is None else match.end()


# One letter per pair-table class and width: "g"/"&" is an East Asian (F/W/H) opening
# bracket, which breaks after a letter or digit (see pair_rule); " " is a space, and "!"
# marks what is left to the reference (context classes, zero-width characters).
_NAMES = [*CLASSES, "OPW"]
_NARROW = dict(zip(_NAMES, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg", strict=True))
_WIDE = dict(zip(_NAMES, "0123456789hijklmnopqrstuvwxyz#$%&", strict=True))
_UNSUPPORTED = b"!"
_CONTEXTCLASSES = ("CM", "ZWJ", "ZW", *MANDATORY)


class _Letters(dict[int, str]):
    """``str.translate`` table: code point -> class letter, filled on first sight."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        prop, width = line_break_class(char), char_width(char)
        if prop == "SP":
            letter = " "
        elif prop in _CONTEXTCLASSES or width == 0:
            letter = "!"
        else:
            if prop == "OP" and unicodedata.east_asian_width(char) in "FWH":
                prop = "OPW"
            letter = (_WIDE if width == 2 else _NARROW)[prop]
        self[code] = letter
        return letter


_LETTERS = _Letters()


def _translate(text: str) -> bytes:
    """The class letters of a non-ASCII text.

    Text that the single-byte KZ-1048 encoding holds (Russian and Kazakh news) is encoded
    and mapped with ``bytes.translate``, five times faster. Else ``str.translate`` over a
    list indexed by code point, about twice as fast as over a dict; the list covers the
    BMP and is filled on first sight of a character (an unfilled entry deletes the
    character, which is how a new one is noticed).
    """
    try:  # ASCII, Russian, Kazakh, dashes, guillemets, curly quotes…
        return text.encode("kz1048").translate(_kz1048_letters())
    except UnicodeEncodeError:  # CJK text fails at once, at its first character
        pass
    table = _bmp_letters()
    letters = text.translate(table)
    if len(letters) != len(text):
        for char in set(text):
            if ord(char) < len(table) and table[ord(char)] is None:
                table[ord(char)] = ord(_LETTERS[ord(char)])
        letters = text.translate(table)
    if not letters.isascii():  # a character beyond the BMP was left as it was
        letters = text.translate(_LETTERS)
    return letters.encode("ascii")


@lru_cache(maxsize=1)
def _kz1048_letters() -> bytes:
    """``bytes.translate`` table: a KZ-1048 byte -> the class letter of its character."""
    table = bytearray(b"!" * 256)
    for byte in range(256):
        try:
            char = bytes([byte]).decode("kz1048")
        except UnicodeDecodeError:
            continue
        table[byte] = ord(_LETTERS[ord(char)])
    return bytes(table)


@lru_cache(maxsize=1)
def _bmp_letters() -> list[int | None]:
    return [None] * 0x10000


@lru_cache(maxsize=1)
def _ascii_letters() -> bytes:
    """``bytes.translate`` table of the ASCII class letters (faster than ``str.translate``)."""
    return bytes(ord(_LETTERS[code]) if code < 128 else ord("!") for code in range(256))


@lru_cache(maxsize=1)
def _letter_widths() -> bytes:
    """``bytes.translate`` table: class letter -> its width in columns (1 or 2)."""
    wide = {ord(letter) for letter in _WIDE.values()}
    return bytes(2 if code in wide else 1 for code in range(256))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """Regexes over class letters that find break opportunities.

    ``forward``: a match ends exactly at an opportunity: the class before, then either a
    class the table breaks before directly, or spaces and a class it breaks before after
    spaces (one branch per group of classes with the same row). ``backward``: the same
    over the reversed letters (one branch per column); a match starts at an opportunity.
    """
    names = [name for name in _NAMES if name not in _CONTEXTCLASSES]
    rows, columns = [], []
    for name in names:
        rows.append((name, _matching(names, [pair_rule(name, other) for other in names])))
        columns.append((name, _matching(names, [pair_rule(other, name) for other in names])))
    forward = _alternation(rows, " +(?=[{}])", "(?=[{}])")
    backward = _alternation(columns, "(?= +[{}])", "(?=[{}])")
    return re.compile(forward.encode()), re.compile(backward.encode())


def _matching(names: list[str], rules: list[str]) -> tuple[str, str]:
    """Letters of the classes whose rule lets a break in directly, and after spaces."""
    direct = "".join(_letters(name) for name, rule in zip(names, rules, strict=True) if rule == "_")
    spaced = "".join(
        _letters(name) for name, rule in zip(names, rules, strict=True) if rule in "_%#"
    )
    return direct, spaced


def _alternation(groups: list[tuple[str, tuple[str, str]]], spaced: str, direct: str) -> str:
    """One branch per set of classes sharing their (direct, spaced) letters."""
    shared: dict[tuple[str, str], str] = {}
    for name, key in groups:
        shared[key] = shared.get(key, "") + _letters(name)
    branches = []
    for (direct_letters, spaced_letters), letters in shared.items():
        options = [spaced.format(spaced_letters)] if spaced_letters else []
        options += [direct.format(direct_letters)] if direct_letters else []
        if options:
            branches.append(f"[{letters}](?:{'|'.join(options)})")
    return "|".join(branches)


def _letters(name: str) -> str:
    """Both letters of a class (narrow and wide)."""
    return re.escape(_NARROW[name] + _WIDE[name])
