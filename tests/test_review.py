"""status, check, export and tm through the CLI, on catalogs that `run` wrote."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from l10n.cli import cli
from l10n.model import Language
from l10n.mt import Progress
from l10n.pipeline import run
from l10n.project.config import Settings, load_settings

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "source" / "china-central-asia-article.txt"
DOMAIN = ARTICLE.stem


class FakeTranslator:
    """A FAKE engine for review/merge logic only: tags each sentence with the language."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.calls: list[list[str]] = []

    @property
    def name(self) -> str:
        return f"fake-{self.code}"

    def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        self.calls.append(list(texts))
        return [f"[{self.code}] {text}" for text in texts]


class FakeFactory:
    def __init__(self) -> None:
        self.made: dict[str, FakeTranslator] = {}

    def __call__(self, language: Language, settings: Settings) -> FakeTranslator:
        return self.made.setdefault(language.code, FakeTranslator(language.code))


@pytest.fixture
def project(new_project: Callable[[str], Path]) -> Path:
    return new_project('[tool.l10n]\nlanguages = ["ru", "zh"]\nglossary-mode = "mask"\n')


def po_path(root: Path, locale: str, domain: str = DOMAIN) -> Path:
    return root / "locales" / locale / "LC_MESSAGES" / f"{domain}.po"


def approve(path: Path, count: int) -> None:
    """Act as a translator: accept the first ``count`` machine translations."""
    catalog = polib.pofile(str(path))
    for entry in catalog[:count]:
        entry.flags.remove("fuzzy")
    catalog.save(str(path))


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_status_counts_and_fail_under(project: Path) -> None:
    run(load_settings(project), translator_for=FakeFactory())
    approve(po_path(project, "ru"), 8)
    result = invoke("status", "--json")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["language"], r["translated"], r["fuzzy"], r["untranslated"]) for r in rows] == [
        ("ru", 8, 24, 0),
        ("zh", 0, 32, 0),
    ]
    assert rows[0]["percent"] == 25.0
    failing = invoke("status", "--fail-under", "20")
    assert failing.exit_code == 3
    assert failing.stderr == f"Error: below --fail-under 20%: zh {DOMAIN} (0.0%)\n"


def test_status_before_run_says_what_to_do(project: Path) -> None:
    result = invoke("status")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: locales/ru/LC_MESSAGES/{DOMAIN}.po: no catalog yet — run `l10n run` first\n"
    )


def test_check_list_and_json(project: Path) -> None:
    listing = invoke("check", "--list")
    assert listing.exit_code == 0
    ids = [line.split()[0] for line in listing.stdout.splitlines()]
    assert {"glossary", "numbers", "quotes", "end-punctuation", "untranslated"} <= set(ids)
    run(load_settings(project), translator_for=FakeFactory())
    result = invoke("check", "--to", "ru", "--json")
    issues = [json.loads(line) for line in result.stdout.splitlines()]
    # The fake keeps English: every entry is flagged as untranslated, and 423.2 as unlocalized.
    assert {i["check"] for i in issues} >= {"untranslated", "numbers"}
    assert all(i["path"] == f"locales/ru/LC_MESSAGES/{DOMAIN}.po" for i in issues)
    assert result.exit_code == 3  # numbers is an error


def test_check_fail_on_warning_only(project: Path) -> None:
    run(load_settings(project), translator_for=FakeFactory())
    catalog = polib.pofile(str(po_path(project, "ru")))
    for entry in catalog:
        entry.msgstr = "Текст."  # Cyrillic, no numbers to lose for most entries
    catalog.save(str(po_path(project, "ru")))
    by_error = invoke("check", "--to", "ru", "--fail-on", "error")
    by_warning = invoke("check", "--to", "ru", "--fail-on", "warning")
    assert by_warning.exit_code == 3
    assert by_error.exit_code == (3 if "(error)" in by_error.stdout else 0)


def test_export_policy_and_fail_under(project: Path) -> None:
    run(load_settings(project), translator_for=FakeFactory())
    approve(po_path(project, "ru"), 1)  # the title only
    result = invoke("export", "--format", "txt", "--out", "out")
    assert result.exit_code == 0, result.output
    text = (project / "out" / "ru" / f"{DOMAIN}.txt").read_text(encoding="utf-8")
    assert text.startswith("[ru] What do Китай — Центральная Азия ties mean")
    assert "[ru] Китай is to hold" not in text  # fuzzy falls back to English
    fuzzy = invoke("export", "--format", "txt", "--out", "fuzzy", "--include-fuzzy")
    assert fuzzy.exit_code == 0
    assert "[ru] Китай is to hold" in (project / "fuzzy" / "ru" / f"{DOMAIN}.txt").read_text(
        encoding="utf-8"
    )
    refused = invoke("export", "--fail-under", "50", "--out", "refused")
    assert refused.exit_code == 3
    assert refused.stderr.startswith(f"Error: ru: {DOMAIN}: only 3.1% of the segments are reviewed")
    assert not (project / "refused").exists()


def test_export_bad_options(project: Path) -> None:
    run(load_settings(project), translator_for=FakeFactory())
    unknown = invoke("export", "--format", "pdf")
    assert unknown.exit_code == 2
    assert "'pdf' is not one of 'txt', 'md', 'html', 'mo'" in unknown.stderr
    (project / "blocker").write_text("a file, not a directory", encoding="utf-8")
    blocked = invoke("export", "--format", "txt", "--out", "blocker/out")
    assert blocked.exit_code == 1
    assert len(blocked.stderr.splitlines()) == 1
    assert "— choose a writable --out directory" in blocked.stderr


@pytest.mark.parametrize("damage", ["missing", "broken"])
def test_export_writes_nothing_when_a_later_language_has_no_usable_catalog(
    project: Path, damage: str
) -> None:
    run(load_settings(project), translator_for=FakeFactory())
    zh = po_path(project, "zh_Hans")
    if damage == "missing":
        zh.unlink()
    else:
        zh.write_text(zh.read_text(encoding="utf-8") + "\noops\n", encoding="utf-8")
    result = invoke("export", "--out", "out")
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("Error: ")
    assert "LC_MESSAGES" in result.stderr
    assert not (project / "out").exists()


def test_broken_catalog_stops_that_language_only(project: Path) -> None:
    factory = FakeFactory()
    run(load_settings(project), translator_for=factory)
    broken = po_path(project, "ru")
    text = broken.read_text(encoding="utf-8").replace(
        'msgstr "[ru] CGTN"', 'msgstr "[ru] CGTN"\noops'
    )
    broken.write_text(text, encoding="utf-8")
    before = broken.read_bytes()
    (project / "source" / ARTICLE.name).write_text(
        ARTICLE.read_text(encoding="utf-8").replace("next week.", "next month."),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["run"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: locales/ru/LC_MESSAGES/{DOMAIN}.po:32: syntax error — fix the line in your PO "
        "editor or restore it (language ru skipped)"
    ]
    assert broken.read_bytes() == before
    zh = polib.pofile(str(po_path(project, "zh_Hans")))
    assert any("next month." in e.msgid for e in zh)


def test_translation_memory_reuses_approved_sentences_across_articles(project: Path) -> None:
    factory = FakeFactory()
    run(load_settings(project), translator_for=factory)
    catalog = polib.pofile(str(po_path(project, "ru")))
    title = catalog[0]
    title.msgstr = "Что значат связи Китая и Центральной Азии для неспокойного мира?"
    title.flags.remove("fuzzy")
    catalog.save(str(po_path(project, "ru")))
    second = project / "source" / "follow-up.txt"
    second.write_text(
        "What do China-Central Asia ties mean for a turbulent world?\n\n"
        "A brand new sentence about trade.\n",
        encoding="utf-8",
    )
    factory = FakeFactory()
    report = run(load_settings(project), translator_for=factory)
    follow = polib.pofile(str(po_path(project, "ru", "follow-up")))
    reused = follow.find("What do China-Central Asia ties mean for a turbulent world?")
    assert reused is not None and reused.msgstr == title.msgstr
    assert reused.fuzzy and "translation memory:" in reused.comment
    assert report.languages[0].reused_tm == 1
    sent = [text for call in factory.made["ru"].calls for text in call]
    assert not any("turbulent" in text for text in sent)


def test_tmx_export_and_import_round_trip(project: Path, tmp_path: Path) -> None:
    run(load_settings(project), translator_for=FakeFactory())
    approve(po_path(project, "ru"), 3)
    exported = invoke("tm", "export", "memory.tmx")
    assert exported.exit_code == 0
    assert exported.stdout == "wrote 3 translation units to memory.tmx\n"
    tmx = (project / "memory.tmx").read_text(encoding="utf-8")
    assert 'srclang="en"' in tmx and 'xml:lang="ru"' in tmx
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(project / "memory.tmx", other)
    (other / "pyproject.toml").write_text("[tool.l10n]\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["tm", "import", str(other / "memory.tmx"), "--config", str(other / "pyproject.toml")]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("imported 3 translation units")


def test_bad_tmx_is_one_line(project: Path) -> None:
    (project / "bad.tmx").write_text("<tmx><body><tu>", encoding="utf-8")
    result = invoke("tm", "import", "bad.tmx")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: bad.tmx:")
    assert len(result.stderr.splitlines()) == 1
