"""Test sessions convert with one warm LibreOffice (tests/lo_server.py) instead of starting one per
conversion, and make the review tests' edits with it (`Warm.edit`). The runner's `run`
(generator/core/libreoffice.py) is wrapped so that a command line of the real soffice that only converts
files (`--convert-to T --outdir D FILES`, the flags kehoach uses) is done by the warm process, which loads
and stores each file as that command line does (the PDF, .docx and .doc it writes are byte-identical to the
command line's once the PDF's time stamps are normalised — not always: BC01 of the real documents is laid out
with one line more on page 14, before its footnote, by the warm process, and so pages 14–25 differ; compare
only PDFs made the same way). Every other command, and any conversion the warm process cannot do (it failed,
crashed, ran out of time), runs the real command line unchanged, so the real LibreOffice keeps the last word
on failures; what the warm process wrote for that job before failing is removed first. A file the warm
process failed on (by its bytes: LibreOffice 7.4 driven through UNO crashes on some documents with comments)
goes straight to the real command line from then on, instead of crashing a new warm process each time.

What the warm process made is kept for the session, by the bytes of the file converted and the target. A test
that only looks at what LibreOffice lays out (not at how a conversion is run) may have it again instead of a
second conversion of the same bytes, inside `with warm.reusing():` (tests/word/test_fix_pages.py renders the
files --fix already rendered for its page check); nothing else is ever given a kept file.

Users never get this: only tests/conftest.py installs it. KEHOACH_TEST_WARM_LO=0 turns it off (the suite
then starts a LibreOffice per conversion, as kehoach does, and one for the review edits)."""
from __future__ import annotations

import hashlib
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from generator.core import libreoffice

SERVER = Path(__file__).with_name("lo_server.py")
START_S = 120
FLAGS = {"--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck"}


def enabled() -> bool:
    return os.environ.get("KEHOACH_TEST_WARM_LO", "1") != "0"


def system_python_with_uno() -> str | None:
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import uno"], capture_output=True).returncode == 0:
            return candidate
    return None


def conversion(cmd: list[str]) -> dict | None:
    """The job of a plain conversion command line of the real soffice, else None."""
    soffice = libreoffice.find_soffice()
    if not soffice or not cmd or cmd[0] != libreoffice.program(soffice):
        return None
    target = outdir = None
    files: list[str] = []
    args = iter(cmd[1:])
    for arg in args:
        if arg == "--convert-to":
            target = next(args, None)
        elif arg == "--outdir":
            outdir = next(args, None)
        elif arg.startswith("-env:UserInstallation=") or arg in FLAGS:
            continue
        elif arg.startswith("-"):
            return None  # anything else: the real command line
        else:
            files.append(arg)
    if not target or not outdir or not files or not all(Path(f).is_file() for f in files):
        return None
    return {"files": [str(Path(f).resolve()) for f in files], "outdir": str(Path(outdir).resolve()),
            "target": target}


def digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


class Warm:
    """The warm LibreOffice of this process, started on first use."""

    def __init__(self, real_run):
        self.real_run = real_run
        self.proc: subprocess.Popen | None = None
        self.broken = False
        self.lock = threading.Lock()
        self.buffer = b""
        self.refused: set[str] = set()  # digests of files the warm process failed on
        self.store: str | None = None  # what the warm process made: (digest, target) → a copy, in `kept`
        self.kept: dict[tuple[str, str], str] = {}
        self.reuse = False

    def _readline(self, deadline: float) -> dict | None:
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                return None
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        try:
            return json.loads(line)
        except ValueError:
            return self._readline(deadline)

    def _start(self) -> bool:
        python = system_python_with_uno()
        if python is None:
            return False
        soffice = libreoffice.program(libreoffice.find_soffice())
        self.buffer = b""
        self.proc = subprocess.Popen([python, str(SERVER), soffice], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        answer = self._readline(time.monotonic() + START_S)
        if not answer or not answer.get("ready"):
            self._stop()
            return False
        return True

    def close(self) -> None:
        if self.store is not None:
            shutil.rmtree(self.store, ignore_errors=True)
            self.store, self.kept = None, {}
        self._stop()

    def _stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            proc.stdin.close()
            proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            pass
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            proc.wait()

    def ask(self, job: dict, timeout: int) -> dict | None:
        """One job to the warm process (started if needed): its answer, or None when it gave none."""
        with self.lock:
            if self.broken:
                return None
            if self.proc is None or self.proc.poll() is not None:
                self._stop()
                if not self._start():
                    self.broken = True
                    return None
            try:
                self.proc.stdin.write((json.dumps(job) + "\n").encode())
                self.proc.stdin.flush()
            except OSError:
                self._stop()
                return None
            answer = self._readline(time.monotonic() + timeout)
            if answer is None or answer.get("exit"):  # hung or crashed: the next job starts a new one
                self._stop()
            return answer

    def convert(self, job: dict, timeout: int) -> bool:
        if any(digest(f) in self.refused for f in job["files"]):
            return False
        answer = self.ask(job, timeout)
        if answer is None or not answer.get("ok"):
            failed = (answer or {}).get("file")
            self.refused.update(digest(f) for f in job["files"] if failed is None or f == failed)
            return False
        return True

    def edit(self, job: dict, timeout: int = 300) -> str | None:
        """A reviewer's edits of a .docx in LibreOffice Writer (tests/lo_server.py says which): None when
        done, else what went wrong."""
        answer = self.ask({"edit": job}, timeout)
        if answer is None:
            return "LibreOffice did not answer"
        return None if answer.get("ok") else answer.get("error", "failed")

    @contextmanager
    def reusing(self):
        """Conversions of bytes the warm process already converted to the same target are copies of its
        result (the rest are converted as usual)."""
        self.reuse = True
        try:
            yield self
        finally:
            self.reuse = False

    def _keep(self, job: dict, digests: list[str]) -> None:
        if self.store is None:
            self.store = tempfile.mkdtemp(prefix="kehoach-test-lo-made-")
        ext = job["target"].partition(":")[0]
        for f, d in zip(job["files"], digests):
            made = Path(job["outdir"], Path(f).stem + "." + ext)
            if made.is_file():
                copy = os.path.join(self.store, f"{d}.{len(self.kept)}.{ext}")
                shutil.copyfile(made, copy)
                self.kept[(d, job["target"])] = copy

    def _reused(self, cmd: list[str], job: dict) -> tuple[list[str], dict | None]:
        """The files of `job` whose result is kept are copied to its outdir; returns the command line and the
        job for the others (None: nothing is left to convert)."""
        ext = job["target"].partition(":")[0]
        args = list(cmd)
        left = []
        for f in job["files"]:
            copy = self.kept.get((digest(f), job["target"]))
            if copy is None:
                left.append(f)
                continue
            shutil.copyfile(copy, Path(job["outdir"], Path(f).stem + "." + ext))
            args = [a for a in args if not (not a.startswith("-") and Path(a).resolve() == Path(f))]
        return args, ({**job, "files": left} if left else None)

    def run(self, cmd: list[str], timeout: int) -> subprocess.CompletedProcess:
        job = conversion(cmd)
        if job is not None and self.reuse:
            cmd, job = self._reused(cmd, job)
            if job is None:
                return subprocess.CompletedProcess(cmd, 0, "", "")
        if job is not None:
            digests = [digest(f) for f in job["files"]]
            if self.convert(job, timeout):
                self._keep(job, digests)
                return subprocess.CompletedProcess(cmd, 0, "", "")
            # what the warm process wrote before it failed is not left beside the real run's
            # files: the two lay some documents out differently (BC01 from page 14 on), and a PDF of each
            # compared page by page is a difference no fix made
            ext = job["target"].partition(":")[0]
            for f in job["files"]:
                made = Path(job["outdir"], Path(f).stem + "." + ext)
                if str(made.resolve()) not in job["files"]:
                    made.unlink(missing_ok=True)
        return self.real_run(cmd, timeout)
