"""The commands that check a plan and make its documents: validate, build, watch."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.options import CONTEXT, MB, max_size_option
from generator.cli.printer import display, echo_messages
from generator.core.errors import KehoachError, located
from generator.core.messages import Message


@click.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]")
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP_KẾ_HOẠCH...")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path), default=Path("build"), show_default=True,
              help="Thư mục kết quả; mỗi kế hoạch ghi vào một thư mục con cùng tên.")
@click.option("--pdf", is_flag=True, help="Xuất thêm bản PDF bằng LibreOffice.")
@click.option("--template", "docx_template", type=click.Path(path_type=Path),
              help="Mẫu Word riêng của tỉnh (thay cho mẫu mặc định).")
@click.option("--xlsx-template", type=click.Path(path_type=Path), help="Mẫu Excel riêng cho phụ lục.")
@max_size_option
def build(plans: tuple[Path, ...], out: Path, pdf: bool, docx_template: Path | None,
          xlsx_template: Path | None, max_size: int | None) -> None:
    """Tạo văn bản .docx, phụ lục .xlsx và Nơi nhận cho từng kế hoạch.

    \b
    Ví dụ: kehoach build plans/quang-nam-papi-2020.yaml --pdf
    """
    from generator.render.build import build_plan, build_plans

    max_bytes = max_size * MB if max_size else None
    on_terminal = sys.stdout.isatty()  # progress lines are for a person watching, not for logs or scripts

    def progress(kind: str, index: int, total: int) -> None:
        if not on_terminal:
            return
        if kind == "plan":
            click.echo(f"[{index + 1}/{total}] {display(plans[index])}: đang tạo...")
        else:
            click.echo(f"đang xuất PDF cho {index} kế hoạch (một lần chạy LibreOffice)...")

    def report(plan: Path, outcome) -> bool:
        if isinstance(outcome, KehoachError):
            echo_messages(outcome.problems)
            click.echo(f"{display(plan)}: không tạo được kết quả.", err=True)
            return False
        echo_messages(outcome.warnings)
        click.echo(f"{display(plan)}: đã tạo {display(outcome.out_dir)}/ "
                   f"({', '.join(p.name for p in outcome.files)}; {outcome.task_rows} dòng phụ lục)")
        return True

    failed = 0
    if pdf and len(plans) > 1:
        # one LibreOffice for all the plans' PDFs; each plan still all or nothing
        outcomes = build_plans(list(plans), out, docx_template=docx_template, xlsx_template=xlsx_template,
                               pdf=True, displays=[display(p) for p in plans], max_bytes=max_bytes,
                               progress=progress)
        failed = sum(not report(plan, outcome) for plan, outcome in zip(plans, outcomes))
        sys.exit(1 if failed else 0)
    for i, plan in enumerate(plans):
        progress("plan", i, len(plans))
        try:
            outcome = build_plan(plan, out, docx_template=docx_template, xlsx_template=xlsx_template, pdf=pdf,
                                 display=display(plan), max_bytes=max_bytes)
        except KehoachError as exc:
            outcome = exc
        failed += not report(plan, outcome)
    sys.exit(1 if failed else 0)


@click.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]", short_help="Tạo lại văn bản mỗi lần tệp kế hoạch được lưu.")
@click.argument("plan", type=click.Path(path_type=Path), metavar="TỆP_KẾ_HOẠCH")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path), default=Path("build"), show_default=True,
              help="Thư mục kết quả, như ở lệnh build.")
@click.option("--pdf", is_flag=True, help="Xuất thêm bản PDF mỗi lần tạo (chậm hơn vài giây).")
@click.option("--template", "docx_template", type=click.Path(path_type=Path),
              help="Mẫu Word riêng của tỉnh; sửa mẫu cũng tạo lại văn bản.")
@click.option("--xlsx-template", type=click.Path(path_type=Path), help="Mẫu Excel riêng cho phụ lục.")
@click.option("--interval", type=float, default=1.0, hidden=True, help="Số giây giữa hai lần xem tệp.")
@click.option("--max-builds", type=int, hidden=True, help="Dừng sau chừng ấy lần tạo (cho kiểm thử).")
def watch(plan: Path, out: Path, pdf: bool, docx_template: Path | None, xlsx_template: Path | None,
          interval: float, max_builds: int | None) -> None:
    """Theo dõi một kế hoạch: mỗi lần tệp được lưu, kiểm tra và tạo lại văn bản.

    Mỗi lần in giờ và "đã tạo ..." hoặc các lỗi; khi kế hoạch có lỗi, kết quả lần trước được giữ
    nguyên. Mở văn bản .docx hoặc .pdf trong thư mục kết quả để xem sau mỗi lần lưu. Dừng bằng Ctrl+C.

    \b
    Ví dụ: kehoach watch plans/tuyen-quang-papi-2026.yaml --pdf
    """
    from generator.render.build import build_plan
    from generator.workflow.watch import watch_plan

    def rebuild():
        return build_plan(plan, out, docx_template=docx_template, xlsx_template=xlsx_template, pdf=pdf,
                          display=display(plan))

    paths = [plan, *(p for p in (docx_template, xlsx_template) if p is not None)]
    # a mistyped name is watched all the same (an editor may create the file), but the drafter is told
    waiting = "lưu tệp để tạo lại;" if plan.exists() else \
        "chưa có tệp này (xem lại tên tệp); văn bản được tạo khi tệp được lưu."
    click.echo(f"đang theo dõi {display(plan)}: {waiting} Ctrl+C để dừng.", err=True)
    ok = True
    for event in watch_plan(paths, rebuild, interval=interval, max_builds=max_builds):
        stamp = event.when.strftime("%H:%M:%S")
        echo_messages(event.problems)
        ok = event.result is not None
        if ok:
            click.echo(f"[{stamp}] đã tạo {display(event.result.out_dir)}/ "
                       f"({', '.join(p.name for p in event.result.files)})")
        else:
            errors = sum(p.level == "error" for p in event.problems)
            click.echo(f"[{stamp}] chưa tạo: {errors} lỗi; kết quả lần trước được giữ nguyên.", err=True)
    sys.exit(0 if ok else 1)


@click.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]")
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP_KẾ_HOẠCH...")
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="Cách trình bày: văn bản, JSON, hoặc chú thích GitHub (::error file=...).")
@max_size_option
def validate(plans: tuple[Path, ...], strict: bool, fmt: str, max_size: int | None) -> None:
    """Kiểm tra kế hoạch, không ghi tệp nào.

    Mọi lỗi được báo cùng lúc, kèm tệp, dòng, cột và trường: lỗi cấu trúc và lỗi tham chiếu (mã cơ
    quan, chỉ tiêu, phụ lục không tồn tại) ở mọi phần đọc được. Mã thoát 1 khi có lỗi.

    \b
    Ví dụ: kehoach validate plans/tuyen-quang-papi-2026.yaml
    """
    from generator.plan.validate import load_plan

    all_problems: list[Message] = []
    for plan in plans:
        try:
            _, warnings = load_plan(plan, display(plan), max_bytes=max_size * MB if max_size else None)
            all_problems += warnings
        except KehoachError as exc:
            all_problems += exc.problems
    if strict:
        all_problems = [located(p.file, p.line, p.col, p.field, p.text, "error") for p in all_problems]
    errors = [p for p in all_problems if p.level == "error"]
    echo_messages(all_problems, fmt)
    if fmt == "text":
        n_warn = len(all_problems) - len(errors)
        click.echo(f"{len(plans)} kế hoạch: {len(errors)} lỗi, {n_warn} cảnh báo.", err=True)
    sys.exit(1 if errors else 0)


COMMANDS = (validate, build, watch)
