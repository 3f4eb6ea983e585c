"""Orchestration: plan file → validated plan → context → outputs, written atomically into
build/<plan>/ (all or nothing: a failed build leaves the previous outputs untouched)."""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .context import build_context
from .errors import OutputError, Problem
from .pdf import docx_to_pdf
from .render_docx import render_docx
from .render_xlsx import render_xlsx
from .templates_path import default_template
from .validate import load_plan


@dataclass
class BuildResult:
    plan: Path
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    task_rows: int = 0


def output_names(stem: str) -> dict[str, str]:
    return {"docx": f"{stem}.docx", "xlsx": f"{stem}-phu-luc.xlsx", "recipients": f"{stem}-noi-nhan.txt",
            "pdf": f"{stem}.pdf"}


def build_plan(plan_path: Path, out_root: Path, *, docx_template: Path | None = None,
               xlsx_template: Path | None = None, pdf: bool = False, display: str | None = None,
               max_bytes: int | None = None) -> BuildResult:
    plan, warnings = load_plan(plan_path, display, max_bytes=max_bytes)
    ctx = build_context(plan)
    docx_bytes = render_docx(ctx, docx_template or default_template("kehoach.docx"))
    xlsx_bytes = render_xlsx(ctx, xlsx_template or default_template("phuluc.xlsx"))

    stem = plan_path.stem
    names = output_names(stem)
    final = out_root / stem
    if out_root.exists() and not out_root.is_dir():
        raise OutputError(f"{out_root}: đã có một tệp cùng tên; hãy chọn thư mục kết quả khác (-o)")
    try:
        out_root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{stem}.", dir=out_root))
    except OSError as exc:
        raise OutputError(f"{out_root}: không tạo được thư mục kết quả ({exc.strerror})") from None
    try:
        written = [_write(staging / names["docx"], docx_bytes)]
        if xlsx_bytes is not None:
            written.append(_write(staging / names["xlsx"], xlsx_bytes))
        written.append(_write(staging / names["recipients"], ctx.recipient_text.encode("utf-8")))
        if pdf:
            written.append(docx_to_pdf(staging / names["docx"], staging))
        _swap_in(staging, final)
    except OSError as exc:
        raise OutputError(f"{final}: không ghi được kết quả ({exc.strerror or exc})") from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    total_rows = sum(t.task_rows for t in ctx.tables)
    return BuildResult(plan_path, final, [final / p.name for p in written], warnings, total_rows)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _swap_in(staging: Path, final: Path) -> None:
    """Replace `final` by `staging` so that readers see either the old or the new outputs."""
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        final.rename(old)
    try:
        staging.rename(final)
    except OSError:
        if old is not None:
            old.rename(final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
