"""Reading and writing catalogs: errors, byte stability, atomicity, gettext's line wrapping."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from l10n.errors import CatalogError
from l10n.model import Catalog, Entry
from l10n.po.format import format_catalog
from l10n.po.io import read_catalog, write_catalog

needs_gettext = pytest.mark.skipif(
    shutil.which("msgcat") is None, reason="GNU gettext (msgcat) is not installed"
)
HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def catalog_of(pairs: list[tuple[str, str]], revision: str = "2026-01-01 00:00+0000") -> Catalog:
    metadata = (
        ("Project-Id-Version", "article"),
        ("POT-Creation-Date", revision),
        ("PO-Revision-Date", revision),
        ("Language", "ru"),
        ("Content-Type", "text/plain; charset=UTF-8"),
    )
    return Catalog(entries=tuple(Entry(msgid=m, msgstr=s) for m, s in pairs), metadata=metadata)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'msgid "a"\nmsgstr "b "c""\n',
            "{path}:5: broken string (a missing or unescaped quote) — fix the line in your PO "
            "editor or restore it",
        ),
        (
            'msgid "a"\nfoo bar\nmsgstr "x"\n',
            "{path}:5: syntax error — fix the line in your PO editor or restore it",
        ),
        (
            'msgid "a"\nmsgstr "\udcff"\n',
            "{path}:5: not valid UTF-8 (cut in the middle of a character, or saved in another "
            "encoding) — save it as UTF-8 or restore it from version control",
        ),
    ],
    ids=["unescaped-quote", "garbage-line", "not-utf8"],
)
def test_broken_catalog_gives_path_line_and_is_left_alone(
    tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / "ru.po"
    path.write_bytes((HEADER + body).encode("utf-8", "surrogateescape"))
    before = path.read_bytes()
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert str(caught.value) == message.format(path=path)
    assert path.read_bytes() == before


def test_missing_catalog_reads_as_none(tmp_path: Path) -> None:
    assert read_catalog(tmp_path / "nope.po") is None


def test_second_write_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ru" / "article.po"
    assert write_catalog(catalog_of([("Economic benefits", "Выгоды")]), path) is True
    first, mtime = path.read_bytes(), path.stat().st_mtime_ns
    assert write_catalog(catalog_of([("Economic benefits", "Выгоды")]), path) is False
    assert (path.read_bytes(), path.stat().st_mtime_ns) == (first, mtime)


def test_new_dates_alone_do_not_rewrite_the_file(tmp_path: Path) -> None:
    path = tmp_path / "article.po"
    write_catalog(catalog_of([("a", "б")]), path)
    before = path.read_bytes()
    assert write_catalog(catalog_of([("a", "б")], revision="2027-05-05 05:05+0000"), path) is False
    assert path.read_bytes() == before
    assert write_catalog(catalog_of([("a", "в")], revision="2027-05-05 05:05+0000"), path) is True
    assert b"2027-05-05 05:05+0000" in path.read_bytes()


def test_write_keeps_permissions_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "article.po"
    write_catalog(catalog_of([("a", "б")]), path)
    path.chmod(0o640)
    write_catalog(catalog_of([("a", "в")]), path)
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.po"]


def test_write_into_unwritable_place_is_a_catalog_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(CatalogError) as caught:
        write_catalog(catalog_of([("a", "б")]), blocker / "ru.po")
    assert (
        str(caught.value) == f"{blocker / 'ru.po'}: cannot read: Not a directory — check the path"
    )


BUILDER = """
from l10n.model import Catalog, Entry
def big(tag):
    entries = tuple(
        Entry(msgid=f"Sentence {i} of the article.", msgstr=f"{tag} {i} " * 8) for i in range(2000)
    )
    return Catalog(entries=entries, metadata=(("Content-Type", "text/plain; charset=UTF-8"),))
"""
WRITER = (
    BUILDER
    + """
import os
import sys
from pathlib import Path
from l10n.po.io import write_catalog

real_fsync, real_replace = os.fsync, os.replace


def pause(point):
    # Stop at a known point of the write until the test says go on (or kills us).
    print(point, flush=True)
    sys.stdin.readline()


def fsync(fd):
    real_fsync(fd)
    pause("fsynced")


def replace(src, dst):
    pause("before-replace")
    real_replace(src, dst)
    pause("replaced")


os.fsync, os.replace = fsync, replace
versions = [big("old"), big("new")]
print("ready", flush=True)
i = 1
while True:
    write_catalog(versions[i % 2], Path(sys.argv[1]))
    pause("wrote")
    i += 1
"""
)
POINTS = ("fsynced", "before-replace", "replaced", "wrote")
"""Where a write can be killed: temp file synced, just before and just after the rename,
and after the directory is synced. Before the rename the old file must be there, after
it the new one; never a mix."""


def test_sigkill_during_writes_leaves_old_or_new_file(tmp_path: Path) -> None:
    """Kill a writer at each point of a write, after 0–2 whole writes: the catalog is always
    one whole version, the one the kill point says (no sleeps: robust under load)."""
    scope: dict[str, object] = {}
    exec(BUILDER, scope)
    versions = [format_catalog(scope["big"](tag)).encode() for tag in ("old", "new")]  # type: ignore[operator]
    target = tmp_path / "article.po"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    seen = []
    for trial in range(12):
        target.write_bytes(versions[0])
        point, whole = POINTS[trial % len(POINTS)], trial % 3
        proc = subprocess.Popen(
            [sys.executable, str(script), str(target)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline() == "ready\n"
        writes = 0
        while True:
            marker = proc.stdout.readline().strip()
            assert marker in POINTS, marker
            if marker == "wrote":
                writes += 1
            if writes == whole + (marker == "wrote") and marker == point:
                break
            proc.stdin.write("\n")
            proc.stdin.flush()
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = target.read_bytes()
        renamed = point in ("replaced", "wrote")
        # Write n (from 1) writes versions[n % 2]; the file held versions[0] before write 1.
        assert data == versions[(whole + 1) % 2 if renamed else whole % 2], (trial, point)
        seen.append(data)
    assert versions[0] in seen and versions[1] in seen


SAMPLE_RU = (
    "Китай проведёт первый саммит «Китай — Центральная Азия», встречу на уровне глав "
    'государств, в северо-западном городе Сиань. Эксперты: "изоляция" или '
    "«разъединение» — 27 октября 2020 г. (Синьхуа) 50% рост, $3.5 млрд… Қазақстан!"
)
SAMPLE_ZH = (
    "中国将于下周在西北城市西安举办首届中国－中亚峰会，这是一次国家元首级别的会晤。专家表示，"
    "与“孤立”或“脱钩”不同，峰会将进一步凸显中国和中亚国家拥有许多共同利益（新华社）。"
    "《一带一路》倡议、能源、农业、绿色经济等领域的经济合作将成为关键议题！"
)
SAMPLE_EN = (
    'Experts say different from "isolating" or "decoupling", the summit will '
    "highlight the China-Central Asia ties, U.S.-led blocs and/or 2020's 5.2% growth "
    "(CICA) told CGTN on Wednesday: the Tajikistan Wahdat-Yawan railway. /Xinhua\t"
)


def random_catalog(seed: int) -> Catalog:
    rng = random.Random(seed)
    alphabet = SAMPLE_RU + SAMPLE_ZH + SAMPLE_EN + "\n\\\"'[]{}<>|~^`#@&*+=–—‐/"
    words = (SAMPLE_RU + " " + SAMPLE_ZH + " " + SAMPLE_EN).split(" ")

    def text() -> str:
        if rng.random() < 0.5:
            return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 300)))
        return " ".join(rng.choice(words) for _ in range(rng.randint(1, 60)))

    entries: list[Entry] = []
    seen: set[str] = set()
    for index in range(300):
        msgid = text()
        if msgid in seen:
            continue
        seen.add(msgid)
        entries.append(
            Entry(
                msgid=msgid,
                msgstr=text() if rng.random() < 0.8 else "",
                references=tuple(
                    (f"source/{'x' * rng.randint(1, 40)}.txt", str(rng.randint(1, 999)))
                    for _ in range(rng.randint(0, 5))
                ),
                extracted_comments=rng.choice(
                    ["", "paragraph", "caption\nmachine translation: argos"]
                ),
                translator_comments=rng.choice(["", "note", " two\n\nthree"]),
                flags=rng.choice([(), ("fuzzy",)]),
                previous_msgid=rng.choice([None, text()]),
                obsolete=index % 10 == 9,
            )
        )
        if entries[-1].obsolete and not entries[-1].msgstr:
            # msgcat drops such an entry, comment and all; l10n keeps the comment on purpose
            # (test_obsolete_translator_comment_is_kept).
            entries[-1] = replace(entries[-1], translator_comments="")
    return replace(catalog_of([]), entries=tuple(entries))


@needs_gettext
@pytest.mark.parametrize("seed", range(6), ids=[f"seed{n}" for n in range(6)])
def test_output_is_exactly_what_msgcat_prints(tmp_path: Path, seed: int) -> None:
    """Wrapping (Latin, Cyrillic, CJK, escapes, references) is byte for byte msgcat's."""
    path = tmp_path / "random.po"
    path.write_text(format_catalog(random_catalog(seed)), encoding="utf-8")
    cat = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True)
    assert cat.stdout == path.read_text(encoding="utf-8")


LONG = "A long sentence that a tool asked gettext never to wrap, " * 3


@needs_gettext
@pytest.mark.parametrize(
    "body",
    [
        f'#, no-wrap\nmsgid "{LONG}"\nmsgstr "{LONG}\\nsecond line"\n',
        f'#, fuzzy, no-wrap\n#| msgid "{LONG}"\nmsgid "{LONG}!"\nmsgstr "x"\n',
        f'#, fuzzy, c-format, no-wrap\n#~ msgid "{LONG}%d"\n#~ msgstr "{LONG}%d"\n',
        '#, c-format, no-wrap\nmsgid "a %d"\nmsgstr "b %d"\n',
        '#, no-wrap, c-format, fuzzy\nmsgid "a %d"\nmsgstr "b %d"\n',
        '# note\n#, fuzzy, c-format\n#~ msgid "Obs %d"\n#~ msgstr "Об %d"\n',
        '#, fuzzy\n#~| msgid "The old text"\n#~ msgid "The new text"\n#~ msgstr "Перевод"\n',
        f'#, fuzzy\n#~| msgctxt "c"\n#~| msgid "{LONG}\\"q\\""\n#~ msgctxt "c"\n#~ msgid "{LONG}"\n'
        '#~ msgstr "Перевод"\n',
    ],
    ids=[
        "no-wrap",
        "no-wrap-previous",
        "no-wrap-obsolete",
        "c-format",
        "flag-order",
        "obsolete",
        "obsolete-previous",
        "obsolete-previous-wrapped",
    ],
)
def test_flags_are_kept_and_no_wrap_is_honoured_like_msgcat(tmp_path: Path, body: str) -> None:
    """Flags a tool added (``c-format``, ``no-wrap``) survive, also on obsolete entries, and
    so does an obsolete entry's previous msgid (``#~|``, which polib skips)."""
    path = tmp_path / "flags.po"
    path.write_text(HEADER + body, encoding="utf-8")
    catalog = read_catalog(path)
    assert catalog is not None
    cat = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True)
    assert format_catalog(catalog) == cat.stdout


BROKEN_STRINGS = [
    ("unterminated-msgstr", 'msgid "a"\nmsgstr "Министр прибыл\n', 7),
    ("unterminated-msgid-at-end", 'msgid "a"\nmsgstr "b"\n\nmsgid "x\n', 9),
    ("unescaped-quote", 'msgid "a"\nmsgstr "say "hi""\n', 7),
    ("unterminated-continuation", 'msgid "a"\nmsgstr ""\n"half\n', 8),
    ("unterminated-obsolete", 'msgid "a"\nmsgstr "b"\n\n#~ msgid "old\n#~ msgstr "x"\n', 9),
]


@pytest.mark.parametrize(
    ("body", "line"), [c[1:] for c in BROKEN_STRINGS], ids=[c[0] for c in BROKEN_STRINGS]
)
def test_broken_strings_polib_would_accept_are_refused(
    tmp_path: Path, body: str, line: int
) -> None:
    path = tmp_path / "ru.po"
    header = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ru\\n"\n\n'
    )
    path.write_text(header + body, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(CatalogError) as info:
        read_catalog(path)
    assert str(info.value) == (
        f"{path}:{line}: broken string (a missing or unescaped quote) — fix the line in your PO "
        "editor or restore it"
    )
    assert path.read_bytes() == before


def test_comments_and_escapes_are_not_broken_strings(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '# a translator\'s "note\n#. msgstr "not a string\n#| msgid "old \\"one\\""\n'
        'msgid "say \\"hi\\" \\\\"\nmsgstr "«привет»"\n',
        encoding="utf-8",
    )
    catalog = read_catalog(path)
    assert catalog is not None and catalog.entries[0].msgstr == "«привет»"


def test_obsolete_translator_comment_is_kept(tmp_path: Path) -> None:
    """A translator's note on a sentence that was removed before anyone translated it."""
    note = Entry(msgid="Gone.", translator_comments="ask the desk", obsolete=True)
    empty = Entry(msgid="Also gone.", obsolete=True)
    catalog = replace(catalog_of([("Kept.", "Оставлено.")]), entries=(note, empty))
    text = format_catalog(catalog)
    assert '# ask the desk\n#~ msgid "Gone."\n#~ msgstr ""\n' in text
    assert "Also gone." not in text
    path = tmp_path / "ru.po"
    path.write_text(text, encoding="utf-8")
    again = read_catalog(path)
    assert again is not None and again.entries == (replace(note, line=again.entries[0].line),)
