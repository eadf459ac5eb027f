"""Checks on the form of a translation: script, quotes, brackets, punctuation, spacing, length."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..languages import (
    NON_LATIN_LANGUAGES,
    is_unspaced,
    language_name,
    primary_language,
    quote_marks,
)
from ..patterns import HAN, links, strip_links
from .base import Unit, check

_TOKEN = re.compile(rf"[A-Za-z\u00c0-\u024f]+|[\u0400-\u04ff]+|[\u3040-\u30ff{HAN}]")
_DOUBLE_QUOTES = '"“”„«»「」『』'
_FULL_WIDTH = {"（": "(", "）": ")", "【": "[", "】": "]", "［": "[", "］": "]"}
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_STOP_CLASS = {".": ".", "。": ".", "．": ".", "!": "!", "！": "!", "?": "?", "？": "?"}
_STOP_CLASS.update({"…": "…", ":": ":", "：": ":", ";": ";", "；": ";"})
_FULL_WIDTH_STOP = {".": "。", "!": "！", "?": "？", ":": "：", ";": "；", "…": "…"}
_CLOSERS = "\"'”’»›」』)]）】"
_WORD_REPEAT = re.compile(r"(?<![\w-])(\w+)(?:\s+\1)+(?![\w-])", re.IGNORECASE)
_HAN_REPEAT = re.compile(rf"([{HAN}]{{2,4}})\1|([的了是在和与将对把被也及其])\2")
# Typical characters of translation per character of English news text; flagged beyond ×/÷ 2.
# The hand-checked fixtures (tests/data/checks) measure ru 1.06, kk 0.98, zh 0.28 (medians).
_LENGTH_RATIO = {"ru": 1.12, "kk": 1.08, "uk": 1.1, "zh": 0.3, "ja": 0.45}
_MIN_RATIO_SOURCE = 60


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


@check("untranslated", "warning")
def untranslated(unit: Unit) -> Iterator[str]:
    """The translation is in the language's script, not a copy, and leaves no English word."""
    if len(re.findall(r"[A-Za-z]{2,}", unit.source)) < 2:
        return
    if _squash(unit.target) == _squash(unit.source):
        yield "translation is a copy of the English source — translate it"
        return
    if primary_language(unit.language) not in NON_LATIN_LANGUAGES:
        return
    tokens = _TOKEN.findall(strip_links(unit.target))
    latin = sum(1 for token in tokens if token[0] <= "\u024f")
    name = language_name(unit.language)
    if len(tokens) >= 4 and latin / len(tokens) > 0.5:
        share = latin / len(tokens)
        yield f"mostly in Latin script ({share:.0%} of its words) — translate it into {name}"
        return
    for word in _english_words(tokens, unit):
        yield f'English word "{word}" left untranslated — translate it into {name}'


def _english_words(tokens: list[str], unit: Unit) -> list[str]:
    """Lowercase English words among the translation's words, once each.

    Names (capitalised, or a lowercase particle next to one: ``von der Leyen``), glossary
    ``keep`` terms and words of two letters (units: ``km``) are not reported.
    """
    kept = {word.casefold() for t in unit.glossary.terms if t.keep for word in t.term.split()}
    found: list[str] = []
    for i, token in enumerate(tokens):
        if not re.fullmatch(r"[a-z]{3,}", token) or token in kept or token in found:
            continue
        around = tokens[max(0, i - 1) : i] + tokens[i + 1 : i + 2]
        if not any(re.fullmatch(r"[A-Z][A-Za-z\u00c0-\u024f]*", near) for near in around):
            found.append(token)
    return found


def _source_quote_counts(text: str) -> tuple[int, int]:
    opening = closing = 0
    for i, char in enumerate(text):
        if char in "“«„":
            opening += 1
        elif char in "”»":
            closing += 1
        elif char == '"':
            if i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-/":
                opening += 1
            else:
                closing += 1
    return opening, closing


def _marks_hint(unit: Unit) -> str:
    start, end = quote_marks(unit.language)[:2]
    return f"{start}…{end}"


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ or ' between two Latin or Cyrillic letters is an apostrophe (O’Neill, don’t)."""
    if text[i] not in "’'ʼ" or not 0 < i < len(text) - 1:
        return False
    return all(c.isalpha() and c <= "\u04ff" for c in (text[i - 1], text[i + 1]))


def _target_quote_counts(text: str, marks: tuple[str, str, str, str]) -> tuple[int, int]:
    """Opening and closing quotation marks of the locale in ``text``, nested ones included.

    A mark that is both an opening and a closing one in the locale (fr « for both levels)
    counts once; apostrophes do not count.
    """
    start, end, alt_start, alt_end = marks
    openers, closers = {start, alt_start}, {end, alt_end} - {start, alt_start}
    opening = closing = 0
    for i, char in enumerate(text):
        if (char in openers or char in closers) and _is_apostrophe(text, i):
            continue
        if char in openers:
            opening += 1
        elif char in closers:
            closing += 1
    return opening, closing


@check("quotes", "warning")
def quotes(unit: Unit) -> Iterator[str]:
    """Quotation marks are the locale's (CLDR: « » „ “ ru, « » “ ” kk, “ ” ‘ ’ zh), balanced."""
    marks = quote_marks(unit.language)
    allowed = set(marks)
    wrong = sorted({c for c in unit.target if c in _DOUBLE_QUOTES and c not in allowed})
    name = language_name(unit.language)
    for char in wrong:
        kind = "straight quotes" if char == '"' else f"quotation mark {char}"
        yield f"{kind} not used in {name} — use {_marks_hint(unit)}"
    if wrong:
        return
    s_open, s_close = _source_quote_counts(unit.source)
    t_open, t_close = _target_quote_counts(unit.target, marks)
    if t_open < s_open or t_close < s_close:
        yield (
            f"source has {s_open} opening and {s_close} closing quotation marks, "
            f"translation has {t_open} and {t_close} — use {_marks_hint(unit)}"
        )
    elif s_open == s_close and t_open != t_close:
        yield f"unbalanced quotation marks: {t_open} opening and {t_close} closing"


def _bracket_counts(text: str) -> dict[str, tuple[int, int]]:
    text = "".join(_FULL_WIDTH.get(c, c) for c in text)
    return {o: (text.count(o), text.count(c)) for o, c in _BRACKETS.items()}


@check("brackets", "warning")
def brackets(unit: Unit) -> Iterator[str]:
    """Brackets are balanced and kept; full-width （ ） only in Chinese, never mixed (（…))."""
    if not is_unspaced(unit.language):
        for char in sorted({c for c in unit.target if c in _FULL_WIDTH}):
            name = language_name(unit.language)
            yield f"full-width bracket {char} in {name} — use {_FULL_WIDTH[char]}"
    else:
        yield from _mixed_width(unit.target)
    source, target = _bracket_counts(unit.source), _bracket_counts(unit.target)
    for opening, closing in _BRACKETS.items():
        (s_open, s_close), (t_open, t_close) = source[opening], target[opening]
        if s_open == s_close and t_open != t_close:
            yield f"unbalanced brackets: {t_open} {opening} and {t_close} {closing}"
        elif t_open < s_open:
            yield f"source has {s_open} {opening}…{closing}, translation has {t_open} — keep them"


def _mixed_width(text: str) -> Iterator[str]:
    """A full-width bracket paired with an ASCII one: （…) or (…）."""
    stack: list[str] = []
    for char in text:
        if char in "(（":
            stack.append(char)
        elif char in ")）" and stack:
            opening = stack.pop()
            if (opening == "（") != (char == "）"):
                yield f"mixed-width brackets {opening}…{char} — use （…） on both sides"


def _final_stop(text: str) -> str | None:
    text = text.rstrip()
    if text.rstrip(_CLOSERS).endswith("..."):
        return "…"
    for candidate in (text[-1:], text.rstrip(_CLOSERS)[-1:]):
        if candidate in _STOP_CLASS:
            return candidate
    return None


@check("end-punctuation", "warning")
def end_punctuation(unit: Unit) -> Iterator[str]:
    """The translation ends like the source: . ! ? (。！？ in Chinese), or without a stop."""
    source, target = _final_stop(unit.source), _final_stop(unit.target)
    if source is None:
        if target is not None and _STOP_CLASS[target] == ".":
            yield f"extra final {target} — the source has none"
        return
    wanted = _STOP_CLASS[source]
    expected = _FULL_WIDTH_STOP[wanted] if is_unspaced(unit.language) else wanted
    if target is None:
        yield f"missing final {expected} — the source ends with {source}"
    elif _STOP_CLASS[target] != wanted:
        yield f"ends with {target} where the source ends with {source} — use {expected}"
    elif target != expected and not (expected == "…" and target == "."):
        yield f"ends with {target} — use {expected} in {language_name(unit.language)}"


@check("spaces", "warning")
def spaces(unit: Unit) -> Iterator[str]:
    """No double, leading or trailing space, nor a space between Chinese characters."""
    target = unit.target
    if "  " not in unit.source:
        for match in re.finditer(r" {2,}", target.strip()):
            yield f"double space at column {match.start() + len(target) - len(target.lstrip()) + 1}"
    if target != target.strip() and unit.source == unit.source.strip():
        yield "leading or trailing whitespace — remove it"
    if is_unspaced(unit.language):
        for match in re.finditer(rf"[{HAN}]([ \u00a0\u3000]+)[{HAN}]", target):
            yield f"space between Chinese characters at column {match.start(1) + 1} — remove it"


def _repeats_in(word: str, text: str) -> bool:
    pattern = rf"(?<![\w-]){re.escape(word)}\s+{re.escape(word)}(?![\w-])"
    return re.search(pattern, text, re.IGNORECASE) is not None


@check("repeated-words", "warning")
def repeated_words(unit: Unit) -> Iterator[str]:
    """No machine-translation stutter: the same word twice in a row (the the, ШОС ШОС, 的的)."""
    for match in _WORD_REPEAT.finditer(unit.target):
        if not _repeats_in(match.group(1), unit.source):
            yield f'repeated word "{match.group()}" — remove the repeat'
    if is_unspaced(unit.language):
        for match in _HAN_REPEAT.finditer(unit.target):
            yield f'repeated "{match.group()}" — remove the repeat'


@check("length-ratio", "info")
def length_ratio(unit: Unit) -> Iterator[str]:
    """A long segment's translation is not far shorter or longer than usual for the language."""
    source = len(unit.source.strip())
    if source < _MIN_RATIO_SOURCE or not unit.target.strip():
        return
    expected = _LENGTH_RATIO.get(primary_language(unit.language), 1.1)
    ratio = len(unit.target.strip()) / source
    if ratio < expected / 2 or ratio > expected * 2:
        yield (
            f"translation is {ratio:.2f}× the length of the source, about {expected:.2f}× "
            f"is usual in {language_name(unit.language)} — check for omissions or additions"
        )


@check("urls", "error")
def urls(unit: Unit) -> Iterator[str]:
    """URLs and e-mail addresses are copied unchanged, and none is added."""
    source, target = links(unit.source), links(unit.target)
    for link in source:
        if link not in target:
            yield f"{link} is missing or changed — copy it unchanged"
    for link in target:
        if link not in source:
            yield f"{link} is not in the source — remove it or fix it"
