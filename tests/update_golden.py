"""Rewrite the golden files on purpose: `python -m tests.update_golden [pytest arguments]`.

A normal test run never writes a golden file; this command runs the tests that compare with goldens
(or the pytest arguments given) with KEHOACH_UPDATE_GOLDEN=1, then shows `git diff --stat` of
tests/golden and tests/bad so the change can be read before it is committed."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_TESTS = ["tests/test_render_docx.py", "tests/test_render_xlsx.py", "tests/test_sources.py",
                "tests/test_diff.py", "tests/test_bad_plans.py", "tests/test_corpus.py"]


def main(argv: list[str]) -> int:
    env = dict(os.environ, KEHOACH_UPDATE_GOLDEN="1")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n0", *(argv or GOLDEN_TESTS)], cwd=ROOT, env=env)
    subprocess.run(["git", "-C", str(ROOT), "diff", "--stat", "--", "tests/golden", "tests/bad"])
    subprocess.run(["git", "-C", str(ROOT), "status", "--short", "--", "tests/golden"])
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
