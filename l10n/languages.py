"""Every language fact once: codes, CLDR names, scripts, spacing, quotation marks.

Chinese (Simplified) is configured as ``zh`` and written to ``locales/zh_Hans/``: the script
subtag says "Simplified" whatever the region (mainland, Singapore), it is what Weblate and
CLDR use, ``babel.Locale.parse("zh_Hans")`` accepts it, and ``gettext.find(domain, "locales",
["zh_Hans"])`` falls back to ``zh`` as gettext expects. Argos names the same language ``zh``.

Babel is imported only inside :func:`resolve`, so importing this module costs nothing.
"""

from __future__ import annotations

from .errors import LanguageError
from .model import Language

# Codes a user may type for a language whose catalog locale or MT code differs from the code.
_ALIASES: dict[str, tuple[str, str]] = {
    # code: (catalog locale, Argos code)
    "zh": ("zh_Hans", "zh"),
    "zh_hans": ("zh_Hans", "zh"),
    "zh_cn": ("zh_Hans", "zh"),
    "zh_sg": ("zh_Hans", "zh"),
    "zh_hant": ("zh_Hant", "zt"),
    "zh_tw": ("zh_Hant", "zt"),
    "zt": ("zh_Hant", "zt"),
}

UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "yue"})
"""Languages written without spaces between words or sentences."""

NON_LATIN_LANGUAGES = frozenset(
    {"ru", "kk", "uk", "be", "bg", "sr", "mk", "ky", "tg", "mn", "zh", "ja"}
)
"""Languages whose running text is not in the Latin script (Cyrillic, Han, kana)."""

SLAVIC_LANGUAGES = ("ru", "uk", "be")
"""Fusional: a word's ending changes with its case (``ШОС`` → ``ШОС-а``)."""
TURKIC_LANGUAGES = ("kk", "ky", "tt", "ba")
"""Agglutinative: the base word stays and suffixes follow (``ШЫҰ-ның``)."""

# CLDR <delimiters> (common/main/*.xml): quotationStart, quotationEnd, alternate start, end.
# Babel 2.19 does not ship this part of CLDR, so the few rows we need are copied here; they are
# checked against CLDR 48.2.0 (tests/data/cldr/delimiters-48.2.0.json, from npm cldr-misc-full).
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


# How a spaced language abbreviates a large number (26,500,000 → 26,5 млн): the power of ten
# and the words that may follow the scaled number. Chinese and Japanese count in 万 and 亿
# instead (l10n.checks.numbers).
MAGNITUDE_WORDS: dict[str, tuple[tuple[int, tuple[str, ...]], ...]] = {
    "ru": ((9, ("млрд", "миллиард")), (6, ("млн", "миллион")), (3, ("тыс", "тысяч"))),
    "uk": ((9, ("млрд", "мільярд")), (6, ("млн", "мільйон")), (3, ("тис", "тисяч"))),
    "kk": ((9, ("млрд", "миллиард")), (6, ("млн", "миллион")), (3, ("мың",))),
}

# How a decade (the 1990s) is written: a template with {year} (1990), {century} (20) and
# {decade} (90). The first is the one a message suggests; any of them passes.
DECADE_FORMS: dict[str, tuple[str, ...]] = {
    "ru": ("{year}-е", "{year}-х", "{year}-м", "{year}-ми", "{decade}-е", "{decade}-х"),
    "kk": ("{year}-жылдар", "{year} жылдар", "{year}-жж"),
    "zh": ("{century}世纪{decade}年代", "{year}年代", "{decade}年代"),
    "ja": ("{year}年代", "{decade}年代"),
}


def resolve(code: str) -> Language:
    """Turn a user's language code (``ru``, ``kk``, ``zh``, ``zh-Hans``…) into a ``Language``.

    Raises ``LanguageError`` for a code CLDR does not know.
    """
    from babel import Locale, UnknownLocaleError

    key = code.strip().replace("-", "_")
    if not key:
        raise LanguageError("empty language code — use a code such as ru, kk or zh")
    locale_id, mt_code = _ALIASES.get(key.lower(), (key, key.split("_")[0].lower()))
    try:
        locale = Locale.parse(locale_id)
    except (UnknownLocaleError, ValueError) as err:
        raise LanguageError(
            f"unknown language code {code!r} — use an ISO 639-1 code such as ru, kk or zh"
        ) from err
    return Language(
        code=code.strip(),
        locale=str(locale),
        mt_code=mt_code,
        english_name=locale.english_name or locale_id,
        native_name=locale.display_name or locale_id,
    )


def resolve_all(codes: list[str] | tuple[str, ...]) -> tuple[Language, ...]:
    """Resolve several codes, dropping repeats while keeping their order."""
    seen: dict[str, Language] = {}
    for code in codes:
        lang = resolve(code)
        seen.setdefault(lang.locale, lang)
    return tuple(seen.values())


def parse_list(value: str) -> tuple[str, ...]:
    """Split a ``--to ru,kk zh`` option value into codes."""
    return tuple(part for part in value.replace(",", " ").split() if part)


def base_language(lang: str) -> str:
    """``zh_Hans``, ``zh-CN`` → ``zh``: the language part of a code, lowercased."""
    return lang.replace("-", "_").split("_")[0].lower()


def primary_language(language: Language) -> str:
    """The language subtag of the catalog locale: ``zh`` for ``zh_Hans``."""
    return base_language(language.locale)


def column_keys(lang: str | Language) -> tuple[str, ...]:
    """The glossary columns that may hold a language's forms, most specific first.

    ``zh_Hans`` → (``zh_Hans``, ``zh``); a configured ``Language`` also tries its own code
    and its Argos code, so a ``zh``, ``zh_Hans`` or ``zh-CN`` column all serve Chinese.
    """
    if isinstance(lang, str):
        return tuple(dict.fromkeys((lang, base_language(lang))))
    keys = (lang.code, lang.locale, lang.mt_code, primary_language(lang))
    return tuple(dict.fromkeys(keys))


def is_unspaced(language: Language) -> bool:
    """True for languages that join words and sentences without spaces (Chinese, Japanese…)."""
    return primary_language(language) in UNSPACED_LANGUAGES


def quote_marks(language: Language) -> tuple[str, str, str, str]:
    """CLDR quotation marks of the language: start, end, alternate start, alternate end."""
    return _CLDR_QUOTES.get(primary_language(language), _CLDR_QUOTES["en"])


def language_name(language: Language) -> str:
    """The English name of the language (``Russian``), for messages."""
    return language.english_name or language.code


_GETTEXT_ALIASES = {
    "zh_Hans": ("zh_CN", "zh"),
    "zh_Hant": ("zh_TW",),
    "sr_Cyrl": ("sr",),
    "sr_Latn": ("sr@latin",),
}
"""Locale folders GNU gettext and Python's ``gettext`` look in for a script-tagged locale:
neither maps ``zh_CN`` to ``zh_Hans``, so ``LANG=zh_CN.UTF-8`` would not find it."""


def gettext_aliases(language: Language) -> tuple[str, ...]:
    """Other locale folder names the language's MO file should also be found under."""
    return _GETTEXT_ALIASES.get(language.locale, ())
