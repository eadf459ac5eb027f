"""Decoding on other processes: ``--jobs`` (a local pool) and ``--cluster`` (Dask).

The real engine (the small test models) runs everywhere; the question is only where the
token batches are decoded. Each test compares against a run decoding in this process.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polib
import pytest
from click.testing import CliRunner

from l10n.cli import cli
from l10n.mt.store import PackageInfo
from l10n.pipeline import run
from l10n.project.config import load_settings

CONFIG = '[tool.l10n]\nlanguages = ["ru", "zh"]\n[tool.l10n.mt]\nthreads = 1\n'


@pytest.fixture
def project(new_project: Callable[[str], Path], installed_models: dict[str, PackageInfo]) -> Path:
    root = new_project(CONFIG)
    article = next((root / "source").glob("*.txt"))
    # Ten times the article (each copy its own sentences): many batches per language.
    text = article.read_text(encoding="utf-8")
    for copy in range(1, 10):
        numbered = text.replace("China", f"China{copy}").replace("Asia", f"Asia{copy}")
        (root / "source" / f"copy-{copy}.txt").write_text(numbered, encoding="utf-8")
    return root


def translations(root: Path) -> dict[str, list[tuple[str, str, bool]]]:
    """Every catalog's (msgid, msgstr, fuzzy), by catalog path: what a run decided."""
    found = {}
    for path in sorted((root / "locales").rglob("*.po")):
        po = polib.pofile(str(path))
        found[str(path.relative_to(root))] = [(e.msgid, e.msgstr, e.fuzzy) for e in po]
    return found


def local_result(root: Path) -> dict[str, list[tuple[str, str, bool]]]:
    report = run(load_settings(root), jobs=1)
    assert not report.errors
    result = translations(root)
    assert sum(1 for entries in result.values() for _, msgstr, _ in entries if msgstr) > 300
    return result


def reset(root: Path) -> None:
    for path in (root / "locales").rglob("*.po*"):
        path.unlink()
    (root / ".l10n" / "manifest.json").unlink()


def test_jobs_two_writes_what_one_process_writes(project: Path) -> None:
    expected = local_result(project)
    reset(project)
    result = CliRunner().invoke(cli, ["run", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert translations(project) == expected


@pytest.fixture
def cluster() -> Iterator[Any]:
    distributed = pytest.importorskip(
        "distributed", reason="the Dask tests need the dev extra: pip install -e '.[dev]'"
    )
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def test_a_cluster_run_writes_what_a_local_run_writes(project: Path, cluster: Any) -> None:
    expected = local_result(project)
    reset(project)
    result = CliRunner().invoke(cli, ["run", "--cluster", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert translations(project) == expected


def test_a_worker_lost_mid_run_is_replaced(project: Path, cluster: Any) -> None:
    from distributed import Client

    expected = local_result(project)
    reset(project)
    with Client(cluster.scheduler_address) as client:
        pids = list(client.run(os.getpid).values())
    killed = threading.Event()

    def progress(code: str, done: int, total: int) -> None:
        if done and not killed.is_set():  # the first batch is back: kill one worker
            killed.set()
            os.kill(pids[0], signal.SIGKILL)

    report = run(load_settings(project), cluster=cluster.scheduler_address, progress=progress)
    assert killed.is_set() and not report.errors
    assert translations(project) == expected


def test_an_unreachable_cluster_writes_no_catalog(project: Path) -> None:
    pytest.importorskip("distributed", reason="the Dask tests need the dev extra")
    result = CliRunner().invoke(cli, ["run", "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler" in result.output
    assert "Traceback" not in result.output
    assert not list((project / "locales").rglob("*.po"))


def test_a_worker_without_the_package_says_so(cluster: Any, tmp_path: Path) -> None:
    """A worker that has no such package (another machine, another store) fails the batch
    with a message naming the package; the pool raises it as one ModelError."""
    from l10n.errors import ModelError
    from l10n.mt import EngineSpec, MTSettings
    from l10n.mt.parallel import DaskPool

    spec = EngineSpec(
        package="translate-en_xx",
        version="9.9",
        path=str(tmp_path / "not-here"),
        mt=MTSettings(threads=1),
        target_prefix="",
        max_decoding_length=16,
    )
    pool = DaskPool(cluster.scheduler_address)
    try:
        with pytest.raises(ModelError) as caught:
            pool.map_batches(spec, [[["▁a"]], [["▁b"]]], None)
    finally:
        pool.close()
    assert "has nothing for translate-en_xx 9.9" in str(caught.value)
    assert "install the same package on every worker" in str(caught.value)
