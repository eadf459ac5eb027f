"""Benchmark: sentence segmentation of long one-line paragraphs and of a 200-article corpus.

    python benchmarks/bench_segment.py [--old-up-to 250000]

"old" is pySBD over the whole text (``split_sentences(text, chunk_size=None)``) and the
URL/e-mail regex ``is_translatable`` used before the restructuring (``OLD_URL``,
quadratic on a long word); "new" the current code (chunks before pySBD,
``l10n.patterns.is_translatable``). Both must give the same sentences ("same"; the
translatable flags are timed but not compared: the new link patterns differ on purpose
at the edges). The one-line paragraphs are the bundled
article's paragraphs run together (46 KB, 200 KB, 1 MB); the corpus is 200 distinct
articles of Golden Rules cases and article paragraphs (about 4.7 KB each). Times are CPU
seconds of this process (the machine is shared). Old runs on texts longer than
``--old-up-to`` characters are skipped: they are quadratic (1 MB takes over ten minutes).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from l10n import patterns  # noqa: E402
from l10n.article import segment  # noqa: E402
from l10n.article.read import read_text  # noqa: E402

ARTICLE = REPO / "source" / "china-central-asia-article.txt"
GOLDEN = REPO / "tests" / "data" / "golden-rules-en.json"
OLD_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
LINES = [("one line, 46 KB", 46_000), ("one line, 200 KB", 200_000), ("one line, 1 MB", 1_000_000)]


def paragraphs() -> list[str]:
    return [
        line.strip() for line in ARTICLE.read_text(encoding="utf-8").splitlines() if len(line) > 60
    ]


def one_line(size: int) -> str:
    """The article's paragraphs run together into one line of about ``size`` characters."""
    text = " ".join(paragraphs())
    return " ".join([text] * (size // len(text) + 1))[:size].rsplit(" ", 1)[0]


def corpus(count: int = 200) -> list[str]:
    rng = random.Random(7)
    cases = [case["text"] for case in json.loads(GOLDEN.read_text(encoding="utf-8"))["cases"]]
    pool = cases + paragraphs()
    articles = []
    for number in range(count):
        body = [
            " ".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(8, 20))
        ]
        articles.append(f"Article {number}\n\n" + "\n\n".join(body) + "\n")
    return articles


def old_translatable(text: str) -> bool:
    return any(char.isalpha() for char in OLD_URL.sub(" ", text))


SPLIT = segment.split_sentences


def old_split(text: str) -> list[tuple[str, str]]:
    return SPLIT(text, chunk_size=None)


def sentences(text: str, old: bool) -> list[tuple[str, str, bool]]:
    """Sentences, separators and whether each is translatable, the old way or the new."""
    pairs = old_split(text) if old else SPLIT(text)
    translatable = old_translatable if old else patterns.is_translatable
    return [(sentence, separator, translatable(sentence)) for sentence, separator in pairs]


def cpu(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.process_time()
    result = function()
    return time.process_time() - start, result


def segment_corpus(texts: list[str], old: bool) -> list[Any]:
    """Every article read and segmented (the old way: pySBD unchunked, the old regex)."""
    split, translatable = segment.split_sentences, segment.is_translatable
    if old:
        segment.split_sentences = old_split  # type: ignore[assignment]
        segment.is_translatable = old_translatable
    try:
        return [
            segment.segment_document(read_text(text, name=f"a{n}.txt"))
            for n, text in enumerate(texts)
        ]
    finally:
        segment.split_sentences, segment.is_translatable = split, translatable


def row(label: str, old: tuple[float, Any] | None, new: tuple[float, Any]) -> bool:
    """Print one line of the table; whether old and new agree (True if old was not run)."""
    if old is None:
        print(f"{label:<30}{'not run':>9}{new[0]:>9.3f}")
        return True
    same = _texts(old[1]) == _texts(new[1])
    ratio = old[0] / max(new[0], 1e-6)
    print(f"{label:<30}{old[0]:>9.3f}{new[0]:>9.3f}{ratio:>9.1f}  {'yes' if same else 'NO'}")
    return same


def _texts(result: Any) -> Any:
    """The sentences (and separators) of a result, without the translatable flags."""
    if isinstance(result, bool):
        return result
    if result and isinstance(result[0][0], str):
        return [(text, separator) for text, separator, _ in result]
    return [[(s.text, s.separator) for s in segments] for segments in result]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old-up-to", type=int, default=250_000)
    args = parser.parse_args()
    print(f"{'input':<30}{'old s':>9}{'new s':>9}{'old/new':>9}  same")
    same = True
    for label, size in LINES:
        text = one_line(size)
        new = cpu(partial(sentences, text, old=False))
        old = cpu(partial(sentences, text, old=True)) if size <= args.old_up_to else None
        same &= row(label, old, new)
    word = "a" * 40_000
    old = cpu(partial(old_translatable, word))
    same &= row("is_translatable, 40K word", old, cpu(partial(patterns.is_translatable, word)))
    texts = corpus()
    old = cpu(partial(segment_corpus, texts, old=True))
    same &= row("200 articles (4.7 KB each)", old, cpu(partial(segment_corpus, texts, old=False)))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
