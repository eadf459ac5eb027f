"""PO lines as tokens, refusing what GNU ``msgfmt`` refuses (and what would change meaning).

Lines end at ``\\n`` only, as in gettext: U+2028, U+0085 or ``\\x1c`` inside a string
are characters, not line breaks. Every string must be one complete C string with
escapes that gettext understands; ``\\q`` (gettext: "invalid control sequence") is
refused, and so is ``\\x80``–``\\xff`` (a byte, not a character: write the character).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CatalogError

KEYWORDS = ("msgctxt", "msgid_plural", "msgid", "msgstr")
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?=[\s\"]|$)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"\s*$')
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]+|[0-7]{1,3}|.)")
_SIMPLE = {
    "n": "\n",
    "t": "\t",
    "b": "\b",
    "r": "\r",
    "f": "\f",
    "v": "\v",
    "a": "\a",
    "\\": "\\",
    '"': '"',
    "'": "'",
    "?": "?",
}
_BROKEN = (
    "broken string (a missing or unescaped quote) — fix the line in your PO editor or restore it"
)


@dataclass(frozen=True)
class Token:
    """One meaningful piece of a PO line.

    ``kind`` is a keyword (``msgid``, ``msgstr``, ``msgstr[]``…), ``string`` (a string
    after a keyword or a continuation), the same with ``#|`` before it for previous
    fields (``#|msgid``, ``#|string``), or a comment kind: ``#`` translator, ``#.``
    extracted, ``#:`` references, ``#,`` flags.
    """

    kind: str
    value: str
    line: int
    obsolete: bool = False
    index: int = 0
    """The ``n`` of ``msgstr[n]``."""


def tokenize(text: str, path: Path) -> list[Token]:
    """The tokens of PO ``text``; ``CatalogError`` (``path:line``) at the first bad line."""
    tokens: list[Token] = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw[:-1] if raw.endswith("\r") else raw
        if number == 1 and line.startswith("\ufeff"):
            line = line[1:]
        tokens += _line_tokens(line, number, path)
    return tokens


def _line_tokens(line: str, number: int, path: Path) -> list[Token]:
    stripped = line.strip(" \t")
    if not stripped:
        return []
    if stripped.startswith(("#~|", "#|")):
        body = stripped[3:] if stripped.startswith("#~|") else stripped[2:]
        return _message_tokens(body, number, path, prefix="#|") if body.strip() else []
    if stripped.startswith("#~"):
        body = stripped[2:]
        return _message_tokens(body, number, path, obsolete=True) if body.strip() else []
    if stripped.startswith("#"):
        return [_comment(stripped, number)]
    return _message_tokens(stripped, number, path)


def _comment(line: str, number: int) -> Token:
    mark = line[:2] if line[1:2] in (".", ":", ",") else "#"
    text = line[len(mark) :]
    return Token(mark, text[1:] if text.startswith(" ") else text, number)


def _message_tokens(
    body: str, number: int, path: Path, *, obsolete: bool = False, prefix: str = ""
) -> list[Token]:
    """A keyword and/or a string: ``msgid "…"``, ``msgstr[1] "…"`` or ``"…"``."""
    body = body.strip(" \t")
    tokens: list[Token] = []
    keyword = _KEYWORD.match(body)
    if keyword:
        kind = "msgstr[]" if keyword.group(2) is not None else keyword.group(1)
        index = int(keyword.group(2) or 0)
        tokens.append(Token(prefix + kind, "", number, obsolete, index))
        body = body[keyword.end() :].lstrip(" \t")
        if not body:
            return tokens
    if not body.startswith('"'):
        raise CatalogError(
            "syntax error — fix the line in your PO editor or restore it",
            path=path,
            line=number,
        )
    match = _STRING.match(body)
    if not match:
        raise CatalogError(_BROKEN, path=path, line=number)
    value = unescape(match.group(1), path, number)
    tokens.append(Token(prefix + "string", value, number, obsolete))
    return tokens


def unescape(text: str, path: Path, number: int) -> str:
    """The C string ``text`` (without its quotes) decoded as gettext decodes it."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: _escaped(m.group(1), path, number), text)


def _escaped(code: str, path: Path, number: int) -> str:
    if code in _SIMPLE:
        return _SIMPLE[code]
    octal = code[0] in "01234567"
    value = int(code[1:], 16) if code[0] == "x" else int(code, 8) if octal else -1
    if value < 0:
        raise CatalogError(
            f"invalid escape \\{code} (msgfmt: invalid control sequence) — write \\\\{code} "
            "for a backslash",
            path=path,
            line=number,
        )
    if value > 0x7F:
        raise CatalogError(
            f"escape \\{code} stands for a byte, not a character — write the character itself",
            path=path,
            line=number,
        )
    return chr(value)
