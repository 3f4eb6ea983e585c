"""Where the suite's CPU goes, per test file: `pytest -p tests.cputime` (works with xdist and -n0).

Each test's cost is the CPU seconds (user + system) its test process and every process under it spent
during its setup, call and teardown: the worker itself, its subprocesses once reaped, and the live ones (the
warm LibreOffice of tests/lo_warm.py, read from /proc). Wall time (`--durations`) counts waiting for the
other worker and for a busy machine; this does not. The report, at the end of the run, sums by file (setup and
call apart) and says what each worker spent outside tests (start-up, imports, collection, session teardown).
Linux only (/proc); a report only, it changes no outcome."""
from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> float:
    """utime + stime + cutime + cstime of one process, in seconds (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return sum(int(v) for v in fields[11:15]) / TICK


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            out += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
    except OSError:
        pass
    return out


def tree_cpu(pid: int | None = None) -> float:
    """CPU seconds of a process and all its descendants, the reaped ones included (their time is in the
    cutime/cstime of the parent that reaped them)."""
    todo, total = [pid or os.getpid()], 0.0
    while todo:
        p = todo.pop()
        total += _stat(p)
        todo += _children(p)
    return total


class CpuTime:
    def __init__(self, config):
        self.config = config
        self.tests: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.worker_total = 0.0
        self.workers: dict[str, dict] = {}

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_setup(self, item):
        yield from self._measure(item, "setup")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self, item):
        yield from self._measure(item, "call")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_teardown(self, item):
        yield from self._measure(item, "teardown")

    def _measure(self, item, phase):
        start = tree_cpu()
        yield
        self.tests[item.nodeid][phase] += tree_cpu() - start

    def pytest_sessionfinish(self, session):
        self.worker_total = tree_cpu()
        if hasattr(self.config, "workeroutput"):
            self.config.workeroutput["cputime"] = json.dumps({"tests": self.tests, "total": self.worker_total})

    def pytest_testnodedown(self, node, error):
        data = json.loads(getattr(node, "workeroutput", {}).get("cputime", "null") or "null")
        if data:
            self.workers[node.gateway.id] = data

    def pytest_terminal_summary(self, terminalreporter):
        tests: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        workers = self.workers or {"main": {"tests": self.tests, "total": self.worker_total}}
        write = terminalreporter.write_line
        terminalreporter.section("CPU seconds (user + system, test process and its children)")
        write(f"this run so far: {tree_cpu():.1f} s (pytest and every process under it)")
        for name, data in sorted(workers.items()):
            in_tests = sum(sum(p.values()) for p in data["tests"].values())
            write(f"{name}: {data['total']:.1f} s in all, {in_tests:.1f} s in tests, "
                  f"{data['total'] - in_tests:.1f} s outside them (start-up, collection, session teardown)")
            for nodeid, phases in data["tests"].items():
                for phase, seconds in phases.items():
                    tests[nodeid][phase] += seconds
        files: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for nodeid, phases in tests.items():
            for phase, seconds in phases.items():
                files[nodeid.split("::")[0]][phase] += seconds
        write(f"{'total':>8} {'setup':>7} {'call':>7}  file")
        for path, phases in sorted(files.items(), key=lambda kv: -sum(kv[1].values())):
            write(f"{sum(phases.values()):8.1f} {phases['setup']:7.1f} {phases['call']:7.1f}  {path}")
        if os.environ.get("KEHOACH_CPUTIME_JSON"):  # every test's seconds, for comparing two runs
            Path(os.environ["KEHOACH_CPUTIME_JSON"]).write_text(json.dumps(tests, indent=1, sort_keys=True))
        top = sorted(tests.items(), key=lambda kv: -sum(kv[1].values()))[:25]
        write("slowest tests:")
        for nodeid, phases in top:
            write(f"{sum(phases.values()):8.1f} {phases['setup']:7.1f} {phases['call']:7.1f}  {nodeid}")


def pytest_configure(config):
    config.pluginmanager.register(CpuTime(config), "kehoach-cputime")
