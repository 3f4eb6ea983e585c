"""An exclusive lock on a plan file for one read–change–write (`import --onto`): two runs on the same
plan at once take turns, so neither writes over what the other just wrote.

The lock is `flock` on the plan file itself (through a symlink: on its target), so no lock file is
left behind and the kernel lets go when the process dies, even by kill -9. A writer that replaces the
file (a temporary file renamed over it) leaves the lock on the old file: after taking the lock, the
path is checked to still name the locked file, else the new file is locked instead."""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from generator.core.errors import KehoachError, located

WAIT_S = 120.0  # a review round trip of a large plan takes seconds; a stuck one is not waited for
POLL_S = 0.05


def _same(fd: int, path: str) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (mine.st_dev, mine.st_ino)


@contextmanager
def plan_lock(path: Path, display: str, wait_s: float = WAIT_S) -> Iterator[None]:
    """Hold the plan file while the block runs; waits up to `wait_s` for another run to finish, then
    refuses (KehoachError, Vietnamese, naming the file). A file that does not exist is not locked:
    reading it reports that."""
    real = os.path.realpath(path)
    deadline = time.monotonic() + wait_s
    fd = None
    while True:
        try:
            fd = os.open(real, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            fd = None
            break
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise KehoachError(located(
                        display, 0, 0, "",
                        f"một lệnh kehoach khác đang sửa tệp kế hoạch này (đã chờ {round(wait_s)} giây mà chưa "
                        "xong); không sửa gì. Hãy chạy lại khi lệnh kia đã xong")) from None
                time.sleep(POLL_S)
            except OSError:  # a file system without locks: no turn-taking possible, work as before
                break
        if _same(fd, real):
            break
        os.close(fd)  # replaced while waiting: lock the new file
        fd = None
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)
