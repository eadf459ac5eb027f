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

  Checking first pays only with a model that knows the terms. So when more than ``probe``
  texts hold terms to be written in another form (``SCO`` → ``ШОС``; ``CGTN`` kept as it is
  tells nothing), the ``probe`` shortest of them are checked first, and if the model placed
  every form in fewer than a quarter of those, the other texts with terms are masked first
  (a model that never writes ``ШОС`` would otherwise cost a second pass on every one of
  them); the run reports it (:class:`Probe`). ``probe=0`` checks every text first.

A term whose form is still missing is reported in a ``glossary: missing …`` comment
(:mod:`l10n.terms.notes`). So the translator is called at most three times (twice without a
probe) and no placeholder debris is ever shipped. Restored targets keep their base form:
inflecting them is the reviewer's job (machine entries are fuzzy). ``check`` keeps the
model's own correctly inflected forms (``Китая``, ``ШЫҰ-ның``) and masks much less, at the
price of a second call whenever a form is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..errors import ModelError
from ..languages import UNSPACED_LANGUAGES, base_language
from ..model import Glossary, Translation
from ..mt import Translator, translate_nbest
from .match import TermForms, find_terms, target_form, target_present
from .notes import glossary_notes
from .placeholders import Lang, Masked, mask, restore

__all__ = ["Enforced", "Masked", "Probe", "Strategy", "enforce_segments", "mask", "restore"]

Strategy = Literal["mask", "check"]
NBEST = 4
"""Hypotheses asked of the engine per text (Argos' beam size: they come for free)."""
PROBE = 8
"""``check``: texts with terms checked first before l10n judges whether the model knows them."""
MIN_HELD = 0.25
"""``check``: below this share of probe texts with every form placed, the rest are masked."""


@dataclass(frozen=True)
class Probe:
    """How ``check`` judged the model: of ``tried`` texts checked first, ``held`` had every
    glossary form placed; ``masked_first`` texts with terms were then masked before MT."""

    held: int = 0
    tried: int = 0
    masked_first: int = 0

    def __add__(self, other: Probe) -> Probe:
        return Probe(
            self.held + other.held,
            self.tried + other.tried,
            self.masked_first + other.masked_first,
        )


@dataclass(frozen=True)
class Enforced:
    """The translations of a batch, and how many texts needed a second MT pass."""

    translations: list[Translation]
    second_pass: int
    probe: Probe = field(default_factory=Probe)


def enforce_segments(
    texts: Sequence[str],
    translator: Translator,
    glossary: Glossary,
    lang: Lang,
    *,
    strategy: Strategy = "mask",
    nbest: int = NBEST,
    forms: TermForms | None = None,
    probe: int = PROBE,
) -> Enforced:
    """Translate ``texts`` with ``translator``, forcing the glossary's ``lang`` forms.

    See the module documentation for the two strategies and ``probe``. Returns one fuzzy
    machine ``Translation`` per text, in order, each with ``glossary:`` comments for the
    terms it uses and any term whose form could not be placed, the number of texts
    translated twice, and what the probe found. ``forms``: share one across a run.
    """
    if not texts:
        return Enforced([], 0)
    run = _Enforcement(texts, glossary, lang, forms or TermForms(), nbest)
    if strategy == "check" and not _uninflected(lang):
        judged = run.check_with_probe(translator, probe)
    else:
        run.go(translator, [run.masked(i) for i in range(len(texts))])
        judged = Probe()
    found = [
        Translation(
            source=text,
            target=target,
            origin="mt",
            engine=translator.name,
            fuzzy=True,
            comments=tuple(glossary_notes(text, target, glossary, lang, run.forms)),
        )
        for text, target in zip(texts, run.targets, strict=True)
    ]
    return Enforced(found, len(run.redone), judged)


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


_Kind = Literal["check", "mask", "redo", "plain"]


@dataclass(frozen=True)
class _Job:
    """One text to send the engine, and what its output is for.

    ``check``: unmasked, keep the best hypothesis holding every form, else ``redo``;
    ``redo``: the terms ``missing`` masked, kept if it misses no more of them;
    ``mask``: every term masked, restored, else ``plain``; ``plain``: as the model writes it.
    """

    index: int
    kind: _Kind
    text: str
    masked: Masked | None = None
    missing: frozenset[str] = frozenset()


class _Enforcement:
    """The targets of one :func:`enforce_segments` call, filled in by rounds of jobs: each
    round is one translator call, and each job's output may queue a job for the next."""

    def __init__(
        self, texts: Sequence[str], glossary: Glossary, lang: Lang, forms: TermForms, nbest: int
    ) -> None:
        self.texts = texts
        self.glossary = glossary
        self.lang = lang
        self.forms = forms
        self.nbest = nbest
        self.targets = [""] * len(texts)
        self.redone: set[int] = set()

    def masked(self, i: int) -> _Job:
        masked = mask(self.texts[i], self.glossary, self.lang)
        return _Job(i, "mask", masked.text, masked)

    def checked(self, i: int) -> _Job:
        return _Job(i, "check", self.texts[i])

    def check_with_probe(self, translator: Translator, probe: int) -> Probe:
        """``check`` mode; the model is judged on the ``probe`` shortest texts with terms."""
        termed = [i for i, text in enumerate(self.texts) if self._telling(text)]
        if probe <= 0 or len(termed) <= probe:
            self.go(translator, [self.checked(i) for i in range(len(self.texts))])
            return Probe()
        # the shortest ones: what a second pass costs least on
        tried = sorted(termed, key=lambda i: len(self.texts[i]))[:probe]
        later = set(termed) - set(tried)
        first = [self.checked(i) for i in range(len(self.texts)) if i not in later]
        retries = self.round(translator, first)
        missed = {job.index for job in retries}
        held = sum(1 for i in tried if i not in missed)
        if held >= MIN_HELD * probe:
            self.go(translator, [*retries, *(self.checked(i) for i in sorted(later))])
            return Probe(held, probe)
        self.go(translator, [*retries, *(self.masked(i) for i in sorted(later))])
        return Probe(held, probe, len(later))

    def go(self, translator: Translator, jobs: list[_Job]) -> None:
        """Rounds until no job is left (at most two: a retry queues nothing)."""
        while jobs:
            jobs = self.round(translator, jobs)

    def round(self, translator: Translator, jobs: Sequence[_Job]) -> list[_Job]:
        """One translator call for ``jobs``; the jobs their outputs call for next."""
        n = 1 if all(job.kind == "plain" for job in jobs) else self.nbest
        outputs = _call(translator, [job.text for job in jobs], n)
        follow = [
            self._take(job, [out.strip() for out in outs])
            for job, outs in zip(jobs, outputs, strict=True)
        ]
        return [job for job in follow if job is not None]

    def _take(self, job: _Job, options: list[str]) -> _Job | None:
        i = job.index
        if job.kind == "plain":
            self.targets[i] = options[0]
            return None
        if job.kind == "check":
            lacking = [self._missing(self.texts[i], out) for out in options]
            best = next((k for k, missing in enumerate(lacking) if not missing), None)
            self.targets[i] = options[0 if best is None else best]
            if best is not None:
                return None
            self.redone.add(i)
            masked = mask(self.texts[i], self.glossary, self.lang, only=lacking[0])
            return _Job(i, "redo", masked.text, masked, frozenset(lacking[0]))
        assert job.masked is not None
        restored = [r for out in options if (r := restore(job.masked, out, self.lang)) is not None]
        if job.kind == "mask":
            if restored:
                self.targets[i] = restored[0]
                return None
            self.redone.add(i)
            return _Job(i, "plain", self.texts[i])
        # redo: the masked retry may lose a form the first output had: keep the better one
        scored = [(len(self._missing(self.texts[i], r)), r) for r in restored]
        fewest = min(scored, key=lambda pair: pair[0], default=None)
        if fewest is not None and fewest[0] <= len(job.missing):
            self.targets[i] = fewest[1]
        return None

    def _telling(self, text: str) -> bool:
        """Whether ``text`` holds a term the model must write in another form (``SCO`` →
        ``ШОС``; not ``CGTN`` → ``CGTN``, which copying gets right): what a probe judges."""
        return any(
            (form := target_form(m.term, self.lang)) and form.casefold() != m.term.term.casefold()
            for m in find_terms(text, self.glossary)
        )

    def _missing(self, text: str, target: str) -> set[str]:
        """The terms of ``text`` that have a form in this language not found in ``target``."""
        return {
            m.term.term
            for m in find_terms(text, self.glossary)
            if target_form(m.term, self.lang)
            and target_present(m.term, self.lang, target, self.forms) is None
        }


def _call(translator: Translator, texts: Sequence[str], n: int) -> list[list[str]]:
    outputs = translate_nbest(translator, list(texts), n)
    if len(outputs) != len(texts) or any(not outs for outs in outputs):
        raise ModelError(
            f"{translator.name}: returned {len(outputs)} translations for {len(texts)} texts — "
            "the translator must return one output per input"
        )
    return outputs
