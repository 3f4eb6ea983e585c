"""The command as a drafter runs it: Vietnamese messages, exit codes, never a traceback."""
import contextlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.cli import entry
from generator.cli.commands import cli
from tests.conftest import PLANS, ROOT, SAMPLE
from tests.test_validate import line_of


def run_process(*args, cwd=ROOT):
    """`kehoach ARGS` in a fresh Python, as a drafter runs it."""
    done = subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300)
    assert "Traceback" not in done.stderr + done.stdout
    return done


def run(*args, cwd=ROOT):
    """`kehoach ARGS` through the same entry point (its catch-all, its exit codes, its signal handlers),
    in this process: a fresh Python per call costs ~0.4 s of imports. The output is what the process
    would print on its standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    saved_cwd, saved_argv = os.getcwd(), sys.argv
    handlers = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    code = 0
    try:
        os.chdir(cwd)
        sys.argv = ["kehoach", *map(str, args)]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                entry.main()
            except SystemExit as exc:
                if isinstance(exc.code, str):
                    print(exc.code, file=sys.stderr)
                code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    finally:
        os.chdir(saved_cwd)
        sys.argv = saved_argv
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    done = subprocess.CompletedProcess(["kehoach", *map(str, args)], code, out.getvalue(), err.getvalue())
    assert "Traceback" not in done.stderr + done.stdout
    return done


def test_validate_seed_plans_clean():
    done = run_process("validate", *PLANS)
    assert done.returncode == 0
    assert f"{len(PLANS)} kế hoạch: 0 lỗi" in done.stderr


def test_validate_reports_file_line_field(plan_copy):
    path = plan_copy(lambda t: t.replace("  place: Quảng Nam", "  plac: Quảng Nam"))
    done = run("validate", path)
    assert done.returncode == 1
    line = line_of(path, "plac:")
    assert f"{path}:{line}:3: lỗi: issuer.plac: khóa 'plac' không có trong lược đồ; có phải ý bạn là 'place'?" \
        in done.stderr


def test_strict_turns_warnings_into_errors(plan_copy):
    path = plan_copy(lambda t: t.replace("    target: 5.7", "    target: 5.1"))
    assert run("validate", path).returncode == 0
    assert run("validate", "--strict", path).returncode == 1


def test_validate_ends_with_the_errors_and_the_warnings_counted_apart(plan_copy):
    """One plan with one warning, one with one error: "2 kế hoạch: 1 lỗi, 1 cảnh báo." (fresh mutants, batch 10:
    the errors were counted among the warnings too)."""
    warned = plan_copy(lambda t: t.replace("    target: 5.7", "    target: 5.1"), name="warned.yaml")
    wrong = plan_copy(lambda t: t.replace("  place: Quảng Nam", "  plac: Quảng Nam"), name="wrong.yaml")
    done = run("validate", warned, wrong)
    assert done.returncode == 1
    assert done.stderr.count(": lỗi: ") == 1 and done.stderr.count(": cảnh báo: ") == 1
    assert done.stderr.splitlines()[-1] == "2 kế hoạch: 1 lỗi, 1 cảnh báo."


def test_json_and_github_formats(plan_copy):
    path = plan_copy(lambda t: t.replace("year: 2021", "year: x"))
    data = json.loads(run("validate", "--format", "json", path).stdout)
    assert data[0]["path"] == "year" and data[0]["line"] == 5 and data[0]["severity"] == "error"
    github = run("validate", "--format", "github", path).stdout
    assert github.startswith(f"::error file={path},line=5,col=7::year: ")


def test_build_writes_outputs(tmp_path):
    done = run("build", SAMPLE, "-o", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "đã tạo" in done.stdout and "11 dòng phụ lục" in done.stdout
    assert (tmp_path / "sample" / "sample.docx").is_file()


def test_build_bad_plan_exit_1_and_no_output(tmp_path, plan_copy):
    path = plan_copy(lambda t: t.replace("closing:", "closin:"))
    done = run("build", path, "-o", tmp_path / "out")
    assert done.returncode == 1
    assert "không tạo được kết quả" in done.stderr and "có phải ý bạn là 'closing'" in done.stderr
    assert not (tmp_path / "out" / "plan").exists()


@pytest.mark.parametrize("bad_first", [True, False])
def test_build_of_several_plans_exits_1_when_any_failed(tmp_path, plan_copy, bad_first):
    """build a.yaml b.yaml: the good plan is built, the bad one reported, and the exit status says one failed,
    whichever came last."""
    bad = plan_copy(lambda t: t.replace("closing:", "closin:"), name="hong.yaml")
    plans = [bad, SAMPLE] if bad_first else [SAMPLE, bad]
    done = run("build", *plans, "-o", tmp_path / "out")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "không tạo được kết quả" in done.stderr and ": đã tạo " in done.stdout
    assert (tmp_path / "out" / "sample" / "sample.docx").is_file()


def test_usage_errors_in_vietnamese():
    done = run("bild")
    assert done.returncode == 2 and "Không có lệnh 'bild'" in done.stderr and "'build'" in done.stderr
    done = run("build")
    assert done.returncode == 2 and "Thiếu đối số" in done.stderr
    assert "Cách dùng:" in run("--help").stdout


def test_hostile_inputs_give_messages_not_tracebacks(tmp_path):
    cases = {
        "empty.yaml": b"", "binary.yaml": bytes(range(256)), "latin1.yaml": b"title: K\xea ho\xe1ch\n",
        "list.yaml": b"- a\n- b\n", "deep.yaml": b"a: " + b"[" * 3000 + b"]" * 3000 + b"\n",
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
    done = run("validate", *(tmp_path / n for n in cases), Path(tmp_path / "missing.yaml"))
    assert done.returncode == 1
    for name in [*cases, "missing.yaml"]:
        assert str(tmp_path / name) in done.stderr, name


def test_schema_command_outputs_json_schema(tmp_path):
    out = tmp_path / "schema.json"
    assert run("schema", "-o", out).returncode == 0
    schema = json.loads(out.read_text(encoding="utf-8"))
    assert schema["type"] == "object" and "sections" in schema["properties"]


# ---------------------------------------------------------------- kehoach check


def test_check_own_build_is_clean_and_broken_file_exits_1(built, tmp_path):
    from tests.word.test_check import MUTATIONS, Doc

    good = next(f for f in built["sample"].files if f.suffix == ".docx")
    done = run("check", good)
    assert done.returncode == 0 and "đúng thể thức, không thấy lỗi" in done.stdout
    doc = Doc(good)
    MUTATIONS["date.form"][0](doc)
    MUTATIONS["body.spacing"][0](doc)
    bad = doc.save(tmp_path / "ke hoach.docx")
    done = run("check", bad)
    assert done.returncode == 1
    # the rule by its name (its id is for JSON and GitHub), the decree cited, never a project file
    assert (f"{bad}: phần 1, đoạn 7: lỗi [ngày tháng đầy đủ, thêm số 0 đúng chỗ]: Ngày tháng: tháng 3 không "
            "thêm số 0 (viết “3”)") in done.stdout
    assert "(Nghị định 30/2020/NĐ-CP, PL I §II.4.b) [có thể sửa bằng --fix]" in done.stdout
    assert "[date.form]" not in done.stdout and ".md" not in done.stdout
    assert f"{bad}: 1 lỗi, 1 cảnh báo theo Nghị định 30/2020/NĐ-CP; 1 chỗ có thể sửa tự động" in done.stdout


def test_check_of_several_files_ends_with_the_totals_of_errors_and_warnings_apart(built, tmp_path):
    """`check bad.docx good.docx`: the last line adds up the errors and, apart, the warnings (an error is
    not counted again as a warning, fresh mutant f5-check-total-warnings-count-errors)."""
    from tests.word.test_check import MUTATIONS, Doc

    good = next(f for f in built["sample"].files if f.suffix == ".docx")
    doc = Doc(good)
    MUTATIONS["date.form"][0](doc)  # an error
    MUTATIONS["body.spacing"][0](doc)  # a warning
    bad = doc.save(tmp_path / "bad.docx")
    done = run("check", bad, good)
    assert done.returncode == 1
    assert f"{bad}: 1 lỗi, 1 cảnh báo theo Nghị định 30/2020/NĐ-CP" in done.stdout
    assert done.stdout.splitlines()[-1] == "2 tệp: 1 lỗi, 1 cảnh báo."


def test_check_formats_and_strict(built, tmp_path):
    from tests.word.test_check import MUTATIONS, Doc

    doc = Doc(next(f for f in built["sample"].files if f.suffix == ".docx"))
    MUTATIONS["body.spacing"][0](doc)  # a warning only
    path = doc.save(tmp_path / "w.docx")
    assert run("check", path).returncode == 0
    assert run("check", "--strict", path).returncode == 1
    records = json.loads(run("check", "--format", "json", path).stdout)
    assert [(r["rule"], r["severity"], r["fixable"]) for r in records] == [("body.spacing", "warning", False)]
    assert records[0]["file"] == str(path) and records[0]["section"] == 1 and records[0]["paragraph"] > 0
    github = run("check", "--format", "github", path).stdout
    assert github.startswith(f"::warning file={path},title=body.spacing::phần 1, đoạn ")


def test_check_fix_writes_a_clean_copy_and_lists_what_it_did(built, tmp_path):
    from tests.word.test_check import MUTATIONS, Doc

    doc = Doc(next(f for f in built["sample"].files if f.suffix == ".docx"))
    for rule in ("date.form", "heading.sequence"):
        MUTATIONS[rule][0](doc)
    source = doc.save(tmp_path / "in.docx")
    original = source.read_bytes()
    out = tmp_path / "out.docx"
    done = run("check", "--fix", source, "-o", out)
    assert done.returncode == 1  # the heading numbering needs a person
    assert "đã sửa: phần 1, đoạn 7: “Quảng Nam, ngày 05 tháng 03 năm 2021” → “Quảng Nam, ngày 05 tháng 3 năm 2021”" \
        in done.stdout
    assert "còn 2 chỗ cần người soạn sửa trong Word" in done.stdout and "[thứ tự mục, khoản, điểm]" in done.stdout
    assert source.read_bytes() == original and out.exists()
    assert run("check", "--fix", source).returncode == 2  # no -o


def test_check_fix_exits_0_when_only_warnings_are_left_for_the_drafter(built, tmp_path):
    """--fix corrects the date; the Quốc hiệu typed "CỘNG HOÀ" (old tone mark, a warning) is left for a person:
    exit 0, as `check` exits for warnings (fresh mutants, batch 10: any finding left made it exit 1)."""
    from tests.word.test_check import MUTATIONS, Doc

    doc = Doc(next(f for f in built["sample"].files if f.suffix == ".docx"))
    for rule in ("date.form", "national.text"):
        MUTATIONS[rule][0](doc)
    source = doc.save(tmp_path / "in.docx")
    out = tmp_path / "out.docx"
    done = run("check", "--fix", source, "-o", out)
    assert "đã sửa: phần 1, đoạn 7: “Quảng Nam, ngày 05 tháng 03 năm 2021” → “Quảng Nam, ngày 05 tháng 3 năm 2021”" \
        in done.stdout
    assert "còn 1 chỗ cần người soạn sửa trong Word" in done.stdout and "CỘNG HÒA XÃ HỘI" in done.stdout
    assert done.returncode == 0
    assert run("check", out).returncode == 0  # what is left is the warning alone


def test_check_of_several_files_fails_when_any_fails_and_sums_up_repeats_unless_all(built, tmp_path):
    """`check bad.docx good.docx` exits 1 (a clean last file does not hide an earlier one's errors, fresh
    mutant k-exit-reset); a finding repeated on every body paragraph is shown four times and summed up
    ("và N chỗ khác cùng lỗi"), every one with --all (fresh mutant k-not-grouped)."""
    from tests.word.test_check import MUTATIONS, Doc, ppr_child, text_of

    good = next(f for f in built["sample"].files if f.suffix == ".docx")
    doc = Doc(good)
    MUTATIONS["date.form"][0](doc)
    for p in doc.styled("KHNoidung"):
        if text_of(p).strip():  # right, not left: a one-line paragraph set left prints as if justified
            ppr_child(p, "w:jc", val="right")
    bad = doc.save(tmp_path / "bad.docx")
    done = run("check", bad, good)
    assert done.returncode == 1
    assert f"{good}: đúng thể thức, không thấy lỗi." in done.stdout
    justify = [line for line in done.stdout.splitlines() if "[nội dung canh đều hai lề]" in line]
    assert len(justify) == 4 and "chỗ khác cùng lỗi" in justify[-1]
    more = int(justify[-1].split("(và ")[1].split(" chỗ khác")[0])
    every = [line for line in run("check", "--all", bad).stdout.splitlines() if "[nội dung canh đều" in line]
    assert len(every) == 4 + more and not any("chỗ khác cùng lỗi" in line for line in every)


def test_import_onto_with_o_writes_the_file_even_when_the_review_changed_nothing(built, tmp_path):
    """`import reviewed.docx --onto plan.yaml -o new.yaml` on a file nobody changed writes new.yaml (the
    plan as it is) and says so, leaving plan.yaml untouched; the clerk asked for that file (fresh mutant
    k-onto-o-unwritten)."""
    import shutil

    plan = tmp_path / "sample.yaml"
    shutil.copy(SAMPLE, plan)
    docx = next(f for f in built["sample"].files if f.suffix == ".docx")
    out = tmp_path / "moi.yaml"
    done = run("import", docx, "--onto", plan, "-o", out)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == SAMPLE.read_text(encoding="utf-8")
    assert f"đã ghi {out}" in done.stderr and plan.read_bytes() == SAMPLE.read_bytes()


def test_check_refuses_hostile_files(tmp_path):
    bad = tmp_path / "macro.docx"
    bad.write_bytes(b"not a zip at all")
    done = run("check", bad)
    assert done.returncode == 1 and "không phải tệp .docx" in done.stderr
    done = run("check", "--fix", bad, "-o", tmp_path / "out.docx")
    assert done.returncode == 1 and not (tmp_path / "out.docx").exists()


def test_max_size_raises_the_size_limit(plan_copy):
    # a real plan with 1.5 MB of comments: over a 1 MB limit, within 2 MB
    path = plan_copy(lambda t: t + ("# ghi chú của người soạn\n" * 60_000))
    refused = run("validate", path, "--max-size", "1")
    assert refused.returncode == 1 and "tệp quá lớn (giới hạn 1 MB" in refused.stderr
    assert "hãy chạy lại với --max-size 2" in refused.stderr
    accepted = run("validate", path, "--max-size", "2")
    assert accepted.returncode == 0, accepted.stderr
    assert "--max-size MB" in run("build", "--help").stdout


ENGLISH = ("PATH", "INTEGER", "TEXT", "FILENAME", "DIRECTORY", "Usage", "Options", "Error", " or ", "Show this")


def test_help_and_usage_errors_have_no_english():
    commands = ["", "build", "validate", "rollover", "diff", "schema", "check"]
    outputs = [run(*filter(None, [c, "--help"])).stdout for c in commands]
    outputs += [run("validate", "--format", "xx", "x.yaml").stderr, run("rollover", "x", "--year", "abc").stderr,
                run("build").stderr, run("build", "x.yaml", "--out").stderr]
    for text in outputs:
        for word in ENGLISH:
            assert word not in text, (word, text)
    assert "'xx' không thuộc các giá trị: 'text', 'json', 'github'" in outputs[-4]


def test_special_files_are_refused_not_read(tmp_path):
    import os
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    done = run("validate", fifo)  # would hang forever if the FIFO were opened for a blocking read
    assert done.returncode == 1
    assert "không phải tệp thông thường" in done.stderr
    done = run("validate", "/dev/zero")  # would be read until memory runs out
    assert done.returncode == 1
    assert "/dev/zero: lỗi: không phải tệp thông thường" in done.stderr
    done = run("build", SAMPLE, "--template", "/dev/zero", "-o", tmp_path / "out")
    assert done.returncode != 0 and "không phải tệp mẫu Word" in done.stderr
    assert not (tmp_path / "out" / "sample").exists()


def test_oversized_plan_is_refused_with_the_limit(tmp_path):
    from generator.plan.loader import MAX_BYTES
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (MAX_BYTES + 10) + b"\n")
    done = run("validate", big)
    assert done.returncode == 1 and "tệp quá lớn (giới hạn" in done.stderr


def test_unknown_errno_texts_are_vietnamese(tmp_path):
    locked = tmp_path / "locked.yaml"
    locked.write_text("x: 1\n")
    locked.chmod(0)
    import os
    if os.geteuid() == 0:  # root reads anything: make the path go through a file instead
        done = run("validate", tmp_path / "locked.yaml" / "child.yaml")
        assert "một phần của đường dẫn không phải thư mục" in done.stderr
    else:
        done = run("validate", locked)
        assert "không có quyền đọc tệp" in done.stderr
    assert done.returncode == 1


def test_init_writes_a_starter_plan_and_its_schema_then_refuses_to_overwrite(tmp_path):
    done = run("init", "--province", "Tuyên Quang", "--year", "2026", "--indices", "papi,par", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    plan = tmp_path / "plans" / "tuyen-quang-papi-par-2026.yaml"
    schema = json.loads((tmp_path / "plans" / "kehoach.schema.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("Kế hoạch")
    assert plan.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=kehoach.schema.json\n")
    assert "đã tạo plans/tuyen-quang-papi-par-2026.yaml và plans/kehoach.schema.json" in done.stdout
    todos = int(done.stdout.split("còn ")[1].split()[0])
    checked = run("validate", plan, cwd=tmp_path)
    assert checked.returncode == 1
    assert "cảnh báo:" not in checked.stderr  # kehoach's own catalogue never warns a drafter
    assert checked.stderr.count("còn việc phải làm: TODO") == todos
    again = run("init", "--province", "Tuyên Quang", "--year", "2026", "--indices", "papi,par", cwd=tmp_path)
    assert again.returncode == 1 and "tệp đã có" in again.stderr


def test_init_beside_a_shared_schema_points_at_it(tmp_path):
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "kehoach.schema.json").write_text("{}", encoding="utf-8")
    done = run("init", "--province", "Ha Giang", "--year", "2026", "-o", "plans/hg.yaml", cwd=tmp_path)
    assert done.returncode == 0
    assert "đã nhập vào tỉnh Tuyên Quang từ năm 2025" in done.stderr
    text = (tmp_path / "plans" / "hg.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/kehoach.schema.json\n")
    assert not (tmp_path / "plans" / "kehoach.schema.json").exists()
    assert run("init", "--province", "Atlantis", cwd=tmp_path).returncode == 1


def test_every_command_has_help_with_a_vietnamese_example():
    from click.testing import CliRunner

    from generator.cli.commands import cli

    runner = CliRunner()
    ctx = click.Context(cli)
    names = [name for name in cli.list_commands(ctx) if not cli.get_command(ctx, name).hidden]
    assert {"init", "validate", "build", "watch", "rollover", "diff", "schema"} <= set(names)
    for name in names:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert f"Ví dụ: kehoach {name} " in result.output, name
        assert "Usage" not in result.output and "Options" not in result.output


def test_guides_ship_with_the_package_and_help_points_to_them(tmp_path):
    from generator.cli.guide import GUIDES

    shipped = ROOT / "generator" / "docs"
    assert set(GUIDES) == {p.stem for p in shipped.glob("*.md")}  # every shipped guide can be asked for
    done = run("huong-dan", cwd=tmp_path)  # anywhere, not only in the repository
    assert done.returncode == 0
    assert done.stdout == (shipped / "huong-dan.md").read_text(encoding="utf-8")
    done = run("huong-dan", "mau-word", "--path", cwd=tmp_path)
    assert done.returncode == 0 and Path(done.stdout.strip()) == (shipped / "mau-word.md").resolve()
    assert run("huong-dan", "khong-co").returncode == 2
    # what the help texts and the cli's messages point a drafter to must exist outside the repository
    texts = (ROOT / "generator" / "data" / "help.json").read_text(encoding="utf-8")
    texts += "".join(p.read_text(encoding="utf-8") for p in (ROOT / "generator" / "cli").glob("*.py"))
    assert not re.findall(r"(?<!generator/)docs/", texts) and "kehoach huong-dan" in texts


def test_progress_lines_only_on_a_terminal(tmp_path):
    import os
    import pty

    args = ["build", SAMPLE, SAMPLE.parent / "sample-2022.yaml", "-o", tmp_path / "out"]
    piped = run(*args)
    assert piped.returncode == 0 and "đang tạo" not in piped.stdout
    assert piped.stdout.count(": đã tạo ") == 2
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "generator", *map(str, args)], cwd=ROOT, stdout=slave,
                            stderr=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closes when the command ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=120) == 0
    lines = b"".join(chunks).decode("utf-8").splitlines()
    assert lines[0] == "[1/2] tests/data/sample.yaml: đang tạo..."
    assert "[2/2] tests/data/sample-2022.yaml: đang tạo..." in lines


# ---------------------------------------------------------------- kehoach import


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_import_writes_plan_and_summary(office_docx, tmp_path):
    source = office_docx("quang-nam-papi-2020", "van-thu")
    out = tmp_path / "plans" / "qn-2020.yaml"
    done = invoke("import", source, "-o", out)
    assert done.exit_code == 0, done.output
    text = out.read_text(encoding="utf-8")
    # the editor's schema is written beside the plan (no repository's ../schema/ there), as init does
    assert text.startswith("# yaml-language-server: $schema=kehoach.schema.json\n")
    assert json.loads((out.parent / "kehoach.schema.json").read_text(encoding="utf-8"))["title"].startswith("Kế hoạch")
    assert "\nid: qn-2020\n" in text
    assert "5 mục, 9 chỉ tiêu, 39 nhiệm vụ, 14 khoản trách nhiệm" in done.output
    assert "Đoán (" in done.output and "danh mục cơ quan 'quang-nam'" in done.output
    assert "Độ phủ chữ: 100,0% số chữ của tệp Word" in done.output
    assert run("validate", out).returncode == 0
    # never over an existing file without --force; nothing changes on refusal
    again = invoke("import", source, "-o", out)
    assert again.exit_code == 1 and "tệp đã có; dùng --force" in again.output
    assert out.read_text(encoding="utf-8") == text
    assert invoke("import", source, "-o", out, "--force").exit_code == 0


def test_import_todos_are_reported_and_refused_by_validate(office_docx, tmp_path):
    out = tmp_path / "hy.yaml"
    done = invoke("import", office_docx("hung-yen-papi-2021", "drafter"), "-o", out)
    assert done.exit_code == 0
    assert "Còn 1 chỗ TODO cần điền (mã các cơ quan của khoản này)" in done.output
    checked = run("validate", out)
    assert checked.returncode == 1 and "còn việc phải làm: TODO: mã các cơ quan của khoản này" in checked.stderr


def test_import_draft_keeps_blanks(office_docx, tmp_path):
    out = tmp_path / "draft.yaml"
    assert invoke("import", office_docx("quang-nam-par-sipas-2022", "van-thu", True), "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "\ndocument:" not in text and "year: 2022" in text


def test_import_options_are_checked(office_docx, tmp_path):
    source = office_docx("quang-nam-papi-2020", "van-thu")
    bad = invoke("import", source, "-o", tmp_path / "a.yaml", "--indices", "papi=1999")
    assert bad.exit_code == 1 and "không có danh mục 'papi=1999'" in bad.output
    bad = invoke("import", source, "-o", tmp_path / "a.yaml", "--registry", "tinh-khong-co")
    assert bad.exit_code == 1 and "không có danh mục cơ quan 'tinh-khong-co'" in bad.output
    assert not (tmp_path / "a.yaml").exists()
    good = invoke("import", source, "-o", tmp_path / "a.yaml", "--indices", "papi=2018", "--registry", "quang-nam")
    assert good.exit_code == 0 and "Đoán" in good.output and "danh mục cơ quan" not in good.output


def _rezip(src: Path, dest: Path, replace=None, add=None, compression=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", compression) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, (replace or {}).get(item.filename, zin.read(item.filename)))
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dest


HOSTILE = ["not-zip", "zip-bomb", "docm", "vba", "xxe", "billion-laughs", "oversize", "password"]


def _hostile(kind: str, good: Path, tmp: Path) -> Path:
    w = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    if kind == "not-zip":
        (tmp / "x.docx").write_text("đây không phải tệp Word", encoding="utf-8")
        return tmp / "x.docx"
    if kind == "zip-bomb":
        filler = b"<w:document " + w + b"><w:body>" + b" " * (30 * 1024 * 1024) + b"</w:body></w:document>"
        return _rezip(good, tmp / "bomb.docx", {"word/document.xml": filler})
    if kind == "docm":
        return _rezip(good, tmp / "macro.docm")
    if kind == "vba":
        return _rezip(good, tmp / "vba.docx", add={"word/vbaProject.bin": b"\0" * 64})
    if kind == "xxe":
        xxe = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ' + w
               + b"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
        return _rezip(good, tmp / "xxe.docx", {"word/document.xml": xxe})
    if kind == "billion-laughs":
        lol = b'<!ENTITY lol "lol">' + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol;" * 10) for i in range(1, 10))
        data = b'<?xml version="1.0"?><!DOCTYPE d [' + lol + b"]><w:styles " + w + b">&lol9;</w:styles>"
        return _rezip(good, tmp / "lol.docx", {"word/styles.xml": data})
    if kind == "oversize":
        with open(tmp / "big.docx", "wb") as fh:  # sparse: 100 MB on paper
            fh.truncate(100 * 1024 * 1024)
        return tmp / "big.docx"
    if kind == "password":  # an encrypted .docx is an OLE compound file
        (tmp / "secret.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
        return tmp / "secret.docx"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", HOSTILE)
def test_import_refuses_hostile_files_in_vietnamese_and_writes_nothing(kind, office_docx, tmp_path):
    source = _hostile(kind, office_docx("quang-nam-par-sipas-2022", "van-thu"), tmp_path)
    out = tmp_path / "out.yaml"
    done = invoke("import", source, "-o", out)
    assert done.exit_code == 1
    assert f"{source}: không nhập được; không ghi tệp nào." in done.output
    assert "lỗi:" in done.output and "Traceback" not in done.output
    assert not out.exists() and not list(tmp_path.glob(".out.yaml*"))


def test_import_old_doc_through_libreoffice(office_docx, tmp_path):
    from generator.word import convert_doc

    doc = convert_doc(office_docx("quang-nam-par-sipas-2022", "van-thu"), tmp_path, target="doc")
    out = tmp_path / "from-doc.yaml"
    done = run("import", doc, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "tệp .doc đã được chuyển sang .docx bằng LibreOffice" in done.stdout
    assert "9 khoản trách nhiệm" in done.stdout and "Độ phủ chữ: 100,0%" in done.stdout
    assert run("validate", out).returncode == 0


def test_check_fix_that_leaves_only_warnings_exits_0(built, tmp_path):
    """--fix corrects the date; what is left for a person is a warning ("Lưu" without VT): exit 0, as `check`
    exits 0 on warnings (fresh mutant g-fix-exit-on-warnings exited 1)."""
    from tests.word.test_check import MUTATIONS, Doc, set_text

    doc = Doc(next(f for f in built["sample"].files if f.suffix == ".docx"))
    MUTATIONS["date.form"][0](doc)
    set_text(doc.para("- Lưu"), "VT, NCKS", "NCKS")
    done = run("check", "--fix", doc.save(tmp_path / "in.docx"), "-o", tmp_path / "out.docx")
    assert "còn 1 chỗ cần người soạn sửa trong Word" in done.stdout and "cảnh báo" in done.stdout, done.stdout
    assert done.returncode == 0


def test_check_fix_says_a_shared_page_header_once(built, tmp_path):
    """The sample's three sections (the plan, two appendices) share one page header; its number at 12 pt is
    corrected once, and --fix prints it once ("phần 1: số trang canh giữa, cỡ 14"), not once per section."""
    from tests.word.test_check import Doc, page_paragraph, run_props

    doc = Doc(next(f for f in built["sample"].files if f.suffix == ".docx"))
    assert len(doc.sections()) == 3
    run_props(page_paragraph(doc), "w:sz", sz={"val": 24})
    done = run("check", "--fix", doc.save(tmp_path / "in.docx"), "-o", tmp_path / "out.docx")
    said = [line for line in done.stdout.splitlines() if "số trang" in line]
    assert said == ["  đã sửa: phần 1: số trang canh giữa, cỡ 14"], done.stdout


def test_github_format_turns_a_line_break_in_a_message_into_its_escape(plan_copy):
    """A value holding a line break (an agency typed on two lines) is quoted in the message: GitHub's escape
    "%0A", never "%250A" (shown as "%0A" on the page: fresh mutant g-github-escape-order escaped the escape)."""
    path = plan_copy(lambda t: t.replace("    co:\n      - Sở TT&TT\n", '    co:\n      - "Sở TT&TT\\nBáo Quảng Nam"\n'))
    github = run("validate", "--format", "github", path).stdout
    line = next(x for x in github.splitlines() if "Báo Quảng Nam" in x)
    assert "Sở TT&TT%0ABáo Quảng Nam" in line and "%25" not in line, line


@pytest.mark.parametrize("name, fixed, said", [
    ("ke-hoach.docx", "ke-hoach-da-sua.docx", "ke-hoach.docx -o ke-hoach-da-sua.docx"),
    ("bản.thảo.docx", "bản.thảo-da-sua.docx", "bản.thảo.docx -o bản.thảo-da-sua.docx"),
    ("ho-so/ke-hoach.docx", "ho-so/ke-hoach-da-sua.docx", "ho-so/ke-hoach.docx -o ho-so/ke-hoach-da-sua.docx"),
    ("hồ sơ/kế hoạch 2021.docx", "hồ sơ/kế hoạch 2021-da-sua.docx",
     '"hồ sơ/kế hoạch 2021.docx" -o "hồ sơ/kế hoạch 2021-da-sua.docx"'),
    ("KH (dự thảo) & ý kiến.docx", "KH (dự thảo) & ý kiến-da-sua.docx",
     '"KH (dự thảo) & ý kiến.docx" -o "KH (dự thảo) & ý kiến-da-sua.docx"'),
    ('bản "cuối" $1.docx', 'bản "cuối" $1-da-sua.docx', """'bản "cuối" $1.docx' -o 'bản "cuối" $1-da-sua.docx'"""),
], ids=["plain", "dots-in-the-name", "in-a-folder", "spaces", "shell-characters", "quote-and-dollar"])
def test_check_suggests_the_documented_fixed_file_and_following_it_gives_a_clean_copy(built, tmp_path, name, fixed,
                                                                                        said):
    """`kehoach check ke-hoach.docx` with a fixable finding ends with the command to run, naming the fixed copy
    as `check --help` does: "kehoach check --fix ke-hoach.docx -o ke-hoach-da-sua.docx", beside the input
    (fresh mutant f6-cli-fixed-name suggested "ke-hoach-sua.docx"); pasted into a shell as printed, it writes
    that copy, which checks clean. A name with spaces or a shell's characters is quoted (it was printed bare:
    pasted, "hồ sơ/kế hoạch 2021.docx" ran on three files)."""
    import shlex

    from tests.word.test_check import MUTATIONS, Doc

    doc = Doc(next(f for f in built["sample"].files if f.suffix == ".docx"))
    MUTATIONS["date.form"][0](doc)
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    doc.save(tmp_path / name)
    done = run("check", name, cwd=tmp_path)
    suggested = f"kehoach check --fix {said}"
    assert done.returncode == 1 and done.stdout.splitlines()[-1].endswith(f"sửa tự động: {suggested}"), done.stdout
    assert run(*shlex.split(suggested)[1:], cwd=tmp_path).returncode == 0 and (tmp_path / fixed).is_file()
    assert run("check", fixed, cwd=tmp_path).stdout.strip() == f"{fixed}: đúng thể thức, không thấy lỗi."


def test_fix_takes_one_file_and_an_output_or_refuses_before_any_work(built, tmp_path):
    """`check --fix A.docx B.docx -o X.docx` is refused with exit 2 and writes nothing (fresh mutant
    io-fix-many-files, batch 7b, fixed A alone and said nothing of B)."""
    good = next(f for f in built["sample"].files if f.suffix == ".docx")
    out = tmp_path / "da-sua.docx"
    for args in (["check", "--fix", good, good, "-o", out], ["check", "--fix", good]):
        done = run(*args)
        assert done.returncode == 2 and "--fix sửa một tệp mỗi lần và cần tệp kết quả" in done.stderr, done
        assert not out.exists()


def test_import_onto_refuses_options_that_only_make_a_new_plan(built, tmp_path):
    """`import --onto PLAN --force` (or --registry, --indices) is refused with exit 2 and the plan left as it was
    (fresh mutant io-onto-force, batch 7b, accepted --force silently)."""
    good = next(f for f in built["sample"].files if f.suffix == ".docx")
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(SAMPLE.read_bytes())
    for extra in (["--force"], ["--indices", "papi"]):
        done = run("import", good, "--onto", plan, *extra)
        assert done.returncode == 2 and "chỉ dùng khi tạo tệp kế hoạch mới (không có --onto)" in done.stderr, done
        assert plan.read_bytes() == SAMPLE.read_bytes()


def test_fix_names_what_it_left_by_the_rule_name_the_check_prints():
    """A correction --fix leaves for a person is named as `check` names it ('lề trang'), not by the rule's
    id ('[page.margins]', English, seen on BC01 of the real documents)."""
    from generator.cli.commands import refused_lines
    from generator.core.messages import Message
    from generator.nd30.rules import RULE

    left = Message("info", "lề trang không sửa tự động: hãy sửa trong Word", "phần 2", rule="page.margins")
    assert refused_lines([left]) == [f"phần 2: [{RULE['page.margins'].name}] lề trang không sửa tự động: hãy sửa trong Word"]
    assert "page.margins" not in refused_lines([left])[0]


def test_fix_without_an_output_suggests_the_command_for_that_file(built, tmp_path):
    """`check --fix X.docx` without -o shows the command to type for X (as `check` suggests it), not a placeholder."""
    good = next(f for f in built["sample"].files if f.suffix == ".docx")
    doc = tmp_path / "kế hoạch 2026.docx"
    doc.write_bytes(good.read_bytes())
    done = run("check", "--fix", doc.name, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().endswith('kehoach check --fix "kế hoạch 2026.docx" -o "kế hoạch 2026-da-sua.docx"'), done
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kế hoạch 2026.docx"]


def test_the_list_of_commands_cuts_no_description():
    """`kehoach --help` lists each command with its whole short description (click cut the import one at 45
    characters: 'Chuyển một Kế hoạch bằng Word (.docx, hoặc .doc qua...')."""
    done = run("--help")
    listed = done.stdout.split("Lệnh:", 1)[1]
    assert done.returncode == 0 and "..." not in listed, listed
    assert "import " in listed and "--onto" in listed


def test_import_of_an_odt_names_the_odt_it_converted(office_docx, tmp_path):
    """An .odt (LibreOffice's own format) is read through LibreOffice too; the summary names it, not '.doc'."""
    from generator.word import convert_doc

    odt = convert_doc(office_docx("quang-nam-par-sipas-2022", "van-thu"), tmp_path, target="odt")
    done = run("import", odt, "-o", tmp_path / "from-odt.yaml")
    assert done.returncode == 0, done.stderr
    assert "tệp .odt đã được chuyển sang .docx bằng LibreOffice" in done.stdout and ".doc đã" not in done.stdout


def test_import_without_an_output_names_the_plan_as_its_help_says(built, tmp_path):
    """Without -o the plan is written beside the Word file under its name in lower case without accents (it is the
    plan's id); the help said 'cùng tên' (the same name), and the drafter looked for 'KH 2025 (bản cuối).yaml'."""
    good = next(f for f in built["sample"].files if f.suffix == ".docx")
    doc = tmp_path / "KH 2025 (bản cuối).docx"
    doc.write_bytes(good.read_bytes())
    done = run("import", doc.name, cwd=tmp_path)
    assert done.returncode == 0 and (tmp_path / "kh-2025-ban-cuoi.yaml").is_file(), done
    assert "KH 2025 (bản cuối).docx → kh-2025-ban-cuoi.yaml" in " ".join(run("import", "--help").stdout.split())
