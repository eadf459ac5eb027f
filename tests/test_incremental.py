"""Incremental runs: a re-run does the work of what changed, found by content hashes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import polib
import pytest

from l10n import pipeline
from l10n.model import Article
from l10n.mt.store import PackageInfo, install_package
from l10n.pipeline import RunReport, run
from l10n.project.config import Settings, load_settings
from l10n.project.manifest import MANIFEST, Manifest

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "source" / "china-central-asia-article.txt"
SHARED = "Central Asia is a bridge between East and West."


@pytest.fixture
def project(new_project: Callable[[str], Path], argos_env: Path) -> Path:
    root = new_project('[tool.l10n]\nlanguages = ["ru", "zh"]\n')
    for name in ("second", "third"):
        text = f"A {name} story\n\nBy Jane Doe\n\nThe {name} story begins here. {SHARED}\n"
        (root / "source" / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


class Spy:
    """Records which articles each run reads and segments."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.read: list[list[str]] = []
        real = pipeline.read_articles

        def spy(settings: Settings, paths: Sequence[Path]) -> list[Article]:
            self.read.append(sorted(p.stem for p in paths))
            return real(settings, paths)

        monkeypatch.setattr(pipeline, "read_articles", spy)

    def run(self, root: Path, **options: object) -> RunReport:
        return run(load_settings(root), **options)  # type: ignore[arg-type]


def catalog(root: Path, locale: str, domain: str) -> Path:
    return root / "locales" / locale / "LC_MESSAGES" / f"{domain}.po"


def undated(files: dict[str, bytes]) -> dict[str, list[bytes]]:
    """The catalogs without their date headers (two runs a minute apart differ there)."""
    dates = (b'"POT-Creation-Date', b'"PO-Revision-Date')
    return {
        name: [line for line in data.splitlines() if not line.startswith(dates)]
        for name, data in files.items()
        if name.endswith(".po")
    }


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in (root / "locales").rglob("*.po*")}


def test_a_no_op_rerun_reads_no_article_and_writes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch)
    first = spy.run(project)
    assert len(first.templates) == 3
    before = snapshot(project)
    again = spy.run(project)
    assert spy.read[-1] == [] and again.templates == ()
    assert snapshot(project) == before
    assert [(s.language, s.unchanged) for s in again.languages] == [("ru", 3), ("zh", 3)]
    # languages without a model still say so on a run that skipped everything
    assert len(again.warnings) == 2 and all("no en→" in w for w in again.warnings)


def test_one_edited_article_is_the_only_one_read(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch)
    spy.run(project)
    path = project / "source" / "second.txt"
    path.write_text(path.read_text().replace("begins here", "starts here"), encoding="utf-8")
    report = spy.run(project)
    assert spy.read[-1] == ["second"]
    assert [s.unchanged for s in report.languages] == [2, 2]
    assert "The second story starts here." in catalog(project, "ru", "second").read_text()


def test_an_editor_save_that_keeps_size_and_mtime_is_seen(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rsync -t or Syncthing: same size, same mtime, different content."""
    spy = Spy(monkeypatch)
    spy.run(project)
    path = catalog(project, "ru", "third")
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace('msgid "A third story"\nmsgstr ""', 'msgid "A third story"\nmsgstr "Ааа"')
    assert edited != text
    # keep the size: drop three characters of the header's team name to make room
    edited = edited.replace("Language-Team: русский", "Language-Team: русск", 1)
    path.write_bytes(edited.encode("utf-8")[: stat.st_size].ljust(stat.st_size, b" "))
    assert path.stat().st_size == stat.st_size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    spy.run(project)
    assert "third" in spy.read[-1]


def test_a_translation_approved_elsewhere_reaches_a_skipped_article(project: Path) -> None:
    """No model: the shared sentence stays empty until a translator approves it in one
    article; the next run fills it in the other from the memory, though it did not change."""
    settings = load_settings(project)
    run(settings)
    path = catalog(project, "ru", "second")
    po = polib.pofile(str(path))
    po.find(SHARED).msgstr = "Центральная Азия — мост между Востоком и Западом."
    po.save(str(path))
    run(settings)
    third = polib.pofile(str(catalog(project, "ru", "third"))).find(SHARED)
    assert third.msgstr == "Центральная Азия — мост между Востоком и Западом."
    assert "translation memory: locales/ru/LC_MESSAGES/second.po" in third.comment


def test_a_model_installed_later_fills_the_skipped_articles(
    project: Path, model_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch)
    spy.run(project)
    installed: PackageInfo = install_package(model_files["ru"])
    assert installed.to_code == "ru"
    report = spy.run(project)
    assert spy.read[-1] == ["china-central-asia-article", "second", "third"]
    ru = next(s for s in report.languages if s.language == "ru")
    assert ru.translated > 0 and ru.unchanged == 0
    zh = next(s for s in report.languages if s.language == "zh")
    assert zh.unchanged == 0  # every zh catalog has empty entries: the memory may fill them


def test_glossary_and_settings_changes_redo_everything(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch)
    spy.run(project)
    with (project / "glossary.csv").open("a", encoding="utf-8") as handle:
        handle.write("Jane Doe,Джейн Доу,,简·多伊,,A reporter\n")
    spy.run(project)
    assert len(spy.read[-1]) == 3
    spy.run(project)
    assert spy.read[-1] == []
    config = project / "pyproject.toml"
    config.write_text(config.read_text() + "fuzzy-threshold = 90\n", encoding="utf-8")
    spy.run(project)
    assert len(spy.read[-1]) == 3


def test_retranslate_and_a_lost_manifest_redo_everything(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch)
    spy.run(project)
    spy.run(project, retranslate=True)
    assert len(spy.read[-1]) == 3
    (project / MANIFEST).write_text("{not json", encoding="utf-8")
    assert Manifest.load(project).articles == {}
    before = snapshot(project)
    spy.run(project)
    assert len(spy.read[-1]) == 3 and snapshot(project) == before
    shutil.rmtree(project / "locales" / "zh_Hans")
    spy.run(project)
    assert len(spy.read[-1]) == 3
    assert catalog(project, "zh_Hans", "second").exists()


def test_html_and_markdown_sources_are_planned_like_text(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An HTML page or Markdown article is a file like a .txt: hashed, skipped when
    unchanged, merged again (alone) when edited — also an edit inside markup only."""
    data = REPO / "tests" / "data"
    shutil.copy(data / "html" / "cms-fragment.html", project / "source")
    shutil.copy(data / "markdown" / "short-note.md", project / "source")
    spy = Spy(monkeypatch)
    first = spy.run(project)
    assert len(first.templates) == 5
    assert "cms-fragment" in spy.read[-1] and "short-note" in spy.read[-1]
    before = snapshot(project)
    again = spy.run(project)
    assert spy.read[-1] == [] and again.templates == ()
    assert snapshot(project) == before
    page = project / "source" / "cms-fragment.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Bonded warehouses", "Bonded depots"), encoding="utf-8")
    edited = spy.run(project)
    assert spy.read[-1] == ["cms-fragment"]
    assert [s.unchanged for s in edited.languages] == [4, 4]
    po = catalog(project, "ru", "cms-fragment").read_text(encoding="utf-8")
    assert 'msgid "Bonded depots"' in po and 'msgid "Bonded warehouses"' not in po
    # a link's target is markup, not text: the catalog is the same, but the file changed
    page.write_text(
        page.read_text(encoding="utf-8").replace('href="/rail"', 'href="/rail/2026"'),
        encoding="utf-8",
    )
    spy.run(project)
    assert spy.read[-1] == ["cms-fragment"]


def test_the_memory_does_not_read_back_what_the_run_wrote(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catalogs a run writes go to the memory as they are; a later run that looks
    something up in the memory reads no catalog back."""
    from l10n.memory import store

    spy = Spy(monkeypatch)
    spy.run(project)
    reads: list[Path] = []
    real = store.read_catalog

    def counting(path: Path) -> object:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(store, "read_catalog", counting)
    path = project / "source" / "second.txt"
    path.write_text(path.read_text().replace("begins here", "starts here"), encoding="utf-8")
    spy.run(project)
    assert spy.read[-1] == ["second"]
    assert reads == []


def test_a_run_in_groups_writes_what_a_run_in_one_group_writes(
    project: Path, installed_models: dict[str, PackageInfo], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big project is merged a group of articles at a time (flat memory); each distinct
    text still reaches the engine once per language, and the catalogs are the same."""
    from l10n.mt.argos import ArgosTranslator

    sent: list[str] = []
    real = ArgosTranslator.translate

    def counting(self: ArgosTranslator, texts: Sequence[str], **kw: object) -> list[str]:
        sent.extend(texts)
        return real(self, texts, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ArgosTranslator, "translate", counting)
    settings = load_settings(project)
    whole = run(settings, jobs=1)
    expected = snapshot(project)
    once = sorted(sent)
    shutil.rmtree(project / "locales")
    (project / MANIFEST).unlink()
    sent.clear()
    grouped = run(settings, jobs=1, group=1)
    assert sorted(sent) == once  # the shared sentence went to MT once, not once per article
    assert undated(snapshot(project)) == undated(expected)
    assert [(s.language, s.translated, s.kept_human) for s in grouped.languages] == [
        (s.language, s.translated, s.kept_human) for s in whole.languages
    ]


def test_status_reads_only_the_catalogs_someone_saved(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The manifest holds each catalog's counts as l10n wrote it: status reads a catalog
    only when its content changed since (a translator saved it)."""
    from l10n import review

    settings = load_settings(project)
    run(settings)
    reads: list[Path] = []
    real = review.read_catalog

    def counting(path: Path) -> object:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(review, "read_catalog", counting)
    before = {s.language: s.translated for s in review.status(settings).languages}
    assert reads == [] and before == {"ru": 0, "zh": 0}
    path = catalog(project, "ru", "second")
    po = polib.pofile(str(path))
    po.find(SHARED).msgstr = "Центральная Азия — мост между Востоком и Западом."
    po.save(str(path))
    after = {s.language: s.translated for s in review.status(settings).languages}
    assert reads == [path] and after == {"ru": 1, "zh": 0}
