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
(``ХЗ1``, ``ＸＺ１``, ``Z1``, ``вXZ1``) is left.

The engine is asked for its n-best list (``translate_nbest``; beam search finds those
hypotheses anyway, so they cost next to nothing), and the best hypothesis that passes is
taken. Only texts where none does go through the model a second time:

- ``mask``: every term is masked; a text none of whose hypotheses kept its placeholders is
  translated again, unmasked.
- ``check`` (the project default) for inflecting languages (ru, kk): unmasked first; the best
  hypothesis holding every term in an accepted form wins; a text where none does is
  translated again with just the missing terms masked, and that replaces the first output
  only if it misses no more terms. Chinese and other languages without inflection have no
  model forms worth keeping: ``check`` masks first there, as ``mask`` does.

A term whose form is still missing is reported in a ``glossary: missing …`` comment
(:mod:`l10n.terms.notes`). So the translator is called at most twice per batch and no
placeholder debris is ever shipped. Restored targets keep their base form: inflecting them is
the reviewer's job (machine entries are fuzzy). ``check`` keeps the model's own correctly
inflected forms (``Китая``, ``ШЫҰ-ның``) and masks much less, at the price of a second call
whenever a form is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..errors import ModelError
from ..languages import UNSPACED_LANGUAGES, base_language
from ..model import Glossary, Translation
from ..mt import Translator, translate_nbest
from .match import TermForms, find_terms, target_form, target_present
from .notes import glossary_notes
from .placeholders import Lang, Masked, mask, restore

__all__ = ["Enforced", "Masked", "Strategy", "enforce_segments", "mask", "restore"]

Strategy = Literal["mask", "check"]
NBEST = 4
"""Hypotheses asked of the engine per text (Argos' beam size: they come for free)."""


@dataclass(frozen=True)
class Enforced:
    """The translations of a batch, and how many texts needed a second MT pass."""

    translations: list[Translation]
    second_pass: int


def enforce_segments(
    texts: Sequence[str],
    translator: Translator,
    glossary: Glossary,
    lang: Lang,
    *,
    strategy: Strategy = "mask",
    nbest: int = NBEST,
    forms: TermForms | None = None,
) -> Enforced:
    """Translate ``texts`` with ``translator``, forcing the glossary's ``lang`` forms.

    See the module documentation for the two strategies. The translator gets at most two
    calls. Returns one fuzzy machine ``Translation`` per text, in order, each with
    ``glossary:`` comments for the terms it uses and any term whose form could not be
    placed, and the number of texts translated twice. ``forms``: share one across a run.
    """
    if not texts:
        return Enforced([], 0)
    forms = forms or TermForms()
    if strategy == "check" and not _uninflected(lang):
        targets, redone = _check_first(texts, translator, glossary, lang, nbest, forms)
    else:
        targets, redone = _mask_first(texts, translator, glossary, lang, nbest)
    found = [
        Translation(
            source=text,
            target=target,
            origin="mt",
            engine=translator.name,
            fuzzy=True,
            comments=tuple(glossary_notes(text, target, glossary, lang, forms)),
        )
        for text, target in zip(texts, targets, strict=True)
    ]
    return Enforced(found, redone)


def translate_segments(
    texts: Sequence[str],
    translator: Translator,
    glossary: Glossary,
    lang: Lang,
    *,
    strategy: Strategy = "mask",
) -> list[Translation]:
    """:func:`enforce_segments`' translations alone."""
    return enforce_segments(texts, translator, glossary, lang, strategy=strategy).translations


def _uninflected(lang: Lang) -> bool:
    """Chinese, Japanese…: a glossary form is written as it is, so masking loses nothing."""
    return base_language(lang if isinstance(lang, str) else lang.locale) in UNSPACED_LANGUAGES


def _mask_first(
    texts: Sequence[str], translator: Translator, glossary: Glossary, lang: Lang, nbest: int
) -> tuple[list[str], int]:
    masked = [mask(text, glossary, lang) for text in texts]
    hypotheses = _call(translator, [m.text for m in masked], nbest)
    targets = [
        next((r for out in outs if (r := restore(m, out, lang)) is not None), None)
        for m, outs in zip(masked, hypotheses, strict=True)
    ]
    failed = [i for i, target in enumerate(targets) if target is None]
    if failed:
        retried = _call(translator, [texts[i] for i in failed], 1)
        for i, outs in zip(failed, retried, strict=True):
            targets[i] = outs[0].strip()
    return [target or "" for target in targets], len(failed)


def _check_first(
    texts: Sequence[str],
    translator: Translator,
    glossary: Glossary,
    lang: Lang,
    nbest: int,
    forms: TermForms,
) -> tuple[list[str], int]:
    targets: list[str] = []
    redo: dict[int, tuple[Masked, set[str]]] = {}
    for i, (text, outs) in enumerate(zip(texts, _call(translator, texts, nbest), strict=True)):
        options = [out.strip() for out in outs]
        lacking = [_missing(text, out, glossary, lang, forms) for out in options]
        best = next((k for k, missing in enumerate(lacking) if not missing), None)
        targets.append(options[0 if best is None else best])
        if best is None:
            redo[i] = (mask(text, glossary, lang, only=lacking[0]), lacking[0])
    if redo:
        outputs = _call(translator, [masked.text for masked, _ in redo.values()], nbest)
        for (i, (masked, missing)), outs in zip(redo.items(), outputs, strict=True):
            restored = [r for out in outs if (r := restore(masked, out, lang)) is not None]
            scored = [(len(_missing(texts[i], r, glossary, lang, forms)), r) for r in restored]
            # the masked retry may lose a form the first output had: keep the better one
            fewest = min(scored, key=lambda pair: pair[0], default=None)
            if fewest is not None and fewest[0] <= len(missing):
                targets[i] = fewest[1]
    return targets, len(redo)


def _missing(text: str, target: str, glossary: Glossary, lang: Lang, forms: TermForms) -> set[str]:
    """The terms of ``text`` that have a ``lang`` form not found in ``target``."""
    return {
        m.term.term
        for m in find_terms(text, glossary)
        if target_form(m.term, lang) and target_present(m.term, lang, target, forms) is None
    }


def _call(translator: Translator, texts: Sequence[str], n: int) -> list[list[str]]:
    outputs = translate_nbest(translator, list(texts), n)
    if len(outputs) != len(texts) or any(not outs for outs in outputs):
        raise ModelError(
            f"{translator.name}: returned {len(outputs)} translations for {len(texts)} texts — "
            "the translator must return one output per input"
        )
    return outputs
