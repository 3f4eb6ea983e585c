"""Orchestration: outputs, the recipient list, and all-or-nothing writes."""
import re
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook

from generator import build as build_module
from generator.build import build_plan
from generator.errors import OutputError, PlanError, TemplateError
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
    monkeypatch.setattr("generator.pdf.find_soffice", lambda: None)
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
