"""Benchmark kehoach against hand-written scripts making the same files (run by hand; not a test).

    .venv/bin/python bench/run.py                 # seeds + 10/100/1,000/10,000 tasks, start-up
    .venv/bin/python bench/run.py --repeat 3      # fewer runs
    .venv/bin/python bench/run.py --pdf           # also a batch of the three seeds with --pdf vs one
    .venv/bin/python bench/run.py --sizes 10,100  # only these synthetic sizes

Medians of interleaved runs (kehoach, then the baselines, then kehoach again...) so that load from
other users of the machine hits all alike. See bench/README.md.
"""
from __future__ import annotations

import argparse
import os
import pickle
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import baseline  # noqa: E402
from bench.synthetic import synthetic_plan  # noqa: E402
from generator.plan import loader
from generator.render.build import build_plan  # noqa: E402
from generator.render.context import build_context  # noqa: E402
from generator.render.docx import render_docx  # noqa: E402
from generator.render.xlsx import render_xlsx  # noqa: E402
from generator.render.templates import default_template  # noqa: E402
from generator.plan.validate import load_plan  # noqa: E402

LIBS = ["pydantic", "docxtpl", "python-docx", "openpyxl", "PyYAML", "lxml", "Jinja2"]
PYTHON = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
SEED = ROOT / "plans" / "quang-nam-papi-2020.yaml"


def interleaved(fns: dict, repeat: int) -> dict[str, float]:
    """Median ms of each function, the runs of all functions interleaved (order rotated each round)."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    names = list(fns)
    for r in range(repeat):
        for name in names[r % len(names):] + names[:r % len(names)]:
            t0 = time.perf_counter()
            fns[name]()
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(ts) * 1000 for name, ts in times.items()}


def allow_size(path: Path) -> str:
    """The size limit must let a 10,000-task plan through; say so when it does not (older code)."""
    size = path.stat().st_size
    if size > loader.MAX_BYTES:
        loader.MAX_BYTES = size
        loader.MAX_NODES = max(loader.MAX_NODES, 2_000_000)
        return " (over the default size limit: raised for the bench)"
    return ""


# ---------------------------------------------------------------- one case


class Case:
    def __init__(self, name: str, path: Path, tmp: Path):
        self.name, self.path, self.tmp = name, path, tmp
        self.note = allow_size(path)
        self.plan, warnings = load_plan(path)
        self.ctx = build_context(self.plan)
        result = build_plan(path, tmp / "kehoach")
        self.docx = (result.out_dir / f"{path.stem}.docx").read_bytes()
        xlsx = result.out_dir / f"{path.stem}-phu-luc.xlsx"
        self.xlsx = xlsx.read_bytes() if xlsx.exists() else None
        self.template, marks = baseline.cut_template(self.docx, tmp / f"{path.stem}-tpl.docx")
        self.rows = baseline.docx_rows(self.ctx, marks)
        self.sheets = baseline.xlsx_rows(self.ctx)
        self.xlsx_template = default_template("phuluc.xlsx")
        self.xlsx_props = (self.plan.issuer.full_name, f"Phụ lục Kế hoạch: {' '.join(self.ctx.title_lines)}")

    def check(self) -> list[str]:
        """The baselines must make the same files as kehoach, or the comparison means nothing."""
        problems = [f"docx: {p}" for p in baseline.same_docx(self.docx, self.base_docx())]
        if self.xlsx is not None:
            problems += [f"xlsx: {p}" for p in baseline.same_xlsx(self.xlsx, self.base_xlsx())]
        return problems

    def kehoach(self):
        return build_plan(self.path, self.tmp / "kehoach")

    def base_docx(self) -> bytes:
        return baseline.render_docx(self.template, self.rows)

    def base_xlsx(self) -> bytes | None:
        return baseline.render_xlsx(self.xlsx_template, self.sheets, *self.xlsx_props) if self.sheets else None

    def base_job(self):
        return self.base_docx(), self.base_xlsx()

    def peaks(self) -> dict[str, float]:
        """Peak resident memory (MB) of a fresh process doing only the measured job."""
        job = self.tmp / "job.pickle"
        job.write_bytes(pickle.dumps((str(self.path), str(self.template), self.rows, str(self.xlsx_template),
                                      self.sheets, self.xlsx_props, loader.MAX_BYTES, str(self.tmp))))
        # kehoach's process must not hold the baselines' ready-made rows (tens of MB at 10,000 tasks)
        own = self.tmp / "kehoach.pickle"
        own.write_bytes(pickle.dumps((str(self.path), "", None, "", None, None, loader.MAX_BYTES, str(self.tmp))))
        out = {}
        for kind in ("kehoach", "docx", "job"):
            job = own if kind == "kehoach" else self.tmp / "job.pickle"
            done = subprocess.run([PYTHON, __file__, "--peak", kind, str(job)], env=ENV, check=True,
                                  capture_output=True, text=True)
            out[kind] = float(done.stdout.split()[-1])
        return out


def peak_child(kind: str, job: Path) -> None:
    path, template, rows, xlsx_template, sheets, props, max_bytes, tmp = pickle.loads(job.read_bytes())
    loader.MAX_BYTES = max_bytes
    loader.MAX_NODES = max(loader.MAX_NODES, 2_000_000)
    if kind == "kehoach":
        build_plan(Path(path), Path(tmp) / "peak")
    else:
        baseline.render_docx(Path(template), rows)
        if kind == "job" and sheets:
            baseline.render_xlsx(Path(xlsx_template), sheets, *props)
    print(peak_rss_mb())


def peak_rss_mb() -> float:
    """VmHWM: the high-water mark of this process image (ru_maxrss would include the parent's
    memory copied at fork time)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- start-up and PDF


def run_cli(args: list[str]) -> None:
    subprocess.run([PYTHON, *args], env=ENV, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def startup(repeat: int) -> dict[str, float]:
    return interleaved({
        "python -c pass": lambda: run_cli(["-c", "pass"]),
        "kehoach --help": lambda: run_cli(["-m", "generator", "--help"]),
        "kehoach validate (seed)": lambda: run_cli(["-m", "generator", "validate", str(SEED)]),
    }, repeat)


def pdf_batch(repeat: int, tmp: Path) -> dict[str, float]:
    seeds = [str(p) for p in sorted((ROOT / "plans").glob("*.yaml"))]
    return interleaved({
        "build 1 seed --pdf": lambda: run_cli(["-m", "generator", "build", str(SEED), "--pdf", "-o", str(tmp / "one")]),
        f"build {len(seeds)} seeds --pdf": lambda: run_cli(["-m", "generator", "build", *seeds, "--pdf",
                                                            "-o", str(tmp / "all")]),
    }, repeat)


# ---------------------------------------------------------------- report


def row(values: list, widths: list[int]) -> str:
    return " ".join(str(v).ljust(w) if i == 0 else str(v).rjust(w) for i, (v, w) in enumerate(zip(values, widths)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="interleaved runs per measurement (median)")
    parser.add_argument("--repeat-large", type=int, default=3, help="runs for the 10,000-task plan")
    parser.add_argument("--sizes", default="10,100,1000,10000", help="synthetic plan sizes (tasks)")
    parser.add_argument("--no-seeds", action="store_true", help="skip the seed plans")
    parser.add_argument("--pdf", action="store_true", help="also time a --pdf batch of the seeds vs one seed")
    parser.add_argument("--peak", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        peak_child(args.peak[0], Path(args.peak[1]))
        return 0

    print(f"python {platform.python_version()} on {platform.platform()}; cpus: {os.cpu_count()}; "
          f"load average {os.getloadavg()[0]:.1f}")
    print("libs: " + ", ".join(f"{lib} {metadata.version(lib)}" for lib in LIBS))
    print(f"repeat: {args.repeat} ({args.repeat_large} for 10,000 tasks), medians of interleaved runs, ms\n")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    widths = [30, 7, 9, 9, 7, 9, 7, 8, 8, 8]
    print("kehoach = build_plan (read, validate, context, .docx, .xlsx, write); docxtpl = the docx baseline;")
    print("script = docx baseline + the same .xlsx with openpyxl; peak = max RSS of a fresh process, MB")
    print(row(["case", "tasks", "kehoach", "docxtpl", "ratio", "script", "ratio", "peak kh", "peak tpl",
               "peak scr"], widths))
    print("-" * (sum(widths) + len(widths)))
    totals: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as tmpdir:
        tmp = Path(tmpdir)
        paths = [] if args.no_seeds else [(p.stem, p) for p in sorted((ROOT / "plans").glob("*.yaml"))]
        for n in sizes:
            path = tmp / f"synthetic-{n}.yaml"
            path.write_text(synthetic_plan(n), encoding="utf-8")
            paths.append((f"synthetic-{n} ({path.stat().st_size / 1e6:.2f} MB)", path))
        for name, path in paths:
            case = Case(name, path, tmp)
            problems = case.check()
            if problems:
                print(f"{name}: the baselines do not make the same files: {problems[:3]}")
                return 1
            n = len(case.plan.tasks)
            times = interleaved({"kehoach": case.kehoach, "docx": case.base_docx, "job": case.base_job},
                                args.repeat_large if n >= 10_000 else args.repeat)
            peaks = case.peaks()
            print(row([name, n, f"{times['kehoach']:.0f}", f"{times['docx']:.0f}",
                       f"{times['kehoach'] / times['docx']:.2f}", f"{times['job']:.0f}",
                       f"{times['kehoach'] / times['job']:.2f}", f"{peaks['kehoach']:.0f}",
                       f"{peaks['docx']:.0f}", f"{peaks['job']:.0f}"], widths) + case.note)
            if path.name.startswith("synthetic-"):
                totals[n] = times["kehoach"]
            if n == 1000:
                steps = steps_of(case, args.repeat)
                step_line = "; ".join(f"{k} {v:.0f}" for k, v in steps.items())
        growth = [f"t({b})/t({a}) = {totals[b] / totals[a]:.2f}" for a, b in zip(sizes, sizes[1:])
                  if a in totals and b in totals]
        print("\ngrowth: " + "; ".join(growth))
        if 1000 in totals:
            print(f"kehoach steps at 1,000 tasks (ms): {step_line}")

        print("\nstart-up (fresh processes, ms)")
        start = startup(args.repeat)
        base = start["python -c pass"]
        for name, ms in start.items():
            print(f"  {name:<26} {ms:7.0f}   x{ms / base:.1f}")
        if args.pdf:
            print("\nPDF (fresh processes, ms)")
            pdf = pdf_batch(max(2, args.repeat_large), tmp)
            one = next(iter(pdf.values()))
            for name, ms in pdf.items():
                print(f"  {name:<26} {ms:7.0f}   x{ms / one:.2f}")
    return 0


def steps_of(case: Case, repeat: int) -> dict[str, float]:
    docx_tpl, xlsx_tpl = default_template("kehoach.docx"), default_template("phuluc.xlsx")
    return interleaved({
        "load+validate": lambda: load_plan(case.path),
        "context": lambda: build_context(case.plan),
        "docx": lambda: render_docx(case.ctx, docx_tpl),
        "xlsx": lambda: render_xlsx(case.ctx, xlsx_tpl),
    }, repeat)


if __name__ == "__main__":
    sys.exit(main())
