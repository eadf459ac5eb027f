"""Per-article work: articles in sub-folders, files that are not articles, a broken
article, files outside the project, and status/check/export on chosen articles."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from l10n.cli import cli
from l10n.languages import resolve
from l10n.model import Language
from l10n.mt import Progress
from l10n.pipeline import run
from l10n.project.config import Settings, load_settings
from l10n.project.paths import discover, language_catalogs

STORY = "Rail link opens\n\nThe first train left Almaty on Tuesday. It carried 40 containers.\n"
OTHER = "Dam repaired\n\nWork on the dam ended in May. Farmers welcomed the news.\n"


class FakeTranslator:
    """A FAKE engine for the file logic only: tags each sentence with the language."""

    def __init__(self, code: str) -> None:
        self.code = code

    @property
    def name(self) -> str:
        return f"fake-{self.code}"

    def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        return [f"[{self.code}] {text}" for text in texts]


def fake(language: Language, settings: Settings) -> FakeTranslator:
    return FakeTranslator(language.code)


@pytest.fixture
def newsroom(new_project: Callable[[str], Path]) -> Path:
    """A project whose source/ has articles in sub-folders, two with the same file name."""
    root = new_project('[tool.l10n]\nlanguages = ["ru"]\n')
    for name in ("china-central-asia-article.txt",):
        (root / "source" / name).unlink()
    for relative, text in {
        "world/asia/story.txt": STORY,
        "a/x.txt": STORY,
        "b/x.txt": OTHER,
    }.items():
        path = root / "source" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def po(root: Path, domain: str) -> Path:
    return root / "locales" / "ru" / "LC_MESSAGES" / f"{domain}.po"


def approve_all(path: Path) -> None:
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalog.save(str(path))


def test_discover_takes_the_known_suffixes(tmp_path: Path) -> None:
    for name in ("a.txt", "sub/b.txt", "sub/c.html", "UPPER.TXT", ".hidden.txt", ".git/x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    articles, others = discover(tmp_path, (".txt",))
    assert [p.relative_to(tmp_path).as_posix() for p in articles] == ["a.txt", "sub/b.txt"]
    assert [p.relative_to(tmp_path).as_posix() for p in others] == ["UPPER.TXT", "sub/c.html"]
    with_html, _ = discover(tmp_path, (".txt", ".html"))
    assert len(with_html) == 3


def test_sub_folders_are_domains_without_collisions(newsroom: Path) -> None:
    report = run(load_settings(newsroom), translator_for=fake)
    assert not report.errors
    for domain in ("world/asia/story", "a/x", "b/x"):
        assert po(newsroom, domain).is_file(), domain
        assert (newsroom / "locales" / f"{domain}.pot").is_file()
    a_x = polib.pofile(str(po(newsroom, "a/x")))
    b_x = polib.pofile(str(po(newsroom, "b/x")))
    assert a_x[0].msgid == "Rail link opens" and b_x[0].msgid == "Dam repaired"
    assert a_x[0].occurrences == [("source/a/x.txt", "1")]
    found = language_catalogs(load_settings(newsroom), resolve("ru"))
    assert len(found) == 3


def test_every_command_sees_sub_folder_catalogs(newsroom: Path) -> None:
    run(load_settings(newsroom), translator_for=fake)
    approve_all(po(newsroom, "a/x"))
    status = invoke("status", "--json")
    assert status.exit_code == 0, status.output
    record = json.loads(status.stdout)
    assert [(a["article"], a["percent"]) for a in record["articles"]] == [
        ("a/x", 100.0),
        ("b/x", 0.0),
        ("world/asia/story", 0.0),
    ]
    table = invoke("status").stdout
    assert "  world/asia/story" in table
    checked = invoke("check", "--json", "--fail-on", "error")
    paths = {json.loads(line)["path"] for line in checked.stdout.splitlines()}
    assert "locales/ru/LC_MESSAGES/world/asia/story.po" in paths
    exported = invoke("export", "--format", "txt", "--out", "out")
    assert exported.exit_code == 0, exported.output
    assert (
        (newsroom / "out" / "ru" / "a" / "x.txt")
        .read_text(encoding="utf-8")
        .startswith("[ru] Rail link opens")
    )
    assert (newsroom / "out" / "ru" / "world" / "asia" / "story.txt").is_file()


def test_fail_under_is_per_article_and_files_choose_articles(newsroom: Path) -> None:
    run(load_settings(newsroom), translator_for=fake)
    approve_all(po(newsroom, "a/x"))
    chosen = invoke("status", "--fail-under", "100", "source/a/x.txt")
    assert chosen.exit_code == 0, chosen.output
    every = invoke("status", "--fail-under", "100")
    assert every.exit_code == 3
    assert every.stderr == (
        "Error: below --fail-under 100%: ru b/x (0.0%), ru world/asia/story (0.0%)\n"
    )
    export = invoke("export", "--format", "txt", "--out", "out", "--fail-under", "100")
    assert export.exit_code == 3
    assert (newsroom / "out" / "ru" / "a" / "x.txt").is_file()
    assert not (newsroom / "out" / "ru" / "b").exists()
    assert "ru: b/x: only 0.0% of the segments are reviewed" in export.stderr
    one = invoke("check", "--to", "ru", "--json", "source/b/x.txt")
    assert {json.loads(line)["path"] for line in one.stdout.splitlines()} == {
        "locales/ru/LC_MESSAGES/b/x.po"
    }


def test_files_that_are_not_articles_are_reported(newsroom: Path) -> None:
    (newsroom / "source" / "notes.md").write_text("# notes\n", encoding="utf-8")
    (newsroom / "source" / "UPPER.TXT").write_text("Title\n\nText.\n", encoding="utf-8")
    result = invoke("run")
    assert result.exit_code == 0, result.output
    assert (
        "warning: source/UPPER.TXT: not read, only *.txt files are articles — rename it to"
        " UPPER.txt to translate it" in result.stderr
    )
    assert "warning: source/notes.md: not read, only *.txt files are articles" in result.stderr
    assert "warning: source/notes.md" in invoke("status").stderr


def test_one_broken_article_stops_only_itself(newsroom: Path) -> None:
    (newsroom / "source" / "latin1.txt").write_bytes(b"Title\n\nCaf\xe9 society.\n")
    result = invoke("run")
    assert result.exit_code == 1
    assert (
        "error: source/latin1.txt:3: not UTF-8 text (byte 0xe9) — save the file as UTF-8"
        " (article skipped)" in result.stderr
    )
    assert po(newsroom, "a/x").is_file()
    assert not po(newsroom, "latin1").exists()
    status = invoke("status")
    assert status.exit_code == 1
    assert "a/x" in status.stdout
    assert "Error: 1 article(s) skipped — fix the errors above" in status.stderr


def test_a_new_article_without_catalog_stops_only_itself(newsroom: Path) -> None:
    run(load_settings(newsroom), translator_for=fake)
    (newsroom / "source" / "late.txt").write_text(OTHER, encoding="utf-8")
    status = invoke("status")
    assert status.exit_code == 1
    assert (
        "error: locales/ru/LC_MESSAGES/late.po: no catalog yet — run `l10n run` first"
        " (article skipped in ru)" in status.stderr
    )
    assert "world/asia/story" in status.stdout


def test_file_outside_the_project_is_cited_relatively(newsroom: Path) -> None:
    outside = newsroom.parent / "elsewhere.txt"
    outside.write_text(STORY, encoding="utf-8")
    report = run(load_settings(newsroom), files=[outside], translator_for=fake)
    assert not report.errors
    template = polib.pofile(str(newsroom / "locales" / "elsewhere.pot"))
    assert template[0].occurrences == [("../elsewhere.txt", "1")]
