"""Target languages: how the project, gettext/CLDR and Argos Translate spell each one.

Chinese (Simplified) is configured as ``zh`` and written to ``locales/zh_Hans/``: the script
subtag says "Simplified" whatever the region (mainland, Singapore), it is what Weblate and
CLDR use, ``babel.Locale.parse("zh_Hans")`` accepts it, and ``gettext.find(domain, "locales",
["zh_Hans"])`` falls back to ``zh`` as gettext expects. Argos names the same language ``zh``.
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

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


def resolve(code: str) -> Language:
    """Turn a user's language code (``ru``, ``kk``, ``zh``, ``zh-Hans``…) into a ``Language``.

    Raises ``LanguageError`` for a code CLDR does not know.
    """
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
