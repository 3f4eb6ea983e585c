"""The corpus of bad plans: one mistake each (named after it), with the exact report a drafter gets.

Regenerate the expected reports after an intended change with `python -m tests.update_golden` and read the diff.
"""
import os
import tracemalloc

import pytest
from click.testing import CliRunner

from generator.cli.commands import cli
from tests.conftest import ROOT
from tests.dump import check_golden

BAD = ROOT / "tests" / "bad"
CASES = sorted(BAD.glob("*.yaml"))


def report(path) -> tuple[str, int]:
    runner = CliRunner()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = runner.invoke(cli, ["validate", str(path.relative_to(ROOT))])
    finally:
        os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.stderr, result.exit_code


def test_corpus_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_exact_report(path):
    tracemalloc.start()
    text, code = report(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    check_golden(path.with_suffix(".expected"), f"{text}exit={code}\n")
    assert "Traceback" not in text
    # what the program printed (not the stored file): each case is reported, and exits 1 exactly when
    # an error (not only a warning) is reported
    assert "lỗi:" in text or "cảnh báo:" in text, text
    assert code == (1 if "lỗi:" in text else 0), (code, text)
    assert peak < 200 * 1024 * 1024  # bounded work is measured by memory here; time by bench/


def test_very_large_file_in_bounded_time_and_memory(tmp_path):
    big = tmp_path / "rat-lon.yaml"
    big.write_text("preamble:\n" + "  - đoạn văn rất dài\n" * 800_000, encoding="utf-8")  # 21 MB
    tracemalloc.start()
    runner = CliRunner()
    result = runner.invoke(cli, ["validate", str(big)])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.exit_code == 1 and "quá lớn" in result.stderr
    assert peak < 50 * 1024 * 1024  # refused before reading it whole: far less memory than its 21 MB
