"""Orchestration: outputs, the recipient list, and all-or-nothing writes."""
import re
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook

from generator.render import build as build_module
from generator.render.build import build_plan
from generator.core.errors import OutputError, PlanError, TemplateError
from tests.conftest import SAMPLE


def test_outputs_and_recipient_list_identical_to_the_docx(built):
    result = built["sample"]
    names = sorted(f.name for f in result.files)
    assert names == ["sample-noi-nhan.txt", "sample-phu-luc.xlsx", "sample.docx"]
    text = (result.out_dir / "sample-noi-nhan.txt").read_text(encoding="utf-8")
    doc = Document(str(result.out_dir / "sample.docx"))
    cell = "\n".join(p.text for p in doc.tables[1].cell(0, 0).paragraphs) + "\n"
    assert text == cell
    assert text.startswith("Nơi nhận:\n- Thường trực Tỉnh ủy (b/c);\n")


def test_bad_plan_writes_nothing(tmp_path, plan_copy):
    bad = plan_copy(lambda t: t.replace("year: 2021", "year: x"))
    out = tmp_path / "out"
    with pytest.raises(PlanError):
        build_plan(bad, out)
    assert not out.exists() or list(out.iterdir()) == []


def test_failure_keeps_the_previous_outputs(tmp_path, plan_copy, monkeypatch):
    path = plan_copy()
    out = tmp_path / "out"
    first = build_plan(path, out)
    before = {f.name: f.read_bytes() for f in first.out_dir.iterdir()}

    def broken_xlsx(*args, **kwargs):
        raise TemplateError("mẫu Excel hỏng")

    monkeypatch.setattr(build_module, "render_xlsx", broken_xlsx)
    with pytest.raises(TemplateError):
        build_plan(path, out)
    after = {f.name: f.read_bytes() for f in first.out_dir.iterdir()}
    assert after == before
    assert [p.name for p in out.iterdir()] == ["plan"]  # no staging folder left behind


def test_failure_while_writing_leaves_no_half_output(tmp_path, plan_copy, monkeypatch):
    path = plan_copy()
    out = tmp_path / "out"
    calls = []

    def failing_write(target, data):
        calls.append(target.name)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        target.write_bytes(data)
        return target

    monkeypatch.setattr(build_module, "_write", failing_write)
    with pytest.raises(OutputError) as exc:
        build_plan(path, out)
    assert "không ghi được" in str(exc.value)
    assert list(out.iterdir()) == []


def test_missing_libreoffice_is_a_clear_error(tmp_path, plan_copy, monkeypatch):
    monkeypatch.setattr("generator.render.pdf.find_soffice", lambda: None)
    with pytest.raises(OutputError) as exc:
        build_plan(plan_copy(), tmp_path / "out", pdf=True)
    assert "LibreOffice" in str(exc.value) and "--pdf" in str(exc.value)
    assert list((tmp_path / "out").iterdir()) == []


def test_custom_template_missing_styles_is_refused(tmp_path):
    blank = tmp_path / "blank.docx"
    Document().save(str(blank))
    with pytest.raises(TemplateError) as exc:
        build_plan(SAMPLE, tmp_path / "out", docx_template=blank)
    assert "thiếu các kiểu" in str(exc.value) and "KH Noi dung" in str(exc.value)


def test_template_that_is_not_a_docx(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_text("không phải docx")
    with pytest.raises(TemplateError) as exc:
        build_plan(SAMPLE, tmp_path / "out", docx_template=fake)
    assert "không mở được mẫu Word" in str(exc.value)


def test_missing_template_and_output_path_that_is_a_file(tmp_path):
    with pytest.raises(TemplateError) as exc:
        build_plan(SAMPLE, tmp_path / "out", docx_template=tmp_path / "khong-co.docx")
    assert "không tìm thấy tệp mẫu Word" in str(exc.value)
    a_file = tmp_path / "ket-qua"
    a_file.write_text("")
    with pytest.raises(OutputError) as exc:
        build_plan(SAMPLE, a_file)
    assert "đã có một tệp cùng tên" in str(exc.value)


# ---------------------------------------------------------------- crash safety and permissions

KILL_AT = """
import os, signal, sys
from pathlib import Path
import generator.render.build as b
step = sys.argv[3]
def die(name):
    if name == step:
        os.kill(os.getpid(), signal.SIGKILL)
b._step = die
b.build_plan(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def _snapshot(folder):
    return {f.name: f.read_bytes() for f in sorted(folder.iterdir())}


@pytest.mark.parametrize("step", ["staged", "written", "swapped"])
def test_killed_build_never_leaves_the_output_folder_missing_or_mixed(tmp_path, plan_copy, step):
    import subprocess
    import sys

    path = plan_copy()
    out = tmp_path / "out"
    old = _snapshot(build_plan(path, out).out_dir)
    # the second build differs, so a mix of old and new files would show
    path.write_text(path.read_text(encoding="utf-8").replace("Hồ Quang Bửu", "Lê Văn Dũng"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", KILL_AT, str(path), str(out), step], capture_output=True)
    assert done.returncode == -9
    now = _snapshot(out / "plan")
    new = _snapshot(build_plan(path, tmp_path / "fresh").out_dir)
    assert now in (old, new)
    assert now == (new if step == "swapped" else old)
    leftovers = [p.name for p in out.iterdir() if p.name != "plan"]
    assert leftovers  # the dead build's folder is still there...
    build_plan(path, out)
    assert [p.name for p in out.iterdir()] == ["plan"]  # ...and the next build removes it
    assert _snapshot(out / "plan") == new


def test_leftovers_of_older_versions_do_not_block_builds_as_pid_1(tmp_path, plan_copy, monkeypatch):
    path = plan_copy()
    out = tmp_path / "out"
    (out / ".plan.old-1").mkdir(parents=True)
    (out / ".plan.old-1" / "plan.docx").write_bytes(b"old")
    (out / ".plan.k2j4h5g6").mkdir()
    monkeypatch.setattr(build_module.os, "getpid", lambda: 1)
    build_plan(path, out)
    build_plan(path, out)
    assert [p.name for p in out.iterdir()] == ["plan"]


def test_a_running_build_keeps_its_staging_folder(tmp_path, plan_copy):
    out = tmp_path / "out"
    out.mkdir()
    busy = out / ".plan.kehoach-abcd1234"
    busy.mkdir()
    fd = build_module._hold(busy)
    try:
        assert build_module.clean_stale(out, "plan") == []
        assert busy.is_dir()
    finally:
        import os
        os.close(fd)
    assert build_module.clean_stale(out, "plan") == [busy]


def test_swap_without_atomic_exchange_still_replaces_outputs(tmp_path, plan_copy, monkeypatch):
    path = plan_copy()
    out = tmp_path / "out"
    build_plan(path, out)
    monkeypatch.setattr(build_module, "_exchange", lambda a, b: False)
    path.write_text(path.read_text(encoding="utf-8").replace("Hồ Quang Bửu", "Lê Văn Dũng"), encoding="utf-8")
    result = build_plan(path, out)
    assert [p.name for p in out.iterdir()] == ["plan"]
    assert "Lê Văn Dũng".encode() in _docx_text(result.out_dir / "plan.docx")


def _docx_text(path):
    import zipfile
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml")


def test_outputs_follow_the_umask(tmp_path, plan_copy):
    import os
    import stat
    import zipfile

    old = os.umask(0o022)
    try:
        result = build_plan(plan_copy(), tmp_path / "out")
    finally:
        os.umask(old)
    assert stat.S_IMODE(result.out_dir.stat().st_mode) == 0o755
    for f in result.out_dir.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o644, f.name
    for name in ("plan.docx", "plan-phu-luc.xlsx"):
        with zipfile.ZipFile(result.out_dir / name) as z:
            assert {info.external_attr >> 16 for info in z.infolist()} == {0o644}


def test_output_path_that_is_a_file_is_refused(tmp_path, plan_copy):
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan").write_text("not a folder")
    with pytest.raises(OutputError) as exc:
        build_plan(plan_copy(), out)
    assert "đã có một tệp cùng tên" in str(exc.value)
    assert (out / "plan").read_text() == "not a folder"


def test_no_clock_time_is_written_into_the_outputs(tmp_path):
    # whatever second the build runs in, the stored dates are fixed ones derived from the plan
    result = build_plan(SAMPLE, tmp_path)
    stamps = {}
    for f in result.files:
        if f.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(f) as z:
                core = z.read("docProps/core.xml").decode()
            stamps[f.suffix] = sorted(set(re.findall(r"<(?:dcterms:created|dcterms:modified|cp:lastPrinted)"
                                                     r"[^>]*>([^<]*)<", core)))
    assert stamps == {".docx": ["2021-03-05T00:00:00Z"], ".xlsx": ["2000-01-01T00:00:00Z"]}


def test_markup_characters_in_the_fixed_parts_reach_every_output(tmp_path, plan_copy):
    # the template's fixed parts (issuer, title, recipients, signer) go through Jinja: & < > must be
    # escaped there, in the Word file, the recipient list and the workbook alike
    path = plan_copy(lambda t: t
                     .replace("    - TỈNH QUẢNG NAM\n", "    - TỈNH A & B <C>\n")
                     .replace("full_name: Ủy ban nhân dân tỉnh Quảng Nam", "full_name: UBND tỉnh A & B <C>")
                     .replace("place: Quảng Nam", "place: A&B <C>")
                     .replace("title: Cải thiện Chỉ số PAPI tỉnh Quảng Nam năm 2021",
                              "title: Cải thiện Chỉ số PAPI > 40 & <b>tốt</b> năm 2021")
                     .replace("  - text: Thường trực Tỉnh ủy\n", "  - text: Sở TT&TT <Tỉnh> > Huyện\n")
                     .replace("  title: Phó Chủ tịch\n", "  title: Phó Chủ tịch & <Q>\n")
                     .replace("  name: Hồ Quang Bửu\n", "  name: Hồ <Quang> & Bửu\n"))
    result = build_plan(path, tmp_path)
    files = {f.suffix: f for f in result.files}
    doc = Document(str(files[".docx"]))
    header, sign = doc.tables[0], doc.tables[1]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "TỈNH A & B <C>" in header.cell(0, 0).text
    assert header.cell(1, 1).text == "A&B <C>, ngày 05 tháng 3 năm 2021"
    assert "Cải thiện Chỉ số PAPI > 40 & <b>tốt</b> năm 2021" in text
    recipients = [p.text for p in sign.cell(0, 0).paragraphs]
    assert "- Sở TT&TT <Tỉnh> > Huyện (b/c);" in recipients
    signer = [p.text for p in sign.cell(0, 1).paragraphs if p.text]
    assert signer[-2:] == ["PHÓ CHỦ TỊCH & <Q>", "Hồ <Quang> & Bửu"]
    assert "(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 3 năm 2021 của UBND tỉnh A & B <C>)" in text
    listing = files[".txt"].read_text(encoding="utf-8")
    assert "- Sở TT&TT <Tỉnh> > Huyện (b/c);\n" in listing
    ws = load_workbook(files[".xlsx"]).worksheets[0]
    assert ws["A3"].value == "(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 3 năm 2021 của UBND tỉnh A & B <C>)"
    assert "&amp;" not in text + listing and "&lt;" not in text + listing


def test_cleaning_removes_only_this_plans_dead_staging_folders(tmp_path):
    """A dead build's staging folder of plan 'plan' is removed; another plan's ('plan2'), a folder that is not a
    staging folder, a symlink and a file of the same name are left alone."""
    import os

    out = tmp_path / "out"
    out.mkdir()
    dead = out / f".plan{build_module.STAGING_TAG}abcd1234"
    other_plan = out / f".plan2{build_module.STAGING_TAG}abcd1234"
    hidden = out / ".plan-notes"
    for folder in (dead, other_plan, hidden):
        folder.mkdir()
    link = out / f".plan{build_module.STAGING_TAG}link"
    os.symlink(hidden, link)
    file = out / f".plan{build_module.STAGING_TAG}file"
    file.write_text("x")
    assert build_module.clean_stale(out, "plan") == [dead]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in (other_plan, hidden, link, file))


def test_a_draft_is_dated_the_first_of_january_of_its_year(tmp_path, plan_copy):
    """No issue date (a draft): the outputs carry 1 January of the plan year, never the build time."""
    path = plan_copy(lambda t: t.replace("document:\n  number: 5\n  date: 2021-03-05\n", "document:\n  code: KH\n", 1))
    result = build_plan(path, tmp_path / "out")
    docx = next(f for f in result.files if f.suffix == ".docx")
    with zipfile.ZipFile(docx) as z:
        core = z.read("docProps/core.xml").decode()
    assert set(re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core)) == {"2021-01-01T00:00:00Z"}


def test_the_pdf_time_is_the_issue_date_or_the_first_of_january(plan_from):
    """What the PDF's metadata is stamped with (the .docx's is checked above): the issue date, for a draft
    1 January of the plan year."""
    import datetime as dt

    plan, _ = plan_from(lambda data: None)
    assert build_module.document_time(plan) == dt.datetime(2021, 3, 5)
    draft, _ = plan_from(lambda data: data.update(document={"code": "KH"}), name="draft.yaml")
    assert build_module.document_time(draft) == dt.datetime(2021, 1, 1)
