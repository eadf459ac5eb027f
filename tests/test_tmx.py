"""TMX interop: tuid, creationdate and the real tool version; inline codes as markup."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from l10n import __version__
from l10n.memory.store import TranslationMemory
from l10n.memory.tmx import inline_codes, read_tmx, tmx_date, write_tmx

ROWS = [
    ("ru", "Xi said.", "Си сказал.", "2026-11-30T08:15:02.123456+00:00"),
    ("kk", "Xi said.", "Си айтты.", "2026-11-30T10:15:02+02:00"),
    ("ru", "<b>Xi</b> said<br/>.", "<b>Си</b> сказал<br/>.", "2026-12-01T00:00:00+00:00"),
]


def _tmx(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "in.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"'
        ' creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"'
        f' adminlang="en" datatype="html"/><body>{body}</body></tmx>',
        "utf-8",
    )
    return path


def test_units_carry_tuid_creationdate_and_the_version(tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    write_tmx(path, ROWS, version=__version__)
    root = ET.parse(path).getroot()
    header = root.find("header")
    assert header is not None and header.get("creationtoolversion") == __version__
    assert re.fullmatch(r"\d{8}T\d{6}Z", header.get("creationdate") or "")
    units = root.findall("body/tu")
    assert [u.get("creationdate") for u in units] == [
        "20261130T081502Z",
        "20261130T081502Z",
        "20261201T000000Z",
    ]
    tuids = [u.get("tuid") for u in units]
    assert len(set(tuids)) == 3 and all(t and t.startswith(("ru-", "kk-")) for t in tuids)
    again = tmp_path / "again.tmx"
    write_tmx(again, ROWS, version=__version__)
    assert [u.get("tuid") for u in ET.parse(again).getroot().findall("body/tu")] == tuids


def test_markup_is_written_as_inline_codes_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    write_tmx(path, ROWS, version=__version__)
    seg = ET.parse(path).getroot().findall("body/tu")[2].find("tuv/seg")
    assert seg is not None
    assert [(c.tag, c.get("i"), c.text) for c in seg] == [
        ("bpt", "1", "<b>"),
        ("ept", "1", "</b>"),
        ("ph", None, "<br/>"),
    ]
    assert seg.text == "" or seg.text is None
    assert read_tmx(path) == [(lang, src, tgt) for lang, src, tgt, _ in ROWS]


@pytest.mark.parametrize(
    ("seg", "text"),
    [
        ('<bpt i="1">&lt;b&gt;</bpt>Xi<ept i="1">&lt;/b&gt;</ept> said', "<b>Xi</b> said"),
        ('<bpt i="1" x="1"/>Xi<ept i="1"/> said', "<g1>Xi</g1> said"),
        ('Xi said<ph x="2"/>.', "Xi said<x2/>."),
        ('<ph x="3" type="image">&lt;img src="a.png"/&gt;</ph> Xi', '<img src="a.png"/> Xi'),
        ('<it pos="begin" x="4"/>Xi said', "<g4>Xi said"),
        ('Xi <hi type="bold">said</hi>', "Xi said"),
        ("a &lt; b", "a < b"),
    ],
    ids=["native-code", "empty-pair", "empty-ph", "ph-content", "isolated", "hi", "plain-lt"],
)
def test_inline_codes_import_as_markup(tmp_path: Path, seg: str, text: str) -> None:
    path = _tmx(
        tmp_path,
        f'<tu><tuv xml:lang="en"><seg>{seg}</seg></tuv>'
        f'<tuv xml:lang="ru"><seg>{seg.replace("Xi", "Си")}</seg></tuv></tu>',
    )
    assert read_tmx(path) == [("ru", text, text.replace("Xi", "Си"))]


@pytest.mark.parametrize(
    ("text", "seg"),
    [
        ("plain & simple", "plain &amp; simple"),
        ("a < b", "a &lt; b"),
        ("<i>x", "<ph>&lt;i&gt;</ph>x"),
        (
            "<a href='u'><b>x</b></a>",
            '<bpt i="2">&lt;a href=\'u\'&gt;</bpt><bpt i="1">&lt;b&gt;</bpt>x'
            '<ept i="1">&lt;/b&gt;</ept><ept i="2">&lt;/a&gt;</ept>',
        ),
    ],
    ids=["amp", "lt", "unpaired", "nested"],
)
def test_inline_codes(text: str, seg: str) -> None:
    assert inline_codes(text) == seg


def test_tmx_date() -> None:
    assert tmx_date("2026-01-02T03:04:05+03:00") == "20260102T000405Z"
    assert tmx_date("2026-01-02T03:04:05") == "20260102T030405Z"


def test_memory_export_is_distinct_and_versioned(tmp_path: Path) -> None:
    source = _tmx(
        tmp_path,
        '<tu><tuv xml:lang="en"><seg>A.</seg></tuv><tuv xml:lang="ru"><seg>Б.</seg></tuv></tu>' * 2,
    )
    memory = TranslationMemory(tmp_path / "m.sqlite3")
    assert memory.import_tmx(source) == 2
    out = tmp_path / "out.tmx"
    assert memory.export_tmx(out, ["ru"], version="9.9") == 1
    assert 'creationtoolversion="9.9"' in out.read_text("utf-8")
