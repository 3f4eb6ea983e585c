"""The commands that make, compare and describe plan files: init, rollover, diff (and git's git-diff), schema."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.options import CONTEXT
from generator.cli.printer import display, echo_messages, shell_word
from generator.core.errors import KehoachError
from generator.plan.catalogue import indices_help


@click.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]", short_help="Tạo tệp kế hoạch mới để điền, cho một tỉnh, thành phố.")
@click.option("--province", "province", required=True, metavar="TÊN",
              help="Tỉnh, thành phố (34 đơn vị từ năm 2025; tên trước năm 2025 cũng được), ví dụ 'Tuyên Quang'.")
@click.option("--year", "year", type=int, help="Năm của kế hoạch (mặc định: năm nay).")
@click.option("--indices", "indices", default="papi", show_default=True, metavar="CHỈ_SỐ,...",
              help=indices_help())
@click.option("-o", "--out", "out", type=click.Path(path_type=Path),
              help="Tệp kế hoạch mới (mặc định: plans/<tỉnh>-<chỉ số>-<năm>.yaml).")
@click.option("--force", is_flag=True, help="Cho phép ghi đè tệp đã có.")
def init(province: str, year: int | None, indices: str, out: Path | None, force: bool) -> None:
    """Tạo một kế hoạch mới để điền: đủ các phần thường có, mỗi loại khối một ví dụ, và chỗ 'TODO'
    ở mọi nơi người soạn phải viết.

    Nếu thư mục của tệp chưa có lược đồ kehoach.schema.json (để trình soạn thảo gợi ý và giải thích
    các khóa), lược đồ được ghi kèm bên cạnh.

    \b
    Ví dụ: kehoach init --province "Tuyên Quang" --year 2026 --indices papi,par
    """
    import datetime as dt
    import json

    from generator.plan.agencies import find_province
    from generator.plan.schema import plan_schema
    from generator.workflow.starter import starter_plan

    year = year or dt.date.today().year
    wanted = [i.strip().lower() for i in indices.split(",") if i.strip()]
    out_guess = out or Path("plans") / "x.yaml"
    shared = out_guess.resolve().parent.parent / "schema" / "kehoach.schema.json"
    schema_ref = "../schema/kehoach.schema.json" if shared.is_file() else "kehoach.schema.json"
    try:
        starter = starter_plan(province, year, wanted, schema_ref)
    except KehoachError as exc:
        echo_messages(exc.problems)
        sys.exit(1)
    target = out or Path("plans") / f"{starter.file_stem}.yaml"
    if target.exists() and not force:
        click.echo(f"{display(target)}: tệp đã có; dùng --force để ghi đè hoặc -o để chọn tên khác.", err=True)
        sys.exit(1)
    place = starter.province
    if "merged_into" in place and year > place["until"]:
        new = find_province(place["merged_into"])
        click.echo(f"lưu ý: {place['name']} đã nhập vào {new['kind']} {new['name']} từ năm {place['until']}; kế hoạch "
                   f"năm {year} thường dùng --province \"{new['name']}\".", err=True)
    schema_file = target.parent / "kehoach.schema.json"
    wrote_schema = schema_ref == "kehoach.schema.json" and not schema_file.exists()
    _write(target, starter.text, new_only=not force)
    if wrote_schema:
        _write(schema_file, json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n")
    click.echo(f"đã tạo {display(target)}" + (f" và {display(schema_file)}" if wrote_schema else "")
               + f"; còn {starter.todos} chỗ TODO cần điền.")
    click.echo(f"Tiếp theo: mở tệp, điền các chỗ TODO (hướng dẫn: kehoach huong-dan), rồi chạy\n"
               f"  kehoach validate {shell_word(target)}\n  kehoach build {shell_word(target)} --pdf")


@click.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]")
@click.argument("plan", type=click.Path(path_type=Path), metavar="TỆP_KẾ_HOẠCH")
@click.option("--year", "year", type=int, help="Năm của kế hoạch mới (mặc định: năm sau).")
@click.option("--results", "results", type=click.Path(path_type=Path),
              help="Tệp YAML kết quả chỉ số đã công bố của năm cũ (year, results: {mã: {value, rank, of}}).")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path),
              help="Tệp kế hoạch mới (mặc định: cùng thư mục, thay năm trong tên tệp).")
@click.option("--force", is_flag=True, help="Cho phép ghi đè tệp đã có.")
def rollover(plan: Path, year: int | None, results: Path | None, out: Path | None, force: bool) -> None:
    """Tạo kế hoạch năm sau từ kế hoạch năm nay.

    Năm được chuyển ở tên, thời gian, thời hạn và các câu "năm ..." (trừ năm của văn bản được trích
    dẫn); số và ngày ban hành được xóa (dự thảo); kết quả năm cũ thành năm gốc; mọi giá trị người soạn
    phải quyết định được đánh dấu TODO ("việc cần làm") và bị 'kehoach validate' báo lỗi cho đến khi
    điền xong.

    \b
    Ví dụ: kehoach rollover plans/tuyen-quang-papi-2026.yaml --results ket-qua-2026.yaml
    """
    from generator.workflow.rollover import default_output, git_commit, summary
    from generator.workflow.rollover import rollover as roll

    try:
        commit = git_commit(plan)
        source = f"kehoach rollover: từ {display(plan)}" + (f" (commit {commit})" if commit else "")
        result = roll(plan, year, results, provenance=source)
    except KehoachError as exc:
        echo_messages(exc.problems)
        sys.exit(1)
    target = out or default_output(plan, result.old_year, result.new_year)
    if target.exists() and not force:
        click.echo(f"{display(target)}: tệp đã có; dùng --force để ghi đè hoặc -o để chọn tên khác.", err=True)
        sys.exit(1)
    _write(target, result.text, like=plan, new_only=not force)
    click.echo("\n".join(summary(result)))
    click.echo(f"đã tạo {display(target)} (năm {result.old_year} → {result.new_year}); "
               f"còn {len(result.todos)} chỗ TODO cần điền, xem: kehoach validate {shell_word(target)}")


@click.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]", short_help="So sánh hai kế hoạch theo mã (chỉ tiêu, nhiệm vụ, cơ quan, câu chữ).")
@click.argument("old", type=click.Path(path_type=Path), metavar="KẾ_HOẠCH_CŨ")
@click.argument("new", type=click.Path(path_type=Path), metavar="KẾ_HOẠCH_MỚI")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help="Cách trình bày: màn hình, Markdown (bình luận pull request) hoặc JSON.")
@click.option("--exit-code", is_flag=True, help="Thoát với mã 1 khi hai kế hoạch khác nhau (như git diff).")
@click.option("--ignore-ids", is_flag=True,
              help="Với --exit-code: không tính các mục chỉ đổi mã, nội dung giữ nguyên (ví dụ kế hoạch nhập lại "
                   "từ Word).")
def diff(old: Path, new: Path, fmt: str, exit_code: bool, ignore_ids: bool) -> None:
    """So sánh hai kế hoạch theo mã: chỉ tiêu, nhiệm vụ, cơ quan, Nơi nhận, câu chữ các mục. Mục đổi mã
    mà nội dung giữ nguyên được ghép đôi và in là "đổi mã".

    Mã thoát: 0 (hoặc 1 khi khác nhau với --exit-code); 2 khi một kế hoạch không hợp lệ.

    \b
    Ví dụ: kehoach diff plans/tuyen-quang-papi-2026.yaml plans/tuyen-quang-papi-2027.yaml
    """
    from generator.workflow.diff import diff_plans, render_json, render_markdown, render_text
    from generator.plan.validate import load_plan_for_review

    plans, todos = [], []
    for path in (old, new):
        try:
            plan, _, markers = load_plan_for_review(path, display(path))
            plans.append(plan)
            todos.append(markers)
        except KehoachError as exc:
            echo_messages(exc.problems)
            click.echo(f"{display(path)}: không so sánh được kế hoạch chưa hợp lệ.", err=True)
            sys.exit(2)
    result = diff_plans(plans[0], plans[1], display(old), display(new), *todos)
    render = {"text": render_text, "markdown": render_markdown, "json": render_json}[fmt]
    click.echo(render(result), nl=False)
    differ = result.differ_beyond_ids if ignore_ids else result.differ
    sys.exit(1 if exit_code and differ else 0)


@click.command("git-diff", hidden=True, context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]")
@click.argument("args", nargs=-1, metavar="[7_ĐỐI_SỐ_CỦA_GIT]...")
def git_diff(args: tuple[str, ...]) -> None:
    """Trình so sánh cho git (diff.kehoach.command): nhận 7 đối số của git, in bản so sánh theo mã."""
    from generator.workflow.diff import diff_plans, render_text
    from generator.plan.validate import load_plan_for_review

    if len(args) != 7:
        click.echo("git-diff: cần đúng 7 đối số do git truyền vào (xem kehoach huong-dan review-workflow).", err=True)
        sys.exit(2)
    name, old_file, new_file = args[0], Path(args[1]), Path(args[4])
    if str(old_file) == "/dev/null" or str(new_file) == "/dev/null":
        click.echo(f"{name}: {'tệp mới' if str(old_file) == '/dev/null' else 'tệp bị xóa'}")
        return
    try:
        old, _, old_todos = load_plan_for_review(old_file, f"a/{name}")
        new, _, new_todos = load_plan_for_review(new_file, f"b/{name}")
    except KehoachError as exc:
        echo_messages(exc.problems)
        click.echo(f"{name}: kế hoạch chưa hợp lệ, không so sánh theo mã được.", err=True)
        return
    click.echo(render_text(diff_plans(old, new, f"a/{name}", f"b/{name}", old_todos, new_todos)), nl=False)


@click.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]", short_help="Xuất lược đồ cho trình soạn thảo (gợi ý, giải thích các khóa).")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path),
              help="Ghi vào tệp này (mặc định: in ra màn hình).")
def schema(out: Path | None) -> None:
    """Xuất lược đồ (JSON Schema) của tệp kế hoạch: bản mô tả các khóa hợp lệ, để trình soạn thảo gợi ý,
    giải thích bằng tiếng Việt và gạch đỏ chỗ sai.

    \b
    Ví dụ: kehoach schema -o plans/kehoach.schema.json
    """
    import json

    from generator.plan.schema import plan_schema

    text = json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"
    if out is None:
        click.echo(text, nl=False)
    else:
        _write(out, text)
        click.echo(f"đã ghi {display(out)}", err=True)


def _write(target: Path, text: str, like: Path | None = None, new_only: bool = False) -> None:
    """The whole file or nothing (core/safeio.write_file); a failure is said in Vietnamese, naming the file.
    `new_only` (no --force): never over a file another run made since the command looked."""
    from generator.core.safeio import write_error_vi, write_file

    try:
        write_file(target, text, like, new_only=new_only)
    except OSError as exc:
        click.echo(f"{display(target)}: không ghi được tệp ({write_error_vi(exc)}); tệp cũ (nếu có) giữ nguyên.",
                   err=True)
        sys.exit(1)


COMMANDS = (init, rollover, diff, git_diff, schema)
