"""What `check --fix` says of a correction it makes or refuses (fixnotes, 2026-12-07): each sentence reached by a
run on a small synthetic document, and the file read back."""
from __future__ import annotations

import pytest

from tests.test_cli import run
from tests.word.test_check import Doc, q, run_props, text_of
from tests.word.test_fix import sample_docx  # noqa: F401  (fixture)

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _date_run_shared(sample_docx, tmp_path):
    """The sample's date line set upright (date.style asks italic) in one run that also holds "Kèm theo" before a gap
    of spaces: the date is a piece of its own (split at the gap), its run is not."""
    doc = Doc(sample_docx)
    p = doc.para("Quảng Nam, ngày")
    run_props(p, "w:i", i={"val": 0})
    runs = list(p.iter(q("w:r")))
    assert len(runs) == 1
    t = runs[0].find(q("w:t"))
    t.text = "Kèm theo     " + t.text
    t.set(XML_SPACE, "preserve")
    return doc.save(tmp_path / "shared-run.docx")


def _date_paragraph(path):
    p = Doc(path).para("Kèm theo")
    runs = list(p.iter(q("w:r")))
    return text_of(p), [(text_of(r), r.find(q("w:rPr")).find(q("w:i")).get(q("w:val"))) for r in runs]


def test_fix_refuses_to_format_a_piece_of_a_run_and_leaves_the_run(sample_docx, tmp_path):
    """The italic asked for the date cannot be set on its run without setting "Kèm theo" italic too: --fix says so
    (the refusal of runs.py) and the paragraph's text and its one run stay as they were."""
    source = _date_run_shared(sample_docx, tmp_path)
    before = _date_paragraph(source)
    assert before == ("Kèm theo     Quảng Nam, ngày 05 tháng 3 năm 2021",
                      [("Kèm theo     Quảng Nam, ngày 05 tháng 3 năm 2021", "0")])
    done = run("check", "--fix", source, "-o", tmp_path / "fixed.docx")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out  # a finding is left for the drafter
    assert ("không tự sửa: phần 1, đoạn 7: [địa danh, ngày tháng in nghiêng, canh giữa] đoạn chữ cần sửa chỉ là một "
            "phần của đoạn định dạng (run); sửa trong Word — “Quảng Nam, ngày 05 tháng 3 năm 2021”") in out, out
    assert "(0 chỗ đã sửa;" in out, out
    assert _date_paragraph(tmp_path / "fixed.docx") == before
