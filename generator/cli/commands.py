"""The `kehoach` command: the only place that prints or exits."""
from __future__ import annotations

import os
import signal
import sys
from dataclasses import replace
from pathlib import Path

import click

from generator.cli import vi as cli_vi
from generator.core.errors import KehoachError, located, located_dict, located_text
from generator.core.messages import Message

# Start-up time matters (`--help`, `validate` in editors and CI): modules that only some commands
# need (json, traceback, and above all the .docx/.xlsx libraries behind build) are imported inside
# those commands.
cli_vi.install()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
MB = 1024 * 1024  # the loader's default limit is 20 MB; importing it here would slow `--help`

max_size_option = click.option(
    "--max-size", type=click.IntRange(min=1), metavar="MB",
    help="Giới hạn cỡ tệp kế hoạch, tính bằng MB (mặc định 20, đủ cho khoảng 10.000 nhiệm vụ).")


def _display(path: Path) -> str:
    """Paths as the drafter typed them; absolute ones inside the working folder made relative."""
    if path.is_absolute():
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)
    return str(path)


def _echo_problems(problems: list[Message], fmt: str = "text") -> None:
    for p in problems:
        if fmt == "github":
            kind = "error" if p.level == "error" else "warning"
            message = f"{p.field}: {p.text}" if p.field else p.text
            message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            click.echo(f"::{kind} file={p.file},line={p.line or 1},col={p.col or 1}::{message}")
        else:
            click.echo(located_text(p), err=True)


@click.group(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]", subcommand_metavar="LỆNH [ĐỐI_SỐ]...")
@click.version_option(package_name="kehoach", message="kehoach %(version)s", help="In phiên bản và thoát.")
def cli() -> None:
    """kehoach: soạn Kế hoạch (KH-UBND) từ tệp YAML có cấu trúc.

    Từ một tệp kế hoạch, kehoach tạo văn bản .docx đúng thể thức Nghị định 30/2020/NĐ-CP,
    phụ lục dạng bảng (.xlsx) và danh sách Nơi nhận. Hướng dẫn cho người soạn: docs/huong-dan.md.

    \b
    Bắt đầu:
      kehoach init --province "Tuyên Quang" --year 2026     (tạo tệp kế hoạch để điền)
      kehoach validate plans/tuyen-quang-papi-2026.yaml      (kiểm tra)
      kehoach build plans/tuyen-quang-papi-2026.yaml --pdf   (tạo văn bản)
    """


@cli.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]")
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
            click.echo(f"[{index + 1}/{total}] {_display(plans[index])}: đang tạo...")
        else:
            click.echo(f"đang xuất PDF cho {index} kế hoạch (một lần chạy LibreOffice)...")

    def report(plan: Path, outcome) -> bool:
        if isinstance(outcome, KehoachError):
            _echo_problems(outcome.problems)
            click.echo(f"{_display(plan)}: không tạo được kết quả.", err=True)
            return False
        _echo_problems(outcome.warnings)
        click.echo(f"{_display(plan)}: đã tạo {_display(outcome.out_dir)}/ "
                   f"({', '.join(p.name for p in outcome.files)}; {outcome.task_rows} dòng phụ lục)")
        return True

    failed = 0
    if pdf and len(plans) > 1:
        # one LibreOffice for all the plans' PDFs; each plan still all or nothing
        outcomes = build_plans(list(plans), out, docx_template=docx_template, xlsx_template=xlsx_template,
                               pdf=True, displays=[_display(p) for p in plans], max_bytes=max_bytes,
                               progress=progress)
        failed = sum(not report(plan, outcome) for plan, outcome in zip(plans, outcomes))
        sys.exit(1 if failed else 0)
    for i, plan in enumerate(plans):
        progress("plan", i, len(plans))
        try:
            outcome = build_plan(plan, out, docx_template=docx_template, xlsx_template=xlsx_template, pdf=pdf,
                                 display=_display(plan), max_bytes=max_bytes)
        except KehoachError as exc:
            outcome = exc
        failed += not report(plan, outcome)
    sys.exit(1 if failed else 0)


@cli.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]", short_help="Tạo lại văn bản mỗi lần tệp kế hoạch được lưu.")
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
                          display=_display(plan))

    paths = [plan, *(p for p in (docx_template, xlsx_template) if p is not None)]
    click.echo(f"đang theo dõi {_display(plan)}: lưu tệp để tạo lại; Ctrl+C để dừng.", err=True)
    ok = True
    for event in watch_plan(paths, rebuild, interval=interval, max_builds=max_builds):
        stamp = event.when.strftime("%H:%M:%S")
        _echo_problems(event.problems)
        ok = event.result is not None
        if ok:
            click.echo(f"[{stamp}] đã tạo {_display(event.result.out_dir)}/ "
                       f"({', '.join(p.name for p in event.result.files)})")
        else:
            errors = sum(p.level == "error" for p in event.problems)
            click.echo(f"[{stamp}] chưa tạo: {errors} lỗi; kết quả lần trước được giữ nguyên.", err=True)
    sys.exit(0 if ok else 1)


@cli.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]")
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
            _, warnings = load_plan(plan, _display(plan), max_bytes=max_size * MB if max_size else None)
            all_problems += warnings
        except KehoachError as exc:
            all_problems += exc.problems
    if strict:
        all_problems = [located(p.file, p.line, p.col, p.field, p.text, "error") for p in all_problems]
    errors = [p for p in all_problems if p.level == "error"]
    if fmt == "json":
        import json

        click.echo(json.dumps([located_dict(p) for p in all_problems], ensure_ascii=False, indent=2))
    else:
        _echo_problems(all_problems, fmt)
        if fmt == "text":
            n_warn = len(all_problems) - len(errors)
            click.echo(f"{len(plans)} kế hoạch: {len(errors)} lỗi, {n_warn} cảnh báo.", err=True)
    sys.exit(1 if errors else 0)


@cli.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]")
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
    from generator.workflow.rollover import default_output, git_commit
    from generator.workflow.rollover import rollover as roll

    try:
        commit = git_commit(plan)
        source = f"kehoach rollover: từ {_display(plan)}" + (f" (commit {commit})" if commit else "")
        result = roll(plan, year, results, provenance=source)
    except KehoachError as exc:
        _echo_problems(exc.problems)
        sys.exit(1)
    target = out or default_output(plan, result.old_year, result.new_year)
    if target.exists() and not force:
        click.echo(f"{_display(target)}: tệp đã có; dùng --force để ghi đè hoặc -o để chọn tên khác.", err=True)
        sys.exit(1)
    target.write_text(result.text, encoding="utf-8")
    click.echo(f"đã tạo {_display(target)} (năm {result.old_year} → {result.new_year}); "
               f"còn {len(result.todos)} chỗ TODO cần điền, xem: kehoach validate {_display(target)}")


@cli.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]", short_help="So sánh hai kế hoạch theo mã (chỉ tiêu, nhiệm vụ, cơ quan, câu chữ).")
@click.argument("old", type=click.Path(path_type=Path), metavar="KẾ_HOẠCH_CŨ")
@click.argument("new", type=click.Path(path_type=Path), metavar="KẾ_HOẠCH_MỚI")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help="Cách trình bày: màn hình, Markdown (bình luận pull request) hoặc JSON.")
@click.option("--exit-code", is_flag=True, help="Thoát với mã 1 khi hai kế hoạch khác nhau (như git diff).")
def diff(old: Path, new: Path, fmt: str, exit_code: bool) -> None:
    """So sánh hai kế hoạch theo mã: chỉ tiêu, nhiệm vụ, cơ quan, Nơi nhận, câu chữ các mục.

    Mã thoát: 0 (hoặc 1 khi khác nhau với --exit-code); 2 khi một kế hoạch không hợp lệ.

    \b
    Ví dụ: kehoach diff plans/tuyen-quang-papi-2026.yaml plans/tuyen-quang-papi-2027.yaml
    """
    from generator.workflow.diff import diff_plans, render_json, render_markdown, render_text
    from generator.plan.validate import load_plan_for_review

    plans, todos = [], []
    for path in (old, new):
        try:
            plan, _, markers = load_plan_for_review(path, _display(path))
            plans.append(plan)
            todos.append(markers)
        except KehoachError as exc:
            _echo_problems(exc.problems)
            click.echo(f"{_display(path)}: không so sánh được kế hoạch chưa hợp lệ.", err=True)
            sys.exit(2)
    result = diff_plans(plans[0], plans[1], _display(old), _display(new), *todos)
    render = {"text": render_text, "markdown": render_markdown, "json": render_json}[fmt]
    click.echo(render(result), nl=False)
    sys.exit(1 if exit_code and result.differ else 0)


@cli.command("import", context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]")
@click.argument("source", type=click.Path(path_type=Path), metavar="TỆP_WORD")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path),
              help="Tệp kế hoạch sẽ tạo (mặc định: cạnh tệp Word, cùng tên, đuôi .yaml); với --onto: ghi bản "
                   "đã sửa ra tệp này thay vì sửa tại chỗ.")
@click.option("--registry", "registry", help="Danh mục cơ quan của tỉnh, ví dụ quang-nam (mặc định: đoán theo "
                                             "địa danh).")
@click.option("--indices", "indices", help="Danh mục chỉ số và phiên bản, ví dụ papi=2018,par=qd2948-2017 "
                                           "(mặc định: đoán theo văn bản).")
@click.option("--force", is_flag=True, help="Cho phép ghi đè tệp đã có.")
@click.option("--onto", "onto", type=click.Path(path_type=Path), metavar="TỆP_KẾ_HOẠCH",
              help="TỆP_WORD là văn bản kehoach đã tạo từ tệp kế hoạch này rồi được duyệt (sửa, theo dõi thay "
                   "đổi, ý kiến): đưa các sửa đổi vào tệp kế hoạch, sửa tại chỗ (-o: ghi ra tệp khác).")
@click.option("--reject", is_flag=True, help="Với --onto: từ chối các thay đổi được theo dõi (giữ chữ cũ).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help="Với --onto: báo cáo trên màn hình, Markdown (bình luận pull request) "
                                      "hoặc JSON.")
def import_(source: Path, out: Path | None, registry: str | None, indices: str | None, force: bool,
            onto: Path | None, reject: bool, fmt: str) -> None:
    """Chuyển một Kế hoạch bằng Word (.docx, hoặc .doc qua LibreOffice) thành tệp kế hoạch YAML.

    In ra những gì đã đọc được, mọi chỗ phải đoán, các ý kiến (comment) trong tệp Word và độ phủ chữ:
    tỷ lệ chữ của tệp Word có trong văn bản kehoach tạo lại từ kế hoạch vừa nhập. Chỗ chưa quyết định
    được ghi là TODO; 'kehoach validate' báo lỗi cho đến khi điền xong.

    Với --onto: so văn bản đã duyệt (sửa trong Word hoặc LibreOffice) với văn bản tệp kế hoạch tạo ra,
    đưa từng sửa đổi vào đúng giá trị trong tệp YAML (chỉ các dòng đó thay đổi), liệt kê thay đổi được
    theo dõi và ý kiến kèm dòng trong tệp kế hoạch. Mã thoát 1 khi còn sửa đổi chưa đưa vào được.

    \b
    Ví dụ: kehoach import KH-4055-2020.docx -o plans/quang-nam-papi-2020.yaml
           kehoach import --onto plans/quang-nam-papi-2020.yaml ban-duyet.docx --format markdown
    """
    if onto is not None:
        if registry or indices or force:
            click.echo("--registry, --indices, --force chỉ dùng khi tạo tệp kế hoạch mới (không có --onto).",
                       err=True)
            sys.exit(2)
        _import_onto(source, onto, out, reject, fmt)
        return
    if reject or fmt != "text":
        click.echo("--reject và --format chỉ dùng cùng --onto.", err=True)
        sys.exit(2)
    from generator.plan.agencies import find_province, registries
    from generator.importer.pipeline import default_output, import_file, parse_indices, write_atomic

    target = out or default_output(source)
    if target.exists() and not force:
        click.echo(f"{_display(target)}: tệp đã có; dùng --force để ghi đè hoặc -o để chọn tên khác.", err=True)
        sys.exit(1)
    if target.exists() and target.is_dir():
        click.echo(f"{_display(target)}: là một thư mục; hãy chọn tên tệp .yaml bằng -o.", err=True)
        sys.exit(1)
    if registry is not None and registry not in registries():
        province = find_province(registry)
        if province is None:
            click.echo(f"--registry: không có danh mục cơ quan '{registry}'; hãy ghi mã hoặc tên tỉnh, thành phố, "
                       "ví dụ quang-nam hoặc 'Quảng Nam'", err=True)
            sys.exit(1)
        registry = province["id"]
    try:
        outcome = import_file(source, target, registry=registry, indices=parse_indices(indices),
                              display=_display(source))
        write_atomic(target, outcome.text)
    except KehoachError as exc:
        _echo_problems(exc.problems)
        click.echo(f"{_display(source)}: không nhập được; không ghi tệp nào.", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"{_display(target)}: không ghi được tệp ({exc.strerror or exc}); không ghi tệp nào.", err=True)
        sys.exit(1)
    _echo_import_summary(source, target, outcome)


def _echo_import_summary(source: Path, target: Path, outcome) -> None:
    from generator.core.text import number
    from decimal import Decimal

    result = outcome.result
    c = result.counts
    seconds = number(Decimal(str(round(outcome.seconds, 1))))
    click.echo(f"đã tạo {_display(target)} từ {_display(source)} ({seconds} giây)"
               + (" — tệp .doc đã được chuyển sang .docx bằng LibreOffice" if outcome.converted else ""))
    click.echo(f"  {c['sections']} mục, {c['targets']} chỉ tiêu, {c['tasks']} nhiệm vụ, "
               f"{c['responsibilities']} khoản trách nhiệm, {c['agencies']} cơ quan khai báo trong kế hoạch, "
               f"{c['recipients']} dòng Nơi nhận, {c['appendices']} phụ lục")
    groups = [("Đoán", [n for n in result.notes if n.kind == "guess"]),
              ("Cảnh báo", [n for n in result.notes if n.kind == "warning"]
               + [m for m in outcome.reader_messages if m.level == "warning"]),
              ("Ghi chú", [n for n in result.notes if n.kind == "info"]
               + [m for m in outcome.reader_messages if m.level != "warning"])]
    for title, items in groups:
        if items:
            click.echo(f"  {title} ({len(items)}):")
            for item in items:
                click.echo(f"    - {item}")
    if result.word_comments:
        click.echo(f"  Ý kiến (comment) trong tệp Word ({len(result.word_comments)}), đã chép vào đầu tệp kế hoạch:")
        for comment in result.word_comments:
            click.echo(f"    - {comment}")
    if result.todos:
        click.echo(f"  Còn {len(result.todos)} chỗ TODO cần điền ({'; '.join(result.todos[:5])}"
                   f"{'; ...' if len(result.todos) > 5 else ''}), xem: kehoach validate {_display(target)}")
    if outcome.recall is not None:
        share = number(Decimal(str(round(outcome.recall * 100, 1))))
        click.echo(f"  Độ phủ chữ: {share}% số chữ của tệp Word có trong văn bản kehoach tạo lại từ kế hoạch này"
                   + (f" (thiếu, ví dụ: {', '.join(outcome.missing[:12])})" if outcome.missing else "") + ".")
    else:
        click.echo(f"  Chưa tính được độ phủ chữ: kế hoạch chưa dựng lại được văn bản ({outcome.rebuild_error}).")


@cli.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]", short_help="Tạo tệp kế hoạch mới để điền, cho một tỉnh, thành phố.")
@click.option("--province", "province", required=True, metavar="TÊN",
              help="Tỉnh, thành phố (34 đơn vị từ năm 2025; tên trước năm 2025 cũng được), ví dụ 'Tuyên Quang'.")
@click.option("--year", "year", type=int, help="Năm của kế hoạch (mặc định: năm nay).")
@click.option("--indices", "indices", default="papi", show_default=True, metavar="CHỈ_SỐ,...",
              help="Các chỉ số, cách nhau bằng dấu phẩy: papi, par (PAR Index), sipas, pci.")
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
        _echo_problems(exc.problems)
        sys.exit(1)
    target = out or Path("plans") / f"{starter.file_stem}.yaml"
    if target.exists() and not force:
        click.echo(f"{_display(target)}: tệp đã có; dùng --force để ghi đè hoặc -o để chọn tên khác.", err=True)
        sys.exit(1)
    place = starter.province
    if "merged_into" in place and year > place["until"]:
        new = find_province(place["merged_into"])
        click.echo(f"lưu ý: {place['name']} đã nhập vào {new['kind']} {new['name']} từ năm {place['until']}; kế hoạch "
                   f"năm {year} thường dùng --province \"{new['name']}\".", err=True)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(starter.text, encoding="utf-8")
        schema_file = target.parent / "kehoach.schema.json"
        wrote_schema = schema_ref == "kehoach.schema.json" and not schema_file.exists()
        if wrote_schema:
            schema_file.write_text(json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        click.echo(f"{_display(target)}: không ghi được tệp ({exc.strerror or exc}).", err=True)
        sys.exit(1)
    click.echo(f"đã tạo {_display(target)}" + (f" và {_display(schema_file)}" if wrote_schema else "")
               + f"; còn {starter.todos} chỗ TODO cần điền.")
    click.echo(f"Tiếp theo: mở tệp, điền các chỗ TODO (hướng dẫn: docs/huong-dan.md), rồi chạy\n"
               f"  kehoach validate {_display(target)}\n  kehoach build {_display(target)} --pdf")


def _import_onto(source: Path, onto: Path, out: Path | None, reject: bool, fmt: str) -> None:
    from generator.workflow.onto import import_onto, render_json, render_markdown, render_text

    try:
        result = import_onto(onto, source, reject=reject, plan_display=_display(onto),
                             docx_display=_display(source))
    except KehoachError as exc:
        _echo_problems(exc.problems)
        click.echo(f"{_display(source)}: không đưa được vào {_display(onto)}; không ghi tệp nào.", err=True)
        sys.exit(1)
    target = out or onto
    if result.changed or out is not None:
        if target.is_dir():
            click.echo(f"{_display(target)}: là một thư mục; hãy chọn tên tệp .yaml bằng -o.", err=True)
            sys.exit(1)
        _write_atomic(target, result.text)
    render = {"text": render_text, "markdown": render_markdown, "json": render_json}[fmt]
    click.echo(render(result), nl=False)
    if fmt == "text":
        click.echo(f"đã ghi {_display(target)}" if result.changed or out is not None
                   else "tệp kế hoạch không cần sửa", err=True)
    sys.exit(1 if result.unapplied else 0)


def _write_atomic(target: Path, text: str) -> None:
    """Never a half-written plan: a temporary file beside it, then renamed over it."""
    from generator.importer.pipeline import write_atomic

    try:
        write_atomic(target, text)
    except OSError as exc:
        click.echo(f"{_display(target)}: không ghi được tệp ({exc.strerror or exc}); tệp cũ giữ nguyên.", err=True)
        sys.exit(1)


@cli.command("git-diff", hidden=True, context_settings=CONTEXT)
@click.argument("args", nargs=-1)
def git_diff(args: tuple[str, ...]) -> None:
    """Trình so sánh cho git (diff.kehoach.command): nhận 7 đối số của git, in bản so sánh theo mã."""
    from generator.workflow.diff import diff_plans, render_text
    from generator.plan.validate import load_plan_for_review

    if len(args) != 7:
        click.echo("git-diff: cần đúng 7 đối số do git truyền vào (xem docs/review-workflow.md).", err=True)
        sys.exit(2)
    name, old_file, new_file = args[0], Path(args[1]), Path(args[4])
    if str(old_file) == "/dev/null" or str(new_file) == "/dev/null":
        click.echo(f"{name}: {'tệp mới' if str(old_file) == '/dev/null' else 'tệp bị xóa'}")
        return
    try:
        old, _, old_todos = load_plan_for_review(old_file, f"a/{name}")
        new, _, new_todos = load_plan_for_review(new_file, f"b/{name}")
    except KehoachError as exc:
        _echo_problems(exc.problems)
        click.echo(f"{name}: kế hoạch chưa hợp lệ, không so sánh theo mã được.", err=True)
        return
    click.echo(render_text(diff_plans(old, new, f"a/{name}", f"b/{name}", old_todos, new_todos)), nl=False)


def _echo_findings(display: str, findings: list[Message], fmt: str, mark_fixable: bool = True) -> None:
    from generator.core.messages import LEVEL_WORDS

    for f in findings:
        fixable = " [sửa được bằng --fix]" if f.detail.fixable and mark_fixable else ""
        ref = f" (NĐ 30/2020, {f.ref})" if f.ref.startswith("PL") else (f" ({f.ref})" if f.ref else "")
        excerpt = f" — “{f.excerpt}”" if f.excerpt else ""
        if fmt == "github":
            text = f"{f.where}: {f.text}{excerpt}{ref}"
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            click.echo(f"::{f.level} file={display},title={f.rule}::{text}")
        else:
            click.echo(f"{display}: {f.where}: {LEVEL_WORDS[f.level]} [{f.rule}]: {f.text}{excerpt}{ref}{fixable}")


@cli.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]",
             short_help="Kiểm tra thể thức Nghị định 30 của văn bản Word; --fix sửa lỗi sửa được.")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="TỆP_WORD...")
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="Cách trình bày: văn bản, JSON, hoặc chú thích GitHub (::error file=...).")
@click.option("--fix", "fix", is_flag=True, help="Sửa những lỗi sửa được mà không cần người quyết định (cần -o).")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path), metavar="TỆP", help="Tệp .docx đã sửa (với --fix).")
@click.option("--all", "show_all", is_flag=True, help="Liệt kê mọi chỗ sai (mặc định gộp khi một lỗi lặp lại nhiều lần).")
def check(files: tuple[Path, ...], strict: bool, fmt: str, fix: bool, out: Path | None, show_all: bool) -> None:
    """Kiểm tra thể thức Nghị định 30/2020/NĐ-CP của văn bản Word (Kế hoạch), kể cả văn bản không do kehoach tạo.

    Mỗi chỗ sai được báo kèm phần (section), số thứ tự đoạn, trích đoạn và quy định bị vi phạm. Mã thoát 1 khi
    có lỗi (hoặc cảnh báo, với --strict).

    Ví dụ: kehoach check ke-hoach.docx; kehoach check --fix ke-hoach.docx -o ke-hoach-da-sua.docx
    """
    import json

    from generator.nd30.check import check_docx, finding_dict, grouped

    if fix:
        _check_fix(files, out, fmt)
        return
    if out is not None:
        click.echo("-o chỉ dùng cùng --fix.", err=True)
        sys.exit(2)
    failed = False
    records = []
    totals = [0, 0]
    for path in files:
        display = _display(path)
        try:
            result = check_docx(path)
        except KehoachError as exc:
            failed = True
            if fmt == "json":
                records += [{"file": display, "rule": "file", "severity": "error", "message": p.text}
                            for p in exc.problems]
            else:
                _echo_problems(exc.problems, fmt)
            continue
        findings = result.findings
        if strict:
            findings = [replace(f, level="error") for f in findings]
        errors = [f for f in findings if f.level == "error"]
        failed = failed or bool(errors)
        totals[0] += len(errors)
        totals[1] += len(findings) - len(errors)
        if fmt == "json":
            records += [{"file": display, **finding_dict(f)} for f in findings]
            records += [{"file": display, "rule": "reader", "severity": "note", "message": m.text, "where": m.where}
                        for m in result.messages]
            continue
        _echo_findings(display, findings if show_all else grouped(findings), fmt)
        if fmt == "text":
            for m in result.messages:
                click.echo(f"{display}: {m.where or 'văn bản'}: ghi chú: {m.text}", err=True)
            fixable = sum(1 for f in findings if f.detail.fixable)
            summary = (f"{display}: {len(errors)} lỗi, {len(findings) - len(errors)} cảnh báo theo Nghị định 30/2020/NĐ-CP"
                       + (f"; {fixable} chỗ sửa tự động được: kehoach check --fix {display} -o "
                          f"{_display(path.with_name(path.stem + '-da-sua.docx'))}" if fixable else ""))
            click.echo(summary if findings else f"{display}: đúng thể thức, không thấy lỗi.")
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "text" and len(files) > 1:
        click.echo(f"{len(files)} tệp: {totals[0]} lỗi, {totals[1]} cảnh báo.")
    sys.exit(1 if failed else 0)


def _check_fix(files: tuple[Path, ...], out: Path | None, fmt: str) -> None:
    import json

    from generator.nd30.check import finding_dict, grouped
    from generator.nd30.fix import fix_docx

    if len(files) != 1 or out is None:
        click.echo("--fix sửa một tệp mỗi lần và cần tệp kết quả: kehoach check --fix VAN_BAN.docx -o DA_SUA.docx",
                   err=True)
        sys.exit(2)
    source = files[0]
    try:
        report = fix_docx(source, out)
    except KehoachError as exc:
        _echo_problems(exc.problems)
        click.echo(f"{_display(source)}: không sửa được; tệp gốc giữ nguyên.", err=True)
        sys.exit(1)
    display = _display(out)
    if fmt == "json":
        click.echo(json.dumps({"file": _display(source), "out": display, "changed": [str(m) for m in report.changed],
                               "left": [finding_dict(f) for f in report.left],
                               "words_kept": report.words_kept}, ensure_ascii=False, indent=2))
    else:
        click.echo(f"đã ghi {display} ({len(report.changed)} chỗ đã sửa; nội dung chữ giữ nguyên: "
                   f"{report.words_kept} từ):")
        for line in report.changed:
            click.echo(f"  đã sửa: {line}")
        if report.left:
            click.echo(f"còn {len(report.left)} chỗ cần người soạn sửa trong Word:")
            # what is left is for a person, even where --fix could not apply its correction safely
            _echo_findings(display, grouped(report.left), "text" if fmt == "text" else fmt, mark_fixable=False)
    sys.exit(1 if any(f.level == "error" for f in report.left) else 0)


@cli.command(context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]", short_help="Xuất lược đồ cho trình soạn thảo (gợi ý, giải thích các khóa).")
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
        out.write_text(text, encoding="utf-8")
        click.echo(f"đã ghi {_display(out)}", err=True)


def _stop(signum, frame) -> None:
    # unwinds like Ctrl+C, so LibreOffice is stopped and no staging folder or profile is left behind
    click.echo("đã dừng.", err=True)
    raise SystemExit(128 + signum)


def main() -> None:
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    try:
        cli.main(prog_name="kehoach", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("đã dừng.", err=True)
        sys.exit(130)
    except Exception as exc:  # last resort: a drafter must never see a traceback
        if os.environ.get("KEHOACH_DEBUG"):
            import traceback

            traceback.print_exc()
        click.echo(f"lỗi không mong đợi: {type(exc).__name__}: {exc}. Hãy gửi tệp kế hoạch cho nhóm phát "
                   "triển (đặt KEHOACH_DEBUG=1 để xem chi tiết).", err=True)
        sys.exit(3)
