"""Inline placeholders through machine translation: masked, translated, restored, checked.

A text from an HTML or Markdown source holds placeholders for its inline markup (``<1>…</1>``,
``<2/>``, see :mod:`l10n.article.inline`). Before MT each placeholder becomes a code such as
``QT1`` — the form a SentencePiece NMT model copies through, as glossary terms are masked
(:mod:`l10n.terms.enforce`, which then masks the glossary terms of the same text). After MT
the codes are put back as placeholders. The output is used only when every code came back
exactly once, undamaged, and the placeholders are well nested again.

Otherwise the text is translated again without its placeholders (one more call for all such
texts) and each placeholder is put back at the same relative position in the translation, on
a word boundary, in the source's order (so pairs stay nested and every link is kept). Such an
entry gets a ``markup:`` comment asking the reviewer to check where the placeholders stand;
like all machine output it is fuzzy. Texts without placeholders go through unchanged, in the
same single batch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..article import inline
from ..languages import is_unspaced
from ..model import Glossary, Language, Translation
from ..mt import Translator
from .enforce import PROBE, Enforced, Strategy, enforce_segments
from .match import TermForms
from .placeholders import Lang, free_prefix

_PREFIXES = ("QT", "QTV", "VQT")
PLACED_BY_POSITION = (
    "markup: the machine translation lost the placeholders; they were put back by position"
    " — check that each <N>…</N> wraps the right words"
)


@dataclass(frozen=True)
class MaskedTags:
    """A text with its placeholders replaced by codes (``QT1``, ``QT2``…)."""

    source: str
    text: str
    prefix: str
    placeholders: tuple[inline.Token, ...]
    """The placeholder each code stands for: code ``QT<n>`` is ``placeholders[n - 1]``."""


def translate_marked(
    texts: Sequence[str],
    translator: Translator,
    glossary: Glossary,
    lang: Lang,
    *,
    strategy: Strategy = "mask",
    forms: TermForms | None = None,
    probe: int = PROBE,
) -> Enforced:
    """Translate ``texts`` (glossary enforced) keeping their inline placeholders intact.

    Same contract as :func:`l10n.terms.enforce.enforce_segments`; a translation whose
    placeholders were lost gets them back by position and a ``markup:`` comment (the texts
    translated again for that count as second passes too).
    """
    forms = forms or TermForms()
    masked = [mask_tags(text) for text in texts]
    first = enforce_segments(
        [m.text for m in masked],
        translator,
        glossary,
        lang,
        strategy=strategy,
        forms=forms,
        probe=probe,
    )
    found: list[Translation] = []
    failed: list[int] = []
    for i, (m, translation) in enumerate(zip(masked, first.translations, strict=True)):
        target = unmask_tags(m, translation.target)
        if target is None:
            failed.append(i)
        found.append(replace(translation, source=texts[i], target=target or ""))
    if not failed:
        return Enforced(found, first.second_pass, first.probe)
    plain = [inline.plain(texts[i]) for i in failed]
    again = enforce_segments(
        plain, translator, glossary, lang, strategy=strategy, forms=forms, probe=probe
    )
    unspaced = isinstance(lang, Language) and is_unspaced(lang)
    for i, translation in zip(failed, again.translations, strict=True):
        target = inline.place_by_position(texts[i], translation.target, unspaced=unspaced)
        comments = (*translation.comments, PLACED_BY_POSITION)
        found[i] = replace(translation, source=texts[i], target=target, comments=comments)
    return Enforced(found, first.second_pass + len(failed), first.probe + again.probe)


def mask_tags(text: str) -> MaskedTags:
    """``text`` with each placeholder replaced by a code, spaced off from the words."""
    marks = inline.tokens(text)
    if not marks:
        return MaskedTags(text, text, "", ())
    prefix = free_prefix(text, _PREFIXES, "V")
    pieces: list[str] = []
    cursor = 0
    for number, token in enumerate(marks, start=1):
        before = text[cursor : token.start]
        pad_before = " " if before and not before[-1].isspace() else ""
        following = text[token.end : token.end + 1]
        pad_after = " " if following and not following.isspace() else ""
        pieces += [before, pad_before, f"{prefix}{number}", pad_after]
        cursor = token.end
    pieces.append(text[cursor:])
    masked = re.sub(r" {2,}", " ", "".join(pieces))
    return MaskedTags(text, masked, prefix, tuple(marks))


def unmask_tags(masked: MaskedTags, output: str) -> str | None:
    """``output`` with its codes turned back into placeholders; None when one was lost,
    repeated or damaged, or the placeholders no longer nest."""
    output = output.strip()
    if not masked.placeholders:
        return output
    code = re.compile(rf"(?<![A-Za-z0-9]){masked.prefix}(\d+)(?!\d)")
    numbers = [int(m.group(1)) for m in code.finditer(output)]
    if sorted(numbers) != list(range(1, len(masked.placeholders) + 1)):
        return None
    damaged = r"\s*".join(masked.prefix)
    if re.search(f"(?i){damaged}", code.sub("", output)):
        return None  # a damaged copy (qt1, Q T1) beside the intact ones
    restored = code.sub(lambda m: _spaced(masked, int(m.group(1))), output)
    restored = _tidy(restored)
    return restored if inline.matches(masked.source, restored) else None


def _spaced(masked: MaskedTags, number: int) -> str:
    """A code's placeholder, marked with NUL where the source had no space beside it.

    (NUL cannot occur in a source text: the readers refuse it.)
    """
    token = masked.placeholders[number - 1]
    source = masked.source
    glued_before = token.start > 0 and not source[token.start - 1].isspace()
    glued_after = token.end < len(source) and not source[token.end].isspace()
    return f"{chr(0) if glued_before else ''}{token}{chr(0) if glued_after else ''}"


def _tidy(text: str) -> str:
    """Drop the spaces masking added where the source had a placeholder glued to a word."""
    text = re.sub(r"[ \t]*\x00(?=<)", "", text)
    return re.sub(r"(?<=>)\x00[ \t]*", "", text).replace("\x00", "")
