"""Machine translation behind a small batch protocol.

Only ``l10n.mt.argos`` imports argostranslate/ctranslate2/sentencepiece, and only inside
functions, so that ``import l10n`` stays cheap and never imports torch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Translator(Protocol):
    """Translates a batch of plain-text sentences from English into one target language."""

    @property
    def name(self) -> str:
        """Provenance for ``#.`` comments, e.g. ``argos translate-en_ru 1.9``."""
        ...

    def translate(self, texts: Sequence[str]) -> list[str]:
        """One output per input, in order. Empty input gives an empty list."""
        ...
