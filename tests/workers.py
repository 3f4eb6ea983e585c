"""How the suite uses its xdist workers (issue 23: the first tier under a minute on the 2-core machine).

A cold run (no __pycache__ anywhere: CI on a fresh machine, a fresh clone) compiles every module it imports,
and every xdist worker collects the whole suite: the two workers of the 2-core machine each assertion-rewrote the
same ~130 test modules and compiled the same ~160 generator modules, side by side, before their first test (a
worker spent 5.1 CPU seconds starting cold, 1.9 warm). Here each worker first compiles its share, every n-th file
(n workers), and writes the bytecode caches pytest and Python write themselves; the collection that follows finds
the other worker's files done (cold: 3.4 s a worker). The caches are the ones an ordinary import writes (pytest's
rewritten pyc, checked against the source's hash when read; Python's own pyc): a file not done in time, or a cache
that cannot be written, is compiled again by the import as before, so only when the compiling happens changes.

`pytest_ignore_collect` (tests/conftest.py) leaves uncollected the files of the slow tier whose every test `-m`
deselects (`-m 'not slow'`, the first tier): they were imported, rewritten and collected only to be deselected.

`SAME_WORKER`: files kept on one worker by `--dist loadfile` (tests/conftest.py)."""
from __future__ import annotations

import os
import py_compile
import re
import sys
from itertools import product
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _rewritten(path: Path) -> bool:
    """Whether pytest imports the file through its assertion rewriting (python_files, conftests, tests/dump.py)."""
    return path.name == "conftest.py" or path.name.startswith("test_") or path == ROOT / "tests" / "dump.py"


def sources(config) -> list[Path]:
    """Every module of generator/ and tests/ a run may import, in a fixed order (the same in every worker): the test
    files only under the paths the run was given, the slow tier's only when they are collected."""
    places = [(config.invocation_params.dir / arg.split("::")[0]).resolve() for arg in config.args]
    files = sorted([*(ROOT / "generator").rglob("*.py"), *(ROOT / "tests").rglob("*.py")])
    return [f for f in files if not ignored(f, config) and (
        not f.name.startswith("test_") or any(f == place or place in f.parents for place in places))]


def share_the_compiling(config) -> None:
    """In a worker of several, compile this worker's share of `sources` (see the module's text)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1") or 1)
    if not worker.startswith("gw") or count < 2 or sys.dont_write_bytecode:
        return
    try:
        from _pytest.assertion import rewrite
    except ImportError:
        return
    index = int(worker[2:])
    for path in sources(config)[index::count]:
        try:
            if _rewritten(path) and config.getoption("assertmode", "rewrite") == "rewrite":
                pyc = rewrite.get_cache_dir(path) / (path.name[:-3] + rewrite.PYC_TAIL)
                if rewrite._read_pyc(path, pyc) is None and rewrite.try_makedirs(pyc.parent):
                    source_hash, code = rewrite._rewrite_test(path, config)
                    rewrite._write_pyc(config.stash[rewrite.assertstate_key], code, source_hash, pyc)
            elif not _rewritten(path):
                import importlib.util

                if not Path(importlib.util.cache_from_source(str(path))).is_file():
                    py_compile.compile(str(path), doraise=False, quiet=2)
        except Exception:  # pytest's internals moved, a file that does not compile: the import says it, as before
            continue


def deselects_slow(config) -> bool:
    """Whether `-m` deselects every test marked slow, whatever other marks it carries (`-m 'not slow'`): the
    expression is false with `slow` true for every value of the other names it uses."""
    expr = (config.getoption("markexpr") or "").strip()
    if not expr or re.search(r"\w\s*\(", expr):  # none, or a mark asked with its arguments: collect all
        return False
    try:
        from _pytest.mark.expression import Expression

        compiled = Expression.compile(expr)
        names = sorted(set(re.findall(r"[\w:+\-.\[\]\\/]+", expr)) - {"and", "or", "not", "slow"})
        if len(names) > 8:
            return False
        for values in product((False, True), repeat=len(names)):
            given = dict(zip(names, values), slow=True)
            if compiled.evaluate(lambda name, **kw: given.get(name, False)):
                return False
        return True
    except Exception:  # another pytest's expression API: collect as before
        return False


def ignored(path: Path, config) -> bool:
    """A whole slow-tier file (tests/tiers.FILES) when `-m` deselects all of its tests."""
    from tests import tiers

    try:
        relative = path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return False
    if relative not in tiers.FILES:
        return False
    if _DESELECTS not in config.stash:
        config.stash[_DESELECTS] = deselects_slow(config)
    return config.stash[_DESELECTS]


_DESELECTS = pytest.StashKey[bool]()


# Files that share an expensive session fixture run on the same worker, so that it is made once per run, not
# once per worker (xdist makes session fixtures in each worker): the review round trips' LibreOffice edits
# (`reviewed`, tests/workflow/conftest.py), and with them the first tier's files that lay pages out with LibreOffice
# (`check --fix` verifying its pages, `warm_libreoffice`): the warm LibreOffice (~1.5 CPU s to start) is started by
# one worker, not both, and its memo serves them all (issue 23). Path of a test file → its group; a file missing
# here only costs that start again.
LIBREOFFICE_FILES = (
    "tests/workflow/test_review.py", "tests/workflow/test_review_merge.py", "tests/word/test_fix.py",
    "tests/word/test_fix_output.py", "tests/word/test_fix_damage.py", "tests/word/test_fix_notes.py",
    "tests/word/test_check_reading.py", "tests/test_cli_check.py", "tests/nd30/test_check_fresh9.py",
    "tests/nd30/test_check_fresh10.py", "tests/nd30/test_check_fresh13.py", "tests/nd30/test_check_fresh15.py",
    "tests/nd30/test_check_fresh16.py", "tests/nd30/test_check_recipients_case.py")
SAME_WORKER = {path: "libreoffice" for path in LIBREOFFICE_FILES}
