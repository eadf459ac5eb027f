"""Placeholders for glossary terms: mask a source text, restore the target forms after MT.

See :mod:`l10n.terms.enforce` for why placeholders look like ``XZ1`` and when a masked
translation is used.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..languages import base_language
from ..model import Glossary, Language, Term
from ..patterns import CJK
from .match import find_terms, target_form

Lang = str | Language
"""A language code (``ru``, ``zh_Hans``) or a configured ``Language``."""

_PREFIXES = ("XZ", "QZX", "ZQV")

# A lowercase ending a model glued onto a placeholder, as it would onto an acronym.
_GLUED_ENDING = r"-?[a-zа-яёәғқңөұүһі]{1,6}(?!\w)"
_CJK = f"[{CJK}]"
# A placeholder glued to a Latin or Cyrillic letter or a digit is damaged (``вXZ1``, or a word
# longer than an ending: ``XZ1собралась``); Chinese characters may touch it (``在XZ1举行``).
_NOT_GLUED = r"(?<![A-Za-z0-9\u0400-\u04ff])"
_NOT_GLUED_AFTER = r"(?![A-Za-z\u0400-\u04ff])"
# Cyrillic letters a model may write for a placeholder's Latin ones (``ХЗ1`` for ``XZ1``).
_LOOKALIKES = str.maketrans("ХхЗзКкВв", "XxZzQqVv")


@dataclass(frozen=True)
class Masked:
    """A source text with its glossary terms replaced by placeholders."""

    source: str
    text: str
    prefix: str
    slots: tuple[tuple[str, Term], ...]
    """(placeholder, term) in source order."""


def mask(
    text: str, glossary: Glossary, lang: Lang, *, only: Collection[str] | None = None
) -> Masked:
    """Replace the terms of ``text`` that have a ``lang`` form by numbered placeholders.

    With ``only``, just the terms named there (``Term.term``) are masked.
    """
    prefix = free_prefix(text)
    slots: list[tuple[str, Term]] = []
    pieces: list[str] = []
    last = 0
    for match in find_terms(text, glossary):
        if target_form(match.term, lang) is None or (
            only is not None and match.term.term not in only
        ):
            continue
        placeholder = f"{prefix}{len(slots) + 1}"
        end = match.end
        if match.matched.endswith(".") and not text[end:].strip():
            end -= 1  # "in the U.S." — keep the full stop for the sentence
        pieces += [text[last : match.start], placeholder]
        slots.append((placeholder, match.term))
        last = end
    pieces.append(text[last:])
    return Masked(text, "".join(pieces), prefix, tuple(slots))


def free_prefix(text: str, prefixes: Sequence[str] = _PREFIXES, pad: str = "Q") -> str:
    """The first of ``prefixes`` that does not occur in ``text`` in any case (the first one
    lengthened with ``pad`` until it does not, when all of them occur)."""
    lowered = text.lower()
    prefix = next((p for p in prefixes if p.lower() not in lowered), prefixes[0])
    while prefix.lower() in lowered:
        prefix += pad
    return prefix


def restore(masked: Masked, output: str, lang: Lang) -> str | None:
    """Put the target forms back into ``output``; None if a placeholder was lost or damaged."""
    output = output.strip()
    if not masked.slots:
        return output
    exact = re.compile(
        rf"{_NOT_GLUED}{masked.prefix}(\d+)(?!\d)({_GLUED_ENDING})?{_NOT_GLUED_AFTER}"
    )
    found = [int(m.group(1)) for m in exact.finditer(output)]
    if sorted(found) != list(range(1, len(masked.slots) + 1)):
        return None
    remainder = exact.sub("", output)
    if _has_debris(remainder, masked):
        return None
    if base_language(lang if isinstance(lang, str) else lang.locale) in ("zh", "ja"):
        output = _close_cjk_gaps(output, masked.prefix)
    result = exact.sub(lambda m: _fill(m, masked, lang), output)
    return _sentence_case(result, output, exact)


def _close_cjk_gaps(output: str, prefix: str) -> str:
    """Drop the spaces a model put between a placeholder and Chinese text (``在 XZ1 举行``)."""
    output = re.sub(rf"(?<={_CJK})\s+(?={prefix}\d)", "", output)
    return re.sub(rf"({prefix}\d+)\s+(?={_CJK})", r"\1", output)


def _has_debris(remainder: str, masked: Masked) -> bool:
    """A damaged copy of a placeholder left once the intact ones are taken out of the output.

    Full-width (``ＸＺ１``) and Cyrillic (``ХЗ1``) spellings count, and so does a code made of
    the prefix's letters and a number (``Z1``) unless the source itself has that code.
    """
    text = unicodedata.normalize("NFKC", remainder)
    if _looks_like_placeholder(text, masked.prefix):
        return True
    source = unicodedata.normalize("NFKC", masked.source).casefold()
    letters = re.escape("".join(sorted(set(masked.prefix))))
    codes = re.finditer(rf"(?i){_NOT_GLUED}[{letters}]+\d+(?!\d)", text.translate(_LOOKALIKES))
    return any(code.group().casefold() not in source for code in codes)


def _looks_like_placeholder(text: str, prefix: str) -> bool:
    """A mangled placeholder: the prefix in another case, spaced out, or with its number cut."""
    letters = r"\s*".join(re.escape(c) for c in prefix)
    return re.search(rf"(?i)(?<![a-z]){letters}(?:\s*\d|(?![a-z]))", text) is not None


def _fill(match: re.Match[str], masked: Masked, lang: Lang) -> str:
    """The target form for one placeholder, keeping a case ending only after an acronym.

    A model may inflect the placeholder itself (``XZ1-а``, ``XZ1-ның``). After an acronym
    target that is right as written (``ШОС-а``, ``ШЫҰ-ның``); after a word the ending would be
    glued onto the base form (``Сианьа``), so the base form is used alone.
    """
    term = masked.slots[int(match.group(1)) - 1][1]
    form = target_form(term, lang) or term.term
    ending = match.group(2) or ""
    last_word = form.split()[-1]
    return form + ending if last_word.isupper() and len(last_word) > 1 else form


def _sentence_case(result: str, output: str, exact: re.Pattern[str]) -> str:
    """Capitalise a restored lowercase target form that now starts the sentence."""
    head = re.match(r"[\s\"'«“„(]*", output)
    start = head.end() if head else 0
    if exact.match(output, start) and result[start : start + 1].islower():
        return result[:start] + result[start].upper() + result[start + 1 :]
    return result
