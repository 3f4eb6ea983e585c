"""Hand-run benchmark of every dimension of the Word reader's budget (issue 22, deliverable 1; not part of the
test suite): for each dimension a file just under its limit (generator/word/package.py) is built, and `check`,
`check --fix -o`, `import -o` (and for a document kehoach built, `import --onto PLAN -o`) run on it, each in a
fresh process. Printed: CPU seconds (user+system of that process and its children, `wait4`), peak resident MB
of the largest process, exit code and the start of the answer. Results are kept in bench/RESULTS.md.

    .venv/bin/python bench/budget.py                       # LibreOffice off (kehoach's own work)
    .venv/bin/python bench/budget.py --with-libreoffice --only sections
    .venv/bin/python bench/budget.py --repeat 3            # the least CPU of three runs
    .venv/bin/python bench/budget.py --tree ../main,.      # two trees' kehoach (a "before" and this one) in turns
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.word import bounds_gen as gen  # noqa: E402
from tests.word.docx_factory import make_docx, p, r, sect  # noqa: E402


def many_sections(path: Path, n: int) -> Path:
    """`n` sections of two paragraphs each, every section with a header of its own (one part each)."""
    body = "".join(p("Nội dung của phần " + str(i)) + p(f"Mục {i}", ppr=sect(header_refs={"default": f"rIdH{i}"}))
                   for i in range(n - 1))
    headers = {f"rIdH{i}": p(f"Trang đầu {i}") for i in range(n)}
    return make_docx(path, gen._plan_head() + body + gen._PLAN_TAIL + sect(header_refs={"default": f"rIdH{n - 1}"}),
                     headers=headers)


def many_sections_plain(path: Path, n: int) -> Path:
    """`n` sections of one paragraph each, sharing the document's header (the section count alone)."""
    body = "".join(p(f"Mục {i}", ppr=sect()) for i in range(n - 1))
    return gen._plan(path, body)


def rich_runs(path: Path, paragraphs: int, runs: int, props: int) -> Path:
    """`paragraphs` paragraphs of `runs` runs whose formatting holds `props` elements each (the element budget)."""
    kinds = ["<w:b/>", "<w:i/>", "<w:caps/>", "<w:smallCaps/>", "<w:strike/>", "<w:noProof/>", "<w:snapToGrid/>",
             "<w:webHidden/>", "<w:bCs/>", "<w:iCs/>", '<w:sz w:val="28"/>', '<w:szCs w:val="28"/>',
             '<w:color w:val="000000"/>', '<w:lang w:val="vi-VN"/>', '<w:spacing w:val="0"/>',
             '<w:kern w:val="0"/>', '<w:position w:val="0"/>', '<w:w w:val="100"/>', "<w:specVanish/>",
             '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>']
    rpr = "".join(kinds[k % len(kinds)] for k in range(props)).replace("<w:b/>", "<w:b w:val=\"0\"/>")
    para = "".join(p(*[r(f"chữ {i}.{k} ", rpr) for k in range(runs)]) for i in range(paragraphs))
    return gen._plan(path, para)


def long_text(path: Path, paragraphs: int, chars: int) -> Path:
    """`paragraphs` paragraphs of `chars` characters of plain Vietnamese words each (the character budget)."""
    words = "Tăng cường công tác tuyên truyền, phổ biến pháp luật về dân chủ ở cơ sở đến Nhân dân; "
    line = (words * (chars // len(words) + 1))[:chars]
    return gen._plan(path, "".join(p(r(line)) for _ in range(paragraphs)))


def big_header_parts(path: Path, parts: int, paragraphs: int) -> Path:
    """`parts` header parts of `paragraphs` short paragraphs each, one section per part (headers and footers)."""
    body = gen._plan_head() + "".join(p(f"Mục {i}", ppr=sect(header_refs={"default": f"rIdH{i}"}))
                                      for i in range(parts - 1))
    body += gen._PLAN_TAIL + sect(header_refs={"default": f"rIdH{parts - 1}"})
    headers = {f"rIdH{i}": "".join(p(f"Dòng {k} của đầu trang {i}") for k in range(paragraphs)) for i in range(parts)}
    return make_docx(path, body, headers=headers)


def built_plan(folder: Path, tasks: int) -> tuple[Path, Path]:
    """A synthetic plan of `tasks` tasks and the .docx kehoach builds from it (for import --onto)."""
    from bench.synthetic import synthetic_plan
    plan = folder / f"synthetic-{tasks}.yaml"
    plan.write_text(synthetic_plan(tasks), encoding="utf-8")
    out = folder / f"built-{tasks}"
    subprocess.run([sys.executable, "-m", "generator", "build", str(plan), "-o", str(out)], check=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT), "PATH": ""}, capture_output=True)
    docx = next(out.rglob("*.docx"))
    return docx, plan


FILES = {  # dimension → how to make the worst file just under its limit
    "at budget 9,500 ¶ × 5 runs": lambda d: gen.at_budget(d / "budget.docx"),
    "paragraphs 9,800": lambda d: gen.many_paragraphs(d / "paras.docx", 9_800),
    "runs 48,000": lambda d: gen.many_runs(d / "runs.docx", 24_000),
    "cells 1,600 × 6": lambda d: gen.many_cells(d / "cells.docx", 1_600),
    "tables 3,000": lambda d: gen.many_tables(d / "tables.docx", 3_000),
    "styles 5,000 × 9,000 ¶": lambda d: gen.style_chain(d / "styles.docx", 5_000, paragraphs=9_000),
    "numbering 8,000 × 400 ¶": lambda d: gen.numbering_chain(d / "chain.docx", 8_000, paragraphs=400),
    "headers 90 × 100 ¶": lambda d: big_header_parts(d / "headers.docx", 90, 100),
    "comments 4,800": lambda d: gen.many_comments(d / "comments.docx", 4_800),
    "sections 2,900 (own headers)": lambda d: many_sections(d / "sections.docx", 2_900),
    "sections 9,500": lambda d: many_sections_plain(d / "sections-plain.docx", 9_500),
    "elements 950,000 (run formats)": lambda d: rich_runs(d / "elements.docx", 9_400, 5, 14),
    "text 990,000 chars": lambda d: long_text(d / "text.docx", 2_000, 495),
    "built plan 1,000 tasks": lambda d: built_plan(d, 1_000),
}

COMMANDS = {
    "check": lambda f, plan, out: ["check", str(f)],
    "check --fix": lambda f, plan, out: ["check", "--fix", str(f), "-o", str(out / "fixed.docx")],
    "import": lambda f, plan, out: ["import", str(f), "-o", str(out / "plan.yaml")],
    "import --onto": lambda f, plan, out: (["import", "--onto", str(plan), str(f), "-o", str(out / "onto.yaml")]
                                           if plan else None),
}


def run(args: list[str], libreoffice: bool, tree: Path = ROOT) -> tuple[float, float, int, str]:
    """(CPU s, peak MB, exit code, first line said) of one fresh process and its children (wait4)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    if not libreoffice:
        env["PATH"] = ""
    with tempfile.TemporaryFile("w+") as said:
        # run from the tree: `-m` puts the working folder before PYTHONPATH
        proc = subprocess.Popen([sys.executable, "-m", "generator", *args], stdout=said, stderr=subprocess.STDOUT,
                                env=env, text=True, cwd=tree)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        said.seek(0)
        lines = [line for line in said.read().splitlines() if line.strip()]
    first = next((line for line in lines if "lỗi" in line.lower() or "quá" in line), lines[0] if lines else "")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, first[:90]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--with-libreoffice", action="store_true", help="let --fix lay pages out with LibreOffice")
    parser.add_argument("--only", default="", help="only files whose name contains this")
    parser.add_argument("--commands", default=",".join(COMMANDS), help="commands to run, comma-separated")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each command; the least CPU is printed")
    parser.add_argument("--tree", default=str(ROOT), help="the kehoach trees to run, comma-separated, taking turns "
                                                        "(default: this one)")
    args = parser.parse_args()
    wanted = [c.strip() for c in args.commands.split(",")]
    trees = [Path(t).resolve() for t in args.tree.split(",")]
    print(f"{'file':30} {'command':14} {'tree':10} {'cpu s':>6} {'peak MB':>8} {'rc':>3}  answer")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, make in FILES.items():
            if args.only not in name:
                continue
            made = make(folder)
            path, plan = made if isinstance(made, tuple) else (made, None)
            for command in wanted:
                out = folder / "out"
                out.mkdir(exist_ok=True)
                argv = COMMANDS[command](path, plan, out)
                if argv is None:
                    continue
                runs: dict[Path, list] = {tree: [] for tree in trees}
                for _ in range(args.repeat):
                    for tree in trees:  # in turns: a burst of other load falls on every tree alike
                        runs[tree].append(run(argv, args.with_libreoffice, tree))
                        for leftover in out.iterdir():
                            leftover.unlink()
                for tree in trees:
                    cpu, peak, rc, said = min(runs[tree])
                    print(f"{name:30} {command:14} {tree.name[:10]:10} {cpu:6.2f} {peak:8.0f} {rc:3}  {said}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
