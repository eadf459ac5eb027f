"""Benchmark: a project of 1 to 1,000 articles — first run, no-op re-run, one edited
article, HTML export — as whole ``l10n`` processes, with no model installed (the catalogs'
cost alone, as a newsroom with a new language sees it).

    python benchmarks/bench_scale.py [--sizes 1,10,100,200,1000]

Each size gets a fresh project of distinct articles made from the bundled one (paragraphs
shuffled, numbers and names varied, so that every article has its own sentences and some
sentences repeat across articles, as wire copy does). Times are wall-clock seconds of one
process each; peak RSS is that process's own (``os.wait4``).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ARTICLE = REPO / "source" / "china-central-asia-article.txt"
NAMES = ["Astana", "Bishkek", "Tashkent", "Dushanbe", "Ashgabat", "Almaty", "Samarkand"]


def make_article(index: int) -> str:
    """A distinct article: the bundled one's blocks shuffled, numbers and cities varied."""
    rng = random.Random(index)
    blocks = [b for b in ARTICLE.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    head, body = blocks[:3], blocks[3:]
    rng.shuffle(body)
    city = NAMES[index % len(NAMES)]
    text = "\n\n".join([f"{head[0]} ({city}, part {index})", *head[1:], *body])
    return text.replace("2023", str(1990 + index % 40)).replace("Xian", city) + "\n"


def make_project(root: Path, count: int) -> None:
    (root / "source").mkdir(parents=True)
    shutil.copy(REPO / "glossary.csv", root)
    (root / "pyproject.toml").write_text(
        '[tool.l10n]\nlanguages = ["ru", "kk", "zh"]\n', encoding="utf-8"
    )
    for index in range(count):
        (root / "source" / f"article-{index:04d}.txt").write_text(
            make_article(index), encoding="utf-8"
        )


def timed(root: Path, *args: str) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one ``l10n`` process run in ``root``."""
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(root / ".argos")}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "l10n", *args],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0,):
        raise SystemExit(
            f"l10n {' '.join(args)} failed: {proc.stderr.read().decode() if proc.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024


def measure(count: int) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        make_project(root, count)
        results = {"first run": timed(root, "run")}
        results["no-op re-run"] = timed(root, "run")
        edited = root / "source" / "article-0000.txt"
        edited.write_text(edited.read_text().replace("next week", "next month"), "utf-8")
        results["one article edited"] = timed(root, "run")
        results["export html"] = timed(root, "export", "--format", "html", "--out", "dist")
        results["export html again"] = timed(root, "export", "--format", "html", "--out", "dist")
        return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,200,1000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    table = {size: measure(size) for size in sizes}
    steps = list(next(iter(table.values())))
    print(f"{'articles':>8}  " + "  ".join(f"{s:>22}" for s in steps))
    for size, results in table.items():
        cells = [f"{results[s][0]:8.2f} s {results[s][1]:6.0f} MB" for s in steps]
        print(f"{size:>8}  " + "  ".join(f"{c:>22}" for c in cells))
    print()
    for size, results in table.items():
        first = results["first run"][0]
        noop = results["no-op re-run"][0] / first
        one = results["one article edited"][0] / first
        print(
            f"{size:>5} articles: no-op {noop:6.1%} of the first run (goal <= 10%), "
            f"one edited {one:6.1%} (goal <= 15%)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
