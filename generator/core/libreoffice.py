"""The one LibreOffice runner (PDF export, .doc conversion, test edits): its own throw-away profile per
run (concurrent runs collide otherwise), locked while in use, a process group killed with kehoach, and
a timeout, so no process or profile is left behind on any exit path."""
from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

PROFILE_PREFIX = "kehoach-lo-"
RESTART = 81  # soffice.bin asks to be started again after creating a fresh profile


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def program(soffice: str) -> str:
    """soffice is a shell script that starts oosplash, which forks soffice.bin: calling soffice.bin
    itself leaves one process that dies with us (see _die_with_parent)."""
    real = Path(os.path.realpath(soffice))
    binary = real.parent / "soffice.bin"
    return str(binary) if binary.is_file() and os.access(binary, os.X_OK) else soffice


def _die_with_parent() -> None:  # runs in the child between fork and exec
    if sys.platform == "linux":
        with contextlib.suppress(Exception):
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: killed if kehoach is killed


def clean_stale_profiles(root: Path | None = None) -> None:
    """Profiles of conversions whose process died (a live one holds a lock on its folder)."""
    root = Path(root or tempfile.gettempdir())
    with contextlib.suppress(OSError):
        for entry in root.iterdir():
            if not entry.name.startswith(PROFILE_PREFIX) or not entry.is_dir() or entry.is_symlink():
                continue
            try:
                fd = _lock(entry)
            except OSError:
                continue
            try:
                shutil.rmtree(entry, ignore_errors=True)
            finally:
                os.close(fd)


def _lock(folder: Path) -> int:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise
    return fd


def _fresh_locked() -> tuple[Path, int]:
    """A new profile folder and the lock on it. Between making the folder and locking it, another run's
    clean_stale_profiles may take it for a dead run's and remove it (seen when two conversions started at once):
    then a new one is made; a lock is kept only on a folder still there under its name."""
    for _ in range(_ATTEMPTS):
        folder = Path(tempfile.mkdtemp(prefix=PROFILE_PREFIX))
        try:
            fd = _lock(folder)
        except OSError:
            continue
        try:
            if os.path.samestat(os.fstat(fd), os.stat(folder)):
                return folder, fd
        except OSError:
            pass
        os.close(fd)
    raise OSError(f"không giữ được thư mục cấu hình LibreOffice trong {tempfile.gettempdir()} (đã thử {_ATTEMPTS} lần)")


_ATTEMPTS = 20


@contextlib.contextmanager
def profile():
    """A fresh LibreOffice profile, locked while in use (stale ones are removed by the next run)."""
    clean_stale_profiles()
    folder, fd = _fresh_locked()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        os.close(fd)


def run(cmd: list[str], timeout: int) -> subprocess.CompletedProcess:
    """Run in its own process group, killed as a group on timeout, error or interruption."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, preexec_fn=_die_with_parent)
    try:
        out, err = proc.communicate(timeout=timeout)
    except BaseException:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def run_converter(cmd: list[str], timeout: int) -> subprocess.CompletedProcess:
    """One soffice conversion, started once more when a fresh profile makes it ask for a restart."""
    done = run(cmd, timeout)
    return run(cmd, timeout) if done.returncode == RESTART else done
