"""Review progress of a catalog for `l10n status`."""

from __future__ import annotations

import pytest

from l10n.model import Catalog, Entry
from l10n.po.stats import Progress, catalog_progress, count_words


@pytest.mark.parametrize(
    ("text", "words"),
    [("China-Central Asia ties", 3), ("China's 2020 plan, /Xinhua", 4), ("", 0)],
    ids=["hyphen", "apostrophe-number", "empty"],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


def test_catalog_progress_counts_segments_and_words() -> None:
    catalog = Catalog(
        entries=tuple(
            Entry(msgid=msgid, msgstr=msgstr, obsolete=obsolete, flags=("fuzzy",) if fuzzy else ())
            for msgid, msgstr, fuzzy, obsolete in [
                ("Economic benefits", "Выгоды", False, False),
                ("The summit is next week.", "Саммит на следующей неделе.", True, False),
                ("China-Central Asia ties valuable", "", False, False),
                ("Gone sentence here.", "Удалено.", False, True),
            ]
        )
    )
    progress = catalog_progress(catalog)
    assert progress == Progress(
        translated=1,
        fuzzy=1,
        untranslated=1,
        words_translated=2,
        words_fuzzy=5,
        words_untranslated=4,
    )
    assert progress.total == 3 and progress.words_total == 11
    assert progress.percent_reviewed == pytest.approx(100 * 2 / 11)


def test_empty_catalog_is_complete() -> None:
    assert catalog_progress(Catalog()).percent_reviewed == 100.0
