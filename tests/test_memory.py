"""Translation memory: approved entries only, refreshed when catalogs change, TMX in/out."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from l10n.errors import TMError
from l10n.memory.store import TranslationMemory, normalise
from l10n.model import Catalog, Entry, Translation
from l10n.po.io import write_catalog


def write_po(path: Path, entries: list[tuple[str, str, bool]]) -> Path:
    catalog = Catalog(
        entries=tuple(
            Entry(msgid=msgid, msgstr=msgstr, flags=("fuzzy",) if fuzzy else ())
            for msgid, msgstr, fuzzy in entries
        ),
        metadata=(("Content-Type", "text/plain; charset=UTF-8"), ("Language", "ru")),
    )
    write_catalog(catalog, path)
    return path


@pytest.fixture
def project(tmp_path: Path) -> tuple[TranslationMemory, dict[str, list[Path]]]:
    ru = write_po(
        tmp_path / "ru" / "one.po",
        [
            ("Economic benefits", "Экономические выгоды", False),
            (
                "Experts say \u201cdecoupling\u201d is  wrong.",
                "Эксперты против «разъединения».",
                False,
            ),
            ("A machine guess.", "Машинная догадка.", True),
            ("Untranslated.", "", False),
        ],
    )
    kk = write_po(tmp_path / "kk" / "one.po", [("Economic benefits", "Экономикалық пайда", False)])
    return TranslationMemory(tmp_path / ".l10n" / "memory.sqlite3"), {"ru": [ru], "kk": [kk]}


def test_normalise_folds_whitespace_and_quotes() -> None:
    assert (
        normalise("  Experts say \u201cdecoupling\u201d\n is\u2019 ")
        == 'Experts say "decoupling" is\''
    )


def test_only_approved_entries_are_stored_and_found(project) -> None:  # type: ignore[no-untyped-def]
    memory, paths = project
    assert memory.rebuild(paths) == 3
    found = memory.lookup(
        "ru",
        [
            "Economic benefits",
            "A machine guess.",
            "Untranslated.",
            'Experts say "decoupling" is wrong.',
        ],
    )
    origin = str(paths["ru"][0])
    assert found == {
        "Economic benefits": Translation(
            "Economic benefits", "Экономические выгоды", "tm", origin, fuzzy=True
        ),
        'Experts say "decoupling" is wrong.': Translation(
            'Experts say "decoupling" is wrong.',
            "Эксперты против «разъединения».",
            "tm",
            origin,
            fuzzy=True,
        ),
    }
    assert (
        memory.lookup("kk", ["Economic benefits"])["Economic benefits"].target
        == "Экономикалық пайда"
    )
    assert memory.lookup("zh_Hans", ["Economic benefits"]) == {}


def test_refresh_rereads_only_changed_catalogs(project) -> None:  # type: ignore[no-untyped-def]
    memory, paths = project
    memory.refresh(paths)
    assert memory.refresh(paths) == 0
    ru = paths["ru"][0]
    write_po(ru, [("Economic benefits", "Экономическая польза", False)])
    os.utime(ru, ns=(1, 10**18))
    assert memory.refresh(paths) == 1
    assert (
        memory.lookup("ru", ["Economic benefits"])["Economic benefits"].target
        == "Экономическая польза"
    )
    ru.unlink()
    memory.refresh(paths)
    assert memory.lookup("ru", ["Economic benefits"]) == {}


def test_refresh_forgets_catalogs_no_longer_listed(project) -> None:  # type: ignore[no-untyped-def]
    memory, paths = project
    memory.refresh(paths)
    memory.refresh({"ru": []})
    assert memory.lookup("ru", ["Economic benefits"]) == {}
    assert memory.lookup("kk", ["Economic benefits"]) != {}


def test_tmx_round_trip(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    memory, paths = project
    memory.rebuild(paths)
    tmx = tmp_path / "out.tmx"
    assert memory.export_tmx(tmx, ["ru", "kk"]) == 3
    root = ET.parse(tmx).getroot()
    assert root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "en"  # type: ignore[union-attr]
    langs = sorted(t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in root.iter("tuv"))
    assert langs == ["en", "en", "en", "kk", "ru", "ru"]
    other = TranslationMemory(tmp_path / "other.sqlite3")
    assert other.import_tmx(tmx) == 3
    assert other.import_tmx(tmx) == 3  # importing again replaces, never duplicates
    assert (
        other.lookup("ru", ["Economic benefits"])["Economic benefits"].target
        == "Экономические выгоды"
    )
    assert other.lookup("kk", ["Economic benefits"])["Economic benefits"].engine == "tmx:out.tmx"


def test_tmx_from_a_cat_tool_with_regional_codes(tmp_path: Path) -> None:
    tmx = tmp_path / "omegat.tmx"
    tmx.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="OmegaT" creationtoolversion="6" segtype="sentence" o-tmf="OmegaT"
          adminlang="EN-US" srclang="EN-US" datatype="plaintext"/>
  <body>
    <tu><tuv xml:lang="EN-US"><seg>Central Asia</seg></tuv>
        <tuv xml:lang="ZH-CN"><seg>中亚</seg></tuv></tu>
    <tu><tuv lang="en-US"><seg>Xian</seg></tuv><tuv lang="ru-RU"><seg>Сиань</seg></tuv></tu>
    <tu><tuv xml:lang="en_GB"><seg>Bishkek</seg></tuv><tuv xml:lang="kk_KZ"><seg>Бішкек</seg></tuv>
    </tu>
  </body>
</tmx>
""",
        encoding="utf-8",
    )
    memory = TranslationMemory(tmp_path / "m.sqlite3")
    assert memory.import_tmx(tmx) == 3
    assert memory.lookup("zh_Hans", ["Central Asia"])["Central Asia"].target == "中亚"
    assert memory.lookup("ru", ["Xian"])["Xian"].target == "Сиань"
    assert memory.lookup("kk", ["Bishkek"])["Bishkek"].target == "Бішкек"  # en_GB, kk_KZ


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '<tmx version="1.4"><body>\n<tu><tuv xml:lang="en"><seg>a</seg></tuv>\n</body></tmx>',
            "{path}:3: not well-formed XML: mismatched tag — fix the TMX file or export it again",
        ),
        (
            '<tmx version="1.4"><body>\n<tu>\n<tuv xml:lang="ru"><seg>б</seg></tuv></tu>'
            "</body></tmx>",
            "{path}:2: <tu> without an English (en) <tuv> — every unit needs its source text",
        ),
        (
            '<tmx version="1.4"><body><tu>\n<tuv><seg>б</seg></tuv></tu></body></tmx>',
            "{path}:2: <tuv> without xml:lang — add the language code",
        ),
        (
            "<html></html>",
            "{path}:1: not a TMX file (no <tmx> element) — export TMX 1.4 from your CAT tool",
        ),
    ],
    ids=["not-well-formed", "no-source", "no-lang", "not-tmx"],
)
def test_bad_tmx(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.tmx"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(TMError) as caught:
        TranslationMemory(tmp_path / "m.sqlite3").import_tmx(path)
    assert str(caught.value) == message.format(path=path)


def test_corrupt_memory_file_is_a_tm_error(tmp_path: Path) -> None:
    path = tmp_path / "memory.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(TMError) as caught:
        TranslationMemory(path).lookup("ru", ["x"])
    assert str(caught.value) == (
        f"{path}: not a usable translation memory: file is not a "
        "database — delete the file, it is rebuilt from the catalogs"
    )


def test_memory_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    memory = TranslationMemory(blocker / "memory.sqlite3")
    with pytest.raises(TMError) as info:
        memory.lookup("ru", ["Hello."])
    assert str(info.value) == (
        f"{blocker / 'memory.sqlite3'}: cannot create its folder: File exists — check "
        "[tool.l10n] memory"
    )
