"""The command line of `kehoach check` and `check --fix`: what it prints, its exit status, the files it writes
(split from tests/test_cli.py, over the 600-line limit)."""
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

from tests.test_cli import run, run_process  # noqa: F401


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


def test_check_refuses_hostile_files(tmp_path):
    bad = tmp_path / "macro.docx"
    bad.write_bytes(b"not a zip at all")
    done = run("check", bad)
    assert done.returncode == 1 and "không phải tệp .docx" in done.stderr
    done = run("check", "--fix", bad, "-o", tmp_path / "out.docx")
    assert done.returncode == 1 and not (tmp_path / "out.docx").exists()


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


def test_fix_names_what_it_left_by_the_rule_name_the_check_prints():
    """A correction --fix leaves for a person is named as `check` names it ('lề trang'), not by the rule's
    id ('[page.margins]', English, seen on BC01 of the real documents)."""
    from generator.cli.commands import refused_lines
    from generator.core.messages import Message
    from generator.nd30.rules import RULE

    left = Message("info", "lề trang không sửa tự động: hãy sửa trong Word", "phần 2", rule="page.margins")
    assert refused_lines([left]) == [f"phần 2: [{RULE['page.margins'].name}] lề trang không sửa tự động: hãy sửa trong Word"]
    assert "page.margins" not in refused_lines([left])[0]


def test_fix_says_a_refusal_repeated_in_several_parts_once_naming_the_parts():
    """BC01's --fix said "lề trang không sửa tự động: …" once for each of parts 2 to 9, the same sentence eight
    times (user trial): one line now, "phần 2–9: …"; a part apart from a run is named on its own ("phần 2–4, 6"),
    and a refusal of another rule or another text stays on its line."""
    from generator.cli.commands import refused_lines
    from generator.core.messages import Message
    from generator.nd30.rules import RULE

    why = "lề trang không sửa tự động: với bản sửa này chữ chuyển sang trang khác (trang 31, 32) — hãy sửa trong Word"
    size = "số trang ở đầu trang không sửa tự động: hãy sửa trong Word"
    margins, numbers = RULE["page.margins"].name, RULE["pagenum.size"].name
    left = [Message("info", why, "phần 2", rule="page.margins"),
            Message("info", size, "phần 2", rule="pagenum.size"),
            *[Message("info", why, f"phần {n}", rule="page.margins") for n in (3, 4, 6)]]
    assert refused_lines(left) == [f"phần 2–4, 6: [{margins}] {why}", f"phần 2: [{numbers}] {size}"]
    # a run of two is a run too (fresh mutants, batch 13: "phần 2" said for parts 2 and 3)
    two = [Message("info", why, f"phần {n}", rule="page.margins") for n in (2, 3, 5)]
    assert refused_lines(two) == [f"phần 2–3, 5: [{margins}] {why}"]
    # the JSON form keeps one record a place, by the rule's id
    assert len(refused_lines(left, named=False)) == 5


def test_fix_without_an_output_suggests_the_command_for_that_file(built, tmp_path):
    """`check --fix X.docx` without -o shows the command to type for X (as `check` suggests it), not a placeholder."""
    good = next(f for f in built["sample"].files if f.suffix == ".docx")
    doc = tmp_path / "kế hoạch 2026.docx"
    doc.write_bytes(good.read_bytes())
    done = run("check", "--fix", doc.name, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().endswith('kehoach check --fix "kế hoạch 2026.docx" -o "kế hoạch 2026-da-sua.docx"'), done
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kế hoạch 2026.docx"]
