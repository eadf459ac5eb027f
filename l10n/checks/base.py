"""What every QA check is made of: the unit it looks at, its id, severity and documentation."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..glossary import base_language
from ..model import Glossary, Language, Severity

# Languages written without spaces between words or sentences.
UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "yue"})

# CLDR <delimiters> (common/main/*.xml): quotationStart, quotationEnd, alternate start, end.
# Babel 2.19 does not ship this part of CLDR, so the few rows we need are copied here.
_CLDR_QUOTES: dict[str, tuple[str, str, str, str]] = {
    "en": ("“", "”", "‘", "’"),
    "ru": ("«", "»", "„", "“"),
    "uk": ("«", "»", "„", "“"),
    "be": ("«", "»", "„", "“"),
    "kk": ("«", "»", "“", "”"),
    "ky": ("«", "»", "„", "“"),
    "uz": ("“", "”", "’", "‘"),
    "zh": ("“", "”", "‘", "’"),
    "ja": ("「", "」", "『", "』"),
    "de": ("„", "“", "‚", "‘"),
    "fr": ("«", "»", "«", "»"),
}


@dataclass(frozen=True)
class Unit:
    """One catalog entry as the checks see it."""

    source: str
    target: str
    language: Language
    glossary: Glossary


CheckFunction = Callable[[Unit], Iterable[str]]


@dataclass(frozen=True)
class Check:
    """A named QA check: ``func`` yields one message per problem it finds."""

    id: str
    severity: Severity
    func: CheckFunction

    @property
    def doc(self) -> str:
        """The first line of the check's docstring: its user documentation."""
        return (self.func.__doc__ or "").strip().splitlines()[0]

    @property
    def description(self) -> str:
        """Same as ``doc`` (the name the CLI uses)."""
        return self.doc

    def __call__(self, unit: Unit) -> list[str]:
        return list(self.func(unit))


def check(check_id: str, severity: Severity) -> Callable[[CheckFunction], Check]:
    """Decorator turning a generator of messages into a ``Check``."""

    def wrap(func: CheckFunction) -> Check:
        return Check(check_id, severity, func)

    return wrap


def primary_language(language: Language) -> str:
    """The language subtag of the catalog locale: ``zh`` for ``zh_Hans``."""
    return base_language(language.locale)


def is_unspaced(language: Language) -> bool:
    """True for languages that join words and sentences without spaces (Chinese, Japanese…)."""
    return primary_language(language) in UNSPACED_LANGUAGES


def quote_marks(language: Language) -> tuple[str, str, str, str]:
    """CLDR quotation marks of the language: start, end, alternate start, alternate end."""
    return _CLDR_QUOTES.get(primary_language(language), _CLDR_QUOTES["en"])


def language_name(language: Language) -> str:
    """The English name of the language (``Russian``), for messages."""
    return language.english_name or language.code


_NOT_IN_LINK = '\\s<>"«»“”\u3000-\u303f\u3400-\u9fff\uff00-\uffef'
URL_RE = re.compile(
    rf"(?<![A-Za-z0-9])(?:https?://|www\.)[^{_NOT_IN_LINK}]*[^{_NOT_IN_LINK}.,;:!?)\]'’]"
)
EMAIL_RE = re.compile(r"(?<![A-Za-z0-9.+-])[A-Za-z0-9.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


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
