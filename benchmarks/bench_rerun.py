"""Benchmark: the first ``l10n run`` against a no-op re-run and a one-sentence edit.

    python benchmarks/bench_rerun.py [--languages ru,kk,zh]

Uses the Transformer-base-size package of ``bench_translate.py`` (built once, cached in
``benchmarks/.cache/``) for every language, on a throw-away copy of the project with the
bundled article and glossary. Measures side by side, in one process:

1. the first run (segment, MT of every segment, write the catalogs);
2. a re-run with nothing changed (must call the engine zero times and write nothing);
3. a re-run after one sentence of the article was edited (only that sentence goes to MT).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bench_translate import ARTICLE, ensure_model  # noqa: E402


class Counting:
    """The real translator factory, counting the texts sent to the engine."""

    def __init__(self) -> None:
        self.texts = 0
        self.cache: dict[str, Any] = {}

    def __call__(self, language: Any, settings: Any) -> Any:
        from l10n.project.inputs import default_translator

        if language.code not in self.cache:
            self.cache[language.code] = default_translator(language, settings)
        inner = self.cache[language.code]
        outer = self

        class Wrapped:
            name = inner.name

            def translate(self, texts: Sequence[str], *, progress: Any = None) -> list[str]:
                outer.texts += len(texts)
                result: list[str] = inner.translate(texts, progress=progress)
                return result

        return Wrapped()


def make_project(root: Path, languages: list[str], package: Path) -> None:
    (root / "source").mkdir(parents=True)
    shutil.copy(ARTICLE, root / "source")
    shutil.copy(REPO / "glossary.csv", root)
    models = "".join(f'[tool.l10n.models.{code}]\npackage = "{package}"\n' for code in languages)
    (root / "pyproject.toml").write_text(
        f"[tool.l10n]\nlanguages = {languages!r}\n{models}".replace("'", '"'), encoding="utf-8"
    )


def timed_run(root: Path, factory: Counting) -> tuple[float, Any]:
    from l10n.pipeline import run
    from l10n.project.config import load_settings

    start = time.perf_counter()
    report = run(load_settings(root), translator_for=factory)
    return time.perf_counter() - start, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", default="ru,kk,zh")
    args = parser.parse_args()
    languages = [code for code in args.languages.split(",") if code]
    ensure_model()
    from l10n.mt import store

    package = store.find_package("en", "xx")
    assert package is not None
    factory = Counting()  # one engine per language, loaded once, shared by the three runs
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        make_project(root, languages, package.path)
        rows = []
        first, report = timed_run(root, factory)
        rows.append(("first run", first, factory.texts, sum(s.written for s in report.languages)))
        sent = factory.texts
        again, report = timed_run(root, factory)
        rows.append(
            ("no-op re-run", again, factory.texts - sent, sum(s.written for s in report.languages))
        )
        sent = factory.texts
        article = root / "source" / ARTICLE.name
        text = article.read_text(encoding="utf-8").replace("next week.", "next month.", 1)
        article.write_text(text, encoding="utf-8")
        edit, report = timed_run(root, factory)
        rows.append(
            (
                "one sentence edited",
                edit,
                factory.texts - sent,
                sum(s.written for s in report.languages),
            )
        )
    print(f"{'run':<22}{'seconds':>9}{'texts to MT':>13}{'languages written':>19}")
    for name, seconds, texts, written in rows:
        print(f"{name:<22}{seconds:>9.2f}{texts:>13}{written:>19}")
    print(f"\nno-op re-run / first run   {again / first:.3f}")
    print(f"one edit / first run       {edit / first:.3f}")
    print(
        "(the first run includes loading each model; the engines stay loaded for the "
        "re-runs, as in a long-lived process — a new `l10n run` process does not load a "
        "model at all when nothing needs translating)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
