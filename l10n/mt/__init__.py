"""Machine translation behind a small batch protocol.

Only ``l10n.mt.argos`` and ``l10n.mt.store`` import argostranslate/ctranslate2/sentencepiece,
and only inside functions, so that ``import l10n`` stays cheap and never imports torch.
The engine knows nothing of project files: its settings (:class:`MTSettings`, the user's
:class:`ModelChoice`) are passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

Progress = Callable[[int], None]
"""Called with the number of texts just translated (an increment, as Click's ``update``)."""


@dataclass(frozen=True)
class MTSettings:
    """How the MT engine runs (Argos' own defaults where it has them)."""

    beam_size: int = 4
    batch_size: int = 16
    threads: int = 0
    length_penalty: float = 0.2


@dataclass(frozen=True)
class ModelChoice:
    """A user's choice of model for one language (bring-your-own model)."""

    package: str = ""
    source_prefix: str = ""
    target_prefix: str = ""


Batch = list[list[str]]
Report = Callable[[int], None]
"""Called with the number of texts of each batch done."""


@dataclass(frozen=True)
class EngineSpec:
    """What a worker needs to decode: the package (by name and version, found in the
    worker's own store, or at the coordinator's path when the two share a disk) and the
    decoding settings."""

    package: str
    version: str
    path: str
    mt: MTSettings
    target_prefix: str
    max_decoding_length: int
    num_hypotheses: int = 1
    """Hypotheses per text; above 1 each text has that many rows in an output batch."""


class BatchPool(Protocol):
    """Decodes token batches somewhere else; one output batch per input batch, in order."""

    def map_batches(
        self, spec: EngineSpec, batches: Sequence[Batch], report: Report | None
    ) -> list[Batch]: ...

    def close(self) -> None: ...


class Translator(Protocol):
    """Translates a batch of plain-text sentences from English into one target language."""

    @property
    def name(self) -> str:
        """Provenance for ``#.`` comments, e.g. ``argos translate-en_ru 1.9``."""
        ...

    def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        """One output per input, in order. Empty input gives an empty list.

        ``progress``, when given, is called with the number of texts done after each batch
        (the counts add up to ``len(texts)``).
        """
        ...


class NBestTranslator(Translator, Protocol):
    """A Translator that can also return its n best hypotheses per text (optional)."""

    def translate_nbest(
        self, texts: Sequence[str], n: int, *, progress: Progress | None = None
    ) -> list[list[str]]:
        """Up to ``n`` hypotheses per input, best first (at least one), in input order."""
        ...


def translate_nbest(
    translator: Translator, texts: Sequence[str], n: int, *, progress: Progress | None = None
) -> list[list[str]]:
    """``translator``'s n-best lists when it offers them, else its single outputs as lists."""
    nbest = getattr(translator, "translate_nbest", None)
    if nbest is not None and n > 1:
        return list(nbest(texts, n, progress=progress))
    return [[out] for out in translator.translate(texts, progress=progress)]


class _Reporting:
    """A Translator that adds up the engine's batch progress into (done, total) reports."""

    def __init__(self, inner: Translator, total: int, report: Callable[[int, int], None]) -> None:
        self._inner = inner
        self._total = total
        self._report = report
        self._done = 0

    @property
    def name(self) -> str:
        return self._inner.name

    def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        return self._inner.translate(texts, progress=self._advance(progress))

    def translate_nbest(
        self, texts: Sequence[str], n: int, *, progress: Progress | None = None
    ) -> list[list[str]]:
        return translate_nbest(self._inner, texts, n, progress=self._advance(progress))

    def _advance(self, progress: Progress | None) -> Progress:
        def advance(count: int) -> None:
            self._done = min(self._total, self._done + count)
            self._report(self._done, self._total)
            if progress is not None:
                progress(count)

        return advance


def with_progress(
    translator: Translator, total: int, report: Callable[[int, int], None]
) -> Translator:
    """``translator`` reporting ``report(done, total)`` after every batch it translates.

    ``total`` is the number of texts the run will send; a second pass (glossary
    enforcement) never pushes ``done`` past it.
    """
    return _Reporting(translator, total, report)
