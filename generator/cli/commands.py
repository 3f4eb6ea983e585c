"""The `kehoach` command: the group, its table of commands, and the entry into click. The cli is the
only place that prints or exits; every command prints through `generator.cli.printer`.

The commands live by group: validate, build, watch in `build.py`; init, rollover, diff, git-diff, schema
in `plan_files.py`; huong-dan in `guide.py`; check and import below (for now)."""
from __future__ import annotations

import os
import re
import signal
import sys
from dataclasses import replace
from pathlib import Path

import click

from generator.cli import build, guide
from generator.cli.options import CONTEXT
# the names the check and import commands below print with
from generator.cli.printer import shell_word as _shell_word
from generator.cli.printer import display as _display
from generator.cli.printer import echo_messages as _echo_problems
from generator.cli.printer import github_escape, github_property
from generator.core.errors import KehoachError
from generator.core.messages import Message

# Start-up time matters (`--help`, `validate` in editors and CI): modules that only some commands
# need (json, traceback, and above all the .docx/.xlsx libraries behind build) are imported inside
# those commands.


class _Group(click.Group):
    """The group of commands, with those of `plan_files` loaded only when a command is looked for that is
    not already here (or all are listed): `init --indices` takes its help from the index catalogues,
    whose reading (PyYAML, the grammar) `--version`, `check` and `huong-dan` do not need."""

    def _load_plan_files(self) -> None:
        from generator.cli import plan_files

        for command in plan_files.COMMANDS:
            self.add_command(command)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:  # also an unknown name: click's "did you mean" needs them all
            self._load_plan_files()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_plan_files()
        return super().list_commands(ctx)


@click.group(cls=_Group, context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]", subcommand_metavar="LỆNH [ĐỐI_SỐ]...")
@click.version_option(package_name="kehoach", message="kehoach %(version)s", help="In phiên bản và thoát.")
def cli() -> None:
    """kehoach: soạn Kế hoạch (KH-UBND) từ tệp YAML có cấu trúc.

    Từ một tệp kế hoạch, kehoach tạo văn bản .docx đúng thể thức Nghị định 30/2020/NĐ-CP,
    phụ lục dạng bảng (.xlsx) và danh sách Nơi nhận. Hướng dẫn cho người soạn: kehoach huong-dan.

    \b
    Bắt đầu:
      kehoach init --province "Tuyên Quang" --year 2026     (tạo tệp kế hoạch để điền)
      kehoach validate plans/tuyen-quang-papi-2026.yaml      (kiểm tra)
      kehoach build plans/tuyen-quang-papi-2026.yaml --pdf   (tạo văn bản)
    """


for command in (*build.COMMANDS, *guide.COMMANDS):
    cli.add_command(command)


@cli.command("import", context_settings=CONTEXT, options_metavar="[TÙY_CHỌN]",
             short_help="Chuyển Kế hoạch bằng Word thành tệp kế hoạch; --onto đưa sửa đổi của người duyệt về.")
@click.argument("source", type=click.Path(path_type=Path), metavar="TỆP_WORD")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path),
              help="Tệp kế hoạch sẽ tạo (mặc định: cạnh tệp Word, tên viết thường không dấu, ví dụ KH 2025 (bản "
                   "cuối).docx → kh-2025-ban-cuoi.yaml); với --onto: ghi bản "
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

    Với --onto: so văn bản đã duyệt (sửa trong Word hoặc LibreOffice) với bản kế hoạch đã dùng để build
    nó (ghi kèm trong tệp Word), đưa từng sửa đổi vào đúng giá trị trong tệp YAML hiện tại (chỉ các dòng
    đó thay đổi; những gì kế hoạch đã sửa từ khi build được giữ), liệt kê thay đổi được theo dõi và ý kiến
    kèm dòng trong tệp kế hoạch. Tệp kế hoạch bị khóa trong lúc làm. Mã thoát 1 khi còn sửa đổi chưa đưa
    vào được hoặc có xung đột (kế hoạch đã sửa khác đi cùng chỗ người duyệt sửa).

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
    from generator.importer.pipeline import default_output, import_file, parse_indices, write_atomic, write_schema

    target = out or default_output(source)
    if target.exists() and not force:
        click.echo(f"{_display(target)}: tệp đã có; dùng --force để ghi đè hoặc -o để chọn tên khác.", err=True)
        sys.exit(1)
    if target.exists() and target.is_dir():
        click.echo(f"{_display(target)}: là một thư mục; hãy chọn tên tệp .yaml bằng -o.", err=True)
        sys.exit(1)
    _refuse_special_output(target)
    if registry is not None and registry not in registries():
        province = find_province(registry)
        if province is None:
            click.echo(f"--registry: không có danh mục cơ quan '{registry}'; hãy ghi mã hoặc tên tỉnh, thành phố, "
                       "ví dụ quang-nam hoặc 'Quảng Nam'", err=True)
            sys.exit(1)
        registry = province["id"]
    from generator.core.safeio import os_error_vi, write_error_vi

    try:
        outcome = import_file(source, target, registry=registry, indices=parse_indices(indices),
                              display=_display(source))
    except KehoachError as exc:
        _echo_problems(exc.problems)
        click.echo(f"{_display(source)}: không nhập được; không ghi tệp nào.", err=True)
        sys.exit(1)
    except (OSError, MemoryError) as exc:  # while reading: not a write error (it said "không ghi được")
        why = "không đủ bộ nhớ" if isinstance(exc, MemoryError) else os_error_vi(exc)
        click.echo(f"{_display(source)}: không nhập được ({why}); không ghi tệp nào.", err=True)
        sys.exit(1)
    try:
        write_atomic(target, outcome.text, new_only=not force)  # not over a plan another run made meanwhile
        schema_file = write_schema(target, outcome.schema_ref)
    except OSError as exc:
        click.echo(f"{_display(target)}: không ghi được tệp ({write_error_vi(exc)}); tệp cũ (nếu có) giữ nguyên.",
                   err=True)
        sys.exit(1)
    _echo_import_summary(source, target, outcome, schema_file)


def _echo_import_summary(source: Path, target: Path, outcome, schema_file: Path | None = None) -> None:
    from generator.core.text import number
    from decimal import Decimal

    result = outcome.result
    c = result.counts
    seconds = number(Decimal(str(round(outcome.seconds, 1))))
    click.echo(f"đã tạo {_display(target)} từ {_display(source)} ({seconds} giây)"
               + (f" — tệp {source.suffix.lower()} đã được chuyển sang .docx bằng LibreOffice" if outcome.converted else "")
               + (f"; lược đồ cho trình soạn thảo: {_display(schema_file)}" if schema_file else ""))
    areas = f"; {c['areas']} lĩnh vực, chỉ số nội dung có nhiệm vụ" if c.get("areas") else ""
    click.echo(f"  Cấu trúc: {c['sections']} mục, {c['targets']} chỉ tiêu, {c['tasks']} nhiệm vụ, "
               f"{c['responsibilities']} khoản trách nhiệm, {c['agencies']} cơ quan khai báo trong kế hoạch, "
               f"{c['recipients']} dòng Nơi nhận, {c['appendices']} phụ lục{areas}")
    from generator.importer.state import UNREAD

    # what the document clearly holds that was not read: the sentences counted here, the rest (tables
    # with a lead column that gave no tasks, …) by their warnings
    unread = [n for n in result.notes if n.rule == UNREAD]
    if unread:
        parts = [f"{c['unread_targets']} câu ở phần mục tiêu, chỉ tiêu có số nhưng không thành chỉ tiêu"] \
            if c.get("unread_targets") else []
        others = len(unread) - c.get("unread_targets", 0)
        if others > 0:
            parts.append(f"{others} chỗ khác")
        click.echo(f"  Chưa đọc thành cấu trúc (vẫn giữ nguyên văn, xem Cảnh báo): {'; '.join(parts)}")
    if outcome.pages and all(outcome.pages):
        from generator.importer.pages import pages_note

        before, after = outcome.pages
        note = pages_note(before, after)
        click.echo(f"  Số trang: bản gốc {before}, bản kehoach tạo lại {after}" + (f" — {note}" if note else ""))
    groups = [("Đoán", [n for n in result.notes if n.level == "guess"]),
              ("Cảnh báo", [n for n in result.notes if n.level == "warning"]
               + [m for m in outcome.reader_messages if m.level == "warning"]),
              ("Ghi chú", [n for n in result.notes if n.level == "info"]
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
                   f"{'; ...' if len(result.todos) > 5 else ''}), xem: kehoach validate {_shell_word(target)}")
    if outcome.recall is not None:
        share = number(Decimal(str(round(outcome.recall * 100, 1))))
        click.echo(f"  Độ phủ chữ: {share}% số chữ của tệp Word có trong văn bản kehoach tạo lại từ kế hoạch này"
                   + (f" (thiếu, ví dụ: {', '.join(outcome.missing[:12])})" if outcome.missing else "") + ".")
    else:
        click.echo(f"  Chưa tính được độ phủ chữ: kế hoạch chưa dựng lại được văn bản ({outcome.rebuild_error}).")


def _import_onto(source: Path, onto: Path, out: Path | None, reject: bool, fmt: str) -> None:
    from generator.core.lock import plan_lock
    from generator.workflow.review import import_onto, render_json, render_markdown, render_text

    target = out or onto
    _refuse_special_output(target)
    # the plan is held from reading to writing: a second run on it (another reviewer's file) waits its turn
    try:
        with plan_lock(onto, _display(onto)):
            result = import_onto(onto, source, reject=reject, plan_display=_display(onto),
                                 docx_display=_display(source))
            if result.changed or out is not None:
                if target.is_dir():
                    click.echo(f"{_display(target)}: là một thư mục; hãy chọn tên tệp .yaml bằng -o.", err=True)
                    sys.exit(1)
                _write_atomic(target, result.text, like=onto)
    except KehoachError as exc:
        _echo_problems(exc.problems)
        if any(p.level == "error" and p.file == _display(onto) for p in exc.problems):
            # the plan's own errors (a TODO left) are why: said, with what to do (user trial)
            click.echo(f"{_display(source)}: không đưa được vào {_display(onto)} các sửa đổi, vì {_display(onto)} còn "
                       f"lỗi (liệt kê ở trên); không ghi tệp nào. Sửa các lỗi đó trong {_display(onto)} (điền các TODO; "
                       f"'kehoach validate {_display(onto)}' liệt kê lại), rồi chạy lại lệnh này.", err=True)
        else:
            click.echo(f"{_display(source)}: không đưa được vào {_display(onto)}; không ghi tệp nào.", err=True)
        sys.exit(1)
    render = {"text": render_text, "markdown": render_markdown, "json": render_json}[fmt]
    click.echo(render(result), nl=False)
    if fmt == "text":
        click.echo(f"đã ghi {_display(target)}" if result.changed or out is not None
                   else "tệp kế hoạch không cần sửa", err=True)
    sys.exit(1 if result.needs_hand else 0)


def _write_atomic(target: Path, text: str, like: Path | None = None) -> None:
    """Never a half-written plan: a temporary file beside it, then renamed over it (core/safeio.write_file:
    a symlink's target, the old mode, owner, hard links, BOM and line endings of `like` kept)."""
    from generator.core.safeio import write_error_vi, write_file

    try:
        write_file(target, text, like)
    except OSError as exc:
        click.echo(f"{_display(target)}: không ghi được tệp ({write_error_vi(exc)}); tệp cũ giữ nguyên.", err=True)
        sys.exit(1)


def _refuse_special_output(target: Path) -> None:
    """-o naming a directory, a device, a FIFO or a socket: refused before any work."""
    from generator.core.safeio import output_target

    try:
        output_target(target)
    except OSError as exc:
        click.echo(f"{_display(target)}: {getattr(exc, 'reason', exc.strerror)}.", err=True)
        sys.exit(1)


def _echo_findings(display: str, findings: list[Message], fmt: str, mark_fixable: bool = True) -> None:
    from generator.core.messages import LEVEL_WORDS
    from generator.nd30.rules import RULE

    for f in findings:
        # "may": --fix refuses what guards say before trying (those are not marked, `promised`) and gives up
        # a correction that would move the text on the pages, which only its layout shows
        fixable = " [có thể sửa bằng --fix]" if f.detail.fixable and mark_fixable else ""
        # the decree is the only authority a finding cites (its appendices: "PL I §II.4.b")
        ref = f" (Nghị định 30/2020/NĐ-CP, {f.ref})" if f.ref and f.ref.startswith("PL") else ""
        excerpt = f" — “{f.excerpt}”" if f.excerpt else ""
        if fmt == "github":
            text = f"{f.where}: {f.text}{excerpt}{ref}"
            click.echo(f"::{f.level} file={github_property(display)},title={f.rule}::{github_escape(text)}")
        else:
            # the drafter reads the rule's name; its id stays in the JSON and GitHub forms
            rule = RULE.get(f.rule)
            name = rule.name if rule is not None else f.rule
            click.echo(f"{display}: {f.where}: {LEVEL_WORDS[f.level]} [{name}]: {f.text}{excerpt}{ref}{fixable}")


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
    """Kiểm tra thể thức Nghị định 30/2020/NĐ-CP của văn bản Word (.docx, .doc), kể cả văn bản không do kehoach tạo.

    Tên loại văn bản (Kế hoạch, Quyết định, Công văn, Báo cáo, Tờ trình, Thông báo...) được đọc trước và văn
    bản được kiểm tra theo thể thức của loại đó; văn bản không theo Nghị định 30 (bài phát biểu, biểu mẫu,
    văn bản của Đảng, của Đoàn, bản chụp) chỉ được nói rõ là như vậy. Mỗi chỗ sai được báo kèm phần (section), số thứ tự đoạn, trích đoạn và quy định bị vi phạm. Mã thoát 1 khi
    có lỗi (hoặc cảnh báo, với --strict).

    Ví dụ: kehoach check ke-hoach.docx; kehoach check --fix ke-hoach.docx -o ke-hoach-da-sua.docx
    """
    import json

    from generator.nd30.check import check_docx, finding_dict, grouped
    from generator.nd30.fix.guards import promised

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
        identified = result.identified
        if identified is not None and not identified.governed:
            # one plain sentence, no findings: ND30 does not govern this document
            if fmt == "json":
                records.append({"file": display, "rule": "doctype", "severity": "note",
                                "message": _not_governed(identified)})
            elif fmt == "github":
                click.echo(f"::notice file={github_property(display)}::{github_escape(_not_governed(identified))}")
            else:
                click.echo(f"{display}: {_not_governed(identified)}")
            continue
        findings = promised(result.document, result.findings)
        if strict:
            findings = [replace(f, level="error") for f in findings]
        errors = [f for f in findings if f.level == "error"]
        failed = failed or bool(errors)
        totals[0] += len(errors)
        totals[1] += len(findings) - len(errors)
        pending = _pending_review(result.document)
        if fmt == "json":
            records += [{"file": display, **finding_dict(f)} for f in findings]
            records += [{"file": display, "rule": "reader", "severity": "note", "message": m.text, "where": m.where}
                        for m in result.messages]
            records += [{"file": display, "rule": "review", "severity": "note", "message": pending}] if pending else []
            continue
        _echo_findings(display, findings if show_all else grouped(findings), fmt)
        if fmt == "github" and pending:
            click.echo(f"::notice file={github_property(display)}::{github_escape(pending)}")
        if fmt == "text":
            if pending:
                click.echo(f"{display}: văn bản: ghi chú: {pending}", err=True)
            for m in result.messages:
                click.echo(f"{display}: {m.where or 'văn bản'}: ghi chú: {m.text}", err=True)
            fixable = sum(1 for f in findings if f.detail.fixable)
            summary = (f"{display}: {len(errors)} lỗi, {len(findings) - len(errors)} cảnh báo theo Nghị định 30/2020/NĐ-CP"
                       + (f"; {fixable} chỗ có thể sửa tự động: kehoach check --fix {_shell_word(path)} -o "
                          f"{_shell_word(path.with_name(path.stem + '-da-sua.docx'))}" if fixable else ""))
            click.echo(summary if findings else f"{display}: đúng thể thức, không thấy lỗi.")
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "text" and len(files) > 1:
        click.echo(f"{len(files)} tệp: {totals[0]} lỗi, {totals[1]} cảnh báo.")
    sys.exit(1 if failed else 0)


def _pending_review(doc) -> str:
    """What a reviewer left in the document: tracked changes not yet accepted or rejected, and comments. The
    check judges the text with every change accepted; Word shows and prints the markup, and a document sent
    out with it shows its drafts' history. '' when there is none."""
    parts = [f"{len(doc.changes)} thay đổi được theo dõi (Track Changes) chưa nhận hoặc từ chối" if doc.changes else "",
             f"{len(doc.comments)} ý kiến (comment)" if doc.comments else ""]
    said = " và ".join(p for p in parts if p)
    return (f"văn bản còn {said}; thể thức được kiểm tra trên văn bản đã nhận mọi thay đổi: hãy xử lý hết "
            "(Review › Accept/Reject, Delete Comment) trước khi ban hành") if said else ""


def _not_governed(identified) -> str:
    """One sentence for a document ND30 does not govern: what it is, and that it is not checked."""
    return f"không kiểm tra thể thức: đây là {identified.sentence()}."


def _check_fix(files: tuple[Path, ...], out: Path | None, fmt: str) -> None:
    import json

    from generator.nd30.check import finding_dict, grouped
    from generator.nd30.fix import fix_docx

    if len(files) != 1 or out is None:
        # one file: the command to type for it, as `check` suggests it
        source, target = (("VAN_BAN.docx", "DA_SUA.docx") if len(files) != 1 else
                          (_shell_word(files[0]), _shell_word(files[0].with_name(files[0].stem + "-da-sua.docx"))))
        click.echo(f"--fix sửa một tệp mỗi lần và cần tệp kết quả: kehoach check --fix {source} -o {target}", err=True)
        sys.exit(2)
    source = files[0]
    _refuse_special_output(out)
    try:  # one read and one check of the source (a check of its own before it doubled the work, issue 22)
        report = fix_docx(source, out)
    except KehoachError as exc:
        _echo_problems(exc.problems)
        click.echo(f"{_display(source)}: không sửa được; tệp gốc giữ nguyên.", err=True)
        sys.exit(1)
    identified = report.identified
    if identified is not None and not identified.governed:
        # nothing to fix by a decree that does not govern it: no file is written
        click.echo(f"{_display(source)}: {_not_governed(identified)} Không sửa, không ghi tệp "
                   f"{_display(out)}.")
        sys.exit(0)
    display = _display(out)
    if report.untouched:
        if fmt == "json":
            click.echo(json.dumps({"file": _display(source), "out": None, "untouched": report.untouched},
                                  ensure_ascii=False, indent=2))
        else:
            click.echo(f"{_display(source)}: {report.untouched}; --fix không sửa gì và không ghi {display}.")
        sys.exit(0)
    # the drafter reads the rule's name; its id stays in the JSON form, as for `check`
    refused = refused_lines(report.refused, named=fmt != "json")
    if fmt == "json":
        click.echo(json.dumps({"file": _display(source), "out": display, "changed": [str(m) for m in report.changed],
                               "refused": refused, "left": [finding_dict(f) for f in report.left],
                               "words_kept": report.words_kept, "converted": report.converted},
                              ensure_ascii=False, indent=2))
    else:
        converted = f" (tệp {source.suffix.lower()} đã được chuyển sang .docx bằng LibreOffice)" if report.converted else ""
        click.echo(f"đã ghi {display}{converted} ({len(report.changed)} chỗ đã sửa; mọi chữ và kiểu chữ khác giữ "
                   f"nguyên, đã đối chiếu từng đoạn: {report.words_kept} từ):")
        for line in report.changed:
            click.echo(f"  đã sửa: {line}")
        for line in refused:
            click.echo(f"  không tự sửa: {line}")
        if report.left:
            click.echo(f"còn {len(report.left)} chỗ cần người soạn sửa trong Word:")
            # what is left is for a person, even where --fix could not apply its correction safely
            _echo_findings(display, grouped(report.left), "text" if fmt == "text" else fmt, mark_fixable=False)
    sys.exit(1 if any(f.level == "error" for f in report.left) else 0)


def refused_lines(refused: list[Message], named: bool = True) -> list[str]:
    """A correction --fix left for a person, one line each, its rule named as `check` names it (`named`) or by
    its id."""
    from generator.nd30.rules import RULE

    lines = [(f"{m.where}: " if m.where else "") + f"[{RULE[m.rule].name if named and m.rule in RULE else m.rule}] "
             f"{m.text}" + (f" — “{m.excerpt}”" if m.excerpt else "") for m in refused]
    if not named:
        return lines
    # the same refusal in several parts is said once, naming them ("phần 2–6: …", BC01's margins, user trial)
    parts: dict[tuple, list[int]] = {}
    for m in refused:
        if (part := _PART.match(m.where or "")) is not None:
            parts.setdefault((m.rule, m.text, m.excerpt), []).append(int(part[1]))
    out, said = [], set()
    for m, line in zip(refused, lines):
        if _PART.match(m.where or "") is None:
            out.append(line)
        elif (key := (m.rule, m.text, m.excerpt)) not in said:
            said.add(key)
            out.append(f"phần {_runs(parts[key])}{line[len(m.where):]}")
    return out


_PART = re.compile(r"^phần (\d+)$")


def _runs(numbers: list[int]) -> str:
    """'2–4, 6' of [2, 3, 4, 6]: the parts in runs."""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _stop(signum, frame) -> None:
    # unwinds like Ctrl+C, so LibreOffice is stopped and no staging folder or profile is left behind
    click.echo("đã dừng.", err=True)
    raise SystemExit(128 + signum)


# the cyclic collector's first threshold (Python's default: 700 allocations): reading a Word file makes ~10 objects a
# run and a paragraph that all live to the end, and each collection walked them again (check at the budget: 0.26 s
# of 2.1 s; --fix 0.7 s; import of 3,000 tables 1.6 s); at 10,000 that work is a fifth and the peak is the same
# (import of 3,000 tables: 326 → 344 MB) (issue 22)
GC_FIRST_THRESHOLD = 10_000


def main() -> None:
    import gc

    gc.set_threshold(GC_FIRST_THRESHOLD, *gc.get_threshold()[1:])
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    try:
        cli.main(prog_name="kehoach", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("đã dừng.", err=True)
        sys.exit(130)
    except MemoryError:
        click.echo("không đủ bộ nhớ để xử lý tệp này; hãy đóng bớt chương trình khác hoặc chia nhỏ tệp rồi chạy lại.",
                   err=True)
        sys.exit(1)
    except OSError as exc:  # a system error no step turned into a message: still said in Vietnamese
        from generator.core.safeio import write_error_vi

        if os.environ.get("KEHOACH_DEBUG"):
            import traceback

            traceback.print_exc()
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"{where}lỗi hệ thống: {write_error_vi(exc)}.", err=True)
        sys.exit(1)
    except Exception as exc:  # last resort: a drafter must never see a traceback
        if os.environ.get("KEHOACH_DEBUG"):
            import traceback

            traceback.print_exc()
        click.echo(f"lỗi không mong đợi: {type(exc).__name__}: {exc}. Hãy gửi tệp kế hoạch cho nhóm phát "
                   "triển (đặt KEHOACH_DEBUG=1 để xem chi tiết).", err=True)
        sys.exit(3)
