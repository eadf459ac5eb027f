"""The project lock: one run at a time, released on exit and on a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from l10n.errors import LockError
from l10n.project.lock import lock_path, project_lock

HOLDER = """
import sys, time
from pathlib import Path
from l10n.project.lock import project_lock
with project_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold(root: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline() == "locked\n"
    return proc


def test_second_run_fails_naming_the_holder(tmp_path: Path) -> None:
    proc = hold(tmp_path, 30)
    try:
        with pytest.raises(LockError) as caught, project_lock(tmp_path):
            pass
        assert str(caught.value) == (
            f"{lock_path(tmp_path)}: another l10n run is in progress "
            f"(pid {proc.pid}) — wait for it to finish"
        )
    finally:
        proc.kill()
        proc.wait()


def test_waits_up_to_timeout_for_the_other_run(tmp_path: Path) -> None:
    proc = hold(tmp_path, 0.5)
    start = time.monotonic()
    with project_lock(tmp_path, timeout=20):
        waited = time.monotonic() - start
    proc.wait()
    assert 0.2 < waited < 20


def test_lock_is_released_when_the_holder_is_killed(tmp_path: Path) -> None:
    proc = hold(tmp_path, 60)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with project_lock(tmp_path) as path:
        assert path.read_text() == f"{os.getpid()}\n"


def test_lock_is_released_after_an_error_inside(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), project_lock(tmp_path):
        raise RuntimeError("boom")
    with project_lock(tmp_path):
        pass
