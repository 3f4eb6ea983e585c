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

A file the warm process already converted to the same target is not converted again: its output is copied
(`memo`, by the input's bytes and the target; the name of a file does not enter what LibreOffice writes, only the
PDF's time stamps and /ID do). `check --fix` lays out the original and the fixed file, and the tests render them
again to compare their pages; fixtures convert the same office documents in several files. The memo is of one warm
process: it is emptied when that process is started again, so a layout compared with another always comes from one
LibreOffice process; nothing outlives the test session.

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
import threading
import time
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


def _lo_cpu(proc) -> float:
    """CPU seconds of the warm process and its LibreOffice so far (0 when not logging or not running)."""
    if proc is None or not os.environ.get("KEHOACH_TEST_LO_LOG"):
        return 0.0
    from tests.cputime import tree_cpu

    return tree_cpu(proc.pid)


def _log(job: dict, digests: dict, todo: list[str], cpu: float) -> None:
    """KEHOACH_TEST_LO_LOG=FILE: one JSON line per file asked of the warm process (test, worker, digest, target,
    whether the memo had it, LibreOffice's CPU seconds for it; a start of the warm process counts in the first),
    to count conversions and find the ones repeated across workers. A real command line is logged by `run`."""
    log = os.environ.get("KEHOACH_TEST_LO_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as out:
            for f in job["files"]:
                out.write(json.dumps({"test": os.environ.get("PYTEST_CURRENT_TEST", "").rpartition(" ")[0],
                                      "worker": os.environ.get("PYTEST_XDIST_WORKER", "main"),
                                      "digest": digests[f][:16], "target": job["target"], "name": Path(f).name,
                                      "memo": f not in todo, "size": Path(f).stat().st_size,
                                      "lo_cpu": round(cpu / max(1, len(todo)), 2)}) + "\n")


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
        self.memo: dict[tuple[str, str], Path] = {}  # (digest, target) → a copy of what this warm process wrote
        self.memo_dir: Path | None = None
        self.hits = 0

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
        self.memo.clear()  # a new LibreOffice process: layouts of the last one are not mixed with its own
        self.proc = subprocess.Popen([python, str(SERVER), soffice], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        answer = self._readline(time.monotonic() + START_S)
        if not answer or not answer.get("ready"):
            self.close()
            return False
        return True

    def close(self) -> None:
        if self.memo_dir is not None:
            shutil.rmtree(self.memo_dir, ignore_errors=True)
            self.memo_dir = None
            self.memo.clear()
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
                self.close()
                if not self._start():
                    self.broken = True
                    return None
            try:
                self.proc.stdin.write((json.dumps(job) + "\n").encode())
                self.proc.stdin.flush()
            except OSError:
                self.close()
                return None
            answer = self._readline(time.monotonic() + timeout)
            if answer is None or answer.get("exit"):  # hung or crashed: the next job starts a new one
                self.close()
            return answer

    def convert(self, job: dict, timeout: int) -> bool:
        digests = {f: digest(f) for f in job["files"]}
        if any(d in self.refused for d in digests.values()):
            return False
        ext = job["target"].partition(":")[0]
        made = {f: Path(job["outdir"], Path(f).stem + "." + ext) for f in job["files"]}
        todo = [f for f in job["files"] if (digests[f], job["target"]) not in self.memo]
        if todo:
            cpu = _lo_cpu(self.proc)
            answer = self.ask({**job, "files": todo}, timeout)
            _log(job, digests, todo, _lo_cpu(self.proc) - cpu)
            if answer is None or not answer.get("ok"):
                failed = (answer or {}).get("file")
                self.refused.update(digests[f] for f in todo if failed is None or f == failed)
                return False
            self._remember(todo, digests, made, job["target"])
        else:
            _log(job, digests, todo, 0.0)
        for f in job["files"]:
            if f not in todo:
                self.hits += 1
                made[f].parent.mkdir(parents=True, exist_ok=True)  # as soffice makes a missing --outdir
                shutil.copyfile(self.memo[digests[f], job["target"]], made[f])
        return True

    def _remember(self, files: list[str], digests: dict, made: dict, target: str) -> None:
        if self.proc is None:  # the process that wrote them is gone (crashed after): nothing to share
            return
        if self.memo_dir is None:
            import tempfile

            self.memo_dir = Path(tempfile.mkdtemp(prefix="kehoach-test-lo-memo-"))
        for f in files:
            if made[f].is_file() and str(made[f].resolve()) not in files:
                keep = self.memo_dir / f"{len(self.memo)}{made[f].suffix}"
                shutil.copyfile(made[f], keep)
                self.memo[digests[f], target] = keep

    def edit(self, job: dict, timeout: int = 300) -> str | None:
        """A reviewer's edits of a .docx in LibreOffice Writer (tests/lo_server.py says which): None when
        done, else what went wrong."""
        answer = self.ask({"edit": job}, timeout)
        if answer is None:
            return "LibreOffice did not answer"
        return None if answer.get("ok") else answer.get("error", "failed")

    def run(self, cmd: list[str], timeout: int) -> subprocess.CompletedProcess:
        job = conversion(cmd)
        if job is not None and self.convert(job, timeout):
            return subprocess.CompletedProcess(cmd, 0, "", "")
        if job is not None:  # what the warm process wrote before it failed is not left beside the real run's
            # files: the two lay some documents out differently (BC01 from page 14 on), and a PDF of each
            # compared page by page is a difference no fix made
            ext = job["target"].partition(":")[0]
            for f in job["files"]:
                made = Path(job["outdir"], Path(f).stem + "." + ext)
                if str(made.resolve()) not in job["files"]:
                    made.unlink(missing_ok=True)
        if not os.environ.get("KEHOACH_TEST_LO_LOG"):
            return self.real_run(cmd, timeout)
        import resource

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = self.real_run(cmd, timeout)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(os.environ["KEHOACH_TEST_LO_LOG"], "a", encoding="utf-8") as out:
            out.write(json.dumps({"test": os.environ.get("PYTEST_CURRENT_TEST", "").rpartition(" ")[0],
                                  "worker": os.environ.get("PYTEST_XDIST_WORKER", "main"), "real": cmd[1:4],
                                  "lo_cpu": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
                                                  2)}) + "\n")
        return done
