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


def test_import_onto_a_plan_with_todos_says_its_errors_are_why_nothing_was_written(built, tmp_path):
    """`import --onto` onto a plan still holding a TODO lists the plan's errors and writes nothing; it says those
    errors are why, naming the plan and what to do (user trial: the errors were listed, the reason was not)."""
    import shutil

    plan = tmp_path / "sample.yaml"
    plan.write_text(SAMPLE.read_text(encoding="utf-8").replace("  place: Quảng Nam", "  place: TODO", 1),
                    encoding="utf-8")
    before = plan.read_bytes()
    docx = next(f for f in built["sample"].files if f.suffix == ".docx")
    done = run("import", docx, "--onto", plan)
    assert done.returncode == 1 and plan.read_bytes() == before
    assert f"{plan}:14:10: lỗi: issuer.place: còn việc phải làm: TODO" in done.stderr
    assert (f"{docx}: không đưa được vào {plan} các sửa đổi, vì {plan} còn lỗi (liệt kê ở trên); không ghi tệp "
            f"nào. Sửa các lỗi đó trong {plan} (điền các TODO; 'kehoach validate {plan}' liệt kê lại), rồi chạy lại "
            "lệnh này.") in done.stderr, done.stderr


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


def test_github_format_turns_a_line_break_in_a_message_into_its_escape(plan_copy):
    """A value holding a line break (an agency typed on two lines) is quoted in the message: GitHub's escape
    "%0A", never "%250A" (shown as "%0A" on the page: fresh mutant g-github-escape-order escaped the escape)."""
    path = plan_copy(lambda t: t.replace("    co:\n      - Sở TT&TT\n", '    co:\n      - "Sở TT&TT\\nBáo Quảng Nam"\n'))
    github = run("validate", "--format", "github", path).stdout
    line = next(x for x in github.splitlines() if "Báo Quảng Nam" in x)
    assert "Sở TT&TT%0ABáo Quảng Nam" in line and "%25" not in line, line


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


def test_the_list_of_commands_cuts_no_description():
    """`kehoach --help` lists each command with its whole short description (click cut the import one at 45
    characters: 'Chuyển một Kế hoạch bằng Word (.docx, hoặc .doc qua...')."""
    done = run("--help")
    listed = done.stdout.split("Lệnh:", 1)[1]
    assert done.returncode == 0 and "..." not in listed, listed
    assert "import " in listed and "--onto" in listed
