"""Long texts: chunked segmentation gives exactly the unchunked result; long words."""

from __future__ import annotations

import json
import random
from itertools import pairwise
from pathlib import Path

import pytest

from l10n.article.chunks import chunk_spans
from l10n.article.segment import split_sentences
from l10n.patterns import is_translatable

DATA = Path(__file__).parent / "data"
ARTICLE = Path(__file__).resolve().parents[1] / "source" / "china-central-asia-article.txt"


def golden_texts() -> list[str]:
    cases = json.loads((DATA / "golden-rules-en.json").read_text(encoding="utf-8"))["cases"]
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    return [case["text"] for case in cases] + [line.strip() for line in lines if len(line) > 60]


def random_text(rng: random.Random, texts: list[str]) -> str:
    """Golden Rules cases and article paragraphs run together, as in one long line."""
    parts = [rng.choice(texts) for _ in range(rng.randint(2, 14))]
    joints = [" ", " ", "  ", "\n", " \n "]
    return "".join(part + rng.choice(joints) for part in parts).strip()


@pytest.mark.parametrize("seed", range(8), ids=[f"seed{n}" for n in range(8)])
def test_chunked_segmentation_is_the_unchunked_one(seed: int) -> None:
    """Tiny chunks force a cut at nearly every safe sentence end: same sentences."""
    rng = random.Random(seed)
    texts = golden_texts()
    cuts = 0
    for _ in range(60):
        text = random_text(rng, texts)
        size = rng.choice([1, 5, 20, 60, 150])
        cuts += len(chunk_spans(text, size)) - 1
        assert split_sentences(text, chunk_size=size) == split_sentences(text, chunk_size=None)
    assert cuts > 30  # the comparison saw many cuts, not whole texts only


def test_chunks_cover_the_text_and_leave_short_text_whole() -> None:
    text = " ".join(golden_texts()) * 3
    spans = chunk_spans(text, 500)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in pairwise(spans))
    assert len(spans) > 10
    assert all(end - start >= 500 for start, end in spans)
    assert chunk_spans(text[:1000], 500) == [(0, 1000)]


@pytest.mark.parametrize(
    "text",
    [
        'He said, "I left at noon. Then I went home." Then she left the room.',
        "The price (it rose sharply. Nobody expected it.) Then came the fall again.",
        "They asked for 1. more money today. Then they asked for 2. more time again.",
    ],
    ids=["quotation", "parenthesis", "numbered-list"],
)
def test_no_cut_where_pysbd_reads_across(text: str) -> None:
    """A sentence end inside a quotation, a parenthesis or a list pySBD pairs is no cut."""
    cut = text.index("Then")
    assert all(start != cut for start, _ in chunk_spans(text, 1))


def test_a_plain_sentence_end_is_a_cut() -> None:
    text = "The talks ended late at night. Then the delegates went home to rest."
    assert chunk_spans(text, 1) == [(0, 31), (31, len(text))]


LONG_WORDS = [
    ("letters", "a" * 40_000, True),
    ("trailing-at", "a" * 40_000 + "@", True),
    ("dotted", "a." * 20_000 + "@b", True),
    ("no-dot-domain", "x@" + "b" * 40_000 + "!", True),
    ("address", "a" * 40_000 + "@example.com", False),
    ("url", "www." + "a" * 40_000, False),
]


@pytest.mark.parametrize(
    ("word", "translatable"), [w[1:] for w in LONG_WORDS], ids=[w[0] for w in LONG_WORDS]
)
def test_is_translatable_on_long_words(word: str, translatable: bool) -> None:
    """A 40K-character word (the old address regex was quadratic on it: seconds; the
    timing is in benchmarks/bench_segment.py)."""
    assert is_translatable(word) is translatable
