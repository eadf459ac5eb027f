"""``#. glossary:`` notes: a pure function of the entry as it stands, re-evaluated each run."""

from __future__ import annotations

from pathlib import Path

import polib

from l10n.model import Glossary, Language, Term
from l10n.pipeline import run
from l10n.project.config import load_settings
from l10n.project.paths import catalog_path
from l10n.terms.notes import glossary_notes, refresh_notes

GLOSSARY = Glossary(
    (
        Term("SCO", {"ru": "ШОС", "zh": "上合组织"}),
        Term("China", {"ru": "Китай", "zh": "中国"}),
        Term("CGTN", {}, keep=True),
        Term("Kyrgyzstan", {"ru": "Киргизия|Кыргызстан"}),
    )
)


def test_notes_name_used_then_missing_terms() -> None:
    notes = glossary_notes("China told CGTN about the SCO.", "Китай сказал CGTN.", GLOSSARY, "ru")
    assert notes == [
        "glossary: China → Китай",
        "glossary: CGTN (kept as is)",
        "glossary: SCO → ШОС",
        'glossary: missing "ШОС" for "SCO"',
    ]


def test_an_alternative_is_not_missing() -> None:
    notes = glossary_notes("Kyrgyzstan signed.", "Кыргызстан подписал.", GLOSSARY, "ru")
    assert notes == ["glossary: Kyrgyzstan → Киргизия"]


def test_refresh_drops_a_stale_missing_note_in_place() -> None:
    lines = [
        "paragraph",
        "machine translation: argos 1.0",
        "glossary: SCO → ШОС",
        'glossary: missing "ШОС" for "SCO"',
        "reviewed by the desk",
    ]
    fresh = refresh_notes(lines, "The SCO met.", "ШОС собралась.", GLOSSARY, "ru")
    assert fresh == [
        "paragraph",
        "machine translation: argos 1.0",
        "glossary: SCO → ШОС",
        "reviewed by the desk",
    ]


def test_refresh_leaves_entries_without_notes_or_translation() -> None:
    assert refresh_notes(["paragraph"], "The SCO met.", "x", GLOSSARY, "ru") == ["paragraph"]
    lines = ['glossary: missing "ШОС" for "SCO"']
    assert refresh_notes(lines, "The SCO met.", "", GLOSSARY, "ru") == lines


def test_a_run_drops_the_missing_note_once_the_form_is_in(
    new_project: object, installed_models: object
) -> None:
    root = new_project('[tool.l10n]\nlanguages = ["ru"]\n')  # type: ignore[operator]
    settings = load_settings(Path(root))
    run(settings)
    path = catalog_path(settings, Language("ru", "ru", "ru"), "china-central-asia-article")
    catalog = polib.pofile(str(path))
    noted = [e for e in catalog if 'glossary: missing "ШОС"' in e.comment]
    assert noted  # the random test model never writes ШОС
    entry = noted[0]
    entry.msgstr = "ШОС и Китай: " + entry.msgstr
    catalog.save(str(path))
    run(settings)
    after = polib.pofile(str(path)).find(entry.msgid)
    assert after is not None and 'glossary: missing "ШОС"' not in after.comment
    assert "glossary: SCO → ШОС" in after.comment
