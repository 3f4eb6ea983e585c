"""Issue 22, items 4 and 5: a full disk or a folder that cannot be written ends every command with a
located Vietnamese message and leaves the old file whole; every library and system text is said in
Vietnamese (zip errors, permission to write, file too large), never with a temporary file's name."""
from __future__ import annotations

import hashlib
import os
import re
import resource
import shutil
import subprocess
import sys

import pytest

from generator.render.build import build_plan
from tests.core.hostile import (BROKEN_YAML, ROOT, SAMPLE, bad_crc, bad_xml, duplicate_part_docx, not_a_zip, plan_text,
                                reviewed_sample,
                                run_on_full_disk, run_read_only, truncated)
from tests.test_cli import run

ENGLISH = re.compile(r"Errno|OSError|No space|Permission denied|File too large|Read-only|lỗi hệ thống số|"
                     r"lỗi không mong đợi|Traceback|zip file|Bad CRC|Bad magic|Truncated|[Dd]ecompress|"
                     r"\b(while|found|expected|did not|cannot|could not|is not|mismatch|[Pp]remature)\b")


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    return reviewed_sample(tmp_path_factory.mktemp("built"))


@pytest.fixture
def folder(tmp_path, sample_docx):
    """A folder holding an old version of every output (and a plan edited in place there)."""
    d = tmp_path / "d"
    d.mkdir()
    for name in ("s.json", "r.yaml", "i.yaml", "o.yaml", "n.yaml"):
        (d / name).write_text(f"# bản cũ của {name}\n", encoding="utf-8")
    shutil.copy(sample_docx, d / "f.docx")
    (d / "plan.yaml").write_text(plan_text(lambda t: t.replace("Thường xuyên", "Hằng tháng")), encoding="utf-8")
    return d


def commands(d, docx, plan):
    """Every command that writes, each with its output in `d` (the plan outside `d` unless edited in place)."""
    return {
        "schema": (["schema", "-o", d / "s.json"], "s.json"),
        "rollover": (["rollover", "--force", plan, "-o", d / "r.yaml"], "r.yaml"),
        "import": (["import", "--force", docx, "-o", d / "i.yaml"], "i.yaml"),
        "onto -o": (["import", "--onto", plan, docx, "-o", d / "o.yaml"], "o.yaml"),
        "onto": (["import", "--onto", d / "plan.yaml", docx], "plan.yaml"),
        "fix": (["check", "--fix", docx, "-o", d / "f.docx"], "f.docx"),
        "init": (["init", "--province", "Tuyên Quang", "--year", "2026", "--force", "-o", d / "n.yaml"], "n.yaml"),
        "build": (["build", plan, "-o", d], ""),
    }


def hashes(d):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(d.iterdir()) if p.is_file()}


@pytest.mark.parametrize("name", ["schema", "rollover", "import", "onto -o", "onto", "fix", "init", "build"])
def test_a_full_disk_leaves_the_old_file_and_says_so(name, folder, sample_docx, tmp_path):
    """`schema -o` and `rollover -o` ended in 'lỗi không mong đợi: OSError' and schema left a partial file."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(plan_text(lambda t: t.replace("Thường xuyên", "Hằng tháng")), encoding="utf-8")
    args, out = commands(folder, sample_docx, plan)[name]
    before = hashes(folder)
    done, after = run_on_full_disk(folder, args)
    assert done.returncode != 0, done.stdout + done.stderr
    assert "đĩa đã đầy" in done.stderr and str(folder / out) in done.stderr, done.stderr
    assert not ENGLISH.search(done.stderr + done.stdout), done.stderr
    assert after == before  # the old file whole, no temporary file left


@pytest.mark.parametrize("name", ["schema", "rollover", "import", "onto -o", "onto", "fix", "init", "build"])
def test_a_read_only_folder_says_write_permission(name, folder, sample_docx, tmp_path):
    """A permission error on writing said 'không có quyền đọc tệp'."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(plan_text(lambda t: t.replace("Thường xuyên", "Hằng tháng")), encoding="utf-8")
    args, out = commands(folder, sample_docx, plan)[name]
    before = hashes(folder)
    done, after = run_read_only(folder, args)
    assert done.returncode != 0, done.stdout + done.stderr
    assert "không có quyền ghi" in done.stderr and "quyền đọc" not in done.stderr, done.stderr
    assert str(folder / out) in done.stderr and not ENGLISH.search(done.stderr + done.stdout), done.stderr
    assert after == before


def test_file_too_large_for_the_system_is_said(tmp_path):
    """RLIMIT_FSIZE (a quota on file size): 'lỗi hệ thống số 27' before."""
    out = tmp_path / "s.json"
    out.write_text("cũ\n", encoding="utf-8")

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = subprocess.run([sys.executable, "-m", "generator", "schema", "-o", out], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, preexec_fn=limit, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1
    assert "vượt quá kích thước tối đa" in done.stderr and str(out) in done.stderr, done.stderr
    assert not ENGLISH.search(done.stderr)
    assert out.read_text(encoding="utf-8") == "cũ\n"
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]


@pytest.mark.parametrize("make", ["not-a-zip", "bad-crc", "truncated", "bad-xml"])
def test_damaged_packages_are_said_in_vietnamese(make, sample_docx, tmp_path):
    """'File is not a zip file', 'Bad CRC-32 for file …' were printed as they are."""
    docx = tmp_path / f"{make}.docx"
    {"not-a-zip": lambda: not_a_zip(docx), "bad-crc": lambda: bad_crc(sample_docx, docx),
     "truncated": lambda: truncated(sample_docx, docx), "bad-xml": lambda: bad_xml(sample_docx, docx)}[make]()
    plan = tmp_path / "plan.yaml"
    plan.write_text(plan_text(), encoding="utf-8")
    for args in (["check", docx], ["check", "--format", "json", docx], ["check", "--format", "github", docx],
                 ["import", docx, "-o", tmp_path / "x.yaml"], ["import", "--onto", plan, docx],
                 ["check", "--fix", docx, "-o", tmp_path / "y.docx"]):
        done = run(*args)
        assert done.returncode == 1, args
        assert docx.name in done.stdout + done.stderr and not ENGLISH.search(done.stdout + done.stderr), \
            (args, done.stdout, done.stderr)


@pytest.mark.parametrize("other", ["word\\document.xml", "./word/document.xml"])
def test_two_parts_of_one_name_name_the_users_file(other, sample_docx, tmp_path):
    docx = duplicate_part_docx(sample_docx, tmp_path / "hai-ten.docx", other)
    for args in (["check", docx], ["check", "--fix", docx, "-o", tmp_path / "y.docx"], ["import", docx]):
        done = run(*args, cwd=tmp_path)
        assert "hai phần cùng tên" in done.stderr and "hai-ten.docx" in done.stderr, done.stderr
        assert "kehoach-" not in done.stderr and "/tmp" not in done.stderr.replace(str(tmp_path), "")


def test_a_plan_validate_would_refuse_is_refused_at_import(sample_docx, tmp_path, monkeypatch):
    """A 58 MB run imported to a 54 MB plan that validate refused (20 MB). Scaled down: the plan limit set to
    200 KB, a paragraph of 300 KB."""
    import random

    from generator.plan import loader
    from tests.workflow.word_edit import replace_text

    rng = random.Random(5)
    words = " ".join("".join(rng.choice("abcdeghiklmnopqrstuvxy") for _ in range(rng.randint(2, 8)))
                     for _ in range(60_000))[:300_000]
    docx = tmp_path / "dai.docx"
    replace_text(sample_docx, docx, "Khắc phục tồn tại, hạn chế.", words)
    monkeypatch.setattr(loader, "MAX_BYTES", 200 * 1024)
    done = run("import", docx, "-o", tmp_path / "dai.yaml")
    assert done.returncode == 1
    assert "quá lớn" in done.stderr and "giới hạn của tệp kế hoạch là 200 KB" in done.stderr, done.stderr
    assert not (tmp_path / "dai.yaml").exists()


def test_a_control_character_in_a_recipient_is_one_error(tmp_path):
    """It also gave a spurious "recipients[0]: cần 'text' hoặc 'agency'"."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(plan_text(lambda t: t.replace("  - text: Thường trực Tỉnh ủy",
                                                  '  - text: "Thường trực\\x07 Tỉnh ủy"')), encoding="utf-8")
    done = run("validate", plan)
    assert done.returncode == 1
    assert "U+0007" in done.stderr and "cần 'text' hoặc 'agency'" not in done.stderr, done.stderr
    assert "1 kế hoạch: 1 lỗi" in done.stderr


@pytest.mark.parametrize("n", range(len(BROKEN_YAML)))
def test_yaml_syntax_errors_are_said_in_vietnamese(n, tmp_path):
    """'lỗi cú pháp YAML (while scanning an alias did not find expected …)' where the loader had no hint."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(BROKEN_YAML[n], encoding="utf-8")
    for args in (["validate", plan], ["validate", "--format", "json", plan], ["validate", "--format", "github", plan]):
        done = run(*args)
        assert done.returncode == 1 and "plan.yaml" in done.stdout + done.stderr
        assert not ENGLISH.search(done.stdout + done.stderr), done.stdout + done.stderr


def test_a_results_file_is_checked_in_vietnamese(tmp_path):
    """pydantic's English ('Input should be a valid decimal', 'Extra inputs are not permitted') was printed,
    and a wrong value twice (as a decimal and as an integer)."""
    results = tmp_path / "ket-qua.yaml"
    results.write_text("year: 2021\nfoo: 1\nresults:\n  papi:\n    value: abc\n    rank: 0\n    extra: 1\n",
                       encoding="utf-8")
    done = run("rollover", SAMPLE, "--results", results, "-o", tmp_path / "next.yaml")
    assert done.returncode == 1 and not ENGLISH.search(done.stderr) and "Input" not in done.stderr, done.stderr
    assert "ket-qua.yaml:2:1: lỗi: foo: khóa không có ở đây" in done.stderr
    assert done.stderr.count("results.papi.value:") == 1 and "results.papi.rank: phải ≥ 1" in done.stderr
    assert not (tmp_path / "next.yaml").exists()


def test_a_memory_failure_while_importing_is_not_a_write_error(sample_docx, tmp_path, monkeypatch):
    """'không ghi được tệp (Cannot allocate memory)': a failure while reading was said as one of writing."""
    import generator.importer.pipeline as pipeline

    def no_memory(*args, **kwargs):
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(pipeline, "import_document", no_memory)
    done = run("import", sample_docx, "-o", tmp_path / "x.yaml")
    assert done.returncode == 1 and "không ghi được" not in done.stderr, done.stderr
    assert "không nhập được (không đủ bộ nhớ)" in done.stderr and not ENGLISH.search(done.stderr)

    def memory_error(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(pipeline, "import_document", memory_error)
    done = run("import", sample_docx, "-o", tmp_path / "x.yaml")
    assert done.returncode == 1 and "không đủ bộ nhớ" in done.stderr and "MemoryError" not in done.stderr


def test_fix_never_names_its_temporary_file(sample_docx, tmp_path, monkeypatch):
    """A failure reading the written output back named the hidden temporary file (then the output, a file the
    drafter never gave): it is said of the correction, which is not written."""
    import generator.nd30.fix as fix
    from generator.core.errors import WordFileError

    def broken(path, **limits):
        raise WordFileError(f"{path}: gói .docx có hai phần cùng tên word/document.xml; tệp bị làm giả hoặc hỏng")

    monkeypatch.setattr(fix, "read_docx", broken)
    out = tmp_path / "da-sua.docx"
    done = run("check", "--fix", sample_docx, "-o", out)
    assert done.returncode == 1 and f"{sample_docx}: bản sửa không được ghi" in done.stderr, done.stderr
    assert "(gói .docx có hai phần cùng tên word/document.xml;" in done.stderr, done.stderr
    assert ".kehoach-" not in done.stderr and not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == []
