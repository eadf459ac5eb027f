"""Never lose a word, part 2 (issue 10): editor saves, provenance, --retranslate, configs,
names, and the small accidents. One test (or more) per item; the PO refusals (items 1,
2, 3, 10's escapes) are in ``test_po_strict``."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

import l10n.po.io as po_io
from l10n.cli import cli
from l10n.errors import ConfigError, ModelError
from l10n.model import Language
from l10n.mt import Progress
from l10n.mt.store import install_package, list_packages
from l10n.pipeline import run
from l10n.po.io import read_catalog
from l10n.project.config import Settings, load_settings

DOMAIN = "china-central-asia-article"
MSGMERGE = "msgmerge"
TITLE = "What do China-Central Asia ties mean for a turbulent world?"


class Fake:
    """A FAKE engine (catalog logic under test): ``[ru vN] text``; ``before`` runs first
    (an editor saving while the run translates)."""

    def __init__(self, version: int = 1, before: Callable[[], None] | None = None) -> None:
        self.version, self.before = version, before

    @property
    def name(self) -> str:
        return f"fake v{self.version}"

    def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        if self.before is not None:
            self.before()
        return [f"[ru v{self.version}] {text}" for text in texts]


def factory(version: int = 1, before: Callable[[], None] | None = None) -> Callable[..., Fake]:
    def make(language: Language, settings: Settings) -> Fake:
        return Fake(version, before)

    return make


@pytest.fixture
def project(new_project: Callable[[str], Path]) -> Path:
    return new_project('[tool.l10n]\nlanguages = ["ru"]\nglossary-mode = "check"\n')


def po_path(root: Path) -> Path:
    return root / "locales" / "ru" / "LC_MESSAGES" / f"{DOMAIN}.po"


def edit_source(root: Path) -> None:
    article = root / "source" / f"{DOMAIN}.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("CGTN\n", "CGTN Digital\n", 1), encoding="utf-8")


def entry(path: Path, msgid: str) -> polib.POEntry:
    found = polib.pofile(str(path)).find(msgid)
    assert found is not None, msgid
    return found


# ------------------------------------------------------------------ item 4: editor saves


def test_a_save_while_the_catalog_is_formatted_is_not_overwritten(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(load_settings(project), translator_for=factory())
    edit_source(project)
    path = po_path(project)
    saved = path.read_text(encoding="utf-8").replace("[ru v1] CGTN", "CGTN (правка)")
    real = po_io.format_catalog

    def slow_format(catalog: object, **kwargs: object) -> str:
        text = real(catalog, **kwargs)  # type: ignore[arg-type]
        if "Language: ru" in text and path.read_text(encoding="utf-8") != saved:
            path.write_text(saved, encoding="utf-8")  # Poedit saves while l10n formats
        return text

    monkeypatch.setattr(po_io, "format_catalog", slow_format)
    report = run(load_settings(project), translator_for=factory())
    assert len(report.errors) == 1 and "changed on disk" in report.errors[0]
    assert path.read_text(encoding="utf-8") == saved


def test_a_same_size_save_that_keeps_the_mtime_is_not_overwritten(project: Path) -> None:
    run(load_settings(project), translator_for=factory())
    edit_source(project)
    path = po_path(project)

    def rsync_t() -> None:
        stat = path.stat()
        text = path.read_text(encoding="utf-8").replace("[ru v1] CGTN", "[ru v1] CGTM")
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        assert path.stat().st_size == stat.st_size

    report = run(load_settings(project), translator_for=factory(before=rsync_t))
    assert len(report.errors) == 1 and "changed on disk" in report.errors[0]
    assert "[ru v1] CGTM" in path.read_text(encoding="utf-8")


# ------------------------------------------------------------------ item 6: provenance


def msgmerge(root: Path) -> None:
    pot = root / "locales" / f"{DOMAIN}.pot"
    subprocess.run(
        [MSGMERGE, "-q", "-U", "--backup=none", str(po_path(root)), str(pot)], check=True
    )


def test_machine_output_is_still_machine_output_after_msgmerge(project: Path) -> None:
    run(load_settings(project), translator_for=factory())
    msgmerge(project)
    assert "#. machine translation" not in po_path(project).read_text(encoding="utf-8")
    report = run(load_settings(project), translator_for=factory())
    assert report.languages[0].kept_machine == 32 and report.languages[0].kept_fuzzy == 0
    assert "fake v1" in entry(po_path(project), "CGTN").comment  # the label is back
    msgmerge(project)
    run(load_settings(project), retranslate=True, translator_for=factory(2))
    assert entry(po_path(project), "CGTN").msgstr == "[ru v2] CGTN"


def test_a_reviewed_entry_loses_the_machine_label_and_stale_glossary_notes(
    project: Path,
) -> None:
    class Forgetful(Fake):
        """A FAKE engine that drops every glossary term: "glossary: missing" notes."""

        def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
            return ["[ru] ..." for _ in texts]

    run(load_settings(project), translator_for=lambda lang, settings: Forgetful())
    path = po_path(project)
    title = entry(path, TITLE)
    assert 'glossary: missing "Китай — Центральная Азия"' in title.comment
    po = polib.pofile(str(path))
    reviewed = po.find(TITLE)
    assert reviewed is not None
    reviewed.msgstr, reviewed.flags = "Что значат связи Китай — Центральная Азия для мира?", []
    po.save(str(path))
    run(load_settings(project), translator_for=factory())
    title = entry(path, TITLE)
    assert "glossary: missing" not in title.comment
    assert "machine translation" not in title.comment and "l10n-mt" not in title.tcomment
    assert "glossary: China-Central Asia → Китай — Центральная Азия" in title.comment


# ------------------------------------------------------------------ item 7: --retranslate


@pytest.mark.parametrize("merged", [False, True], ids=["as-saved", "after-msgmerge"])
def test_retranslate_keeps_an_edit_left_fuzzy(project: Path, merged: bool) -> None:
    run(load_settings(project), translator_for=factory())
    path = po_path(project)
    po = polib.pofile(str(path))
    draft = po.find("CGTN")
    assert draft is not None and draft.fuzzy
    draft.msgstr = "Си-Джи-Ти-Эн (черновик)"  # edited, left fuzzy ("needs editing")
    po.save(str(path))
    if merged:
        msgmerge(project)
    run(load_settings(project), retranslate=True, translator_for=factory(2))
    assert entry(path, "CGTN").msgstr == "Си-Джи-Ти-Эн (черновик)"
    assert entry(path, TITLE).msgstr.startswith("[ru v2]")  # untouched output is replaced


# ------------------------------------------------------------------ item 8: config ranges


@pytest.mark.parametrize(
    ("line", "key", "bounds"),
    [
        ("threads = 100000", "threads", f"0 to {max(4 * (os.cpu_count() or 1), 4)}"),
        ("threads = -1", "threads", f"0 to {max(4 * (os.cpu_count() or 1), 4)}"),
        ("beam-size = 100000", "beam-size", "1 to 16"),
        ("batch-size = 5000", "batch-size", "1 to 1024"),
        ("length-penalty = nan", "length-penalty", "-5 to 5"),
        ("length-penalty = inf", "length-penalty", "-5 to 5"),
    ],
)
def test_mt_settings_out_of_range_are_one_line_errors(
    tmp_path: Path, line: str, key: str, bounds: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.l10n.mt]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{tmp_path / 'pyproject.toml'}: [tool.l10n] mt.{key}: ")
    assert f"expected a number from {bounds}" in message


# ------------------------------------------------------------------ item 10: names, newlines


def test_a_line_break_in_a_source_file_name_is_refused(project: Path) -> None:
    (project / "source" / "bad\nname.txt").write_text("Title\n\nA sentence.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run"])
    assert result.exit_code == 1
    assert result.stderr.strip().split("\n") == [
        "Error: source/bad\\nname.txt: the file name contains a line break, which a PO "
        "reference (#:) cannot hold — rename the file"
    ]
    assert not (project / "locales").exists()


def test_a_msgstr_ending_in_a_newline_is_reported_and_not_compiled(project: Path) -> None:
    run(load_settings(project), translator_for=factory())
    path = po_path(project)
    po = polib.pofile(str(path))
    bad = po.find("CGTN")
    assert bad is not None
    bad.msgstr, bad.flags = "Си-Джи-Ти-Эн\n", []
    po.save(str(path))
    result = CliRunner().invoke(cli, ["check"])
    assert "[newlines] msgid and msgstr do not both end with a line break" in result.output
    result = CliRunner().invoke(cli, ["export", "--format", "mo", "--out", "dist"])
    assert result.exit_code != 0 and "msgfmt refuses" in result.output
    assert not list((project / "dist").rglob("*.mo"))


# ------------------------------------------------------------------ item 11: small ones


def test_orphan_temp_files_are_removed_by_the_next_write(project: Path) -> None:
    run(load_settings(project), translator_for=factory())
    orphan = po_path(project).with_name(f".{DOMAIN}.po.k3j9x_2a.tmp")
    orphan.write_text("half a catalog")
    edit_source(project)
    run(load_settings(project), translator_for=factory())
    assert not orphan.exists()
    assert CliRunner().invoke(cli, ["export", "--format", "txt", "--out", "dist"]).exit_code == 0
    exported = next((project / "dist").rglob("*.txt"))
    stale = exported.with_name(f".{exported.name}.a1b2c3d4.tmp")
    stale.write_text("half an article")
    assert CliRunner().invoke(cli, ["export", "--format", "txt", "--out", "dist"]).exit_code == 0
    assert not stale.exists()


def test_no_space_for_the_lock_is_one_line(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import l10n.project.lock as lock

    class FullDisk:
        """``os`` for the lock module only, with a disk that is full."""

        def __getattr__(self, name: str) -> object:
            return getattr(os, name)

        def write(self, fd: int, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(lock, "os", FullDisk())
    result = CliRunner().invoke(cli, ["run"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: .l10n/lock: cannot write the lock file: No space left on device — free some "
        "disk space and run again\n"
    ).replace(".l10n/lock", str(project / ".l10n" / "lock"))


def test_status_to_a_full_disk_is_one_line(project: Path) -> None:
    run(load_settings(project), translator_for=factory())
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "l10n", "status"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr == (
        "Error: cannot write the output: No space left on device — check where it goes "
        "(disk full? closed pipe?)\n"
    )


def test_fail_under_nan_is_refused(project: Path) -> None:
    run(load_settings(project), translator_for=factory())
    for command in ("status", "export"):
        result = CliRunner().invoke(cli, [command, "--fail-under", "nan"])
        assert result.exit_code == 2 and "is not a number from 0 to 100" in result.output


def test_a_corrupt_memory_is_reported_before_anything_is_written(project: Path) -> None:
    (project / ".l10n").mkdir()
    (project / ".l10n" / "memory.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    result = CliRunner().invoke(cli, ["run"])
    assert result.exit_code == 1 and "not a usable translation memory" in result.stderr
    assert len(result.stderr.strip().split("\n")) == 1
    assert not (project / "locales").exists()


def _tmx(path: Path, source: str, target: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body><tu>'
        f'<tuv xml:lang="en"><seg>{source}</seg></tuv><tuv xml:lang="ru"><seg>{target}</seg>'
        "</tuv></tu></body></tmx>",
        encoding="utf-8",
    )
    return path


def test_two_tmx_files_of_the_same_name_are_both_kept(project: Path) -> None:
    first = _tmx(project / "a" / "memory.tmx", "Economic benefits", "Экономические выгоды")
    second = _tmx(project / "b" / "memory.tmx", "Energy", "Энергия")
    for tmx in (first, second, first):
        assert CliRunner().invoke(cli, ["tm", "import", str(tmx)]).exit_code == 0
    result = CliRunner().invoke(cli, ["tm", "export", "-"])
    assert result.exit_code == 0
    assert result.stdout.count("</tu>") == 2 and "Энергия" in result.stdout
    assert "Экономические выгоды" in result.stdout
    assert not (project / "-").exists()


def test_dash_reads_standard_input_and_run_dash_is_refused(project: Path) -> None:
    tmx = _tmx(project / "x.tmx", "Energy", "Энергия").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["tm", "import", "-"], input=tmx)
    assert result.exit_code == 0 and "imported 1 translation units" in result.output
    assert not (project / "-").exists()
    result = CliRunner().invoke(cli, ["run", "-"], input="Title\n\nText.\n")
    assert result.exit_code == 2 and "standard input" in result.output
    assert not (project / "locales").exists()


def test_a_symlinked_catalog_stays_a_symlink(project: Path) -> None:
    run(load_settings(project), translator_for=factory())
    path = po_path(project)
    shared = project / "shared" / "ru.po"
    shared.parent.mkdir()
    path.rename(shared)
    path.symlink_to(shared)
    edit_source(project)
    run(load_settings(project), translator_for=factory())
    assert path.is_symlink() and path.resolve() == shared.resolve()
    catalog = read_catalog(shared)
    assert catalog is not None and catalog.find("CGTN Digital") is not None


def test_a_fifo_in_the_source_folder_is_refused_not_waited_on(project: Path) -> None:
    os.mkfifo(project / "source" / "pipe.txt")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    done = subprocess.run(
        [sys.executable, "-m", "l10n", "run"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "source/pipe.txt: not a regular file" in done.stderr


def test_a_zip_bomb_model_is_refused_before_it_is_unpacked(tmp_path: Path, argos_env: Path) -> None:
    bomb = tmp_path / "translate-en_ru.argosmodel"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("pkg/metadata.json", '{"from_code": "en", "to_code": "ru"}')
        zf.writestr("pkg/sentencepiece.model", b"x")
        with zf.open("pkg/model/model.bin", "w", force_zip64=True) as member:
            for _ in range(96):
                member.write(bytes(1024 * 1024))  # 96 MiB of zeros, about 100 KB packed
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(ModelError, match=r"would unpack to 96 MiB .*zip bomb"):
        install_package(bomb)
    assert list_packages() == []
