"""``l10n report``: the review report's model, its JSON twin, the command, and Chromium.

The project is the bundled article with FAKE catalogs halfway through review
(``docs/make_screenshots.py:review_catalog``): every state and real QA findings.
"""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from screenshots import load

from l10n.cli import cli
from l10n.model import Entry
from l10n.project.config import load_settings
from l10n.publish.report import Counts, entry_state
from l10n.review import report

ROOT = Path(__file__).parent.parent
CHROMIUM = Path("/usr/bin/chromium")


SHOTS = load()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return SHOTS.review_project(tmp_path / "project")  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("entry", "state"),
    [
        (None, "empty"),
        (Entry("A."), "empty"),
        (Entry("A.", "Б."), "reviewed"),
        (
            Entry("A.", "Б.", flags=("fuzzy",), extracted_comments="machine translation: x"),
            "machine",
        ),
        (
            Entry("A.", "Б.", flags=("fuzzy",), extracted_comments="translation memory: y.po"),
            "suggestion",
        ),
        (
            Entry(
                "A.",
                "Б.",
                flags=("fuzzy",),
                extracted_comments="machine translation: x",
                previous_msgid="B.",
            ),
            "suggestion",
        ),
    ],
    ids=["none", "no-msgstr", "reviewed", "machine", "memory", "fuzzy-match"],
)
def test_entry_state(entry: Entry | None, state: str) -> None:
    assert entry_state(entry) == state


def test_pages_have_every_state_and_the_findings(project: Path) -> None:
    result = report(load_settings(config=project / "pyproject.toml"))
    assert [p.language.code for p in result.pages] == ["ru", "kk", "zh"]
    page = result.pages[0]
    assert page.segments == Counts(reviewed=10, machine=10, suggestion=1, empty=11)
    assert page.words.total == sum(
        len(re.findall(r"\w+(?:[-'’]\w+)*", r.source)) for r in page.rows
    )
    suggestion = next(r for r in page.rows if r.state == "suggestion")
    assert suggestion.previous_msgid and suggestion.previous_msgid != suggestion.source
    machine = next(r for r in page.rows if r.state == "machine")
    assert "machine translation: FAKE" in machine.notes
    numbers = [i for r in page.rows for i in r.findings if i.check == "numbers"]
    assert numbers, "digits were dropped from every fourth translation"
    assert all(i.line is not None for i in numbers)
    assert any(term == "China" and form for r in page.rows for term, form in r.terms)
    assert not any(r.findings for r in page.rows if r.state == "empty")
    assert result.written == ()


def test_missing_catalog_gives_an_empty_page(project: Path) -> None:
    (project / "locales" / "kk" / "LC_MESSAGES" / "china-central-asia-article.po").unlink()
    pages = report(load_settings(config=project / "pyproject.toml")).pages
    kk = next(p for p in pages if p.language.code == "kk")
    assert kk.missing and kk.segments.empty == kk.segments.total == 32


def test_command_writes_pages_and_json(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    done = CliRunner().invoke(cli, ["report", "--out", "rep", "--json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.output)
    on_disk = json.loads((project / "rep" / "report.json").read_text("utf-8"))
    assert data == on_disk
    assert data["languages"] == ["ru", "kk", "zh"]
    assert data["totals"]["segments"] == {
        "reviewed": 30,
        "machine": 30,
        "suggestion": 3,
        "empty": 33,
    }
    assert data["totals"]["issues"]["error"] > 0
    names = sorted(p.name for p in (project / "rep").iterdir())
    assert names == [
        "china-central-asia-article.kk.html",
        "china-central-asia-article.ru.html",
        "china-central-asia-article.zh_Hans.html",
        "index.html",
        "report.json",
    ]
    row = data["pages"][2]["rows"][0]
    assert set(row) >= {"source", "translation", "state", "terms", "findings", "previous_msgid"}


def test_command_without_catalogs_dir_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.l10n]\n", "utf-8")
    done = CliRunner().invoke(cli, ["report"])
    assert done.exit_code == 1
    assert done.output.count("\n") == 1 and "Error:" in done.output


class _Visible(HTMLParser):
    """Text of the rows Chromium left visible, and every link target."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, bool]] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "tr" and "data-state" in found:
            self.rows.append((found["data-state"] or "", "hidden" in found))
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _dom(url: str, profile: Path) -> _Visible:
    command = SHOTS.chromium_command(profile, "--dump-dom", url)
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    parsed = _Visible()
    parsed.feed(done.stdout)
    return parsed


@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed")
def test_chromium_renders_index_and_filters(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "rep"
    result = report(load_settings(config=project / "pyproject.toml"), out=out)
    index = _dom((out / "index.html").as_uri(), tmp_path / "profile")
    text = " ".join(index.text)
    for page in result.pages:
        assert page.file_name in index.links
    for name in ("Russian", "Kazakh", "Chinese", "What do China-Central Asia ties"):
        assert name in text
    zh = next(p for p in result.pages if p.language.code == "zh")
    shown = _dom((out / zh.file_name).as_uri(), tmp_path / "profile")
    page_text = " ".join(shown.text)
    assert "32 of 32 segments shown" in page_text  # the script ran
    assert all(not hidden for _, hidden in shown.rows) and len(shown.rows) == 32
    for row in zh.rows:
        for issue in row.findings:
            assert issue.message in page_text
    filtered = _dom((out / zh.file_name).as_uri() + "#state=machine", tmp_path / "profile")
    visible = [state for state, hidden in filtered.rows if not hidden]
    assert visible == ["machine"] * 10
    assert "10 of 32 segments shown" in " ".join(filtered.text)
    numbers = _dom((out / zh.file_name).as_uri() + "#check=numbers", tmp_path / "profile")
    expected = sum(1 for r in zh.rows if any(i.check == "numbers" for i in r.findings))
    assert sum(1 for _, hidden in numbers.rows if not hidden) == expected > 0
