"""Orchestration: outputs, the recipient list, and all-or-nothing writes."""
import pytest
from docx import Document

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
