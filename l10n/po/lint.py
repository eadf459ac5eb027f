"""A syntax pass over PO text that catches what polib lets through.

polib reads ``msgstr "Министр прибыл`` (no closing quote) as ``Министр прибы`` and
silently drops a trailing ``msgid "x``; a later write would then corrupt a translator's
work. Every string line must be one complete, properly escaped C string.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import CatalogError

_PREFIX = re.compile(r"^(?:#~\|?|#\|)?\s*")
_KEYWORD = re.compile(r"^(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=\s|\")\s*")
_STRING = re.compile(r'^"(?:[^"\\]|\\.)*"\s*$')


def check_strings(text: str, path: Path) -> None:
    """Raise ``CatalogError`` at the first string line that is not one complete string."""
    for number, line in enumerate(text.splitlines(), 1):
        if _is_plain_comment(line):
            continue
        body = _PREFIX.sub("", line, count=1)
        keyword = _KEYWORD.match(body)
        rest = body[keyword.end() :] if keyword else body
        if (keyword or rest.startswith('"')) and not _STRING.match(rest):
            raise CatalogError(
                "broken string (a missing or unescaped quote) — fix the line in your PO "
                "editor or restore it",
                path=path,
                line=number,
            )


def _is_plain_comment(line: str) -> bool:
    """Comments whose text is free (``#``, ``#.``, ``#:``, ``#,``), unlike ``#|`` and ``#~``."""
    return line.startswith("#") and not line.startswith(("#|", "#~"))
