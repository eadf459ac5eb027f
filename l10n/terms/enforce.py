"""Glossary enforcement around machine translation: mask terms, translate, restore, verify.

Each glossary term found in a source text is replaced by a placeholder such as ``XZ1`` before
the batch goes to the translator, and the placeholder is replaced by the term's target form
afterwards. Why ``XZ1``: NMT models with a SentencePiece vocabulary copy short Latin
letter-and-digit codes (model numbers such as ``A320`` or ``G20``) through unchanged into
Cyrillic and Chinese output, while they translate or transliterate anything that looks like a
word, and they drop or garble markup such as ``<x1>``, ``{1}`` or private-use characters
(SentencePiece maps those to ``<unk>``). ``XZ`` is not an English word or a common acronym,
and the number makes each placeholder in a sentence distinct.

A masked translation is used only when every placeholder came back exactly once and intact
(an ending the model glued onto it is kept after an acronym: ``ШОС-а``) and no damaged copy
(``ХЗ1``, ``ＸＺ１``, ``Z1``, ``вXZ1``) is left. Otherwise the text's other translation is used:
with the ``mask`` strategy the failed texts are translated again together, unmasked, in one
more call; with ``check`` (the project default) the unmasked translation came first, only texts
missing a form were masked, and the masked one replaces it only if it misses no more terms. A
term whose form is still missing is reported in a
``glossary: missing …`` comment. So the translator is called at most twice per batch and no
placeholder debris is ever shipped. Restored targets keep their base form: inflecting them is
the reviewer's job (machine entries are fuzzy). ``check`` keeps the model's own correctly
inflected forms (``Китая``, ``ШЫҰ-ның``) and masks much less, at the price of a second call
whenever a form is missing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from ..errors import ModelError
from ..languages import base_language
from ..model import Glossary, Language, Term, Translation
from ..mt import Translator
from ..patterns import CJK
from .match import TermMatch, find_terms, target_form, target_present

Lang = str | Language
"""A language code (``ru``, ``zh_Hans``) or a configured ``Language``."""

_PREFIXES = ("XZ", "QZX", "ZQV")

Strategy = Literal["mask", "check"]
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


def translate_segments(
    texts: Sequence[str],
    translator: Translator,
    glossary: Glossary,
    lang: Lang,
    *,
    strategy: Strategy = "mask",
) -> list[Translation]:
    """Translate ``texts`` with ``translator``, forcing the glossary's ``lang`` forms.

    ``strategy="mask"``: every term is masked, then texts whose placeholders broke are
    translated again unmasked. ``strategy="check"``: texts are translated unmasked first, then
    the texts missing a form are translated again with just those terms masked; this keeps the
    model's own inflected forms where it got them right. Either way the translator gets at most
    two calls. Returns one fuzzy machine ``Translation`` per text, in order, each with
    ``glossary:`` comments for the terms it uses and any term whose form could not be placed.
    """
    if not texts:
        return []
    if strategy == "check":
        targets = _check_first(texts, translator, glossary, lang)
    else:
        targets = _mask_first(texts, translator, glossary, lang)
    return [
        _translation(text, find_terms(text, glossary), target, lang, translator.name)
        for text, target in zip(texts, targets, strict=True)
    ]


def _mask_first(
    texts: Sequence[str], translator: Translator, glossary: Glossary, lang: Lang
) -> list[str]:
    masked = [mask(text, glossary, lang) for text in texts]
    outputs = _call(translator, [m.text for m in masked])
    targets = [restore(m, out, lang) for m, out in zip(masked, outputs, strict=True)]
    failed = [i for i, target in enumerate(targets) if target is None]
    if failed:
        retried = _call(translator, [texts[i] for i in failed])
        for i, out in zip(failed, retried, strict=True):
            targets[i] = out.strip()
    return [target or "" for target in targets]


def _check_first(
    texts: Sequence[str], translator: Translator, glossary: Glossary, lang: Lang
) -> list[str]:
    targets = [out.strip() for out in _call(translator, texts)]
    redo: dict[int, tuple[Masked, set[str]]] = {}
    for i, (text, target) in enumerate(zip(texts, targets, strict=True)):
        missing = _missing(text, target, glossary, lang)
        if missing:
            redo[i] = (mask(text, glossary, lang, only=missing), missing)
    if redo:
        outputs = _call(translator, [masked.text for masked, _ in redo.values()])
        for (i, (masked, missing)), out in zip(redo.items(), outputs, strict=True):
            restored = restore(masked, out, lang)
            # the masked retry may lose a form the first output had: keep the better one
            if restored is not None and len(_missing(texts[i], restored, glossary, lang)) <= len(
                missing
            ):
                targets[i] = restored
    return targets


def _missing(text: str, target: str, glossary: Glossary, lang: Lang) -> set[str]:
    """The terms of ``text`` that have a ``lang`` form not found in ``target``."""
    return {
        m.term.term
        for m in find_terms(text, glossary)
        if target_form(m.term, lang) and target_present(m.term, lang, target) is None
    }


def _call(translator: Translator, texts: Sequence[str]) -> list[str]:
    outputs = translator.translate(list(texts))
    if len(outputs) != len(texts):
        raise ModelError(
            f"{translator.name}: returned {len(outputs)} translations for {len(texts)} texts — "
            "the translator must return one output per input"
        )
    return outputs


def mask(
    text: str, glossary: Glossary, lang: Lang, *, only: Collection[str] | None = None
) -> Masked:
    """Replace the terms of ``text`` that have a ``lang`` form by numbered placeholders.

    With ``only``, just the terms named there (``Term.term``) are masked.
    """
    prefix = _free_prefix(text)
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


def _free_prefix(text: str) -> str:
    """The first placeholder prefix that does not occur in ``text`` in any case."""
    lowered = text.lower()
    prefix = next((p for p in _PREFIXES if p.lower() not in lowered), _PREFIXES[0])
    while prefix.lower() in lowered:
        prefix += "Q"
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


def glossary_notes(source: str, target: str, glossary: Glossary, lang: Lang) -> tuple[str, ...]:
    """The ``glossary:`` comments for ``target`` as a translation of ``source``: the terms
    it should use, and each whose form ``target`` does not contain (``glossary: missing``)."""
    return _notes(find_terms(source, glossary), target, lang)


def _notes(matches: Sequence[TermMatch], target: str, lang: Lang) -> tuple[str, ...]:
    comments: list[str] = []
    for match in matches:
        form = target_form(match.term, lang)
        used = (
            f"glossary: {match.term.term} (kept as is)"
            if match.term.keep
            else f"glossary: {match.term.term} → {form}"
        )
        if form is not None and used not in comments:
            comments.append(used)
    for match in matches:
        form = target_form(match.term, lang)
        missing = f'glossary: missing "{form}" for "{match.term.term}"'
        if form and target_present(match.term, lang, target) is None and missing not in comments:
            comments.append(missing)
    return tuple(comments)


def _translation(
    source: str, matches: Sequence[TermMatch], target: str, lang: Lang, engine: str
) -> Translation:
    return Translation(
        source=source,
        target=target,
        origin="mt",
        engine=engine,
        fuzzy=True,
        comments=_notes(matches, target, lang),
    )
