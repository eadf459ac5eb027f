"""PO text exactly as GNU gettext writes it (``msgcat``, ``msgmerge``).

polib wraps lines with :mod:`textwrap`, which disagrees with gettext; every file written
through ``format_catalog`` is what ``msgcat`` would print for it, so a translator's tools
and ours never fight over line breaks.
"""

from __future__ import annotations

import re
import sys

from ..model import Catalog, Entry
from . import linebreak_fast as linebreak

PAGE_WIDTH = 79
"""GNU gettext's default page width (``msgcat -w``)."""

_ESCAPES = {
    "\a": "a",
    "\b": "b",
    "\f": "f",
    "\n": "n",
    "\r": "r",
    "\t": "t",
    "\v": "v",
    "\\": "\\",
    '"': '"',
}


def format_catalog(catalog: Catalog, *, dates: dict[str, str] | None = None) -> str:
    """The catalog as GNU ``msgcat`` would print it (79 columns, obsolete entries last).

    One deliberate difference: an obsolete entry that holds only a translator comment is
    written (``msgcat`` would drop it with the comment).

    ``dates`` overrides the values of ``POT-Creation-Date``/``PO-Revision-Date``.
    """
    blocks = [_format_header(catalog, dates or {})]
    active = [e for e in catalog if not e.obsolete]
    # msgcat drops an obsolete entry without a translation; one with a translator's comment
    # is kept here all the same, so that the comment is never lost.
    obsolete = [e for e in catalog if e.obsolete and e.worth_keeping]
    blocks += [_format_entry(e) for e in active]
    blocks += [_format_obsolete(e) for e in obsolete]
    return "\n".join(blocks)


def _format_header(catalog: Catalog, dates: dict[str, str]) -> str:
    lines = _comment_lines("#", catalog.header) if catalog.header else []
    if catalog.fuzzy_header:
        lines.append("#, fuzzy")
    meta = catalog.meta
    values = {**meta, **{k: v for k, v in dates.items() if k in meta}}
    msgstr = "".join(f"{key}: {value}\n" for key, value in values.items())
    lines += wrap_field("", "msgid", "")
    lines += wrap_field("", "msgstr", msgstr)
    return "".join(line + "\n" for line in lines)


def _format_entry(entry: Entry) -> str:
    lines = _comment_lines("#", entry.translator_comments)
    lines += _comment_lines("#.", entry.extracted_comments)
    lines += _reference_lines(entry.references)
    return _format_message(lines, entry, "", "#| ")


def _format_obsolete(entry: Entry) -> str:
    lines = _comment_lines("#", entry.translator_comments)
    lines += _comment_lines("#.", entry.extracted_comments)
    return _format_message(lines, entry, "#~ ", "#~| ")


def _format_message(lines: list[str], entry: Entry, prefix: str, previous: str) -> str:
    """Flags, previous msgid and the message under ``lines``; ``no-wrap`` as gettext has it."""
    flags = _ordered_flags(entry.flags, translated=bool(entry.first_msgstr))
    if flags:
        lines.append("#, " + ", ".join(flags))
    wrap = "no-wrap" not in entry.flags
    lines += _previous_lines(previous, entry, wrap)
    lines += _message_lines(prefix, entry, wrap)
    return "".join(line + "\n" for line in lines)


def _ordered_flags(flags: tuple[str, ...], *, translated: bool) -> list[str]:
    """Flags in gettext's order: fuzzy, format flags, range, wrap, then any others."""
    # gettext drops "fuzzy" from an untranslated entry: there is nothing to be fuzzy about.
    fuzzy = ["fuzzy"] if "fuzzy" in flags and translated else []
    rest = [f for f in flags if f != "fuzzy"]
    return fuzzy + sorted(rest, key=_flag_group)


def _flag_group(flag: str) -> int:
    if flag.endswith("-format"):
        return 0
    if flag.startswith("range:"):
        return 1
    return 2 if flag in ("wrap", "no-wrap") else 3


def _comment_lines(mark: str, text: str) -> list[str]:
    if not text:
        return []
    return [f"{mark} {line}" if line else mark for line in text.split("\n")]


def _reference_lines(occurrences: tuple[tuple[str, str], ...]) -> list[str]:
    lines: list[str] = []
    current, column = "#:", 2
    for filename, line in occurrences:
        ref = f"{filename}:{line}" if line else filename
        if column > 2 and column + len(ref) + 1 > PAGE_WIDTH:
            lines.append(current)
            current, column = "#:", 2
        current += " " + ref
        column += len(ref) + 1
    if column > 2:
        lines.append(current)
    return lines


def _previous_lines(prefix: str, entry: Entry, wrap: bool) -> list[str]:
    lines: list[str] = []
    for name, value in (
        ("msgctxt", entry.previous_msgctxt),
        ("msgid", entry.previous_msgid),
        ("msgid_plural", entry.previous_msgid_plural),
    ):
        if value is not None and value != "":
            lines += wrap_field(prefix, name, value, wrap=wrap)
    return lines


def _message_lines(prefix: str, entry: Entry, wrap: bool) -> list[str]:
    fields: list[tuple[str, str]] = []
    if entry.msgctxt is not None:
        fields.append(("msgctxt", entry.msgctxt))
    fields.append(("msgid", entry.msgid))
    if entry.msgid_plural:
        fields.append(("msgid_plural", entry.msgid_plural))
        fields += [(f"msgstr[{i}]", text) for i, text in sorted(entry.msgstr_plural)]
    else:
        fields.append(("msgstr", entry.msgstr))
    return [line for name, value in fields for line in wrap_field(prefix, name, value, wrap=wrap)]


def wrap_field(prefix: str, name: str, value: str, *, wrap: bool = True) -> list[str]:
    """``name "value"`` split into lines the way GNU gettext's ``wrap()`` does.

    The string is cut after each ``\\n``; each portion is broken at Unicode line-break
    opportunities (UAX #14) so that no line exceeds 79 columns where it can be avoided.
    ``wrap=False`` (an entry flagged ``no-wrap``) cuts after ``\\n`` only.
    """
    after_break = len(prefix) + 1
    width = PAGE_WIDTH - 1 - after_break if wrap else sys.maxsize
    portions = _portions(value)
    text, fixed = portions[0]
    start = len(name) + 1
    # gettext writes `name ""` and starts on the next line when the first portion cannot
    # stay on the name's line: more portions follow, or it would need a break there.
    if len(portions) > 1 or (text and start > width):
        own_line, breaks = True, linebreak.line_breaks(text, fixed, width, 0)
    else:
        own_line, breaks = linebreak.first_breaks(text, fixed, width, start)
    out = [f'{prefix}{name} ""'] if own_line else []
    head = prefix if own_line else f"{prefix}{name} "
    for index, (text, fixed) in enumerate(portions):
        if index:
            breaks = linebreak.line_breaks(text, fixed, width, 0)
        if not breaks:
            out.append(f'{head}"{text}"')
        else:
            out.append(f'{head}"{text[: breaks[0]]}"')
            ends = [*breaks[1:], len(text)]
            out += [f'{prefix}"{text[a:b]}"' for a, b in zip(breaks, ends, strict=True)]
        head = prefix
    return out


_SPECIAL = re.compile('[\\a\\b\\f\\n\\r\\t\\v\\\\"]')
_ESCAPED_PAIR = re.compile(r"\\.")
_NO_FIXED: frozenset[int] = frozenset()
# The backslash first, so that no escape is escaped again.
_ESCAPE_ORDER = sorted(
    ((char, "\\" + code) for char, code in _ESCAPES.items()), key=lambda e: e[0] != "\\"
)


def _portions(value: str) -> list[tuple[str, frozenset[int]]]:
    """Escaped portions ending after each ``\\n``, with the positions where no break may go."""
    if _SPECIAL.search(value) is None:
        return [(value, _NO_FIXED)]  # nothing to escape (most text): one portion
    raw = re.split(r"(?<=\n)", value)
    if len(raw) > 1 and raw[-1] == "":
        raw.pop()
    portions = []
    for part in raw:
        text = part
        for char, escaped in _ESCAPE_ORDER:
            if char in text:
                text = text.replace(char, escaped)
        # No break inside an escape sequence, nor before a portion's final "\\n".
        fixed = {match.start() + 1 for match in _ESCAPED_PAIR.finditer(text)}
        if part.endswith("\n"):
            fixed.add(len(text) - 2)
        portions.append((text, frozenset(fixed)))
    return portions
