"""The placeholder convention (<1>…</1>, <2/>) and the markup check."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n.article import inline
from l10n.checks import check_entry
from l10n.checks.base import Unit
from l10n.languages import resolve
from l10n.model import Glossary

SOURCE = "Read <1>the <2>joint</2> statement</1> on <3/> Monday."


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("Читайте <1>совместное <2>заявление</2></1> в <3/> понедельник.", []),
        ("<3/> В понедельник читайте <1><2>совместное</2> заявление</1>.", []),
        (
            "Читайте <1>совместное заявление</1> в <3/> понедельник.",
            ["placeholder <2>, </2> missing — keep each one of the source"],
        ),
        (
            "Читайте <1>совместное <2>заявление</2></1> <3/><3/> <4/>.",
            ["placeholder <3/>, <4/> not in the source (or repeated) — remove it"],
        ),
        (
            "Читайте <1>совместное <2>заявление</1></2> в <3/> понедельник.",
            [
                "placeholders wrongly nested — each <N> must close with its </N> after it, "
                "inside the same pairs as in the source"
            ],
        ),
        (
            "</1>Читайте совместное <2>заявление</2> в <3/> понедельник.<1>",
            [
                "placeholders wrongly nested — each <N> must close with its </N> after it, "
                "inside the same pairs as in the source"
            ],
        ),
    ],
    ids=["kept", "moved", "missing", "extra", "crossed", "reversed"],
)
def test_problems(target: str, expected: list[str]) -> None:
    assert inline.problems(SOURCE, target) == expected


def test_markup_check_reports_and_other_checks_ignore_placeholders() -> None:
    unit = Unit(SOURCE, "Читайте совместное заявление в понедельник.", resolve("ru"), Glossary())
    found = {(chk.id, message) for chk, message in check_entry(unit)}
    assert (
        "markup",
        "placeholder <1>, </1>, <2>, </2>, <3/> missing — keep each one of the source",
    ) in found
    assert not any(check == "numbers" for check, _ in found)  # "<1>" is no number


def test_plain_and_renumber() -> None:
    assert inline.plain(SOURCE) == "Read the joint statement on Monday."
    assert inline.plain("No <b>tags</b> of ours") == "No <b>tags</b> of ours"
    assert inline.renumber("x <3>y</3> <5/> <4>z</4>") == "x <1>y</1> <2/> <3>z</3>"


def test_pairs_are_not_split_between_sentences() -> None:
    pairs = [("<1>One.", " "), ("Two.</1>", " "), ("Three.<2/>", ""), ("<3>4</3> Five.", "")]
    assert inline.keep_pairs_whole(pairs) == [
        ("<1>One. Two.</1>", " "),
        ("Three.<2/><3>4</3>", " "),
        ("Five.", ""),
    ]


def test_place_by_position() -> None:
    placed = inline.place_by_position(SOURCE, "Читайте совместное заявление в понедельник.")
    # by position only: the pairs keep their order and nesting, not always their words
    assert placed == "Читайте <1><2>совместное</2> заявление</1> в <3/>понедельник."
    zh = inline.place_by_position("<1>Xi</1> met Tokayev.", "习近平会见托卡耶夫。", unspaced=True)
    assert zh.startswith("<1>") and inline.matches("<1>Xi</1> met Tokayev.", zh)


_WORDS = st.lists(
    st.sampled_from(["alpha", "beta", "gamma", "δέλτα", "东西"]), min_size=0, max_size=8
)


@st.composite
def _marked(draw: st.DrawFn) -> str:
    """A text with well-nested placeholders numbered in order of opening."""
    pieces: list[str] = []
    stack: list[int] = []
    number = 0
    for _ in range(draw(st.integers(0, 12))):
        choice = draw(st.sampled_from(["word", "open", "close", "void"]))
        if choice == "open" or choice == "void":
            number += 1
            pieces.append(f"<{number}>" if choice == "open" else f"<{number}/>")
            stack += [number] if choice == "open" else []
        elif choice == "close" and stack:
            pieces.append(f"</{stack.pop()}>")
        else:
            pieces.append(" " + " ".join(draw(_WORDS)) + " ")
    pieces += [f"</{n}>" for n in reversed(stack)]
    return "".join(pieces)


@given(_marked(), _WORDS, st.booleans())
def test_placed_placeholders_always_match_the_source(
    source: str, words: list[str], unspaced: bool
) -> None:
    target = ("" if unspaced else " ").join(words)
    placed = inline.place_by_position(source, target, unspaced=unspaced)
    assert inline.matches(source, placed)
    assert inline.PLACEHOLDER.sub("", placed) == target


@given(_marked(), _WORDS, st.booleans())
def test_a_placed_pair_holds_text_when_it_did_and_there_is_some_after_it(
    source: str, words: list[str], unspaced: bool
) -> None:
    target = ("" if unspaced else " ").join(words)
    placed = inline.place_by_position(source, target, unspaced=unspaced)
    for number in inline.numbers(source):
        held = re.search(rf"<{number}>(.*?)</{number}>", source)
        if held is None:
            continue
        inside = re.search(rf"<{number}>(.*?)</{number}>", placed)
        assert inside is not None
        text = inline.PLACEHOLDER.sub("", inside[1]).strip()
        if not inline.PLACEHOLDER.sub("", held[1]).strip():
            assert not text, (source, placed)  # an empty pair stays empty
            continue
        after = inline.PLACEHOLDER.sub("", placed[inside.start() :]).strip()
        if after and (unspaced or not after.startswith(" ")):
            assert text, (source, placed)  # a word follows where it opens: it holds one


def test_an_inner_pair_placed_by_position_is_never_empty() -> None:
    # the old placement closed <2> where it opened: "**" + "**" in Markdown
    source = "<1>The summit opened <2>today</2> in the capital.</1>"
    placed = inline.place_by_position(source, "Саммит открылся")
    assert placed == "<1>Саммит <2>открылся</2></1>"
