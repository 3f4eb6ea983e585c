"""Scaling (issue 22): doubling an input must not more than triple the work. A hand-run benchmark with a verdict
(not part of the test suite: the project measures speed here, never by timed tests; these checks were
tests/word/test_bounds_scaling.py until issue 23's suite-time work moved them, assertions unchanged).

    .venv/bin/python -m bench.scaling                 # every check; exit 1 if one grew more than ×3
    .venv/bin/python -m bench.scaling runs cells      # only these (names: `--list`)

Each generator of tests/word/bounds_gen.py.SCALING is run through `check --fix` (read, check, correct, read
again, check again: every step of the reader and the rules) at n and 2n; process CPU time, the least of three
runs of each, taken in turns n, 2n, n, 2n …: the least is the run the least disturbed by other work on a shared
machine, and never the first run at n, which pays the imports and caches (an untimed run before it gave the same:
the 2n runs come after an n run either way, and the least at n of three runs is that of the two after the first).
LibreOffice's page check is left out (its time is not kehoach's). `import` of the paragraphs file, and
`CharMap.runs_between` over one paragraph of 20,000 and 40,000 runs, are timed the same way; `import --onto`'s
refusal of another document, its pairing of paragraphs and the three-way merge of a long plan (formerly in
tests/workflow/test_review_scaling.py and test_review_merge.py) the least of three runs each."""
from __future__ import annotations

import argparse
import contextlib
import gc
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.word import bounds_gen as gen  # noqa: E402


def _cpu(fn, runs: int = 3) -> float:
    """Least CPU time of `fn`, with the garbage collector off while it runs, as `timeit` does: in a test
    worker that ran hundreds of tests before, each full collection walks that whole heap, which made a 2n
    run read ×3.2 in CI (×2.0 in a fresh process; with 3 million objects of ballast ×2.5 with the collector
    on, ×2.0 with it off)."""
    times = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            fn()
            times.append(time.process_time() - start)
        finally:
            gc.enable()
    return min(times)


@contextlib.contextmanager
def _heap_frozen():
    """What the process holds now set aside from the collector (gc.freeze) while a check times: the collection
    before each timed run then walks only what the runs made, not the whole heap (or the two charmaps of the
    runs check: 53 ms a collection, 7 µs frozen). The timed runs are the same: the collector is off in them
    either way."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _cpu_pair(small, large, rounds: int = 3) -> tuple[float, float]:
    """The least CPU time of `small()` and of `large()`, run in turns (n, 2n, n, 2n, …): a burst of other work
    on the machine then falls on both sizes alike (run in blocks, all of 2n after all of n, a CI rehearsal read
    ×3.2 where the idle machine reads ×2.0)."""
    t1 = t2 = float("inf")
    with _heap_frozen():
        for _ in range(rounds):
            t1 = min(t1, _cpu(small, runs=1))
            t2 = min(t2, _cpu(large, runs=1))
    return t1, t2


def check_fix_doubling(name: str, folder: Path) -> str:
    """`check --fix` of bounds_gen.SCALING[name] at n and 2n."""
    from generator.nd30.fix import fix_docx, pages

    pages.can_render = lambda: False
    make, n = gen.SCALING[name]
    small, large = make(folder / "n.docx", n), make(folder / "2n.docx", 2 * n)
    t1, t2 = _cpu_pair(lambda: fix_docx(small, folder / "out1.docx"), lambda: fix_docx(large, folder / "out2.docx"))
    assert t2 <= 3 * t1, f"{name}: n={n} {t1:.3f}s, 2n {t2:.3f}s (×{t2 / t1:.1f})"
    return f"{name}: n={n} {t1:.3f}s, 2n {t2:.3f}s (×{t2 / t1:.1f})"


def check_import_doubling(folder: Path) -> str:
    from generator.importer.pipeline import import_file

    make, n = gen.SCALING["paragraphs"]
    small, large = make(folder / "n.docx", n), make(folder / "2n.docx", 2 * n)
    t1, t2 = _cpu_pair(lambda: import_file(small, folder / "a.yaml"), lambda: import_file(large, folder / "b.yaml"))
    assert t2 <= 3 * t1, f"import: n={n} {t1:.3f}s, 2n {t2:.3f}s (×{t2 / t1:.1f})"
    return f"import: n={n} {t1:.3f}s, 2n {t2:.3f}s (×{t2 / t1:.1f})"


def long_paragraph(n: int):
    """A CharMap over one paragraph of `n` runs "c0 ", "c1 " …"""
    from lxml import etree

    from generator.nd30.fix.xml import CharMap
    from tests.word.docx_factory import NSDECL, p, r

    xml = f"<w:document {NSDECL}>" + p(*[r(f"c{i} ") for i in range(n)]) + "</w:document>"
    return CharMap(etree.fromstring(xml.encode())[0])


def check_runs_between(folder: Path) -> str:
    """--fix finds the runs under a correction with CharMap.runs_between: it was quadratic in the paragraph's
    runs ("run not in out"; two paragraphs of 12,000 runs took 31 s)."""
    # sizes where the linear walk takes tens of milliseconds (at 4,000 runs it took 3 ms and the ratio was noise);
    # the quadratic one took seconds here; the fastest of seven runs, the least disturbed by other work
    small, large = long_paragraph(20_000), long_paragraph(40_000)
    with _heap_frozen():
        t1 = min(_cpu(lambda: small.runs_between(0, len(small.text)), runs=1) for _ in range(7))
        t2 = min(_cpu(lambda: large.runs_between(0, len(large.text)), runs=1) for _ in range(7))
    assert len(large.runs_between(0, len(large.text))) == 40_000
    assert t2 <= 3 * t1, f"runs_between: 20,000 runs {t1:.4f}s, 40,000 {t2:.4f}s (×{t2 / t1:.1f})"
    return f"runs_between: 20,000 runs {t1:.4f}s, 40,000 {t2:.4f}s (×{t2 / t1:.1f})"


def best_of_three(work) -> float:
    """The fastest of three runs, in this process's CPU seconds (the review checks' measure, as they were in
    tests/workflow/test_review_scaling.py)."""
    times = []
    for _ in range(3):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def check_onto_refusal(folder: Path) -> str:
    """`import --onto` of a document kehoach did not make, of 4,000 and 8,000 paragraphs: refused in linear time
    (a 100,000-paragraph file gave no answer in 150 s before its refusal)."""
    from tests.workflow.test_review_scaling import plain_docx, refuse

    n = 4_000  # 2n stays under the reader's paragraph budget (word/package.py), which refuses first above it
    small, large = plain_docx(folder / "n.docx", n), plain_docx(folder / "2n.docx", 2 * n)
    t_n, t_2n = best_of_three(lambda: refuse(small)), best_of_three(lambda: refuse(large))
    assert t_2n <= 3 * t_n, f"{n} paragraphs: {t_n:.2f} s, {2 * n}: {t_2n:.2f} s"
    return f"onto refusal: {n} paragraphs {t_n:.2f} s, {2 * n}: {t_2n:.2f} s (×{t_2n / t_n:.1f})"


def check_matching(folder: Path) -> str:
    """Pairing the plan's paragraphs with a reviewed document of 4,000 and 8,000 new paragraphs (20,000 took
    27.6 s when it was quadratic)."""
    from generator.render.build import build_plan
    from generator.workflow.review.matching import match_paragraphs
    from tests.conftest import SAMPLE
    from tests.workflow.test_review_scaling import many_new_paragraphs

    docx = next(f for f in build_plan(SAMPLE, folder).files if f.suffix == ".docx")
    units, document = many_new_paragraphs(docx)
    n = 4000
    small, large = document(n), document(2 * n)
    t_n = best_of_three(lambda: match_paragraphs(units, small))
    t_2n = best_of_three(lambda: match_paragraphs(units, large))
    assert t_2n <= 3 * t_n, f"{n} new paragraphs: {t_n:.3f} s, {2 * n}: {t_2n:.3f} s"
    return f"matching: {n} new paragraphs {t_n:.3f} s, {2 * n}: {t_2n:.3f} s (×{t_2n / t_n:.1f})"


def check_merge3(folder: Path) -> str:
    """The three-way merge of a plan of 4,000 and 8,000 tasks changed in many places: n log n. Was a suite test
    timed by wall clock (perf_counter), which failed on a loaded machine (tools/mutants_fresh8.md); CPU here."""
    from generator.workflow.review.merge import merge3
    from tests.workflow.test_review_merge import long_plan_changed_in_many_places

    def run(n: int) -> float:
        base, theirs, ours = long_plan_changed_in_many_places(n)
        start = time.process_time()
        merged = merge3(base, theirs, ours)
        took = time.process_time() - start
        assert not merged.conflicts and merged.text.count("Quý III") == ours.count("Quý III")
        return took

    n = 4000
    t_n = min(run(n) for _ in range(3))
    t_2n = min(run(2 * n) for _ in range(3))
    assert t_2n <= 3 * t_n, f"{n} tasks: {t_n:.2f} s, {2 * n}: {t_2n:.2f} s"
    return f"merge3: {n} tasks {t_n:.2f} s, {2 * n}: {t_2n:.2f} s (×{t_2n / t_n:.1f})"


CHECKS = {**{name: (lambda folder, name=name: check_fix_doubling(name, folder)) for name in gen.SCALING},
          "import": check_import_doubling, "runs_between": check_runs_between,
          "onto refusal": check_onto_refusal, "matching": check_matching, "merge3": check_merge3}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="checks to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the checks")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(CHECKS))
        return 0
    unknown = [n for n in args.names if n not in CHECKS]
    if unknown:
        parser.error(f"unknown checks: {', '.join(unknown)} (see --list)")
    failed = 0
    for name in args.names or CHECKS:
        with tempfile.TemporaryDirectory(prefix="kehoach-scaling-") as tmp:
            try:
                print("ok    " + CHECKS[name](Path(tmp)), flush=True)
            except AssertionError as exc:
                failed += 1
                print(f"FAIL  {exc}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
