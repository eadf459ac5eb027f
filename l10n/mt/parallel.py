"""Token batches decoded in other processes: a local pool (``--jobs``) or a Dask cluster.

Only pure batch decoding leaves the coordinator: it tokenises, sorts and cuts the batches
exactly as a local run does (so the output is the same), sends each batch with an
:class:`EngineSpec`, and detokenises what comes back. A worker loads each package once and
keeps it for every later batch (a per-process cache in a pool worker, a worker plugin on
Dask). A batch whose worker dies is retried elsewhere; one that cannot be decoded at all
raises ``ModelError``, which stops that language before anything is written.
"""

from __future__ import annotations

import importlib
import os
import socket
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import ModelError
from . import Batch, BatchPool, EngineSpec, ModelChoice, Report
from .argos import ArgosTranslator, LoadedModels, check_package
from .store import find_package, read_package

PLUGIN_NAME = "l10n-engines"
DASK_RETRIES = 2


class Engines:
    """The decoders one worker process has loaded, by spec (models shared across specs).

    ``threads``: what ``threads = 0`` (CTranslate2 picks) means in this worker; a pool of
    N workers on C cores gives each C // N, so that they do not fight over the cores.
    """

    def __init__(self, threads: int = 0) -> None:
        self.models = LoadedModels()
        self.threads = threads
        self._translators: dict[EngineSpec, ArgosTranslator] = {}

    def decode(self, spec: EngineSpec, batch: Batch) -> Batch:
        """One ``translate_batch`` with the package of ``spec``."""
        if self.threads and not spec.mt.threads:
            spec = replace(spec, mt=replace(spec.mt, threads=self.threads))
        translator = self._translators.get(spec)
        if translator is None:
            translator = self._translators[spec] = _translator(spec, self.models)
        return translator.translate_rows(batch, spec.num_hypotheses)


def _translator(spec: EngineSpec, models: LoadedModels) -> ArgosTranslator:
    here = Path(spec.path)
    try:
        package = (
            read_package(here)
            if (here / "metadata.json").is_file()
            else find_package("en", "", ModelChoice(package=spec.package))
        )
    except ModelError:
        package = None
    if package is None or (package.name, package.version) != (spec.package, spec.version):
        found = f"{package.name} {package.version}" if package else "nothing"
        raise ModelError(
            f"worker {socket.gethostname()} has {found} for {spec.package} {spec.version} — "
            "install the same package on every worker (`l10n models install FILE.argosmodel`)"
        )
    check_package(package)
    return ArgosTranslator(
        package,
        spec.mt,
        target_prefix=spec.target_prefix,
        max_decoding_length=spec.max_decoding_length,
        models=models,
    )


# ------------------------------------------------------------------ a local process pool

_PROCESS_ENGINES: list[Engines] = []
"""The one ``Engines`` of a pool worker process (empty in the coordinator)."""


def _start_worker(threads: int) -> None:
    _PROCESS_ENGINES.append(Engines(threads))


def _decode_in_process(spec: EngineSpec, batch: Batch) -> Batch:
    return _PROCESS_ENGINES[0].decode(spec, batch)  # made by _start_worker


class ProcessPool:
    """``--jobs N``: N local worker processes, each holding its models."""

    def __init__(self, jobs: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.jobs = jobs
        context = multiprocessing.get_context("spawn")
        threads = max(1, (os.cpu_count() or 1) // jobs)
        self._executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(threads,)
        )

    def map_batches(
        self, spec: EngineSpec, batches: Sequence[Batch], report: Report | None
    ) -> list[Batch]:
        from concurrent.futures import as_completed
        from concurrent.futures.process import BrokenProcessPool

        futures = {
            self._executor.submit(_decode_in_process, spec, b): i for i, b in enumerate(batches)
        }
        results: list[Batch | None] = [None] * len(batches)
        try:
            for future in as_completed(futures):
                index = futures[future]
                results[index] = future.result()
                if report is not None:
                    report(len(batches[index]))
        except BrokenProcessPool as err:
            raise ModelError(f"a translation worker died: {err} — run again with --jobs 1") from err
        return [r for r in results if r is not None]

    def close(self) -> None:
        self._executor.shutdown(cancel_futures=True)


# ------------------------------------------------------------------ a Dask cluster


def _distributed() -> Any:
    """The ``distributed`` module, untyped: its stubs (present or not, by version) must not
    decide whether this module type-checks. Raises ImportError when Dask is not installed."""
    return importlib.import_module("distributed")


def _engine_plugin() -> Any:
    """A Dask worker plugin keeping one ``Engines`` per worker for the whole run (made here,
    where ``distributed`` is known to be installed; cloudpickle ships it to the workers)."""
    worker_plugin: Any = _distributed().WorkerPlugin

    class EnginePlugin(worker_plugin):  # type: ignore[misc]
        name = PLUGIN_NAME

        def setup(self, worker: Any) -> None:
            self.engines = Engines()

    return EnginePlugin()


def _decode_on_dask(spec: EngineSpec, batch: Batch) -> Batch:
    engines: Engines = _distributed().get_worker().plugins[PLUGIN_NAME].engines
    return engines.decode(spec, batch)


class DaskPool:
    """``--cluster tcp://HOST:8786``: batches decoded on an existing Dask cluster.

    It connects on its first batch, so a run with nothing to translate never does.
    """

    def __init__(self, address: str, *, timeout: float = 10.0) -> None:
        self.address = address
        self.timeout = timeout
        self._client: Any = None

    @property
    def client(self) -> Any:
        """The connected ``distributed.Client`` (connecting on first use)."""
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> Any:
        address, timeout = self.address, self.timeout
        try:
            client_class = _distributed().Client
        except ImportError as err:
            raise ModelError(
                "--cluster needs Dask — install it with `pip install 'l10n[dask]'`"
            ) from err
        try:
            client = client_class(address, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as err:
            raise ModelError(
                f"cannot reach the Dask scheduler: {err} — check the address and that "
                "`dask scheduler` runs there",
                path=address,
            ) from err
        client.register_plugin(_engine_plugin(), name=PLUGIN_NAME)
        return client

    def map_batches(
        self, spec: EngineSpec, batches: Sequence[Batch], report: Report | None
    ) -> list[Batch]:
        as_completed = _distributed().as_completed
        futures = self.client.map(
            _decode_on_dask, [spec] * len(batches), list(batches), retries=DASK_RETRIES, pure=False
        )
        index = {future.key: i for i, future in enumerate(futures)}
        results: list[Batch | None] = [None] * len(batches)
        try:
            for future in as_completed(futures):
                i = index[future.key]
                results[i] = future.result()
                if report is not None:
                    report(len(batches[i]))
        except ModelError:
            raise
        except Exception as err:  # KilledWorker, CommClosedError…: the cluster gave up
            raise ModelError(
                f"the Dask cluster could not translate a batch: {err!r} — check the workers' "
                "logs, or run without --cluster"
            ) from err
        finally:
            self.client.cancel([f for f in futures if not f.done()])
        return [r for r in results if r is not None]

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def make_pool(jobs: int | None, cluster: str | None) -> BatchPool | None:
    """The pool of a run: a Dask cluster, else ``jobs`` local processes; None (also for
    ``jobs`` None or 1) decodes in this process, where CTranslate2 already decodes
    batches side by side on every core (:func:`l10n.mt.argos.engine_threads`)."""
    if cluster:
        return DaskPool(cluster)
    return ProcessPool(jobs) if jobs is not None and jobs > 1 else None


@contextmanager
def closing_pool(pool: BatchPool | None) -> Iterator[BatchPool | None]:
    """Close ``pool`` (stop its workers, or leave the cluster) when the block ends."""
    try:
        yield pool
    finally:
        if pool is not None:
            pool.close()
