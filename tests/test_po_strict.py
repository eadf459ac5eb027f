"""What GNU gettext refuses, l10n refuses (issue 10, items 1, 2, 3 and the escapes of 10).

Each refusal is a one-line ``path:line`` error and leaves the file as it was. The oracle
is the real ``msgfmt`` (GNU gettext is installed with the test tools).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n.cli import cli
from l10n.errors import CatalogError
from l10n.model import Catalog, Entry, Language
from l10n.mt import Progress
from l10n.pipeline import run
from l10n.po.format import format_catalog
from l10n.po.io import read_catalog, write_catalog
from l10n.project.config import Settings, load_settings

MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(MSGFMT is None, reason="GNU gettext (msgfmt) not installed")
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
DOMAIN = "china-central-asia-article"


def msgfmt_accepts(path: Path) -> bool:
    """Whether plain ``msgfmt`` compiles ``path`` (its fatal errors, not its warnings)."""
    assert MSGFMT is not None
    done = subprocess.run(
        [MSGFMT, "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False
    )
    return done.returncode == 0


def l10n_accepts(path: Path) -> bool:
    try:
        read_catalog(path)
    except CatalogError as err:
        assert "\n" not in str(err) and str(err).startswith(f"{path}")
        return False
    return True


class Echo:
    """A FAKE engine (the catalog logic is under test): returns ``[ru]<tail> text``."""

    def __init__(self, tail: str = "") -> None:
        self.tail = tail

    @property
    def name(self) -> str:
        return "fake-echo"

    def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        return [f"[ru]{self.tail} {text}" for text in texts]


def factory(tail: str = "") -> Callable[[Language, Settings], Echo]:
    return lambda language, settings: Echo(tail)


@pytest.fixture
def project(new_project: Callable[[str], Path]) -> Path:
    return new_project('[tool.l10n]\nlanguages = ["ru"]\n')


def po_path(root: Path) -> Path:
    return root / "locales" / "ru" / "LC_MESSAGES" / f"{DOMAIN}.po"


# ------------------------------------------------------------------ item 1: line separators

SEPARATORS = ["\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e"]


@pytest.mark.parametrize("char", SEPARATORS, ids=[f"U+{ord(c):04X}" for c in SEPARATORS])
def test_line_separator_characters_round_trip(tmp_path: Path, char: str) -> None:
    path = tmp_path / "ru.po"
    entry = Entry(msgid=f"Summit{char}in Xian", msgstr=f"Саммит{char}в Сиане", flags=("fuzzy",))
    note = Entry(msgid="x", msgstr="y", translator_comments=f"ask{char}desk")
    catalog = Catalog(
        entries=(entry, note), metadata=(("Content-Type", "text/plain; charset=UTF-8"),)
    )
    write_catalog(catalog, path)
    assert msgfmt_accepts(path) if MSGFMT else True
    back = read_catalog(path)
    assert back is not None
    assert [(e.msgid, e.msgstr) for e in back] == [(entry.msgid, entry.msgstr), ("x", "y")]
    assert back.entries[1].translator_comments == f"ask{char}desk"


def test_machine_output_and_tmx_units_with_separators_keep_the_project_usable(
    project: Path,
) -> None:
    """``run`` writes them; the next ``run``, ``status``, ``check`` and ``export`` read them."""
    tmx = project / "in.tmx"
    tmx.write_text(
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body>'
        '<tu><tuv xml:lang="en"><seg>CGTN</seg></tuv>'
        '<tuv xml:lang="ru"><seg>CGTN\u2028\x85</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    assert CliRunner().invoke(cli, ["tm", "import", str(tmx)]).exit_code == 0
    run(load_settings(project), translator_for=factory("\u2029\x1c"))
    text = po_path(project).read_text(encoding="utf-8")
    assert "\u2029\x1c" in text and "CGTN\u2028\x85" in text
    report = run(load_settings(project), translator_for=factory("\u2029\x1c"))
    assert report.errors == ()
    for command in (["status"], ["check"], ["export", "--format", "txt"]):
        result = CliRunner().invoke(cli, command)
        assert "broken string" not in result.output, command
        assert result.exception is None or isinstance(result.exception, SystemExit), command


def test_header_charset_over_utf8_bytes_is_refused(tmp_path: Path) -> None:
    """msgfmt takes such a file as Latin-1 (mojibake in the MO); l10n says what is wrong."""
    path = tmp_path / "ru.po"
    path.write_bytes(
        HEADER.replace("UTF-8", "ISO-8859-1").encode()
        + 'msgid "Summit"\nmsgstr "Саммит…"\n'.encode()
    )
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert str(caught.value) == (
        f"{path}: the header says charset=iso-8859-1 but the text is UTF-8 — set "
        "charset=UTF-8 in the Content-Type header and run again"
    )


def test_a_real_latin1_catalog_is_read_right(tmp_path: Path) -> None:
    path = tmp_path / "fr.po"
    path.write_bytes(
        HEADER.replace("UTF-8", "ISO-8859-1").encode()
        + 'msgid "Cafe"\nmsgstr "Café"\n'.encode("latin-1")
    )
    catalog = read_catalog(path)
    assert catalog is not None and catalog.entries[0].msgstr == "Café"


# ------------------------------------------------------------------ item 2: duplicates


@needs_msgfmt
def test_duplicate_msgid_is_refused_with_its_line_and_the_file_is_untouched(
    project: Path,
) -> None:
    run(load_settings(project), translator_for=factory())
    path = po_path(project)
    text = path.read_text(encoding="utf-8")
    draft = '\n#, fuzzy\nmsgid "CGTN"\nmsgstr "черновик"\n'
    path.write_text(text + draft, encoding="utf-8")
    before = path.read_bytes()
    line = len(text.split("\n")) + 1
    assert not msgfmt_accepts(path)
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert str(caught.value).startswith(f"{path}:{line}: duplicate message definition")
    report = run(load_settings(project), translator_for=factory())
    assert len(report.errors) == 1 and "duplicate message definition" in report.errors[0]
    assert path.read_bytes() == before


# ------------------------------------------------------------------ item 3: truncation


def _real_catalog(project: Path) -> bytes:
    """A catalog as a newsroom has it: reviewed, fuzzy with ``#|``, commented, obsolete."""
    settings = load_settings(project)
    run(settings, translator_for=factory())
    path = po_path(project)
    catalog = read_catalog(path)
    assert catalog is not None
    entries = list(catalog.entries)
    for i in range(0, 12, 2):
        entries[i] = Entry(
            **{**entries[i].__dict__, "flags": (), "translator_comments": f"checked {i}"}
        )
    write_catalog(Catalog(entries=tuple(entries), metadata=catalog.metadata), path)
    article = project / "source" / f"{DOMAIN}.txt"
    text = article.read_text(encoding="utf-8")
    text = text.replace(
        "What do China-Central Asia ties mean", "What do China-Central Asia ties bring"
    )
    article.write_text(text.replace("CGTN\n", "CGTN Digital\n", 1), encoding="utf-8")
    run(settings, translator_for=factory())
    return path.read_bytes()


def _cut_points(data: bytes) -> list[int]:
    """Every line boundary, and in every fourth line each class of cut inside a line: after
    the keyword, just inside the first quote, the middle, before the last byte, and inside
    a multi-byte character."""
    points: set[int] = set()
    start = 0
    for number, line in enumerate(data.split(b"\n")):
        end = start + len(line)
        points.add(start)
        if line and number % 4 == 0:
            space, quote = line.find(b" "), line.find(b'"')
            points.update(p for p in (start + space, start + quote + 1) if p > start)
            points.update((start + len(line) // 2, end - 1))
            wide = next((i for i, byte in enumerate(line) if byte >= 0xC0), None)
            if wide is not None:
                points.add(start + wide + 1)
        start = end + 1
    return sorted(p for p in points if 0 < p < len(data))


@needs_msgfmt
def test_l10n_refuses_a_cut_catalog_exactly_when_msgfmt_does(project: Path) -> None:
    data = _real_catalog(project)
    assert b"#~ msgid" in data and b"#| msgid" in data and b"# checked" in data
    cuts = _cut_points(data)
    paths = []
    for point in cuts:
        paths.append(project / f"cut-{point}.po")
        paths[-1].write_bytes(data[:point])
    with ThreadPoolExecutor(4) as pool:
        verdicts = list(pool.map(msgfmt_accepts, paths))
    disagree, refused = [], 0
    for point, path, gnu in zip(cuts, paths, verdicts, strict=True):
        if not data[:point].strip():
            assert not l10n_accepts(path)  # empty: refused on purpose (test below)
            continue
        ours = l10n_accepts(path)
        refused += not gnu
        if ours != gnu:
            disagree.append((point, data[max(0, point - 40) : point], ours))
    print(f"{len(cuts)} cut points, {refused} refused by msgfmt")
    assert len(cuts) > 800 and refused > 250
    assert disagree == []


@needs_msgfmt
def test_a_deleted_msgstr_line_is_refused_at_its_entry(project: Path) -> None:
    data = _real_catalog(project).decode("utf-8")
    lines = data.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("msgstr ") and i > 20)
    path = po_path(project)
    path.write_text("\n".join(lines[:index] + lines[index + 1 :]), encoding="utf-8")
    before = path.read_bytes()
    assert not msgfmt_accepts(path)
    msgid_line = max(i for i in range(index) if lines[i].startswith("msgid ")) + 1
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert str(caught.value).startswith(f"{path}:{msgid_line}: missing 'msgstr' section")
    report = run(load_settings(project), translator_for=factory())
    assert "missing 'msgstr' section" in report.errors[0]
    assert path.read_bytes() == before


def test_an_emptied_catalog_is_an_error_not_a_fresh_start(project: Path) -> None:
    run(load_settings(project), translator_for=factory())
    path = po_path(project)
    path.write_bytes(b"")
    report = run(load_settings(project), translator_for=factory())
    assert report.errors == (
        f"locales/ru/LC_MESSAGES/{DOMAIN}.po: empty file — restore it from version control or "
        "delete it to start afresh (language ru skipped)",
    )
    assert path.read_bytes() == b""


# ------------------------------------------------------------------ item 10: escapes


@needs_msgfmt
@pytest.mark.parametrize(
    ("escape", "gnu_accepts", "ours"),
    [
        ("\\x41", True, "A"),
        ("\\101", True, "A"),
        ("\\a", True, "\a"),
        ("\\q", False, None),
        ("\\8", False, None),
        ("\\xd0\\x9f", True, None),  # bytes of "П": refused, write the character
    ],
    ids=["hex", "octal", "bell", "q", "eight", "utf8-bytes"],
)
def test_escapes_mean_what_gettext_says_or_are_refused(
    tmp_path: Path, escape: str, gnu_accepts: bool, ours: str | None
) -> None:
    path = tmp_path / "ru.po"
    path.write_text(HEADER + f'msgid "x"\nmsgstr "{escape}"\n', encoding="utf-8")
    assert msgfmt_accepts(path) == gnu_accepts
    if ours is None:
        with pytest.raises(CatalogError, match=rf"^{path}:6: .*escape"):
            read_catalog(path)
        return
    catalog = read_catalog(path)
    assert catalog is not None and catalog.entries[0].msgstr == ours
    write_catalog(catalog, path)
    assert msgfmt_accepts(path)
    again = read_catalog(path)
    assert again is not None and again.entries[0].msgstr == ours
    assert format_catalog(again) == path.read_text(encoding="utf-8")
