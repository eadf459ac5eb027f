"""The CLI as a user meets it: run without models, segment, bad input, --help everywhere."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import click
import polib
import pytest
from click.testing import CliRunner

from l10n.cli import cli

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "source" / "china-central-asia-article.txt"
DOMAIN = ARTICLE.stem


@pytest.fixture
def project(
    new_project: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A copy of the project layout with the bundled article and glossary, no models."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos-packages"))
    return new_project('[tool.l10n]\nlanguages = ["ru", "kk", "zh"]\n')


def invoke(*args: str, stdin: str | None = None) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "argos-packages" not in p.parts
    }


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output == "l10n, version 0.1.0\n"


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["segment"],
        ["run"],
        ["status"],
        ["check"],
        ["export"],
        ["models"],
        ["models", "list"],
        ["models", "install"],
        ["models", "remove"],
        ["tm"],
        ["tm", "export"],
        ["tm", "import"],
    ],
    ids=lambda c: " ".join(c) or "l10n",
)
def test_help_everywhere(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert result.output.startswith("Usage: ")


def test_run_without_models_writes_catalogs_and_warns(project: Path) -> None:
    result = CliRunner().invoke(cli, ["run"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert [w.split(":")[1].strip() for w in warnings] == ["ru", "kk", "zh"]
    assert all("l10n models install" in w or ".argosmodel" in w for w in warnings)
    assert (project / "locales" / f"{DOMAIN}.pot").is_file()
    for locale in ("ru", "kk", "zh_Hans"):
        po_path = project / "locales" / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
        catalog = polib.pofile(str(po_path))
        assert catalog.metadata["Language"] == locale
        assert len(catalog) == 32
        assert all(entry.msgstr == "" for entry in catalog)
        assert all("no machine translation" in entry.comment for entry in catalog)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
def test_catalogs_pass_msgfmt_check(project: Path) -> None:
    assert invoke("run").exit_code == 0
    written = sorted((project / "locales").rglob("*.po*"))
    assert len(written) == 4  # the template and three catalogs
    for po_path in written:
        done = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(po_path)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr


def test_segment_json_of_the_article() -> None:
    result = invoke("segment", "--json", str(ARTICLE))
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert {"id", "kind", "text", "translatable", "line"} <= set(records[0])
    assert records[0] == {**records[0], "kind": "title", "line": 2, "translatable": True}
    kinds = [r["kind"] for r in records]
    assert kinds.count("heading") == 3
    assert kinds.count("caption") == 2  # three copies each, listed once
    assert all(r["translatable"] for r in records)
    assert not any(r["text"] in {"01:50", "01:33"} for r in records)


def test_segment_all_shows_timestamps_and_reads_stdin() -> None:
    text = "A title\n\n01:50\n\nFirst sentence. Second one.\n"
    result = invoke("segment", "--json", "--all", "-", stdin=text)
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["text"], r["translatable"], r["line"]) for r in records] == [
        ("A title", True, 1),
        ("01:50", False, 3),
        ("First sentence.", True, 5),
        ("Second one.", True, 5),
    ]


def test_segment_stdin_not_utf8_is_one_line() -> None:
    result = CliRunner().invoke(cli, ["segment", "-"], input=b"Title\n\nCaf\xe9 society.\n")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: <stdin>:3: not UTF-8 text (byte 0xe9) — save the file as UTF-8\n"
    )
    assert result.stdout == ""


BAD = [
    (
        "missing",
        ["run", "source/nope.txt"],
        "Error: source/nope.txt: file not found — check the path or put the article in source/",
    ),
    (
        "directory",
        ["run", "source"],
        "Error: source: is a directory, not a file — give the path of an article .txt file",
    ),
    (
        "not-utf8",
        ["run", "source/latin1.txt"],
        "Error: source/latin1.txt:3: not UTF-8 text (byte 0xe9) — save the file as UTF-8",
    ),
    (
        "empty",
        ["run", "source/empty.txt"],
        "Error: source/empty.txt: nothing to read (empty or only whitespace) — put the English "
        "article text in it",
    ),
    (
        "unknown-language",
        ["run", "--to", "ru,xx"],
        "Error: unknown language code 'xx' — use an ISO 639-1 code such as ru, kk or zh",
    ),
    (
        "bad-config",
        ["run", "--config", "bad.toml"],
        "Error: bad.toml: [tool.l10n] languages: expected a list of language codes — e.g. "
        '["ru", "kk", "zh"]',
    ),
    (
        "segment-missing",
        ["segment", "nope.txt"],
        "Error: nope.txt: file not found — check the path or put the article in source/",
    ),
    (
        "bad-glossary",
        ["run", "--glossary", "dup.csv", f"source/{ARTICLE.name}"],
        'Error: dup.csv:3: duplicate term "SCO" (first on row 2) — merge the two rows',
    ),
]


@pytest.mark.parametrize(("args", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_one_line_exit_1_nothing_written(
    project: Path, args: list[str], message: str
) -> None:
    (project / "source" / "latin1.txt").write_bytes(b"Title\n\nCaf\xe9 society.\n")
    (project / "source" / "empty.txt").write_bytes(b"  \n")
    (project / "bad.toml").write_text("[tool.l10n]\nlanguages = 'ru'\n", encoding="utf-8")
    (project / "dup.csv").write_text("term,ru,note\nSCO,ШОС,\nSCO,ШОС,\n", encoding="utf-8")
    before = snapshot(project)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.stderr == message + "\n"
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert snapshot(project) == before


def test_usage_error_exit_2(project: Path) -> None:
    result = CliRunner().invoke(cli, ["run", "--bogus"])
    assert result.exit_code == 2
    assert "No such option '--bogus'" in result.stderr


def test_missing_source_directory(project: Path) -> None:
    shutil.rmtree(project / "source")
    result = CliRunner().invoke(cli, ["run"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: source: source directory not found — create it and put English articles "
        "(*.txt, *.html, *.htm, *.md, *.markdown) in it\n"
    )
