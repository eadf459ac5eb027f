"""The PO string wrapping as it was before the fast writer (commit 2ac322c), for comparison.

``wrap_field`` here is the old one, character by character over the reference line
breaker (:func:`l10n.po.linebreak.width_breaks_reference`, the old ``width_breaks``; its
``char_width`` now counts the soft hyphen and Hangul vowel jamo as msgcat does, which
changes nothing in the benchmark's catalog).
"""

from __future__ import annotations

import re
import sys

from l10n.po import linebreak
from l10n.po.format import _ESCAPES, PAGE_WIDTH


def wrap_field(prefix: str, name: str, value: str, *, wrap: bool = True) -> list[str]:
    """The old ``po_format.wrap_field``, unchanged but for the line breaker's new name."""
    after_break = len(prefix) + 1
    width = PAGE_WIDTH - 1 - after_break if wrap else sys.maxsize
    portions = _portions(value)
    out: list[str] = []
    first = True
    for index, (text, fixed) in enumerate(portions):
        more = index < len(portions) - 1
        breaks = linebreak.width_breaks_reference(text, fixed, width, len(name) + 1 if first else 0)
        if first and text and (more or len(name) + 1 > width or any(breaks)):
            out.append(f'{prefix}{name} ""')
            first = False
            breaks = linebreak.width_breaks_reference(text, fixed, width, 0)
        pieces = _split(text, breaks)
        head = f"{prefix}{name} " if first else prefix
        out.append(f'{head}"{pieces[0]}"')
        out += [f'{prefix}"{piece}"' for piece in pieces[1:]]
        first = False
    return out


def _portions(value: str) -> list[tuple[str, list[bool]]]:
    raw = re.split(r"(?<=\n)", value)
    if len(raw) > 1 and raw[-1] == "":
        raw.pop()
    portions = []
    for part in raw:
        text, fixed = [], []
        for char in part:
            if char in _ESCAPES:
                text += ["\\", _ESCAPES[char]]
                fixed += [False, True]
            else:
                text.append(char)
                fixed.append(False)
        if part.endswith("\n"):
            fixed[-2] = True
        portions.append(("".join(text), fixed))
    return portions


def _split(text: str, breaks: list[bool]) -> list[str]:
    pieces, start = [], 0
    for index, brk in enumerate(breaks):
        if brk:
            pieces.append(text[start:index])
            start = index
    pieces.append(text[start:])
    return pieces
