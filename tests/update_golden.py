"""Rewrite the golden files on purpose: `python -m tests.update_golden [pytest arguments]`.

A normal test run never writes a golden file; this command runs the tests that compare with goldens
(or the pytest arguments given) with this module loaded as a pytest plugin (it turns on
`tests.dump.WRITE_GOLDEN`; nothing else does, no environment variable), then shows `git diff --stat` of
tests/golden, tests/bad and the other stored texts so the change can be read before it is committed."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_TESTS = ["tests/test_render_docx.py", "tests/test_render_xlsx.py", "tests/test_sources.py",
                "tests/test_diff.py", "tests/test_bad_plans.py", "tests/test_corpus.py", "tests/test_entry.py",
                "tests/test_drafter_texts.py"]
STORED = ["tests/golden", "tests/bad", "generator/data/help.json", "generator/docs/huong-dan.md"]


def pytest_configure(config):
    """Plugin hook: this run may rewrite goldens (only when loaded by main() below)."""
    from tests import dump

    dump.WRITE_GOLDEN = True


def main(argv: list[str]) -> int:
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n0", "-p", "tests.update_golden",
                           *(argv or GOLDEN_TESTS)], cwd=ROOT)
    subprocess.run(["git", "-C", str(ROOT), "diff", "--stat", "--", *STORED])
    subprocess.run(["git", "-C", str(ROOT), "status", "--short", "--", "tests/golden"])
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
