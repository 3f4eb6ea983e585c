"""Harm --fix did on judged documents, found by tests/real/measure_fix.py and looked at on the pages (fixharm,
2026-12-07)."""
from __future__ import annotations

import pytest

from generator.nd30.fix import fix_docx
from generator.word import read_docx
from tests.word.test_check import Doc, q
from tests.word.test_fix import sample_docx  # noqa: F401  (fixture)
from tests.word.test_fix_damage import landscape_appendix


def test_an_indented_table_is_not_carried_into_the_right_margin_FR4_QD01(sample_docx, tmp_path):
    """FR4-QD01's landscape appendix: a table 243 mm wide set 9.4 mm in from the left margin (tblInd 534) in a text
    area of 257 mm (left and right 20 mm). Left 20 → 30 and right 20 → 15 mm left the text area 252 mm, wider than
    the table's columns, so the margins were written; the table, following the left margin, printed 14.1 mm from the
    paper's right edge (24.3 before), inside ND30's smallest right margin. Its indent counts with its columns."""
    source = landscape_appendix(sample_docx, tmp_path, table_mm=243)
    doc = Doc(source)
    mar = doc.sections()[1].find(q("w:pgMar"))
    mar.set(q("w:left"), "1134")
    mar.set(q("w:right"), "1134")
    body = doc.xml().find(q("w:body"))
    for tbl in body.iter(q("w:tbl")):
        if tbl.getparent() is body and "STT" in "".join(t.text or "" for t in tbl.iter(q("w:t"))):
            tblpr = tbl.find(q("w:tblPr"))
            for jc in tblpr.findall(q("w:jc")):
                tblpr.remove(jc)
            ind = tblpr.find(q("w:tblInd"))
            if ind is None:
                ind = tblpr.makeelement(q("w:tblInd"), {})
                tblpr.append(ind)
            ind.set(q("w:w"), "534")
            ind.set(q("w:type"), "dxa")
    source = doc.save(tmp_path / "indented.docx")
    table = next(t for t in read_docx(source).value.tables if t.section == 1 and t.grid)
    assert table.indent_pt == pytest.approx(26.7, abs=0.1) and table.alignment in (None, "left")
    report = fix_docx(source, tmp_path / "fixed.docx")
    after = read_docx(tmp_path / "fixed.docx").value.sections[1]
    assert (after.margin_left_mm, after.margin_right_mm) == (pytest.approx(20, abs=0.1), pytest.approx(20, abs=0.1))
    assert any(m.rule == "page.margins" and "lùi vào 9 mm" in m.text and "cách mép phải" in m.text
               for m in report.refused), [m.text for m in report.refused]
