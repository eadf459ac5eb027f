"""Golden merge cases: tests/data/merge/<case>/{old.po,template.pot,expected.po}.

Each case runs merge() and then fills ``needs_translation`` from a FAKE translator (a
labelled test double: the merge logic is under test here, not the MT engine).
Regenerate after an intended change with ``L10N_REGENERATE=1 pytest tests/test_merge.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from l10n.languages import resolve
from l10n.model import Catalog, Entry, Translation
from l10n.po.entries import apply_translations, is_human
from l10n.po.format import format_catalog
from l10n.po.io import parse_catalog, read_catalog
from l10n.po.merge import MergeResult, merge

DATA = Path(__file__).parent / "data" / "merge"
FAKE_ENGINE = "fake-mt (test double)"


def fake_translations(sources: tuple[str, ...]) -> dict[str, Translation]:
    """What a fake MT engine returns: the source text tagged, so it is recognisable."""
    return {s: Translation(s, f"[MT] {s}", "mt", FAKE_ENGINE) for s in sources}


def run_case(case: str, *, retranslate: bool = False) -> tuple[MergeResult, str, Catalog]:
    """Merge a golden case and fill it from the fake engine: (merge result, text, catalog)."""
    folder = DATA / case
    template = read_catalog(folder / "template.pot")
    assert template is not None
    old = read_catalog(folder / "old.po")
    result = merge(old, template, language=resolve("ru"), threshold=80, retranslate=retranslate)
    catalog = filled(result)
    return result, format_catalog(catalog), catalog


def filled(result: MergeResult) -> Catalog:
    """The merged catalog with the fake engine's translations applied."""
    translations = fake_translations(result.needs_translation)
    return apply_translations(result.catalog, translations, result.replace)[0]


def found(catalog: Catalog, msgid: str) -> Entry:
    entry = catalog.find(msgid)
    assert entry is not None, msgid
    return entry


# case: (retranslate, needs_translation, counts)
CASES = {
    "first-run": (False, 3, {"new": 3}),
    "unchanged-human": (False, 0, {"kept_human": 1}),
    "unchanged-machine": (False, 0, {"kept_machine": 1}),
    "retranslate": (True, 1, {"kept_human": 1, "retranslated": 1}),
    "changed-one-word": (False, 2, {"fuzzy_matched": 2, "obsoleted": 2}),
    "removed-obsolete": (False, 0, {"kept_human": 1, "obsoleted": 1}),
    "resurrected": (False, 0, {"kept_human": 1, "resurrected": 1}),
    "new": (False, 1, {"kept_human": 1, "new": 1}),
    "translator-comments": (False, 0, {"kept_human": 1, "kept_machine": 1}),
    "split-sentence": (False, 2, {"new": 2, "obsoleted": 1}),
}


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
def test_merge_golden(case: str) -> None:
    retranslate, needs, counts = CASES[case]
    result, text, _ = run_case(case, retranslate=retranslate)
    expected = DATA / case / "expected.po"
    if os.environ.get("L10N_REGENERATE"):
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")
    assert len(result.needs_translation) == needs
    fields = (
        "kept_human",
        "kept_machine",
        "kept_fuzzy",
        "fuzzy_matched",
        "new",
        "obsoleted",
        "resurrected",
        "retranslated",
    )
    assert {f: getattr(result, f) for f in fields if getattr(result, f)} == counts


def test_human_translation_is_never_sent_to_mt() -> None:
    result, _, catalog = run_case("retranslate", retranslate=True)
    assert "The summit will be held next week." not in result.needs_translation
    entry = found(catalog, "The summit will be held next week.")
    assert is_human(entry) and entry.msgstr == "Саммит пройдёт на следующей неделе."


def test_merge_does_not_modify_its_inputs() -> None:
    folder = DATA / "changed-one-word"
    old, template = read_catalog(folder / "old.po"), read_catalog(folder / "template.pot")
    assert old is not None and template is not None
    before = (format_catalog(old), format_catalog(template))
    merge(old, template, language=resolve("ru"), threshold=80)
    assert (format_catalog(old), format_catalog(template)) == before


@pytest.mark.parametrize(
    ("threshold", "matched"), [(80, 1), (99, 0)], ids=["edit-above-threshold", "below"]
)
def test_threshold_decides_fuzzy_matching(threshold: float, matched: int) -> None:
    folder = DATA / "changed-one-word"
    old, template = read_catalog(folder / "old.po"), read_catalog(folder / "template.pot")
    assert template is not None
    result = merge(old, template, language=resolve("ru"), threshold=threshold)
    entry = found(result.catalog, "The summit will be held in Xian next month.")
    assert (entry.previous_msgid is not None) == bool(matched)


def test_merge_fills_language_headers_and_keeps_translator_ones() -> None:
    result, _, _ = run_case("new")
    meta = result.catalog.meta
    assert meta["Language"] == "ru"
    assert meta["Last-Translator"] == "Aigerim Translator <aigerim@example.org>"
    assert meta["PO-Revision-Date"] == "2026-01-15 12:30+0600"
    assert meta["POT-Creation-Date"] == "2026-02-01 10:00+0000"
    assert meta["X-Poedit-Bookmarks"] == "-1"
    assert meta["X-Generator"] == "Poedit 3.4"  # the last tool to save it, as msgmerge keeps


def _parse(text: str) -> Catalog:
    return parse_catalog(HEADER + text)


HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
MACHINE = (
    "#. paragraph\n#. machine translation: argos translate-en_ru 1.0\n"
    '#, fuzzy\nmsgid "Economic benefits"\nmsgstr "{msgstr}"\n'
)


def test_retranslate_without_a_new_translation_keeps_the_machine_output() -> None:
    """No model installed: ``--retranslate`` must not blank what is there."""
    old = _parse(MACHINE.format(msgstr="Экономическая польза"))
    template = _parse('#. heading\nmsgid "Economic benefits"\nmsgstr ""\n')
    result = merge(old, template, language=resolve("ru"), threshold=80, retranslate=True)
    catalog, _ = apply_translations(result.catalog, {}, result.replace)
    assert found(catalog, "Economic benefits").msgstr == "Экономическая польза"


@pytest.mark.parametrize(
    ("old_msgstr", "kept_line"),
    [
        ("[MT] Economic benefits", False),
        ("Экономическая выгода (правка переводчика)", True),
    ],
    ids=["same-output-no-comment", "edited-left-fuzzy-kept-in-comment"],
)
def test_retranslate_keeps_replaced_output_that_differs(old_msgstr: str, kept_line: bool) -> None:
    """A catalog without marks: an edit left fuzzy is kept in a ``# `` comment (editors
    keep those; they drop obsolete ``#.`` lines)."""
    old = _parse(MACHINE.format(msgstr=old_msgstr))
    template = _parse('#. heading\nmsgid "Economic benefits"\nmsgstr ""\n')
    result = merge(old, template, language=resolve("ru"), threshold=80, retranslate=True)
    entry = found(filled(result), "Economic benefits")
    assert entry.msgstr == "[MT] Economic benefits"
    replaced = f"l10n: replaced by --retranslate: {old_msgstr}"
    assert (replaced in entry.translator_comments.split("\n")) == kept_line


def test_hand_added_plural_entry_and_tool_flags_survive_as_obsolete() -> None:
    old = _parse(
        "# added by hand\n"
        'msgid "one article"\nmsgid_plural "%d articles"\n'
        'msgstr[0] "%d статья"\nmsgstr[1] "%d статьи"\nmsgstr[2] "%d статей"\n\n'
        '#, c-format, no-wrap\nmsgid "Gone %d"\nmsgstr "Ушло %d"\n'
    )
    template = _parse('msgid "Something else"\nmsgstr ""\n')
    result = merge(old, template, language=resolve("ru"), threshold=80)
    text = format_catalog(result.catalog)
    assert (
        "# added by hand\n"
        '#~ msgid "one article"\n#~ msgid_plural "%d articles"\n'
        '#~ msgstr[0] "%d статья"\n#~ msgstr[1] "%d статьи"\n#~ msgstr[2] "%d статей"\n'
    ) in text
    assert '#, c-format, no-wrap\n#~ msgid "Gone %d"\n#~ msgstr "Ушло %d"\n' in text
    back = merge(
        parse_catalog(text),
        _parse('msgid "Gone %d"\nmsgstr ""\n'),
        language=resolve("ru"),
        threshold=80,
    )
    entry = found(back.catalog, "Gone %d")
    assert (entry.msgstr, entry.flags) == ("Ушло %d", ("c-format", "no-wrap"))


def test_translator_comment_on_an_untranslated_entry_follows_an_edit() -> None:
    old = _parse(
        '# ask the desk: Xian or Xi\'an?\n#. paragraph\nmsgid "The summit is in Xian."\nmsgstr ""\n'
    )
    template = _parse('#. paragraph\nmsgid "The summit is in Xi\'an."\nmsgstr ""\n')
    result = merge(old, template, language=resolve("ru"), threshold=80)
    entry = found(result.catalog, "The summit is in Xi'an.")
    assert entry.translator_comments == "ask the desk: Xian or Xi'an?"
    assert result.needs_translation == ("The summit is in Xi'an.",) and result.new == 1


def test_resurrected_human_suggestion_is_not_taken_for_machine_output(tmp_path: Path) -> None:
    """An obsolete fuzzy suggestion keeps its ``#~|`` line, so it stays a human's work."""
    path = tmp_path / "old.po"
    path.write_text(
        HEADER + "#. machine translation: argos translate-en_ru 1.9\n#, fuzzy\n"
        '#~| msgid "The summit is next week."\n#~ msgid "The summit is next month."\n'
        '#~ msgstr "Саммит пройдёт на следующей неделе."\n',
        encoding="utf-8",
    )
    template = _parse('msgid "The summit is next month."\nmsgstr ""\n')
    result = merge(
        read_catalog(path), template, language=resolve("ru"), threshold=80, retranslate=True
    )
    entry = found(filled(result), "The summit is next month.")
    assert entry.msgstr == "Саммит пройдёт на следующей неделе."
    assert entry.previous_msgid == "The summit is next week."
    assert result.replace == ()


@pytest.mark.parametrize(
    ("old", "counts"),
    [
        (MACHINE.format(msgstr="Экономическая польза"), (1, 0)),
        (
            "#. translation memory: locales/ru/LC_MESSAGES/other.po\n#, fuzzy\n"
            'msgid "Economic benefits"\nmsgstr "Экономическая выгода"\n',
            (0, 1),
        ),
        (
            '#, fuzzy\n#| msgid "Economic benefit"\nmsgid "Economic benefits"\n'
            'msgstr "Экономическая выгода"\n',
            (0, 1),
        ),
    ],
    ids=["machine-output", "memory-reuse", "old-human-suggestion"],
)
def test_kept_fuzzy_entries_are_counted_by_origin(old: str, counts: tuple[int, int]) -> None:
    template = _parse('#. heading\nmsgid "Economic benefits"\nmsgstr ""\n')
    result = merge(_parse(old), template, language=resolve("ru"), threshold=80)
    assert (result.kept_machine, result.kept_fuzzy) == counts
    assert result.needs_translation == ()
