"""Text facts every stage shares: links, list markers, month names, script ranges (no I/O).

One place for each pattern, so that the reader, the checks and the exporter agree on what
a URL, a list item or a month is.
"""

from __future__ import annotations

import re

LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""What ends a line in an article: ``\\r\\n``, ``\\r`` or ``\\n``."""

HAN = "\u3400-\u9fff"
"""Chinese characters (CJK Unified Ideographs and Extension A), for character classes."""
CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
"""CJK scripts, symbols, punctuation and full-width forms, for character classes."""

_NOT_IN_LINK = f'\\s<>"«»“”\u3000-\u303f{HAN}\uff00-\uffef'
URL_RE = re.compile(
    rf"(?<![A-Za-z0-9])(?:https?://|www\.)[^{_NOT_IN_LINK}]*[^{_NOT_IN_LINK}.,;:!?)\]'’]"
)
"""A web address as written in running text (trailing punctuation left out)."""
EMAIL_RE = re.compile(r"(?<![A-Za-z0-9.+-])[A-Za-z0-9.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
"""An e-mail address."""

LIST_MARKER_TEXT = r"[-*•–]|(?P<number>\d{1,3})[.)]|(?P<letter>[a-z])[.)]"
"""A list item's marker: ``-``, ``*``, ``•``, ``–``, ``1.``, ``2)``, ``a.``, ``b)``."""
LIST_MARKER = re.compile(rf"(?P<marker>{LIST_MARKER_TEXT})(?P<space>\s+)(?=\S)")
"""A list item's marker at the start of a paragraph, with the space after it."""

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
"""An English month name or its abbreviation (``Jan``, ``Sept.``, ``December``)."""


def month_number(name: str) -> int:
    """1–12 for an English month name or abbreviation."""
    return MONTHS.index(name[:3].lower()) + 1


def links(text: str) -> list[str]:
    """The URLs and e-mail addresses in a text, in order."""
    found = [(m.start(), m.group()) for m in URL_RE.finditer(text)]
    found += [(m.start(), m.group()) for m in EMAIL_RE.finditer(_blank(URL_RE, text))]
    return [link for _, link in sorted(found)]


def _blank(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def strip_links(text: str) -> str:
    """The text with URLs and e-mail addresses blanked out (same length)."""
    return _blank(EMAIL_RE, _blank(URL_RE, text))


def is_translatable(text: str) -> bool:
    """Whether ``text`` has words to translate (False for timestamps, numbers,
    punctuation, and URLs or e-mail addresses alone)."""
    return any(char.isalpha() for char in strip_links(text))
