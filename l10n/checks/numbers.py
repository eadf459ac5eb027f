"""Numbers: every number of the source in the target, written the way the locale writes it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel.numbers import get_decimal_symbol, get_group_symbol

from ..languages import (
    DECADE_FORMS,
    MAGNITUDE_WORDS,
    base_language,
    is_unspaced,
    language_name,
    primary_language,
)
from ..patterns import MONTH_NAME, strip_links
from .base import Unit, check

_LETTERS = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_TIME = re.compile(r"(?<![\d:.,])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
# Wire-service clock times: "(0200 GMT)", "1430 local time" — a time, not the number 200.
_MILITARY = re.compile(
    r"(?<![\d:.,])([01]\d|2[0-3])([0-5]\d)(?=\s*(?:GMT|UTC|Z\b|hrs\b|hours\b|local time))"
)
_DECADE = re.compile(r"(?<![\d.,'’])((1\d|20)(\d)0)s\b")
_SOURCE_NUMBER = re.compile(
    rf"(?<![{_LETTERS}\d.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?![{_LETTERS}\d]|[.,]\d)"
)
_TARGET_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
_SPACES = (" ", "\u00a0", "\u202f")
_MONTHS = re.compile(rf"\b{MONTH_NAME}")
_CARDINALS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty"
)
_ORDINALS = "- first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
# Number words of the source whose value a translation may write in digits ("six" → 6).
_WORD_VALUES = {
    word: value
    for words in (_CARDINALS, _ORDINALS)
    for value, word in enumerate(words.split())
    if word != "-"
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_WORD_VALUES) + r")\b", re.IGNORECASE)
# Chinese and Japanese count in 万 (10^4) and 亿 (10^8): "423.2 billion" is "4232亿", and
# "423.2亿" is a classic machine-translation error (42.32 billion).
_SCALES: dict[str, tuple[tuple[Decimal, str], ...]] = {
    "thousand": ((Decimal("0.1"), "万"), (Decimal(1), "千")),
    "million": ((Decimal(100), "万"), (Decimal("0.01"), "亿"), (Decimal(1), "百万")),
    "billion": ((Decimal(10), "亿"), (Decimal(1), "十亿")),
}
_SPELLED_OUT_MAX = 10
# Without a scale word, Chinese and Japanese still write large numbers in 万 and 亿
# (12,000 → 1.2万, 300,000,000 → 3亿).
_COUNTING_UNITS = ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))
_SCALE_AFTER = re.compile(r"\s+(thousand|million|billion)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Number:
    text: str
    value: Decimal
    scale: str


def _plain(text: str) -> str:
    """The text without URLs, e-mail addresses and clock times, whose digits are not numbers."""
    return _MILITARY.sub(" ", _TIME.sub(" ", strip_links(text)))


def source_times(source: str) -> list[tuple[str, tuple[str, ...]]]:
    """Clock times of the source, each with the ways a translation may write it."""
    text = strip_links(source)
    times: list[tuple[str, tuple[str, ...]]] = [(t, (t,)) for t in _TIME.findall(text)]
    for match in _MILITARY.finditer(text):
        hours, minutes = match.groups()
        forms = (f"{hours}:{minutes}", f"{int(hours)}:{minutes}", match.group())
        times.append((match.group(), forms))
    return times


def source_numbers(source: str) -> list[_Number]:
    """The numbers written in an English text, with the scale word that follows each."""
    plain = _plain(source)
    found = []
    for match in _SOURCE_NUMBER.finditer(plain):
        scale = _SCALE_AFTER.match(plain, match.end())
        value = Decimal(match.group().replace(",", ""))
        found.append(_Number(match.group(), value, scale.group(1).lower() if scale else ""))
    return found


def _is_year(text: str) -> bool:
    return re.fullmatch(r"1\d{3}|20\d{2}|2100", text) is not None


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


def _decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def expected_forms(number: _Number, locale: str, unspaced: bool) -> list[str]:
    """Ways the locale may write the number, the preferred CLDR form first."""
    integer, _, fraction = number.text.replace(",", "").partition(".")
    decimal = get_decimal_symbol(locale)
    tail = decimal + fraction if fraction else ""
    if _is_year(number.text) or len(integer) < 4:
        forms = [integer + tail]
    else:
        group = get_group_symbol(locale)
        separators = [group, *(s for s in _SPACES if group in _SPACES and s != group)]
        forms = [_group(integer, sep) + tail for sep in separators] + [integer + tail]
    if unspaced and number.scale:
        scaled = [_decimal_text(number.value * f) + unit for f, unit in _SCALES[number.scale]]
        units = [unit for factor, unit in _SCALES[number.scale] if factor == 1]
        forms = [*scaled, *(form + unit for form in forms for unit in units)]
    elif unspaced:
        forms += [_decimal_text(value) + unit for value, unit in _counted(number.value)]
    else:
        forms += _abbreviated(number, locale, decimal)
    return forms


def _abbreviated(number: _Number, locale: str, decimal: str) -> list[str]:
    """``26,500,000`` as ``26,5 млн``: a large number scaled to the locale's magnitude word."""
    forms = []
    for power, scaled in _magnitudes(number.value, locale):
        text = _decimal_text(scaled).replace(".", decimal)
        words = dict(MAGNITUDE_WORDS[base_language(locale)])[power]
        forms += [f"{text}{space}{word}" for word in words for space in _SPACES]
    return forms


def _magnitudes(value: Decimal, locale: str) -> list[tuple[int, Decimal]]:
    """(power of ten, value scaled) for each magnitude word of the locale the value reaches."""
    table = MAGNITUDE_WORDS.get(base_language(locale), ())
    return [(power, value / Decimal(10) ** power) for power, _ in table if value >= 10**power]


def _counted(value: Decimal) -> list[tuple[Decimal, str]]:
    """``value`` in 万 and 亿 (``12000`` → ``1.2`` 万), for the units it reaches."""
    return [(value / unit, name) for unit, name in _COUNTING_UNITS if value >= unit]


def _occurs(form: str, text: str) -> bool:
    pattern = rf"(?<![\d.,]){re.escape(form)}(?!\d|[.,]\d)"
    return re.search(pattern, text) is not None


@check("numbers", "error")
def numbers(unit: Unit) -> Iterator[str]:
    """Every number of the source is in the translation, in the locale's format (423.2 → 423,2)."""
    target = _plain(unit.target)
    unspaced = is_unspaced(unit.language)
    for number in source_numbers(unit.source):
        forms = expected_forms(number, unit.language.locale, unspaced)
        if any(_occurs(form, target) for form in forms):
            continue
        name = language_name(unit.language)
        if number.scale and unspaced:
            yield f"{number.text} {number.scale} is missing or mistranslated — write {forms[0]}"
        elif _occurs(number.text, target):
            yield f"{number.text} is written the English way — write {_shown(forms[0])} in {name}"
        elif not _may_be_spelled_out(number):
            yield f"number {number.text} is missing — expected {_shown(forms[0])}"
    for time, written in source_times(unit.source):
        if not any(form in unit.target for form in written):
            verb = "keep" if written[0] == time else "write"
            yield f"time {time} is missing — {verb} it as {written[0]}"
    yield from _decades(unit)


def decade_forms(year: str, language: str) -> list[str]:
    """How ``language`` may write the decade starting in ``year`` (``1990`` → ``1990-е``)."""
    century, decade = int(year) // 100 + 1, year[2:]
    templates = DECADE_FORMS.get(language, ("{year}",))
    return [t.format(year=year, century=century, decade=decade) for t in templates]


def _decades(unit: Unit) -> Iterator[str]:
    """The source's decades (the 1990s) are in the translation (1990-х, 20世纪90年代)."""
    language = primary_language(unit.language)
    for match in _DECADE.finditer(strip_links(unit.source)):
        year = match.group(1)
        forms = decade_forms(year, language)
        accepted = [*forms, year]
        if not any(re.search(rf"(?<!\d){re.escape(f)}", unit.target) for f in accepted):
            yield f"decade {match.group()} is missing or wrong — write {forms[0]}"


def _shown(form: str) -> str:
    """The form for a message: an invisible no-break space is named."""
    if "\u202f" in form:
        return f"{form} (with a narrow no-break space)"
    return f"{form} (with a no-break space)" if "\u00a0" in form else form


def _may_be_spelled_out(number: _Number) -> bool:
    """Small whole numbers are often written as words (2 → два, 两): their absence is fine."""
    return number.text.isdigit() and int(number.text) <= _SPELLED_OUT_MAX and not number.scale


def _target_value(text: str) -> Decimal | None:
    match = re.fullmatch(r"(\d{1,3}(?:[ \u00a0\u202f,]\d{3})+|\d+)(?:[.,](\d+))?", text)
    if match is None:
        return None
    integer = re.sub(r"[ \u00a0\u202f,]", "", match.group(1))
    try:
        return Decimal(integer + ("." + match.group(2) if match.group(2) else ""))
    except InvalidOperation:
        return None


def _allowed_values(source: str, unspaced: bool, locale: str) -> set[Decimal]:
    # Digits glued to letters (G20, 1990s, COVID-19) are not checked but may be translated.
    allowed = {Decimal(digits) for digits in re.findall(r"\d+", _plain(source))}
    for match in _DECADE.finditer(source):  # 20世纪90年代
        allowed.update({Decimal(match.group(1)[2:]), Decimal(int(match.group(1)) // 100 + 1)})
    for number in source_numbers(source):
        allowed.add(number.value)
        allowed.update(value for _, value in _magnitudes(number.value, locale))
        if unspaced:
            allowed.update(number.value * f for f, _ in _SCALES.get(number.scale, ()))
            allowed.update(value for value, _ in _counted(number.value))
    if _MONTHS.search(source):
        allowed.update(Decimal(month) for month in range(1, 13))
    allowed.update(Decimal(_WORD_VALUES[w.lower()]) for w in _NUMBER_WORD.findall(source))
    return allowed


@check("extra-numbers", "warning")
def extra_numbers(unit: Unit) -> Iterator[str]:
    """The translation adds no number that is not in the source (months, number words pass)."""
    allowed = _allowed_values(unit.source, is_unspaced(unit.language), unit.language.locale)
    english = {number.text for number in source_numbers(unit.source)}
    for match in _TARGET_NUMBER.finditer(_plain(unit.target)):
        text = match.group()
        value = _target_value(text)
        if text in english or value is None or value in allowed:
            continue
        yield f"number {text} is not in the source — check it"
