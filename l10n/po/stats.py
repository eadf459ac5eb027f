"""How far the review of a catalog has come, in segments and in English words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Catalog

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Progress:
    """Counts over a catalog's active entries (obsolete ones and the header excluded)."""

    translated: int = 0
    """Reviewed: a non-empty msgstr without the fuzzy flag."""
    fuzzy: int = 0
    untranslated: int = 0
    words_translated: int = 0
    words_fuzzy: int = 0
    words_untranslated: int = 0

    @property
    def total(self) -> int:
        """Segments in the catalog."""
        return self.translated + self.fuzzy + self.untranslated

    @property
    def words_total(self) -> int:
        """English words in the catalog."""
        return self.words_translated + self.words_fuzzy + self.words_untranslated

    @property
    def percent_reviewed(self) -> float:
        """Reviewed share of the English words, in percent (100 for an empty catalog)."""
        if self.words_total == 0:
            return 100.0
        return 100.0 * self.words_translated / self.words_total


def count_words(text: str) -> int:
    """English words in ``text`` (hyphenated and apostrophe forms count once)."""
    return len(_WORD.findall(text))


def catalog_progress(catalog: Catalog) -> Progress:
    """Translated/fuzzy/untranslated segments and words of a catalog."""
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    words = dict(counts)
    for entry in catalog:
        if entry.obsolete or not entry.msgid:
            continue
        state = "untranslated" if not entry.msgstr else "fuzzy" if entry.fuzzy else "translated"
        counts[state] += 1
        words[state] += count_words(entry.msgid)
    return Progress(**counts, **{f"words_{k}": v for k, v in words.items()})
