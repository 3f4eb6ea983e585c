"""Hand-run benchmark of kehoach on hostile and huge Word files (issue 22; not part of the test suite): each
file of tests/word/bounds_gen.py is built in a temporary folder and given to `check`, `check --fix` and
`import`, each in a fresh process; printed: CPU seconds, peak resident memory (MB), exit code and the
start of the answer. Every file must be answered in seconds and a few hundred MB, or refused naming a limit.

    .venv/bin/python bench/hostile.py                  # all files, LibreOffice off (kehoach's own work)
    .venv/bin/python bench/hostile.py --with-libreoffice --only chain
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.word import bounds_gen as gen  # noqa: E402

FILES = {
    "headers 250 × 1 MB": lambda d: gen.header_flood(d / "headers.docx"),
    "headers 10 × 1 MB": lambda d: gen.header_flood(d / "headers10.docx", parts=10),
    "numbering chain 8,000": lambda d: gen.numbering_chain(d / "chain.docx", 8000, paragraphs=400),
    "underscores 6,000": lambda d: gen.underscore_header(d / "rule.docx", 6000),
    "appendix gap 3,000": lambda d: gen.appendix_gap(d / "gap.docx", 3000),
    "at budget 9,500 paragraphs": lambda d: gen.at_budget(d / "budget.docx"),
    "runs 48,000": lambda d: gen.many_runs(d / "runs.docx", 24_000),
    # the worst files just under the budget, one per kind of work (issue 22: --fix of the first took 17 s, 410 MB)
    "paragraphs 9,800": lambda d: gen.many_paragraphs(d / "paras.docx", 9_800),
    "cells 1,600 × 6": lambda d: gen.many_cells(d / "cells.docx", 1_600),
    "comments 4,800": lambda d: gen.many_comments(d / "comments.docx", 4_800),
    "style chain 5,000 × 9,000": lambda d: gen.style_chain(d / "styles.docx", 5_000, paragraphs=9_000),
}

COMMANDS = {
    "check": lambda f, out: ["check", str(f)],
    "check --fix": lambda f, out: ["check", "--fix", str(f), "-o", str(out / "fixed.docx")],
    "import": lambda f, out: ["import", str(f), "-o", str(out / "plan.yaml")],
}


def run(args: list[str], libreoffice: bool) -> tuple[float, float, float, int, str]:
    """(wall s, CPU s, peak MB, exit code, first line said) of one fresh process (wait4: its own rusage)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not libreoffice:
        env["PATH"] = ""
    with tempfile.TemporaryFile("w+") as said:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "generator", *args], stdout=said, stderr=subprocess.STDOUT,
                                env=env, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        said.seek(0)
        lines = [line for line in said.read().splitlines() if line.strip()]
    first = next((line for line in lines if "lỗi" in line), lines[0] if lines else "")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, first[:100]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--with-libreoffice", action="store_true", help="let --fix lay pages out with LibreOffice")
    parser.add_argument("--only", default="", help="only files whose name contains this")
    args = parser.parse_args()
    print(f"{'file':30} {'command':12} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'rc':>3}  answer")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, make in FILES.items():
            if args.only not in name:
                continue
            path = make(folder)
            for command, build in COMMANDS.items():
                out = folder / "out"
                out.mkdir(exist_ok=True)
                wall, cpu, peak, rc, said = run(build(path, out), args.with_libreoffice)
                print(f"{name:30} {command:12} {wall:7.1f} {cpu:7.1f} {peak:8.0f} {rc:3}  {said}", flush=True)
                for leftover in out.iterdir():
                    leftover.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
