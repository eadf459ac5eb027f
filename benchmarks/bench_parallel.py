"""Benchmark: where MT decodes — one process, ``--jobs 2``, a two-worker Dask cluster.

    python benchmarks/bench_parallel.py [--copies 4] [--languages ru,zh]

Uses the Transformer-base-size package of ``bench_translate.py`` (built once, cached in
``benchmarks/.cache/``) for every language, on a throw-away project of ``--copies``
distinct copies of the bundled article. Each variant is one whole ``l10n run`` process on
a fresh copy of the project, timed side by side in one run; the catalogs of every variant
are compared with those of the one-process run (they must be the same). The projects set
``threads = 1``, so that each worker is one core, except ``threads = 0`` (the default: one
process, CTranslate2 decoding batches side by side, one core each). The cluster is a
``distributed.LocalCluster`` (two worker processes, one thread each) started beforehand,
so its start-up is not in the figure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from bench_scale import make_article  # noqa: E402
from bench_translate import argos_env, ensure_model  # noqa: E402


def make_project(
    root: Path, copies: int, languages: list[str], package: Path, threads: int = 1
) -> None:
    (root / "source").mkdir(parents=True)
    shutil.copy(REPO / "glossary.csv", root)
    models = "".join(f'[tool.l10n.models.{code}]\npackage = "{package}"\n' for code in languages)
    config = (
        f"[tool.l10n]\nlanguages = {languages!r}\n[tool.l10n.mt]\nthreads = {threads}\n{models}"
    )
    (root / "pyproject.toml").write_text(config.replace("'", '"'), encoding="utf-8")
    for index in range(copies):
        (root / "source" / f"article-{index}.txt").write_text(make_article(index), "utf-8")


def catalogs(root: Path) -> dict[str, list[str]]:
    """Each catalog's msgid/msgstr lines (dates left out): what the run decided."""
    return {
        str(p.relative_to(root)): [
            line for line in p.read_text("utf-8").splitlines() if line.startswith("msg")
        ]
        for p in sorted((root / "locales").rglob("*.po"))
    }


def timed(template: Path, where: Path, *args: str) -> tuple[float, dict[str, list[str]]]:
    shutil.copytree(template, where)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "l10n", "run", *args],
        cwd=where,
        env=argos_env(),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start, catalogs(where)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--languages", default="ru,zh")
    args = parser.parse_args()
    languages = [code for code in args.languages.split(",") if code]
    ensure_model()
    from distributed import LocalCluster

    from l10n.mt import store

    package = store.find_package("en", "xx")
    assert package is not None
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template"
        make_project(template, args.copies, languages, package.path)
        one, expected = timed(template, Path(tmp) / "one", "--jobs", "1")
        rows.append(("in process, threads = 1", one, True))
        default = Path(tmp) / "default-template"
        make_project(default, args.copies, languages, package.path, threads=0)
        side, result = timed(default, Path(tmp) / "side", "--jobs", "1")
        rows.append(("in process, threads = 0", side, result == expected))
        two, result = timed(template, Path(tmp) / "two", "--jobs", "2")
        rows.append(("--jobs 2", two, result == expected))
        os.environ.update(argos_env())  # the workers find the benchmark's package store
        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            dask, result = timed(
                template, Path(tmp) / "dask", "--cluster", cluster.scheduler_address
            )
        rows.append(("--cluster (2 Dask workers)", dask, result == expected))
    segments = sum(len(v) for v in expected.values()) // 2
    print(f"{args.copies} articles, {len(languages)} languages, about {segments} catalog entries")
    print(f"{'variant':<28}{'seconds':>9}{'vs first':>13}{'same output':>13}")
    for name, seconds, same in rows:
        print(f"{name:<28}{seconds:>9.2f}{seconds / one:>13.2f}{'yes' if same else 'NO':>13}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
