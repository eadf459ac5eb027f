"""One run at a time per project: an advisory ``flock`` on ``<root>/.l10n/lock``.

The lock file is never deleted (deleting it would let a third run lock a fresh inode
while the second still waits on the old one); it holds the pid of the current holder so
that the message can name it. The kernel releases the lock when the process dies, even
on SIGKILL, so a crashed run never leaves the project locked.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import L10nError, LockError

LOCK_NAME = Path(".l10n") / "lock"


def lock_path(root: Path) -> Path:
    """Where the project lock of ``root`` lives."""
    return root / LOCK_NAME


@contextmanager
def project_lock(root: Path, *, timeout: float = 0) -> Iterator[Path]:
    """Hold the project lock for the ``with`` block; yield the lock file's path.

    Waits up to ``timeout`` seconds for another run to finish, then raises ``LockError``.
    """
    path = lock_path(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise LockError(
            f"cannot create the lock file: {err.strerror} — check the permissions", path=path
        ) from err
    try:
        _acquire(fd, path, timeout)
        _write_pid(fd, path)
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def _write_pid(fd: int, path: Path) -> None:
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
    except OSError as err:
        raise L10nError(
            f"cannot write the lock file: {err.strerror} — free some disk space and run again",
            path=path,
        ) from err


def _acquire(fd: int, path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise LockError(
                    f"another l10n run is in progress (pid {_holder(path)})"
                    " — wait for it to finish",
                    path=path,
                ) from None
            time.sleep(0.05)


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return "unknown"
    return text if text.isdigit() else "unknown"
