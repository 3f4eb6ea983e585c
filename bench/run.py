"""Build-time benchmark for kehoach (run by hand; not part of the test suite).

    .venv/bin/python bench/run.py                # seed plans + synthetic 10/100/1000 tasks, median of 5
    .venv/bin/python bench/run.py --repeat 3     # fewer runs
    .venv/bin/python bench/run.py --large        # also a 3000-task synthetic plan

Times (median wall time, ms) the full build_plan and its steps (load+validate, context, docx, xlsx),
and a bare docxtpl render of the same appendix rows as a baseline. See bench/README.md.
"""
from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import yaml
from docx import Document
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import build_plan  # noqa: E402
from generator.catalogue import available, flatten  # noqa: E402
from generator.context import build_context  # noqa: E402
from generator.render_docx import render_docx  # noqa: E402
from generator.render_xlsx import render_xlsx  # noqa: E402
from generator.templates_path import default_template  # noqa: E402
from generator.validate import load_plan  # noqa: E402

LIBS = ["pydantic", "docxtpl", "python-docx", "openpyxl", "PyYAML", "lxml", "Jinja2"]

# ---------------------------------------------------------------- synthetic plans

AGENCIES = [("so-noi-vu", "Sở Nội vụ"), ("so-tu-phap", "Sở Tư pháp"),
            ("so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông"), ("so-tai-chinh", "Sở Tài chính"),
            ("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư"), ("so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường"),
            ("thanh-tra-tinh", "Thanh tra tỉnh"), ("van-phong-ubnd-tinh", "Văn phòng Ủy ban nhân dân tỉnh"),
            ("ubnd-cap-huyen", "Ủy ban nhân dân các huyện, thị xã, thành phố"), ("ubnd-cap-xa", "Ủy ban nhân dân cấp xã")]
SENTENCES = [
    "Tăng cường công tác tuyên truyền, phổ biến các quy định của pháp luật về thực hiện dân chủ ở cơ sở đến "
    "cán bộ, công chức và Nhân dân trên địa bàn.",
    "Công khai đầy đủ, kịp thời danh sách hộ nghèo, thu, chi ngân sách cấp xã và quy hoạch, kế hoạch sử dụng "
    "đất tại trụ sở Ủy ban nhân dân cấp xã và nhà văn hóa thôn, tổ dân phố.",
    "Rà soát, chuẩn hóa quy trình tiếp nhận, giải quyết phản ánh, kiến nghị của người dân; xử lý nghiêm cán "
    "bộ, công chức có hành vi nhũng nhiễu, gây phiền hà.",
    "Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình; hướng dẫn người dân sử dụng tài khoản định danh "
    "điện tử để thực hiện thủ tục hành chính.",
    "Kiểm tra, giám sát việc thực hiện các quy định về phòng, chống tham nhũng, tiêu cực trong cung ứng dịch "
    "vụ y tế, giáo dục công lập.",
    "Nâng cao chất lượng công tác quản lý, bảo vệ môi trường; thu gom, xử lý rác thải sinh hoạt tại khu dân cư.",
]
TIMEFRAMES = ["Thường xuyên", "Quý I/2024", "Trước ngày 30/6/2024", "Hằng tháng", "Năm 2024"]
OUTPUTS = ["Kế hoạch, văn bản hướng dẫn triển khai", "Báo cáo kết quả thực hiện gửi Sở Nội vụ",
           "Tin, bài tuyên truyền trên Cổng thông tin điện tử tỉnh", "Biên bản kiểm tra, giám sát"]


def _literal_str(dumper, s):
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None)


yaml.add_representer(str, _literal_str, Dumper=yaml.SafeDumper)


def synthetic_plan(n_tasks: int) -> str:
    """YAML text of a valid PAPI plan with n_tasks tasks spread over papi.1..papi.8."""
    catalogue = flatten(available()[("papi", "2018")])
    dims = [f"papi.{d}" for d in range(1, 9)]
    ids = [a for a, _ in AGENCIES]
    tasks = []
    for i in range(n_tasks):
        dim = dims[i % 8]
        subs = catalogue[dim].children
        lines = [f"- {SENTENCES[(i + k) % len(SENTENCES)]}" for k in range(2 + i % 3)]  # 2-4 lines
        lead, co = AGENCIES[i % 8], [ids[(i + 3) % 10], ids[(i + 5) % 10]]
        tasks.append({
            "id": f"nv-{i + 1:05d}", "dimension": dim, "sub_dimension": subs[(i // 8) % len(subs)],
            "content": "\n".join(lines),
            "indicator": f"100% cơ quan, đơn vị triển khai; tăng ít nhất {1 + i % 5}% so với năm 2023",
            "lead": [lead[1] if i % 2 else lead[0]],  # by name or by id
            "co": co,
            "timeframe": TIMEFRAMES[i % len(TIMEFRAMES)],
            "output": "\n".join(f"- {OUTPUTS[(i + k) % len(OUTPUTS)]};" for k in range(1 + i % 2)),
        })
    plan = {
        "schema_version": 1, "id": f"synthetic-{n_tasks}", "year": 2024, "indices": {"papi": "2018"},
        "issuer": {"name": ["ỦY BAN NHÂN DÂN", "TỈNH HÀ NAM"], "full_name": "Ủy ban nhân dân tỉnh Hà Nam",
                   "abbreviation": "UBND", "place": "Hà Nam"},
        "title": "Nâng cao Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm 2024",
        "preamble": ["Căn cứ kết quả Chỉ số PAPI năm 2023 của tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch "
                     "nâng cao Chỉ số PAPI năm 2024 như sau:"],
        # unverified catalogue names would warn once per task: declare them as a real plan does
        "criteria": [{"code": c.code, "name": c.name} for c in catalogue.values() if not c.verified],
        "agencies": [{"id": a, "name": name, "groups": ["cap-huyen" if a.startswith("ubnd") else "so-ban-nganh"]}
                     for a, name in AGENCIES],
        "targets": [{"id": f"ct-{d}", "criterion": f"papi.{d}", "baseline": {"year": 2023, "value": 4.5 + d / 10},
                     "target": 5.0 + d / 10} for d in range(1, 9)],
        "tasks": tasks,
        "responsibilities": [{"id": f"tn-{a}", "agencies": [a], "content": [SENTENCES[k]]}
                             for k, (a, _) in enumerate(AGENCIES[:4])],
        "sections": [
            {"id": "muc-dich", "title": "MỤC ĐÍCH, YÊU CẦU", "content": [SENTENCES[0], SENTENCES[1]]},
            {"id": "chi-tieu", "title": "CHỈ TIÊU", "content": [{"targets": [f"ct-{d}" for d in range(1, 9)]}]},
            {"id": "nhiem-vu", "title": "NHIỆM VỤ, GIẢI PHÁP", "content": [{"appendix": "phu-luc-nhiem-vu"}]},
            {"id": "to-chuc", "title": "TỔ CHỨC THỰC HIỆN", "content": [{"responsibilities": "all"}]},
        ],
        "closing": "Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện",
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
        "recipients": [{"text": "Bộ Nội vụ"}, {"text": "TT Tỉnh ủy, TT HĐND tỉnh"},
                       {"text": "Các Sở, Ban, ngành", "covers": ["so-ban-nganh"]},
                       {"text": "UBND các huyện, thị xã, thành phố; UBND cấp xã", "covers": ["cap-huyen"]}],
        "archive": {"units": ["VT", "NC"]},
        "appendices": [{"id": "phu-luc-nhiem-vu", "type": "tasks", "title": "Nhiệm vụ nâng cao Chỉ số PAPI năm 2024",
                        "columns": ["stt", "content", "indicator", "lead", "co", "timeframe", "output"],
                        "group_label": "Chỉ số"}],
    }
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=110)


# ---------------------------------------------------------------- measurements


def median_ms(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, result


def bare_template(path: Path) -> Path:
    """A 7-column table whose data row repeats with {%tr for %} (python-docx writes it)."""
    doc = Document()
    table = doc.add_table(rows=4, cols=7)
    for c, head in enumerate(["STT", "Nhiệm vụ", "Chỉ tiêu", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm"]):
        table.cell(0, c).text = head
        table.cell(2, c).text = f"{{{{ r[{c}] }}}}"
    table.cell(1, 0).text = "{%tr for r in rows %}"
    table.cell(3, 0).text = "{%tr endfor %}"
    doc.save(path)
    return path


def bare_render(template: Path, rows: list[list[str]]) -> bytes:
    tpl = DocxTemplate(str(template))
    tpl.render({"rows": rows}, autoescape=True)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def measure(path: Path, repeat: int, tmp: Path, bare: Path) -> dict:
    docx_tpl, xlsx_tpl = default_template("kehoach.docx"), default_template("phuluc.xlsx")
    load, (plan, _warnings) = median_ms(lambda: load_plan(path), repeat)
    context, ctx = median_ms(lambda: build_context(plan), repeat)
    docx, _ = median_ms(lambda: render_docx(ctx, docx_tpl), repeat)
    xlsx, _ = median_ms(lambda: render_xlsx(ctx, xlsx_tpl), repeat)
    total, result = median_ms(lambda: build_plan(path, tmp / "out"), repeat)
    rows = [[c.text for c in r.cells][:7] + [""] * (7 - len(r.cells))
            for t in ctx.tables for r in t.rows if r.kind == "data"]
    baseline, _ = median_ms(lambda: bare_render(bare, rows), repeat)
    return {"tasks": len(plan.tasks), "rows": sum(len(t.rows) for t in ctx.tables), "task_rows": result.task_rows,
            "load": load, "context": context, "docx": docx, "xlsx": xlsx, "total": total, "bare": baseline}


COLUMNS = [("case", 28, "s"), ("tasks", 6, "d"), ("app.rows", 8, "d"), ("load", 9, ".1f"), ("context", 9, ".1f"),
           ("docx", 9, ".1f"), ("xlsx", 9, ".1f"), ("total build", 12, ".1f"), ("bare docxtpl", 13, ".1f"),
           ("ms/task", 8, ".2f")]


def print_row(values: list) -> None:
    cells = []
    for (name, width, fmt), value in zip(COLUMNS, values):
        text = value if isinstance(value, str) else format(value, fmt)
        cells.append(text.ljust(width) if fmt == "s" else text.rjust(width))
    print(" ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median is printed)")
    parser.add_argument("--large", action="store_true", help="also time a 3000-task synthetic plan")
    args = parser.parse_args()

    print(f"python {platform.python_version()} ({platform.python_implementation()}) on {platform.platform()}")
    print("libs: " + ", ".join(f"{lib} {metadata.version(lib)}" for lib in LIBS))
    print(f"cpus: {os.cpu_count()}   repeat: {args.repeat} (median, wall time via perf_counter)\n")

    sizes = [10, 100, 1000] + ([3000] if args.large else [])
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as tmpdir:
        tmp = Path(tmpdir)
        bare = bare_template(tmp / "bare.docx")
        cases = [(p.stem, p) for p in sorted((ROOT / "plans").glob("*.yaml"))]
        for n in sizes:
            path = tmp / f"synthetic-{n}.yaml"
            path.write_text(synthetic_plan(n), encoding="utf-8")
            plan, warnings = load_plan(path)  # the generator must produce a clean plan
            assert len(plan.tasks) == n and not warnings, [w for w in warnings][:3]
            cases.append((f"synthetic-{n} ({path.stat().st_size // 1024} KB)", path))

        print("times in ms; total build = build_plan (load+context+docx+xlsx+write); app.rows incl. group rows")
        print_row([name for name, _, _ in COLUMNS])
        print("-" * sum(w + 1 for _, w, _ in COLUMNS))
        totals: dict[int, float] = {}
        for name, path in cases:
            try:
                m = measure(path, args.repeat, tmp, bare)
            except Exception as exc:  # a seed plan being edited may not load: report and go on
                print(f"{name:<28} ERROR {type(exc).__name__}: {str(exc).splitlines()[0][:150]}")
                continue
            per_task = f"{m['total'] / m['tasks']:.2f}" if m["tasks"] else "-"
            print_row([name, m["tasks"], m["rows"], m["load"], m["context"], m["docx"], m["xlsx"], m["total"],
                       m["bare"], per_task])
            if name.startswith("synthetic-"):
                totals[m["tasks"]] = m["total"]

    ratios = [f"total({b})/total({a}) = {totals[b] / totals[a]:.2f} (x{b // a} tasks)"
              for a, b in zip(sizes, sizes[1:]) if a in totals and b in totals]
    print("\ngrowth: " + "; ".join(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
