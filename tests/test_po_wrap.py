"""The fast line breaker against the reference, and the writer against GNU msgcat."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.model import Catalog, Entry
from l10n.po import linebreak_fast as fast
from l10n.po.format import format_catalog, wrap_field
from l10n.po.linebreak import CLASSES, line_break_class, width_breaks_reference

# Characters of every kind a PO string meets: ASCII, Cyrillic (ru, kk), CJK and its
# punctuation, East Asian brackets (fullwidth, wide, halfwidth), quotes, dashes, spaces of
# several classes, and what the fast path leaves to the reference (soft hyphen, combining
# marks, Hangul vowel jamo, ZWJ, ZWSP, word joiner, line separator, an emoji and selector).
SUPPORTED = (
    "abcXYZ019 .,;:!?'\"()[]{}<>/\\-+*%$#@&_=|~^`"
    "Китайпроведётсаммит Қазақстан ӘҒҚҢӨҰҮҺІ «»„“”‘’—–‐…№"
    "中国将于下周在西安举办峰会。，、：；！？（）《》「」【】〔〕＂＇％￥"
    "\uff62\uff63\u3000\u00a0\u202f\u2011\u2013\u2014\u00b7ﾊﾝｶｸ한국어ไทย"
)
CONTEXT = "\u00ad\u1161\u2060\u0301\u0308\u200d\u200b\u2028\ufe0f\U0001f600\u200e"
supported_text = st.text(alphabet=SUPPORTED, max_size=200)
any_text = st.text(alphabet=SUPPORTED + CONTEXT, max_size=200)


def reference(text: str, fixed: frozenset[int], width: int, start: int) -> list[int]:
    flags = [index in fixed for index in range(len(text))]
    chosen = width_breaks_reference(text, flags, width, start)
    return [index for index, brk in enumerate(chosen) if brk]


@settings(max_examples=400, deadline=None)
@given(
    text=any_text,
    width=st.integers(min_value=0, max_value=90),
    start=st.integers(min_value=0, max_value=20),
    data=st.data(),
)
def test_fast_breaks_are_the_reference_breaks(
    text: str, width: int, start: int, data: st.DataObject
) -> None:
    """Same breaks for any text, width (0 gives every opportunity), start and fixed set."""
    positions = st.integers(min_value=0, max_value=max(len(text) - 1, 0))
    fixed = frozenset(data.draw(st.sets(positions, max_size=8))) if text else frozenset()
    after_name = reference(text, fixed, width, start)
    assert fast.line_breaks(text, fixed, width, start) == after_name
    own_line = bool(after_name)  # a break after the name: the string goes to its own lines
    expected = (own_line, reference(text, fixed, width, 0) if own_line else [])
    assert fast.first_breaks(text, fixed, width, start) == expected


@settings(max_examples=300, deadline=None)
@given(text=supported_text, width=st.integers(min_value=0, max_value=90))
def test_fast_path_decides_supported_text_itself(text: str, width: int) -> None:
    """Text without context classes is broken by the fast path, not handed to the reference."""
    assert fast._analyse(text) is not None
    assert fast.line_breaks(text, (), width, 0) == reference(text, frozenset(), width, 0)


CYRILLIC = "abcXYZ019 .,;:!?'\"()-%№«»„“”‘’—–…\u00a0 Китайпроведётсаммит ӘҒҚҢӨҰҮҺІ әғқңөұүһі"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=CYRILLIC, max_size=200), width=st.integers(0, 90))
def test_single_byte_path_gives_the_reference_breaks(text: str, width: int) -> None:
    """Russian and Kazakh text (all of it in KZ-1048, mapped byte by byte)."""
    text.encode("kz1048")  # the alphabet is what this test is about
    assert fast.line_breaks(text, (), width, 3) == reference(text, frozenset(), width, 3)


def representatives() -> dict[bytes, str]:
    """One character for each letter of the fast path (a class at a width)."""
    found: dict[bytes, str] = {}
    for code in [*range(0x20, 0x10000), *range(0x1F000, 0x20000)]:
        analysed = fast._analyse(chr(code)) if not 0xD800 <= code < 0xE000 else None
        if analysed is not None:
            found.setdefault(analysed[0], chr(code))
    return found


def test_every_class_pair_breaks_as_the_reference_says() -> None:
    """Each pair of classes, adjacent and across spaces: every cell of the pair table."""
    chars = representatives()
    names = {line_break_class(char) for char in chars.values()}
    # Every WJ character is zero-width: those, like the context classes, go to the reference.
    assert names == set(CLASSES) - {"CM", "ZWJ", "ZW", "WJ", "JV", "JT"} | {"SP"}
    wide_brackets = {fast._NARROW["OPW"].encode(), fast._WIDE["OPW"].encode()}  # H and W/F
    assert wide_brackets <= set(chars)
    for before in chars.values():
        for after in chars.values():
            for gap in ("", " ", "   "):
                text = f"x{before}{gap}{after}y"
                got = fast.line_breaks(text, (), 0, 0)
                assert got == reference(text, frozenset(), 0, 0), repr(text)


@pytest.mark.parametrize(
    ("value", "lines"),
    [
        ("short", ['msgid "short"']),
        ("", ['msgid ""']),
        ("a\nb", ['msgid ""', '"a\\n"', '"b"']),
        ("x" * 80, ['msgid "' + "x" * 80 + '"']),
        ("x" * 70 + " y", ['msgid ""', '"' + "x" * 70 + ' y"']),
        ("中" * 40, ['msgid ""', '"' + "中" * 38 + '"', '"' + "中" * 2 + '"']),
    ],
    ids=["fits", "empty", "newline", "one-long-word", "first-line-too-narrow", "wide"],
)
def test_wrap_field_examples(value: str, lines: list[str]) -> None:
    assert wrap_field("", "msgid", value) == lines


needs_gettext = pytest.mark.skipif(
    shutil.which("msgcat") is None, reason="GNU gettext (msgcat) is not installed"
)
WORDS = [
    "Китай",
    "Қазақстан",
    "саммит,",
    "«Китай — Центральная Азия»",
    "中国将于下周在西北城市西安举办首届中国－中亚峰会，",
    "（新华社）",
    "《一带一路》",
    "https://news.cgtn.com/news/2023-05-12/China-Central-Asia-ties/index.html?lang=en&x=1",
    "editors@cgtn.com",
    "x" * 95,
    "Supercalifragilisticexpialidocious-and-then-some-more-hyphenated-words",
    "U.S.-led",
    "5.2%",
    "$3.5",
    "2020's",
    "\t",
    "\n",
    "tab\there",
    'say "hi"',
    "back\\slash",
    "naïve",
    "cafe\u0301",
    "\u00a0",
    "soft\u00adhyphen",
    "zero\u200bwidth",
    "emoji\U0001f600",
    "ﾊﾝｶｸ",
    "한국어",
]


def random_text(rng: random.Random) -> str:
    joiners = [" ", " ", " ", "", "  ", "\n"]
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 40))]
    return "".join(word + rng.choice(joiners) for word in words).strip(" ")


@needs_gettext
@pytest.mark.parametrize("seed", range(6), ids=[f"seed{n}" for n in range(6)])
def test_msgcat_agrees_on_random_text(tmp_path: Path, seed: int) -> None:
    """CJK, Cyrillic, long words, URLs, tabs, ``\\n`` inside, combining marks, emoji."""
    rng = random.Random(1000 + seed)
    msgids = dict.fromkeys(random_text(rng) for _ in range(250))  # distinct, in order
    entries = [
        Entry(
            msgid=msgid,
            msgstr=random_text(rng),
            msgctxt=rng.choice([None, random_text(rng)]),
            previous_msgid=rng.choice([None, random_text(rng)]),
            flags=rng.choice([(), ("fuzzy",)]),
        )
        for msgid in msgids
    ]
    metadata = (("Content-Type", "text/plain; charset=UTF-8"), ("Language", "ru"))
    catalog = Catalog(entries=tuple(entries), metadata=metadata)
    path = tmp_path / "random.po"
    path.write_text(format_catalog(catalog), encoding="utf-8")
    cat = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True)
    assert cat.stdout == path.read_text(encoding="utf-8")
