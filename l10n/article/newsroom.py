"""Recognisers for the conventions of news copy (pure text facts, no I/O).

Each recogniser answers one question about one line of an article:

- :func:`credit_split` — does the line end in a photo credit? The credit conventions of the
  agencies and publishers: ``REUTERS/Name[/File Photo]``, ``(AP Photo/Name[, File])``,
  ``(Xinhua/Name)``, ``Xinhua/Name``, ``Name/TASS``, ``© Name/TASS``, ``EPA-EFE/NAME``,
  ``© Sputnik / Name``, ``AFP via Getty Images``, ``(Photo by Name / AFP)``,
  ``(Name - Anadolu Agency)``, labelled credits (``Photo: X``, ``Photo credit: X``,
  ``Credit: X``, ``Image source, X``, ``Photo courtesy of X``) and the slash suffix
  (`` /Xinhua``, ``/CFP``). A credit without a label or a leading slash only counts after
  a full sentence (``… 2025. Xinhua/Li Ming``), so ``and/or`` in running text is no credit.
- :func:`is_credit_line` — is the whole line a credit (BBC's ``Image source, Getty Images``
  above its caption, ``Photo: Akorda`` under a title)?
- :func:`is_dateline` — is the line only a date or time (``May 3, 2024 10:42 AM GMT+5``,
  ``Updated 14:05, 12-Jun-2024``, ``2025-06-17 19:05:32``, ``Published 3 hours ago``,
  ``17 JUN, 14:05``, ``Published: 12/06/2025 - 18:05``)? A lone clock time (``01:50``) is
  a video timestamp, not a dateline.
- :func:`lead_dateline` — does a paragraph open with a wire dateline (``ASTANA, June 17
  (Reuters) -``, ``WASHINGTON (AP) —``, ``ASTANA, June 17. /TASS/.``, ``ASTANA. KAZINFORM
  –``, ``TARAZ –``, ``Astana, 17 June 2025 –``)?
- :func:`is_signoff` — staff credits closing a wire story: ``(Reporting by …; Editing by
  …)``, ``*Writing by Name``, ``Associated Press writer X contributed to this report.``,
  ``Source: Xinhua``, ``Editor: Wang Fei``.
- :func:`is_furniture` — publisher boilerplate and rules: ``Our Standards: The Thomson
  Reuters Trust Principles.``, ``___``, ``###``, ``-30-``.
- :func:`caption_label` — BBC's ``Image caption,`` before a caption's text.
- :func:`untranslated_kind` — which of those whole-line kinds a line is, if any.
- :func:`marked_paragraph` — the same rules for a paragraph with inline placeholders
  (HTML, Markdown).
"""

from __future__ import annotations

import re

from ..model import BlockKind
from ..patterns import MONTH_NAME
from . import inline

AGENCIES: tuple[str, ...] = (
    "AFP",
    "AP",
    "AA",
    "Anadolu",
    "Anadolu Agency",
    "CFP",
    "EPA",
    "EPA-EFE",
    "Getty Images",
    "IC",
    "Kazinform",
    "Pool",
    "Reuters",
    "Sputnik",
    "TASS",
    "VCG",
    "Xinhua",
)
"""Agencies whose bare name after a caption's last sentence is a credit (any case)."""

CHROME_WORDS: frozenset[str] = frozenset(
    {
        "advertisement",
        "back to top",
        "close",
        "comments",
        "copy link",
        "download",
        "email",
        "facebook",
        "for immediate release",
        "follow us",
        "home",
        "listen",
        "loading",
        "log in",
        "menu",
        "more",
        "most read",
        "next",
        "play",
        "press release",
        "previous",
        "print",
        "read more",
        "related",
        "related articles",
        "related stories",
        "related topics",
        "save",
        "search",
        "search trends",
        "share",
        "share this article",
        "sign in",
        "skip to content",
        "skip to main content",
        "subscribe",
        "tags",
        "topics",
        "top stories",
        "trending",
        "twitter",
        "video",
        "watch",
        "whatsapp",
    }
)
"""Scraped UI words recognised as page chrome (compared case-insensitively, ignoring
trailing ``:``, ``…``, ``»``, ``›``, ``>`` and dots). Only lines at the page's edges count."""

SECTION_WORDS: frozenset[str] = frozenset(
    {
        "asia",
        "asia pacific",
        "asia-pacific",
        "business",
        "central asia",
        "culture",
        "economy",
        "europe",
        "health",
        "markets",
        "middle east",
        "news",
        "opinion",
        "politics",
        "science",
        "society",
        "sport",
        "sports",
        "technology",
        "world",
    }
)
"""Section names of news sites; before the title only, such a line is chrome."""

_NAME_WORD = r"(?:[A-Z][\w&'’.-]*|de|da|van|von|al|el|bin)"
_NAME = rf"[A-Z][\w&'’.-]*(?: {_NAME_WORD}){{0,4}}"
_PART = rf"(?:{_NAME}|File Photo|File|Pool)"
# Name/Agency[/File Photo], © Name/TASS, © Sputnik / Name
_SLASH = rf"(?:© ?)?{_PART}(?: ?/ ?{_PART}){{1,3}}"
_VIA = rf"(?:{_NAME} ?/ ?)?{_NAME} via {_NAME}"
_LABEL = (
    r"(?:Photos?|Pictures?|Images?|Video|File photo|Photograph"
    r"|(?:Photo|Image|Picture|Video) (?:credit|source)|Credits?)"
)
_COURTESY = r"(?:(?:Photo|Image|Picture) )?[Cc]ourtesy(?: of)? "
_LABELLED = rf"(?:{_LABEL}(?:: ?| by | ?/ ?)|Image source, |{_COURTESY})(?!\s)[^.!?;]{{1,70}}"
# On a line of its own a plural label is a gallery's heading ("Photos: Nowruz in Bishkek").
_LINE_LABEL = r"(?:Photo|Picture|Image|File photo|(?:Photo|Image|Picture) credit|Credit)"
_LINE_LABELLED = (
    rf"(?:{_LINE_LABEL}(?:: ?| by | ?/ ?)|Image source, |{_COURTESY})(?!\s)[^.!?;]{{1,70}}"
)
_AGENCY = "|".join(re.escape(name) for name in sorted(AGENCIES, key=len, reverse=True))
_DASHED = rf"{_NAME} [-–] (?:{_AGENCY})"
_PAREN = rf"\((?:{_LABELLED}|{_SLASH}|{_VIA}|{_DASHED}|AP Photo)(?:, File)?\)"
_AFTER_SENTENCE = re.compile(rf"(?:{_SLASH}|{_VIA}|{_LABELLED}|{_PAREN}|(?i:{_AGENCY}))")
_ANYWHERE = re.compile(_PAREN)
_LINE_CREDIT = re.compile(rf"(?:{_SLASH}|{_VIA}|{_LINE_LABELLED}|{_PAREN})")
_SLASH_SUFFIX = re.compile(
    r"(?P<sep>\s+|(?<=[.)\]”\"]))(?P<credit>/ ?[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2})$"
)
_SENTENCE_END = re.compile(r"(?<=[.!?\"”’)])\s+")
_CREDIT_MAX_CHARS = 70
_SLASH_SUFFIX_MAX_CHARS = 30


def credit_split(text: str) -> tuple[str, str, str] | None:
    """``(caption, separator, credit)`` when ``text`` ends in a photo credit, else None."""
    candidates = [found for found in _SENTENCE_END.finditer(text)][-3:]
    for found in reversed(candidates):
        tail = text[found.end() :]
        if len(tail) <= _CREDIT_MAX_CHARS and _AFTER_SENTENCE.fullmatch(tail):
            return _parts(text, found.start(), found.group())
    match = _SLASH_SUFFIX.search(text)
    if match is not None and len(match["credit"]) <= _SLASH_SUFFIX_MAX_CHARS:
        return _parts(text, match.start(), match["sep"])
    start = text.rfind(" (") if text.endswith(")") else -1
    tail = text[start + 1 :]
    if start > 0 and len(tail) <= _CREDIT_MAX_CHARS and _ANYWHERE.fullmatch(tail):
        return _parts(text, start, " ")
    return None


def _parts(text: str, start: int, separator: str) -> tuple[str, str, str] | None:
    caption = text[:start]
    if not caption.strip():
        return None
    return caption, separator, text[start + len(separator) :]


def is_credit_line(text: str) -> bool:
    """Whether the whole line is a photo credit (``Image source, Getty Images``)."""
    if text.startswith("By ") or len(text) > _CREDIT_MAX_CHARS or _SENTENCE_END.search(text):
        return False
    return _LINE_CREDIT.fullmatch(text) is not None


MONTH = MONTH_NAME
_WEEKDAY = r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|nesday|urday)?\.?"
_DATE_LABEL = re.compile(
    r"(?:(?:first|last) )?(?:updated|published|posted|modified|edited|created|released)"
    r"(?: (?:on|at))?:?\s+|(?:date|time):\s*",
    re.IGNORECASE,
)
_NUMERIC_DATE = r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
_DATE_TOKEN = re.compile(
    rf"{MONTH}|{_WEEKDAY}|{_NUMERIC_DATE}|\d{{1,2}}-{MONTH}-\d{{2,4}}"
    r"|\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?|[ap]\.?m\.?"
    r"|(?:gmt|utc|[a-z]{1,3}[sd]?t|msk|almt|z)(?:[+-]\d{1,2}(?::?\d{2})?)?"
    r"|ago|an?|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?"
    r"|at|on|local|time|today|yesterday|just|now|[-–—|·•/]"
    r"|(?:updated|published|posted|modified|edited):?",
    re.IGNORECASE,
)
_HAS_DATE = re.compile(rf"\b(?:{MONTH})(?!\w)|{_NUMERIC_DATE}", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:ago|yesterday|today|just now)\b", re.IGNORECASE)
_DATELINE_MAX_CHARS = 80


def is_dateline(text: str) -> bool:
    """Whether ``text`` is only a date, a time or both, maybe labelled (``Updated …``)."""
    if len(text) > _DATELINE_MAX_CHARS:
        return False
    label = _DATE_LABEL.match(text)
    rest = text[label.end() :] if label else text
    tokens = [token for token in re.split(r"[\s,()]+", rest) if token]
    if not tokens or not all(_DATE_TOKEN.fullmatch(token) for token in tokens):
        return False
    if not any(char.isdigit() for char in rest) and not _RELATIVE.search(rest):
        return False
    return label is not None or _HAS_DATE.search(rest) is not None or bool(_RELATIVE.search(rest))


_PLACE = r"[A-Z][A-Za-z'’.-]+(?:[ /-][A-Z][A-Za-z'’.-]+){0,3}"
_LEAD_DATE = rf"(?:(?i:{MONTH}) \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} (?i:{MONTH})(?: \d{{4}})?)"
_LEAD = re.compile(
    rf"(?P<lead>(?P<place>{_PLACE})"
    rf"(?:, {_LEAD_DATE}\. /(?P<wire>[A-Z]{{2,10}})/\."  # ASTANA, June 17. /TASS/.
    rf"|(?:, (?:(?P<date>{_LEAD_DATE})|[A-Z][a-z]+(?: [A-Z][a-z]+)?)){{0,2}}"
    rf"(?: (?P<agency>\([A-Z][\w.-]{{1,15}}(?: [A-Z][\w-]+)?\))|\. [A-Z]{{2,15}})?"
    r"\s+(?:--?|–|—)))(?P<sep>\s+)(?=\S)"
)


def lead_dateline(text: str) -> tuple[str, str] | None:
    """``(dateline, separator)`` when the paragraph ``text`` opens with a wire dateline.

    A place alone counts only in capitals (``TARAZ –``); a place in ordinary case needs an
    agency or a date (``Dushanbe (AFP) -``, ``Astana, 17 June 2025 –``).
    """
    match = _LEAD.match(text)
    if match is None:
        return None
    place = match["place"]
    marked = match["wire"] or match["agency"] or match["date"]
    if not marked and not (place.isupper() and len(place) >= 3):
        return None
    return match["lead"], match["sep"]


_STAFF = r"[A-Z][a-z]+(?: [a-z]+){0,2} by [^;()]+"
_STAFF_WORK = (
    r"(?:Additional |Contributing )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Ee]dited|[Ww]ritten"
    r"|[Cc]ompiled|[Tt]ranslated|[Pp]roduced|[Pp]hotos|[Gg]raphics|[Vv]ideo)"
)
_NAMES = r"[A-Z][\w'’.-]*(?:,? (?:[A-Z][\w'’.-]*|and|de|van|von|in|at))*"
_SIGNOFFS = (
    re.compile(rf"\({_STAFF}(?:; ?{_STAFF})*\)"),
    # "*Writing by Burak Dag", "Reporting by Ann Lee; Editing by Bo Chen" (no brackets)
    re.compile(
        rf"\*?{_STAFF_WORK}(?: and {_STAFF_WORK})? by {_NAMES}(?:; ?{_STAFF_WORK} by {_NAMES})*"
    ),
    re.compile(r"[A-Z][^.]{0,200}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?"),
    re.compile(
        r"(?:Source|Sources|Editor|Editors|Editing|Writer|Written by|Reporter|Reporting by"
        r"|Translated by|Translator|Compiled by|Responsible editor|Proofreader|Author)"
        r"\s*[:|]\s*[A-Z][\w&'’. -]{0,60}"
    ),
)


def is_signoff(text: str) -> bool:
    """Whether ``text`` is a line of staff credits or the story's source (not translated)."""
    return any(pattern.fullmatch(text) for pattern in _SIGNOFFS)


_FURNITURE = (
    re.compile(r"[_=*#~•·\-–—]{3,}|-30-|#{1,3}|ENDS?|\*\*\*"),
    re.compile(r"Our Standards: .{0,80}"),
)


def is_furniture(text: str) -> bool:
    """Whether ``text`` is a rule (``___``, ``###``) or publisher boilerplate (not translated)."""
    return any(pattern.fullmatch(text) for pattern in _FURNITURE)


_CAPTION_LABEL = re.compile(
    r"(?P<label>(?:Image|Photo|Picture|Video) caption[,:]|Caption:)(?P<sep>\s+)(?=\S)"
)


def caption_label(text: str) -> tuple[str, str] | None:
    """``(label, separator)`` when ``text`` opens with ``Image caption,`` or ``Caption:``."""
    match = _CAPTION_LABEL.match(text)
    return None if match is None else (match["label"], match["sep"])


def untranslated_kind(text: str) -> BlockKind | None:
    """``furniture``, ``dateline``, ``signoff`` or ``credit`` when the whole line ``text`` is
    one (published as it is, never translated); None for any other line."""
    if is_furniture(text):
        return "furniture"
    if is_dateline(text):
        return "dateline"
    if is_signoff(text):
        return "signoff"
    if is_credit_line(text):
        return "credit"
    return None


def marked_paragraph(text: str) -> tuple[BlockKind, str]:
    """``(kind, lead)`` of a paragraph whose ``text`` has inline placeholders: the kind is
    ``paragraph`` or :func:`untranslated_kind`'s; the lead is the wire dateline opening it,
    markup and all (``<1>WASHINGTON (AP)</1> —``), or "" (also when a pair runs on past it)."""
    plain = inline.plain(text)
    kind = untranslated_kind(plain)
    if kind is not None:
        return kind, ""
    found = lead_dateline(plain)
    if found is None:
        return "paragraph", ""
    for cut in (m.start() for m in re.finditer(r"\s", text)):
        prefix = text[:cut]
        if inline.plain(prefix) == found[0]:
            return "paragraph", prefix if inline.well_nested(prefix) else ""
    return "paragraph", ""
